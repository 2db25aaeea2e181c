// GGUF header parser (ggml docs/gguf.md): magic, version, tensor_count, metadata_kv_count, the KVs,
// the tensor infos, then padding to general.alignment and the tensor data. Returns data; throws
// FormatError on malformed input and AbsurdCount (a FormatError) when a count or length read from the
// file cannot be true, always before allocating anything sized by it.
import { FormatError } from '../../types';
import { utf8 } from '../../io/text';
import { StreamReader, type ReadFn } from './stream';
import { DEFAULT_ALIGNMENT, MAX_DIMS, SCALAR_BYTES, ValueType } from './types';

/** Metadata KVs per file. Real models carry a few dozen; a huge count only exhausts a loader. */
export const MAX_KV_COUNT = 65_536;
/** Tensor infos per file. The largest MoE checkpoints hold tens of thousands; each costs memory here. */
export const MAX_TENSOR_COUNT = 262_144;
/** Array elements per metadata array. Vocabularies reach ~260k tokens and merges; 16M is absurd. */
export const MAX_ARRAY_LENGTH = 16 * 1024 * 1024;
/** Arrays inside arrays. The spec allows nesting; real files use one level. Stops recursion exhaustion. */
export const MAX_ARRAY_DEPTH = 8;
/** Bytes of one string kept in memory (the rest is skipped, and the value marked clipped). */
export const MAX_STRING_KEPT = 1024 * 1024;
/** Bytes of one string at all: keys, names and templates are small; longer means a hostile length. */
export const MAX_STRING_BYTES = 64 * 1024 * 1024;
/** Array items kept per array for the scanner (the rest are decoded, counted and dropped). */
export const MAX_ARRAY_ITEMS_KEPT = 256;
/** Bytes of header (KVs + tensor infos) read at most. Vocabularies are tens of MB; this stops a header that never ends. */
export const MAX_HEADER_BYTES = 512 * 1024 * 1024;

export type GgufScalar = number | boolean | string;
export interface GgufArray { kind: 'array'; itemType: number; length: number; items: GgufValue[] }
export type GgufValue = GgufScalar | GgufArray;

export interface GgufString { text: string; clipped: boolean }
export interface GgufKv { key: string; type: number; value: GgufValue; offset: number; clipped: boolean }
export interface GgufTensor { name: string; dims: number[]; type: number; offset: number; infoOffset: number }

export interface GgufHeader {
  version: number;
  tensorCount: number;
  kvs: GgufKv[];
  tensors: GgufTensor[];
  alignment: number;
  /** Whether general.alignment was present but unusable (not a power of two, zero, wrong type). */
  badAlignment: GgufValue | null;
  headerEnd: number;
  dataStart: number;
}

/** A count or length that cannot be real: reported as gguf/absurd-count, then the file is malformed. */
export class AbsurdCount extends FormatError {
  constructor(readonly what: string, readonly value: number, readonly bound: string, offset: number) {
    super(`${what} ${Number.isFinite(value) ? value : '≥ 2^53'} is absurd (${bound})`, offset);
    this.name = 'AbsurdCount';
  }
}

/** Keys whose string arrays are vocabularies: decoded (to stay in sync) but never kept. */
export const VOCAB_KEYS: ReadonlySet<string> = new Set(['tokenizer.ggml.tokens', 'tokenizer.ggml.merges']);

/** `checkAborted` is polled while decoding long string arrays (vocabularies), so a cancel lands promptly. */
export async function parseGguf(read: ReadFn, size: number, checkAborted: () => void = () => {}): Promise<GgufHeader> {
  const r = new StreamReader(read, size, 0, MAX_HEADER_BYTES);
  await r.take(4, 'magic');
  const version = await r.u32('version');
  if (version < 1 || version > 3) throw new FormatError(`unsupported GGUF version ${version}`, 4);
  // v1 used u32 for counts and lengths; v2 widened them to u64 (docs/gguf.md, "Version history").
  const count = version === 1 ? (w: string) => r.u32(w) : (w: string) => r.u64(w);

  const countAt = r.pos;
  const tensorCount = await count('tensor_count');
  const kvAt = r.pos;
  const kvCount = await count('metadata_kv_count');
  // Smallest possible KV: empty key (length field) + type u32 + a 1-byte value. Smallest tensor info:
  // empty name + n_dims + one dim + type + offset.
  const lenBytes = version === 1 ? 4 : 8;
  const minKv = lenBytes + 4 + 1;
  const minTensor = lenBytes + 4 + lenBytes + 4 + 8;
  if (tensorCount > MAX_TENSOR_COUNT) throw new AbsurdCount('tensor_count', tensorCount, `limit ${MAX_TENSOR_COUNT}`, countAt);
  if (tensorCount * minTensor > r.remaining) throw new AbsurdCount('tensor_count', tensorCount, `the ${size}-byte file cannot hold that many tensor infos`, countAt);
  if (kvCount > MAX_KV_COUNT) throw new AbsurdCount('metadata_kv_count', kvCount, `limit ${MAX_KV_COUNT}`, kvAt);
  if (kvCount * minKv > r.remaining) throw new AbsurdCount('metadata_kv_count', kvCount, `the ${size}-byte file cannot hold that many KVs`, kvAt);

  const readString = async (what: string): Promise<GgufString> => {
    const at = r.pos;
    const n = await count(`${what} length`);
    if (n > r.remaining) throw new AbsurdCount(`${what} length`, n, `past the end of the ${size}-byte file`, at);
    if (n > MAX_STRING_BYTES) throw new AbsurdCount(`${what} length`, n, `limit ${MAX_STRING_BYTES}`, at);
    const kept = await r.bytes(n, MAX_STRING_KEPT, what);
    return { text: utf8(kept), clipped: kept.length < n };
  };

  // Decodes one value; `keep` false decodes (to stay in sync) but keeps nothing.
  let clipped = false;
  const readValue = async (type: number, depth: number, keep: boolean): Promise<GgufValue> => {
    const at = r.pos;
    switch (type) {
      case ValueType.U8: return r.u8();
      case ValueType.I8: { const v = await r.u8(); return v > 127 ? v - 256 : v; }
      case ValueType.U16: { const b = await r.take(2, 'u16'); return b[0]! | (b[1]! << 8); }
      case ValueType.I16: { const b = await r.take(2, 'i16'); const v = b[0]! | (b[1]! << 8); return v > 0x7fff ? v - 0x10000 : v; }
      case ValueType.U32: return r.u32();
      case ValueType.I32: { const v = await r.u32(); return v > 0x7fffffff ? v - 0x1_0000_0000 : v; }
      case ValueType.F32: { const b = await r.take(4, 'f32'); return new DataView(b.buffer, b.byteOffset, 4).getFloat32(0, true); }
      case ValueType.BOOL: return (await r.u8('bool')) !== 0;
      case ValueType.U64: return r.u64();
      case ValueType.I64: { const b = await r.take(8, 'i64'); return Number(new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0, true)); }
      case ValueType.F64: { const b = await r.take(8, 'f64'); return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true); }
      case ValueType.STRING: {
        const s = await readString('string');
        if (s.clipped) clipped = true;
        return keep ? s.text : '';
      }
      case ValueType.ARRAY: {
        if (depth >= MAX_ARRAY_DEPTH) throw new AbsurdCount('array nesting depth', depth + 1, `limit ${MAX_ARRAY_DEPTH}`, at);
        const itemType = await r.u32('array type');
        const lenAt = r.pos;
        const length = await count('array length');
        const min = SCALAR_BYTES[itemType] ?? (itemType === ValueType.STRING || itemType === ValueType.ARRAY ? lenBytes : 1);
        if (length * min > r.remaining) throw new AbsurdCount('array length', length, `the file cannot hold ${length} × ${min}-byte items`, lenAt);
        if (length > MAX_ARRAY_LENGTH) throw new AbsurdCount('array length', length, `limit ${MAX_ARRAY_LENGTH}`, lenAt);
        if (!(itemType in SCALAR_BYTES) && itemType !== ValueType.STRING && itemType !== ValueType.ARRAY) {
          throw new FormatError(`unknown array item type ${itemType}`, at);
        }
        const items: GgufValue[] = [];
        const kept = keep ? Math.min(length, MAX_ARRAY_ITEMS_KEPT) : 0;
        for (let i = 0; i < kept; i++) items.push(await readValue(itemType, depth + 1, true));
        const width = SCALAR_BYTES[itemType];
        if (width !== undefined) {
          await r.bytes((length - kept) * width, 0, 'array items'); // scalars past the kept ones: skipped in bulk
        } else {
          for (let i = kept; i < length; i++) {
            if ((i & 0xffff) === 0) checkAborted();
            await readValue(itemType, depth + 1, false);
          }
        }
        return { kind: 'array', itemType, length, items };
      }
      default:
        throw new FormatError(`unknown metadata value type ${type}`, at);
    }
  };

  const kvs: GgufKv[] = [];
  for (let i = 0; i < kvCount; i++) {
    const offset = r.pos;
    const key = await readString('key');
    const type = await r.u32('value type');
    clipped = false;
    const value = await readValue(type, 0, !VOCAB_KEYS.has(key.text));
    kvs.push({ key: key.text, type, value, offset, clipped });
  }

  const tensors: GgufTensor[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const infoOffset = r.pos;
    const name = await readString('tensor name');
    const dimsAt = r.pos;
    const nDims = await r.u32('n_dims');
    if (nDims > MAX_DIMS) throw new AbsurdCount(`n_dims of tensor "${name.text}"`, nDims, `GGML_MAX_DIMS is ${MAX_DIMS}`, dimsAt);
    const dims: number[] = [];
    for (let d = 0; d < nDims; d++) dims.push(await count('dimension'));
    const type = await r.u32('tensor type');
    const offset = await r.u64('tensor offset');
    tensors.push({ name: name.text, dims, type, offset, infoOffset });
  }

  const alignKv = kvs.find((kv) => kv.key === 'general.alignment');
  let alignment = DEFAULT_ALIGNMENT;
  let badAlignment: GgufValue | null = null;
  if (alignKv) {
    const a = alignKv.value;
    // gguf.cpp: general.alignment must be a u32 power of two, else the file is refused.
    if (alignKv.type === ValueType.U32 && typeof a === 'number' && a > 0 && (a & (a - 1)) === 0) alignment = a;
    else badAlignment = alignKv.value;
  }
  const headerEnd = r.pos;
  const dataStart = Math.ceil(headerEnd / alignment) * alignment;
  return { version, tensorCount, kvs, tensors, alignment, badAlignment, headerEnd, dataStart };
}
