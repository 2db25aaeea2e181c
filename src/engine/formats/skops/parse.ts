// skops schema.json → a flat list of nodes. skops.io.dump writes the object tree as JSON, one node per
// object: {"__class__", "__module__", "__loader__", ...children}; skops.io.load builds a Node class per
// `__loader__` (NODE_TYPE_MAPPING in skops/io/_general.py, _numpy.py, _scipy.py, _sklearn.py) and only
// then constructs. Here nothing is constructed: every node is listed with its JSON pointer, what it names
// (the type or function the loader imports), and what it references (zip members, bound methods,
// operator functions). Source read: skops-dev/skops 50d3165 (0.15.dev0), protocols 0-2. Pure.
import { FormatError, type JsonValue } from '../../types';
import { isJsonObject, pointerToken } from '../../io/json';

/** Loaders skops registers (protocol 2 and the old protocols it still reads). */
export const KNOWN_LOADERS = new Set([
  'DictNode', 'DefaultDictNode', 'ListNode', 'SetNode', 'TupleNode', 'BytesNode', 'BytearrayNode', 'SliceNode',
  'FunctionNode', 'MethodNode', 'PartialNode', 'TypeNode', 'ConstructorFromReduceNode', 'ObjectNode', 'JsonNode',
  'OperatorFuncNode', 'NdArrayNode', 'MaskedArrayNode', 'DTypeNode', 'RandomStateNode', 'RandomGeneratorNode',
  'SparseMatrixNode', 'TreeNode', 'LossNode', 'SGDNode', '_DictWithDeprecatedKeysNode', 'QuantileForestNode',
  'CachedNode', 'ReduceNode',
]);
/** Most nodes listed from one schema; a real estimator has hundreds to a few tens of thousands. */
export const MAX_SKOPS_NODES = 200_000;

export interface SkopsNode {
  pointer: string;
  loader: string;
  module: string;
  cls: string;
  /** What loading imports or calls when it differs from module.cls (protocol-0 FunctionNode content). */
  target?: { module: string; name: string };
  /** Zip member the node reads (BytesNode, NdArrayNode, SparseMatrixNode). */
  file?: string;
  /** MethodNode: the method name and the type of the object it is bound to. */
  method?: { func: string; objModule: string; objCls: string };
  /** OperatorFuncNode: the nodes of its argument tuple, in order (pointers into the list). */
  operatorArgs?: string[];
  /** JsonNode: the JSON text it holds. */
  json?: string;
}

export interface SkopsSchema {
  protocol: number | null;
  nodes: SkopsNode[];
  byPointer: Map<string, SkopsNode>;
}

type Obj = { [k: string]: JsonValue };
const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** True when the value is what skops writes at the root of schema.json. */
export function looksLikeSkopsSchema(root: JsonValue): boolean {
  return isJsonObject(root) && typeof root.__loader__ === 'string' && typeof root.__class__ === 'string'
    && typeof root.__module__ === 'string' && 'protocol' in root;
}

/**
 * Lists every node. Throws FormatError where skops.io.load itself fails on the shape (a node without
 * `__loader__`, `__class__` or `__module__`: KeyError in Node.__init__).
 */
export function parseSkopsSchema(root: JsonValue): SkopsSchema {
  if (!looksLikeSkopsSchema(root)) throw new FormatError('schema.json is not a skops object tree (no __loader__/protocol at its root)');
  const protocol = typeof (root as Obj).protocol === 'number' ? (root as Obj).protocol as number : null;
  const nodes: SkopsNode[] = [];
  const byPointer = new Map<string, SkopsNode>();
  const stack: Array<{ v: JsonValue; pointer: string; node: boolean }> = [{ v: root, pointer: '', node: true }];
  while (stack.length) {
    const { v, pointer, node } = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i]!, pointer: `${pointer}/${i}`, node });
      continue;
    }
    if (!isJsonObject(v)) continue;
    const isNode = '__loader__' in v || (node && typeof v.__class__ === 'string' && typeof v.__module__ === 'string');
    if (isNode) {
      const n = readNode(v, pointer);
      nodes.push(n);
      byPointer.set(pointer, n);
      if (nodes.length > MAX_SKOPS_NODES) throw new FormatError(`schema.json holds more than ${MAX_SKOPS_NODES} nodes`);
    }
    // Children are nodes wherever skops puts them (content, attrs, key_types, __reduce__.args, ...);
    // string-valued fields (JsonNode content, MethodNode func, file names) are not descended into.
    for (const [k, child] of Object.entries(v).reverse()) {
      if (typeof child !== 'object' || child === null) continue;
      stack.push({ v: child, pointer: `${pointer}/${pointerToken(k)}`, node: isNode || node });
    }
  }
  const under = new Map<string, string[]>();
  for (const c of nodes) {
    const parent = parentOf(c.pointer);
    const list = under.get(parent);
    if (list) list.push(c.pointer); else under.set(parent, [c.pointer]);
  }
  for (const n of nodes) {
    if (n.loader !== 'OperatorFuncNode') continue;
    const args = byPointer.get(`${n.pointer}/attrs`);
    if (args) n.operatorArgs = under.get(`${args.pointer}/content`) ?? [];
  }
  return { protocol, nodes, byPointer };
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

function readNode(v: Obj, pointer: string): SkopsNode {
  const loader = str(v.__loader__), module = str(v.__module__), cls = str(v.__class__);
  if (loader === undefined) throw new FormatError(`node ${pointer || '/'} has no __loader__ (skops.io.load fails on it)`);
  if (module === undefined || cls === undefined) throw new FormatError(`node ${pointer || '/'} (${loader}) has no __module__ or __class__`);
  const n: SkopsNode = { pointer, loader, module, cls };
  const content = v.content;
  if (typeof v.file === 'string') n.file = v.file;
  if (loader === 'JsonNode' && typeof content === 'string') n.json = content;
  if (loader === 'FunctionNode' && isJsonObject(content)) {
    // Protocol 0 (skops/io/old/_general_v0.py): the function is content.module_path + content.function.
    const m = str(content.module_path), f = str(content.function);
    if (m !== undefined && f !== undefined) n.target = { module: m, name: f };
  }
  if (loader === 'MethodNode' && isJsonObject(content)) {
    const obj = content.obj;
    const func = str(content.func);
    if (func !== undefined && isJsonObject(obj)) {
      n.method = { func, objModule: str(obj.__module__) ?? '?', objCls: str(obj.__class__) ?? '?' };
    }
  }
  return n;
}
