// Reading and hashing on two threads (issue 15 item 5): one hash worker reads the file and hands its
// buffers over a MessagePort to another, which only hashes and hands each buffer back. Measured in
// Chromium on a warm 1 GiB disk file (medians of 3, test/bench/browser-hash.mjs and README): with the
// BYOB reader on the hashing thread that thread ran at 0.93× hash-wasm's own rate. With the reads on a
// thread of their own it ran at 1.0× (~+13% wall). The reading thread spends ~0.5 CPU-s per GB, mostly
// waiting on the browser's I/O threads. Buffers are transferred, never copied: a 4 MiB transfer round
// trip costs ~0.2 ms, while a structured copy of the same buffers ran at 32 MB/s. The hashing side uses
// our unrolled WASM SHA-256 (sha256.ts), not hash-wasm: 1.16-1.21× faster in Chromium. A fixed pool of
// buffers circulates, so memory is bounded by READER_BUFFERS × the buffer size, whatever the file.
import { byobReader, fillBuffer, HASH_SLICE_BYTES, type HashableBlob } from './hash';
import { createSha256 } from './sha256';

/** Buffers in flight: one being hashed, one being filled, one ready, so neither thread waits for the other. */
export const READER_BUFFERS = 3;

/** What the reader posts: a filled buffer, the end of the file, or why it stopped. */
export type RelayMessage =
  | { kind: 'bytes'; buf: ArrayBuffer; length: number }
  | { kind: 'end' }
  | { kind: 'error'; message: string };

/** The port's side that both ends use (a DOM MessagePort, or Node's in tests). */
export interface RelayPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  close(): void;
}

/**
 * Reader side: fills buffers from the blob's byte stream (BYOB; sliced reads where there is none) and
 * posts each one, transferred, waiting for a buffer to come back before filling past the pool. Resolves
 * when the end is posted; a read error is posted and rethrown.
 */
export async function readToPort(blob: HashableBlob, port: RelayPort, step = HASH_SLICE_BYTES,
  buffers = READER_BUFFERS): Promise<void> {
  const size = blob.size;
  const bufBytes = Math.max(1, Math.min(Math.max(64, Math.floor(step)), size));
  const free: ArrayBuffer[] = Array.from({ length: buffers }, () => new ArrayBuffer(bufBytes));
  let wake: (() => void) | undefined;
  port.onmessage = (e) => {
    if (e.data instanceof ArrayBuffer) free.push(e.data);
    wake?.();
  };
  const take = async (): Promise<ArrayBuffer> => {
    while (free.length === 0) await new Promise<void>((r) => { wake = r; });
    wake = undefined;
    return free.pop()!;
  };
  try {
    const reader = byobReader(blob);
    if (reader) {
      let finished = false;
      while (!finished) {
        const { buf, filled, done } = await fillBuffer(reader, await take());
        finished = done;
        if (filled > 0) port.postMessage({ kind: 'bytes', buf, length: filled } satisfies RelayMessage, [buf]);
        else free.push(buf);
      }
    } else {
      for (let off = 0; off < size; off += bufBytes) {
        await take(); // the pool bounds the slices in flight; sliced reads make buffers of their own
        const buf = await blob.slice(off, Math.min(size, off + bufBytes)).arrayBuffer();
        const length = buf.byteLength; // read before the transfer detaches it
        port.postMessage({ kind: 'bytes', buf, length } satisfies RelayMessage, [buf]);
        if (length < Math.min(bufBytes, size - off)) break; // short: the hashing side says so
      }
    }
    port.postMessage({ kind: 'end' } satisfies RelayMessage);
  } catch (err) {
    port.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) } satisfies RelayMessage);
    throw err;
  } finally {
    port.onmessage = null;
  }
}

/**
 * Hashing side: hashes the buffers as they come, hands each back, and resolves the lower-case hex
 * SHA-256 once the reader posts the end. The byte count must be `size` exactly (a file that shrank or
 * grew while it was read never yields a digest); a reader's error rejects.
 */
export async function sha256FromPort(size: number, port: RelayPort,
  onProgress?: (bytesHashed: number) => void): Promise<string> {
  const hasher = await createSha256(); // the unrolled WASM SHA-256: 1.16-1.21× hash-wasm in Chromium
  let hashed = 0;
  try {
    return await new Promise<string>((resolve, reject) => {
      port.onmessage = (e) => {
        const m = e.data as RelayMessage;
        try {
          if (m.kind === 'error') throw new Error(`read failed at ${hashed} while hashing: ${m.message}`);
          if (m.kind === 'end') {
            if (hashed !== size) throw new Error(`short read at ${hashed} while hashing (${hashed} of ${size} bytes)`);
            resolve(hasher.digestHex());
            return;
          }
          if (hashed + m.length > size) throw new Error(`long read at ${hashed} while hashing (the file is larger than its ${size} bytes)`);
          hasher.update(new Uint8Array(m.buf, 0, m.length));
          hashed += m.length;
          port.postMessage(m.buf, [m.buf]);
          onProgress?.(hashed);
        } catch (err) {
          reject(err);
        }
      };
    });
  } finally {
    port.onmessage = null;
  }
}
