// Compressed tarballs streamed member by member (formats/compressed/stream.ts): a tar.gz larger than
// maxMemberBytes is scanned whole, not cut at one buffer; memory follows the largest member; reads
// behind the window restart decompression a bounded number of times. Built in code (tar writer +
// fflate); the zstd case uses fixtures/compressed-zstd.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { Budget } from '../../src/engine/limits';
import { DecompressedStream, tarStreamSink, tarStreamSource } from '../../src/engine/formats/compressed/stream';
import { buildTar } from '../builders/tar';

const KiB = 1024, MiB = 1024 * 1024;
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const EVIL_PICKLE = new Uint8Array([...'\x80\x02cposix\nsystem\nX\x02\x00\x00\x00id\x85R.'].map((c) => c.charCodeAt(0)));
function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; out[i] = x & 0xff; }
  return out;
}
const MEMBERS = [
  ...Array.from({ length: 6 }, (_, i) => ({ name: `model/shard-${i}.bin`, data: noise(700 * KiB, i + 1) })),
  { name: 'model/extra.pkl', data: EVIL_PICKLE },
];
const members = () => MEMBERS;
const TAR = buildTar({ members: MEMBERS });
const TGZ = gzipSync(TAR, { level: 1, mtime: 0 });

describe('tar.gz streaming', () => {
  it('scans every member of a tar.gz four times larger than maxMemberBytes, and finds the pickle at its end', async () => {
    const tgz = TGZ;
    const r = await scan(fromBytes(tgz, 'model.tar.gz'), { limits: { maxMemberBytes: MiB } });
    const tarNode = r.nodes.find((n) => n.format === 'tar')!;
    expect(tarNode.notes).toMatchObject({ members: 7, endMarker: true });
    expect(r.nodes.filter((n) => n.path.at(-1)?.startsWith('model/')).map((n) => n.path.at(-1))).toEqual(members().map((m) => m.name));
    expect(find(r, 'pickle/dangerous-call')[0]).toMatchObject({ severity: 'critical',
      location: { path: ['model.tar.gz', 'model.tar.gz (decompressed)', 'model/extra.pkl'] } });
    expect(find(r, 'scan/limit-reached')).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('gives the same findings streamed as in memory', async () => {
    const tgz = TGZ;
    const streamed = await scan(fromBytes(tgz, 'm.tgz'), { limits: { maxMemberBytes: MiB } });
    const inMemory = await scan(fromBytes(tgz, 'm.tgz'));
    const key = (r: FileReport) => r.findings.map((f) => `${f.ruleId} ${f.location.path.join('>')} ${f.location.offset ?? ''}`).sort();
    expect(key(streamed)).toEqual(key(inMemory));
    expect(streamed.nodes.map((n) => [n.path.join('>'), n.status])).toEqual(inMemory.nodes.map((n) => [n.path.join('>'), n.status]));
  });

  it('still stops a tar.gz bomb at the ratio limit and scans the members before the cut', async () => {
    const tgz = gzipSync(buildTar({ members: [{ name: 'a.pkl', data: EVIL_PICKLE }, { name: 'zeros.bin', data: new Uint8Array(32 * MiB) }] }), { level: 9, mtime: 0 });
    const r = await scan(fromBytes(tgz, 'bomb.tar.gz'), { limits: { maxMemberBytes: MiB } });
    expect(find(r, 'archive/compression-bomb')[0]).toMatchObject({ severity: 'warning', location: { path: ['bomb.tar.gz'] } });
    expect(find(r, 'pickle/dangerous-call')).toHaveLength(1);
    expect(r.complete).toBe(false);
  });

  it('streams a .tar.zst (fixtures/compressed-zstd) and finds the pickle member', async () => {
    const bytes = new Uint8Array(readFileSync('fixtures/compressed-zstd/malicious/pickle-member.tar.zst'));
    const streamed = await scan(fromBytes(bytes, 'p.tar.zst'), { limits: { maxMemberBytes: 2 * KiB } });
    const inMemory = await scan(fromBytes(bytes, 'p.tar.zst'));
    expect(find(streamed, 'pickle/dangerous-call').length).toBeGreaterThan(0);
    expect(find(streamed, 'pickle/dangerous-call').map((f) => f.location.path)).toEqual(find(inMemory, 'pickle/dangerous-call').map((f) => f.location.path));
  });
});

describe('tar.gz streaming on damaged input', () => {
  it('never throws out of scan() and never calls a damaged streamed tarball clean when it is cut short', async () => {
    const small = gzipSync(buildTar({ members: [...Array.from({ length: 4 }, (_, i) => ({ name: `w${i}.bin`, data: noise(3 * KiB, i + 9) })),
      { name: 'x.pkl', data: EVIL_PICKLE }] }), { mtime: 0 });
    await fc.assert(fc.asyncProperty(fc.nat(), fc.integer({ min: 0, max: 7 }), fc.double({ min: 0.05, max: 1, noNaN: true }), async (at, bit, keep) => {
      const b = small.slice(0, Math.max(1, Math.floor(small.length * keep)));
      b[at % b.length] ^= 1 << bit;
      const r = await scan(fromBytes(b, 'f.tar.gz'), { limits: { maxMemberBytes: 2 * KiB } });
      expect(r.nodes.length).toBeGreaterThan(0);
      if (keep < 0.9) expect(r.status).not.toBe('clean');
    }), { numRuns: 40, seed: 5 });
  });
});

describe('DecompressedStream', () => {
  async function stream(data: Uint8Array, cap: number) {
    const input = fromBytes(gzipSync(data, { mtime: 0 }));
    const budget = new Budget({ maxMemberBytes: cap });
    const sink = await tarStreamSink('gzip', input, budget, () => {});
    expect(sink).not.toBeNull();
    const { DECODERS } = await import('../../src/engine/formats/compressed/codecs');
    await DECODERS.gzip!(input, sink!, () => {}, Infinity);
    return tarStreamSource(sink!, 'gzip', input, 'x', budget, () => {}) as DecompressedStream;
  }
  const tar = () => TAR;

  it('reads forward and at random inside the window with the bytes of the tar', async () => {
    const t = tar();
    const s = await stream(t, MiB);
    expect(s).toBeInstanceOf(DecompressedStream);
    expect(s.size).toBe(t.length);
    expect(await s.read(0, 512)).toEqual(t.subarray(0, 512));
    expect(await s.read(600 * KiB, 100)).toEqual(t.subarray(600 * KiB, 600 * KiB + 100));
    expect(await s.read(100, 100)).toEqual(t.subarray(100, 200));
    expect(await s.read(t.length - 10, 100)).toEqual(t.subarray(t.length - 10));
    expect(await s.slice(1024, 2048).read(0, 1024)).toEqual(t.subarray(1024, 2048));
  });

  it('restarts for a read behind the window, and gives up after a few with a limit, not a wrong answer', async () => {
    const t = tar();
    const s = await stream(t, MiB);
    let restarts = 0;
    try {
      for (let i = 0; i < 10; i++) {
        await s.read(4 * MiB, 10);
        s.release(4 * MiB);
        expect(await s.read(0, 10)).toEqual(t.subarray(0, 10));
        restarts++;
      }
    } catch (e) {
      expect((e as Error).name).toBe('LimitExceeded');
    }
    expect(restarts).toBeGreaterThanOrEqual(2);
    expect(restarts).toBeLessThan(10);
  });
});
