// Hand-built ONNX models (protobuf wire format, onnx.proto field numbers) for attack variants the onnx
// helper API refuses to write or that would be too big to commit: lying lengths, deep nesting,
// node floods, odd external-data paths, unknown fields.

/** A protobuf field: number and a value (varint, string/bytes, or nested message as bytes). */
export type Pb = Uint8Array;

export function varintBytes(n: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return out;
}

export function cat(...parts: Array<Uint8Array | number[]>): Uint8Array { return join(parts); }

/** cat over an array: graphs of 10^5 nodes are too many for a spread call. */
export function join(parts: ReadonlyArray<Uint8Array | number[]>): Uint8Array {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let i = 0;
  for (const p of parts) { out.set(p, i); i += p.length; }
  return out;
}

const tag = (no: number, wire: number) => varintBytes(no * 8 + wire);
export const v = (no: number, n: number | bigint): Pb => cat(tag(no, 0), varintBytes(n));
export const b = (no: number, bytes: Uint8Array): Pb => cat(tag(no, 2), varintBytes(bytes.length), bytes);
export const s = (no: number, text: string): Pb => b(no, new TextEncoder().encode(text));
export const m = (no: number, ...fields: Pb[]): Pb => b(no, cat(...fields));
/** A LEN field whose declared length is not the number of bytes that follow. */
export const lying = (no: number, declared: number | bigint, bytes: Uint8Array): Pb => cat(tag(no, 2), varintBytes(declared), bytes);
export const f32 = (no: number): Pb => cat(tag(no, 5), [0, 0, 0x80, 0x3f]);

export const FLOAT = 1;
export const ATTR_STRING = 3;
export const ATTR_GRAPH = 5;

export interface TensorSpec {
  name?: string; dims?: number[]; dataType?: number; raw?: Uint8Array;
  external?: Record<string, string>; location?: 'external';
}

export function tensor(t: TensorSpec, no = 5): Pb {
  const fields: Pb[] = [];
  if (t.dims?.length) fields.push(b(1, cat(...t.dims.map((d) => varintBytes(d)))));
  fields.push(v(2, t.dataType ?? FLOAT));
  if (t.name !== undefined) fields.push(s(8, t.name));
  if (t.raw) fields.push(b(9, t.raw));
  for (const [k, val] of Object.entries(t.external ?? {})) fields.push(m(13, s(1, k), s(2, val)));
  if (t.location === 'external') fields.push(v(14, 1));
  return m(no, ...fields);
}

export interface NodeSpec { op: string; domain?: string; name?: string; attrs?: Pb[]; inputs?: string[]; outputs?: string[] }

export function node(n: NodeSpec, no = 1): Pb {
  return m(no,
    ...(n.inputs ?? ['x']).map((i) => s(1, i)),
    ...(n.outputs ?? ['y']).map((o) => s(2, o)),
    ...(n.name !== undefined ? [s(3, n.name)] : []),
    s(4, n.op),
    ...(n.attrs ?? []),
    ...(n.domain !== undefined ? [s(7, n.domain)] : []));
}

export const strAttr = (name: string, value: string): Pb => m(5, s(1, name), s(4, value), v(20, ATTR_STRING));
/** AttributeProto holding a subgraph (If/Loop/Scan bodies); `graphFields` are GraphProto fields. */
export const graphAttr = (name: string, ...graphFields: Pb[]): Pb => m(5, s(1, name), m(6, ...graphFields), v(20, ATTR_GRAPH));

export interface ModelSpec { ir?: number; producer?: string; graph?: Pb[]; opsets?: Array<[string, number]>; extra?: Pb[] }

/** A ModelProto: ir_version, producer, graph (GraphProto fields), opset imports, then `extra` fields. */
export function model(spec: ModelSpec = {}): Uint8Array {
  return cat(
    v(1, spec.ir ?? 8),
    ...(spec.producer !== undefined ? [s(2, spec.producer)] : []),
    b(7, join([s(2, 'g'), ...(spec.graph ?? [node({ op: 'Relu' })])])),
    ...(spec.opsets ?? [['', 17]]).map(([d, ver]) => m(8, s(1, d), v(2, ver))),
    ...(spec.extra ?? []));
}

/** An If node whose then_branch holds an If whose then_branch ... `depth` levels deep. */
export function nestedIf(depth: number, inner: Pb[] = [node({ op: 'Relu' })]): Pb[] {
  let fields = inner;
  for (let i = 0; i < depth; i++) fields = [s(2, `g${i}`), node({ op: 'If', inputs: ['c'], attrs: [graphAttr('then_branch', ...fields)] })];
  return fields;
}
