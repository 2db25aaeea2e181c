// SHA-256 of a whole File for the browser app, on the hash worker (src/app/hasher.ts starts it).
// hash-wasm is incremental (Web Crypto's digest() is one-shot only, which would need the whole file in
// memory: w3c/webcrypto issue 73) and needs no eval, only 'wasm-unsafe-eval', which the page's CSP
// allows (src/cli/app-headers.ts). Its WASM is inlined in its JS, so neither the PWA precache nor the
// single-file build has a new asset to carry.
//
// How the bytes are read decides the speed (measured in Chromium, test/bench/browser-hash.mjs, with the
// CPU time of every browser thread; 2026-12): `blob.slice().arrayBuffer()` spends about as much CPU on
// this worker's own thread as the hash does (the bytes are gathered and copied here), so read-ahead
// cannot overlap it and the worker ran at about half the hasher's rate. A BYOB reader of `blob.stream()`
// lets the browser's I/O threads move the bytes straight into one reused buffer: this thread then does
// almost nothing but hash (0.93× hash-wasm's own rate; the app goes one step further and reads on a
// second worker: hash-relay.ts). Web Crypto is no faster here: Chromium's digest() ran on the calling
// thread at ~70-80% of hash-wasm's rate.
import { createSHA256 } from 'hash-wasm';

/**
 * Bytes hashed per step. One buffer of this size is reused for the whole file (BYOB reads fill it), so
 * this bounds the worker's memory; 4 MiB amortises the JS→WASM call and the progress callback.
 */
export const HASH_SLICE_BYTES = 4 * 1024 * 1024;

/** Anything with Blob's size and slice (a File, a Blob; tests pass a Node Blob). */
export interface HashableBlob {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
  /** A Blob's byte stream; read with a BYOB reader where the platform gives one (else sliced reads). */
  stream?(): ReadableStream<Uint8Array>;
}

export interface HashOptions {
  /** Called after each buffer (or slice) with the bytes hashed so far. */
  onProgress?: (bytesHashed: number) => void;
  /** Checked between buffers: an aborted hash returns undefined, never a digest of part of the file. */
  signal?: { readonly aborted: boolean };
  /** Buffer (or slice) size; tests make it small to cross buffer boundaries. */
  sliceBytes?: number;
}

/** Lower-case hex SHA-256 of the whole blob, or undefined when aborted. Throws on a short or long read. */
export async function sha256Blob(blob: HashableBlob, opts: HashOptions = {}): Promise<string | undefined> {
  const step = Math.max(64, Math.floor(opts.sliceBytes ?? HASH_SLICE_BYTES));
  const hasher = await createSHA256();
  hasher.init();
  const reader = byobReader(blob);
  const ok = reader ? await hashStream(reader, blob.size, step, hasher, opts) : await hashSlices(blob, step, hasher, opts);
  return ok ? hasher.digest('hex') : undefined;
}

type Hasher = Awaited<ReturnType<typeof createSHA256>>;

/** A BYOB reader of the blob's stream, or undefined where there is none (the sliced reads then serve). */
export function byobReader(blob: HashableBlob): ReadableStreamBYOBReader | undefined {
  if (typeof blob.stream !== 'function') return undefined;
  try {
    return blob.stream().getReader({ mode: 'byob' });
  } catch {
    return undefined; // not a byte stream here
  }
}

/**
 * Reads from the stream until `buf` is full or the stream ends. A BYOB read transfers the buffer and
 * hands it back in its result (also when the stream is done), so the buffer to use next is returned.
 */
export async function fillBuffer(reader: ReadableStreamBYOBReader, buf: ArrayBuffer):
  Promise<{ buf: ArrayBuffer; filled: number; done: boolean }> {
  let filled = 0;
  while (filled < buf.byteLength) {
    const r = await reader.read(new Uint8Array(buf, filled, buf.byteLength - filled));
    if (r.value) buf = r.value.buffer as ArrayBuffer;
    if (r.done) return { buf, filled, done: true };
    filled += r.value.byteLength;
  }
  return { buf, filled, done: false };
}

/**
 * Fills one reused buffer from the stream and hashes it, until the stream ends. The byte count must be
 * the blob's size exactly: a file that shrank or grew while it was read never yields a digest.
 */
async function hashStream(reader: ReadableStreamBYOBReader, size: number, step: number, hasher: Hasher,
  opts: HashOptions): Promise<boolean> {
  let buf = new ArrayBuffer(Math.max(1, Math.min(step, size)));
  let hashed = 0;
  let finished = false;
  try {
    while (!finished) {
      const got = await fillBuffer(reader, buf);
      buf = got.buf;
      finished = got.done;
      const filled = got.filled;
      if (opts.signal?.aborted) return false;
      if (hashed + filled > size) throw new Error(`long read at ${hashed} while hashing (the file is larger than its ${size} bytes)`);
      if (filled > 0) {
        hasher.update(new Uint8Array(buf, 0, filled));
        hashed += filled;
        opts.onProgress?.(hashed);
      }
    }
    if (hashed !== size) throw new Error(`short read at ${hashed} while hashing (${hashed} of ${size} bytes)`);
    return true;
  } finally {
    if (!finished) reader.cancel().catch(() => {});
  }
}

/** The fallback: sliced reads, the next one started while the current one is hashed. */
async function hashSlices(blob: HashableBlob, step: number, hasher: Hasher, opts: HashOptions): Promise<boolean> {
  const size = blob.size;
  const read = (off: number) => blob.slice(off, Math.min(size, off + step)).arrayBuffer();
  let next: Promise<ArrayBuffer> | undefined = size > 0 ? read(0) : undefined;
  for (let off = 0; off < size; off += step) {
    const want = Math.min(step, size - off);
    const buf = await next!;
    next = off + step < size ? read(off + step) : undefined;
    if (opts.signal?.aborted) {
      next?.catch(() => {});
      return false;
    }
    if (buf.byteLength !== want) {
      next?.catch(() => {});
      throw new Error(`short read at ${off} while hashing (${buf.byteLength} of ${want} bytes)`);
    }
    hasher.update(new Uint8Array(buf));
    opts.onProgress?.(off + want);
  }
  return true;
}
