// Bounds of the HDF5 pre-check against what the walk through libhdf5 will do (issue 15): the whole
// reachable graph is checked (the old check stopped after 5,000 objects, the walk goes to 20,000 and
// opens every child of each group it lists), files past MAX_PRECHECK_OBJECTS are refused, and groups
// the path-based walk would list again and again (hard links that loop back) are refused before
// libhdf5 lists anything. Hand-built files: test/builders/hdf5.ts; h5py ones: fixtures/keras/make_links.py.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { precheckHdf5 } from '../../src/engine/formats/keras/precheck';
import { MAX_HDF5_OBJECTS, MAX_PRECHECK_OBJECTS } from '../../src/engine/formats/keras/limits';
import { LimitExceeded } from '../../src/engine/types';
import { hdf5Fanout, hdf5SharedLinkBlocks } from '../builders/hdf5';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/keras/${p}`));

describe('HDF5 pre-check bounds', () => {
  it('reports a broken object header reached after 6,000 others (past the old 5,000-object stop) as malformed', async () => {
    expect(await precheckHdf5(fromBytes(hdf5Fanout(1, 6_000, true), 'x.h5'))).toMatch(/a message of the object header at \d+ runs past its block/);
  });

  it('checks at least every object the walk visits', () => {
    expect(MAX_PRECHECK_OBJECTS).toBeGreaterThanOrEqual(MAX_HDF5_OBJECTS);
  });

  it('refuses a file of 102,004 objects (past MAX_PRECHECK_OBJECTS) within its bound, without a hang', async () => {
    const started = Date.now();
    await expect(precheckHdf5(fromBytes(hdf5Fanout(3, 34_000), 'x.h5'))).rejects.toThrow(/more than 100000 objects \(MAX_PRECHECK_OBJECTS\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('passes a file of 90,004 empty objects (under the bound): nothing in it is broken', async () => {
    expect(await precheckHdf5(fromBytes(hdf5Fanout(3, 30_000), 'x.h5'))).toBeNull();
  }, 30_000);

  it('refuses 12 groups of 87,380 links each (over 1 M in all, from 2 MiB of shared blocks) at MAX_PRECHECK_LINKS, quickly', async () => {
    const started = Date.now();
    await expect(precheckHdf5(fromBytes(hdf5SharedLinkBlocks(12), 'x.h5'))).rejects.toThrow(/more than 1000000 links in all \(MAX_PRECHECK_LINKS\)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('passes 11 such groups (961,180 links, each group listed once): under every bound', async () => {
    expect(await precheckHdf5(fromBytes(hdf5SharedLinkBlocks(11), 'x.h5'))).toBeNull();
  }, 30_000);

  it('refuses a group of 50 hard links to itself (listed 50^d times by path) before libhdf5 lists it, quickly', async () => {
    const started = Date.now();
    await expect(precheckHdf5(fromBytes(load('malformed/group-self-links.hdf5'), 'x.hdf5'))).rejects.toBeInstanceOf(LimitExceeded);
    expect(Date.now() - started).toBeLessThan(2_000);
    const r = await scan(fromBytes(load('malformed/group-self-links.hdf5'), 'group-self-links.hdf5'));
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
    expect(r.findings.some((f) => f.message.includes('MAX_HDF5_RELISTED_LINKS'))).toBe(true);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('passes an h5py file whose layer group is reached a second time through an alias, and scans it clean and complete', async () => {
    expect(await precheckHdf5(fromBytes(load('benign/group-alias.hdf5'), 'x.hdf5'))).toBeNull();
    const r = await scan(fromBytes(load('benign/group-alias.hdf5'), 'group-alias.hdf5'));
    expect(r.complete).toBe(true);
    expect(r.status).toBe('clean');
  }, 60_000);
});
