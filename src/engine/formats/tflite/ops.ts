// Policy for operators that are not TFLite builtins. Policy is data: each entry says why.
//
// A TFLite operator is either a builtin (BuiltinOperator enum, implemented by the runtime) or CUSTOM
// with a custom_code name the application must register code for. The converter's "Select TF ops"
// mode (SELECT_TF_OPS) emits TensorFlow ops as custom ops named 'Flex' + the TF op name; the Flex
// delegate then runs the real TensorFlow kernel (tensorflow/lite/delegates/flex). With
// allow_custom_ops the converter keeps any unsupported TF op as a custom op under its bare TF name.
// So a name is judged with and without the 'Flex' prefix.

export const FLEX_PREFIX = 'Flex';

/** TF ops that run Python (tf.py_function / tf.numpy_function): code execution by design. */
export const PYTHON_OPS: ReadonlyMap<string, string> = new Map([
  ['PyFunc', 'tf.numpy_function / tf.py_func: calls a Python function registered in the loading process'],
  ['PyFuncStateless', 'stateless tf.numpy_function: calls a Python function in the loading process'],
  ['EagerPyFunc', 'tf.py_function: calls a Python function eagerly in the loading process'],
]);

/** TF ops that touch the file system or other processes' data when their kernel runs. */
export const FILESYSTEM_OPS: ReadonlyMap<string, string> = new Map([
  ['ReadFile', 'tf.io.read_file: reads any path the model is given or holds as a constant'],
  ['WriteFile', 'tf.io.write_file: writes any path'],
  ['MatchingFiles', 'tf.io.matching_files: lists the file system by glob'],
  ['Save', 'writes a checkpoint to a path'],
  ['SaveV2', 'writes a checkpoint to a path'],
  ['SaveSlices', 'writes a checkpoint to a path'],
  ['Restore', 'reads a checkpoint from a path'],
  ['RestoreV2', 'reads a checkpoint from a path'],
  ['RestoreSlice', 'reads a checkpoint from a path'],
  ['MergeV2Checkpoints', 'renames and deletes checkpoint files'],
  ['WholeFileReader', 'reads whole files'],
  ['WholeFileReaderV2', 'reads whole files'],
  ['TextLineDataset', 'reads text files line by line'],
  ['TFRecordDataset', 'reads TFRecord files'],
  ['TFRecordDatasetV2', 'reads TFRecord files'],
  ['FixedLengthRecordDataset', 'reads binary files'],
  ['FixedLengthRecordDatasetV2', 'reads binary files'],
  ['CSVDataset', 'reads CSV files'],
  ['CSVDatasetV2', 'reads CSV files'],
  ['LMDBDataset', 'reads LMDB files'],
  ['LoadDataset', 'reads a saved dataset from a path'],
  ['DatasetToTFRecord', 'writes a TFRecord file'],
  ['SaveDataset', 'writes a dataset to a path'],
  ['SaveDatasetV2', 'writes a dataset to a path'],
  ['SnapshotDataset', 'writes dataset snapshot files to a path'],
  ['SnapshotDatasetV2', 'writes dataset snapshot files to a path'],
  ['CreateSummaryFileWriter', 'writes event files to a log directory'],
  ['CreateSummaryDbWriter', 'writes a summary database file'],
  ['PrintV2', 'tf.print: writes to a stream or a file:// path given as output_stream'],
  ['DebugIdentityV2', 'writes tensors to a debug dump directory'],
  ['DebugIdentity', 'writes tensors to its debug_urls (file:// or grpc://)'],
  ['DebugNanCount', 'writes tensor statistics to its debug_urls'],
  ['DebugNumericSummary', 'writes tensor statistics to its debug_urls'],
  ['ImmutableConst', 'memory-maps a file named in its attributes'],
  ['LoadAndRemapMatrix', 'reads a checkpoint from a path'],
]);

/** TF ops that open network connections (tf.distribute's experimental RPC). */
export const NETWORK_OPS: ReadonlyMap<string, string> = new Map([
  ['RpcClient', 'connects to an RPC server at an address it is given'],
  ['RpcCall', 'calls a remote function over RPC'],
  ['RpcServer', 'listens for RPC connections'],
  ['RpcServerStart', 'starts listening for RPC connections'],
  ['RpcServerRegister', 'serves a function over RPC'],
  ['RegisterDataset', 'sends a dataset to a tf.data service dispatcher'],
  ['RegisterDatasetV2', 'sends a dataset to a tf.data service dispatcher'],
  ['DataServiceDatasetV4', 'reads elements from a tf.data service'],
]);

export type CustomOpClass =
  | { kind: 'python'; op: string; why: string; flex: boolean }
  | { kind: 'filesystem'; op: string; why: string; flex: boolean }
  | { kind: 'network'; op: string; why: string; flex: boolean }
  | { kind: 'flex'; op: string }
  | { kind: 'custom' };

/** Classifies a custom_code name. */
export function classifyCustomOp(name: string): CustomOpClass {
  const flex = name.startsWith(FLEX_PREFIX) && name.length > FLEX_PREFIX.length;
  const op = flex ? name.slice(FLEX_PREFIX.length) : name;
  const py = PYTHON_OPS.get(op);
  if (py) return { kind: 'python', op, why: py, flex };
  const fs = FILESYSTEM_OPS.get(op);
  if (fs) return { kind: 'filesystem', op, why: fs, flex };
  const net = NETWORK_OPS.get(op);
  if (net) return { kind: 'network', op, why: net, flex };
  return flex ? { kind: 'flex', op } : { kind: 'custom' };
}
