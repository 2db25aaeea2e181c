// Judges the ops of a graph and of every function in its library. Functions are visited once each,
// flat (a library is a list), so nested calls (PartitionedCall f=..., While body=..., a node whose op is
// a function name) are all covered without recursion; calls are only recorded to say, in a finding,
// where a function is called from.
import type { ScanContext } from '../../types';
import { utf8 } from '../../io/text';
import { pointerToken } from '../../io/json';
import type { TfAttr, TfGraph, TfNode, TfTensor } from './parse';
import { CHECKPOINT_OPS, FILE_OPS, NETWORK_OPS, PROTO_OPS, PYTHON_OPS, SYSTEM_LIKE_OP, standardOps, unusualPath } from './policy';

/** Attribute strings handed to the string detectors per file. Vocabulary tables hold 10^4-10^5
 * strings; a graph of millions of string constants would otherwise cost minutes of regex work. */
export const MAX_STRINGS = 200_000;
/** Strings of one tensor attr inspected: a huge constant string tensor is sampled, not swept whole. */
const MAX_STRINGS_PER_TENSOR = 4096;
/** DataType DT_STRING (types.proto). */
const DT_STRING = 7;

export interface GraphStats {
  graphs: number;
  functions: number;
  nodes: number;
  opCounts: Map<string, number>;
  strings: number;
  /** Why the walk stopped early, when it did. */
  cut?: string;
}

export function newStats(): GraphStats {
  return { graphs: 0, functions: 0, nodes: 0, opCounts: new Map(), strings: 0 };
}

interface Scope {
  /** Pointer of the node list: 'graph_def/node' or 'graph_def/library/function/3/node_def'. */
  base: string;
  /** 'the graph' or 'function <name>'. */
  label: string;
  nodes: TfNode[];
  byName: Map<string, TfNode>;
  /** The function's name, for function scopes. */
  fn?: string;
}

const nameOf = (ref: string): string => ref.replace(/^\^/, '').split(':')[0]!;

/** Walks one GraphDef (its node list and function library). */
export function judgeGraph(ctx: ScanContext<unknown>, graph: TfGraph, prefix: string, stats: GraphStats): void {
  stats.graphs++;
  const functions = graph.library?.function ?? [];
  const fnNames = new Set<string>();
  for (const f of functions) if (f.signature?.name) fnNames.add(f.signature.name);
  const scopes: Scope[] = [scopeOf(`${prefix}node`, 'the graph', graph.node ?? [])];
  functions.forEach((f, i) => {
    stats.functions++;
    const scope = scopeOf(`${prefix}library/function/${i}/node_def`, `function ${f.signature?.name ?? `#${i}`}`, f.node_def ?? []);
    if (f.signature?.name) scope.fn = f.signature.name;
    scopes.push(scope);
    if (f.signature?.name) ctx.inspectString(f.signature.name, { pointer: `${prefix}library/function/${i}/signature/name` });
  });
  const callers = callersOf(scopes, fnNames);
  const unknown = new Map<string, { count: number; pointer: string; where: string }>();
  // No node cap here: parse.ts refuses more than MAX_DECODED_NODES before anything is decoded.
  for (const scope of scopes) {
    const caller = scope.fn !== undefined ? callers.get(scope.fn) : undefined;
    const where = caller ? `${scope.label} (called from ${caller})` : scope.label;
    for (let j = 0; j < scope.nodes.length; j++) {
      stats.nodes++;
      const node = scope.nodes[j]!;
      const pointer = `${scope.base}/${j}`;
      const op = node.op ?? '';
      stats.opCounts.set(op, (stats.opCounts.get(op) ?? 0) + 1);
      judgeNode(ctx, node, op, pointer, where, scope);
      const attrs = node.attr;
      if (attrs) for (const key in attrs) {
        if (!Object.hasOwn(attrs, key)) continue;
        const a = attrs[key]!;
        // Most attrs are types, ints and shapes: build the pointer only for those holding strings.
        if (a.s || a.placeholder || a.tensor || a.func || a.list) inspectAttr(ctx, a, `${pointer}/attr/${pointerToken(key)}`, stats);
      }
      // An empty op is a NodeDef TensorFlow itself rejects; it is counted, not reported as a custom op.
      if (op === '' || fnNames.has(op) || standardOps().has(op) || PYTHON_OPS.has(op)) continue;
      const u = unknown.get(op);
      if (u) u.count++; else unknown.set(op, { count: 1, pointer, where });
    }
  }
  for (const [op, u] of unknown) {
    const system = SYSTEM_LIKE_OP.test(op);
    ctx.report({
      ruleId: system ? 'tensorflow/suspicious-custom-op' : 'tensorflow/nonstandard-op',
      message: `Op "${op}" is not a stock TensorFlow op (${u.count} node${u.count > 1 ? 's' : ''}, first in ${u.where})`,
      pointer: u.pointer, evidence: op,
    });
  }
}

/** The first caller of each library function (a node whose attr names it, or whose op is its name),
 * so a finding inside a function can say how the graph reaches it. */
function callersOf(scopes: Scope[], fnNames: ReadonlySet<string>): Map<string, string> {
  const callers = new Map<string, string>();
  const add = (fn: string, scope: Scope, node: TfNode, j: number): void => {
    if (fnNames.has(fn) && fn !== scope.fn && !callers.has(fn)) callers.set(fn, `${scope.label}, node "${node.name ?? j}"`);
  };
  for (const scope of scopes) {
    scope.nodes.forEach((node, j) => {
      add(node.op ?? '', scope, node, j);
      for (const attr of Object.values(node.attr ?? {})) for (const fn of funcRefs(attr)) add(fn, scope, node, j);
    });
  }
  return callers;
}

function scopeOf(base: string, label: string, nodes: TfNode[]): Scope {
  const byName = new Map<string, TfNode>();
  for (const n of nodes) if (n.name) byName.set(n.name, n);
  return { base, label, nodes, byName };
}

function* funcRefs(attr: TfAttr): Generator<string> {
  if (attr.func?.name) yield attr.func.name;
  for (const f of attr.list?.func ?? []) if (f.name) yield f.name;
}

function attrString(node: TfNode, key: string): string | null {
  const s = node.attr?.[key]?.s;
  return s instanceof Uint8Array ? utf8(s) : null;
}

/** The string a node's input resolves to when it is fed by a scalar string Const of the same scope. */
function constString(scope: Scope, node: TfNode, input: number): string | null {
  const ref = node.input?.[input];
  if (ref === undefined || ref.startsWith('^')) return null;
  const src = scope.byName.get(nameOf(ref));
  if (!src || src.op !== 'Const') return null;
  const t = src.attr?.value?.tensor;
  const v = t?.string_val?.[0];
  return v instanceof Uint8Array ? utf8(v) : null;
}

function judgeNode(ctx: ScanContext<unknown>, node: TfNode, op: string, pointer: string, where: string, scope: Scope): void {
  const name = node.name ?? '?';
  const py = PYTHON_OPS.get(op);
  if (py) {
    const token = attrString(node, 'token');
    ctx.report({ ruleId: 'tensorflow/python-op', message: `${op} node "${name}" in ${where} calls Python (${py})`,
      pointer, evidence: token ? `token=${token}` : op });
    return;
  }
  const file = FILE_OPS.get(op);
  if (file) {
    const path = file.input !== undefined ? constString(scope, node, file.input) : null;
    if (file.emptyIsMemory && path === '') return;
    const unusual = path !== null ? unusualPath(path) : null;
    const critical = file.write && unusual !== null;
    ctx.report({
      ruleId: 'tensorflow/file-access', message: `${op} node "${name}" in ${where} ${file.what}${path !== null ? `: ${path}` : ''}`,
      pointer, evidence: path ?? op,
      ...(critical ? { severity: 'critical' as const, severityReason: `writes to ${unusual}, outside the model folder` } : {}),
    });
    return;
  }
  const net = NETWORK_OPS.get(op);
  if (net) {
    const address = net.input !== undefined ? constString(scope, node, net.input) : null;
    ctx.report({ ruleId: 'tensorflow/network-op', message: `${op} node "${name}" in ${where} ${net.what}${address !== null ? `: ${address}` : ''}`,
      pointer, evidence: address ?? op });
    return;
  }
  const ckpt = CHECKPOINT_OPS.get(op);
  if (ckpt !== undefined) {
    const path = constString(scope, node, ckpt);
    const unusual = path !== null ? unusualPath(path) : null;
    if (path !== null && unusual) {
      ctx.report({ ruleId: 'tensorflow/checkpoint-path', message: `${op} node "${name}" in ${where} uses ${unusual}: ${path}`, pointer, evidence: path });
    }
    return;
  }
  // tfdbg ops (DebugIdentity, DebugNanCount, DebugNumericSummary, DebugIdentityV2; core/ops/debug_ops.cc)
  // send every tensor they see to their debug_urls: file:// dumps it to a directory, grpc:// to a server.
  if (op.startsWith('Debug')) {
    const urls = (node.attr?.debug_urls?.list?.s ?? []).map((u) => (u instanceof Uint8Array ? utf8(u) : String(u)));
    urls.forEach((url, k) => {
      const file = /^file:\/\//i.test(url);
      ctx.report({
        ruleId: 'tensorflow/file-access', message: `${op} node "${name}" in ${where} ${file ? 'dumps the tensors it sees to' : 'sends the tensors it sees to'} ${url}`,
        pointer: `${pointer}/attr/debug_urls/${k}`, evidence: url,
        ...(file ? { severity: 'critical' as const, severityReason: 'writes to a URL, outside the model folder' } : {}),
      });
    });
    if (urls.length) return;
  }
  if (op === 'PrintV2') {
    const stream = attrString(node, 'output_stream');
    if (stream !== null && /^file:\/\//i.test(stream)) {
      ctx.report({ ruleId: 'tensorflow/print-to-file', message: `PrintV2 node "${name}" in ${where} prints to ${stream}`,
        pointer: `${pointer}/attr/output_stream`, evidence: stream });
    }
    return;
  }
  if (PROTO_OPS.has(op)) {
    const src = attrString(node, 'descriptor_source');
    if (src !== null && src !== 'local://' && !src.startsWith('bytes://')) {
      ctx.report({ ruleId: 'tensorflow/proto-descriptor-source', message: `${op} node "${name}" in ${where} loads descriptors from ${src}`,
        pointer: `${pointer}/attr/descriptor_source`, evidence: src });
    }
    return;
  }
  if (op === 'ImmutableConst') {
    const region = attrString(node, 'memory_region_name') ?? '';
    ctx.report({ ruleId: 'tensorflow/memmapped-tensor', message: `ImmutableConst node "${name}" in ${where} maps memory region "${region}"`,
      pointer: `${pointer}/attr/memory_region_name`, evidence: region });
  }
}

/** Hands every string of an attr (s, list.s, string tensors, function names) to the string detectors. */
function inspectAttr(ctx: ScanContext<unknown>, attr: TfAttr, pointer: string, stats: GraphStats): void {
  const give = (bytes: Uint8Array | string, p: string): void => {
    if (stats.strings >= MAX_STRINGS) { stats.cut ??= `more than ${MAX_STRINGS} attribute strings`; return; }
    stats.strings++;
    // Decode no more than the detectors will look at (a string attr can be as large as the file).
    const max = ctx.budget.limits.maxStringBytes;
    const text = typeof bytes === 'string' ? bytes : utf8(bytes.length > max ? bytes.subarray(0, max) : bytes);
    if (text.length >= 4) ctx.inspectString(text, { pointer: p });
  };
  if (attr.s instanceof Uint8Array && attr.s.length) give(attr.s, `${pointer}/s`);
  if (attr.placeholder) give(attr.placeholder, `${pointer}/placeholder`);
  if (attr.tensor) tensorStrings(attr.tensor, `${pointer}/tensor`, give);
  if (attr.func?.name) give(attr.func.name, `${pointer}/func/name`);
  const list = attr.list;
  if (list) {
    (list.s ?? []).forEach((s, i) => give(s, `${pointer}/list/s/${i}`));
    (list.tensor ?? []).forEach((t, i) => tensorStrings(t, `${pointer}/list/tensor/${i}`, give));
    (list.func ?? []).forEach((f, i) => { if (f.name) give(f.name, `${pointer}/list/func/${i}/name`); });
  }
}

function tensorStrings(t: TfTensor, pointer: string, give: (b: Uint8Array, p: string) => void): void {
  if (t.dtype !== DT_STRING) return;
  const vals = t.string_val ?? [];
  const n = Math.min(vals.length, MAX_STRINGS_PER_TENSOR);
  for (let i = 0; i < n; i++) give(vals[i]!, `${pointer}/string_val/${i}`);
}
