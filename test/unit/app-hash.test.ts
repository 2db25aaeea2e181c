// The app's hash worker module (workers/hash.ts): SHA-256 of a File read through a BYOB reader of its
// byte stream (sliced reads with read-ahead where there is no stream). Known vectors (FIPS 180-4
// examples, the empty message), lengths on and around a buffer boundary, and many buffers, each checked
// against node:crypto, on both paths; an aborted hash yields no digest; a short or long read throws.
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

  it('matches node:crypto with the default buffer size on a 40 MiB blob of repeated chunks', async () => {
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

  it('reads through the byte stream when the blob has one, never slicing it', async () => {
    const data = bytes(3 * 4096 + 5);
    const blob = new Blob([data]);
    const streamOnly: HashableBlob = {
      size: blob.size,
      slice: () => { throw new Error('sliced read'); },
      stream: () => blob.stream(),
    };
    expect(await sha256Blob(streamOnly, { sliceBytes: 4096 })).toBe(nodeSha(data));
  });

  it('matches node:crypto on the sliced path (a blob without a stream) across a boundary and many slices', async () => {
    for (const n of [0, 4095, 4096, 4097, 37 * 4096 + 123]) {
      const data = bytes(n, n);
      const blob = new Blob([data]);
      const sliceOnly: HashableBlob = { size: blob.size, slice: (s, e) => blob.slice(s, e) };
      expect(await sha256Blob(sliceOnly, { sliceBytes: 4096 }), `length ${n}`).toBe(nodeSha(data));
    }
  });

  it('throws when the stream ends early (a file that shrank while it was read) instead of hashing less', async () => {
    const shorter: HashableBlob = { size: 5000, slice: () => { throw new Error('sliced read'); }, stream: () => new Blob([bytes(4000)]).stream() };
    await expect(sha256Blob(shorter, { sliceBytes: 1000 })).rejects.toThrow(/short read at 4000/);
  });

  it('throws when the stream gives more bytes than the file\'s size (a file that grew) instead of hashing them', async () => {
    const longer: HashableBlob = { size: 3000, slice: () => { throw new Error('sliced read'); }, stream: () => new Blob([bytes(4000)]).stream() };
    await expect(sha256Blob(longer, { sliceBytes: 1000 })).rejects.toThrow(/long read at 3000/);
    const longerInOneBuffer: HashableBlob = { size: 3000, slice: () => { throw new Error('sliced read'); }, stream: () => new Blob([bytes(3500)]).stream() };
    await expect(sha256Blob(longerInOneBuffer)).rejects.toThrow(/long read/);
  });

  it('throws on a short sliced read (a file that shrank while it was read) instead of hashing less', async () => {
    const shrinking: HashableBlob = {
      size: 5000,
      slice: (s, e) => ({ arrayBuffer: async () => new ArrayBuffer(s >= 2000 ? Math.max(0, e - s - 1) : e - s) }),
    };
    await expect(sha256Blob(shrinking, { sliceBytes: 1000 })).rejects.toThrow(/short read at 2000/);
  });
});
