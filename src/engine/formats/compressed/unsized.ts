// One decoding pass for a compressed pickle whose stream does not state its size: zlib (what
// joblib.dump(compress=...) writes by default, RFC 1950 has no length field) and gzip (its ISIZE, RFC
// 1952 2.3.1, is only the last member's size modulo 2^32). Counting the output first, so the pickle
// scanner could be given its size, decoded everything twice (a 100 MB RandomForest: two inflations).
// Here the pickle is read from the one decoder as it runs. The stream's size is, until the decoder
// reaches its end, only the decoder's output cap: the ratio and per-file bomb limits, where decoding
// stops at the first byte past it (pull-decoder.ts), so the limits hold on the fly. The first
// read that reaches the end of the data learns the exact size (a short read, for a reader that took
// the bound as the size: the pickle reader treats it as the end). After the scan, what no reader asked
// for is decoded and discarded, so a bomb or corrupt data after the pickle's STOP is still found.
import type { ByteSource, ScanContext } from '../../types';
import type { Budget } from '../../limits';
import type { InflateCut } from '../../io/inflate';
import { fromChunks } from '../../io/byte-source';
import type { Codec } from './sniff';
import { Sink } from './sink';
import { DecompressedStream, STREAM_PICKLE_ABOVE_BYTES, STREAM_PICKLE_WINDOW_BYTES, uncapped } from './stream';
import { PullDecoder } from './pull-decoder';

/** Codecs decoded in one pass when the output is a pickle: their streams state no usable size. */
export const UNSIZED_CODECS: ReadonlySet<Codec> = new Set(['zlib', 'gzip']);

/** What the pass decoded: its output size, where a cap stopped it, and corrupt data (as codecs.ts reports it). */
export interface UnsizedOutcome { total: number; limit: number; cut?: InflateCut; error?: string }

/**
 * Decodes `input` (a `codec` stream of a protocol 2-5 pickle) once under `budget`'s caps and scans the
 * output as the child `name`: in memory when it ends within STREAM_PICKLE_ABOVE_BYTES (random reads
 * cost nothing), else streamed with a window of STREAM_PICKLE_WINDOW_BYTES behind the reader.
 */
export async function scanUnsized(ctx: ScanContext, codec: Codec, input: ByteSource, budget: Budget, name: string): Promise<UnsizedOutcome> {
  const caps = new Sink(uncapped(budget), input.size);
  const max = ctx.budget.limits.maxMemberBytes;
  const keepUpTo = Math.min(STREAM_PICKLE_ABOVE_BYTES, max);
  const stream = new DecompressedStream(() => new PullDecoder(codec, input, caps.limit, ctx.checkAborted), caps.limit, name,
    Math.min(STREAM_PICKLE_WINDOW_BYTES, max), max, true);
  const whole = await stream.whole(keepUpTo);
  if (whole) stream.release(stream.size);
  if (stream.size > 0) await ctx.scanChild(name, whole ? fromChunks(whole, name) : stream);
  const end = await stream.settle();
  return { total: end.total, limit: caps.limit, ...(end.overflow ? { cut: caps.limitReason } : {}), ...(end.error !== undefined ? { error: end.error } : {}) };
}
