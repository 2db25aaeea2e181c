// .npy header (numpy/lib/format.py, "NPY format" NEP 1): '\x93NUMPY', major, minor, header length
// (u16 LE in 1.0, u32 LE in 2.0 and 3.0), then the header: a Python dict literal {'descr', 'fortran_order',
// 'shape'} padded with spaces and ending in '\n' (latin-1 in 1.0/2.0, UTF-8 in 3.0). Data follows.
import { FormatError } from '../../types';
import { latin1Text, utf8Strict } from '../../io/text';
import { isTuple, parseLiteral, type Lit } from './literal';

export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // '\x93NUMPY'
/**
 * Longest header accepted. numpy refuses more than 10000 bytes by default (max_header_size, since 1.24)
 * unless told otherwise; large structured dtypes can pass that, so allow more, but never unbounded.
 */
export const NPY_MAX_HEADER_BYTES = 1024 * 1024;
/** numpy caps dimensions at 64 (NPY_MAXDIMS). */
const MAX_DIMS = 64;

export interface NpyPrelude { major: number; minor: number; headerStart: number; headerLength: number }

export interface NpyHeader extends NpyPrelude {
  descr: Lit;
  dtype: string;            // descr rendered short, for notes
  fortranOrder: boolean;
  shape: number[];
  /** Any field holds Python objects: the data is a pickle. */
  hasObject: boolean;
  /** Bytes per element, when every field's size is known. */
  itemSize: number | null;
  dataOffset: number;
}

/** Version and header length from the first 12 bytes. */
export function parsePrelude(b: Uint8Array): NpyPrelude {
  if (b.length < 10) throw new FormatError('too short for an .npy header', 0);
  const major = b[6]!, minor = b[7]!;
  if (major === 1) return { major, minor, headerStart: 10, headerLength: b[8]! | (b[9]! << 8) };
  if (major === 2 || major === 3) {
    if (b.length < 12) throw new FormatError('too short for an .npy 2.0 header', 0);
    const headerLength = (b[8]! | (b[9]! << 8) | (b[10]! << 16)) + b[11]! * 0x1000000;
    return { major, minor, headerStart: 12, headerLength };
  }
  throw new FormatError(`unknown .npy format version ${major}.${minor}`, 6);
}

export function parseHeader(prelude: NpyPrelude, headerBytes: Uint8Array): NpyHeader {
  const { major, headerStart } = prelude;
  let text: string;
  if (major === 3) {
    const t = utf8Strict(headerBytes);
    if (t === null) throw new FormatError('header is not valid UTF-8', headerStart);
    text = t;
  } else {
    text = latin1Text(headerBytes);
  }
  const lit = parseLiteral(text.trim(), headerStart);
  if (!(lit instanceof Map)) throw new FormatError('header is not a dict', headerStart);
  const descr = lit.get('descr');
  const fortran = lit.get('fortran_order');
  const shape = lit.get('shape');
  if (descr === undefined || typeof fortran !== 'boolean' || shape === undefined || !isTuple(shape)) {
    throw new FormatError("header lacks 'descr', 'fortran_order' or a 'shape' tuple", headerStart);
  }
  if (shape.tuple.length > MAX_DIMS || !shape.tuple.every((d) => typeof d === 'number' && d >= 0)) {
    throw new FormatError('shape is not a tuple of non-negative integers', headerStart);
  }
  const dt = describe(descr, 0);
  return {
    ...prelude, descr, dtype: render(descr), fortranOrder: fortran, shape: shape.tuple as number[],
    hasObject: dt.object, itemSize: dt.size, dataOffset: headerStart + prelude.headerLength,
  };
}

interface DtypeFacts { object: boolean; size: number | null }

/** numpy's descr forms: a type string ('<f4', '|O', '<U10', '<M8[ns]') or a list of fields. */
function describe(d: Lit, depth: number): DtypeFacts {
  if (depth > 16) return { object: false, size: null };
  if (typeof d === 'string') return typeString(d);
  if (Array.isArray(d)) {
    let object = false;
    let size: number | null = 0;
    for (const field of d) {
      // ('name', dtype) or ('name', dtype, shape); name may itself be a (title, name) tuple.
      if (!isTuple(field) || field.tuple.length < 2) { size = null; continue; }
      const sub = describe(field.tuple[1]!, depth + 1);
      object ||= sub.object;
      let count = 1;
      const sh = field.tuple[2];
      if (typeof sh === 'number') count = sh;
      else if (sh !== undefined && isTuple(sh)) for (const n of sh.tuple) count *= typeof n === 'number' ? n : NaN;
      size = size === null || sub.size === null || !Number.isFinite(count) ? null : size + sub.size * count;
    }
    return { object, size };
  }
  if (isTuple(d) && d.tuple.length >= 1) return describe(d.tuple[0]!, depth + 1); // (base, shape) sub-array
  return { object: false, size: null };
}

function typeString(s: string): DtypeFacts {
  const m = /^[<>|=]?([a-zA-Z?])(\d*)(?:\[[A-Za-z0-9]+\])?$/.exec(s);
  if (!m) return { object: /O/.test(s), size: null };
  const [, kind, digits] = m as unknown as [string, string, string];
  const n = digits === '' ? null : Number(digits);
  switch (kind) {
    case 'O': return { object: true, size: 8 };
    case '?': return { object: false, size: 1 };
    case 'U': case 'w': return { object: false, size: n === null ? null : n * 4 };
    case 'b': case 'i': case 'u': case 'f': case 'c': case 'S': case 'a': case 'V': case 'M': case 'm':
      return { object: false, size: n };
    default: return { object: false, size: null };
  }
}

function render(d: Lit): string {
  if (typeof d === 'string') return d;
  const s = JSON.stringify(d, (_k, v: unknown) => (isTupleLike(v) ? v.tuple : v));
  return s && s.length > 200 ? s.slice(0, 200) + '…' : s ?? '?';
}

function isTupleLike(v: unknown): v is { tuple: unknown[] } {
  return typeof v === 'object' && v !== null && 'tuple' in v;
}
