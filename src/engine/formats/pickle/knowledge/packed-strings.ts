// Byte-level pieces of the knowledge base's binary table (format 3, tools/knowledge/kbbinary.py): the
// bounds-checked LEB128 reader every section is read with, and the front-coded string table. The table's
// structures (name tree, per-node lists, facts) are read on top of these in packed.ts.
import { utf8 } from '../../../io/text';

export function fail(what: string, at: number): never {
  throw new Error(`the knowledge base is malformed: ${what} at byte ${at}`);
}

/** Sequential reader with bounds checks; every count read is bounded by the bytes left. */
export class Reader {
  at = 0;
  constructor(readonly b: Uint8Array) {}

  /** Unsigned LEB128 below 2^32 (doubles: no 32-bit wrap-around). */
  uv(): number {
    const first = this.b[this.at];
    if (first !== undefined && first < 0x80) {
      this.at++;
      return first;
    }
    let n = 0;
    for (let scale = 1; scale < 2 ** 35; scale *= 128) {
      if (this.at >= this.b.length) fail('cut short', this.at);
      const c = this.b[this.at++]!;
      n += (c & 0x7f) * scale;
      if (c < 0x80) return n <= 0xffffffff ? n : fail('number too large', this.at);
    }
    return fail('varint too long', this.at);
  }

  /** A count of items that each take at least one byte: larger than the bytes left is corrupt. */
  count(): number {
    const n = this.uv();
    return n <= this.b.length - this.at ? n : fail('count beyond the end', this.at);
  }

  col(n: number): Uint32Array {
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uv();
    return out;
  }

  raw(n: number): Uint8Array {
    if (n > this.b.length - this.at) fail('cut short', this.at);
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

/** Every string of the table, once, as one byte blob with offsets. */
export class StringTable {
  readonly size: number;
  /** Ids below this are the shared strings; the rest are segments used once, in tree order. */
  readonly sharedCount: number;
  private readonly blob: Uint8Array;
  private readonly start: Uint32Array;

  constructor(r: Reader) {
    const n = r.count();
    this.size = n;
    const shared = r.uv();
    if (shared > n) fail('more shared strings than strings', r.at);
    const pre = r.col(n);
    // each string: its prefix shared with the string before, then the rest of its bytes and a 0 byte
    let total = 0;
    let zeros = 0;
    for (let k = r.at; k < r.b.length && zeros < n; k++) if (r.b[k] === 0) zeros++;
    if (zeros < n) fail('cut short', r.b.length);
    this.start = new Uint32Array(n + 1);
    const lengths = new Uint32Array(n);
    for (let i = 0, k = r.at; i < n; i++) {
      const end = r.b.indexOf(0, k);
      const p = pre[i]!;
      if (i === 0 ? p !== 0 : p > lengths[i - 1]!) fail('prefix longer than the string before', k);
      lengths[i] = p + end - k;
      total += lengths[i]!;
      k = end + 1;
    }
    this.blob = new Uint8Array(total);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const p = pre[i]!;
      if (p) this.blob.copyWithin(at, this.start[i - 1]!, this.start[i - 1]! + p);
      at += p;
      for (let c = r.b[r.at++]!; c !== 0; c = r.b[r.at++]!) this.blob[at++] = c;
      this.start[i + 1] = at;
    }
    this.sharedCount = shared;
  }

  get(id: number): string {
    const s = this.start[id]!, e = this.start[id + 1]!;
    let ascii = true;
    for (let k = s; k < e; k++) if (this.blob[k]! >= 0x80) { ascii = false; break; }
    if (!ascii) return utf8(this.blob.subarray(s, e));
    let out = '';
    for (let k = s; k < e; k++) out += String.fromCharCode(this.blob[k]!);
    return out;
  }

  /** Byte order of string `id` against `bytes` (negative: the string sorts first), as code points. */
  compare(id: number, bytes: ArrayLike<number>): number {
    const s = this.start[id]!, len = this.start[id + 1]! - s;
    const n = Math.min(len, bytes.length);
    for (let k = 0; k < n; k++) {
      const d = this.blob[s + k]! - bytes[k]!;
      if (d) return d;
    }
    return len - bytes.length;
  }

  /** Byte order of strings `a` and `b`. */
  order(a: number, b: number): number {
    const sa = this.start[a]!, la = this.start[a + 1]! - sa;
    const sb = this.start[b]!, lb = this.start[b + 1]! - sb;
    const n = Math.min(la, lb);
    for (let k = 0; k < n; k++) {
      const d = this.blob[sa + k]! - this.blob[sb + k]!;
      if (d) return d;
    }
    return la - lb;
  }
}
