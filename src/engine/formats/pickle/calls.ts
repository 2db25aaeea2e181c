// Call shapes the judge reads beyond "which global is called" (issue 11, items 3-5): the callables a
// higher-order call carries, attribute lookups that are not calls, the class an instance was built
// from, and the rebuild results torch's weights-only loader hands out. Pure functions of the symbolic
// values; the judge turns them into findings.
import type { PolicyVerdict } from './policy';
import type { CallNode, GlobalNode } from './machine';
import { unvendored } from './policy-dangerous';
import { dictGet, isNode, tupleItems, type Node, type Val } from './values';

/** A callable passed as data, and where it sits in the carrier's arguments ("argument 0", "key="). */
export interface Carried { value: Val; where: string }

/** The arguments of `c` that its callee calls, by the verdict's higher-order facts. */
export function carriedOf(v: PolicyVerdict, args: Val, kwargs?: Val): Carried[] {
  const out: Carried[] = [];
  const items = tupleItems(args) ?? (isNode(args) && (args.t === 'tuple' || args.t === 'list') ? args.items : []);
  if (v.callsArgs === 'any') items.forEach((value, i) => out.push({ value, where: `argument ${i}` }));
  else for (const i of v.callsArgs ?? []) if (i < items.length) out.push({ value: items[i]!, where: `argument ${i}` });
  for (const k of v.callsKwargs ?? []) {
    const value = dictGet(kwargs ?? null, k);
    if (value !== undefined) out.push({ value, where: `${k}=` });
  }
  if (v.callsArgs === 'any' && isNode(kwargs ?? null) && (kwargs as { t: string }).t === 'dict') {
    const d = kwargs as { items: Val[] };
    for (let i = 0; i + 1 < d.items.length; i += 2) if (typeof d.items[i] === 'string') out.push({ value: d.items[i + 1]!, where: `${d.items[i] as string}=` });
  }
  return out;
}

const BUILTINS = new Set(['builtins', '__builtin__', '__builtins__']);
/**
 * copyreg's constructors: they make an instance of their first argument without calling it. Only
 * _reconstructor(cls, base, state) also runs `base.__init__(obj, state)` when base is not object
 * (copyreg.py); reconstructorBase names that base so it is judged as called.
 */
const CONSTRUCTORS = new Set(['copyreg._reconstructor', 'copyreg.__newobj__', 'copyreg.__newobj_ex__',
  'copy_reg._reconstructor', 'copy_reg.__newobj__', 'copy_reg.__newobj_ex__']);

export function isGetattr(g: GlobalNode): boolean {
  return g.name === 'getattr' && BUILTINS.has(g.module);
}

export function isConstructor(g: GlobalNode): boolean {
  return CONSTRUCTORS.has(g.key);
}

/** The base whose __init__ copyreg._reconstructor(cls, base, state) runs, or null for object / not that shape. */
export function reconstructorBase(g: GlobalNode, c: { args: Val }): GlobalNode | null {
  if (!isConstructor(g) || g.name !== '_reconstructor') return null;
  const a1 = tupleItems(c.args)?.[1];
  if (!isNode(a1 ?? null) || (a1 as Node).t !== 'global') return null;
  const base = a1 as GlobalNode;
  return base.name === 'object' && BUILTINS.has(base.module) ? null : base;
}

/** The class global an instance was built from (cls(...), NEWOBJ cls, copyreg._reconstructor(cls, ...)), or null. */
export function classOf(v: Val): GlobalNode | null {
  if (!isNode(v) || v.t !== 'call' || !isNode(v.fn) || v.fn.t !== 'global') return null;
  if (isConstructor(v.fn)) {
    const a0 = tupleItems(v.args)?.[0];
    return isNode(a0 ?? null) && (a0 as GlobalNode).t === 'global' ? a0 as GlobalNode : null;
  }
  return v.fn;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Dunder hooks a library's own __reduce__ reads off a class, and so a lookup like any other: pyarrow's
 * ExtensionType.__reduce__ returns `self.__arrow_ext_deserialize__` (pyarrow/types.pxi), a classmethod,
 * pickled as getattr(<extension type class>, '__arrow_ext_deserialize__'); pandas' Arrow period and interval
 * types pickle this way. The looked-up method is then judged like any name.
 */
const LOOKUP_DUNDERS = new Set(['__arrow_ext_deserialize__']);

/**
 * getattr(owner, 'name') read as a lookup: the owner (a class or module global, or an instance of a
 * known class) and the attribute. Null when the shape is not a plain lookup: the name is computed, is a
 * dunder or not an identifier, or the owner is unresolved. Those keep getattr's full severity.
 */
export function lookupOf(c: CallNode): { owner: GlobalNode; attr: string; instance: boolean } | null {
  const args = tupleItems(c.args);
  if (!args || args.length < 2 || args.length > 3 || c.kwargs !== undefined) return null;
  const [target, attr] = args;
  if (typeof attr !== 'string' || !IDENTIFIER.test(attr) || (/^__.*__$/.test(attr) && !LOOKUP_DUNDERS.has(attr))) return null;
  if (isNode(target ?? null) && (target as GlobalNode).t === 'global') return { owner: target as GlobalNode, attr, instance: false };
  const cls = classOf(target ?? null);
  return cls ? { owner: cls, attr, instance: true } : null;
}

/** torch's rebuild helpers and tensor/storage classes: what a weights-only load hands back as a tensor or storage. */
export function isTensorOrStorage(v: Val): boolean {
  if (!isNode(v)) return false;
  if (v.t === 'pid') return true; // persistent_load returns the storages of a checkpoint
  if (v.t !== 'call' || !isNode(v.fn) || v.fn.t !== 'global') return false;
  const k = v.fn.key;
  return /^torch\._utils\._rebuild_/.test(k) || k === 'torch._tensor._rebuild_from_type_v2' || k === 'torch.nn.parameter.Parameter'
    || /^torch\.(cuda\.)?(sparse\.)?[A-Za-z0-9]*(Storage|Tensor)$/.test(k) || /^torch\.storage\.(Typed|Untyped)Storage$/.test(k);
}

/** dill's type lookup by name: _load_type('float') returns a builtin type; only the code types build code. */
export function isTypeLookup(g: GlobalNode, args: Val, codeTypes: ReadonlySet<string>): boolean {
  if (g.name !== '_load_type' && g.name !== '_builtin_type') return false;
  // numba.cloudpickle's _builtin_type is cloudpickle's (a vendored copy, policy-dangerous.ts VENDORED_COPIES)
  if (!/^dill\.(_dill|dill)\._load_type$/.test(g.key) && !/^cloudpickle\.cloudpickle(_fast)?\._builtin_type$/.test(unvendored(g.module, g.name))) return false;
  const items = tupleItems(args);
  return !!items && items.length === 1 && typeof items[0] === 'string' && IDENTIFIER.test(items[0]) && !codeTypes.has(items[0]);
}

/**
 * dill's _create_namedtuple(name, fields, module): it returns `module.name` when that imports
 * (dill/_dill.py _import_module, safe=True), else a new namedtuple class. Like a GLOBAL, it names
 * what it imports; null when the names are not constant identifiers.
 */
export function namedtupleImport(g: GlobalNode, args: Val): { module: string; name: string } | null {
  if (g.name !== '_create_namedtuple' || !/^dill\.(_dill|dill)$/.test(g.module)) return null;
  const items = tupleItems(args);
  if (!items || items.length < 3) return null;
  const [name, , module] = items;
  if (typeof name !== 'string' || typeof module !== 'string' || !IDENTIFIER.test(name) || !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(module)) return null;
  return { module, name };
}

/** Containers followed inside one BUILD state attribute (a list of filters, a dict of keyword arguments). */
const MAX_STATE_DEPTH = 4;
/** Globals collected from one state: a real state names a handful; a crafted one cannot make the walk long. */
const MAX_STATE_GLOBALS = 512;

/** A global held in a BUILD state: the attribute it sits under, and whether it is the attribute's value itself
 * (or a member of a list, tuple or set there) rather than deeper inside a container. */
export interface StoredGlobal { g: GlobalNode; attr: string | null; direct: boolean }

/**
 * The globals a BUILD state holds, wherever they sit: the attributes of its dict (or of the dict in a
 * (state, slotstate) pair), and inside lists, tuples, sets and dict values below them. Calls are not
 * entered: what they build is judged where they are called.
 */
export function globalsInState(state: Val): StoredGlobal[] {
  const out: StoredGlobal[] = [];
  const walk = (v: Val, attr: string | null, depth: number, direct: boolean): void => {
    if (!isNode(v) || out.length >= MAX_STATE_GLOBALS) return;
    if (v.t === 'global') { out.push({ g: v, attr, direct }); return; }
    if (depth >= MAX_STATE_DEPTH) return;
    if (v.t === 'dict') {
      for (let i = 0; i + 1 < v.items.length; i += 2) {
        const k = v.items[i];
        // the top-level dict names attributes; below, a dict's values are data of one attribute
        if (depth === 0) walk(v.items[i + 1]!, typeof k === 'string' ? k : null, 1, true);
        else walk(v.items[i + 1]!, attr, depth + 1, false);
      }
    } else if (v.t === 'list' || v.t === 'tuple' || v.t === 'set' || v.t === 'frozenset') {
      for (const x of v.items) walk(x, attr, depth + 1, depth === 1 && direct);
    }
  };
  if (isNode(state) && state.t === 'dict') walk(state, null, 0, true);
  else for (const x of tupleItems(state) ?? []) if (isNode(x) && x.t === 'dict') walk(x, null, 0, true);
  return out;
}
