import type { RuleDef } from './types';

/** Rules of the tflite scanner (TensorFlow Lite flatbuffers, schema.fbs; tensorflow/lite/core). */
export const TFLITE_RULES = {
  'tflite/python-op': {
    severity: 'critical', title: 'TFLite model asks to run Python',
    explanation: 'An operator is the TensorFlow op PyFunc, PyFuncStateless or EagerPyFunc (tf.py_function / tf.numpy_function), kept as a custom or Flex op. When the loading process provides the op, the model calls Python code of its choosing. No ordinary model needs it: the converter only keeps it when told to allow custom ops.',
    remediation: 'Do not load the model. Ask the publisher why it needs Python at inference time.',
    cwe: [94],
  },
  'tflite/filesystem-op': {
    severity: 'warning', title: 'TFLite model reads or writes files',
    explanation: 'An operator is a TensorFlow op that touches the file system (ReadFile, WriteFile, MatchingFiles, checkpoint Save/Restore, file datasets, PrintV2 to a file), usually as a Select TF op ("Flex" prefix) run by the Flex delegate with the full TensorFlow kernel. A model can then read local files into its outputs or write files where the app runs.',
    remediation: 'Load the model only without the Flex delegate, or after checking what paths it reads or writes.',
    cwe: [73, 22],
  },
  'tflite/network-op': {
    severity: 'warning', title: 'TFLite model opens network connections',
    explanation: 'An operator is one of TensorFlow\'s RPC ops (RpcClient, RpcCall, RpcServer...), kept as a custom or Flex op. When the loading process provides it, the model connects to or listens on the network while it runs.',
    remediation: 'Do not load the model with the Flex delegate; ask the publisher why inference needs the network.',
    cwe: [918],
  },
  'tflite/custom-op': {
    severity: 'warning', title: 'TFLite custom operator',
    explanation: 'An operator is CUSTOM: the runtime has no code for it and the application must register an implementation under its custom_code name. What runs is therefore native code outside the model and outside TFLite, and its custom_options bytes are parsed by that code.',
    remediation: 'Check that you know and trust the implementation registered for each custom operator name.',
    cwe: [829],
  },
  'tflite/flex-op': {
    severity: 'info', title: 'TFLite Select TF (Flex) operator',
    explanation: 'An operator is a TensorFlow op kept by the converter\'s SELECT_TF_OPS mode ("Flex" + TF op name). The Flex delegate runs the real TensorFlow kernel for it, so the model needs the much larger TensorFlow op surface rather than TFLite\'s builtins.',
    remediation: 'Expected for models converted with Select TF ops; check that each op fits the model\'s purpose.',
  },
  'tflite/absurd-count': {
    severity: 'warning', title: 'Absurd count or shape in a TFLite model',
    explanation: 'A subgraph, tensor, operator or buffer count, a tensor rank or a tensor shape cannot be true for a real model (beyond a sane limit, negative, or overflowing). Loaders that trust it allocate huge arrays or compute wrong sizes; only the first entries were checked.',
    remediation: 'Do not load the file; re-export the model with the TFLite converter.',
    cwe: [789, 190],
  },
  'tflite/dangling-index': {
    severity: 'warning', title: 'TFLite index points at nothing',
    explanation: 'A tensor\'s buffer index, an operator\'s opcode or tensor index, a metadata buffer index or a signature\'s subgraph or tensor index is past the end of the vector it indexes. The TFLite interpreter refuses such models when it checks; a reader that does not check reads out of bounds (several TFLite CVEs were of this kind).',
    remediation: 'Do not load the file; re-export the model with the TFLite converter.',
    cwe: [129, 125],
  },
  'tflite/buffer-out-of-bounds': {
    severity: 'warning', title: 'TFLite data outside the file',
    explanation: 'A buffer (or large custom options) stored outside the flatbuffer, as models over 2 GB do, has an offset and size that end past the end of the file. The runtime would read beyond the file or refuse it; truncated downloads look like this too.',
    remediation: 'Re-download the file and compare its hash with the publisher\'s.',
    cwe: [125],
  },
  'tflite/external-file': {
    severity: 'warning', title: 'TFLite model loads weights from another file',
    explanation: 'The model declares external buffer groups: its weights live in separate files, named in the model, that the runtime opens next to it. A name that is absolute or climbs with ".." makes the loader open a file outside the model\'s folder.',
    remediation: 'Check the named files, scan them too, and keep them beside the model.',
    cwe: [22, 73],
  },
  'tflite/unknown-builtin': {
    severity: 'info', title: 'Unknown TFLite builtin operator',
    explanation: 'An operator code names a builtin operator this scanner does not know (newer than TensorFlow 2.21, or made up). Its behaviour cannot be judged here.',
    remediation: 'Check which TensorFlow version wrote the model.',
  },
  'tflite/unexpected-version': {
    severity: 'warning', title: 'Unexpected TFLite schema version',
    explanation: 'Model.version is not 3, the only schema version current runtimes accept. The file was not written by a current converter, or was edited.',
    remediation: 'Re-export the model with the TFLite converter.',
  },
  'tflite/model-summary': {
    severity: 'info', title: 'TFLite model summary',
    explanation: 'What the model is made of: schema version, subgraphs, operators by kind, custom operators and metadata entries. Nothing here is a problem by itself; it helps judge the other findings.',
    remediation: 'None needed.',
  },
} as const satisfies Record<string, RuleDef>;
