// ByteSource over a Node file handle. Not fs.openAsBlob: on Node 20 it reports sizes modulo 2^32 for
// files of 4 GiB and more (nodejs/node#52585) and slices past that come back empty. fh.read with an
// explicit position is a pread(2): concurrent reads on one handle do not disturb each other.
import { open, type FileHandle } from 'node:fs/promises';
import { readSync } from 'node:fs';
import type { ByteSource } from '../engine';

export interface NodeFileSource extends ByteSource {
  /** Closes the handle; reads after close reject. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Reads up to this size are a plain pread(2) on this thread instead of a trip through libuv's thread pool.
 * A zip's listing reads every member's 30-byte local header: 134 of them in a torch.save checkpoint cost
 * ~60 ms of round trips asynchronously, under 1 ms synchronously. Larger reads stay asynchronous so the
 * hash and the progress line keep running beside them.
 */
const SYNC_READ_MAX_BYTES = 64 * 1024;

function clampRange(size: number, offset: number, length: number): [number, number] {
  const start = Math.min(Math.max(0, Math.floor(offset)), size);
  const end = Math.min(size, start + Math.max(0, Math.floor(length)));
  return [start, end];
}

/**
 * A buffer for a read, not zero-filled first: the read overwrites it, and a short read returns only the
 * bytes it filled. Zeroing cost ~70 ms of the 3 s a 302 MB pickle takes. Its own ArrayBuffer at offset 0
 * (allocUnsafeSlow is never pooled), as a plain Uint8Array: Buffer's slice() is a view, not a copy.
 */
function unfilled(length: number): Uint8Array {
  return new Uint8Array(Buffer.allocUnsafeSlow(length).buffer, 0, length);
}

/** Reads [start, end) of the handle; shorter only if the file shrank under us. */
async function readRange(fh: FileHandle, start: number, end: number): Promise<Uint8Array> {
  const out = unfilled(end - start);
  let filled = 0;
  while (filled < out.length) {
    const { bytesRead } = await fh.read(out, filled, out.length - filled, start + filled);
    if (bytesRead === 0) break; // EOF: the file was truncated after we took its size
    filled += bytesRead;
  }
  return filled === out.length ? out : out.subarray(0, filled);
}

/** readRange's synchronous twin: pread(2) on `fd`. */
function preadSync(fd: number, start: number, end: number): Uint8Array {
  const out = unfilled(end - start);
  let filled = 0;
  while (filled < out.length) {
    const n = readSync(fd, out, filled, out.length - filled, start + filled);
    if (n === 0) break;
    filled += n;
  }
  return filled === out.length ? out : out.subarray(0, filled);
}

/** A window [start, end) of the one handle: slices never open another descriptor. */
function windowSource(state: { fh: FileHandle; closed: boolean }, start: number, end: number, name: string): ByteSource {
  const size = end - start;
  return {
    name,
    size,
    async read(offset, length) {
      if (state.closed) throw new Error(`read after close: ${name}`);
      const [a, b] = clampRange(size, offset, length);
      if (b <= a) return new Uint8Array(0);
      if (b - a <= SYNC_READ_MAX_BYTES) return preadSync(state.fh.fd, start + a, start + b);
      return readRange(state.fh, start + a, start + b);
    },
    slice(s, e, childName) {
      const [a, b] = clampRange(size, s, e - s);
      return windowSource(state, start + a, start + b, childName ?? name);
    },
    // pread(2) on the same descriptor: for WASM file systems that cannot await (io/emfs.ts).
    readSync(offset, length) {
      if (state.closed) throw new Error(`read after close: ${name}`);
      const [a, b] = clampRange(size, offset, length);
      return preadSync(state.fh.fd, start + a, start + Math.max(a, b));
    },
  };
}

/** Opens `path` read-only. The caller must close() it (try/finally). */
export async function fromNodeFile(path: string, name: string = path): Promise<NodeFileSource> {
  const fh = await open(path, 'r');
  let size: number;
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new Error(`not a regular file: ${path}`);
    size = st.size;
  } catch (e) {
    await fh.close().catch(() => undefined);
    throw e;
  }
  const state = { fh, closed: false };
  const root = windowSource(state, 0, size, name);
  return {
    name,
    size,
    read: root.read,
    slice: root.slice,
    readSync: root.readSync,
    async close() {
      if (state.closed) return;
      state.closed = true;
      await fh.close();
    },
  };
}
