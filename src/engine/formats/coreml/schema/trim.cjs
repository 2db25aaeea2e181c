// Reads the vendored Core ML .proto files (no import resolution: only the files the scanner needs
// are vendored), keeps the messages in KEEP, and writes protobufjs JSON for pbjs. A field whose
// message type is not kept is dropped, so the decoder skips it as an unknown field, except in
// Model's `Type` oneof, where it becomes `bytes`: the scanner still learns which model type a spec
// is (a subarray, nothing copied) without generating decoders for forty model kinds.
// Generation time only (reflection is fine here; it is never shipped).
const fs = require('fs');
const path = require('path');
const protobuf = require('protobufjs');
const [out] = process.argv.slice(2);
const here = __dirname;
const FILES = ['Model', 'NeuralNetwork', 'CustomModel', 'LinkedModel', 'Parameters', 'MIL'];
const S = 'CoreML.Specification.';
const M = S + 'MILSpec.';
const KEEP = new Set([
  'Model', 'ModelDescription', 'Metadata', 'Pipeline', 'PipelineClassifier', 'PipelineRegressor', 'SerializedModel',
  'NeuralNetwork', 'NeuralNetworkClassifier', 'NeuralNetworkRegressor', 'NeuralNetworkLayer',
  'CustomLayerParams', 'CustomLayerParams.CustomLayerParamValue', 'BranchLayerParams', 'LoopLayerParams',
  'CustomModel', 'CustomModel.CustomModelParamValue', 'LinkedModel', 'LinkedModelFile', 'StringParameter',
].map((n) => S + n).concat([
  'Program', 'Function', 'Block', 'Argument', 'Argument.Binding', 'Operation',
  'Value', 'Value.ImmediateValue', 'Value.BlobFileValue', 'TensorValue', 'TensorValue.RepeatedStrings',
  'TupleValue', 'ListValue', 'DictionaryValue', 'DictionaryValue.KeyValuePair',
].map((n) => M + n)));
const OPAQUE_ONEOF = S + 'Model';

const root = new protobuf.Root();
for (const f of FILES) protobuf.parse(fs.readFileSync(path.join(here, `${f}.proto`), 'utf8'), root, { keepCase: true });

const full = (t) => t.fullName.replace(/^\./, '');
function trim(ns) {
  for (const child of [...ns.nestedArray]) {
    if (child instanceof protobuf.Type) {
      if (!KEEP.has(full(child))) { ns.remove(child); continue; }
      for (const field of [...child.fieldsArray]) {
        if (protobuf.types.basic[field.type] !== undefined) continue;
        const target = child.lookup(field.type, [protobuf.Type, protobuf.Enum]);
        if (target && KEEP.has(full(target))) continue;
        if (full(child) === OPAQUE_ONEOF && field.partOf?.name === 'Type' && !field.map && !field.repeated) field.type = 'bytes';
        else { if (field.partOf) field.partOf.remove(field); child.remove(field); }
      }
      for (const o of [...child.oneofsArray]) {
        // Model's Type oneof becomes plain fields: a 45-way oneof makes pbjs write a quadratic union type.
        if (full(child) === OPAQUE_ONEOF) for (const f of [...o.fieldsArray]) o.remove(f);
        if (o.fieldsArray.length === 0) child.remove(o);
      }
      trim(child);
    } else if (child instanceof protobuf.Enum) {
      ns.remove(child); // no kept field is an enum
    } else if (child.nestedArray) {
      trim(child);
    }
  }
}
trim(root);
root.resolveAll();
fs.writeFileSync(out, JSON.stringify(root.toJSON({ keepComments: false }), null, 1));
