// Tensor extraction for the weight statistics (src/engine/stats): which float tensors a PyTorch
// checkpoint's main pickle builds, from which storage, at which offset, with which shape, named by
// their key path as state_dict() names them. The pickle is walked by the shared structural machine
// (pickle-walk.ts); a pickle it cannot follow gives no statistics and no finding (it is the pickle
// scanner's business).
import type { ByteSource } from '../../types';
import type { FloatKind } from '../../stats/sample';
import { GiveUp, walkPickle, type V } from './pickle-walk';
import { storageClass } from './structure';

/** Container nesting followed when naming tensors: state dicts nest 2-3 deep, pickled modules ~10/level. */
const MAX_NAME_DEPTH = 64;
/** Tensors returned (the statistics cap the tensors per node at 10k anyway). */
export const MAX_TENSORS = 10_000;

/** A tensor built by the pickle: storage key, storage class, element offset, size and stride. */
export interface PickledTensor { name: string; storageKey: string; storageType: string; offset: number; size: number[]; stride: number[] }

/** Segments of a pickled nn.Module's attribute path that state_dict() names leave out. */
const MODULE_ATTRS = new Set(['_modules', '_parameters', '_buffers']);

/** Float storage classes (torch/storage.py legacy typed storages) and the element kind they hold. */
export const FLOAT_STORAGES: ReadonlyMap<string, FloatKind> = new Map([
  ['FloatStorage', 'f32'], ['DoubleStorage', 'f64'], ['HalfStorage', 'f16'], ['BFloat16Storage', 'bf16'],
]);

/** The float element kind of a storage type global ('torch.FloatStorage', 'torch.cuda.HalfStorage'), or null. */
export function floatKindOf(type: string): FloatKind | null {
  const c = storageClass(type);
  return c ? FLOAT_STORAGES.get(c) ?? null : null;
}

/** Walks the pickle in [start, end) and returns the tensors it builds, named by their key path; null when it cannot. */
export async function pickledTensors(source: ByteSource, start: number, end: number, checkAborted: () => void): Promise<PickledTensor[] | null> {
  try {
    return tensorsOf(await walkPickle(source, start, end, { checkAborted }));
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

/** The tensors a walked pickle's value holds, named by their key path (state_dict() names). */
export function tensorsOf(root: V): PickledTensor[] {
  const out: PickledTensor[] = [];
  const seen = new Set<object>();
  const visit = (v: V, path: string[], depth: number): void => {
    if (out.length >= MAX_TENSORS || typeof v !== 'object' || v === null || depth > MAX_NAME_DEPTH) return;
    if (v.k === 'tensor') {
      out.push({ name: path.join('.') || '(root)', storageKey: v.storage.key, storageType: v.storage.type, offset: v.offset, size: v.size, stride: v.stride });
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (v.k === 'dict') {
      for (const [key, val] of v.entries) {
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const seg = String(key);
        visit(val, MODULE_ATTRS.has(seg) ? path : [...path, seg], depth + 1);
      }
    } else if (v.k === 'seq') {
      v.items.forEach((item, i) => visit(item, [...path, String(i)], depth + 1));
    } else if (v.k === 'obj') {
      visit(v.state, path, depth + 1);
    }
  };
  visit(root, [], 0);
  return out;
}

/** Row-major (C-contiguous) strides of `size`: only such tensors are read as one byte range. */
export function isContiguous(size: readonly number[], stride: readonly number[]): boolean {
  let expect = 1;
  for (let i = size.length - 1; i >= 0; i--) {
    if (size[i]! !== 1 && stride[i] !== expect) return false;
    expect *= size[i]!;
  }
  return true;
}
