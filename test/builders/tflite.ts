// Builds TFLite flatbuffers with the flatc-generated builder API (the same schema the scanner reads),
// for attack variants the converter will not write: hostile counts, dangling indexes, buffers past
// the end, Python/file-system ops, metadata, appended zips. Raw byte patches corrupt them further.
import { Builder } from 'flatbuffers';
import {
  Buffer, BuiltinOperator, ExternalBufferGroup, Metadata, Model, Operator, OperatorCode, SignatureDef,
  SubGraph, Tensor, TensorMap, TensorType,
} from '../../src/engine/formats/tflite/schema/generated';

export interface TensorSpec { name?: string; shape?: number[]; type?: TensorType; buffer?: number }
export interface OperatorSpec {
  opcode: number; inputs?: number[]; outputs?: number[]; customOptions?: Uint8Array; largeCustomOptions?: { offset: bigint; size: bigint };
}
export interface SubgraphSpec { name?: string; tensors?: TensorSpec[]; operators?: OperatorSpec[]; inputs?: number[]; outputs?: number[] }
export interface BufferSpec { data?: Uint8Array; offset?: bigint; size?: bigint }
export interface OpcodeSpec { builtin?: BuiltinOperator; custom?: string; deprecated?: number; version?: number }
export interface ModelSpec {
  version?: number;
  description?: string;
  opcodes?: OpcodeSpec[];
  subgraphs?: SubgraphSpec[];
  /** Buffer 0 is the converter's empty sentinel; the builder adds it unless `buffers` is given. */
  buffers?: BufferSpec[];
  metadata?: Array<{ name: string; buffer: number }>;
  signatures?: Array<{ key: string; subgraph: number; inputs?: Array<[string, number]>; outputs?: Array<[string, number]> }>;
  externalGroups?: string[];
  /** Write equal strings once and point every table at that one copy (createSharedString). */
  shareStrings?: boolean;
}

const enc = new TextEncoder();

/** A model with one subgraph: input → op → output, the smallest shape a real model has. */
export function simpleModel(opcodes: OpcodeSpec[], extra: Partial<ModelSpec> = {}): Uint8Array {
  return buildTflite({
    opcodes,
    subgraphs: [{ name: 'main', tensors: [{ name: 'x', shape: [1, 4] }, { name: 'y', shape: [1, 4] }],
      inputs: [0], outputs: [1], operators: opcodes.map((_, i) => ({ opcode: i, inputs: [0], outputs: [1] })) }],
    ...extra,
  });
}

export function buildTflite(spec: ModelSpec): Uint8Array {
  const b = new Builder(1024);
  const str = (s: string | undefined) => (s === undefined ? 0 : spec.shareStrings ? b.createSharedString(s) : b.createString(s));

  const opcodes = (spec.opcodes ?? []).map((c) => {
    const custom = str(c.custom);
    OperatorCode.startOperatorCode(b);
    const builtin = c.builtin ?? (c.custom !== undefined ? BuiltinOperator.CUSTOM : BuiltinOperator.ADD);
    OperatorCode.addDeprecatedBuiltinCode(b, c.deprecated ?? Math.min(builtin, 127));
    if (custom) OperatorCode.addCustomCode(b, custom);
    OperatorCode.addVersion(b, c.version ?? 1);
    OperatorCode.addBuiltinCode(b, builtin);
    return OperatorCode.endOperatorCode(b);
  });

  const subgraphs = (spec.subgraphs ?? []).map((g) => {
    const tensors = (g.tensors ?? []).map((t) => {
      const name = str(t.name);
      const shape = Tensor.createShapeVector(b, t.shape ?? []);
      Tensor.startTensor(b);
      Tensor.addShape(b, shape);
      Tensor.addType(b, t.type ?? TensorType.FLOAT32);
      Tensor.addBuffer(b, t.buffer ?? 0);
      if (name) Tensor.addName(b, name);
      return Tensor.endTensor(b);
    });
    const operators = (g.operators ?? []).map((o) => {
      const inputs = Operator.createInputsVector(b, o.inputs ?? []);
      const outputs = Operator.createOutputsVector(b, o.outputs ?? []);
      const options = o.customOptions ? Operator.createCustomOptionsVector(b, o.customOptions) : 0;
      Operator.startOperator(b);
      if (options) Operator.addCustomOptions(b, options);
      Operator.addOpcodeIndex(b, o.opcode);
      Operator.addInputs(b, inputs);
      Operator.addOutputs(b, outputs);
      if (o.largeCustomOptions) {
        Operator.addLargeCustomOptionsOffset(b, o.largeCustomOptions.offset);
        Operator.addLargeCustomOptionsSize(b, o.largeCustomOptions.size);
      }
      return Operator.endOperator(b);
    });
    const tv = SubGraph.createTensorsVector(b, tensors);
    const ov = SubGraph.createOperatorsVector(b, operators);
    const iv = SubGraph.createInputsVector(b, g.inputs ?? []);
    const outv = SubGraph.createOutputsVector(b, g.outputs ?? []);
    const name = str(g.name);
    SubGraph.startSubGraph(b);
    SubGraph.addTensors(b, tv);
    SubGraph.addInputs(b, iv);
    SubGraph.addOutputs(b, outv);
    SubGraph.addOperators(b, ov);
    if (name) SubGraph.addName(b, name);
    return SubGraph.endSubGraph(b);
  });

  const buffers = (spec.buffers ?? [{}]).map((d) => {
    const data = d.data ? Buffer.createDataVector(b, d.data) : 0;
    Buffer.startBuffer(b);
    if (data) Buffer.addData(b, data);
    if (d.offset !== undefined) Buffer.addOffset(b, d.offset);
    if (d.size !== undefined) Buffer.addSize(b, d.size);
    return Buffer.endBuffer(b);
  });

  const metadata = (spec.metadata ?? []).map((m) => Metadata.createMetadata(b, b.createString(m.name), m.buffer));
  const signatures = (spec.signatures ?? []).map((s) => {
    const maps = (list: Array<[string, number]> = []) => list.map(([n, i]) => TensorMap.createTensorMap(b, b.createString(n), i));
    const inputs = SignatureDef.createInputsVector(b, maps(s.inputs));
    const outputs = SignatureDef.createOutputsVector(b, maps(s.outputs));
    return SignatureDef.createSignatureDef(b, inputs, outputs, b.createString(s.key), s.subgraph);
  });
  const groups = (spec.externalGroups ?? []).map((n) => ExternalBufferGroup.createExternalBufferGroup(b, b.createString(n)));

  const ocv = Model.createOperatorCodesVector(b, opcodes);
  const sgv = Model.createSubgraphsVector(b, subgraphs);
  const bv = Model.createBuffersVector(b, buffers);
  const mv = Model.createMetadataVector(b, metadata);
  const sv = Model.createSignatureDefsVector(b, signatures);
  const gv = groups.length ? Model.createExternalBufferGroupsVector(b, groups) : 0;
  const desc = str(spec.description ?? 'modelgate test builder');
  Model.startModel(b);
  Model.addVersion(b, spec.version ?? 3);
  Model.addOperatorCodes(b, ocv);
  Model.addSubgraphs(b, sgv);
  Model.addDescription(b, desc);
  Model.addBuffers(b, bv);
  Model.addMetadata(b, mv);
  Model.addSignatureDefs(b, sv);
  if (gv) Model.addExternalBufferGroups(b, gv);
  b.finish(Model.endModel(b), 'TFL3');
  return b.asUint8Array().slice();
}

/** A TFLite constant STRING tensor buffer (string_util.h: N, N + 1 offsets, bytes). */
export function stringBuffer(values: string[]): Uint8Array {
  const parts = values.map((v) => enc.encode(v));
  const head = 4 + (parts.length + 1) * 4;
  const out = new Uint8Array(head + parts.reduce((n, p) => n + p.length, 0));
  const view = new DataView(out.buffer);
  view.setInt32(0, parts.length, true);
  let at = head;
  parts.forEach((p, i) => { view.setInt32(4 + i * 4, at, true); out.set(p, at); at += p.length; });
  view.setInt32(4 + parts.length * 4, at, true);
  return out;
}

export const text = (s: string) => enc.encode(s);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
