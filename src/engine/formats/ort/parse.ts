// ONNX Runtime's ORT format (.ort; onnxruntime/core/flatbuffers/schema/ort.fbs, file identifier "ORTM").
// Field numbers below come from the flatc-generated Python that the onnxruntime 1.30.0 wheel ships
// (onnxruntime/tools/ort_format_model/ort_flatbuffers_py/fbs: each accessor reads vtable slot 4 + 2n).
// Every read goes through io/flatbuffer.ts, which checks each offset; subgraphs (If/Loop/Scan bodies in
// attributes) are walked with a depth bound and a node bound.
import { FormatError } from '../../types';
import { Flat } from '../../io/flatbuffer';

/** Field numbers (ort.fbs tables). */
const F = {
  session: { ortVersion: 0, model: 1 },
  model: { irVersion: 0, opsetImport: 1, producerName: 2, producerVersion: 3, domain: 4, docString: 6, graph: 7, metadataProps: 9 },
  graph: { initializers: 0, nodes: 2, sparseInitializers: 7 },
  node: { name: 0, docString: 1, domain: 2, sinceVersion: 3, opType: 5, executionProvider: 7, attributes: 10 },
  attribute: { name: 0, docString: 1, type: 2, s: 5, t: 6, g: 7, strings: 10, tensors: 11, graphs: 12 },
  tensor: { name: 0, docString: 1, dims: 2, dataType: 3, rawData: 4, stringData: 5, externalDataOffset: 6 },
  opset: { domain: 0, version: 1 },
  entry: { key: 0, value: 1 },
} as const;

/** Subgraphs nested in attributes (Loop in If in Scan ...): real models nest a few levels. */
export const MAX_GRAPH_DEPTH = 16;
/** Nodes across all graphs of one model. */
export const MAX_NODES = 1_000_000;
/** Strings of one string attribute or tensor kept for the detectors. */
const MAX_STRINGS_PER_VALUE = 256;

export interface OrtNode { graph: string; index: number; name: string; domain: string; opType: string; provider: string; attributes: Array<{ name: string; strings: string[] }> }
export interface OrtModel {
  ortVersion: string;
  irVersion: number;
  producer: string;
  opsets: Array<{ domain: string; version: number }>;
  metadata: Array<[string, string]>;
  nodes: OrtNode[];
  /** Free text: doc strings, tensor names with string data, metadata. */
  strings: Array<{ text: string; pointer: string }>;
  initializers: number;
  externalInitializers: number;
  graphs: number;
  cut?: string;
}

export function parseOrt(bytes: Uint8Array, checkAborted: () => void): OrtModel {
  const f = new Flat(bytes);
  if (f.identifier() !== 'ORTM') throw new FormatError('no ORTM file identifier', 4);
  const session = f.root();
  const model = f.table(session, F.session.model);
  const out: OrtModel = { ortVersion: f.string(session, F.session.ortVersion) ?? '', irVersion: 0, producer: '', opsets: [], metadata: [],
    nodes: [], strings: [], initializers: 0, externalInitializers: 0, graphs: 0 };
  if (model === null) throw new FormatError('the session holds no model', 0);
  const M = F.model;
  out.irVersion = f.int64(model, M.irVersion);
  out.producer = `${f.string(model, M.producerName) ?? ''} ${f.string(model, M.producerVersion) ?? ''}`.trim();
  for (const o of f.tables(model, M.opsetImport)) out.opsets.push({ domain: f.string(o, F.opset.domain) ?? '', version: f.int64(o, F.opset.version) });
  for (const e of f.tables(model, M.metadataProps)) {
    const k = f.string(e, F.entry.key) ?? '', v = f.string(e, F.entry.value) ?? '';
    out.metadata.push([k, v]);
    out.strings.push({ text: v, pointer: `/model/metadata_props/${k}` });
  }
  const doc = f.string(model, M.docString);
  if (doc) out.strings.push({ text: doc, pointer: '/model/doc_string' });
  const graph = f.table(model, M.graph);
  if (graph !== null) walkGraph(f, graph, '/model/graph', 0, out, checkAborted);
  return out;
}

function walkGraph(f: Flat, g: number, pointer: string, depth: number, out: OrtModel, checkAborted: () => void): void {
  if (depth > MAX_GRAPH_DEPTH) { out.cut ??= `subgraphs nested deeper than ${MAX_GRAPH_DEPTH}`; return; }
  out.graphs++;
  for (const [i, t] of f.tables(g, F.graph.initializers).entries()) tensor(f, t, `${pointer}/initializers/${i}`, out);
  const nodes = f.tables(g, F.graph.nodes);
  for (const [i, n] of nodes.entries()) {
    if (out.nodes.length >= MAX_NODES) { out.cut ??= `more than ${MAX_NODES} nodes`; return; }
    if ((i & 0xfff) === 0) checkAborted();
    const N = F.node;
    const node: OrtNode = { graph: pointer, index: i, name: f.string(n, N.name) ?? '', domain: f.string(n, N.domain) ?? '', opType: f.string(n, N.opType) ?? '',
      provider: f.string(n, N.executionProvider) ?? '', attributes: [] };
    out.nodes.push(node);
    const np = `${pointer}/nodes/${i}`;
    const ndoc = f.string(n, N.docString);
    if (ndoc) out.strings.push({ text: ndoc, pointer: `${np}/doc_string` });
    for (const [k, a] of f.tables(n, N.attributes).entries()) {
      const A = F.attribute;
      const name = f.string(a, A.name) ?? '';
      const strings: string[] = [];
      const s = f.string(a, A.s);
      if (s !== null) strings.push(s);
      for (const x of f.strings(a, A.strings).slice(0, MAX_STRINGS_PER_VALUE)) strings.push(x);
      node.attributes.push({ name, strings });
      for (const x of strings) out.strings.push({ text: x, pointer: `${np}/attributes/${k}` });
      const ap = `${np}/attributes/${k}`;
      const t = f.table(a, A.t);
      if (t !== null) tensor(f, t, `${ap}/t`, out);
      for (const [j, tt] of f.tables(a, A.tensors).entries()) tensor(f, tt, `${ap}/tensors/${j}`, out);
      const sub = f.table(a, A.g);
      if (sub !== null) walkGraph(f, sub, `${ap}/g`, depth + 1, out, checkAborted);
      for (const [j, gg] of f.tables(a, A.graphs).entries()) walkGraph(f, gg, `${ap}/graphs/${j}`, depth + 1, out, checkAborted);
    }
  }
}

function tensor(f: Flat, t: number, pointer: string, out: OrtModel): void {
  const T = F.tensor;
  out.initializers++;
  f.scalarVector(t, T.rawData, 1); // bounds-checked, not read
  f.scalarVector(t, T.dims, 8);
  if (f.int64(t, T.externalDataOffset) > 0) out.externalInitializers++;
  for (const s of f.strings(t, T.stringData).slice(0, MAX_STRINGS_PER_VALUE)) out.strings.push({ text: s, pointer });
}
