// SHA-256 of a whole source, streamed in bounded chunks (hash-wasm: incremental, unlike Web Crypto).
// Runs apart from the scan so multi-GB files do not hold back the findings.
import { createSHA256 } from 'hash-wasm';
import type { ByteSource } from '../types';

/** Chunk read per step: large enough for throughput, small enough to bound memory. */
const HASH_CHUNK_BYTES = 8 * 1024 * 1024;

export async function sha256Of(source: ByteSource, onProgress?: (bytesHashed: number) => void,
  signal?: { readonly aborted: boolean }): Promise<string | undefined> {
  const hasher = await createSHA256();
  hasher.init();
  for (let off = 0; off < source.size; off += HASH_CHUNK_BYTES) {
    if (signal?.aborted) return undefined;
    const chunk = await source.read(off, Math.min(HASH_CHUNK_BYTES, source.size - off));
    if (chunk.length === 0) throw new Error(`short read at ${off} while hashing`);
    hasher.update(chunk);
    onProgress?.(off + chunk.length);
  }
  return hasher.digest('hex');
}
