// Lua Torch7 serialization (.t7, .th, .net; torch7 File.lua writeObject/readObject, generic/Tensor.c and
// generic/Storage.c write): a tagged object tree. Binary mode (what torch.save writes by default):
// little-endian int32 tags and lengths, int64 longs, float64 numbers; ASCII mode the same values as
// text (cursor.ts).
//   0 nil · 1 number (double) · 2 string (int length, bytes) · 3 table (index, count, key/value pairs) ·
//   4 torch object (index, "V <version>", class name, class payload) · 5 boolean (int) ·
//   6 function (bytecode string, upvalues) · 7 legacy recursive function and 8 recursive function
//   (index, bytecode string, upvalues).
// Tables, torch objects and recursive functions carry an index: a repeat writes the index alone.
// Tensors and storages are read structurally (sizes, strides, offset, then the storage); storage data
// is skipped by size, never read. Classes with their own write() other than tensors and storages
// cannot be followed, and stop the walk (reported as a limit, not as malformed).
import { FormatError } from '../../types';
import { T7Cursor } from './cursor';
import { utf8 } from '../../io/text';

export const TYPE = { NIL: 0, NUMBER: 1, STRING: 2, TABLE: 3, TORCH: 4, BOOLEAN: 5, FUNCTION: 6, LEGACY_RECUR_FUNCTION: 7, RECUR_FUNCTION: 8 } as const;

/** Objects nested inside each other; File.lua recurses, so does this reader, to this depth. */
export const MAX_T7_DEPTH = 256;
/** Objects read per file. */
export const MAX_T7_OBJECTS = 2_000_000;
/** Longest string read (class names are short; strings in tables are labels and paths). */
const MAX_STRING_BYTES = 64 * 1024 * 1024;
/** Tensor dimensions (torch7: TH_MAX_DIM is far lower in practice). */
const MAX_DIMS = 64;

/** Bytes per element of torch.<X>Storage (TH generic types). */
export const STORAGE_ELEMENT: Record<string, number> = {
  Byte: 1, Char: 1, Short: 2, Int: 4, Long: 8, Float: 4, Double: 8, Half: 2, Cuda: 4, CudaByte: 1, CudaChar: 1,
  CudaShort: 2, CudaInt: 4, CudaLong: 8, CudaDouble: 8, CudaHalf: 2,
};

export interface T7Function { offset: number; bytecode: Uint8Array; kind: 'function' | 'recursive function' }
export interface T7Parse {
  classes: Map<string, number>;
  functions: T7Function[];
  strings: Array<{ text: string; offset: number }>;
  tensors: number;
  storageBytes: number;
  objects: number;
  end: number;
  /** A class whose payload the reader cannot follow (own write()), where the walk stopped. */
  opaque?: { className: string; offset: number };
  error?: { kind: 'malformed' | 'limit'; message: string; offset: number };
}

class Stop extends Error { constructor(readonly kind: 'limit' | 'opaque', message: string, readonly className = '') { super(message); } }

/** Class names whose payload is the default table write (nn modules, optim states, nngraph nodes). */
function tableLike(className: string): boolean {
  return !/^torch\.(\w+)(Tensor|Storage)$/.test(className) && !/^torch\.(CudaTensor|CudaStorage)$/.test(className);
}

export function parseT7(bytes: Uint8Array, ascii = isAsciiT7(bytes)): T7Parse {
  const r = new T7Cursor(bytes, ascii);
  const out: T7Parse = { classes: new Map(), functions: [], strings: [], tensors: 0, storageBytes: 0, objects: 0, end: 0 };
  const seen = new Set<number>();
  const long = (): number => r.long();
  const str = (what: string): Uint8Array => {
    const at = r.pos;
    const n = r.int(what);
    if (n < 0 || n > MAX_STRING_BYTES) throw new FormatError(`${what} of ${n} bytes at ${at}`, at);
    return r.chars(n, what);
  };

  const obj = (depth: number): void => {
    if (depth > MAX_T7_DEPTH) throw new Stop('limit', `objects nested deeper than ${MAX_T7_DEPTH}`);
    if (++out.objects > MAX_T7_OBJECTS) throw new Stop('limit', `more than ${MAX_T7_OBJECTS} objects`);
    const at = r.pos;
    const type = r.int('type');
    switch (type) {
      case TYPE.NIL: return;
      case TYPE.NUMBER: r.skipNumbers(1, 8, 'number'); return;
      case TYPE.BOOLEAN: r.skipNumbers(1, 4, 'boolean'); return;
      case TYPE.STRING: {
        const s = str('string');
        if (out.strings.length < 10_000) out.strings.push({ text: utf8(s.subarray(0, 4096)), offset: at });
        return;
      }
      case TYPE.FUNCTION: case TYPE.LEGACY_RECUR_FUNCTION: case TYPE.RECUR_FUNCTION: {
        if (type !== TYPE.FUNCTION) { const index = r.int(); if (seen.has(index)) return; seen.add(index); }
        const code = str('function bytecode');
        out.functions.push({ offset: at, bytecode: code, kind: type === TYPE.FUNCTION ? 'function' : 'recursive function' });
        obj(depth + 1); // upvalues table
        return;
      }
      case TYPE.TABLE: {
        const index = r.int();
        if (seen.has(index)) return;
        seen.add(index);
        const n = r.int();
        if (n < 0 || n * (r.ascii ? 4 : 8) > r.remaining) throw new FormatError(`table of ${n} entries at ${at}`, at);
        for (let i = 0; i < n; i++) { obj(depth + 1); obj(depth + 1); }
        return;
      }
      case TYPE.TORCH: {
        const index = r.int();
        if (seen.has(index)) return;
        seen.add(index);
        let className = utf8(str('version'));
        if (/^V /.test(className)) className = utf8(str('class name'));
        if (className.length === 0 || className.length > 256) throw new FormatError(`bad class name at ${at}`, at);
        out.classes.set(className, (out.classes.get(className) ?? 0) + 1);
        const m = /^torch\.(\w*?)(Tensor|Storage)$/.exec(className);
        if (m) {
          if (m[2] === 'Tensor') { tensor(depth); out.tensors++; }
          else storage(m[1]!, className, at);
          return;
        }
        if (!tableLike(className)) throw new Stop('opaque', `class ${className} writes its own payload`, className);
        obj(depth + 1); // nn modules and other classes: their fields as one table (File.lua default write)
        return;
      }
      default: throw new FormatError(`unknown object type ${type} at ${at}`, at);
    }
  };

  /** generic/Tensor.c write: nDimension, sizes, strides (longs), storageOffset+1 (long), the storage object. */
  const tensor = (depth: number): void => {
    const at = r.pos;
    const nd = r.int('dimension count');
    if (nd < 0 || nd > MAX_DIMS) throw new FormatError(`tensor with ${nd} dimensions at ${at}`, at);
    for (let i = 0; i < 2 * nd + 1; i++) long();
    obj(depth + 1);
  };

  /** generic/Storage.c write: size (long) then size elements, skipped. */
  const storage = (kind: string, className: string, at: number): void => {
    const el = STORAGE_ELEMENT[kind === '' ? 'Double' : kind];
    if (el === undefined) throw new Stop('opaque', `unknown storage class ${className}`, className);
    const n = long();
    // ASCII storages print numbers as text (at least two bytes each); Byte/Char storages stay raw.
    if (n < 0 || n * (r.ascii && el > 1 ? 2 : el) > r.remaining) throw new FormatError(`${className} of ${n} elements runs past the end of the file (at ${at})`, at);
    if (r.ascii && el === 1) r.chars(n, className); else r.skipNumbers(n, el, className);
    out.storageBytes += n * el;
  };

  try {
    obj(0);
    if (ascii) while (r.pos < bytes.length && (bytes[r.pos] === 0x0a || bytes[r.pos] === 0x20 || bytes[r.pos] === 0x0d)) r.pos++; // the last write's newline
    out.end = r.pos;
  } catch (e) {
    out.end = r.pos;
    if (e instanceof Stop) {
      if (e.kind === 'opaque') out.opaque = { className: e.className, offset: r.pos };
      else out.error = { kind: 'limit', message: e.message, offset: r.pos };
    } else if (e instanceof FormatError) out.error = { kind: 'malformed', message: e.message, offset: e.offset ?? r.pos };
    else throw e;
  }
  return out;
}

/** torch.save(path, obj, 'ascii'): "3\n1\n" (a table) or "4\n1\n" (a torch object) then text. */
export function isAsciiT7(b: Uint8Array): boolean {
  return b.length >= 6 && (b[0] === 0x33 || b[0] === 0x34) && b[1] === 0x0a && b[2] === 0x31 && b[3] === 0x0a;
}

/** Binary torch.save: int32 type 3 (table) or 4 (torch object) then an index of 1. */
export function looksLikeT7(b: Uint8Array): boolean {
  if (b.length < 12) return false;
  const type = b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24);
  const index = b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24);
  if (index !== 1) return false;
  if (type === TYPE.TORCH) {
    const n = b[8]! | (b[9]! << 8);
    return b[10] === 0 && b[11] === 0 && n > 2 && n < 256 && b.length >= 14 && (b[12] === 0x56 && b[13] === 0x20 || b[12] === 0x74 || b[12] === 0x6e);
  }
  return type === TYPE.TABLE && b[10]! < 0x80 && b[11] === 0;
}
