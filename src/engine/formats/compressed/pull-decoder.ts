// A decoder run as a producer for stream.ts's DecompressedStream: its output is queued for one reader
// and the decoder is paused while the queue is full, so a streamed tar or pickle holds a bounded amount
// of decompressed data ahead of the reader whatever the archive's size.
import type { Budget } from '../../limits';
import type { ByteSource } from '../../types';
import { readExact } from '../../io/byte-source';
import { PacedFlate } from '../../io/flate';
import { DECODERS } from './codecs';
import type { Codec } from './sniff';
import { Sink } from './sink';

/** Decompressed bytes queued ahead of the reader before the decoder is paused. */
const QUEUE_HIGH_BYTES = 4 * 1024 * 1024;
/** Compressed bytes read, and pushed into fflate, per step (as codecs.ts). */
const READ_CHUNK_BYTES = 1024 * 1024;
/** Compressed bytes decoded between pauses for the reader (the queue's high mark bounds the rest). */
const PAUSE_SLICE_BYTES = 32 * 1024;

/** A decoder run as a producer: its output is queued, and it is paused while the queue is full. */
export class PullDecoder {
  private queue: Uint8Array[] = [];
  private queued = 0;
  private finished = false;
  private failure: unknown;
  private stopped = false;
  private wakeReader?: () => void;
  private wakeWriter?: () => void;
  /** Output bytes handed to the queue (at most `limit`). */
  total = 0;
  /** The data decodes to more than `limit`: found at the first byte past it, where decoding stops. */
  overflow = false;
  /** The compressed data is corrupt (truncated, bad code, bad check): where decoding stopped. */
  error?: string;

  constructor(codec: Codec, input: ByteSource, private readonly limit: number, private readonly checkAborted: () => void) {
    const sink = new EmitSink(limit, (c) => this.accept(c), () => this.stopped);
    const run = codec === 'gzip' || codec === 'zlib'
      ? this.flate(input, codec === 'gzip')
      : DECODERS[codec]!(this.gated(input), sink, checkAborted, Number.MAX_SAFE_INTEGER).then((r) => {
        if (sink.cut) this.overflow = true; // a decoder that bounds itself by the sink's limit says so there
        if (r.error !== undefined || r.unsupported !== undefined || r.windowTooLarge) this.error = r.error ?? r.unsupported ?? r.windowTooLarge!.message;
      });
    run.then(() => this.finish(), (e) => this.finish(e));
  }

  /** Queues what fits under the limit; anything past it marks the overflow (and stops the decoder). */
  private accept(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    const room = this.limit - this.total;
    if (chunk.length > room) { this.overflow = true; chunk = chunk.subarray(0, room); }
    this.total += chunk.length;
    if (chunk.length) { this.queue.push(chunk); this.queued += chunk.length; }
    this.wakeReader?.();
    return !this.overflow;
  }

  private finish(e?: unknown): void {
    this.finished = true;
    this.failure = e;
    this.wakeReader?.();
  }

  /** Resolves once the reader has taken enough of the queue. */
  private room(): Promise<void> {
    if (this.queued < QUEUE_HIGH_BYTES || this.stopped) return Promise.resolve();
    return new Promise((r) => { this.wakeWriter = r; });
  }

  /** Input whose reads wait for room: the decoders of codecs.ts pause between input reads. */
  private gated(input: ByteSource): ByteSource {
    return { name: input.name, size: input.size, slice: (s, e, n) => input.slice(s, e, n),
      read: async (offset, length) => { await this.room(); return input.read(offset, length); } };
  }

  /**
   * gzip / zlib with a pause after every slice: output per slice is bounded by DEFLATE's ~1032:1.
   * Decoding goes on past the limit only until the first byte beyond it (the overflow), and to the
   * end of the input otherwise, so the format's own checks (gzip CRC-32 and ISIZE) are verified.
   */
  private async flate(input: ByteSource, gzip: boolean): Promise<void> {
    const stream = new PacedFlate(gzip ? 'gzip' : 'deflate', (chunk) => { this.accept(chunk); }, input.size);
    const halt = () => this.overflow || this.stopped;
    for (let pos = 0; pos < input.size && !halt(); pos += READ_CHUNK_BYTES) {
      this.checkAborted();
      const block = await readExact(input, pos, Math.min(READ_CHUNK_BYTES, input.size - pos));
      const last = pos + block.length >= input.size;
      for (let i = 0; i < block.length && !halt(); i += PAUSE_SLICE_BYTES) {
        try {
          const slice = block.subarray(i, i + PAUSE_SLICE_BYTES);
          await stream.push(slice, last && i + slice.length >= block.length, halt);
        } catch (e) {
          this.error = e instanceof Error ? e.message : String(e);
          return; // the stream ends where the data does
        }
        await this.room();
      }
    }
  }

  async next(): Promise<Uint8Array | null> {
    while (this.queue.length === 0 && !this.finished) await new Promise<void>((r) => { this.wakeReader = r; });
    const c = this.queue.shift();
    if (c) {
      this.queued -= c.length;
      if (this.queued < QUEUE_HIGH_BYTES) this.wakeWriter?.();
      return c;
    }
    if (this.failure !== undefined) throw this.failure;
    return null;
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.queued = 0;
    this.wakeWriter?.();
  }
}

/** Forwards a codecs.ts decoder's output to the queue, up to `limit`. */
class EmitSink extends Sink {
  constructor(limit: number, private readonly emit: (c: Uint8Array) => boolean, private readonly stopped: () => boolean) {
    super({ limits: { maxMemberBytes: limit, maxCompressionRatio: Number.MAX_SAFE_INTEGER }, inflatedRemaining: Number.MAX_SAFE_INTEGER } as unknown as Budget, 1);
  }
  override push(chunk: Uint8Array): boolean {
    if (this.cut || this.stopped()) return false;
    const room = this.limit - this.total;
    const keep = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.total += keep.length;
    this.emit(chunk.length > room ? chunk : keep); // the decoder's queue sees the overflow itself
    if (chunk.length > room) this.cut = this.limitReason;
    return !this.cut;
  }
}
