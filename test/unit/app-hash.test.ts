// The app's hash worker module (workers/hash.ts): SHA-256 of a File in large slices with read-ahead.
// Known vectors (FIPS 180-4 examples, the empty message), lengths on and around a slice boundary, and
// many slices, each checked against node:crypto; an aborted hash yields no digest; a short read throws.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Blob, type HashableBlob } from '../../workers/hash';

const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 17 + (i >> 8)) & 0xff);

describe('sha256Blob', () => {
  it('gives the known digest of the empty file', async () => {
    expect(await sha256Blob(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('gives the FIPS 180-4 digests of "abc" and the 448-bit message', async () => {
    expect(await sha256Blob(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Blob(new Blob(['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq']), { sliceBytes: 64 }))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto on a slice boundary, one byte either side, and across many slices', async () => {
    const slice = 4096;
    for (const n of [slice - 1, slice, slice + 1, 2 * slice, 37 * slice + 123]) {
      const data = bytes(n, n);
      const seen: number[] = [];
      const hex = await sha256Blob(new Blob([data]), { sliceBytes: slice, onProgress: (b) => seen.push(b) });
      expect(hex, `length ${n}`).toBe(nodeSha(data));
      expect(seen.at(-1)).toBe(n);
      expect(seen.length).toBe(Math.ceil(n / slice));
    }
  });

  it('matches node:crypto with the default 16 MiB slices on a 40 MiB blob of repeated chunks', async () => {
    const chunk = bytes(1024 * 1024 + 3);
    const parts = Array.from({ length: 40 }, () => chunk);
    const whole = new Uint8Array(chunk.length * parts.length);
    parts.forEach((p, i) => whole.set(p, i * chunk.length));
    expect(await sha256Blob(new Blob(parts))).toBe(nodeSha(whole));
  });

  it('returns no digest once aborted, so part of a file is never reported as its hash', async () => {
    const signal = { aborted: false };
    const hex = await sha256Blob(new Blob([bytes(10_000)]), { sliceBytes: 1000, signal,
      onProgress: (b) => { if (b >= 3000) signal.aborted = true; } });
    expect(hex).toBeUndefined();
  });

  it('throws on a short read (a file that shrank while it was read) instead of hashing less', async () => {
    const shrinking: HashableBlob = {
      size: 5000,
      slice: (s, e) => ({ arrayBuffer: async () => new ArrayBuffer(s >= 2000 ? Math.max(0, e - s - 1) : e - s) }),
    };
    await expect(sha256Blob(shrinking, { sliceBytes: 1000 })).rejects.toThrow(/short read at 2000/);
  });
});
