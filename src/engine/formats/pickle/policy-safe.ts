// Known-safe ML allowlist and annotated "unknown" notes for the pickle policy (data only).
//
// A safe entry is an EXACT canonical path (aliases folded by policy.ts): no prefix of it and nothing
// reached through it is implied safe (torch.FloatStorage.from_file, pathlib.Path.write_text are not).
// Dangerous member entries always win over these; a safe entry can only carve a member out of a
// dangerous *module* (uuid.UUID out of uuid). Sources: what real torch/numpy/sklearn/joblib pickles
// import (checked with the Debian packages), PyTorch's weights_only allowlist, picklescan's
// _safe_globals, ModelAudit's ML_SAFE_GLOBALS, fickling's SAFE_BUILTINS.
//
// Reasons are predicates: "<path> <reason>". "Safe" means calling it with any arguments on load has
// no effect beyond building a value; the callables it is handed are themselves globals, judged on
// their own.

export interface SafeEntry { path: string; reason: string }

const all = (reason: string, paths: string[]): SafeEntry[] => paths.map((path) => ({ path, reason }));
const under = (mods: string[], names: string[]): string[] => mods.flatMap((m) => names.map((n) => `${m}.${n}`));

const TORCH_STORAGES = [
  'FloatStorage', 'DoubleStorage', 'HalfStorage', 'BFloat16Storage', 'LongStorage', 'IntStorage', 'ShortStorage',
  'CharStorage', 'ByteStorage', 'BoolStorage', 'ComplexFloatStorage', 'ComplexDoubleStorage', 'QInt8Storage',
  'QUInt8Storage', 'QInt32Storage', 'QUInt4x2Storage', 'QUInt2x4Storage', 'UntypedStorage', 'TypedStorage',
];
const TORCH_TENSOR_TYPES = [
  'Tensor', 'FloatTensor', 'DoubleTensor', 'HalfTensor', 'BFloat16Tensor', 'LongTensor', 'IntTensor',
  'ShortTensor', 'CharTensor', 'ByteTensor', 'BoolTensor',
];
const TORCH_DTYPES = [
  'float16', 'half', 'bfloat16', 'float32', 'float', 'float64', 'double', 'complex32', 'chalf', 'complex64',
  'cfloat', 'complex128', 'cdouble', 'uint8', 'uint16', 'uint32', 'uint64', 'int8', 'int16', 'short', 'int32',
  'int', 'int64', 'long', 'bool', 'qint8', 'quint8', 'qint32', 'quint4x2', 'quint2x4', 'float8_e4m3fn',
  'float8_e5m2', 'float8_e4m3fnuz', 'float8_e5m2fnuz', 'bits8', 'bits16', 'bits1x8', 'bits2x4', 'bits4x2',
];
const TORCH_CONSTANTS = [
  'strided', 'sparse_coo', 'sparse_csr', 'sparse_csc', 'sparse_bsr', 'sparse_bsc', '_mkldnn', 'jagged',
  'contiguous_format', 'channels_last', 'channels_last_3d', 'preserve_format', 'per_tensor_affine',
  'per_channel_affine', 'per_tensor_symmetric', 'per_channel_symmetric', 'per_channel_affine_float_qparams',
];
const NUMPY_SCALARS = [
  'bool_', 'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'intc', 'uintc',
  'intp', 'uintp', 'longlong', 'ulonglong', 'byte', 'ubyte', 'short', 'ushort', 'float16', 'float32', 'float64',
  'longdouble', 'half', 'single', 'double', 'complex64', 'complex128', 'clongdouble', 'csingle', 'cdouble',
  'str_', 'bytes_', 'unicode_', 'string_', 'object_', 'void', 'datetime64', 'timedelta64', 'generic', 'number',
];
const SPARSE = ['csr', 'csc', 'coo', 'bsr', 'dia', 'lil', 'dok'];
const BUILTIN_EXCEPTIONS = [
  'BaseException', 'Exception', 'ArithmeticError', 'AssertionError', 'AttributeError', 'BufferError', 'EOFError',
  'FloatingPointError', 'GeneratorExit', 'ImportError', 'ModuleNotFoundError', 'IndexError', 'KeyError',
  'KeyboardInterrupt', 'LookupError', 'MemoryError', 'NameError', 'NotImplementedError', 'OSError',
  'OverflowError', 'RecursionError', 'ReferenceError', 'RuntimeError', 'StopIteration', 'StopAsyncIteration',
  'SyntaxError', 'IndentationError', 'TabError', 'SystemError', 'SystemExit', 'TypeError', 'UnboundLocalError',
  'UnicodeError', 'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeTranslateError', 'ValueError',
  'ZeroDivisionError', 'EnvironmentError', 'IOError', 'ConnectionError', 'BlockingIOError', 'BrokenPipeError',
  'ChildProcessError', 'ConnectionAbortedError', 'ConnectionRefusedError', 'ConnectionResetError',
  'FileExistsError', 'FileNotFoundError', 'InterruptedError', 'IsADirectoryError', 'NotADirectoryError',
  'PermissionError', 'ProcessLookupError', 'TimeoutError', 'Warning', 'UserWarning', 'DeprecationWarning',
  'PendingDeprecationWarning', 'SyntaxWarning', 'RuntimeWarning', 'FutureWarning', 'ImportWarning',
  'UnicodeWarning', 'BytesWarning', 'ResourceWarning', 'EncodingWarning', 'StandardError',
];

export const SAFE: readonly SafeEntry[] = [
  // ---- builtins: constructors of plain values and pure functions -------------------------------
  ...all('constructs a plain container or value', under(['builtins'], [
    'set', 'frozenset', 'bytearray', 'bytes', 'slice', 'complex', 'dict', 'list', 'tuple', 'int', 'float', 'str',
    'bool', 'range', 'xrange', 'long', 'unicode', 'memoryview', 'enumerate', 'zip', 'reversed'])),
  // 'object' is safe: object() is a featureless instance; the gadgets hanging off it (__subclasses__,
  // __class__ ...) need an attribute walk, which the reflection rule flags. 'type' is NOT here (see notes).
  ...all('constructs a featureless object', ['builtins.object']),
  ...all('is a singleton constant', ['builtins.Ellipsis', 'builtins.NotImplemented', 'builtins.None']),
  ...all('is a pure function of its arguments (no callbacks, no I/O)', under(['builtins'], [
    'len', 'abs', 'all', 'any', 'ascii', 'bin', 'chr', 'divmod', 'hash', 'hex', 'id', 'isinstance', 'issubclass',
    'oct', 'ord', 'pow', 'repr', 'round', 'sum', 'unichr'])),
  ...all('constructs an exception object (constructing does not raise it)', under(['builtins'], BUILTIN_EXCEPTIONS)),

  // ---- standard library value types --------------------------------------------------------------
  // The knowledge base sees ZoneInfo reach importlib.import_module: it loads the tzdata package's
  // resource for the key, which it first checks is a normalised relative name (zoneinfo/_common.py
  // load_tzdata, _tzpath._validate_tzfile_path); the module imported is never chosen by the pickle.
  ...all('is a time-zone value (its key names a tzdata resource, never a module)', ['zoneinfo.ZoneInfo', 'zoneinfo._zoneinfo.ZoneInfo']),
  // pytz (pandas' time zones before 2.0): _p is pytz.tzinfo.unpickler, which accepts only a zone in
  // pytz.all_timezones_set before reading its bundled tz file; _UTC returns the utc singleton.
  ...all('rebuilds a pytz time zone from a name checked against pytz\'s own zone list', ['pytz._p', 'pytz._UTC']),
  // inspect is a dangerous module (frames, live objects); its `empty` sentinel is a bare class that
  // marks a missing annotation or default (Lib/inspect.py `class _empty`), and PyG's Inspector pickles it
  // in every layer's signature (torch_geometric/inspector.py).
  ...all('is the empty-annotation sentinel class (no behaviour)', ['inspect._empty', 'inspect.Parameter.empty', 'inspect.Signature.empty']),
  ...all('is a standard container type', under(['collections'], [
    'OrderedDict', 'defaultdict', 'Counter', 'deque', 'ChainMap'])),
  ...all('encodes a string to bytes (how protocol 2 pickles bytes)', ['_codecs.encode', 'codecs.encode']),
  ...all('reconstructs an instance of a class named elsewhere in the pickle (standard reduce helper)', [
    'copyreg._reconstructor', 'copyreg.__newobj__', 'copyreg.__newobj_ex__']),
  ...all('is a date/time value type', under(['datetime'], ['datetime', 'date', 'time', 'timedelta', 'timezone', 'tzinfo'])),
  ...all('is a numeric value type', ['decimal.Decimal', 'fractions.Fraction', 'numbers.Number']),
  ...all('is a UUID value type (the rest of uuid runs commands)', ['uuid.UUID', 'uuid.SafeUUID']),
  ...all('is a path value (constructing one touches no file)', under(['pathlib', 'pathlib._local'], [
    'Path', 'PosixPath', 'WindowsPath', 'PurePath', 'PurePosixPath', 'PureWindowsPath'])),
  ...all('is a plain attribute namespace', ['argparse.Namespace', 'types.SimpleNamespace']),
  ...all('is the base of enum classes (looks a member up by value)', under(['enum'], ['Enum', 'IntEnum', 'Flag', 'IntFlag', 'StrEnum'])),
  // re._compile is how a compiled pattern pickles; compiling is bounded work, matching is not done on load.
  ...all('compiles a regular expression (how re.Pattern pickles; nothing is matched on load)', ['re._compile', 're.compile']),
  ...all('is a __future__ feature object', under(['__future__'], [
    'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function',
    'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations', '_Feature'])),
  ...all('parses text into a syntax tree or literal without compiling or running it', ['ast.parse', 'ast.literal_eval']),
  ...all('returns a named logger (how logging.Logger pickles)', ['logging.getLogger']),

  // ---- torch -----------------------------------------------------------------------------------------
  ...all('rebuilds a tensor or parameter from a storage the pickle references', under(['torch._utils'], [
    '_rebuild_tensor', '_rebuild_tensor_v2', '_rebuild_tensor_v3', '_rebuild_parameter', '_rebuild_parameter_v2',
    '_rebuild_parameter_with_state', '_rebuild_device_tensor_from_numpy', '_rebuild_qtensor',
    '_rebuild_sparse_tensor', '_rebuild_sparse_csr_tensor', '_rebuild_nested_tensor',
    '_rebuild_meta_tensor_no_storage', '_rebuild_wrapper_subclass', '_rebuild_mkldnn_tensor',
    '_rebuild_xla_tensor', '_rebuild_mtia_tensor'])),
  ...all('re-types a rebuilt tensor to its subclass (PyTorch weights_only allowlist)', [
    'torch._tensor._rebuild_from_type_v2', 'torch._tensor._rebuild_from_type']),
  ...all('is a typed tensor storage class', [...under(['torch'], TORCH_STORAGES), 'torch.storage.TypedStorage',
    'torch.storage.UntypedStorage', 'torch.storage._LegacyStorage']),
  ...all('is a tensor class', under(['torch'], TORCH_TENSOR_TYPES)),
  ...all('is a tensor dtype constant', under(['torch'], TORCH_DTYPES)),
  ...all('is a layout, memory-format or quantisation-scheme constant', under(['torch'], TORCH_CONSTANTS)),
  ...all('is a shape or device value', ['torch.Size', 'torch.device', 'torch.dtype', 'torch.layout', 'torch.memory_format']),
  ...all('maps a layout name to its constant', ['torch.serialization._get_layout']),
  // torch.Generator.__reduce__ (torch 2.x) returns (torch._C.Generator, (device,), (seed, offset, state
  // tensor)): the C __setstate__ only sets the generator state from that byte tensor.
  ...all('is a random-number generator (BUILD restores its state from a byte tensor)', ['torch._C.Generator', 'torch.Generator']),
  // transformers' activation modules store the kernel they call (GELUActivation.act = nn.functional.gelu,
  // which is torch._C._nn.gelu): ATen's C++ activation kernels, numeric on the tensor they are given.
  ...all('is an ATen activation kernel (numeric on its tensor argument)', under(['torch._C._nn'], [
    'gelu', 'silu', 'elu', 'leaky_relu', 'hardtanh', 'hardsigmoid', 'hardswish', 'softplus', 'mish', 'relu6',
    'log_sigmoid', 'glu', 'softshrink', 'hardshrink'])),
  // TorchScript archives (data.pkl, constants.pkl, *.debug_pkl) wrap lists and tags with these identity
  // helpers; they are carved out of the dangerous torch.jit module.
  ...all('returns its argument unchanged (TorchScript pickle list/type-tag helper)', under(['torch.jit._pickle'], [
    'build_intlist', 'build_tensorlist', 'build_doublelist', 'build_boollist', 'build_complexlist',
    'build_tensor_from_id', 'restore_type_tag'])),
  ...all('wraps a tensor as a module parameter', ['torch.nn.parameter.Parameter', 'torch.nn.parameter.Buffer',
    'torch.nn.parameter.UninitializedParameter', 'torch.nn.parameter.UninitializedBuffer', 'torch.nn.Parameter']),

  // ---- numpy -----------------------------------------------------------------------------------------
  ...all('rebuilds an ndarray, scalar or masked array from raw bytes', under(['numpy.core.multiarray', 'numpy._core.multiarray'],
    ['_reconstruct', 'scalar']).concat(under(['numpy.core.numeric', 'numpy._core.numeric'], ['_frombuffer']),
    ['numpy.ma.core._mareconstruct', 'numpy.ma.core.MaskedArray', 'numpy.ma.core.MaskedConstant', 'numpy.ma.core.mvoid'])),
  ...all('is an array or dtype class', ['numpy.ndarray', 'numpy.dtype', 'numpy.matrix', 'numpy.recarray', 'numpy.record',
    'numpy.matrixlib.defmatrix.matrix', 'numpy.core.records.recarray', 'numpy.core.records.record',
    'numpy._core.records.recarray', 'numpy._core.records.record']),
  ...all('is a numpy scalar type', under(['numpy'], NUMPY_SCALARS)),
  ...all('recreates a random generator state', [
    ...under(['numpy.random._pickle'], ['__bit_generator_ctor', '__generator_ctor', '__randomstate_ctor']),
    'numpy.random.mtrand.RandomState', 'numpy.random._generator.Generator', 'numpy.random._mt19937.MT19937',
    'numpy.random._pcg64.PCG64', 'numpy.random._pcg64.PCG64DXSM', 'numpy.random._philox.Philox',
    'numpy.random._sfc64.SFC64', 'numpy.random.bit_generator.SeedSequence',
    'numpy.random.bit_generator.__pyx_unpickle_SeedSequence']),

  // ---- scipy / joblib / sklearn helpers -----------------------------------------------------------------
  ...all('is a sparse matrix/array class', under(['scipy.sparse', ...SPARSE.flatMap((k) => [`scipy.sparse._${k}`, `scipy.sparse.${k}`])],
    SPARSE.flatMap((k) => [`${k}_matrix`, `${k}_array`]).concat(['spmatrix']))),
  ...all('marks an inline numpy array that joblib reads back without unpickling code', under([
    'joblib.numpy_pickle', 'joblib.numpy_pickle_compat', 'sklearn.externals.joblib.numpy_pickle',
    'sklearn.externals.joblib.numpy_pickle_compat'], ['NumpyArrayWrapper', 'NDArrayWrapper', 'ZNDArrayWrapper'])),
  ...all('is the identity scorer sklearn pickles by reference', ['sklearn.metrics._scorer._passthrough_scorer']),

  // ---- pyarrow: how Arrow-backed pandas columns pickle ------------------------------------------------------
  // pandas 3 stores every string column as an ArrowStringArray once pyarrow is installed (and 2.x does for
  // string[pyarrow] / ArrowDtype columns); its state is a pyarrow ChunkedArray, whose __reduce__ chain is
  // below (pyarrow/array.pxi, table.pxi, types.pxi, scalar.pxi; pyarrow 25). Each builds a value from the
  // values it is handed and calls none of them. _restore_array does not validate: a crafted ArrayData can
  // make a later read run past its buffer (a crash), which is not code execution. foreign_buffer (any
  // address) and the file/stream constructors are deliberately absent (policy-dangerous.ts).
  ...all('rebuilds an Arrow array, table, buffer or scalar from pickled values (no callables run)', under(['pyarrow.lib'], [
    '_restore_array', 'py_buffer', 'chunked_array', '_reconstruct_table', '_reconstruct_record_batch', 'scalar',
    'DictionaryScalar._reconstruct', 'KeyValueMetadata'])),
  ...all('builds an Arrow data type, field or schema value', under(['pyarrow.lib'], [
    'type_for_alias', 'field', 'schema', 'timestamp', 'list_', 'large_list', 'list_view', 'large_list_view', 'map_',
    'struct', 'union', 'binary', 'decimal32', 'decimal64', 'decimal128', 'decimal256', 'dictionary',
    'run_end_encoded', 'json_', 'fixed_shape_tensor', 'bool8', 'opaque'])),

  // ---- jax (not analysed: its call graph is huge). The reducer's callable is judged through carriers.ts. -----
  ...all('rebuilds a numpy array with the reducer it is given and copies it to a jax device', ['jax._src.array._reconstruct_array']),
  // (spaCy's Cython reducers are reviewed in tools/knowledge/seeds.py: spacy is analysed, so seeds reach them.)

  // ---- polars ------------------------------------------------------------------------------------------------
  // polars.Schema (polars/schema.py) is an OrderedDict of column name → dtype; pickling a frame's schema
  // calls it with the (name, dtype) pairs, the dtypes pickled as their own classes. Frames and series
  // pickle their data as bytes in BUILD, searched for an embedded pickle (a LazyFrame's Python UDFs).
  ...all('builds an ordered mapping of column names to polars dtypes', ['polars.schema.Schema']),

  // ---- transformers / accelerate enums and value types ------------------------------------------------------
  ...all('is a training or tokenizer option enum', [
    ...under(['transformers.trainer_utils'], ['IntervalStrategy', 'EvaluationStrategy', 'SchedulerType', 'HubStrategy',
      'ShardedDDPOption', 'FSDPOption', 'HPSearchBackend', 'SaveStrategy']),
    'transformers.training_args.OptimizerNames', 'transformers.debug_utils.DebugOption',
    ...under(['transformers.utils.generic'], ['ExplicitEnum', 'PaddingStrategy', 'TensorType']),
    'transformers.tokenization_utils_base.TruncationStrategy',
    ...under(['accelerate.utils.dataclasses'], ['DistributedType', 'PrecisionType', 'ComputeEnvironment',
      'DynamoBackend', 'SageMakerDistributedType', 'RNGType', 'LoggerType'])]),
  ...all('is a tokenizer output or token value', ['transformers.tokenization_utils_base.BatchEncoding',
    'transformers.tokenization_utils_base.AddedToken', 'transformers.tokenization_utils.AddedToken']),
  ...all('is a generation config value', ['transformers.generation.configuration_utils.GenerationConfig']),
];

/** Module-prefix allowlists for libraries whose pickles name many classes. A rule applies only to a
 *  single-segment name directly in a module under `prefix` (no attribute walk), never to a module under
 *  one of `except`, and only if `name` passes the test. Dangerous entries are checked first. */
export interface SafePrefixRule {
  prefix: string;
  except: string[];
  /** Required module segment pattern (e.g. transformers configuration_* modules); optional. */
  moduleSegment?: RegExp;
  name: RegExp;
  reason: string;
}

/** CamelCase (optionally _-prefixed) class names; Cython pickling helpers; sklearn's tree newObj. */
const CLASS = /^_?[A-Z][A-Za-z0-9_]*$/;
const CLASS_OR_CYTHON = /^(?:_?[A-Z][A-Za-z0-9_]*|__pyx_unpickle_[A-Za-z0-9_]+|newObj)$/;

export const SAFE_PREFIXES: readonly SafePrefixRule[] = [
  { prefix: 'sklearn', except: ['sklearn.datasets', 'sklearn.utils._testing', 'sklearn.externals'], name: CLASS_OR_CYTHON,
    reason: 'is a scikit-learn estimator/helper class (constructing one only stores parameters)' },
  { prefix: 'torch.nn', except: ['torch.nn.parallel'], name: CLASS,
    reason: 'is a torch.nn layer class (whole-module saves pickle these)' },
  { prefix: 'torch.optim', except: [], name: CLASS, reason: 'is a torch optimizer or scheduler class' },
  { prefix: 'xgboost', except: ['xgboost.tracker', 'xgboost.collective', 'xgboost.rabit', 'xgboost.federated',
    'xgboost.dask', 'xgboost.spark'], name: CLASS, reason: 'is an XGBoost model class' },
  { prefix: 'lightgbm', except: ['lightgbm.dask'], name: CLASS, reason: 'is a LightGBM model class' },
  { prefix: 'catboost', except: ['catboost.widget'], name: CLASS, reason: 'is a CatBoost model class' },
  { prefix: 'tokenizers', except: [], name: CLASS, reason: 'is a tokenizers class (state is JSON)' },
  { prefix: 'transformers', except: ['transformers.dynamic_module_utils'], moduleSegment: /^(?:configuration|tokenization)_/,
    name: CLASS, reason: 'is a transformers config or tokenizer class' },
  { prefix: 'numpy.dtypes', except: [], name: CLASS, reason: 'is a numpy dtype class' },
  // Cython's generated reducer of a cdef class (__pyx_unpickle_<Class>(type, checksum, state)): checks the
  // layout checksum, calls <Class>.__new__(type) and sets its C fields from the state tuple. spaCy's pipes
  // (Pipe, TrainablePipe) and thinc's compiled classes pickle this way.
  { prefix: 'spacy', except: ['spacy.cli'], name: /^__pyx_unpickle_[A-Za-z0-9_]+$/,
    reason: 'is a Cython reducer that rebuilds a spaCy cdef class from its state' },
  { prefix: 'thinc', except: [], name: /^__pyx_unpickle_[A-Za-z0-9_]+$/,
    reason: 'is a Cython reducer that rebuilds a thinc cdef class from its state' },
  // __torch__.* names only exist inside a TorchScript archive: torch.jit.load resolves them against the
  // archive's own code/ (scanned by the TorchScript container), and Python's pickle cannot import them.
  { prefix: '__torch__', except: [], name: /^[A-Za-z_]\w*$/,
    reason: "is a TorchScript class compiled from the archive's code/ (not a Python import)" },
];

/** Harmless or dual-use names that stay 'unknown' (WARNING when called) but deserve a reason, and that
 *  carve a member out of a dangerous *module* (os.path.join out of os). */
export const NOTES: readonly SafeEntry[] = [
  // os.path: pure path arithmetic and stat probes. Not code execution, so not dangerous; still no reason
  // for a model to call them on load, so they stay unknown.
  ...all('is path arithmetic or a stat probe (no code execution; os itself is dangerous)', under(['os.path'], [
    'join', 'basename', 'dirname', 'split', 'splitext', 'splitdrive', 'normpath', 'normcase', 'abspath', 'realpath',
    'relpath', 'commonpath', 'commonprefix', 'isabs', 'exists', 'lexists', 'isfile', 'isdir', 'islink', 'ismount',
    'getsize', 'getmtime', 'getatime', 'getctime', 'expanduser', 'expandvars', 'samefile', 'sep'])),
  ...all('is a harmless os value or path helper', ['os.fspath', 'os.sep', 'os.linesep', 'os.name', 'os.curdir', 'os.pardir']),
  ...all('reports the OS name (no command runs)', ['platform.system', 'platform.machine', 'platform.python_version']),
  ...all('creates classes dynamically (type(name, bases, dict)); only unusual pickles need it', ['builtins.type']),
  ...all('calls the callables it is given (the callables are judged on their own)', under(['builtins'], [
    'map', 'filter', 'sorted', 'min', 'max', 'iter', 'next', 'aiter', 'anext', 'callable', 'hasattr', 'format',
    'super', 'property', 'staticmethod', 'classmethod'])),
  ...all('writes to stdout or lists names; harmless but never needed on load', ['builtins.print', 'builtins.dir']),
  ...all('decodes data; dangerous only when its output reaches a loader or eval (checked as a chain)', [
    'codecs.decode', 'base64.b64decode', 'base64.b32decode', 'base64.b16decode', 'base64.a85decode',
    'base64.b85decode', 'base64.decodebytes', 'base64.urlsafe_b64decode', 'binascii.a2b_base64', 'binascii.unhexlify',
    'binascii.a2b_hex', 'zlib.decompress', 'bz2.decompress', 'lzma.decompress', 'gzip.decompress',
    'builtins.bytes.fromhex']),
  ...all('is a functools helper that wraps or caches a callable', under(['functools'], [
    'cmp_to_key', 'lru_cache', 'cache', 'wraps', 'update_wrapper', 'cached_property', 'singledispatch', 'total_ordering'])),
  ...all('reads or writes a named tensor library object; not on the allowlist', ['torch._utils', 'torch.nn', 'torch.optim']),
];
