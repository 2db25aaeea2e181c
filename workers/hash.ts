// SHA-256 of a whole File for the browser app, on the hash worker (src/app/hasher.ts starts it): large
// slices, the next one read while the current one is hashed, so the digest runs at the hasher's speed
// and not at hasher + disk. hash-wasm is incremental (Web Crypto's digest() is one-shot only, which
// would need the whole file in memory: w3c/webcrypto issue 73) and needs no eval, only
// 'wasm-unsafe-eval', which the page's CSP allows (src/cli/app-headers.ts). Its WASM is inlined in its
// JS, so neither the PWA precache nor the single-file build has a new asset to carry.
import { createSHA256 } from 'hash-wasm';

/**
 * Bytes read per step. Large slices amortise the Blob read and the JS→WASM call; two of them are in
 * memory at once (one hashed, one being read), so this bounds the worker's memory at 32 MiB.
 */
export const HASH_SLICE_BYTES = 16 * 1024 * 1024;

/** Anything with Blob's size and slice (a File, a Blob; tests pass a Node Blob). */
export interface HashableBlob {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface HashOptions {
  /** Called after each slice with the bytes hashed so far. */
  onProgress?: (bytesHashed: number) => void;
  /** Checked between slices: an aborted hash returns undefined, never a digest of part of the file. */
  signal?: { readonly aborted: boolean };
  /** Slice size; tests make it small to cross slice boundaries. */
  sliceBytes?: number;
}

/** Lower-case hex SHA-256 of the whole blob, or undefined when aborted. Throws on a short read. */
export async function sha256Blob(blob: HashableBlob, opts: HashOptions = {}): Promise<string | undefined> {
  const step = Math.max(64, Math.floor(opts.sliceBytes ?? HASH_SLICE_BYTES));
  const size = blob.size;
  const hasher = await createSHA256();
  hasher.init();
  const read = (off: number) => blob.slice(off, Math.min(size, off + step)).arrayBuffer();
  let next: Promise<ArrayBuffer> | undefined = size > 0 ? read(0) : undefined;
  for (let off = 0; off < size; off += step) {
    const want = Math.min(step, size - off);
    const buf = await next!;
    // Read-ahead: the browser reads the next slice on its own I/O thread while this one is hashed.
    next = off + step < size ? read(off + step) : undefined;
    if (opts.signal?.aborted) {
      next?.catch(() => {});
      return undefined;
    }
    if (buf.byteLength !== want) {
      next?.catch(() => {});
      throw new Error(`short read at ${off} while hashing (${buf.byteLength} of ${want} bytes)`);
    }
    hasher.update(new Uint8Array(buf));
    opts.onProgress?.(off + want);
  }
  return hasher.digest('hex');
}
