// ByteSource implementations that need no environment: over bytes, and over a Blob-like object
// (browser File/Blob; Node's Blob too below 4 GiB). The CLI adds a Node file-handle source.
import type { ByteSource } from '../types';

function clampRange(size: number, offset: number, length: number): [number, number] {
  const start = Math.min(Math.max(0, Math.floor(offset)), size);
  const end = Math.min(size, start + Math.max(0, Math.floor(length)));
  return [start, end];
}

/** Over bytes already in memory (an inflated member, a decoded string, a test buffer). */
export function fromBytes(bytes: Uint8Array, name = ''): ByteSource {
  return {
    name,
    size: bytes.length,
    async read(offset, length) {
      const [s, e] = clampRange(bytes.length, offset, length);
      return bytes.subarray(s, e);
    },
    readSync(offset, length) {
      const [s, e] = clampRange(bytes.length, offset, length);
      return bytes.subarray(s, e);
    },
    slice(start, end, childName) {
      const [s, e] = clampRange(bytes.length, start, end - start);
      return fromBytes(bytes.subarray(s, e), childName ?? name);
    },
  };
}

/**
 * Over output kept as the decoder produced it (a decompressed member): no copy into one buffer, which
 * would hold the output twice at the moment of the copy. A read inside one piece is a view of it; a
 * read across pieces is copied.
 */
export function fromChunks(chunks: readonly Uint8Array[], name = ''): ByteSource {
  if (chunks.length === 1) return fromBytes(chunks[0]!, name);
  const starts: number[] = [];
  let size = 0;
  for (const c of chunks) { starts.push(size); size += c.length; }
  const readRange = (offset: number, length: number): Uint8Array => {
    const [s, e] = clampRange(size, offset, length);
    if (e <= s) return new Uint8Array(0);
    let lo = 0, hi = chunks.length - 1; // the last piece starting at or before s
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= s) lo = mid; else hi = mid - 1; }
    const first = chunks[lo]!, at = s - starts[lo]!;
    if (at + (e - s) <= first.length) return first.subarray(at, at + (e - s));
    const out = new Uint8Array(e - s);
    for (let i = lo, put = 0; put < out.length; i++) {
      const c = chunks[i]!, from = i === lo ? at : 0;
      const n = Math.min(c.length - from, out.length - put);
      out.set(c.subarray(from, from + n), put);
      put += n;
    }
    return out;
  };
  const source: ByteSource = {
    name,
    size,
    read: async (offset, length) => readRange(offset, length),
    readSync: readRange,
    slice: (start, end, childName) => windowOf(source, start, end, childName ?? name),
  };
  return source;
}

/** The part of Blob the engine uses; structurally typed so the engine needs no DOM types. */
export interface BlobLike {
  readonly size: number;
  slice(start?: number, end?: number): BlobLike;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Reads a Blob slice synchronously (FileReaderSync in a worker); injected, the engine has no DOM. */
export type BlobSyncReader = (blob: BlobLike) => Uint8Array;

/** Over a File/Blob: every read is a Blob slice, so the file is never loaded whole. */
export function fromBlob(blob: BlobLike, name = '', readBlobSync?: BlobSyncReader): ByteSource {
  const source: ByteSource = {
    name,
    size: blob.size,
    async read(offset, length) {
      const [s, e] = clampRange(blob.size, offset, length);
      if (e <= s) return new Uint8Array(0);
      return new Uint8Array(await blob.slice(s, e).arrayBuffer());
    },
    slice(start, end, childName) {
      const [s, e] = clampRange(blob.size, start, end - start);
      return fromBlob(blob.slice(s, e), childName ?? name, readBlobSync);
    },
  };
  if (readBlobSync) {
    source.readSync = (offset, length) => {
      const [s, e] = clampRange(blob.size, offset, length);
      return e <= s ? new Uint8Array(0) : readBlobSync(blob.slice(s, e));
    };
  }
  return source;
}

/** A window [start, end) of another source, for sources that cannot slice natively. */
export function windowOf(parent: ByteSource, start: number, end: number, name?: string): ByteSource {
  const [s, e] = clampRange(parent.size, start, end - start);
  const size = e - s;
  return {
    name: name ?? parent.name,
    size,
    ...(parent.sequential ? { sequential: true } : {}),
    read(offset, length) {
      const [a, b] = clampRange(size, offset, length);
      return parent.read(s + a, b - a);
    },
    slice(start2, end2, childName) {
      const [a, b] = clampRange(size, start2, end2 - start2);
      return windowOf(parent, s + a, s + b, childName ?? name ?? parent.name);
    },
    ...(parent.readSync ? {
      readSync(offset: number, length: number) {
        const [a, b] = clampRange(size, offset, length);
        return parent.readSync!(s + a, b - a);
      },
    } : {}),
  };
}

/** The exact size of `source`, reading on to its end when its size is only a bound (ByteSource.exactSize). */
export async function exactSize(source: ByteSource): Promise<number> {
  return source.exactSize ? source.exactSize() : source.size;
}

/** Reads exactly [offset, offset+length) or throws: for callers that already bounds-checked. */
export async function readExact(src: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  const out = await src.read(offset, length);
  if (out.length !== length) {
    throw new RangeError(`short read at ${offset}: wanted ${length}, got ${out.length}`);
  }
  return out;
}
