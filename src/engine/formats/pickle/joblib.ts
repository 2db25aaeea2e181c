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

/** Dtype kinds whose item size numpy takes from the pickled state's elsize (flexible and void/structured). */
const FLEXIBLE = /^[<>|=]?[VSaU]/;

/**
 * The attribute `key` of the wrapper after BUILD, as CPython's load_build sets it: a dict state
 * updates __dict__ (its last SETITEM of a key wins), and a (dict, slotstate) pair then setattr()s the
 * slot state's items over it. Undefined when a container was cut (MAX_KEPT_DICT_ITEMS) and could hide it.
 */
function attribute(state: Val, key: string): Val | undefined {
  const pair = tupleItems(state);
  const [dict, slots] = pair && pair.length === 2 ? [pair[0]!, pair[1]!] : [state, null];
  for (const d of [slots, dict]) {
    if (!isNode(d) || d.t !== 'dict') continue;
    if (d.items.length < d.n) return undefined;
    const v = dictGet(d, key);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * A wrapper's BUILD: how many raw bytes follow it; null when it is not a wrapper; 'unresolved' when it
 * is one whose size cannot be worked out (joblib then reads bytes the scan cannot place).
 */
export function inlineArray(target: Val, state: Val): InlineData | 'unresolved' | null {
  if (!isNode(target) || target.t !== 'call' || !isNode(target.fn) || target.fn.t !== 'global') return null;
  if (!WRAPPERS.has(target.fn.key)) return null;
  const dtype = attribute(state, 'dtype') ?? null;
  if (!isNode(dtype) || dtype.t !== 'call') return 'unresolved';
  const dargs = tupleItems(dtype.args);
  const dstr = dargs?.[0];
  if (typeof dstr !== 'string') return 'unresolved';
  let size = dtypeItemSize(dstr);
  if (size === 'object') return { kind: 'pickle' };
  // dtype BUILD state (version, byteorder, subdtype, names, fields, elsize, alignment, flags): numpy's
  // arraydescr_setstate takes elsize only for flexible and void dtypes; a numeric dtype keeps its own
  // size whatever the state says (an elsize of 8 on 'u1' must not make the scan skip 8 bytes an item).
  const dstate = dtype.state === undefined ? null : tupleItems(dtype.state);
  const elsize = dstate?.[5];
  if (FLEXIBLE.test(dstr) && typeof elsize === 'number' && Number.isSafeInteger(elsize) && elsize > 0) size = elsize;
  if (dstate?.[2] != null) return 'unresolved'; // subarray dtypes: shape is nested, not handled
  if (size === null || size <= 0) return 'unresolved';
  const shape = tupleItems(attribute(state, 'shape') ?? null);
  if (!shape) return 'unresolved';
  let count = 1;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) return 'unresolved';
    count *= d;
    if (!Number.isSafeInteger(count)) return 'unresolved';
  }
  const bytes = count * size;
  if (!Number.isSafeInteger(bytes)) return 'unresolved';
  // joblib reads the padding byte whenever the attribute `is not None` (numpy_pickle.py read_array), whatever its type.
  const align = attribute(state, 'numpy_array_alignment_bytes');
  return { kind: 'array', bytes, padded: align !== undefined && align !== null };
}
