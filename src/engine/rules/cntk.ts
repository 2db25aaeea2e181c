import type { RuleDef } from './types';

/** Rules of the cntk scanner: CNTK v2 models (protobuf Dictionary) and legacy v1 networks. */
export const CNTK_RULES = {
  'cntk/python-udf': {
    severity: 'warning', title: 'CNTK Python user-defined function',
    explanation: 'A primitive function is a UserDefinedFunction whose state names a Python module and class: when the model is loaded, CNTK\'s Python deserializer imports that module and calls the class\'s deserialize method. The computation is code outside the file, chosen by the file.',
    remediation: 'Check which module the model imports and where it comes from before loading it.',
    cwe: [470, 829],
  },
  'cntk/native-udf': {
    severity: 'warning', title: 'CNTK native user-defined function',
    explanation: 'A primitive function is a native UserDefinedFunction: when the model is loaded, CNTK loads the shared library named by its "module" and calls the factory named by "deserialize_method". That is native code from outside the file, chosen by the file.',
    remediation: 'Find out which library the model loads and where it comes from before loading it.',
    cwe: [114, 829],
  },
  'cntk/library-reference': {
    severity: 'warning', title: 'Shared library named in a CNTK model',
    explanation: 'A string of the model names a shared library (.so, .dll, .dylib). Native user-defined functions are loaded from such libraries.',
    remediation: 'Find out which library the model expects and where it comes from before deploying it.',
    cwe: [114, 829],
  },
  'cntk/v1-not-parsed': {
    severity: 'info', title: 'Legacy CNTK model recognised but not parsed',
    explanation: 'The file opens with the "BCN" marker of the legacy (v1) CNTK network format, which has no published schema: its nodes were not decoded. Only the generic checks ran (embedded executables, strings through the detectors), so the scan is marked incomplete.',
    remediation: 'Treat the file as unverified; convert the network to a CNTK v2 or ONNX model and scan that.',
  },
} as const satisfies Record<string, RuleDef>;
