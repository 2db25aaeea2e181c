// Protocol-buffer wire format (protobuf.dev/programming-guides/encoding) read field by field through a
// bounded window over the node's bytes. ONNX files hold their weights inline (TensorProto.raw_data),
// so a model of hundreds of MB is one top-level message: it is never decoded whole. A caller asks for
// the next field header; length-delimited payloads are described by [start, end) and either walked,
// read (bounded), or skipped by moving the cursor past them without reading a byte.
import { FormatError } from '../../types';

export type ReadFn = (offset: number, length: number) => Promise<Uint8Array>;

/** Bytes fetched per refill when reading on from the window's end: the only buffer the walk holds. */
export const WINDOW_BYTES = 1024 * 1024;
/** Bytes fetched after a jump (raw_data skipped): the next tensor header is small, the weights huge. */
export const JUMP_WINDOW_BYTES = 64 * 1024;
/** Longest field header: tag varint (≤ 5 bytes for field numbers < 2^29) + value varint (≤ 10). */
const MAX_HEADER = 16;

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

export interface Field {
  no: number;
  wire: number;
  /** Offset of the tag. */
  at: number;
  /** Varint value (lossy above 2^53; negative int64 two's complement as a negative number). */
  value: number;
  /** Payload range for LEN fields; [next, next) otherwise. */
  start: number;
  end: number;
}

/** A declared length runs past its enclosing message (or the file). */
export class PastEnd extends FormatError {
  constructor(readonly what: string, readonly declaredEnd: number, readonly limit: number, offset: number) {
    super(`${what} declares ${Number.isFinite(declaredEnd) ? declaredEnd - offset : 'an absurd number of'} bytes, past the enclosing end at ${limit}`, offset);
  }
}

export class WireStream {
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;

  constructor(private readonly read: ReadFn, readonly size: number) {}

  private async window(pos: number, n: number): Promise<void> {
    if (this.has(pos, n)) return;
    const sequential = pos === this.bufStart + this.buf.length && this.buf.length > 0;
    this.buf = await this.read(pos, Math.max(n, sequential ? WINDOW_BYTES : JUMP_WINDOW_BYTES));
    this.bufStart = pos;
  }

  private has(pos: number, n: number): boolean {
    return pos >= this.bufStart && pos + n <= this.bufStart + this.buf.length;
  }

  /** Reads the field header at `pos`; its payload must end by `end`. */
  async field(pos: number, end: number, what: string): Promise<Field> {
    await this.window(pos, Math.min(MAX_HEADER, end - pos));
    return this.parse(pos, end, what);
  }

  /** field() without awaiting when the header is already in the window (the common case), else null. */
  fieldNow(pos: number, end: number, what: string): Field | null {
    return this.has(pos, Math.min(MAX_HEADER, end - pos)) ? this.parse(pos, end, what) : null;
  }

  private parse(pos: number, end: number, what: string): Field {
    let i = pos - this.bufStart;
    const limit = Math.min(this.buf.length, end - this.bufStart);
    const varint = (): number => {
      const r = readVarint(this.buf, i, limit, what, this.bufStart);
      i = r[1];
      return r[0];
    };
    const tag = varint();
    const no = Math.floor(tag / 8);
    const wire = tag & 7;
    if (no < 1 || no > 0x1fffffff) throw new FormatError(`invalid field number ${no} in ${what}`, pos);
    let value = 0;
    let start: number;
    let stop: number;
    switch (wire) {
      case WIRE_VARINT: value = varint(); start = stop = this.bufStart + i; break;
      case WIRE_I64: start = this.bufStart + i; stop = start + 8; break;
      case WIRE_I32: start = this.bufStart + i; stop = start + 4; break;
      case WIRE_LEN: {
        const len = varint();
        start = this.bufStart + i;
        stop = len < 0 ? Infinity : start + len;
        break;
      }
      default:
        // Groups (3, 4) are proto1-era and absent from onnx.proto; 6 and 7 are not wire types.
        throw new FormatError(`wire type ${wire} of field ${no} in ${what}`, pos);
    }
    if (stop > end) throw new PastEnd(`field ${no} of ${what}`, stop, end, pos);
    if (wire !== WIRE_LEN) start = stop;
    return { no, wire, at: pos, value, start, end: stop };
  }

  /** bytes() without awaiting when the range is already in the window, else null. */
  bytesNow(start: number, end: number, max: number): Uint8Array | null {
    const n = Math.min(end - start, max);
    if (n <= 0) return new Uint8Array(0);
    return this.has(start, n) ? this.buf.subarray(start - this.bufStart, start - this.bufStart + n) : null;
  }

  /** Up to `max` bytes of [start, end): the caller learns about clipping from the length. */
  async bytes(start: number, end: number, max: number): Promise<Uint8Array> {
    const n = Math.min(end - start, max);
    if (n <= 0) return new Uint8Array(0);
    if (start >= this.bufStart && start + n <= this.bufStart + this.buf.length) {
      return this.buf.subarray(start - this.bufStart, start - this.bufStart + n);
    }
    if (n <= WINDOW_BYTES) {
      await this.window(start, n);
      return this.buf.subarray(start - this.bufStart, start - this.bufStart + n);
    }
    const out = await this.read(start, n);
    if (out.length < n) throw new FormatError(`truncated read at ${start}`, start);
    return out;
  }
}

/**
 * One varint at b[i] (before `limit`) → [value, next index]. int64 is two's complement on the wire:
 * a 10-byte varint with the top bit set is negative. Values above 2^53 lose precision; callers treat
 * them as absurd sizes. `base` makes error offsets absolute.
 */
export function readVarint(b: Uint8Array, i: number, limit: number, what: string, base = 0): [number, number] {
  const start = i;
  let lo = 0;
  let hi = 0;
  for (let shift = 0; shift < 70; shift += 7) {
    if (i >= limit) throw new FormatError(`truncated varint in ${what}`, base + i);
    const x = b[i++]!;
    const bits = x & 0x7f;
    if (shift < 28) lo |= bits << shift;
    else if (shift === 28) { lo |= (bits & 0x0f) << 28; hi = bits >> 4; }
    else hi |= bits << (shift - 32);
    if (x < 0x80) {
      const l = lo >>> 0;
      const h = hi >>> 0;
      return [h >= 0x80000000 ? (h - 0x1_0000_0000) * 0x1_0000_0000 + l : h * 0x1_0000_0000 + l, i];
    }
  }
  throw new FormatError(`varint longer than 10 bytes in ${what}`, base + start);
}

/** Packed varints of a repeated int64 field (TensorProto.dims), at most `max` of them. */
export function packedVarints(b: Uint8Array, max: number): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < b.length && out.length < max) {
    const [value, next] = readVarint(b, i, b.length, 'packed dims');
    out.push(value);
    i = next;
  }
  return out;
}
