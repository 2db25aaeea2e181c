// Bounds-checked little/big-endian cursor over a byte window. Every read checks the window first and
// throws FormatError (malformed input), never RangeError from a DataView.
import { FormatError } from '../types';

export class Reader {
  private readonly view: DataView;
  pos = 0;

  /** `base` is the absolute offset of bytes[0] in the node, so errors and findings carry real offsets. */
  constructor(readonly bytes: Uint8Array, readonly base = 0) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number { return this.bytes.length; }
  get remaining(): number { return this.bytes.length - this.pos; }
  get absolute(): number { return this.base + this.pos; }

  need(n: number, what = 'field'): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new FormatError(`truncated ${what}: need ${n} bytes at ${this.absolute}, have ${this.remaining}`, this.absolute);
    }
  }

  seek(pos: number): this {
    if (pos < 0 || pos > this.bytes.length) throw new FormatError(`seek outside window to ${this.base + pos}`, this.base + pos);
    this.pos = pos;
    return this;
  }

  skip(n: number): this { this.need(n, 'skip'); this.pos += n; return this; }

  u8(): number { this.need(1); return this.bytes[this.pos++]!; }
  u16le(): number { this.need(2); const v = this.view.getUint16(this.pos, true); this.pos += 2; return v; }
  u32le(): number { this.need(4); const v = this.view.getUint32(this.pos, true); this.pos += 4; return v; }
  i32le(): number { this.need(4); const v = this.view.getInt32(this.pos, true); this.pos += 4; return v; }
  u16be(): number { this.need(2); const v = this.view.getUint16(this.pos, false); this.pos += 2; return v; }
  u32be(): number { this.need(4); const v = this.view.getUint32(this.pos, false); this.pos += 4; return v; }

  /**
   * u64 as a JS number. Values past 2^53 cannot be offsets in any real file, so they are returned as
   * Infinity and the caller's bounds check rejects them (no BigInt arithmetic leaks out).
   */
  u64le(): number {
    this.need(8);
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    return hi >= 0x200000 ? Infinity : hi * 0x1_0000_0000 + lo;
  }

  bytesN(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** Reads u16/u32/u64 little-endian at an absolute index of a buffer without a cursor. */
export function u32leAt(b: Uint8Array, i: number): number {
  if (i < 0 || i + 4 > b.length) throw new FormatError(`truncated u32 at ${i}`, i);
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;
}
export function u16leAt(b: Uint8Array, i: number): number {
  if (i < 0 || i + 2 > b.length) throw new FormatError(`truncated u16 at ${i}`, i);
  return b[i]! | (b[i + 1]! << 8);
}
