import type { RuleDef } from './types';

/** Rules of the tensorflow scanner (SavedModel, GraphDef, MetaGraphDef, keras_metadata.pb). */
export const TENSORFLOW_RULES = {
  'tensorflow/python-op': {
    severity: 'critical', title: 'TensorFlow graph calls Python',
    explanation: 'PyFunc, PyFuncStateless and EagerPyFunc (written by tf.py_function, tf.numpy_function and tf.compat.v1.py_func) run a Python callable of the loading process when the graph executes. The graph names the callable only by a token, so it runs whatever the process registered under that token; a model author who also ships the loading code (a Keras layer, a hub module, a custom object) controls that Python. There is no legitimate reason for a shared model to depend on it.',
    remediation: 'Do not run the graph. Ask the publisher for a model without py_function/numpy_function ops, or rebuild it from source code you trust.',
    cwe: [94],
    aliases: ['S1102'],
  },
  'tensorflow/file-access': {
    severity: 'warning', title: 'TensorFlow graph reads or writes files',
    explanation: 'The graph contains ops that read, write, list or delete files on the machine that runs it (ReadFile, WriteFile, MatchingFiles, file readers, summary writers). Inference graphs do not touch the file system; these ops can plant files (shell start-up files, SSH keys) or read secrets that the graph then returns or prints. Writing to an absolute path or through ".." is treated as an attack.',
    remediation: 'Inspect the named node and the path it uses. Run the model only in a sandbox without access to your files.',
    cwe: [73, 22],
  },
  'tensorflow/checkpoint-path': {
    severity: 'warning', title: 'Checkpoint op with an unusual fixed path',
    explanation: 'A Save/Restore op (SaveV2, RestoreV2, MergeV2Checkpoints, ...) takes its file name from a constant that is absolute or climbs out with "..". SavedModels feed these ops a placeholder that the loader fills with the model\'s own variables/ folder; a fixed path elsewhere overwrites or reads arbitrary files.',
    remediation: 'Do not load the model; re-export it with tf.saved_model.save.',
    cwe: [22],
  },
  'tensorflow/print-to-file': {
    severity: 'warning', title: 'tf.print writes to a file',
    explanation: 'A PrintV2 op has an output_stream of file://..., so every run appends the printed tensors to a file of the loading machine. It is a file-write primitive and a way to exfiltrate inputs to a place the author can read.',
    remediation: 'Inspect the path; run the model only in a sandbox.',
    cwe: [73],
  },
  'tensorflow/proto-descriptor-source': {
    severity: 'warning', title: 'DecodeProto/EncodeProto loads a descriptor from a file',
    explanation: 'DecodeProtoV2 and EncodeProto read message descriptors from descriptor_source. The default "local://" uses descriptors linked into the binary and "bytes://" embeds them; any other value is a path that the op opens on the loading machine.',
    remediation: 'Check the path. Proto descriptors should be embedded or linked, not read from the host.',
    cwe: [73],
  },
  'tensorflow/memmapped-tensor': {
    severity: 'warning', title: 'Tensor mapped from a memory region',
    explanation: 'ImmutableConst maps a tensor from a named memory region (a memmapped file set up by the loader). The bytes are not in the model, so this scan cannot see them, and the name selects a region of the loading process.',
    remediation: 'Make sure you load the model with the memmapped file that belongs to it.',
    cwe: [829],
  },
  'tensorflow/suspicious-custom-op': {
    severity: 'warning', title: 'Custom op named like a system call',
    explanation: 'The graph uses an op that stock TensorFlow does not register and whose name suggests running commands or loading libraries (ShellExecute, LoadLibrary, System, Exec, ...). Custom ops run native code from a kernel library that the loader must load first; a model that needs one of these names wants native code execution.',
    remediation: 'Find out which library provides the op before loading anything; do not load libraries shipped with the model.',
    cwe: [829, 78],
    aliases: ['S1102'],
  },
  'tensorflow/nonstandard-op': {
    severity: 'warning', title: 'Op outside the standard TensorFlow op set',
    explanation: 'The graph uses an op that stock TensorFlow does not register (the list is generated from TensorFlow\'s own op registry). Running it needs a custom kernel library (tensorflow-text, addons, or a .so shipped with the model), which is native code that this scan cannot judge.',
    remediation: 'Identify the library that provides the op and make sure it comes from a source you trust.',
    cwe: [829],
  },
  'tensorflow/asset-path': {
    severity: 'warning', title: 'SavedModel asset path leaves the assets folder',
    explanation: 'An AssetFileDef filename is absolute or contains "..". The loader joins it to the model\'s assets/ folder and feeds the result to the graph (vocabulary tables and the like), so the graph reads a file outside the model.',
    remediation: 'Do not load the model; asset names written by TensorFlow are plain file names.',
    cwe: [22],
  },
  'tensorflow/network-op': {
    severity: 'warning', title: 'TensorFlow graph connects to a server',
    explanation: 'The graph contains ops that open network connections when it runs: the tf.data service (RegisterDataset sends the dataset, which can hold the model\'s inputs, to a dispatcher; DataServiceDataset reads elements the server chooses) or tf.distribute\'s RPC ops. Inference graphs do not talk to servers; these ops can exfiltrate inputs or feed the model data from the author.',
    remediation: 'Inspect the address the node uses. Run the model only where it has no network access.',
    cwe: [200],
  },
  'tensorflow/op-summary': {
    severity: 'info', title: 'TensorFlow graph summary',
    explanation: 'Counts of the graphs, functions and nodes found, with the most frequent ops (all counts are under the node\'s opCounts note).',
    remediation: 'None needed; for the record.',
  },
} as const satisfies Record<string, RuleDef>;
