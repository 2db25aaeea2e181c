// joblib writes NumPy array data inline in the pickle stream: after the BUILD of a
// joblib.numpy_pickle.NumpyArrayWrapper (state: subclass, shape, order, dtype, allow_mmap and, since
// joblib 1.2, numpy_array_alignment_bytes) NumpyArrayWrapper.write_array writes either
//   - [one byte = padding length][padding][raw array bytes]   (alignment set; 0 bytes of padding allowed)
//   - [raw array bytes]                                        (older joblib: no alignment attribute)
//   - a complete protocol-2 pickle of the array                (object dtype: dtype.hasobject)
// and the unpickler's BUILD reads them back. Knowing the size lets the stream continue past them.
import type { InlineData } from './machine';
import { dictGet, isNode, tupleItems, type Val } from './values';

const WRAPPERS = new Set([
  'joblib.numpy_pickle.NumpyArrayWrapper',
  'sklearn.externals.joblib.numpy_pickle.NumpyArrayWrapper',
]);

/** Item size of a NumPy dtype string as numpy.dtype.__reduce__ writes it ('f8', '<U7', 'V24', 'O8'). */
export function dtypeItemSize(str: string): number | 'object' | null {
  const m = /^[<>|=]?([a-zA-Z?])(\d*)$/.exec(str);
  if (!m) return null;
  const kind = m[1]!, n = m[2] ? Number(m[2]) : NaN;
  if (kind === 'O') return 'object';
  if (kind === 'U' || kind === 'w') return Number.isFinite(n) ? 4 * n : null;
  if (kind === 'M' || kind === 'm') return 8;
  if (kind === '?' ) return 1;
  return Number.isFinite(n) ? n : null;
}

/** A wrapper's BUILD: how many raw bytes follow it, or null when it is not one / not resolvable. */
export function inlineArray(target: Val, state: Val): InlineData | null {
  if (!isNode(target) || target.t !== 'call' || !isNode(target.fn) || target.fn.t !== 'global') return null;
  if (!WRAPPERS.has(target.fn.key)) return null;
  const dtype = dictGet(state, 'dtype') ?? null;
  if (!isNode(dtype) || dtype.t !== 'call') return null;
  const dargs = tupleItems(dtype.args);
  const dstr = dargs?.[0];
  if (typeof dstr !== 'string') return null;
  let size = dtypeItemSize(dstr);
  if (size === 'object') return { kind: 'pickle' };
  // dtype BUILD state (version, byteorder, subdtype, names, fields, elsize, alignment, flags):
  // elsize is authoritative for flexible and structured dtypes.
  const dstate = dtype.state === undefined ? null : tupleItems(dtype.state);
  const elsize = dstate?.[5];
  if (typeof elsize === 'number' && Number.isSafeInteger(elsize) && elsize > 0) size = elsize;
  if (dstate?.[2] != null) return null; // subarray dtypes: shape is nested, not handled
  if (size === null || size <= 0) return null;
  const shape = tupleItems(dictGet(state, 'shape') ?? null);
  if (!shape) return null;
  let count = 1;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) return null;
    count *= d;
    if (!Number.isSafeInteger(count)) return null;
  }
  const bytes = count * size;
  if (!Number.isSafeInteger(bytes)) return null;
  const align = dictGet(state, 'numpy_array_alignment_bytes');
  return { kind: 'array', bytes, padded: typeof align === 'number' };
}
