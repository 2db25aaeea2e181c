// HDF5 group listings are bounded before libhdf5 allocates them (issue 15): a group B-tree whose
// nodes all point at the same child lists 8.4 M links from 10 KB (fixtures/keras/malformed/
// group-link-bomb.hdf5, built by fixtures/keras/make_group_bomb.py). The pre-check counts the links
// each group would list, shared nodes once per visit as libhdf5 walks them, and refuses the file at
// MAX_GROUP_LINKS: a limit (incomplete), not malformed and not malicious.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { precheckHdf5, MAX_GROUP_LINKS } from '../../src/engine/formats/keras/precheck';
import { LimitExceeded } from '../../src/engine/types';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/keras/${p}`));

describe('HDF5 group listings bounded before allocation', () => {
  it('refuses a B-tree of shared nodes listing 8.4 M links before libhdf5 lists them', async () => {
    const started = Date.now();
    await expect(precheckHdf5(fromBytes(load('malformed/group-link-bomb.hdf5'), 'x.hdf5'))).rejects.toBeInstanceOf(LimitExceeded);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(MAX_GROUP_LINKS).toBe(100_000);
  });

  it('the scan of that file is incomplete with the limit named, never clean, never critical', async () => {
    const r = await scan(fromBytes(load('malformed/group-link-bomb.hdf5'), 'group-link-bomb.hdf5'));
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
    expect(r.findings.some((f) => f.message.includes('MAX_GROUP_LINKS'))).toBe(true);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
  }, 60_000);

  it('the file it was made from passes the pre-check and scans clean', async () => {
    expect(await precheckHdf5(fromBytes(load('benign/plain-data.hdf5'), 'x.hdf5'))).toBeNull();
    const r = await scan(fromBytes(load('benign/plain-data.hdf5'), 'plain-data.hdf5'));
    expect(r.complete).toBe(true);
  }, 60_000);
});
