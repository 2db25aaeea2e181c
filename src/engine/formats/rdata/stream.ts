// The three encodings of R's serialization stream (R src/main/serialize.c, "Basic Input Routines"):
// XDR (big-endian, 'X\n', what saveRDS/save write), native binary ('B\n', serialize(xdr = FALSE): the
// writer's byte order, little-endian on every current platform) and ASCII ('A\n', ascii = TRUE:
// whitespace-separated words, strings with C escapes). One cursor hides the difference from parse.ts.
import { FormatError } from '../../types';

export type RFormat = 'xdr' | 'binary' | 'ascii';

/** NA_INTEGER (INT_MIN): CHARSXP length -1 is NA_STRING, vector length -1 announces a long length. */
export const NA_INTEGER = -2147483648;

export class RStream {
  pos: number;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array, readonly format: RFormat, start: number, readonly littleEndian = true) {
    this.pos = start;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get atEnd(): boolean { return this.pos >= this.bytes.length; }

  private need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw new FormatError(`truncated ${what}: need ${n} bytes at ${this.pos}, have ${this.bytes.length - this.pos}`, this.pos);
    }
  }

  /** InInteger: a 4-byte int (XDR big-endian, binary native) or an ASCII word ("NA" is NA_INTEGER). */
  int(what = 'integer'): number {
    if (this.format === 'ascii') {
      const w = this.word(what);
      if (w === 'NA') return NA_INTEGER;
      if (!/^[-+]?\d{1,10}$/.test(w)) throw new FormatError(`bad ASCII integer "${w.slice(0, 20)}" at ${this.pos}`, this.pos);
      return Number(w) | 0;
    }
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.format === 'binary' ? this.littleEndian : false);
    this.pos += 4;
    return v;
  }

  /** Skips `n` values of `width` bytes (ints 4, doubles 8, complex 16) without reading them. */
  skipValues(n: number, width: number, what: string): void {
    if (this.format === 'ascii') {
      const words = width === 16 ? 2 * n : n;
      for (let i = 0; i < words; i++) this.word(what);
      return;
    }
    this.need(n * width, what);
    this.pos += n * width;
  }

  /** Raw bytes of a RAWSXP: binary as is, ASCII as two hex digits a word. Skipped, not kept. */
  skipRaw(n: number): void {
    if (this.format === 'ascii') { for (let i = 0; i < n; i++) this.word('raw byte'); return; }
    this.need(n, 'raw vector');
    this.pos += n;
  }

  /** Up to `keep` leading values of an int vector (factor codes, ALTREP state); the rest skipped. */
  ints(n: number, keep: number, what: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i < keep) out.push(this.int(what));
      else { this.skipValues(n - i, 4, what); break; }
    }
    return out;
  }

  /**
   * InString: `length` bytes. ASCII strings skip leading white space and undo OutString's escapes
   * (\n \t \v \b \r \f \a \\ \? \' \" and up to three octal digits).
   */
  string(length: number, what = 'string'): Uint8Array {
    if (this.format !== 'ascii') {
      this.need(length, what);
      const out = this.bytes.subarray(this.pos, this.pos + length);
      this.pos += length;
      return out;
    }
    const out = new Uint8Array(length);
    if (length === 0) return out;
    while (this.pos < this.bytes.length && isSpace(this.bytes[this.pos]!)) this.pos++;
    for (let i = 0; i < length; i++) {
      let c = this.char(what);
      if (c === 0x5c) {
        c = this.char(what);
        const esc = ESCAPES[c];
        if (esc !== undefined) c = esc;
        else if (c >= 0x30 && c <= 0x37) {
          let d = 0;
          for (let j = 0; j < 3 && c >= 0x30 && c <= 0x37; j++) { d = d * 8 + (c - 0x30); c = this.bytes[++this.pos] ?? -1; }
          this.pos--; // the loop read one past the digits; step back (UngetChar)
          c = d & 0xff;
        }
      }
      out[i] = c;
    }
    return out;
  }

  private char(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  /** InWord: skip white space, read to the next white space (128 characters at most, like R's buffer). */
  private word(what: string): string {
    while (this.pos < this.bytes.length && isSpace(this.bytes[this.pos]!)) this.pos++;
    const start = this.pos;
    while (this.pos < this.bytes.length && !isSpace(this.bytes[this.pos]!)) {
      if (this.pos - start >= 127) throw new FormatError(`ASCII ${what} longer than R's 128-byte word buffer at ${start}`, start);
      this.pos++;
    }
    if (this.pos === start) throw new FormatError(`truncated ${what} at ${start}`, start);
    let s = '';
    for (let i = start; i < this.pos; i++) s += String.fromCharCode(this.bytes[i]!);
    return s;
  }
}

const ESCAPES: Record<number, number> = {
  0x6e: 0x0a, 0x74: 0x09, 0x76: 0x0b, 0x62: 0x08, 0x72: 0x0d, 0x66: 0x0c, 0x61: 0x07,
  0x5c: 0x5c, 0x3f: 0x3f, 0x27: 0x27, 0x22: 0x22,
};

function isSpace(c: number): boolean { return c === 0x20 || (c >= 0x09 && c <= 0x0d); }
