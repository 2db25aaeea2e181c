// Compressed wrappers: joblib.dump(compress=...) files (zlib, gzip, bz2, lzma, xz, lz4, and the old
// 'ZF' format) and standalone .gz/.bz2/.xz/.lz4 files. Decompressed under the per-file budget and
// handed back through scanChild by content: a compressed pickle is scanned as a pickle, a compressed
// tarball as whatever it is. Recompression is a known way to hide a payload from scanners that only
// look at the outer bytes (saferpickle #41, #46), so nothing is ever passed as clean undecoded.
import type { OpenContext, OpenedChild, Scanner, ScanContext } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { countedSource } from '../zip/members';
import { compressedSniffer, type CompressedState } from './sniff';
import { DECODERS, type DecodeResult } from './codecs';
import { Sink } from './sink';
import { streamOf, tarStreamSink, tarStreamSource } from './stream';
import { declaredOutput } from './declared';
import { flateNameFor } from '../../io/flate';
import { scanSpeculative, speculativeSize } from './speculative';
import { scanUnsized, UNSIZED_CODECS } from './unsized';
import type { InflateCut } from '../../io/inflate';
import { BOMB_PREFIX_BYTES, bytesText, declaredBomb, prefixBudget } from '../../io/bomb';

const NAMES: Record<CompressedState['codec'], string> = {
  'gzip': 'gzip', 'zlib': 'zlib', 'joblib-zfile': 'zlib (joblib ZF header)', 'bz2': 'bzip2', 'xz': 'xz', 'lzma': 'LZMA (alone)', 'lz4': 'LZ4 frame', 'zstd': 'Zstandard',
};

export const compressedScanner: Scanner<CompressedState> = { ...compressedSniffer, scan: scanCompressed, open: openCompressed };

/** The one child's name: what the wrapper decompresses to. */
function childName(head: { name: string }): string {
  return `${head.name || 'data'} (decompressed)`;
}

/**
 * Re-opens the decompressed content (the pickle view of a compressed joblib, a member of a tar.gz):
 * decompressed again under the budget, the same way scan did, streamed when it is a tarball. A stream
 * too large to keep needs its size before its first read: the size the scan reported, when the
 * caller has it and it is within the limits, else a counting pass, which decodes it all once more.
 */
async function openCompressed(ctx: OpenContext<CompressedState>, name: string, nth: number): Promise<OpenedChild | null> {
  if (nth !== 0 || name !== childName(ctx.head)) return null;
  const { codec, skip } = ctx.state;
  const decode = DECODERS[codec];
  if (!decode) return null;
  const input = ctx.source.slice(skip, ctx.source.size);
  const keepGoing = () => {};
  const tarSink = await tarStreamSink(codec, input, ctx.budget, keepGoing);
  if (tarSink) {
    const size = ctx.childSize;
    if (size !== undefined && Number.isSafeInteger(size) && size > tarSink.keepUpTo && size <= tarSink.limit) {
      ctx.budget.chargeInflated(size);
      return { source: streamOf(tarSink.kind, codec, input, size, name, ctx.budget, keepGoing) };
    }
    const r = await tarSink.decodeInto(codec, input, keepGoing, ctx.budget.limits.maxMemberBytes);
    ctx.budget.chargeInflated(tarSink.total);
    return r.unsupported || tarSink.total === 0 ? null : { source: tarStreamSource(tarSink, codec, input, name, ctx.budget, keepGoing) };
  }
  const sink = new Sink(ctx.budget, input.size);
  const r = await decode(input, sink, keepGoing, ctx.budget.limits.maxMemberBytes);
  ctx.budget.chargeInflated(sink.total);
  return r.unsupported || sink.total === 0 ? null : { source: fromBytes(sink.bytes(), name) };
}

async function scanCompressed(ctx: ScanContext<CompressedState>): Promise<void> {
  const { codec, skip } = ctx.state;
  const label = NAMES[codec];
  ctx.note('codec', codec);
  if (codec === 'gzip' || codec === 'zlib' || codec === 'joblib-zfile') ctx.note('inflater', flateNameFor(ctx.source.size - skip));
  const decode = DECODERS[codec];
  const input = countedSource(ctx).slice(skip, ctx.source.size);
  if (!decode) return unsupported(ctx, `${label} compression is not supported`);

  // Bombs by arithmetic: what the stream declares about its output is judged before decoding a byte;
  // a declared bomb is decoded only up to BOMB_PREFIX_BYTES (what comes first is still scanned).
  const declared = await declaredOutput(codec, input);
  const bomb = declaredBomb(ctx.budget, input.size, declared ?? NaN);
  const budget = bomb ? prefixBudget(ctx.budget, BOMB_PREFIX_BYTES) : ctx.budget;
  if (bomb) {
    ctx.budget.bombs++;
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `The ${label} data declares ${bytesText(bomb.declared)} from ${bytesText(bomb.compressed)} (${bomb.ratio}:1, above the ${ctx.budget.limits.maxCompressionRatio}:1 limit); only its first ${bytesText(BOMB_PREFIX_BYTES)} were decompressed and scanned`,
      evidence: `declared size ${bomb.declared}, compressed size ${bomb.compressed}` });
    ctx.limited(`the ${label} data declares a ${bomb.ratio}:1 expansion: only a prefix was decompressed`);
  }

  // A tarball or a large pickle streams (stream.ts): counted here (or not: speculative.ts, and for a
  // zlib or gzip pickle unsized.ts), then read forward, a tar member by member; other payloads stay in memory.
  const tarSink = await tarStreamSink(codec, input, budget, ctx.checkAborted);
  if (tarSink?.kind === 'pickle' && UNSIZED_CODECS.has(codec)) {
    const once = await scanUnsized(ctx, codec, input, budget, childName(ctx.head));
    ctx.budget.chargeInflated(once.total);
    ctx.note('compressedBytes', input.size);
    ctx.note('decompressedBytes', once.total);
    return judgeOutput(ctx, label, input.size, bomb !== null, once, once.error !== undefined ? { error: once.error } : {});
  }
  // A tarball whose stream states its size is scanned in one pass (speculative.ts); counted when that fails.
  const size = tarSink && !bomb && ctx.checkpoint ? speculativeSize(codec, declared, tarSink.limit, tarSink.keepUpTo) : undefined;
  if (size !== undefined) {
    const outcome = await scanSpeculative(ctx, tarSink!.kind, codec, input, size, childName(ctx.head));
    ctx.note('compressedBytes', input.size);
    if (outcome.done) { ctx.note('decompressedBytes', size); return; }
    ctx.note('declaredSizeUnconfirmed', outcome.why);
  }
  const sink = tarSink ?? new Sink(budget, input.size);
  const result = tarSink ? await tarSink.decodeInto(codec, input, ctx.checkAborted, ctx.budget.limits.maxMemberBytes)
    : await decode(input, sink, ctx.checkAborted, ctx.budget.limits.maxMemberBytes);
  ctx.budget.chargeInflated(sink.total);
  if (result.unsupported) return unsupported(ctx, result.unsupported);
  ctx.note('compressedBytes', input.size);
  ctx.note('decompressedBytes', sink.total);
  judgeOutput(ctx, label, input.size, bomb !== null, sink, result);
  if (sink.total > 0) {
    const name = childName(ctx.head);
    await ctx.scanChild(name, tarSink ? tarStreamSource(tarSink, codec, input, name, ctx.budget, ctx.checkAborted) : sink.source(name));
  }
}

/**
 * Reports what stopped or broke decoding: a cap (ratio, file budget, member), a frame's window, corrupt
 * data. `sink`: the decoded size, the cap and what stopped it there; `bomb`: a declared bomb, reported already.
 */
function judgeOutput(ctx: ScanContext<CompressedState>, label: string, compressed: number, bomb: boolean,
  sink: { total: number; limit: number; cut?: InflateCut }, result: DecodeResult): void {
  const skip = ctx.state.skip;
  const scanned = sink.total ? `the first ${sink.total} bytes were scanned` : 'nothing of it was scanned';
  if (!bomb && (sink.cut === 'ratio' || sink.cut === 'budget')) ctx.budget.bombs++;
  if (bomb) {
    // reported above, before decoding
  } else if (sink.cut === 'ratio') {
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `${label} data expands more than ${ctx.budget.limits.maxCompressionRatio}:1 (${compressed} compressed bytes, stopped at ${sink.total}); ${scanned}` });
    ctx.limited('stopped at the compression ratio limit');
  } else if (sink.cut === 'budget') {
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `Decompressing passed the file's total of ${ctx.budget.limits.maxInflatedBytes} inflated bytes; ${scanned}` });
    ctx.limited('stopped at maxInflatedBytes');
  } else if (sink.cut === 'member-cap') {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${label} data decompresses past ${sink.limit} bytes (maxMemberBytes); ${scanned}` });
    ctx.limited('larger than maxMemberBytes once decompressed');
  }
  if (result.windowTooLarge) {
    ctx.report({ ruleId: 'compressed/window-too-large', message: `${result.windowTooLarge.message}; the frame was not decoded`, offset: skip + result.windowTooLarge.offset });
    ctx.limited('a frame needs more decoder memory than the window limit');
  }
  if (result.error !== undefined) {
    ctx.report({ ruleId: 'format/malformed', message: `Corrupt ${label} data (${result.error}); ${scanned}` });
    ctx.limited(`${label} data could not be fully decompressed`);
  }
}

function unsupported(ctx: ScanContext, why: string): void {
  ctx.report({ ruleId: 'compressed/unsupported-codec', message: `${why}; the content was not scanned` });
  ctx.limited(why);
}
