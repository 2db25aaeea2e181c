// Bounded raw-DEFLATE (RFC 1951; ZIP method 8, APPNOTE 4.4.5) decompression. The compressed bytes are
// read in chunks and pushed into the streaming decoder (io/flate.ts: native where injected, else
// fflate) in paced pieces, so output is checked after every piece: a compression bomb is stopped
// after at most one piece's worth of overshoot.
// The declared uncompressed size is never used to allocate: output grows chunk by chunk.
import { PacedFlate } from './flate';
import type { ByteSource } from '../types';
import type { Budget } from '../limits';
import { crc32 } from './crc32';

/** Compressed bytes fetched per read from the source (research/stack.md §6: 1-4 MiB reads are fastest). */
const READ_CHUNK_BYTES = 1024 * 1024;
/**
 * Output below this size is never called a bomb: tiny files (a config of spaces, an all-zero bias)
 * legitimately compress 1000:1, and holding 1 MiB costs nothing.
 */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

export type InflateCut =
  | 'ratio'        // output / compressed passed limits.maxCompressionRatio
  | 'member-cap'   // output passed limits.maxMemberBytes
  | 'budget'       // output passed what is left of limits.maxInflatedBytes for this file
  | 'declared';    // output passed the size the container declared for it (a lie: extractors stop there)

export interface InflateResult {
  /** The output, cut at the limit when `cut` is set. */
  bytes: Uint8Array;
  /** CRC-32 of `bytes` (only meaningful against the declared CRC when neither cut nor error). */
  crc32: number;
  /** Set when output was stopped at a limit before the stream ended. */
  cut?: InflateCut;
  /** The limit in bytes that `cut` refers to. */
  limit?: number;
  /** Set when the compressed data is not valid DEFLATE (truncated, bad code, encrypted...). */
  error?: string;
}

export interface InflateOptions {
  /** A lower member cap for callers that need only a little (reported as 'member-cap'). */
  maxBytes?: number;
  /** Polled between reads; throws to abort (ctx.checkAborted). */
  checkAborted?: () => void;
  /** Reads through the caller (ctx.read) so bytes are charged and progress reported. */
  read?: (offset: number, length: number) => Promise<Uint8Array>;
  /**
   * The uncompressed size the container declares (zip central directory). Output past
   * max(declared, RATIO_FLOOR_BYTES) is cut as 'declared': Python's zipfile and miniz read no further,
   * and a bomb that under-declares its size is stopped at its own figure instead of at the ratio cap.
   */
  declaredBytes?: number;
  /**
   * The caller already judged the member a bomb by its declared sizes and bounds it by `maxBytes` (a
   * prefix to scan): the ratio cap would only cut that prefix shorter.
   */
  judgedBomb?: boolean;
}

/**
 * Inflates the raw-DEFLATE bytes of `compressed` (a zero-copy slice of one member), stopping at
 * min(maxMemberBytes, budget.inflatedRemaining, max(RATIO_FLOOR_BYTES, ratio × compressed size)).
 * Charges the bytes kept to the budget. Never throws on bad data: returns `error`.
 */
export async function inflateRawBounded(compressed: ByteSource, budget: Budget, opts: InflateOptions = {}): Promise<InflateResult> {
  const { maxMemberBytes, maxCompressionRatio } = budget.limits;
  const caps: Array<[number, InflateCut]> = [
    [opts.judgedBomb ? Infinity : Math.max(RATIO_FLOOR_BYTES, maxCompressionRatio * Math.max(1, compressed.size)), 'ratio'],
    [Math.min(maxMemberBytes, opts.maxBytes ?? Infinity), 'member-cap'],
    [budget.inflatedRemaining, 'budget'],
  ];
  if (opts.declaredBytes !== undefined && Number.isFinite(opts.declaredBytes)) caps.push([Math.max(RATIO_FLOOR_BYTES, opts.declaredBytes), 'declared']);
  const [limit, limitReason] = caps.reduce((a, b) => (b[0] < a[0] ? b : a));
  const read = opts.read ?? ((o: number, n: number) => compressed.read(o, n));

  const chunks: Uint8Array[] = [];
  let total = 0;
  let crc = 0;
  let cut: InflateCut | undefined;
  // Pieces per push are paced (io/flate.ts) so one push yields ~256 KiB: a bomb overshoots by that much.
  const inflater = new PacedFlate('deflate-raw', (chunk) => {
    if (cut || chunk.length === 0) return;
    const room = limit - total;
    const keep = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (keep.length) { chunks.push(keep); crc = crc32(keep, crc); total += keep.length; }
    if (chunk.length > room) cut = limitReason;
  }, compressed.size);

  let error: string | undefined;
  try {
    for (let pos = 0; pos < compressed.size && !cut; pos += READ_CHUNK_BYTES) {
      opts.checkAborted?.();
      const block = await read(pos, Math.min(READ_CHUNK_BYTES, compressed.size - pos));
      if (block.length === 0) throw new Error(`short read at ${pos}`);
      await inflater.push(block, pos + block.length >= compressed.size, () => cut !== undefined);
    }
    if (compressed.size === 0) await inflater.push(new Uint8Array(0), true, () => false);
  } catch (e) {
    if (!cut) error = e instanceof Error ? e.message : String(e);
  }

  budget.chargeInflated(total);
  const bytes = chunks.length === 1 ? chunks[0]! : concat(chunks, total);
  const result: InflateResult = { bytes, crc32: crc };
  if (cut) { result.cut = cut; result.limit = limit; }
  if (error !== undefined) result.error = error;
  return result;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
