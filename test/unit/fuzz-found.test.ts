// Inputs `npm run fuzz` found (issue 15), kept as fixtures with the outcome they must reach; see
// test/fuzz/found/MANIFEST.md. Both were fixed by the hardened Zstandard decoder (zstd-block.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';

const load = (p: string) => fromBytes(new Uint8Array(readFileSync(p)), p.split('/').pop()!);

describe('fuzz findings (zstd)', () => {
  // The first scan in a process loads the engine's lazy parts; time only the findings themselves.
  beforeAll(async () => { await scan(load('fixtures/compressed-zstd/malicious/model.pkl.zst')); }, 120_000);

  it('a corrupt second zstd frame is reported malformed and incomplete, quickly, never clean', async () => {
    const started = Date.now();
    const r = await scan(load('test/fuzz/found/zstd-slow-second-frame.pkl.zst'));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
    expect(r.findings.some((f) => f.ruleId === 'format/malformed')).toBe(true);
  });

  it('a zstd frame whose Huffman weights never end (0-bit states) is malformed at once, without a timeout', async () => {
    const started = Date.now();
    const r = await scan(load('test/fuzz/found/zstd-hang-frame.pkl.zst'));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r.complete).toBe(false);
    expect(r.findings.find((f) => f.ruleId === 'format/malformed')!.message).toContain('more than 255 Huffman weights');
  });
});

describe('fuzz findings (HDF5)', () => {
  it('a vlen string attribute declaring 878 MB at a heap outside the file is malformed at once, before libhdf5 allocates it', async () => {
    const started = Date.now();
    const r = await scan(load('test/fuzz/found/hdf5-vlen-878mb.h5'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.complete).toBe(false);
    expect(r.findings.find((f) => f.ruleId === 'format/malformed')!.message).toContain('878903313 bytes, more than the whole file');
  }, 60_000);
});
