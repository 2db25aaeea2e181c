// Core ML model specification (Model.proto and the files it imports, apple/coremltools
// mlmodel/format, vendored in schema/), decoded with the static protobufjs code generated from it
// (schema/generate.sh). Only the messages the scanner judges are generated: the model's type, its
// description metadata, pipelines, neural-network layers (custom layers, loop/branch sub-networks),
// CustomModel, LinkedModel, SerializedModel and the ML Program (MIL.proto: functions, blocks,
// operations, values and their blob-file references). Other model types decode as opaque bytes, so
// their weights are never walked; weights inside layers are skipped as unknown fields.
import { FormatError, LimitExceeded } from '../../types';
import { MAX_PROTO_FIELDS, boundedReader } from '../../io/proto-budget';
import { pointerToken as tok } from '../../io/json';
import type { CoreML } from './schema/coreml.js';

type Spec = typeof CoreML.Specification;
type Model = ReturnType<Spec['Model']['decode']>;
type Network = NonNullable<Model['neuralNetwork']>;
type Mil = typeof CoreML.Specification.MILSpec;
type Program = ReturnType<Mil['Program']['decode']>;
type Block = NonNullable<ReturnType<Mil['Operation']['decode']>['blocks']>[number];
type Value = ReturnType<Mil['Value']['decode']>;

/** Strings (metadata, parameters, string constants) handed to the detectors: bounds the report. */
export const MAX_STRINGS = 4096;
/** Blob-file references kept for the weight check: an ML Program has one per constant tensor. */
export const MAX_BLOB_REFS = 100_000;
/** Distinct ML Program operation types counted (MIL's opsets have a few hundred). */
export const MAX_OP_TYPES = 512;

export interface CoremlFinding { kind: 'custom-layer' | 'custom-model' | 'linked-model'; pointer: string; className: string; detail: string }
export interface BlobRef { pointer: string; fileName: string; offset: number }
export interface CoremlSpec {
  version: number;
  /** Field names of Model's Type oneof, outermost first, pipelines' models in order. */
  modelTypes: string[];
  layers: number;
  /** ML Program operations, all functions and nested blocks. */
  operations: number;
  /** Operations per type (`const`, `linear`, ...), the first MAX_OP_TYPES types. */
  opTypes: Map<string, number>;
  /** `documentation`: prose for people (Metadata's description, author, license), where links are expected. */
  strings: Array<{ pointer: string; text: string; documentation?: boolean }>;
  found: CoremlFinding[];
  blobRefs: BlobRef[];
  /** blobFileValues past MAX_BLOB_REFS, counted only. */
  blobRefsDropped: number;
  /** SerializedModel payloads (an opaque model in an unspecified format) and CustomModel bytes parameters. */
  payloads: Array<{ pointer: string; bytes: Uint8Array; identifier: string }>;
}

// The Type oneof of Model.proto, in field-number order (trim.cjs turns it into plain fields).
const MODEL_TYPES = [
  'pipelineClassifier', 'pipelineRegressor', 'pipeline', 'glmRegressor', 'supportVectorRegressor', 'treeEnsembleRegressor',
  'neuralNetworkRegressor', 'bayesianProbitRegressor', 'glmClassifier', 'supportVectorClassifier', 'treeEnsembleClassifier',
  'neuralNetworkClassifier', 'kNearestNeighborsClassifier', 'neuralNetwork', 'itemSimilarityRecommender', 'mlProgram',
  'customModel', 'linkedModel', 'classConfidenceThresholding', 'oneHotEncoder', 'imputer', 'featureVectorizer',
  'dictVectorizer', 'scaler', 'categoricalMapping', 'normalizer', 'arrayFeatureExtractor', 'nonMaximumSuppression',
  'identity', 'textClassifier', 'wordTagger', 'visionFeaturePrint', 'soundAnalysisPreprocessing', 'gazetteer',
  'wordEmbedding', 'audioFeaturePrint', 'serializedModel',
] as const;

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const entries = <T>(m: Record<string, T> | null | undefined): Array<[string, T]> => (m ? Object.entries(m) : []);

export type Decoders = typeof CoreML;

/** The generated decoders, in their own chunk: loaded with the first Core ML file. */
export async function loadDecoders(): Promise<Decoders> {
  return (await import('./schema/coreml.js')).CoreML;
}

export async function parseSpec(bytes: Uint8Array, tick: () => void): Promise<CoremlSpec> {
  return decodeSpec(await loadDecoders(), bytes, tick);
}

/**
 * Decodes and walks a spec. Anything the decoder rejects (truncation, a length past the end, invalid
 * UTF-8 in a string field, nesting past protobufjs' recursion limit) is a FormatError: Core ML's own
 * protobuf parser rejects the same inputs. A spec of more than `maxFields` fields is a limit
 * (io/proto-budget.ts), thrown while decoding, before its objects exhaust the heap.
 */
export function decodeSpec(C: Decoders, bytes: Uint8Array, tick: () => void, maxFields = MAX_PROTO_FIELDS): CoremlSpec {
  let model: Model;
  try {
    model = C.Specification.Model.decode(boundedReader(bytes, 'the model specification', maxFields));
  } catch (e) {
    if (e instanceof LimitExceeded) throw e;
    throw new FormatError(`cannot decode the model specification: ${(e as Error).message}`);
  }
  return walkSpec(model, tick);
}

export function walkSpec(root: Model, tick: () => void): CoremlSpec {
  const spec: CoremlSpec = { version: root.specificationVersion, modelTypes: [], layers: 0, operations: 0, opTypes: new Map(), strings: [], found: [], blobRefs: [], blobRefsDropped: 0, payloads: [] };
  const str = (pointer: string, text: string | null | undefined, documentation = false) => {
    if (text && spec.strings.length < MAX_STRINGS) spec.strings.push({ pointer, text, ...(documentation ? { documentation } : {}) });
  };

  const walkModel = (m: Model, p: string) => {
    tick();
    const md = m.description?.metadata;
    if (md) {
      for (const k of ['shortDescription', 'versionString', 'author', 'license'] as const) str(`${p}/description/metadata/${k}`, md[k], k !== 'versionString');
      for (const [k, v] of entries(md.userDefined)) str(`${p}/description/metadata/userDefined/${tok(k)}`, v);
    }
    for (const t of MODEL_TYPES) if (own(m, t)) spec.modelTypes.push(t);
    const pipe = m.pipeline ?? m.pipelineClassifier?.pipeline ?? m.pipelineRegressor?.pipeline;
    (pipe?.models ?? []).forEach((sub, i) => walkModel(sub as Model, `${p}/pipeline/models/${i}`));
    for (const nn of [m.neuralNetwork, m.neuralNetworkClassifier, m.neuralNetworkRegressor]) if (nn) walkNetwork(nn as Network, p);
    if (m.customModel) {
      const c = m.customModel;
      spec.found.push({ kind: 'custom-model', pointer: `${p}/customModel`, className: c.className ?? '', detail: c.description ?? '' });
      for (const [k, v] of entries(c.parameters)) {
        str(`${p}/customModel/parameters/${tok(k)}`, v.stringValue);
        if (v.bytesValue?.length) spec.payloads.push({ pointer: `${p}/customModel/parameters/${tok(k)}`, bytes: v.bytesValue, identifier: '' });
      }
    }
    const lf = m.linkedModel?.linkedModelFile;
    if (lf) {
      spec.found.push({ kind: 'linked-model', pointer: `${p}/linkedModel`, className: lf.linkedModelFileName?.defaultValue ?? '', detail: lf.linkedModelSearchPath?.defaultValue ?? '' });
    }
    if (m.serializedModel) {
      spec.payloads.push({ pointer: `${p}/serializedModel`, bytes: m.serializedModel.model ?? new Uint8Array(0), identifier: m.serializedModel.identifier ?? '' });
    }
    if (m.mlProgram) walkProgram(m.mlProgram as Program, `${p}/mlProgram`);
  };

  // NeuralNetwork, NeuralNetworkClassifier and NeuralNetworkRegressor all keep their layers in field 1.
  const walkNetwork = (nn: Network, p: string) => {
    (nn.layers ?? []).forEach((layer, i) => {
      const lp = `${p}/layers/${i}`;
      if ((++spec.layers & 1023) === 0) tick();
      if (layer.custom) {
        spec.found.push({ kind: 'custom-layer', pointer: lp, className: layer.custom.className ?? '', detail: layer.name || layer.custom.description || '' });
        if (layer.custom.description) str(`${lp}/custom/description`, layer.custom.description);
        for (const [k, v] of entries(layer.custom.parameters)) str(`${lp}/custom/parameters/${tok(k)}`, v.stringValue);
      }
      // Control flow: layers of a loop's condition/body and a branch's two arms are layers too.
      const loop = layer.loop; const branch = layer.branch;
      if (loop?.conditionNetwork) walkNetwork(loop.conditionNetwork as Network, `${lp}/loop/conditionNetwork`);
      if (loop?.bodyNetwork) walkNetwork(loop.bodyNetwork as Network, `${lp}/loop/bodyNetwork`);
      if (branch?.ifBranch) walkNetwork(branch.ifBranch as Network, `${lp}/branch/ifBranch`);
      if (branch?.elseBranch) walkNetwork(branch.elseBranch as Network, `${lp}/branch/elseBranch`);
    });
  };

  const walkValue = (v: Value, p: string) => {
    const blob = v.blobFileValue;
    if (blob) {
      if (spec.blobRefs.length < MAX_BLOB_REFS) spec.blobRefs.push({ pointer: p, fileName: blob.fileName ?? '', offset: Number(blob.offset ?? 0) });
      else spec.blobRefsDropped++;
    }
    const imm = v.immediateValue;
    if (!imm) return;
    (imm.tensor?.strings?.values ?? []).forEach((s, i) => str(`${p}/strings/${i}`, s));
    (imm.tuple?.values ?? []).forEach((x, i) => walkValue(x as Value, `${p}/tuple/${i}`));
    (imm.list?.values ?? []).forEach((x, i) => walkValue(x as Value, `${p}/list/${i}`));
    (imm.dictionary?.values ?? []).forEach((kv, i) => {
      if (kv.key) walkValue(kv.key as Value, `${p}/dictionary/${i}/key`);
      if (kv.value) walkValue(kv.value as Value, `${p}/dictionary/${i}/value`);
    });
  };
  const walkAttributes = (attrs: Record<string, Value> | null | undefined, p: string) => {
    for (const [k, v] of entries(attrs)) walkValue(v, `${p}/attributes/${tok(k)}`);
  };
  const walkBlock = (b: Block, p: string) => {
    walkAttributes(b.attributes as Record<string, Value>, p);
    (b.operations ?? []).forEach((op, i) => {
      const op_p = `${p}/operations/${i}`;
      if ((++spec.operations & 1023) === 0) tick();
      const t = op.type ?? '';
      if (spec.opTypes.has(t) || spec.opTypes.size < MAX_OP_TYPES) spec.opTypes.set(t, (spec.opTypes.get(t) ?? 0) + 1);
      for (const [name, arg] of entries(op.inputs)) {
        (arg.arguments ?? []).forEach((bind, j) => { if (bind.value) walkValue(bind.value as Value, `${op_p}/inputs/${tok(name)}/${j}`); });
      }
      walkAttributes(op.attributes as Record<string, Value>, op_p);
      (op.blocks ?? []).forEach((nested, j) => walkBlock(nested as Block, `${op_p}/blocks/${j}`));
    });
  };
  const walkProgram = (prog: Program, p: string) => {
    str(`${p}/docString`, prog.docString);
    walkAttributes(prog.attributes as Record<string, Value>, p);
    for (const [fname, fn] of entries(prog.functions)) {
      walkAttributes(fn.attributes as Record<string, Value>, `${p}/functions/${tok(fname)}`);
      for (const [opset, block] of entries(fn.block_specializations)) walkBlock(block as Block, `${p}/functions/${tok(fname)}/block_specializations/${tok(opset)}`);
    }
  };

  walkModel(root, '');
  if (spec.version === 0 && spec.modelTypes.length === 0) throw new FormatError('no specificationVersion and no model type: not a Core ML model', 0);
  return spec;
}
