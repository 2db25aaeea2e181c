"""Reviewed seed facts for callables whose behaviour source code cannot show (C builtins, C-extension
functions) and for a few source functions whose sink hides behind machinery the call graph does not
follow (the import system, the pure-Python unpickler's dispatch table).

Started from src/engine/formats/pickle/policy-dangerous.ts (the hand list this knowledge base replaces).
Every entry says why. Names are as the source refers to them (`posix.system`, not `os.system`: os.py
re-exports posix with `from posix import *`, and the generator follows that re-export).

SINKS: name -> (sinks, arg, reason)
  sinks: the Sink kinds of types.ts the callable reaches.
  arg:   None -> calling it reaches the sink whatever the arguments.
         int  -> only when that positional argument (0-based, or ARG_KW[name] by keyword) is not a
                 constant: `getattr(x, 'shape')` and `importlib.import_module('torch._C')` in library
                 code are harmless; `getattr(x, name)` with `name` from a parameter is the gadget.
         'direct' -> a pickle calling it directly is dangerous, library code calling it is not
                 propagated (`locals()`, `sys.exit()` inside a helper are not a gadget).
  A name ending in '.*' seeds every member of that module or class.

HIGHER_ORDER: name -> (positional indices it calls, keyword names it calls, reason)
"""

SINKS: dict[str, tuple[tuple[str, ...], object, str]] = {}
HIGHER_ORDER: dict[str, tuple[tuple[int, ...], tuple[str, ...], str]] = {}
# Keyword spelling of the argument named by `arg` (for sinks whose deciding argument may come by name).
ARG_KW: dict[str, str] = {}


def sink(kinds, arg, reason, *names):
    for n in names:
        SINKS[n] = (tuple(kinds.split()), arg, reason)


def calls(args, kwargs, reason, *names):
    for n in names:
        HIGHER_ORDER[n] = (tuple(args), tuple(kwargs), reason)


# ---- code execution -----------------------------------------------------------------------------
sink('exec', 0, 'evaluates or executes Python source or a code object given as its first argument',
     'builtins.eval', 'builtins.exec', 'builtins.compile')
sink('exec', None, 'runs a class body function (what the class statement does)', 'builtins.__build_class__')
sink('exec', None, 'builds a function or code object from raw bytecode and globals',
     'types.FunctionType', 'types.LambdaType', 'types.CodeType', 'types.CellType',
     'builtins.function', 'builtins.code')
sink('exec deserialize', None, 'turns bytes into code objects that can then be run', 'marshal.loads', 'marshal.load')
sink('exec', 'direct', 'stops in an interactive prompt or debugger that executes typed code',
     'builtins.input', 'builtins.breakpoint')
sink('exec', 0, 'loads a native extension module from the path in its spec', '_imp.create_dynamic')
sink('exec', 0, 'compiles and runs TorchScript source or a serialized TorchScript module',
     'torch._C.import_ir_module', 'torch._C.import_ir_module_from_buffer',
     'torch._C._load_for_lite_interpreter', 'torch._C._load_for_lite_interpreter_from_buffer',
     'torch._C._jit_script_compile', 'torch._C.CompilationUnit')

# PyTorch Geometric renders a jinja template into Python source, writes it to a temporary file and imports
# it (torch_geometric/template.py module_from_template). MessagePassing.__setstate__ does so with the
# parameter names and type strings of the pickled Inspector, so a pickled GNN layer chooses source that
# runs on load (checked: a type_repr holding a call ran it, sweep 2026-12b). The import is made through
# importlib's spec loader, which the call graph does not follow.
sink('exec', None, 'writes Python source rendered from its arguments to a file and imports it',
     'torch_geometric.template.module_from_template')

# ---- processes and native code ------------------------------------------------------------------
sink('process', None, 'runs a shell command or replaces/forks the process with a program',
     *[f'posix.{n}' for n in (
         'system', 'execv', 'execve', 'fexecve', 'fork', 'forkpty', 'vfork', 'posix_spawn', 'posix_spawnp',
         'spawnv', 'spawnve', 'kill', 'killpg', 'putenv', 'unsetenv', 'setuid', 'setgid', 'seteuid',
         'setegid', 'setreuid', 'setregid', 'setresuid', 'setresgid', 'chroot', 'pidfd_open', 'register_at_fork',
         'plock', 'abort', '_exit')],
     '_posixsubprocess.fork_exec', '_winapi.CreateProcess', 'nt.system', 'nt.startfile', 'nt.spawnv', 'nt.spawnve',
     'nt.execv', 'nt.execve', 'nt.kill')
# ctypes is seeded by what each helper does, not as a whole module: a library calling its own, already
# loaded C API passes buffers with byref/pointer/c_int/create_string_buffer (lightgbm's and xgboost's
# Booster.__setstate__ do), which creates no process and loads nothing. What a pickle must not reach is
# loading a library whose name comes from data, or calling/writing raw addresses.
# Loading a library by a name the code spells (`CDLL("libnvidia-ml.so.1")` in torch.cuda.is_available,
# kernel32 in loky's cpu_count, the package's own .so beside __file__) loads what the library meant to;
# the gadget is a name that comes from the caller (a parameter, or data on self): tied to argument 0,
# like eval's source and import_module's name. A pickle calling these directly stays CRITICAL (the
# reviewed lists name ctypes). Without this every caller of torch.cuda.is_available (skorch's
# NeuralNet.__setstate__) and of joblib's effective_n_jobs (sklearn's mutual_info_classif) read as
# process creation (sweep 2026-12c).
sink('process', 0, 'loads the shared library named by its first argument (its initialisers run)',
     'ctypes.CDLL', 'ctypes.PyDLL', 'ctypes.WinDLL', 'ctypes.OleDLL', '_ctypes.dlopen', '_ctypes.LoadLibrary',
     'ctypes._dlopen')
ARG_KW.update({n: 'name' for n in ('ctypes.CDLL', 'ctypes.PyDLL', 'ctypes.WinDLL', 'ctypes.OleDLL')})
sink('process', None, 'loads a shared library by name (its initialisers run) and exposes its functions',
     'ctypes.LibraryLoader',
     'ctypes.LibraryLoader.LoadLibrary', 'ctypes.LibraryLoader.__getattr__', 'ctypes.LibraryLoader.__getitem__',
     'ctypes.cdll', 'ctypes.pydll', 'ctypes.windll', 'ctypes.oledll', 'ctypes.pythonapi',
     '_ctypes.dlsym', '_ctypes.dlclose', '_ctypes.FreeLibrary', 'cffi.*', '_cffi_backend.*')
sink('process', None, 'calls, reads or writes raw memory addresses and function pointers',
     '_ctypes.CFuncPtr', 'ctypes._CFuncPtr', 'ctypes.CFUNCTYPE', 'ctypes.PYFUNCTYPE', 'ctypes.WINFUNCTYPE',
     'ctypes.cast', 'ctypes._cast', 'ctypes.memmove', 'ctypes.memset', 'ctypes.string_at', 'ctypes.wstring_at',
     'ctypes._string_at', 'ctypes._wstring_at', '_ctypes.call_function', '_ctypes.call_cdeclfunction',
     '_ctypes.PyObj_FromPtr', '_ctypes.Py_INCREF', '_ctypes.Py_DECREF', '_ctypes.resize', '_ctypes.set_errno',
     'ctypes.resize')
sink('process', None, 'maps memory that ctypes can then execute or files it can then write', 'mmap.mmap')
sink('process', None, 'replaces the interpreter-wide trace or profile hook with a callable',
     'sys.settrace', 'sys.setprofile', 'threading.settrace', 'threading.setprofile')
sink('process', 'direct', 'exits the interpreter (a load that kills the scanner host)',
     'builtins.exit', 'builtins.quit', 'sys.exit', 'posix._exit')
sink('process', 'direct', 'opens the help pager, which runs $PAGER', 'builtins.help')
sink('process', None, 'sends a signal to another process or installs a handler', 'signal.pthread_kill',
     '_signal.pthread_kill', '_signal.signal', 'signal.signal')

# ---- files --------------------------------------------------------------------------------------
sink('file-write', None, 'deletes, renames, creates, truncates, links or changes permissions of files',
     *[f'posix.{n}' for n in (
         'remove', 'unlink', 'rmdir', 'rename', 'replace', 'mkdir', 'mkfifo', 'mknod', 'chmod', 'fchmod',
         'lchmod', 'chown', 'fchown', 'lchown', 'truncate', 'ftruncate', 'link', 'symlink', 'utime',
         'chdir', 'fchdir', 'chflags', 'lchflags', 'setxattr', 'removexattr', 'posix_fallocate', 'write',
         'pwrite', 'writev', 'pwritev', 'sendfile', 'copy_file_range', 'splice')])
sink('file-write', 1, 'opens a file; a mode that is not a constant read mode may create or truncate it',
     'builtins.open', '_io.open', 'io.open', '_io.FileIO', 'io.FileIO', 'codecs.open')
ARG_KW.update({'builtins.open': 'mode', '_io.open': 'mode', 'io.open': 'mode', '_io.FileIO': 'mode',
               'io.FileIO': 'mode', 'codecs.open': 'mode'})
sink('file-write', 1, 'opens a file descriptor; flags other than read-only may create or truncate it', 'posix.open')
ARG_KW['posix.open'] = 'flags'
sink('file-write', None, 'opens or creates a database file', '_sqlite3.connect', 'sqlite3.connect',
     '_dbm.open', '_gdbm.open')
sink('file-write', None, 'writes the array to any path', 'numpy._core._multiarray_umath.ndarray.tofile',
     'numpy.ndarray.tofile', 'numpy._core._multiarray_umath.ndarray.dump')
sink('file-write', None, 'writes the tensors to the path it is given (Rust)', 'safetensors._safetensors_rust.serialize_file')
sink('file-write', None, 'writes the tokenizer or model to any path', 'tokenizers.Tokenizer.save',
     'tokenizers.implementations.base_tokenizer.BaseTokenizer.save')

# ---- network ------------------------------------------------------------------------------------
sink('network', None, 'opens sockets or resolves host names (connect, listen, DNS exfiltration)',
     '_socket.*', 'socket.socket', '_ssl.*', 'select.poll', 'select.epoll')
sink('network', None, 'downloads from the Hugging Face Hub', 'tokenizers.Tokenizer.from_pretrained')

# ---- imports ------------------------------------------------------------------------------------
sink('import', 0, 'imports the module named by its argument', 'builtins.__import__', 'importlib.import_module',
     'importlib.__import__', 'importlib._bootstrap._gcd_import', 'importlib._bootstrap.__import__',
     '_frozen_importlib._gcd_import', '_frozen_importlib.__import__', 'importlib.reload', 'imp.load_module',
     'imp.load_source', 'imp.load_compiled', 'imp.load_dynamic', 'importlib.util.spec_from_file_location',
     'importlib.machinery.SourceFileLoader', 'importlib.machinery.SourcelessFileLoader',
     'importlib.machinery.ExtensionFileLoader', 'zipimport.zipimporter')

# ---- nested deserialisation ---------------------------------------------------------------------
sink('deserialize', None, 'unpickles data, running whatever callables the nested pickle names',
     '_pickle.loads', '_pickle.load', '_pickle.Unpickler', 'pickle._loads', 'pickle._load', 'pickle._Unpickler',
     'cPickle.loads', 'cPickle.load')
# torch.load unpickles with the pickle_module it is given as a parameter (default: pickle), which the call
# graph cannot see as a call of _pickle.Unpickler; with weights_only=False it runs any callable named.
sink('deserialize', None, 'loads a torch checkpoint, which unpickles it (weights_only=False runs any callable)',
     'torch.serialization.load', 'torch.serialization._load', 'torch.load')

# ---- attribute access by a name from the arguments ----------------------------------------------
sink('getattr', 1, 'reads, writes or deletes the attribute named by its argument (reaches __globals__, modules, os.system)',
     'builtins.getattr', 'builtins.setattr', 'builtins.delattr')
sink('getattr', 0, 'builds a getter or caller for the attribute or method named by its argument',
     '_operator.attrgetter', 'operator.attrgetter', '_operator.methodcaller', 'operator.methodcaller')
sink('getattr', 'direct', 'returns a namespace dict that holds every builtin and import',
     'builtins.globals', 'builtins.locals', 'builtins.vars')
sink('getattr', 'direct', 'returns a live frame, whose f_globals reach every builtin', 'sys._getframe',
     'sys._current_frames')

# ---- higher-order C callables: they call (now or later) a callable passed as data -------------------
calls([0], [], 'calls its first argument on every item', 'builtins.map', 'builtins.filter',
      'itertools.starmap', 'itertools.filterfalse', 'itertools.takewhile', 'itertools.dropwhile')
calls([], ['key'], 'calls its key function on every item', 'builtins.sorted', 'builtins.min', 'builtins.max',
      'builtins.list.sort', '_heapq.nsmallest', '_heapq.nlargest', '_bisect.insort', '_bisect.insort_left',
      '_bisect.insort_right', '_bisect.bisect', '_bisect.bisect_left', '_bisect.bisect_right')
calls([1], ['func'], 'calls its function on running totals', 'itertools.accumulate')
calls([1], ['key'], 'calls its key function on every item', 'itertools.groupby')
calls([0], [], 'binds a callable that is called later with the bound arguments',
      '_functools.partial', 'functools.partial', '_functools.reduce', 'functools.reduce',
      '_functools.cmp_to_key', '_functools._lru_cache_wrapper')
calls([0], [], 'calls its first argument until it returns the sentinel', 'builtins.iter')
# spaCy's reducers live in Cython (.pyx, not read) and are named unpickle_*, which compiled.py never
# clears by itself. spacy/vocab.pyx unpickle_vocab(sstore, vectors, morphology, _unused, lex_attr_getters,
# lookups, get_noun_chunks) builds a Vocab, srsly.pickle_loads its lex_attr_getters (bytes in the file,
# scanned as a nested pickle; judge.ts NESTED_LOADERS) and stores get_noun_chunks, which Doc.noun_chunks
# calls. tokens/doc.pyx unpickle_doc(vocab, hooks_and_data, bytes_data) pickle_loads its user data and hooks
# (nested, scanned) and reads the Doc from msgpack bytes. vectors.pyx unpickle_vectors(bytes) reads msgpack
# and numpy arrays; morphology.pyx unpickle_morphology(strings, tags) adds tag strings.
calls([6], [], 'rebuilds a spaCy Vocab and stores its noun-chunk iterator (called when a Doc reads noun_chunks)',
      'spacy.vocab.unpickle_vocab')
calls([], [], 'rebuilds a spaCy Doc, Vectors or Morphology from msgpack bytes and strings (no callables)',
      'spacy.tokens.doc.unpickle_doc', 'spacy.vectors.unpickle_vectors', 'spacy.morphology.unpickle_morphology')
calls([0], ['default_factory'], 'calls its default factory for every missing key', '_collections.defaultdict',
      'collections.defaultdict')
calls([0], [], 'runs its callable in a new thread', '_thread.start_new_thread', '_thread.start_new', '_thread.start_joinable_thread')
calls([0], [], 'registers its callable to run at interpreter exit', 'atexit.register')
calls([0, 1, 2], ['fget', 'fset', 'fdel'], 'calls its accessors on attribute access', 'builtins.property')
calls([1], ['callback'], 'calls its callback when the referent dies', '_weakref.ref', 'weakref.ref')
calls([0], [], 'calls the callable it is given', '_operator.call', 'operator.call')
calls([0], [], 'calls its argument on the trace or profile event', 'sys.settrace', 'sys.setprofile')
calls([1], ['handler'], 'calls its handler when the signal arrives', '_signal.signal', 'signal.signal')
calls([0], [], 'wraps a Python object whose methods the Rust pipeline then calls on every input (tokenizers)',
      'tokenizers.pre_tokenizers.PreTokenizer.custom', 'tokenizers.normalizers.Normalizer.custom',
      'tokenizers.decoders.Decoder.custom')

# scipy's rv_generic.__setstate__ calls self._attach_methods(), abstract on rv_generic and overridden by
# rv_continuous/rv_discrete/rv_sample to exec() self._parse_arg_template, a string of the pickled state.
# The call graph resolves the self-call to the abstract base, so the exec is seeded here (the judge's
# reviewed rule in setstate-rules.ts then checks the template against scipy's own).
sink('exec', None, 'runs _attach_methods, which exec()s the argument-parser template of its state',
     'scipy.stats._distn_infrastructure.rv_generic.__setstate__')

# ---- barriers: source functions whose sink is real but never fed by data a pickle controls -----------
# Their own facts stay (a pickle calling one directly is judged by them); callers do not inherit them.
BARRIERS: dict[str, str] = {
    # inspect.signature(obj) reaches eval only here: the text parsed (and its defaults eval'd) is
    # `obj.__text_signature__`, written by C code for builtins (Argument Clinic) or set on a class by an
    # attribute write, which the judge flags by itself (pickle/module-attribute-write). Without the
    # barrier every library that calls inspect.signature (sklearn's get_params, torchmetrics'
    # Metric.__setstate__, omegaconf) looked like code execution (sweep of 2026-12).
    'inspect._signature_fromstr': 'evaluates only a __text_signature__ string, never one from pickled data',
    # The other eval under inspect.signature: get_annotations(obj, eval_str=True) evaluates the string
    # annotations of a function or class, written in its source; eval_str defaults to False (signature's
    # own default too), which the call graph cannot tell from True.
    'inspect.get_annotations': 'evaluates only source-written string annotations, and only when eval_str=True',
    # thinc (spaCy's model library) checks a layer's sample input and output against the annotations of
    # its forward function (thinc/util.py, via confection's Schema.from_function and typing.get_type_hints).
    # It runs in Model.initialize with sample data, never on load, and the annotations are the forward
    # function's source. Without the barrier every thinc hook a pickled spaCy pipeline stores as a partial
    # (resize_linear_weighted, init functions) read as code execution (sweep 2026-12b).
    'thinc.util.validate_fwd_input_output': "evaluates only the annotations of a thinc layer's forward function, in Model.initialize",
    # DataLoader(dataset) pickles the dataset (with dill when installed) into a throw-away buffer only to
    # list the datapipes connected to it (a reduce hook captures them; torch/utils/data/graph.py). Pickling
    # imports the modules that objects already in memory name as theirs, and reads attributes by their
    # names: no more than a GLOBAL of the same module would. Without the barrier the DataLoader class read
    # as an import chosen by its arguments, and every pickled skorch net (which stores the class as its
    # iterator_train) was CRITICAL (sweep 2026-12c).
    'torch.utils.data.graph._list_connected_datapipes': 'pickles in-memory datapipes into a scratch buffer to list their connections',
}

# C modules whose members (other than seeded ones) are reviewed as reaching no sink: their names are
# recorded as known-silent callables (a pickle may reference them: _codecs.encode, _collections.deque,
# numpy's _reconstruct, pandas' _unpickle_* helpers). Any other C module stays unknown.
TRUSTED_C_MODULES = (
    'builtins', '_codecs', '_collections', '_functools', '_operator', 'itertools', 'math', 'cmath', '_struct',
    'array', '_datetime', '_decimal', '_random', '_heapq', '_bisect', '_json', '_sre', '_string', '_abc',
    '_weakref', '_contextvars', '_uuid', 'time', 'zlib', 'binascii', '_hashlib', '_blake2', '_md5', '_sha1',
    '_sha256', '_sha512', '_sha3', 'unicodedata', '_statistics', '_bz2', '_lzma', '_csv', '_locale', '_stat',
    '_warnings', 'errno', '_pickle', 'marshal', '_io', '_elementtree', 'pyexpat', '_zoneinfo', '_typing',
    'numpy._core._multiarray_umath', 'numpy.core._multiarray_umath',
    # safetensors' Rust core: serialize (to bytes), deserialize and safe_open parse the safetensors
    # format (a JSON header and raw tensor bytes, no pickle) and read the file named; serialize_file
    # writes one and is seeded above
    'safetensors._safetensors_rust',
)
# Compiled extension packages (Cython/C/Rust) of the analysed libraries, reviewed as data-only code:
# their module names are listed by importing them in a child process (names only, nothing is called).
TRUSTED_EXT_PREFIXES = (
    'numpy._core._', 'numpy.random.', 'numpy.linalg._umath_linalg', 'numpy.fft._pocketfft_umath',
    'pandas._libs.', 'sklearn.', 'scipy.', 'lightgbm.', 'tokenizers',
    # spaCy and thinc Cython modules (strings, vocab, tokenizer, pipes, backends): data structures over
    # numpy/cymem; their unpickle_* helpers keep SINK_WORDS' caution and are reviewed in policy-safe.ts
    'spacy.', 'thinc.',
)
