// Structure (not security) of the pickles in a legacy PyTorch checkpoint: the storage persistent ids
// of the main pickle and the list of storage keys, which say how to step over the raw storages that
// follow. A tiny stack machine over the shared disassembler that models containers just enough for
// tuples of constants and a list of strings; anything it does not model makes it give up (null), and
// the caller stops with a finding instead of guessing. The security verdict on these same pickles is
// the pickle scanner's (they are all handed to it through scanChild).
import type { ByteSource } from '../../types';
import { disassemble } from '../pickle/disasm';

/** Storages described by one checkpoint; each costs a few dozen bytes here. Real models have thousands. */
export const MAX_LEGACY_STORAGES = 200_000;
/** Opcodes walked in one structural pass. A main pickle of a 100k-tensor model is a few million. */
export const MAX_STRUCTURE_OPS = 50_000_000;

const MARK = Symbol('mark');
const OPAQUE = Symbol('opaque');
interface Global { g: string }
interface Seq { seq: 'list' | 'tuple'; items: V[] }
type V = string | number | bigint | boolean | null | Global | Seq | typeof OPAQUE | typeof MARK;

export interface StorageRef { key: string; type: string; numel: number | null }

class GiveUp extends Error {}

/** Runs the pickle in [start, end) and returns the value left by STOP, calling `onPid` per BINPERSID. */
async function simulate(source: ByteSource, start: number, end: number, onPid?: (pid: V) => void): Promise<V> {
  const stack: V[] = [];
  const memo = new Map<number, V>();
  const pop = (): V => {
    if (stack.length === 0 || stack[stack.length - 1] === MARK) throw new GiveUp();
    return stack.pop()!;
  };
  const toMark = (): V[] => {
    const i = stack.lastIndexOf(MARK);
    if (i < 0) throw new GiveUp();
    return stack.splice(i).slice(1);
  };
  const top = (): V => { if (!stack.length) throw new GiveUp(); return stack[stack.length - 1]!; };
  for await (const op of disassemble(source, start, { end, maxOps: MAX_STRUCTURE_OPS })) {
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
      case 'EXT1': case 'EXT2': case 'EXT4': case 'EMPTY_DICT': case 'EMPTY_SET':
        stack.push(OPAQUE); break;
      case 'NONE': stack.push(null); break;
      case 'NEWTRUE': stack.push(true); break;
      case 'NEWFALSE': stack.push(false); break;
      case 'EMPTY_LIST': stack.push({ seq: 'list', items: [] }); break;
      case 'EMPTY_TUPLE': stack.push({ seq: 'tuple', items: [] }); break;
      case 'LIST': stack.push({ seq: 'list', items: bounded(toMark()) }); break;
      case 'TUPLE': stack.push({ seq: 'tuple', items: bounded(toMark()) }); break;
      case 'TUPLE1': case 'TUPLE2': case 'TUPLE3': {
        const n = op.name === 'TUPLE1' ? 1 : op.name === 'TUPLE2' ? 2 : 3;
        const items: V[] = [];
        for (let i = 0; i < n; i++) items.unshift(pop());
        stack.push({ seq: 'tuple', items });
        break;
      }
      case 'APPEND': { const v = pop(); appendTo(top(), [v]); break; }
      case 'APPENDS': { const vs = toMark(); appendTo(top(), vs); break; }
      case 'DICT': case 'FROZENSET': case 'OBJ': case 'INST': toMark(); stack.push(OPAQUE); break;
      case 'SETITEM': pop(); pop(); break;
      case 'SETITEMS': case 'ADDITEMS': toMark(); break;
      case 'GET': case 'BINGET': case 'LONG_BINGET': {
        if (typeof a !== 'number' || !memo.has(a)) throw new GiveUp();
        stack.push(memo.get(a)!);
        break;
      }
      case 'PUT': case 'BINPUT': case 'LONG_BINPUT':
        if (typeof a !== 'number') throw new GiveUp();
        memo.set(a, top());
        break;
      case 'MEMOIZE': memo.set(memo.size, top()); break;
      case 'GLOBAL': stack.push(typeof a === 'string' ? { g: a.replace(' ', '.') } : OPAQUE); break;
      case 'STACK_GLOBAL': {
        const name = pop(), module = pop();
        stack.push(typeof name === 'string' && typeof module === 'string' ? { g: `${module}.${name}` } : OPAQUE);
        break;
      }
      case 'REDUCE': case 'NEWOBJ': pop(); pop(); stack.push(OPAQUE); break;
      case 'NEWOBJ_EX': pop(); pop(); pop(); stack.push(OPAQUE); break;
      case 'BUILD': pop(); break;
      case 'BINPERSID': onPid?.(pop()); stack.push(OPAQUE); break;
      default: throw new GiveUp(); // PERSID (a str() of a tuple) and anything unmodelled
    }
  }
  throw new GiveUp(); // no STOP within the window
}

function bounded(items: V[]): V[] {
  if (items.length > MAX_LEGACY_STORAGES) throw new GiveUp();
  return items;
}

function appendTo(target: V, items: V[]): void {
  if (typeof target === 'object' && target !== null && 'seq' in target && target.seq === 'list') {
    if (target.items.length + items.length > MAX_LEGACY_STORAGES) throw new GiveUp();
    target.items.push(...items);
  }
}

const isSeq = (v: V): v is Seq => typeof v === 'object' && v !== null && 'seq' in v;

/**
 * Storage persistent ids of torch's legacy pickler: ('storage', <storage type global>, key, location,
 * numel, view_metadata) (torch/serialization.py, _legacy_save.persistent_id). Keyed by storage key.
 */
export async function storageRefs(source: ByteSource, start: number, end: number): Promise<Map<string, StorageRef> | null> {
  const refs = new Map<string, StorageRef>();
  try {
    await simulate(source, start, end, (pid) => {
      if (!isSeq(pid) || pid.items[0] !== 'storage' || pid.items.length < 5) return;
      const [, type, key, , numel] = pid.items;
      if (typeof key !== 'string') throw new GiveUp();
      const typeName = typeof type === 'object' && type !== null && 'g' in type ? type.g : '';
      if (refs.size >= MAX_LEGACY_STORAGES) throw new GiveUp();
      refs.set(key, { key, type: typeName, numel: typeof numel === 'number' ? numel : null });
    });
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
  return refs;
}

/** The storage keys pickle: a list of strings (sorted by torch). Null when it is anything else. */
export async function storageKeys(source: ByteSource, start: number, end: number): Promise<string[] | null> {
  try {
    const v = await simulate(source, start, end);
    if (!isSeq(v) || v.seq !== 'list' || !v.items.every((k) => typeof k === 'string')) return null;
    return v.items as string[];
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

/** An integer constant pickle (protocol version), or null. */
export async function intPickle(source: ByteSource, start: number, end: number): Promise<number | bigint | null> {
  try {
    const v = await simulate(source, start, end);
    return typeof v === 'number' || typeof v === 'bigint' ? v : null;
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

/** Bytes per element of torch's typed storages (torch/_utils.py _element_size; legacy class names). */
export const ELEMENT_SIZES: Readonly<Record<string, number>> = Object.freeze({
  DoubleStorage: 8, FloatStorage: 4, HalfStorage: 2, BFloat16Storage: 2, LongStorage: 8, IntStorage: 4,
  ShortStorage: 2, CharStorage: 1, ByteStorage: 1, BoolStorage: 1, ComplexDoubleStorage: 16,
  ComplexFloatStorage: 8, QUInt8Storage: 1, QInt8Storage: 1, QInt32Storage: 4, QUInt4x2Storage: 1,
  QUInt2x4Storage: 1, UntypedStorage: 1,
});

/** Element size of a storage type global ('torch.FloatStorage', 'torch.cuda.HalfStorage'), or null. */
export function elementSize(type: string): number | null {
  const m = /^torch\.(?:cuda\.)?([A-Za-z0-9]+Storage)$/.exec(type);
  return m ? ELEMENT_SIZES[m[1]!] ?? null : null;
}

