// Tensor extraction for the weight statistics (src/engine/stats): which float tensors a PyTorch
// checkpoint's main pickle builds, from which storage, at which offset, with which shape. Structure,
// not security: the pickle scanner judges the same pickle through scanChild. A small stack machine
// over the shared disassembler models just what torch.save writes (torch/serialization.py _save /
// _legacy_save; torch/_utils.py _rebuild_tensor_v2, _rebuild_parameter): dicts and OrderedDicts,
// tuples and lists of constants, storage persistent ids, and objects whose BUILD state holds
// parameters (a pickled nn.Module). Anything it does not model makes it give up: no statistics, no
// finding (a pickle the machine cannot follow is the pickle scanner's business).
import type { ByteSource } from '../../types';
import { disassemble } from '../pickle/disasm';
import { MAX_STRUCTURE_OPS } from './structure';
import type { FloatKind } from '../../stats/sample';

/** Values (dict entries, list items, memo cells) kept in one walk: a 100k-tensor state dict needs ~1M. */
export const MAX_TENSOR_WALK_VALUES = 4_000_000;
/** Container nesting followed when naming tensors: state dicts nest 2-3 deep, pickled modules ~10/level. */
const MAX_NAME_DEPTH = 64;
/** Stack depth: torch's pickles stay a few levels deep; more is an attack on memory (as in pickle/machine.ts). */
const MAX_STACK = 1_000_000;
/** Tensors returned (the statistics cap the tensors per node at 10k anyway). */
export const MAX_TENSORS = 10_000;

const MARK = Symbol('mark');
const OPAQUE = Symbol('opaque');
interface G { k: 'g'; name: string }
interface Seq { k: 'seq'; list: boolean; items: V[] }
interface Dict { k: 'dict'; entries: Array<[V, V]> }
interface Storage { k: 'storage'; type: string; key: string }
interface Tensor { k: 'tensor'; storage: Storage; offset: number; size: number[]; stride: number[] }
interface Obj { k: 'obj'; state: V }
type V = string | number | bigint | boolean | null | G | Seq | Dict | Storage | Tensor | Obj | typeof OPAQUE | typeof MARK;

/** A tensor built by the pickle: storage key, storage class, element offset, size and stride. */
export interface PickledTensor { name: string; storageKey: string; storageType: string; offset: number; size: number[]; stride: number[] }

class GiveUp extends Error {}

/** torch/_utils.py rebuild functions whose first arguments are (storage, storage_offset, size, stride). */
const REBUILD_TENSOR = new Set(['torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor']);
/** nn.Parameter wrappers whose first argument is the tensor. */
const REBUILD_PARAMETER = new Set(['torch._utils._rebuild_parameter', 'torch._utils._rebuild_parameter_with_state']);
/** Segments of a pickled nn.Module's attribute path that state_dict() names leave out. */
const MODULE_ATTRS = new Set(['_modules', '_parameters', '_buffers']);

/** Float storage classes (torch/storage.py legacy typed storages) and the element kind they hold. */
export const FLOAT_STORAGES: ReadonlyMap<string, FloatKind> = new Map([
  ['FloatStorage', 'f32'], ['DoubleStorage', 'f64'], ['HalfStorage', 'f16'], ['BFloat16Storage', 'bf16'],
]);

/** The float element kind of a storage type global ('torch.FloatStorage', 'torch.cuda.HalfStorage'), or null. */
export function floatKindOf(type: string): FloatKind | null {
  const m = /^torch\.(?:cuda\.)?([A-Za-z0-9]+Storage)$/.exec(type);
  return m ? FLOAT_STORAGES.get(m[1]!) ?? null : null;
}

/** Walks the pickle in [start, end) and returns the tensors it builds, named by their key path; null when it cannot. */
export async function pickledTensors(source: ByteSource, start: number, end: number, checkAborted: () => void): Promise<PickledTensor[] | null> {
  let root: V;
  try {
    root = await simulate(source, start, end, checkAborted);
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
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

const isSeq = (v: V): v is Seq => typeof v === 'object' && v !== null && v.k === 'seq';
const intOf = (v: V): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);
function intTuple(v: V): number[] | null {
  if (!isSeq(v)) return null;
  const out: number[] = [];
  for (const x of v.items) { const n = intOf(x); if (n === null) return null; out.push(n); }
  return out;
}

async function simulate(source: ByteSource, start: number, end: number, checkAborted: () => void): Promise<V> {
  const stack: V[] = [];
  const memo = new Map<number, V>();
  let values = 0;
  const count = (n: number) => { values += n; if (values > MAX_TENSOR_WALK_VALUES) throw new GiveUp(); };
  const pop = (): V => {
    if (stack.length === 0 || stack[stack.length - 1] === MARK) throw new GiveUp();
    return stack.pop()!;
  };
  const toMark = (): V[] => {
    const i = stack.lastIndexOf(MARK);
    if (i < 0) throw new GiveUp();
    const items = stack.splice(i).slice(1);
    count(items.length);
    return items;
  };
  const top = (): V => { if (!stack.length) throw new GiveUp(); return stack[stack.length - 1]!; };
  const setItems = (target: V, kv: V[]) => {
    if (kv.length % 2) throw new GiveUp();
    if (typeof target !== 'object' || target === null || target.k !== 'dict') return; // items of an object we do not model
    for (let i = 0; i < kv.length; i += 2) target.entries.push([kv[i]!, kv[i + 1]!]);
  };
  const call = (fn: V, args: V): V => {
    const name = typeof fn === 'object' && fn !== null && fn.k === 'g' ? fn.name : '';
    const a = isSeq(args) ? args.items : [];
    if (REBUILD_TENSOR.has(name)) {
      const [storage, offset, size, stride] = a;
      const o = intOf(offset ?? OPAQUE), sz = intTuple(size ?? OPAQUE), st = intTuple(stride ?? OPAQUE);
      if (typeof storage === 'object' && storage !== null && storage.k === 'storage' && o !== null && sz && st && sz.length === st.length) {
        return { k: 'tensor', storage, offset: o, size: sz, stride: st };
      }
      return OPAQUE;
    }
    if (REBUILD_PARAMETER.has(name)) return typeof a[0] === 'object' && a[0] !== null && a[0].k === 'tensor' ? a[0] : OPAQUE;
    if (name === 'collections.OrderedDict' && a.length === 0) return { k: 'dict', entries: [] };
    return { k: 'obj', state: null };
  };
  let ops = 0;
  for await (const op of disassemble(source, start, { end, maxOps: MAX_STRUCTURE_OPS })) {
    if ((++ops & 0xffff) === 0) checkAborted();
    if (stack.length > MAX_STACK) throw new GiveUp();
    const a = op.arg;
    switch (op.name) {
      case 'PROTO': case 'FRAME': break;
      case 'STOP': return pop();
      case 'MARK': stack.push(MARK); break;
      case 'POP': pop(); break;
      case 'POP_MARK': toMark(); break;
      case 'DUP': stack.push(top()); break;
      case 'INT': case 'BININT': case 'BININT1': case 'BININT2': case 'LONG': case 'LONG1': case 'LONG4':
      case 'FLOAT': case 'BINFLOAT':
        stack.push(typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean' ? a : OPAQUE); break;
      case 'STRING': case 'BINSTRING': case 'SHORT_BINSTRING': case 'UNICODE': case 'SHORT_BINUNICODE':
      case 'BINUNICODE': case 'BINUNICODE8':
        stack.push(typeof a === 'string' && !op.partial ? a : OPAQUE); break;
      case 'BINBYTES': case 'SHORT_BINBYTES': case 'BINBYTES8': case 'BYTEARRAY8': case 'EMPTY_SET':
        stack.push(OPAQUE); break;
      case 'NONE': stack.push(null); break;
      case 'NEWTRUE': stack.push(true); break;
      case 'NEWFALSE': stack.push(false); break;
      case 'EMPTY_DICT': count(1); stack.push({ k: 'dict', entries: [] }); break;
      case 'DICT': { const d: V = { k: 'dict', entries: [] }; setItems(d, toMark()); stack.push(d); break; }
      case 'EMPTY_LIST': count(1); stack.push({ k: 'seq', list: true, items: [] }); break;
      case 'EMPTY_TUPLE': count(1); stack.push({ k: 'seq', list: false, items: [] }); break;
      case 'LIST': stack.push({ k: 'seq', list: true, items: toMark() }); break;
      case 'TUPLE': stack.push({ k: 'seq', list: false, items: toMark() }); break;
      case 'TUPLE1': case 'TUPLE2': case 'TUPLE3': {
        const n = op.name === 'TUPLE1' ? 1 : op.name === 'TUPLE2' ? 2 : 3;
        const items: V[] = [];
        for (let i = 0; i < n; i++) items.unshift(pop());
        count(n);
        stack.push({ k: 'seq', list: false, items });
        break;
      }
      case 'APPEND': { const v = pop(); const t = top(); count(1); if (isSeq(t) && t.list) t.items.push(v); break; }
      case 'APPENDS': { const vs = toMark(); const t = top(); if (isSeq(t) && t.list) for (const v of vs) t.items.push(v); break; }
      case 'SETITEM': { const v = pop(), k = pop(); count(2); setItems(top(), [k, v]); break; }
      case 'SETITEMS': { const kv = toMark(); setItems(top(), kv); break; }
      case 'ADDITEMS': toMark(); break;
      case 'FROZENSET': toMark(); stack.push(OPAQUE); break;
      case 'GET': case 'BINGET': case 'LONG_BINGET':
        if (typeof a !== 'number' || !memo.has(a)) throw new GiveUp();
        stack.push(memo.get(a)!);
        break;
      case 'PUT': case 'BINPUT': case 'LONG_BINPUT':
        if (typeof a !== 'number') throw new GiveUp();
        count(1);
        memo.set(a, top());
        break;
      case 'MEMOIZE': count(1); memo.set(memo.size, top()); break;
      case 'GLOBAL': stack.push(typeof a === 'string' ? { k: 'g', name: a.replace(' ', '.') } : OPAQUE); break;
      case 'STACK_GLOBAL': {
        const name = pop(), module = pop();
        stack.push(typeof name === 'string' && typeof module === 'string' ? { k: 'g', name: `${module}.${name}` } : OPAQUE);
        break;
      }
      case 'REDUCE': { const args = pop(), fn = pop(); stack.push(call(fn, args)); break; }
      case 'NEWOBJ': pop(); pop(); stack.push({ k: 'obj', state: null }); break;
      case 'NEWOBJ_EX': pop(); pop(); pop(); stack.push({ k: 'obj', state: null }); break;
      case 'OBJ': case 'INST': toMark(); stack.push({ k: 'obj', state: null }); break;
      case 'BUILD': {
        const state = pop(), target = top();
        // BUILD's state is a dict, or (dict, slots dict) when the class has __slots__ (pickle.py load_build).
        if (typeof target === 'object' && target !== null && target.k === 'obj') target.state = isSeq(state) ? state.items[0] ?? null : state;
        break;
      }
      case 'BINPERSID': {
        // ('storage', <storage class>, key, location, numel[, view_metadata]) — serialization.py persistent_id.
        const pid = pop();
        if (isSeq(pid) && pid.items[0] === 'storage' && pid.items.length >= 5) {
          const [, type, key] = pid.items;
          if (typeof key !== 'string') throw new GiveUp();
          stack.push({ k: 'storage', type: typeof type === 'object' && type !== null && type.k === 'g' ? type.name : '', key });
        } else stack.push(OPAQUE);
        break;
      }
      default: throw new GiveUp(); // PERSID, EXT*, buffers and anything unmodelled
    }
  }
  throw new GiveUp(); // no STOP within the window
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
