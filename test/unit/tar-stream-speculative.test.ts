// A large tar.gz whose gzip trailer states its size is decompressed once, streamed straight into the
// tar scanner (formats/compressed/speculative.ts); when the stated size proves wrong (a multi-member
// gzip, a forged ISIZE) what the pass reported is dropped and the tarball is scanned again the counted
// way, so every finding appears once and none is lost. Built in code (tar writer + fflate).
import { afterEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { fflateFactory, usePlatformFlate, type FlateFormat } from '../../src/engine/io/flate';
import { speculativeSize } from '../../src/engine/formats/compressed/speculative';
import { buildTar } from '../builders/tar';

const KiB = 1024, MiB = 1024 * 1024;
const LIMITS = { limits: { maxMemberBytes: MiB } }; // streams above 1 MiB (STREAM_TAR_ABOVE_BYTES is capped by it)
const EVIL_PICKLE = new Uint8Array([...'\x80\x02cposix\nsystem\nX\x02\x00\x00\x00id\x85R.'].map((c) => c.charCodeAt(0)));
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; out[i] = x & 0xff; }
  return out;
}
const TAR = buildTar({ members: [
  { name: 'model/evil.pkl', data: EVIL_PICKLE },
  ...Array.from({ length: 4 }, (_, i) => ({ name: `model/shard-${i}.bin`, data: noise(600 * KiB, i + 3) })),
  { name: 'model/late.pkl', data: EVIL_PICKLE },
] });
const TGZ = gzipSync(TAR, { level: 1, mtime: 0 });

/** Counts the DEFLATE decoders created per format (the fallback decoder, counted). */
function countDecoders(): Map<FlateFormat, number> {
  const made = new Map<FlateFormat, number>();
  usePlatformFlate((format, onData) => { made.set(format, (made.get(format) ?? 0) + 1); return fflateFactory(format, onData); });
  return made;
}
afterEach(() => usePlatformFlate(undefined));

const key = (r: FileReport) => r.findings.map((f) => `${f.ruleId} ${f.location.path.join('>')} ${f.location.offset ?? ''}`).sort();
const nodesOf = (r: FileReport) => r.nodes.map((n) => `${n.path.join('>')} ${n.status}`);
const dangerous = (r: FileReport) => r.findings.filter((f) => f.ruleId === 'pickle/dangerous-call');
const compressedNode = (r: FileReport) => r.nodes.find((n) => n.format === 'compressed')!;

describe('tar.gz scanned in one pass by its declared size', () => {
  it('decodes a streamed tar.gz once (plus the first-block peek), with the findings of the in-memory scan', async () => {
    const made = countDecoders();
    const once = await scan(fromBytes(TGZ, 'm.tar.gz'), LIMITS);
    expect(made.get('gzip')).toBe(2);
    usePlatformFlate(undefined);
    const inMemory = await scan(fromBytes(TGZ, 'm.tar.gz'));
    expect(key(once)).toEqual(key(inMemory));
    expect(nodesOf(once)).toEqual(nodesOf(inMemory));
    expect(dangerous(once)).toHaveLength(2);
    expect(compressedNode(once).notes).toMatchObject({ decompressedBytes: TAR.length });
    expect(compressedNode(once).notes).not.toHaveProperty('declaredSizeUnconfirmed');
  });

  it('rescans a multi-member gzip tarball (ISIZE states only the last member) the counted way, each finding once', async () => {
    const cut = TAR.length - 300 * KiB; // the last member's ISIZE (300 KiB) is below the streaming threshold
    const multi = new Uint8Array([...gzipSync(TAR.subarray(0, cut), { mtime: 0 }), ...gzipSync(TAR.subarray(cut), { mtime: 0 })]);
    // ISIZE below the threshold: no speculation. Now the other way round: a first member of 300 KiB.
    const head = 300 * KiB;
    const multi2 = new Uint8Array([...gzipSync(TAR.subarray(0, head), { mtime: 0 }), ...gzipSync(TAR.subarray(head), { mtime: 0 })]);
    const inMemory = await scan(fromBytes(TAR, 'm.tar'));
    for (const file of [multi, multi2]) {
      const r = await scan(fromBytes(file, 'm.tar.gz'), LIMITS);
      expect(dangerous(r)).toHaveLength(2);
      expect(key(r).filter((k) => k.startsWith('pickle/'))).toEqual(key(inMemory).filter((k) => k.startsWith('pickle/')).map((k) => k.replace('m.tar>', 'm.tar.gz>m.tar.gz (decompressed)>')));
      expect(r.nodes.filter((n) => n.format === 'tar')).toHaveLength(1);
    }
    const r2 = await scan(fromBytes(multi2, 'm.tar.gz'), LIMITS);
    expect(compressedNode(r2).notes?.['declaredSizeUnconfirmed']).toMatch(/more than the declared/);
  });

  it('drops the pass over a tar.gz whose ISIZE is forged larger or smaller, and finds each pickle once', async () => {
    for (const delta of [512 * KiB, -512 * KiB]) {
      const forged = TGZ.slice();
      const at = forged.length - 4;
      const isize = new DataView(forged.buffer).getUint32(at, true);
      new DataView(forged.buffer).setUint32(at, isize + delta, true);
      const r = await scan(fromBytes(forged, 'f.tar.gz'), LIMITS);
      expect(dangerous(r)).toHaveLength(2);
      expect(r.nodes.filter((n) => n.format === 'tar')).toHaveLength(1);
      expect(compressedNode(r).notes?.['declaredSizeUnconfirmed']).toBeTypeOf('string');
    }
  });
});

describe('speculativeSize', () => {
  it('takes gzip ISIZE only when it is the one size ≡ ISIZE mod 2^32 under the caps and above what is kept in memory', () => {
    expect(speculativeSize('gzip', 900e6, 4 * 1024 ** 3, 64 * MiB)).toBe(900e6);
    expect(speculativeSize('gzip', 900e6, 8 * 1024 ** 3, 64 * MiB)).toBeUndefined(); // 900e6 + 4 GiB also fits
    expect(speculativeSize('gzip', 900e6, 800e6, 64 * MiB)).toBeUndefined(); // above the ratio or budget cap
    expect(speculativeSize('gzip', 10 * MiB, 4 * 1024 ** 3, 64 * MiB)).toBeUndefined(); // small: kept in memory
    expect(speculativeSize('zlib', 900e6, 4 * 1024 ** 3, 64 * MiB)).toBeUndefined(); // zlib states no size
    expect(speculativeSize('xz', 9e9, 1e10, 64 * MiB)).toBe(9e9);
  });
});
