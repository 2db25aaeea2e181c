// Compressed tarballs (.tar.gz, .tgz, .tar.xz, .tar.zst) without holding the whole tar in memory. A
// model image of a few GB is a tar.gz of large members; decompressing it into one buffer needs the
// whole size in memory or cuts the scan at maxMemberBytes. When the first decompressed block is a tar
// header, the output is streamed behind a ByteSource of its decompressed size that keeps a bounded
// window. That size comes from the stream's own declaration when it can be the only answer
// (speculative.ts: one decoding pass, checked at the end), else from a counting pass (the bomb checks:
// ratio and the per-file budget, as for every codec; the data is then decompressed twice). A zlib or
// gzip pickle needs no size up front and is decompressed once (unsized.ts). The tar
// scanner reads the source unchanged: headers forward, each member scanned while its bytes are in the
// window, then released (releaseStream), so peak memory follows the largest member read, not the
// archive. A read behind the window (a scanner going back past a released member) decompresses again
// from the start, a bounded number of times.
import type { Budget } from '../../limits';
import { LimitExceeded, type ByteSource } from '../../types';
import { windowOf, fromBytes } from '../../io/byte-source';
import { checksumOk, BLOCK } from '../../containers/tar';
import { PullDecoder } from './pull-decoder';
import { DECODERS, type DecodeResult } from './codecs';
import type { Codec } from './sniff';
import { Sink } from './sink';

/** Tar payloads up to this size are kept in memory after the counting pass (one buffer, as before). */
export const STREAM_TAR_ABOVE_BYTES = 64 * 1024 * 1024;
/**
 * Pickle payloads (protocol 2-5, what joblib.dump(compress=...) wraps) above this size are streamed
 * into the pickle scanner instead of held whole: a 100 MB compressed RandomForest would otherwise sit
 * in memory beside everything the pickle machine keeps.
 */
export const STREAM_PICKLE_ABOVE_BYTES = 16 * 1024 * 1024;
/**
 * Bytes a streamed pickle holds behind the reader, which reads forward. A read behind them (a nested
 * pickle or a swept range scanned after the stream) restarts decompression once and widens the window
 * to maxMemberBytes, so a pickle read out of order costs one more decode, not a failed scan.
 */
export const STREAM_PICKLE_WINDOW_BYTES = 8 * 1024 * 1024;

/** What a streamed payload is: a tar, read member by member, or a pickle, read forward. */
export type StreamKind = 'tar' | 'pickle';
/** Codecs whose decoders yield between input reads, so a paused consumer pauses them. */
const STREAMABLE: ReadonlySet<Codec> = new Set(['gzip', 'zlib', 'xz', 'zstd']);
/** Reads behind the window that restart decompression from the start: each costs a full decode. */
const MAX_RESTARTS = 4;

/** A budget view without the member cap: a streamed tar is bounded by ratio and budget, not by one buffer. */
export function uncapped(budget: Pick<Budget, 'limits' | 'inflatedRemaining'>): Budget {
  return { limits: { ...budget.limits, maxMemberBytes: Number.MAX_SAFE_INTEGER }, inflatedRemaining: budget.inflatedRemaining } as Budget;
}

/** Keeps only the first bytes: enough to tell whether the output starts with a tar header. */
class PeekSink extends Sink {
  head = new Uint8Array(0);
  constructor(budget: Budget, size: number) { super(budget, size); }
  override push(chunk: Uint8Array): boolean {
    if (this.cut) return false;
    const merged = new Uint8Array(Math.min(BLOCK, this.head.length + chunk.length));
    merged.set(this.head.subarray(0, merged.length));
    merged.set(chunk.subarray(0, merged.length - this.head.length), this.head.length);
    this.head = merged;
    this.total += chunk.length;
    if (this.head.length >= BLOCK) this.cut = 'member-cap';
    return !this.cut;
  }
}

/** The counting pass: enforces ratio and budget like Sink, keeps the bytes only while they are few. */
export class CountingSink extends Sink {
  private kept: Uint8Array[] = [];
  private keptBytes = 0;
  constructor(budget: Budget, compressedSize: number, readonly keepUpTo: number, readonly kind: StreamKind = 'tar') {
    super(uncapped(budget), compressedSize);
  }
  override push(chunk: Uint8Array): boolean {
    if (this.cut) return false;
    const room = this.limit - this.total;
    const keep = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.total += keep.length;
    if (this.total <= this.keepUpTo) { this.kept.push(keep); this.keptBytes += keep.length; } else if (this.kept.length) { this.kept = []; this.keptBytes = 0; }
    if (chunk.length > room) this.cut = this.limitReason;
    return !this.cut;
  }
  /**
   * The counting pass itself, through codecs.ts. Not the platform's DecompressionStream: Node's reads
   * its whole input ahead and buffers the output regardless of the reader (measured: 1 GB resident for
   * a 1 GB tar.gz), so a bomb would be inflated into memory before any cap could stop it.
   */
  decodeInto(codec: Codec, input: ByteSource, checkAborted: () => void, maxInput: number): Promise<DecodeResult> {
    return DECODERS[codec]!(input, this, checkAborted, maxInput);
  }

  /** The whole output when it stayed within keepUpTo, else null (stream it). */
  keptBytesOrNull(): Uint8Array | null {
    if (this.total > this.keepUpTo || this.keptBytes !== this.total) return null;
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.kept) { out.set(c, at); at += c.length; }
    return out;
  }
}

/**
 * The sink for the counting pass when `input` decompresses to a tar or a protocol 2-5 pickle and the
 * codec can stream; null otherwise (the caller keeps its in-memory path). Costs one small decode of
 * the first block.
 */
export async function tarStreamSink(codec: Codec, input: ByteSource, budget: Budget, checkAborted: () => void): Promise<CountingSink | null> {
  const decode = DECODERS[codec];
  if (!decode || !STREAMABLE.has(codec)) return null;
  const peek = new PeekSink(uncapped(budget), input.size);
  try {
    await decode(input, peek, checkAborted, budget.limits.maxMemberBytes);
  } catch (e) {
    if (e instanceof LimitExceeded || (e instanceof Error && e.name === 'ScanAborted')) throw e;
    return null;
  }
  const h = peek.head;
  if (h.length >= 2 && h[0] === 0x80 && h[1]! >= 2 && h[1]! <= 5) {
    return new CountingSink(budget, input.size, Math.min(STREAM_PICKLE_ABOVE_BYTES, budget.limits.maxMemberBytes), 'pickle');
  }
  if (h.length < BLOCK || h.every((b) => b === 0) || !checksumOk(h)) return null;
  return new CountingSink(budget, input.size, Math.min(STREAM_TAR_ABOVE_BYTES, budget.limits.maxMemberBytes));
}

/** What the counting pass leaves: the bytes when they are few, else a streaming source of that size. */
export function tarStreamSource(sink: CountingSink, codec: Codec, input: ByteSource, name: string, budget: Budget,
  checkAborted: () => void): ByteSource {
  const kept = sink.keptBytesOrNull();
  if (kept) return fromBytes(kept, name);
  return streamOf(sink.kind, codec, input, sink.total, name, budget, checkAborted);
}

/** The decompressed `input` as a forward stream of `size` bytes, its window sized for what reads it. */
export function streamOf(kind: StreamKind, codec: Codec, input: ByteSource, size: number, name: string, budget: Budget,
  checkAborted: () => void): DecompressedStream {
  const max = budget.limits.maxMemberBytes;
  return new DecompressedStream(() => new PullDecoder(codec, input, size, checkAborted), size, name,
    kind === 'pickle' ? Math.min(STREAM_PICKLE_WINDOW_BYTES, max) : max, max);
}

export function isStream(source: ByteSource): boolean {
  return source instanceof DecompressedStream;
}

/** Drops what a stream holds before `upTo` (the tar scanner, after each member). No-op on other sources. */
export function releaseStream(source: ByteSource, upTo: number): void {
  if (source instanceof DecompressedStream) source.release(upTo);
}

interface Held { start: number; bytes: Uint8Array }

/**
 * The decompressed tar as a ByteSource of known size (from the counting pass). Reads move forward
 * through the output; bytes are held from the last release (or the window cap) on, so random access
 * inside the current member costs nothing and a read behind the window restarts decompression.
 */
export class DecompressedStream implements ByteSource {
  private held: Held[] = [];
  private heldBytes = 0;
  private pos = 0;          // output bytes produced by the current decoder
  private floor = 0;        // bytes before this are not kept (released)
  private decoder: PullDecoder | null = null;
  private restarts = 0;

  private queue: Promise<void> = Promise.resolve();
  /** See ByteSource.sequential: the weight statistics sample a prefix instead of spreading reads over a member. */
  readonly sequential = true;

  /**
   * `cap`: bytes held behind the reader; widened to `maxHeld` at the first restart (the reader goes back).
   * `unsized`: `size` is only the decoder's output cap until the decoder reaches its end, then the exact
   * size (unsized.ts); until then a read past the end is short.
   */
  constructor(private readonly open: () => PullDecoder, public size: number, readonly name: string, private cap: number,
    private readonly maxHeld = cap, private unsized = false) {}

  /** True once `size` is exact: always, unless the stream was made unsized and is not yet read to its end. */
  get sized(): boolean { return !this.unsized; }

  /** See ByteSource.exactSize: an unsized stream decodes on to its end (holding only its window). */
  async exactSize(): Promise<number> {
    if (this.unsized) await this.read(this.size - 1, 1);
    return this.size;
  }

  /** The decoder ended after `total` bytes: an unsized stream now knows its size. */
  private ended(total: number): void {
    if (this.unsized) { this.size = total; this.unsized = false; }
  }

  private get windowStart(): number { return this.held[0]?.start ?? this.pos; }

  release(upTo: number): void {
    this.floor = Math.max(this.floor, upTo);
    while (this.held.length && this.held[0]!.start + this.held[0]!.bytes.length <= this.floor) this.heldBytes -= this.held.shift()!.bytes.length;
  }

  private restart(): void {
    if (this.decoder && ++this.restarts > MAX_RESTARTS) {
      throw new LimitExceeded('maxMemberBytes', `a streamed tar was read out of order more than ${MAX_RESTARTS} times (each re-decompresses it from the start)`);
    }
    if (this.decoder) this.cap = Math.max(this.cap, this.maxHeld);
    this.decoder?.stop();
    this.decoder = this.open();
    this.held = [];
    this.heldBytes = 0;
    this.pos = 0;
  }

  /**
   * One read at a time: readers issue reads ahead (the pickle scanner's OpReader), and two reads
   * waiting on the one decoder at once would leave one of them waiting for ever.
   */
  read(offset: number, length: number): Promise<Uint8Array> {
    const out = this.queue.then(() => this.readNow(offset, length));
    this.queue = out.then(() => undefined, () => undefined);
    return out;
  }

  /**
   * The whole output as the chunks held, when it ends within `n` bytes (decoding n + 2 at most), else
   * null and the stream reads on from its start, those bytes still held: no byte is decoded twice.
   */
  async whole(n: number): Promise<Uint8Array[] | null> {
    const done = this.queue.then(() => this.readNow(0, n + 1, false));
    this.queue = done.then(() => undefined, () => undefined);
    await done;
    return this.sized && this.size <= n && this.windowStart === 0 ? this.held.map((h) => h.bytes) : null;
  }

  /** `copy` false: only decodes, holding [offset, offset+length) (whole()). */
  private async readNow(offset: number, length: number, copy = true): Promise<Uint8Array> {
    const a = Math.max(0, Math.min(offset, this.size));
    const b = Math.max(a, Math.min(this.size, a + Math.max(0, length)));
    if (b === a) return new Uint8Array(0);
    if (!this.decoder || a < this.windowStart) {
      this.restart();
      this.floor = Math.min(this.floor, a);
    }
    // Unsized, a read decodes one byte past its end: a read that reaches the end of the data learns it.
    const until = this.unsized ? b + 1 : b;
    while (this.pos < until) {
      const c = await this.decoder!.next();
      if (!c) { this.ended(this.pos); break; }
      const start = this.pos;
      this.pos += c.length;
      if (this.pos <= Math.max(this.floor, this.held.length ? 0 : a)) continue; // before what anyone may still read
      this.held.push({ start, bytes: c });
      this.heldBytes += c.length;
      // Over the cap: drop the oldest bytes this read does not need.
      while (this.heldBytes > this.cap && this.held.length > 1 && this.held[0]!.start + this.held[0]!.bytes.length <= a) {
        this.heldBytes -= this.held.shift()!.bytes.length;
      }
    }
    if (!copy) return new Uint8Array(0);
    const out = new Uint8Array(Math.max(0, Math.min(b, this.pos) - a));
    for (const h of this.held) {
      const s = Math.max(a, h.start), e = Math.min(b, h.start + h.bytes.length);
      if (s < e) out.set(h.bytes.subarray(s - h.start, e - h.start), s - a);
    }
    return out;
  }

  slice(start: number, end: number, name?: string): ByteSource {
    return windowOf(this, start, end, name);
  }

  /**
   * Decodes whatever no reader asked for, discarding it, to the end of the compressed data: what the
   * decoder found there (its total, a byte past `size`, corrupt data) says whether the stream really
   * was `size` bytes long. Call once, after the last read.
   */
  async settle(): Promise<{ total: number; overflow: boolean; error?: string }> {
    this.decoder ??= this.open();
    this.release(this.size);
    const d = this.decoder;
    let error: string | undefined;
    try {
      while (await d.next());
    } catch (e) {
      if (e instanceof LimitExceeded || (e instanceof Error && e.name === 'ScanAborted')) throw e;
      error = e instanceof Error ? e.message : String(e);
    }
    error ??= d.error;
    this.ended(d.total);
    return { total: d.total, overflow: d.overflow, ...(error !== undefined ? { error } : {}) };
  }
}
