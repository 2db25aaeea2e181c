// The hardened Zstandard decoder (zstd-block.ts, zstd-entropy.ts, xxhash64.ts): real multi-block
// frames from zstd 1.5.4 decode exactly (their XXH64 checksums are verified), and corrupt frames are
// malformed, never silently short: a wrong checksum, a content size the blocks do not produce, and
// every single-bit flip of a real checksummed frame.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { decodeZstd, ZstdError } from '../../src/engine/formats/compressed/zstd';
import { Xxh64 } from '../../src/engine/formats/compressed/xxhash64';
import { Sink } from '../../src/engine/formats/compressed/sink';
import { Budget } from '../../src/engine/limits';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/compressed-zstd/${p}`));

async function decode(bytes: Uint8Array) {
  const sink = new Sink(new Budget({ maxCompressionRatio: 1e6 }), bytes.length);
  try {
    const out = await decodeZstd(fromBytes(bytes, 'x.zst'), sink, () => {});
    return { out: out.kind, bytes: sink.bytes() };
  } catch (e) {
    if (!(e instanceof ZstdError)) throw e;
    return { out: 'error', message: e.message, bytes: sink.bytes() };
  }
}

describe('zstd decoder: real frames', () => {
  it.each(['multiblock-1.txt.zst', 'multiblock-19.txt.zst', 'multiblock-wlog14.txt.zst'])('decodes the 300,000-byte multi-block frame %s and its checksum matches', async (name) => {
    const r = await decode(load(`benign/${name}`));
    expect(r.out).toBe('done');
    expect(r.bytes.length).toBe(300_000);
    expect(new TextDecoder().decode(r.bytes.subarray(299_000))).toMatch(/^[a-z0-9 \n]+$/);
  });

  it('computes XXH64 as the reference does (empty input, and one byte split across updates)', () => {
    const h = new Xxh64();
    expect(h.digestLow32()).toBe(0x51d8e999); // XXH64("") = 0xEF46DB3751D8E999
    const whole = new Xxh64(), split = new Xxh64();
    const data = new Uint8Array(1000).map((_, i) => (i * 7) & 0xff);
    whole.update(data);
    for (let i = 0; i < data.length; i += 13) split.update(data.subarray(i, i + 13));
    expect(split.digestLow32()).toBe(whole.digestLow32());
  });
});

describe('zstd decoder: corrupt frames are malformed, never clean', () => {
  it('a frame whose content checksum does not match is malformed and the scan incomplete', async () => {
    const bytes = load('malicious/model.pkl.zst');
    bytes[bytes.length - 1] ^= 0x01;
    const r = await scan(fromBytes(bytes, 'model.pkl.zst'));
    expect(r.findings.find((f) => f.ruleId === 'format/malformed')!.message).toContain('checksum mismatch');
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('a frame declaring more content than its blocks produce is malformed', async () => {
    // single segment, 1-byte content size 5, one raw last block of 3 bytes, no checksum
    const bytes = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x20, 5, (3 << 3) | 1, 0, 0, 0x41, 0x42, 0x43]);
    const r = await decode(bytes);
    expect(r.out).toBe('error');
    expect(r.message).toContain('not its declared 5');
  });

  it('every single-bit flip of a real checksummed frame is an error, a refused header, or the exact original', async () => {
    const base = load('malicious/model.pkl.zst');
    const original = (await decode(base)).bytes;
    const started = Date.now();
    for (let i = 0; i < base.length * 8; i++) {
      const b = base.slice();
      b[i >> 3] ^= 1 << (i & 7);
      const r = await decode(b);
      if (r.out === 'done') expect(r.bytes).toEqual(original);
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
