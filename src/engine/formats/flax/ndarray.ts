// Flax's ext payloads (flax/serialization.py, "On-the-wire / disk serialization format"):
//   ext 1 ndarray and ext 3 npscalar: msgpack.packb((shape, dtype.name, arr.tobytes('C'))), read back
//     by _ndarray_from_bytes with msgpack.unpackb(raw=True) + np.frombuffer(buffer, dtype).reshape(shape);
//   ext 2 native complex: msgpack.packb((real, imag)).
// Only the front of the payload is read (shape and dtype); the buffer is located, not loaded.
import { decode } from '@msgpack/msgpack';
import { utf8 } from '../../io/text';
import { SyncCursor } from './msgpack';

// The extension type codes (flax.serialization _MsgpackExtType) live in sniff.ts, which looks for them.
import { EXT_NDARRAY, EXT_NPSCALAR } from './sniff';
export { EXT_NDARRAY, EXT_NPSCALAR };
export const EXT_COMPLEX = 2;

/** Bytes of an ndarray payload read to find shape, dtype and the buffer header. */
export const NDARRAY_HEAD_BYTES = 4096;
/** numpy's own limit on dimensions (NPY_MAXDIMS is 64 since numpy 2.0). */
export const MAX_NDIM = 64;
/** Longest dtype name accepted ('float8_e4m3b11fnuz' is 18). */
const MAX_DTYPE_CHARS = 64;
/** A complex payload is two float64s and an array header (19 bytes); anything larger is not Flax's. */
const MAX_COMPLEX_BYTES = 64;

/** Item sizes of the dtype names numpy (+ ml_dtypes, which jax registers) gives numeric arrays. */
const ITEM_SIZE: Record<string, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8,
  float16: 2, float32: 4, float64: 8, float128: 16, longdouble: 16, complex64: 8, complex128: 16, complex256: 32,
  bfloat16: 2, float8_e4m3fn: 1, float8_e5m2: 1, float8_e4m3b11fnuz: 1, float8_e4m3fnuz: 1, float8_e5m2fnuz: 1,
  float8_e3m4: 1, float8_e4m3: 1, float8_e8m0fnu: 1, float4_e2m1fn: 1, float6_e2m3fn: 1, float6_e3m2fn: 1,
  int4: 1, uint4: 1, int2: 1, uint2: 1,
};

/** Object dtypes however numpy spells them: 'object' (dtype.name), 'O', '|O', 'O8'. */
export function isObjectDtype(name: string): boolean {
  return /^(?:[|<>=]?O\d*|object\d*)$/.test(name);
}

/** Non-numeric dtypes numpy writes without pickling (fixed-width text, bytes, void, datetimes). */
function isPlainDtype(name: string): boolean {
  return /^(?:str|bytes|void|datetime64|timedelta64)\d*(?:\[\w+\])?$/.test(name);
}

export interface NdarrayHead {
  shape: number[];
  dtype: string;
  /** Elements = product of shape. */
  elements: number;
  /** Item size when the dtype is a known numeric one, else null. */
  itemSize: number | null;
  kind: 'numeric' | 'object' | 'plain' | 'unknown';
  /** Absolute offset and length of the raw buffer inside the file. */
  bufferOffset: number;
  bufferLength: number;
}

/** Why an ndarray payload would not load in Flax, or null. */
export type NdarrayResult = { ok: true; value: NdarrayHead } | { ok: false; reason: string };

/**
 * Parses the front of an ndarray/npscalar ext payload. `head` holds the first bytes of the payload
 * (≤ NDARRAY_HEAD_BYTES), `base` its absolute offset, `length` the whole payload's length.
 */
export function parseNdarray(head: Uint8Array, base: number, length: number): NdarrayResult {
  const fail = (reason: string): NdarrayResult => ({ ok: false, reason });
  const c = new SyncCursor(head, base);
  const tuple = c.header();
  if (!tuple || tuple.kind !== 'array' || tuple.length !== 3) return fail('the payload is not a 3-item (shape, dtype, buffer) array');
  const dims = c.header();
  if (!dims || dims.kind !== 'array') return fail('the shape is not an array');
  if (dims.length > MAX_NDIM) return fail(`the shape has ${dims.length} dimensions (numpy allows ${MAX_NDIM})`);
  const shape: number[] = [];
  let elements = 1;
  for (let i = 0; i < dims.length; i++) {
    const d = c.header();
    if (!d || d.kind !== 'int' || typeof d.value !== 'number' || d.value < 0) return fail(`dimension ${i} is not a non-negative integer`);
    shape.push(d.value);
    elements *= d.value;
  }
  const dt = c.header();
  if (!dt || (dt.kind !== 'str' && dt.kind !== 'bin') || dt.length > MAX_DTYPE_CHARS) return fail('the dtype name is not a short string');
  const dtBytes = c.payload(dt);
  if (!dtBytes) return fail('the dtype name is cut off');
  const dtype = utf8(dtBytes);
  const buf = c.header();
  // raw=True: the buffer comes back as bytes whether packed as bin or (old msgpack) str.
  if (!buf || (buf.kind !== 'bin' && buf.kind !== 'str')) return fail('the buffer is not a byte string');
  const bufferOffset = base + c.pos;
  if (bufferOffset + buf.length !== base + length) {
    return fail(`the buffer (${buf.length} bytes) does not end where the ext payload ends`);
  }
  const itemSize = ITEM_SIZE[dtype] ?? null;
  const kind = itemSize !== null ? 'numeric' : isObjectDtype(dtype) ? 'object' : isPlainDtype(dtype) ? 'plain' : 'unknown';
  return { ok: true, value: { shape, dtype, elements, itemSize, kind, bufferOffset, bufferLength: buf.length } };
}

/** Checks a complex ext payload: a msgpack (real, imag) pair of numbers. Returns why not, or null. */
export function checkComplex(payload: Uint8Array): string | null {
  if (payload.length > MAX_COMPLEX_BYTES) return `the payload is ${payload.length} bytes (a (real, imag) pair is at most ${MAX_COMPLEX_BYTES})`;
  let v: unknown;
  try {
    // Small by the check above; the library's own limits keep it that way.
    v = decode(payload, { maxStrLength: 0, maxBinLength: 0, maxArrayLength: 2, maxMapLength: 0, maxExtLength: 0 });
  } catch (e) {
    return `the payload does not decode (${(e as Error).message})`;
  }
  if (!Array.isArray(v) || v.length !== 2 || v.some((x) => typeof x !== 'number')) return 'the payload is not a (real, imag) pair of numbers';
  return null;
}
