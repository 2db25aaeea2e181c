// A tiny value language for pickle gadgets, assembled with GLOBAL/MARK/TUPLE/REDUCE/BUILD (protocol 2):
// tests describe the object graph (calls, BUILD states, containers) and get the bytes pickle writes.
import { asm, type PickleAsm } from './pickle';

export type G = { g: [string, string] };
export type V = string | number | boolean | null | Uint8Array | G | V[] | { list: V[] } | { dict: Array<[V, V]> }
  | { call: V; args: V[] } | { build: V; state: V } | { setitem: V; key: V; value: V };
export const g = (module: string, name: string): G => ({ g: [module, name] });
export const call = (fn: V, ...args: V[]): V => ({ call: fn, args });
export const gcall = (dotted: string, ...args: V[]): V => call(g(dotted.slice(0, dotted.lastIndexOf('.')), dotted.slice(dotted.lastIndexOf('.') + 1)), ...args);

export function emit(a: PickleAsm, v: V): void {
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) { a.value(v); return; }
  if (Array.isArray(v)) { a.mark(); v.forEach((x) => emit(a, x)); a.op('TUPLE'); return; }
  if ('g' in v) { a.global(v.g[0], v.g[1]); return; }
  if ('list' in v) { a.mark(); v.list.forEach((x) => emit(a, x)); a.op('LIST'); return; }
  if ('dict' in v) { a.mark(); for (const [k, x] of v.dict) { emit(a, k); emit(a, x); } a.op('DICT'); return; }
  if ('call' in v) { emit(a, v.call); emit(a, v.args); a.op('REDUCE'); return; }
  if ('build' in v) { emit(a, v.build); emit(a, v.state); a.op('BUILD'); return; }
  emit(a, v.setitem); emit(a, v.key); emit(a, v.value); a.op('SETITEM');
}
export const pickleOf = (v: V): Uint8Array => { const a = asm().proto(2); emit(a, v); return a.stop().build(); };
