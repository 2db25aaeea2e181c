// Bounds-checked reads of a flatbuffer (flatbuffers internals: uoffset root, soffset to the vtable,
// uint16 vtable entries, uoffset strings and vectors with a uint32 length). Every offset is checked
// against the buffer, so a hostile core throws FormatError instead of reading past its end.
import { FormatError } from '../types';
import { utf8 } from './text';

/** Elements of one vector read (InfoMap entries, part ids). */
const MAX_VECTOR = 100_000;

export class Flat {
  private readonly dv: DataView;
  constructor(private readonly b: Uint8Array, private readonly base = 0) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  private check(at: number, n: number, what: string): void {
    if (!Number.isInteger(at) || at < 0 || at + n > this.b.length) throw new FormatError(`${what} at ${this.base + at} lies outside the flatbuffer`, this.base + Math.max(0, at));
  }
  private u32(at: number): number { this.check(at, 4, 'uoffset'); return this.dv.getUint32(at, true); }

  root(): number { const r = this.u32(0); this.check(r, 4, 'root table'); return r; }

  /** Position of field `i`'s value inside table `t`, or null when absent. */
  private field(t: number, i: number): number | null {
    this.check(t, 4, 'table');
    const vt = t - this.dv.getInt32(t, true);
    this.check(vt, 4, 'vtable');
    const vtSize = this.dv.getUint16(vt, true);
    if (4 + 2 * i + 2 > vtSize) return null;
    this.check(vt + 4 + 2 * i, 2, 'vtable entry');
    const off = this.dv.getUint16(vt + 4 + 2 * i, true);
    return off === 0 ? null : t + off;
  }

  private deref(t: number, i: number): number | null {
    const at = this.field(t, i);
    return at === null ? null : at + this.u32(at);
  }

  table(t: number, i: number): number | null { return this.deref(t, i); }

  /** Scalar fields: absent ones take the schema default (0 here; no ORT/CatBoost field read has another). */
  int32(t: number, i: number): number {
    const at = this.field(t, i);
    if (at === null) return 0;
    this.check(at, 4, 'int32'); return this.dv.getInt32(at, true);
  }
  int64(t: number, i: number): number {
    const at = this.field(t, i);
    if (at === null) return 0;
    this.check(at, 8, 'int64');
    return this.dv.getInt32(at + 4, true) * 0x1_0000_0000 + this.dv.getUint32(at, true);
  }
  uint8(t: number, i: number): number {
    const at = this.field(t, i);
    if (at === null) return 0;
    this.check(at, 1, 'uint8'); return this.b[at]!;
  }
  /** [start, end) of a vector's payload of `width`-byte scalars (bytes, int64s), checked. */
  scalarVector(t: number, i: number, width: number): { start: number; count: number } | null {
    const v = this.deref(t, i);
    if (v === null) return null;
    const n = this.u32(v);
    this.check(v + 4, n * width, 'vector');
    return { start: v + 4, count: n };
  }
  /** The file identifier at bytes 4..8. */
  identifier(): string { this.check(4, 4, 'identifier'); return String.fromCharCode(...this.b.subarray(4, 8)); }

  string(t: number, i: number): string | null {
    const s = this.deref(t, i);
    return s === null ? null : this.stringAt(s);
  }

  private stringAt(s: number): string {
    const n = this.u32(s);
    this.check(s + 4, n, 'string');
    return utf8(this.b.subarray(s + 4, s + 4 + n));
  }

  vectorLength(t: number, i: number): number {
    const v = this.deref(t, i);
    return v === null ? 0 : this.u32(v);
  }

  /** A vector of offsets (tables or strings): the positions it points at. */
  private offsets(t: number, i: number): number[] {
    const v = this.deref(t, i);
    if (v === null) return [];
    const n = this.u32(v);
    this.check(v + 4, 4 * n, 'vector');
    const out: number[] = [];
    for (let k = 0; k < Math.min(n, MAX_VECTOR); k++) { const at = v + 4 + 4 * k; out.push(at + this.u32(at)); }
    return out;
  }

  tables(t: number, i: number): number[] { return this.offsets(t, i); }
  strings(t: number, i: number): string[] { return this.offsets(t, i).map((s) => this.stringAt(s)); }
}
