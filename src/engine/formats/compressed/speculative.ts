// One decoding pass for a large compressed tarball whose stream states its own size. Streaming a tar
// (stream.ts) needs the decompressed size before the first read: the tar reader bounds every header
// and member by it, and bytes after the end marker are judged by it. Counting it costs a whole decode
// (half the time of a 1 GB tar.gz). When the stream declares a size that can be the only answer under
// the caps (gzip ISIZE, RFC 1952 2.3.1, is the size modulo 2^32, so it is unique while the caps stay
// below 4 GiB above it; an xz index or a Zstandard frame header gives it whole), the tar is scanned
// once as a stream of that size and the rest of the data is decoded after it to check the claim.
// Bomb limits hold on the fly: the size is at most the caps (ratio, file budget), and decoding stops
// at the first byte past it. A claim that proves wrong (a multi-member gzip, whose ISIZE is the last
// member's; corrupt data; a lie) drops what the speculative scan reported (ctx.checkpoint) and the
// caller scans again the counted way, which reports the corruption or the bomb as before.
import type { ByteSource, ScanContext } from '../../types';
import type { Codec } from './sniff';
import { streamOf, type StreamKind } from './stream';

const FOUR_GIB = 2 ** 32;

/**
 * The decompressed size to stream by, or undefined (count it first): a declared size above the
 * in-memory threshold `keepUpTo`, within `cap`, and, for gzip, the only size ≡ ISIZE mod 2^32 within it.
 */
export function speculativeSize(codec: Codec, declared: number | undefined, cap: number, keepUpTo: number): number | undefined {
  if (declared === undefined || !Number.isSafeInteger(declared)) return undefined;
  if (declared <= keepUpTo || declared > cap) return undefined;
  if (codec === 'gzip') return declared + FOUR_GIB > cap ? declared : undefined;
  return codec === 'xz' || codec === 'zstd' ? declared : undefined;
}

/** What the speculative pass found: done, or why the counted scan must follow. */
export type SpeculativeOutcome = { done: true } | { done: false; why: string };

/**
 * Scans `input` decompressed as the child `name` of `size` bytes in one pass, then checks that the
 * data held exactly that. Not done: every finding and node of the pass was dropped.
 */
export async function scanSpeculative(ctx: ScanContext, kind: StreamKind, codec: Codec, input: ByteSource, size: number,
  name: string): Promise<SpeculativeOutcome> {
  const undo = ctx.checkpoint!();
  const stream = streamOf(kind, codec, input, size, name, ctx.budget, ctx.checkAborted);
  await ctx.scanChild(name, stream);
  const end = await stream.settle();
  if (!end.overflow && end.error === undefined && end.total === size) {
    ctx.budget.chargeInflated(size);
    return { done: true };
  }
  undo();
  return { done: false, why: end.error !== undefined ? `corrupt data (${end.error})` : end.overflow ? `more than the declared ${size} bytes` : `${end.total} bytes, not the declared ${size}` };
}
