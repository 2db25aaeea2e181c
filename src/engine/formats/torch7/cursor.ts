// The two encodings of a torch7 File (TH generic/THDiskFile.c): binary (little-endian int32, int64 longs,
// float64 numbers, raw bytes) and ASCII, where every write call prints its values separated by spaces
// and ends with a newline ("auto-spacing"), numbers as text and characters raw; a read consumes that one
// newline after its values, so raw characters start right after the newline that ends their length.
import { FormatError } from '../../types';

export class T7Cursor {
  pos = 0;
  private readonly dv: DataView;
  constructor(readonly b: Uint8Array, readonly ascii: boolean) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  get remaining(): number { return this.b.length - this.pos; }

  private need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.b.length) throw new FormatError(`truncated ${what} at ${this.pos}`, this.pos);
  }

  /** One ASCII number token (skips leading white space; the newline after it stays for raw reads). */
  private token(what: string): string {
    while (this.pos < this.b.length && (this.b[this.pos] === 0x20 || this.b[this.pos] === 0x0a || this.b[this.pos] === 0x0d || this.b[this.pos] === 0x09)) this.pos++;
    const start = this.pos;
    while (this.pos < this.b.length && this.pos - start < 64 && this.b[this.pos] !== 0x20 && this.b[this.pos] !== 0x0a && this.b[this.pos] !== 0x0d) this.pos++;
    if (this.pos === start) throw new FormatError(`truncated ${what} at ${start}`, start);
    return String.fromCharCode(...this.b.subarray(start, this.pos));
  }

  int(what = 'int'): number {
    if (this.ascii) {
      const t = this.token(what);
      if (!/^-?\d{1,10}$/.test(t)) throw new FormatError(`bad ASCII ${what} "${t.slice(0, 20)}" at ${this.pos}`, this.pos);
      return Number(t);
    }
    this.need(4, what);
    const v = this.dv.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  long(what = 'long'): number {
    if (this.ascii) {
      const t = this.token(what);
      if (!/^-?\d{1,16}$/.test(t)) throw new FormatError(`bad ASCII ${what} "${t.slice(0, 20)}" at ${this.pos}`, this.pos);
      return Number(t);
    }
    this.need(8, what);
    const lo = this.dv.getUint32(this.pos, true), hi = this.dv.getInt32(this.pos + 4, true);
    if (hi < -1 || hi > 0x1fffff) throw new FormatError(`long value out of range at ${this.pos}`, this.pos);
    this.pos += 8;
    return hi * 0x1_0000_0000 + lo;
  }

  /** `n` numbers of `width` bytes each (binary) or `n` text tokens (ASCII), not kept. */
  skipNumbers(n: number, width: number, what: string): void {
    if (!this.ascii) { this.need(n * width, what); this.pos += n * width; return; }
    if (n * 2 > this.remaining) throw new FormatError(`${n} ${what} cannot fit in the ${this.remaining} bytes left`, this.pos);
    for (let i = 0; i < n; i++) this.token(what);
  }

  /** `n` raw characters (strings, bytecode, byte storages). */
  chars(n: number, what: string): Uint8Array {
    if (this.ascii && this.b[this.pos] === 0x0a) this.pos++; // the newline ending the length's write
    this.need(n, what);
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    if (this.ascii && this.b[this.pos] === 0x0a) this.pos++;
    return out;
  }
}
