// The two-thread hash (workers/hash-relay.ts): a reader posts transferred buffers over a MessagePort and
// a hasher hashes them and hands them back. Run here over Node's MessageChannel, in one thread: the
// digest must equal node:crypto's across buffer boundaries, on the stream and the sliced path, with a
// pool of one buffer; a file that shrank or grew while read, or a read error, never yields a digest.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HashableBlob } from '../../workers/hash';
import { readToPort, sha256FromPort, type RelayPort } from '../../workers/hash-relay';

const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 17 + (i >> 8)) & 0xff);

/** Hashes `blob` the relay way; `size` is what the hasher is told (the file's size when the hash started). */
async function relay(blob: HashableBlob, opts: { size?: number; step?: number; buffers?: number; progress?: number[] } = {}) {
  const { port1, port2 } = new MessageChannel();
  const hex = sha256FromPort(opts.size ?? blob.size, port2 as unknown as RelayPort, (b) => opts.progress?.push(b));
  const read = readToPort(blob, port1 as unknown as RelayPort, opts.step, opts.buffers);
  try {
    return await Promise.race([hex, read.then(() => hex)]);
  } finally {
    read.catch(() => {});
    hex.catch(() => {});
    port1.close();
    port2.close();
  }
}

describe('hash relay (reader worker → hashing worker)', () => {
  it('gives the known digests of the empty file and of "abc"', async () => {
    expect(await relay(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await relay(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto on a buffer boundary, one byte either side, and across many buffers, with pools of 1 and 3', async () => {
    for (const buffers of [1, 3]) {
      for (const n of [4095, 4096, 4097, 37 * 4096 + 123]) {
        const data = bytes(n, n);
        const progress: number[] = [];
        expect(await relay(new Blob([data]), { step: 4096, buffers, progress }), `length ${n}, ${buffers} buffers`).toBe(nodeSha(data));
        expect(progress.at(-1)).toBe(n);
      }
    }
  });

  it('keeps at most the pool\'s buffers in flight however large the file (memory bounded by the pool)', async () => {
    const data = bytes(64 * 1024 + 5);
    const { port1, port2 } = new MessageChannel();
    let inFlight = 0;
    let most = 0;
    const reader = port1 as unknown as RelayPort;
    const send = reader.postMessage.bind(reader);
    reader.postMessage = (m: unknown, t?: Transferable[]) => {
      if ((m as { kind?: string }).kind === 'bytes') most = Math.max(most, ++inFlight);
      send(m, t);
    };
    const hasher = port2 as unknown as RelayPort;
    const giveBack = hasher.postMessage.bind(hasher);
    hasher.postMessage = (m: unknown, t?: Transferable[]) => { inFlight--; giveBack(m, t); };
    const hex = sha256FromPort(data.length, hasher);
    await readToPort(new Blob([data]), reader, 1024, 2);
    expect(await hex).toBe(nodeSha(data));
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(2);
    port1.close();
    port2.close();
  });

  it('matches node:crypto on the sliced path (a blob without a stream)', async () => {
    const data = bytes(10 * 4096 + 77);
    const blob = new Blob([data]);
    const sliceOnly: HashableBlob = { size: blob.size, slice: (s, e) => blob.slice(s, e) };
    expect(await relay(sliceOnly, { step: 4096 })).toBe(nodeSha(data));
  });

  it('fails when the stream ends before the size the hash started with (a file that shrank)', async () => {
    await expect(relay(new Blob([bytes(4000)]), { size: 5000, step: 1000 })).rejects.toThrow(/short read at 4000/);
  });

  it('fails when the stream gives more than that size (a file that grew)', async () => {
    await expect(relay(new Blob([bytes(4000)]), { size: 3000, step: 1000 })).rejects.toThrow(/long read at 3000/);
  });

  it('fails with the reader\'s error when the read fails midway', async () => {
    let pulls = 0;
    const failing: HashableBlob = {
      size: 10_000,
      slice: () => { throw new Error('sliced read'); },
      stream: () => new ReadableStream({
        type: 'bytes',
        pull(c) {
          if (++pulls > 2) { c.error(new Error('NotReadableError: the file changed')); return; }
          c.enqueue(bytes(1000));
        },
      }),
    };
    await expect(relay(failing, { step: 1000 })).rejects.toThrow(/file changed/);
  });
});
