// Buffered forward-only reader over a ByteSource read function. The GGUF metadata section can be tens
// of MB (vocabularies), so it is read in bounded chunks and never held whole; only the bytes of the
// value being decoded are kept. Every fixed-size read checks the file end first (FormatError, never a
// RangeError), and the total span read is capped so a header that never ends cannot read a 70 GB file.
import { FormatError, LimitExceeded } from '../../types';

/** Most bytes fetched per read call: large enough to make vocabularies cheap, small enough to hold. */
export const CHUNK_BYTES = 1024 * 1024;
/** First read size; doubles per refill up to CHUNK_BYTES, so a small header over-reads little tensor data. */
export const FIRST_CHUNK_BYTES = 64 * 1024;

export type ReadFn = (offset: number, length: number) => Promise<Uint8Array>;

export class StreamReader {
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;
  private chunk = FIRST_CHUNK_BYTES;
  /** Absolute offset of the next byte to decode. */
  pos: number;

  constructor(private readonly readFn: ReadFn, readonly size: number, start: number, private readonly cap: number) {
    this.pos = start;
  }

  get remaining(): number { return this.size - this.pos; }

  /** Makes `n` bytes at pos available in the buffer (n ≤ CHUNK_BYTES + small). */
  private async fill(n: number, what: string): Promise<void> {
    if (this.pos + n > this.size) {
      throw new FormatError(`truncated ${what}: need ${n} bytes at ${this.pos}, the file ends at ${this.size}`, this.pos);
    }
    if (this.pos + n > this.cap) {
      throw new LimitExceeded('ggufHeaderBytes', `the GGUF header runs past ${this.cap} bytes`);
    }
    const local = this.pos - this.bufStart;
    if (local >= 0 && local + n <= this.buf.length) return;
    const want = Math.min(Math.max(n, this.chunk), this.size - this.pos, this.cap - this.pos);
    this.chunk = Math.min(this.chunk * 2, CHUNK_BYTES);
    const got = await this.readFn(this.pos, want);
    if (got.length < n) throw new FormatError(`short read of ${what} at ${this.pos}`, this.pos);
    this.buf = got;
    this.bufStart = this.pos;
  }

  /** Returns a view of the next n bytes (n small) and advances. */
  async take(n: number, what: string): Promise<Uint8Array> {
    const local = this.pos - this.bufStart;
    if (!(local >= 0 && local + n <= this.buf.length)) await this.fill(n, what);
    const at = this.pos - this.bufStart;
    this.pos += n;
    return this.buf.subarray(at, at + n);
  }

  async u8(what = 'u8'): Promise<number> { return (await this.take(1, what))[0]!; }

  async u32(what = 'u32'): Promise<number> {
    const b = await this.take(4, what);
    return (b[0]! | (b[1]! << 8) | (b[2]! << 16)) + b[3]! * 0x1000000;
  }

  /** u64 as a number; values past 2^53 become Infinity so every bounds check rejects them. */
  async u64(what = 'u64'): Promise<number> {
    const b = await this.take(8, what);
    const lo = (b[0]! | (b[1]! << 8) | (b[2]! << 16)) + b[3]! * 0x1000000;
    const hi = (b[4]! | (b[5]! << 8) | (b[6]! << 16)) + b[7]! * 0x1000000;
    return hi >= 0x200000 ? Infinity : hi * 0x1_0000_0000 + lo;
  }

  /**
   * Reads n bytes of which the first `keep` are returned (copied) and the rest skipped chunk by chunk.
   * n has been checked against the file end by the caller's limits; the skip still checks it.
   */
  async bytes(n: number, keep: number, what: string): Promise<Uint8Array> {
    if (this.pos + n > this.size) throw new FormatError(`${what} of ${n} bytes at ${this.pos} runs past the end of the file`, this.pos);
    const kept = new Uint8Array(Math.min(n, keep));
    let done = 0;
    while (done < n) {
      const step = Math.min(n - done, CHUNK_BYTES);
      const b = await this.take(step, what);
      if (done < kept.length) kept.set(b.subarray(0, Math.min(step, kept.length - done)), done);
      done += step;
    }
    return kept;
  }
}
