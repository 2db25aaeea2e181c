// Compressed wrappers (joblib compress=..., standalone .gz/.bz2/.xz/.lz4) through the public scan():
// each codec decoded under the budget and its output scanned by content; bombs cut; what cannot be
// decoded reported, never passed as clean.
import { describe, expect, it } from 'vitest';
import { gzipSync, zlibSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { ascii } from '../../src/engine/io/text';
import { concat, op, pickle } from '../builders/pytorch';

const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
const critical = (r: FileReport, path: string) => r.findings.some((f) => f.severity === 'critical' && f.location.path.join('>') === path);
const EVIL = pickle(op.global('posix', 'system'), op.str('echo pwned'), [0x85], op.reduce());

// posix.system('echo ' + 'pwned ' * 60) as a 397-byte protocol-2 pickle (never loaded), compressed by
// CPython 3.11's bz2.compress, lzma.compress (xz and FORMAT_ALONE) and lz4.frame.compress
// (python3-lz4, content_checksum=True).
const VECTORS = {
  bz2: '425a6839314159265359e8a56f660000c5d3c07810400110400e63ece0420020005446a8c260132698f506d5350d1a1a68da8c842ad465ec1aef448094b4e5a0900ce9016ad9e37480f2f1ed10018e8eac592722000f64f05dc914e14243a295bd98',
  xz: 'fd377a585a000004e6d6b4460200210116000000742fe5a3e0018c00335d0040008803cb87e60e3fc6dba6623ad0e017a8248db812b9a691a6d6d2914c61278c4d5e08a07bde3120864f0a5ea271ea1879000000a7a9c201a1c2339a00014f8d03000000a9b79866b1c467fb020000000004595a',
  lzma: '5d00008000ffffffffffffffff0040008803cb87e60e3fc6dba6623ad0e017a8248db812b9a691a6d6d2914c61278c4d5e08a07bde3120864f0a5ea271ebd2c85fffff3c500000',
  lz4: '04224d186c408d010000000000000a31000000ff12800263706f7369780a73797374656d0a7100586d0100006563686f2070776e65640600ff519071018571025271032e00000000b3f57fa0',
};

describe('compressed wrappers: every codec joblib writes', () => {
  it.each([['gzip', gzipSync(EVIL)], ['zlib', zlibSync(EVIL)]] as const)('decodes %s and scans the pickle inside (CRITICAL)', async (codec, bytes) => {
    const r = await scan(fromBytes(bytes, 'model.joblib'));
    expect(r.format).toBe('compressed');
    expect(r.nodes[0]!.notes).toMatchObject({ codec, decompressedBytes: EVIL.length });
    expect(r.nodes[1]).toMatchObject({ path: ['model.joblib', 'model.joblib (decompressed)'], format: 'pickle', size: EVIL.length });
    expect(critical(r, 'model.joblib>model.joblib (decompressed)')).toBe(true);
    expect(r.complete).toBe(true);
  });

  it.each(['bz2', 'xz', 'lz4'] as const)('decodes %s (vector made by CPython) and scans the pickle inside', async (codec) => {
    const r = await scan(fromBytes(hex(VECTORS[codec]), `model.pkl.${codec}`));
    expect(r.nodes[0]!.notes).toMatchObject({ codec, decompressedBytes: 397 });
    expect(r.nodes[1]!.format).toBe('pickle');
    expect(critical(r, `model.pkl.${codec}>model.pkl.${codec} (decompressed)`)).toBe(true);
  });

  it('decodes bzip2 where Node\'s Buffer does not exist (a browser worker)', async () => {
    const g = globalThis as { Buffer?: unknown };
    const saved = g.Buffer;
    delete g.Buffer;
    try {
      const r = await scan(fromBytes(hex(VECTORS.bz2), 'a.bz2'));
      expect(r.nodes[0]!.notes).toMatchObject({ codec: 'bz2', decompressedBytes: 397 });
    } finally {
      g.Buffer = saved;
    }
    expect(g.Buffer).toBe(saved);
  });

  it("decodes joblib's old 'ZF' format (hex length header, then zlib)", async () => {
    const header = ascii(('ZF' + `0x${EVIL.length.toString(16)}`.padEnd(19, ' ')));
    const r = await scan(fromBytes(concat(header, zlibSync(EVIL)), 'old.pkl'));
    expect(r.nodes[0]!.notes).toMatchObject({ codec: 'joblib-zfile' });
    expect(critical(r, 'old.pkl>old.pkl (decompressed)')).toBe(true);
  });

  it('decodes LZMA-alone (joblib compress="lzma") with the built-in decoder', async () => {
    const r = await scan(fromBytes(hex(VECTORS.lzma), 'model.joblib'));
    expect(r.nodes[0]!.notes).toMatchObject({ codec: 'lzma', decompressedBytes: 397 });
    expect(critical(r, 'model.joblib>model.joblib (decompressed)')).toBe(true);
  });

  it('reports input too large to decode in memory as an unsupported codec: WARNING, incomplete, never clean', async () => {
    const r = await scan(fromBytes(hex(VECTORS.lzma), 'model.joblib'), { limits: { maxMemberBytes: 32 } });
    expect(find(r, 'compressed/unsupported-codec')).toMatchObject([{ severity: 'warning' }]);
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });
});

describe('compressed wrappers: hostile data', () => {
  it('stops a gzip bomb at the ratio limit and scans what it kept', async () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const r = await scan(fromBytes(bomb, 'bomb.gz'));
    expect(find(r, 'archive/compression-bomb')).toMatchObject([{ severity: 'warning', location: { path: ['bomb.gz'] } }]);
    expect(r.complete).toBe(false);
    expect(r.nodes[1]!.size).toBeLessThan(64 * 1024 * 1024);
  });

  it('reports a truncated stream as malformed after scanning the part that decoded', async () => {
    const big = concat(EVIL, new Uint8Array(200_000).map((_, i) => (i * 7919) % 251));
    const gz = gzipSync(big);
    const r = await scan(fromBytes(gz.subarray(0, gz.length >> 1), 'cut.gz'));
    expect(find(r, 'format/malformed')[0]!.message).toMatch(/gzip/);
    expect(r.complete).toBe(false);
    expect(critical(r, 'cut.gz>cut.gz (decompressed)')).toBe(true);
  });

  it('does not claim random bytes that merely start with a valid zlib header', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24);
    noise[0] = 0x78; noise[1] = 0x9c;
    const r = await scan(fromBytes(noise, 'blob.bin'));
    expect(r.format).not.toBe('compressed');
  });

  it('reports corrupt LZMA data as malformed', async () => {
    const bad = hex(VECTORS.lzma);
    for (let i = 20; i < 40; i++) bad[i] = 0xff;
    const r = await scan(fromBytes(bad, 'x.lzma'));
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('reports corrupt LZ4 blocks as malformed', async () => {
    const bad = hex(VECTORS.lz4);
    bad[20] = 0xff; bad[21] = 0xff; // a match offset past the start of the data
    const r = await scan(fromBytes(bad, 'x.lz4'));
    expect(find(r, 'format/malformed')).toHaveLength(1);
    expect(r.complete).toBe(false);
  });
});
