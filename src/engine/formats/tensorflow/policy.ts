// What the tensorflow scanner thinks of each op, with the reason. Op semantics from TensorFlow's op
// registrations (tensorflow/core/ops/*.cc) as listed by the installed 2.21 build.

/** Ops that call back into the Python interpreter (tensorflow/python/ops/script_ops.py). PyCall is not
 * a stock op; ModelAudit lists it and a custom build could register it. */
export const PYTHON_OPS: ReadonlyMap<string, string> = new Map([
  ['PyFunc', 'tf.numpy_function / tf.compat.v1.py_func (stateful)'],
  ['PyFuncStateless', 'tf.numpy_function(stateful=False)'],
  ['EagerPyFunc', 'tf.py_function'],
  ['PyCall', 'a Python call op of a custom build'],
]);

/** Ops that touch the host's file system. `input` is the index of the file name input when there is one;
 * `emptyIsMemory`: an empty name means no file (tf.data's cache() keeps the elements in memory). Input
 * positions from the op registrations (core/ops/dataset_ops.cc, experimental_dataset_ops.cc, summary_ops.cc). */
export const FILE_OPS: ReadonlyMap<string, { what: string; write: boolean; input?: number; emptyIsMemory?: true }> = new Map([
  ['ReadFile', { what: 'reads a file', write: false, input: 0 }],
  ['WriteFile', { what: 'writes a file', write: true, input: 0 }],
  ['MatchingFiles', { what: 'lists files matching a pattern', write: false, input: 0 }],
  ['MatchingFilesDataset', { what: 'lists files matching a pattern', write: false, input: 0 }],
  ['ExperimentalMatchingFilesDataset', { what: 'lists files matching a pattern', write: false, input: 0 }],
  ['WholeFileReader', { what: 'reads whole files', write: false }],
  ['WholeFileReaderV2', { what: 'reads whole files', write: false }],
  ['CreateSummaryFileWriter', { what: 'creates a summary file writer', write: true, input: 1 }],
  ['DeleteFile', { what: 'deletes a file', write: true, input: 0 }],
  ['FileSystemSetConfiguration', { what: 'reconfigures a file system', write: true }],
  // tf.data sources and sinks: a dataset traced into a signature reads or writes the files it names.
  ['TextLineDataset', { what: 'reads text files line by line (tf.data.TextLineDataset)', write: false, input: 0 }],
  ['TFRecordDataset', { what: 'reads TFRecord files (tf.data.TFRecordDataset)', write: false, input: 0 }],
  ['TFRecordDatasetV2', { what: 'reads TFRecord files (tf.data.TFRecordDataset)', write: false, input: 0 }],
  ['FixedLengthRecordDataset', { what: 'reads binary files (tf.data.FixedLengthRecordDataset)', write: false, input: 0 }],
  ['FixedLengthRecordDatasetV2', { what: 'reads binary files (tf.data.FixedLengthRecordDataset)', write: false, input: 0 }],
  ['CSVDataset', { what: 'reads CSV files (tf.data.experimental.CsvDataset)', write: false, input: 0 }],
  ['CSVDatasetV2', { what: 'reads CSV files (tf.data.experimental.CsvDataset)', write: false, input: 0 }],
  ['ExperimentalCSVDataset', { what: 'reads CSV files (tf.data.experimental.CsvDataset)', write: false, input: 0 }],
  ['LMDBDataset', { what: 'reads LMDB files', write: false, input: 0 }],
  ['ExperimentalLMDBDataset', { what: 'reads LMDB files', write: false, input: 0 }],
  ['LoadDataset', { what: 'reads a saved dataset (tf.data.Dataset.load)', write: false, input: 0 }],
  ['DatasetToTFRecord', { what: 'writes a TFRecord file', write: true, input: 1 }],
  ['ExperimentalDatasetToTFRecord', { what: 'writes a TFRecord file', write: true, input: 1 }],
  ['SaveDataset', { what: 'writes a dataset to files (tf.data.Dataset.save)', write: true, input: 1 }],
  ['SaveDatasetV2', { what: 'writes a dataset to files (tf.data.Dataset.save)', write: true, input: 1 }],
  ['SnapshotDataset', { what: 'writes and reads dataset snapshot files', write: true, input: 1 }],
  ['SnapshotDatasetV2', { what: 'writes and reads dataset snapshot files', write: true, input: 1 }],
  ['CacheDataset', { what: 'caches dataset elements in files', write: true, input: 1, emptyIsMemory: true }],
  ['CacheDatasetV2', { what: 'caches dataset elements in files', write: true, input: 1, emptyIsMemory: true }],
  ['CreateSummaryDbWriter', { what: 'creates a summary database file', write: true, input: 1 }],
]);

/** Ops that connect to a server, with the index of their address input (core/ops/experimental_dataset_ops.cc
 * for the tf.data service, core/ops/rpc_ops.cc for tf.distribute's experimental RPC). */
export const NETWORK_OPS: ReadonlyMap<string, { what: string; input?: number }> = new Map([
  ['RegisterDataset', { what: 'sends a dataset to a tf.data service dispatcher', input: 1 }],
  ['RegisterDatasetV2', { what: 'sends a dataset to a tf.data service dispatcher', input: 1 }],
  ['DataServiceDataset', { what: 'reads elements from a tf.data service', input: 2 }],
  ['DataServiceDatasetV2', { what: 'reads elements from a tf.data service', input: 2 }],
  ['DataServiceDatasetV3', { what: 'reads elements from a tf.data service', input: 2 }],
  ['DataServiceDatasetV4', { what: 'reads elements from a tf.data service', input: 2 }],
  ['RpcClient', { what: 'connects to an RPC server', input: 0 }],
  ['RpcServer', { what: 'listens for RPC connections', input: 0 }],
]);

/** Checkpoint ops: normal in SavedModels, but their file name input should come from the loader. */
export const CHECKPOINT_OPS: ReadonlyMap<string, number> = new Map([
  ['Save', 0], ['SaveV2', 0], ['SaveSlices', 0], ['Restore', 0], ['RestoreV2', 0], ['RestoreSlice', 0],
  ['MergeV2Checkpoints', 1],
  // Warm-starting's initializer (tf.compat.v1 load_and_remap_matrix_initializer): reads ckpt_path.
  ['LoadAndRemapMatrix', 0],
]);

/** Proto codec ops with a descriptor_source attr ("local://" default, "bytes://..." embedded, else a path). */
export const PROTO_OPS: ReadonlySet<string> = new Set(['DecodeProto', 'DecodeProtoV2', 'EncodeProto']);

/** Custom op names that ask for command execution or library loading. Matched only against ops that
 * stock TensorFlow does not register, so standard ops such as ExecuteTPUEmbeddingPartitioner pass. */
export const SYSTEM_LIKE_OP = /shell|exec|system|popen|spawn|subprocess|command|load_?library|dlopen|eval|python|py_?call/i;

let standard: ReadonlySet<string> | undefined;

/** Loads the op set of stock TensorFlow (ops.generated.ts, ~40 KB: kept out of the main chunk). */
export async function loadStandardOps(): Promise<ReadonlySet<string>> {
  if (!standard) {
    const { STANDARD_OPS_TEXT } = await import('./ops.generated');
    standard = new Set(STANDARD_OPS_TEXT.split(' ').filter((s) => s.length > 0));
  }
  return standard;
}

/** The op set loaded by loadStandardOps (scan() awaits it before judging any graph). */
export function standardOps(): ReadonlySet<string> {
  if (!standard) throw new Error('standard op set not loaded');
  return standard;
}

/** A path that leaves the folder it is joined to: absolute (POSIX, Windows drive or UNC), a URL
 * scheme (gs://, file://, hdfs://: TensorFlow's file systems), home-relative or climbing with "..". */
export function unusualPath(p: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return 'a URL';
  if (p.startsWith('/') || p.startsWith('\\')) return 'an absolute path';
  if (/^[a-z]:[\\/]/i.test(p)) return 'an absolute path';
  if (p.startsWith('~')) return 'a home-relative path';
  if (p.split(/[\\/]/).includes('..')) return 'a path climbing with ".."';
  return null;
}
