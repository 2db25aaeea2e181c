import type { RuleDef } from './types';

/** Rules of the coreml scanner: Core ML model specifications (.mlmodel) and .mlpackage folders. */
export const COREML_RULES = {
  'coreml/custom-layer': {
    severity: 'warning', title: 'Core ML custom layer',
    explanation: 'A neural-network layer is a CustomLayerParams layer: Core ML instantiates the Objective-C/Swift class named by className (an MLCustomLayer the app must ship) and runs it. The model is only as trustworthy as that class; a model from outside can name any class linked into the app.',
    remediation: 'Check which class the app provides under that name before loading the model.',
    cwe: [470, 829],
  },
  'coreml/custom-model': {
    severity: 'warning', title: 'Core ML custom model',
    explanation: 'The model (or a model of its pipeline) is a CustomModel: Core ML instantiates the class named by className (an MLCustomModel) to do all of the work. Nothing of the computation is in the file.',
    remediation: 'Check which class the app provides under that name before loading the model.',
    cwe: [470, 829],
  },
  'coreml/linked-model': {
    severity: 'info', title: 'Core ML linked model',
    explanation: 'A LinkedModel makes Core ML load another compiled model (.mlmodelc) by file name and search path at load time. An absolute search path or one climbing out with ".." (WARNING) loads a model from outside the app bundle, which this scan did not see.',
    remediation: 'Scan the linked model too; keep search paths relative to the bundle.',
    cwe: [73, 829],
  },
  'coreml/path-escape': {
    severity: 'critical', title: 'Core ML package path leaves the package',
    explanation: 'An ML Program constant names its weight file (BlobFileValue.fileName, normally "@model_path/weights/weight.bin"), or a Manifest.json item names its path, with an absolute path, a drive or scheme, or ".." climbing above the package. Core ML resolves these against the package, so the model reads any file the app can read into a tensor, from which it can leak through the model\'s outputs; the same trick as ONNX external data (CVE-2022-25882).',
    remediation: 'Do not load the model. Weight files of a genuine package are under its own Data/com.apple.CoreML/weights folder.',
    cwe: [22, 23, 36],
  },
  'coreml/bad-blob-reference': {
    severity: 'warning', title: 'Core ML constant not in its weight file',
    explanation: 'An ML Program constant points at an offset of the package\'s weight file where there is no blob (the MIL blob storage format puts a 64-byte metadata record with the 0xDEADBEEF sentinel at every offset the program may name). Core ML refuses the model; a truncated download, a weight file from another model, or a hand-made package.',
    remediation: 'Re-download the whole .mlpackage folder and compare it with the publisher\'s.',
    cwe: [125, 20],
  },
  'coreml/serialized-model': {
    severity: 'info', title: 'Core ML serialized model',
    explanation: 'The model is a SerializedModel: an opaque payload in a format named only by an identifier, which the Core ML specification does not describe. Its bytes were swept for executables and strings, not parsed.',
    remediation: 'Load such a model only from a publisher you trust.',
    cwe: [829],
  },
} as const satisfies Record<string, RuleDef>;
