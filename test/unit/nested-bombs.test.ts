// Bombs that cross wrappers: each layer alone looks harmless, the whole explodes. Depth and the one
// per-file inflation budget (limits.ts Budget, shared by every node of a file) must stop them with a
// finding, and the report must say incomplete, never clean. Built in code: zip/tar writers and fflate.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { buildZip } from '../builders/zip';
import { buildTar } from '../builders/tar';

const MiB = 1024 * 1024;
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const gz = (b: Uint8Array) => gzipSync(b, { level: 9, mtime: 0 });
/** Deterministic bytes gzip cannot shrink (xorshift32). */
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; out[i] = x & 0xff; }
  return out;
}
function expectStopped(r: FileReport) {
  expect(r.complete).toBe(false);
  expect(r.status).toBe('error');
  expect(r.nodes.some((n) => n.status === 'limited')).toBe(true);
}

describe('nested bombs across wrappers', () => {
  it('stops a gzip of a gzip of ... (12 deep) of zeros at the depth limit, incomplete', async () => {
    let b = new Uint8Array(8 * MiB);
    for (let i = 0; i < 12; i++) b = gz(b);
    const r = await scan(fromBytes(b, 'zeros.gz'));
    expect(b.length).toBeLessThan(64 * 1024);
    expect(find(r, 'archive/nesting-too-deep')).toHaveLength(1);
    expectStopped(r);
  });

  it('with a deeper depth limit the same chain is stopped by the ratio limit at the zeros, incomplete', async () => {
    let b = new Uint8Array(64 * MiB);
    for (let i = 0; i < 6; i++) b = gz(b);
    const r = await scan(fromBytes(b, 'zeros.gz'), { limits: { maxDepth: 20 } });
    expect(find(r, 'archive/compression-bomb').length).toBeGreaterThan(0);
    expect(find(r, 'archive/nesting-too-deep')).toEqual([]);
    expectStopped(r);
  });

  it('42.zip-style: 16 × 16 × 16 deflated leaves of 4 MiB zeros are refused by arithmetic, twins unopened, in a few findings', async () => {
    const leaf = { name: 'zeros.bin', method: 8, data: new Uint8Array(4 * MiB) };
    const l1 = buildZip({ members: Array.from({ length: 16 }, (_, i) => ({ ...leaf, name: `${i}.bin` })) });
    const l2 = buildZip({ members: Array.from({ length: 16 }, (_, i) => ({ name: `${i}.zip`, method: 8, data: l1 })) });
    const l3 = buildZip({ members: Array.from({ length: 16 }, (_, i) => ({ name: `${i}.zip`, method: 8, data: l2 })) });
    expect(l3.length).toBeLessThan(2 * MiB);
    const r = await scan(fromBytes(l3, '42.zip'), { limits: { maxInflatedBytes: 64 * MiB } });
    const bombs = find(r, 'archive/compression-bomb');
    // Each leaf declares 4 MiB from ~4 KiB: refused before inflating; only one copy per level is opened.
    expect(bombs.some((f) => /declares 4\.0 MiB from .* above the 200:1 limit\); only its first 16 MiB were inflated and scanned/.test(f.message))).toBe(true);
    expect(bombs.some((f) => /15 members are byte-for-byte copies of a member that held a compression bomb/.test(f.message))).toBe(true);
    expect(bombs.length).toBeLessThanOrEqual(6);
    expect(r.nodes.length).toBeLessThanOrEqual(4);
    expectStopped(r);
  });

  it('a tar of gzip members of incompressible data stops at the shared budget, not per member', async () => {
    const members = Array.from({ length: 6 }, (_, i) => ({ name: `part${i}.bin.gz`, data: gz(noise(2 * MiB, i + 1)) }));
    const r = await scan(fromBytes(buildTar({ members }), 'parts.tar'), { limits: { maxInflatedBytes: 5 * MiB } });
    const cut = r.findings.filter((f) => (f.ruleId === 'archive/compression-bomb' || f.ruleId === 'scan/limit-reached') && /inflated|maxInflatedBytes/.test(f.message));
    expect(cut.length).toBeGreaterThan(0);
    const decompressed = r.nodes.filter((n) => n.format === 'compressed').reduce((s, n) => s + Number(n.notes?.decompressedBytes ?? 0), 0);
    expect(decompressed).toBeLessThanOrEqual(5 * MiB);
    expectStopped(r);
  });

  it('a zip bomb inside a tar.gz inside a zip inside a gzip is found through every wrapper, incomplete', async () => {
    const bomb = buildZip({ members: [{ name: 'zeros.bin', method: 8, data: new Uint8Array(64 * MiB) }] });
    const tgz = gz(buildTar({ members: [{ name: 'inner/bomb.zip', data: bomb }] }));
    const zip = buildZip({ members: [{ name: 'layer.tar.gz', data: tgz }] });
    const r = await scan(fromBytes(gz(zip), 'wrapped.zip.gz'));
    const [hit] = find(r, 'archive/compression-bomb');
    expect(hit).toBeDefined();
    expect(hit!.location.path.at(-1)).toBe('inner/bomb.zip');
    expect(hit!.location.path[0]).toBe('wrapped.zip.gz');
    expectStopped(r);
  });

  it('mixed wrappers nested past the depth limit (zip > gz > tar > gz > zip > gz > tar) are cut at the limit', async () => {
    let b: Uint8Array = buildTar({ members: [{ name: 'leaf.txt', data: 'deep' }] });
    const wrap = [(x: Uint8Array) => gz(x), (x: Uint8Array) => buildZip({ members: [{ name: 'n.bin', data: x }] }),
      (x: Uint8Array) => gz(x), (x: Uint8Array) => buildTar({ members: [{ name: 'n.bin', data: x }] }),
      (x: Uint8Array) => gz(x), (x: Uint8Array) => buildZip({ members: [{ name: 'n.bin', data: x }] })];
    for (const w of wrap) b = w(b);
    const r = await scan(fromBytes(b, 'deep.zip'));
    expect(find(r, 'archive/nesting-too-deep')).toHaveLength(1);
    expect(r.nodes.some((n) => n.path.at(-1) === 'leaf.txt')).toBe(false);
    expectStopped(r);
  });
});
