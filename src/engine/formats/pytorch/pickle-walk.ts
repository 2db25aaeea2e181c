// The structural walk of torch's pickles, shared by the legacy checkpoint reader (storage ids, storage
// keys, constant pickles: structure.ts) and the weight statistics (which tensors the main pickle
// builds: tensors.ts). Structure, not security: the pickle scanner judges the same pickles through
// scanChild. A small stack machine over the shared disassembler that models just what torch.save
// writes (torch/serialization.py _save / _legacy_save; torch/_utils.py _rebuild_tensor_v2,
// _rebuild_parameter): constants, tuples and lists, dicts and OrderedDicts, storage persistent ids,
// and objects whose BUILD state holds parameters (a pickled nn.Module). Anything it does not model
// makes it give up (GiveUp); callers then say so rather than guess.
import type { ByteSource } from '../../types';
import { disassemble } from '../pickle/disasm';

/** Opcodes walked in one structural pass. A main pickle of a 100k-tensor model is a few million. */
export const MAX_STRUCTURE_OPS = 50_000_000;
/** Values (dict entries, list items, memo cells) kept in one walk: a 100k-tensor state dict needs ~1M. */
export const MAX_WALK_VALUES = 4_000_000;
/** Stack depth: torch's pickles stay a few levels deep; more is an attack on memory (as in pickle/machine.ts). */
const MAX_STACK = 1_000_000;

export const MARK = Symbol('mark');
export const OPAQUE = Symbol('opaque');
export interface G { k: 'g'; name: string }
export interface Seq { k: 'seq'; list: boolean; items: V[] }
export interface Dict { k: 'dict'; entries: Array<[V, V]> }
export interface Storage { k: 'storage'; type: string; key: string }
export interface Tensor { k: 'tensor'; storage: Storage; offset: number; size: number[]; stride: number[] }
export interface Obj { k: 'obj'; state: V }
export type V = string | number | bigint | boolean | null | G | Seq | Dict | Storage | Tensor | Obj | typeof OPAQUE | typeof MARK;

export class GiveUp extends Error {}

/** torch/_utils.py rebuild functions whose first arguments are (storage, storage_offset, size, stride). */
const REBUILD_TENSOR = new Set(['torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor']);
/** nn.Parameter wrappers whose first argument is the tensor. */
const REBUILD_PARAMETER = new Set(['torch._utils._rebuild_parameter', 'torch._utils._rebuild_parameter_with_state']);

export const isSeq = (v: V): v is Seq => typeof v === 'object' && v !== null && v.k === 'seq';
const intOf = (v: V): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);
function intTuple(v: V): number[] | null {
  if (!isSeq(v)) return null;
  const out: number[] = [];
  for (const x of v.items) { const n = intOf(x); if (n === null) return null; out.push(n); }
  return out;
}

export interface WalkHooks {
  checkAborted?: () => void;
  /** Called with every BINPERSID operand (torch's storage ids are tuples). */
  onPid?: (pid: V) => void;
}

/** Runs the pickle in [start, end) and returns the value left by STOP; throws GiveUp when it cannot. */
export async function walkPickle(source: ByteSource, start: number, end: number, hooks: WalkHooks = {}): Promise<V> {
  const stack: V[] = [];
  const memo = new Map<number, V>();
  let values = 0;
  const count = (n: number) => { values += n; if (values > MAX_WALK_VALUES) throw new GiveUp(); };
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
    if ((++ops & 0xffff) === 0) hooks.checkAborted?.();
    if (stack.length > MAX_STACK) throw new GiveUp();
    const a = op.arg;
    switch (op.name) {
      case 'PROTO': case 'FRAME': case 'READONLY_BUFFER': break;
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
      case 'BINBYTES': case 'SHORT_BINBYTES': case 'BINBYTES8': case 'BYTEARRAY8': case 'NEXT_BUFFER':
      case 'EXT1': case 'EXT2': case 'EXT4': case 'EMPTY_SET':
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
        hooks.onPid?.(pid);
        if (isSeq(pid) && pid.items[0] === 'storage' && pid.items.length >= 5) {
          const [, type, key] = pid.items;
          if (typeof key !== 'string') throw new GiveUp();
          stack.push({ k: 'storage', type: typeof type === 'object' && type !== null && type.k === 'g' ? type.name : '', key });
        } else stack.push(OPAQUE);
        break;
      }
      default: throw new GiveUp(); // PERSID (a str() of a tuple) and anything unmodelled
    }
  }
  throw new GiveUp(); // no STOP within the window
}
