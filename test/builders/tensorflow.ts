// Hand-built TensorFlow protobufs for attack variants the real tools will not write (custom op names,
// fixed checkpoint paths, asset traversal, hostile nesting). A tiny protobuf writer: field numbers
// from the descriptors in src/engine/formats/tensorflow/schema (graph.proto, node_def.proto,
// attr_value.proto, function.proto, meta_graph.proto, saved_model.proto, keras saved_metadata.proto).

/** [field number, value]: numbers are varints, strings/bytes and nested field lists are length-delimited. */
export type PbField = [number, number | string | Uint8Array | PbField[]];

const enc = new TextEncoder();

function varint(n: number, out: number[]): void {
  let v = n;
  while (v >= 0x80) { out.push((v % 128) | 0x80); v = Math.floor(v / 128); }
  out.push(v);
}

export function pb(fields: PbField[]): Uint8Array {
  const out: number[] = [];
  for (const [num, value] of fields) {
    if (typeof value === 'number') { varint(num * 8, out); varint(value, out); continue; }
    const bytes = typeof value === 'string' ? enc.encode(value) : value instanceof Uint8Array ? value : pb(value);
    varint(num * 8 + 2, out);
    varint(bytes.length, out);
    for (const b of bytes) out.push(b);
  }
  return Uint8Array.from(out);
}

/** AttrValue one-ofs. */
export const attr = {
  s: (v: string): PbField[] => [[2, v]],
  func: (name: string): PbField[] => [[10, [[1, name]]]],
  listS: (vs: string[]): PbField[] => [[1, vs.map((v): PbField => [2, v])]],
  /** A DT_STRING (7) tensor of string_val entries. */
  strings: (vs: string[]): PbField[] => [[8, [[1, 7], ...vs.map((v): PbField => [8, v])]]],
};

export interface NodeSpec { name: string; op: string; inputs?: string[]; attrs?: Record<string, PbField[]> }

export function node(spec: NodeSpec): PbField[] {
  const f: PbField[] = [[1, spec.name], [2, spec.op]];
  for (const i of spec.inputs ?? []) f.push([3, i]);
  for (const [k, v] of Object.entries(spec.attrs ?? {})) f.push([5, [[1, k], [2, v]]]);
  return f;
}

/** A scalar string Const (what tf.constant('...') writes). */
export function stringConst(name: string, value: string): NodeSpec {
  return { name, op: 'Const', attrs: { dtype: [[6, 7]], value: attr.strings([value]) } };
}

export interface FunctionSpec { name: string; nodes: NodeSpec[] }

export function graph(nodes: NodeSpec[], functions: FunctionSpec[] = []): PbField[] {
  const f: PbField[] = nodes.map((n): PbField => [1, node(n)]);
  if (functions.length) {
    f.push([2, functions.map((fn): PbField => [1, [[1, [[1, fn.name]]], ...fn.nodes.map((n): PbField => [3, node(n)])]])]);
  }
  f.push([4, [[1, 1087]]]); // versions.producer, as TF writes it
  return f;
}

export interface MetaSpec {
  graph?: PbField[];
  tags?: string[];
  assets?: string[];
  saver?: boolean;
  collections?: Record<string, string[]>;
  /** Keras 2 metadata in the object graph (user_object.metadata). */
  userObjects?: Array<{ identifier: string; metadata: string }>;
}

export function metaGraph(m: MetaSpec): PbField[] {
  const f: PbField[] = [[1, [[5, '2.15.0'], ...(m.tags ?? ['serve']).map((t): PbField => [4, t])]]];
  if (m.graph) f.push([2, m.graph]);
  if (m.saver) f.push([3, [[1, 'saver_filename:0']]]);
  for (const [k, vs] of Object.entries(m.collections ?? {})) f.push([4, [[1, k], [2, [[2, vs.map((v): PbField => [1, v])]]]]]);
  for (const a of m.assets ?? []) f.push([6, [[2, a]]]);
  if (m.userObjects) f.push([7, m.userObjects.map((u): PbField => [1, [[4, [[1, u.identifier], [3, u.metadata]]]]])]);
  return f;
}

export function savedModel(metas: MetaSpec[]): Uint8Array {
  return pb([[1, 1], ...metas.map((m): PbField => [2, metaGraph(m)])]);
}

export function graphDef(nodes: NodeSpec[], functions: FunctionSpec[] = []): Uint8Array {
  return pb(graph(nodes, functions));
}

/** keras_metadata.pb: SavedMetadata { repeated SavedObject nodes = 1 }. */
export function kerasMetadata(objects: Array<{ identifier: string; metadata: string }>): Uint8Array {
  return pb(objects.map((o, i): PbField => [1, [[2, i], [3, i ? `root.layer-${i - 1}` : 'root'], [4, o.identifier], [5, o.metadata]]]));
}

/** A GraphDef whose first node's attr nests `depth` NameAttrList levels (func → attr → func ...). */
export function deeplyNestedAttr(depth: number): Uint8Array {
  let inner: PbField[] = [[1, 'leaf']];
  for (let i = 0; i < depth; i++) inner = [[1, `f${i}`], [2, [[1, 'x'], [2, [[10, inner]]]]]];
  return pb([[1, [[1, 'n'], [2, 'PartitionedCall'], [5, [[1, 'f'], [2, [[10, inner]]]]]]]]);
}
