// Dangerous importables for the pickle policy (data only; policy.ts does the matching).
//
// Sources: the union of picklescan `_unsafe_globals`, modelscan `unsafe_globals`, fickling
// `UNSAFE_IMPORTS` / `UnsafeImportsML`, ModelAudit `ALWAYS_DANGEROUS_*` and `SUSPICIOUS_GLOBALS`
// (../shared/research/peers.md, modelaudit.md §3.1), the bypass reports (modelaudit.md §6.3) and the
// GHSA gadgets of picklescan's test set (../shared/corpus/labels.tsv). Canonical paths only: aliases
// (posix → os, _pickle → pickle, ...) are folded by policy.ts before lookup.
//
// scope 'module': the path and everything under it (submodules, attributes); an exact safe entry or a
//   note in policy-safe.ts may carve out a harmless member (uuid.UUID, os.path.join).
// scope 'member': a function/class/attribute and everything reached through it; nothing overrides it.
// Every reason is a predicate: "<path> <reason>" reads as one sentence.

export type DangerCategory =
  | 'code-execution' | 'shell' | 'process' | 'filesystem' | 'network' | 'deserialization'
  | 'import-machinery' | 'debugger-exec' | 'native-code' | 'reflection' | 'trampoline'
  | 'denial-of-service' | 'environment';

export interface DangerEntry {
  path: string;
  scope: 'module' | 'member';
  category: DangerCategory;
  reason: string;
  cve?: string[];
}

const mods = (category: DangerCategory, reason: string, paths: string[]): DangerEntry[] =>
  paths.map((path) => ({ path, scope: 'module', category, reason }));
const fns = (category: DangerCategory, reason: string, paths: string[]): DangerEntry[] =>
  paths.map((path) => ({ path, scope: 'member', category, reason }));
const ghsa = (path: string, category: DangerCategory, reason: string, ...cve: string[]): DangerEntry =>
  (cve.length ? { path, scope: 'member', category, reason, cve } : { path, scope: 'member', category, reason });

/** Python's own module aliases and py2 names, folded onto one canonical path before lookup. */
export const MODULE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['posix', 'os'], ['nt', 'os'], ['_os', 'os'],
  ['posixpath', 'os.path'], ['ntpath', 'os.path'], ['macpath', 'os.path'], ['genericpath', 'os.path'],
  ['__builtin__', 'builtins'], ['__builtins__', 'builtins'], ['exceptions', 'builtins'],
  ['cPickle', 'pickle'], ['_pickle', 'pickle'], ['copy_reg', 'copyreg'],
  ['_operator', 'operator'], ['_functools', 'functools'], ['_io', 'io'], ['_collections', 'collections'],
  ['_datetime', 'datetime'], ['_decimal', 'decimal'], ['_pydecimal', 'decimal'],
  ['commands', 'subprocess'], ['popen2', 'subprocess'], ['_sys', 'sys'],
  ['thread', '_thread'], ['_signal', 'signal'], ['_socket', 'socket'], ['_ssl', 'ssl'],
  ['_ctypes', 'ctypes'], ['_sqlite3', 'sqlite3'], ['_winreg', 'winreg'], ['_tkinter', 'tkinter'],
  ['httplib', 'http.client'], ['BaseHTTPServer', 'http.server'], ['SimpleHTTPServer', 'http.server'],
  ['CGIHTTPServer', 'http.server'], ['SocketServer', 'socketserver'], ['xmlrpclib', 'xmlrpc.client'],
  ['SimpleXMLRPCServer', 'xmlrpc.server'], ['urllib2', 'urllib.request'], ['Tkinter', 'tkinter'],
  ['_frozen_importlib', 'importlib._bootstrap'], ['_frozen_importlib_external', 'importlib._bootstrap_external'],
  ['_imp', 'imp'],
]);

/**
 * Libraries vendored whole under another package's namespace, under their own name: joblib.externals.cloudpickle,
 * srsly.cloudpickle (spaCy), numba.cloudpickle (numba pickles a jitted function's Python code through it),
 * ray.cloudpickle, pyspark.cloudpickle. Each copy rebuilds functions from bytecode exactly as cloudpickle
 * does, so a name inside a copy is judged as the same name in the original (policy.ts rule 3, shapes.ts).
 */
export const VENDORED_COPIES: ReadonlySet<string> = new Set(['cloudpickle']);

/**
 * Index of the module segment where a vendored copy starts (numba.cloudpickle.x → 1), or -1: no copy, or the
 * original itself (cloudpickle.cloudpickle is the original's own submodule, not a copy inside cloudpickle).
 */
export function vendoredStart(modSegs: readonly string[]): number {
  for (let i = 0; i < modSegs.length; i++) if (VENDORED_COPIES.has(modSegs[i]!)) return i > 0 ? i : -1;
  return -1;
}

/** A dotted key with its vendoring prefix removed: numba.cloudpickle.cloudpickle._make_function → cloudpickle.cloudpickle._make_function. */
export function unvendored(module: string, name: string): string {
  const segs = module.split('.');
  const at = vendoredStart(segs);
  return `${(at > 0 ? segs.slice(at) : segs).join('.')}.${name}`;
}

export const DANGEROUS: readonly DangerEntry[] = [
  // ---- shell and process creation -------------------------------------------------------------
  ...mods('shell', 'can run shell commands and programs (system, popen, exec*, spawn*) and touch any file', ['os']),
  ...mods('shell', 'starts processes and shell commands', [
    'subprocess', '_posixsubprocess', '_winapi', 'pty', 'pexpect', 'sh', 'plumbum', 'invoke', 'fabric',
    'psutil', 'asyncio', 'concurrent.futures.process', 'envoy', 'delegator']),
  ...mods('process', 'starts processes (spawnv_passfds, Process, pools) and runs callables in them', [
    'multiprocessing', 'torch.multiprocessing', 'joblib.externals.loky']),
  ...fns('shell', 'runs a shell command', ['platform.popen', 'platform._syscmd_file']),
  ...fns('process', 'runs callables in a process or thread pool', [
    'concurrent.futures.ProcessPoolExecutor', 'concurrent.futures.ThreadPoolExecutor']),
  ...mods('shell', 'hosts helpers that run a command line built from their arguments', [
    '_aix_support', '_osx_support', 'mailcap']),
  ghsa('_aix_support._read_cmd_output', 'shell', 'runs its argument as a shell command', 'GHSA-g38g-8gr9-h9xp'),
  ghsa('_osx_support._read_output', 'shell', 'runs its argument as a shell command', 'GHSA-g38g-8gr9-h9xp'),
  ghsa('_osx_support._find_build_tool', 'shell', 'runs a shell command built from its argument'),
  ...fns('shell', 'runs a shell command from the mailcap entry it builds (findmatch → os.system)', ['mailcap.findmatch']),
  ...mods('shell', 'runs external commands to read MAC addresses (_get_command_stdout, _popen, _find_mac)', ['uuid']),
  ghsa('uuid._get_command_stdout', 'shell', 'runs the command named by its arguments', 'GHSA-g38g-8gr9-h9xp'),
  ...mods('shell', 'opens a browser by running a program, or fetches a URL', ['webbrowser']),
  ...mods('shell', 'pages text through $PAGER or a command (pipe_pager), executes code in the REPL', ['_pyrepl']),
  ghsa('_pyrepl.pager.pipe_pager', 'shell', 'pipes text to a shell command', 'GHSA-g38g-8gr9-h9xp'),
  ghsa('imaplib.IMAP4_stream', 'shell', 'runs its argument as a shell command to open an IMAP stream', 'GHSA-g38g-8gr9-h9xp'),
  ghsa('asyncio.unix_events._UnixSubprocessTransport._start', 'shell', 'starts a subprocess with the given arguments',
    'GHSA-jgw4-cr84-mqxg', 'GHSA-q77w-mwjj-7mqx'),
  ghsa('multiprocessing.util.spawnv_passfds', 'process', 'executes the program and arguments it is given'),
  ...mods('shell', 'runs system tools and returns their output (collect_env.run executes a command)', ['torch.utils.collect_env']),
  ghsa('torch.utils.collect_env.run', 'shell', 'runs its argument as a shell command', 'GHSA-f745-w6jp-hpxx', 'GHSA-jhph-76pp-mggw'),
  ghsa('torch.utils.collect_env.run_and_read_all', 'shell', 'runs a shell command and reads its output', 'GHSA-jhph-76pp-mggw'),

  // ---- arbitrary Python code ------------------------------------------------------------------
  ...fns('code-execution', 'evaluates or executes Python source', [
    'builtins.eval', 'builtins.exec', 'builtins.execfile', 'builtins.compile', 'builtins.__build_class__']),
  ...fns('import-machinery', 'imports any module by name', ['builtins.__import__', 'builtins.reload']),
  ...fns('reflection', 'reads or writes any attribute by name (the universal gadget trampoline)', [
    'builtins.getattr', 'builtins.setattr', 'builtins.delattr']),
  ...fns('reflection', 'returns a namespace dict that holds every builtin and import', [
    'builtins.globals', 'builtins.locals', 'builtins.vars']),
  ...fns('trampoline', 'calls the callable it is given with the given arguments', ['builtins.apply']),
  ...fns('filesystem', 'opens any file for reading or writing', ['builtins.open', 'builtins.file']),
  ...fns('debugger-exec', 'stops in an interactive prompt or debugger that executes typed code', [
    'builtins.input', 'builtins.raw_input', 'builtins.breakpoint']),
  ...fns('shell', 'opens the help pager, which runs $PAGER', ['builtins.help']),
  ...fns('denial-of-service', 'exits the interpreter', ['builtins.exit', 'builtins.quit']),
  ...mods('code-execution', 'executes Python source (run_path, run_module, _run_code)', ['runpy']),
  ghsa('runpy._run_code', 'code-execution', 'executes a code object or source string'),
  ...mods('code-execution', 'compiles and runs Python source interactively', ['code', 'codeop']),
  ghsa('code.InteractiveInterpreter.runcode', 'code-execution', 'executes a code object', 'GHSA-cj3c-v495-4xqh'),
  ...mods('code-execution', 'compiles source files and writes bytecode', ['compileall', 'py_compile']),
  ...mods('deserialization', 'turns bytes into code objects (marshal.loads) that can then be called', ['marshal']),
  ...mods('code-execution', 'builds functions and classes from code objects', ['types']),
  ...fns('code-execution', 'builds a code object or function from raw bytecode', [
    'types.CodeType', 'types.FunctionType', 'types.LambdaType', 'types.MethodType', 'types.CellType', 'types.new_class']),
  ...mods('code-execution', 'serialises functions and code objects by value; loading them builds and runs code', [
    'dill', 'cloudpickle', 'joblib.externals.cloudpickle', 'srsly.cloudpickle']),
  ...fns('code-execution', 'builds a code object or function from the pickle (_create_code, _create_function)', [
    'dill._dill._create_code', 'dill._dill._create_function', 'dill._dill._create_cell', 'dill._dill._load_type',
    'dill._dill._get_attr', 'dill._dill._import_module', 'dill._dill._create_type',
    'cloudpickle.cloudpickle._make_function', 'cloudpickle.cloudpickle._builtin_type',
    'cloudpickle.cloudpickle._function_setstate', 'cloudpickle.cloudpickle.subimport',
    'cloudpickle.cloudpickle._make_cell', 'cloudpickle.cloudpickle._make_empty_cell',
    'cloudpickle.cloudpickle._make_skeleton_class', 'cloudpickle.cloudpickle_fast._function_setstate']),
  ...mods('code-execution', 'renders templates into executed Python (SSTI reaches os via __globals__)', ['jinja2', 'mako']),
  ...mods('code-execution', 'evaluates the text it completes (Completer.attr_matches calls eval)', ['rlcompleter']),
  ...mods('code-execution', 'evaluates Tcl, whose exec command runs programs', ['tkinter', 'turtle']),
  ...mods('code-execution', 'compiles and imports generated C extensions', ['Cython', 'pyximport', 'cffi', 'torch.utils.cpp_extension']),
  ...mods('code-execution', 'runs tests or helper scripts (script_helper runs python with any arguments)', [
    'test', 'unittest', 'doctest', 'numpy._pytesttester', 'scipy._lib._testutils', 'sklearn.utils._testing',
    'torch.testing._internal']),
  ghsa('test.support.script_helper.assert_python_ok', 'code-execution', 'runs a Python child process with the given code', 'GHSA-g38g-8gr9-h9xp'),
  ghsa('doctest.debug_script', 'code-execution', 'executes a script string under pdb', 'GHSA-fqq6-7vqf-w3fg'),
  ...fns('code-execution', 'runs the package test suite (imports and executes test modules)', ['numpy.test', 'scipy.test']),
  ...mods('code-execution', 'evaluates expressions in interactive tooling (IPython run_cell, system)', ['IPython', 'ipykernel']),
  ...mods('code-execution', 'evaluates Python code (IDLE shell, debugger, calltips)', ['idlelib']),
  ghsa('idlelib.pyshell.ModifiedInterpreter.runcode', 'code-execution', 'executes a code object', 'GHSA-3gf5-cxq9-w223'),
  ghsa('idlelib.pyshell.ModifiedInterpreter.runcommand', 'code-execution', 'executes a source string', 'GHSA-j343-8v2j-ff7w'),
  ghsa('idlelib.run.Executive.runcode', 'code-execution', 'executes a code object', 'GHSA-m869-42cg-3xwr'),
  ghsa('idlelib.debugobj.ObjectTreeItem.SetText', 'code-execution', 'evaluates its text argument', 'GHSA-3vg9-h568-4w9m'),
  ghsa('idlelib.autocomplete.AutoComplete.get_entity', 'code-execution', 'evaluates its name argument', 'GHSA-6w4w-5w54-rjvr'),
  ghsa('idlelib.autocomplete.AutoComplete.fetch_completions', 'code-execution', 'evaluates its argument', 'GHSA-7cq8-mj8x-j263'),
  ghsa('idlelib.calltip.Calltip.fetch_tip', 'code-execution', 'evaluates its expression argument', 'GHSA-8r4j-24qv-fmq9'),
  ghsa('idlelib.calltip.get_entity', 'code-execution', 'evaluates its expression argument', 'GHSA-9xph-j2h6-g47v'),
  ...mods('code-execution', 'evaluates grammar/pickle data it loads (Grammar.loads unpickles, make_label evals)', ['lib2to3']),
  ghsa('lib2to3.pgen2.grammar.Grammar.loads', 'deserialization', 'unpickles its argument', 'GHSA-f54q-57x4-jg88'),
  ghsa('lib2to3.pgen2.pgen.ParserGenerator.make_label', 'code-execution', 'evaluates its label argument', 'GHSA-p9w7-82w4-7q8m'),
  ...mods('code-execution', 'locates and imports objects by dotted name and pages help through a command', ['pydoc']),
  ...fns('import-machinery', 'imports any object by dotted name (a universal trampoline)', ['pydoc.locate']),
  ...fns('shell', 'pipes text to a shell command', ['pydoc.pipepager', 'pydoc.tempfilepager', 'pydoc.pager']),
  ...mods('code-execution', 'executes Python expressions (pandas.eval, DataFrame.eval/query)', ['pandas.core.computation']),
  ...fns('code-execution', 'evaluates an expression string', [
    'pandas.eval', 'pandas.DataFrame.eval', 'pandas.DataFrame.query', 'pandas.core.frame.DataFrame.eval',
    'pandas.core.frame.DataFrame.query']),
  ...mods('code-execution', 'runs project entry points as shell commands (_run_entry_point)', ['mlflow.projects']),
  ...mods('code-execution', 'downloads and imports model code from the Hub', ['transformers.dynamic_module_utils']),
  ...fns('code-execution', 'exec()s the generated forward() source stored in the pickle', [
    'torch.fx.graph_module.reduce_graph_module', 'torch.fx.graph_module.reduce_package_graph_module',
    'torch.fx.graph_module.reduce_deploy_graph_module', 'torch.fx.graph_module._deserialize_graph_module']),
  ...mods('code-execution', 'compiles and runs generated code (guards, kernels, TorchScript)', [
    'torch._dynamo', 'torch._inductor', 'torch.jit', 'torch.package', 'torch.utils._config_module',
    'torch.fx.experimental.symbolic_shapes']),
  ghsa('torch._dynamo.guards.GuardBuilder.get', 'code-execution', 'evaluates its name argument', 'GHSA-86cj-95qr-2p4f'),
  ghsa('torch._inductor.codecache.compile_file', 'code-execution', 'compiles and loads a native file'),
  ghsa('torch.fx.experimental.symbolic_shapes.ShapeEnv.evaluate_guards_expression', 'code-execution',
    'evaluates its expression string', 'GHSA-f4x7-rfwp-v3xw'),
  ghsa('torch.jit.unsupported_tensor_ops.execWrapper', 'code-execution', 'exec()s its argument', 'GHSA-vr7h-p6mm-wpmh'),
  ghsa('torch.utils._config_module.ConfigModule.load_config', 'deserialization', 'unpickles its argument', 'GHSA-vv6j-3g6g-2pvj'),
  ...fns('code-execution', 'compiles a function with generated code', ['torch.compile']),
  ...mods('code-execution', 'decodes data with handlers that unpickle and torch.load it', ['torch.utils.data.datapipes.utils.decoder']),
  ghsa('torch.utils.data.datapipes.utils.decoder.basichandlers', 'deserialization', 'unpickles data by extension', 'GHSA-h3qp-7fh3-f8h4'),
  ...mods('code-execution', 'compiles Fortran with a shell tool chain and evaluates expressions (crackfortran)', ['numpy.f2py', 'numpy.distutils']),
  ghsa('numpy.f2py.crackfortran.getlincoef', 'code-execution', 'evaluates its expression argument', 'GHSA-r8g5-cgf2-4m4m'),
  ...mods('code-execution', 'runs code strings (runstring exec()s its argument)', ['numpy.testing']),
  ...fns('code-execution', 'exec()s its argument', ['numpy.testing._private.utils.runstring']),
  ...fns('code-execution', 'registers a callable to run later at exit or on collection', ['weakref.finalize']),
  ...mods('code-execution', 'runs registered callables at interpreter exit', ['atexit']),

  // ---- debuggers and profilers: they run code strings -----------------------------------------
  ...mods('debugger-exec', 'runs a code string under a debugger, profiler or tracer', [
    'bdb', 'pdb', 'profile', 'cProfile', 'trace', 'timeit', 'torch.utils.bottleneck']),
  ghsa('bdb.Bdb.run', 'debugger-exec', 'executes its command string'),
  ghsa('cProfile.run', 'debugger-exec', 'executes its command string', 'GHSA-49gj-c84q-6qm9'),
  ghsa('cProfile.runctx', 'debugger-exec', 'executes its command string', 'GHSA-9w88-8rmg-7g2p'),
  ghsa('profile.run', 'debugger-exec', 'executes its command string', 'GHSA-7wx9-6375-f5wh'),
  ghsa('profile.Profile.run', 'debugger-exec', 'executes its command string', 'GHSA-x696-vm39-cp64'),
  ghsa('profile.Profile.runctx', 'debugger-exec', 'executes its command string', 'GHSA-6vqj-c2q5-j97w'),
  ghsa('trace.Trace.run', 'debugger-exec', 'executes its command string', 'GHSA-5qwp-399c-mjwf'),
  ghsa('trace.Trace.runctx', 'debugger-exec', 'executes its command string', 'GHSA-g344-hcph-8vgg'),
  ghsa('torch.utils.bottleneck.__main__.run_cprofile', 'debugger-exec', 'executes its code argument', 'GHSA-4r9r-ch6f-vxmx'),
  ghsa('torch.utils.bottleneck.__main__.run_autograd_prof', 'debugger-exec', 'executes its code argument', 'GHSA-4whj-rm5r-c2v8'),

  // ---- import machinery and package installers ------------------------------------------------
  ...mods('import-machinery', 'imports or loads modules and code by name or path', [
    'importlib', 'imp', 'pkgutil', 'zipimport', 'pkg_resources', 'importlib_metadata', 'importlib_resources']),
  ...mods('import-machinery', 'exposes sys.modules, exit, settrace/setprofile and the import path', ['sys']),
  ...mods('import-machinery', 'adds site directories, whose .pth files are executed', ['site']),
  ghsa('pkgutil.resolve_name', 'import-machinery', 'imports any object by dotted name (a universal trampoline)', 'GHSA-vvpj-8cmc-gx39'),
  ...fns('import-machinery', 'imports any module by name', ['importlib.import_module']),
  ...mods('shell', 'installs packages and runs their build scripts', [
    'pip', 'ensurepip', 'venv', 'setuptools', '_distutils_hack', 'distutils', 'virtualenv']),
  ghsa('pip.main', 'shell', 'installs (and runs the setup code of) any package', 'CVE-2025-1716'),
  ghsa('ensurepip._run_pip', 'shell', 'runs pip with the given arguments', 'GHSA-xp4f-hrf8-rxw7'),
  ghsa('distutils.file_util.write_file', 'filesystem', 'writes any file', 'GHSA-m273-6v24-x4m4'),

  // ---- native code ----------------------------------------------------------------------------
  ...mods('native-code', 'loads native libraries and calls raw memory (CDLL, cast, pythonapi)', [
    'ctypes', 'numpy.ctypeslib', 'mmap', 'faulthandler', 'resource', 'winreg', 'msvcrt']),
  ...fns('native-code', 'wraps any process memory address as a buffer (reads or crashes on what the pickle names)', [
    'pyarrow.lib.foreign_buffer']),
  ...fns('filesystem', 'opens, maps or creates a file or stream at any path', [
    'pyarrow.lib.output_stream', 'pyarrow.lib.input_stream', 'pyarrow.lib.OSFile', 'pyarrow.lib.memory_map',
    'pyarrow.lib.create_memory_map', 'pyarrow.lib.MemoryMappedFile']),
  ...mods('network', 'reaches local, cloud or remote file systems and Flight servers', ['pyarrow.fs', 'pyarrow._fs', 'pyarrow._s3fs',
    'pyarrow._gcsfs', 'pyarrow._hdfs', 'pyarrow._azurefs', 'pyarrow.flight', 'pyarrow._flight']),
  ghsa('ctypes.CDLL', 'native-code', 'loads a shared library and calls into it', 'GHSA-4675-36f9-wf6r'),
  ...fns('native-code', 'loads a shared library into the process', [
    'torch.ops.load_library', 'torch._ops.ops.load_library', 'torch.classes.load_library']),

  // ---- deserialisers: a nested loader runs a second, unscanned payload --------------------------
  ...mods('deserialization', 'unpickles data (load, loads, Unpickler), running any code it names', ['pickle', 'shelve', 'dbm', 'jsonpickle']),
  ...fns('deserialization', 'deserialises a nested payload, which can run code', [
    'joblib.load', 'joblib.numpy_pickle.load', 'sklearn.externals.joblib.load',
    'sklearn.externals.joblib.numpy_pickle.load', 'torch.load', 'torch.serialization.load',
    'torch.serialization._load', 'torch.storage._load_from_bytes', 'torch.export.load',
    'numpy.load', 'numpy.lib.npyio.load', 'numpy.lib.format.read_array', 'pandas.read_pickle',
    'pandas.io.pickle.read_pickle', 'yaml.load', 'yaml.unsafe_load', 'yaml.full_load', 'yaml.load_all',
    'yaml.unsafe_load_all', 'yaml.Loader', 'yaml.UnsafeLoader', 'yaml.FullLoader', 'keras.models.load_model',
    'keras.saving.load_model', 'tensorflow.keras.models.load_model', 'mlflow.pyfunc.load_model',
    'mlflow.sklearn.load_model', 'mlflow.pytorch.load_model', 'skops.io.load',
    // spaCy's helper around its vendored cloudpickle (srsly/_pickle_api.py); the knowledge base also reaches
    // it now that the generator pairs srsly/cloudpickle's `load, loads = pickle.load, pickle.loads`
    'srsly.pickle_loads', 'srsly._pickle_api.pickle_loads']),
  // Keras 3 keeps its loaders under keras.src (keras.saving re-exports them); a positional safe_mode=False
  // (load_model's 4th argument, deserialize_keras_object's 3rd) lets a Lambda layer's bytecode run.
  ...fns('deserialization', 'loads a Keras model or object whose config can carry code (Lambda layers, safe_mode off)', [
    'keras.src.saving.saving_lib.load_model', 'keras.src.saving.saving_api.load_model',
    'keras.src.legacy.saving.legacy_h5_format.load_model_from_hdf5', 'keras.src.saving.serialization_lib.deserialize_keras_object',
    'keras.saving.deserialize_keras_object', 'keras.models.model_from_json', 'keras.src.models.model.model_from_json',
    'tf_keras.models.load_model', 'tf_keras.saving.load_model']),
  ...fns('filesystem', 'writes a file at any path', [
    'torch.save', 'torch.serialization.save', 'numpy.save', 'numpy.savez', 'numpy.savez_compressed',
    'numpy.savetxt', 'numpy.ndarray.tofile', 'numpy.memmap', 'numpy.lib.format.open_memmap', 'joblib.dump',
    'torch.from_file', 'torch.UntypedStorage.from_file', 'torch.storage.UntypedStorage.from_file',
    'torch.storage.TypedStorage.from_file']),
  // Writers whose write is native code the knowledge base cannot follow: torchvision.io's write_* call
  // torch.ops.image (C++), save_image goes through PIL, and scipy's mmwrite through _fast_matrix_market (C++).
  // Each takes the path and the bytes from its caller: a pickle writes ~/.bashrc or a .pth file with them.
  ...fns('filesystem', 'writes a file at the path it is given', [
    'torchvision.io.write_file', 'torchvision.io.image.write_file', 'torchvision.io.write_png', 'torchvision.io.image.write_png',
    'torchvision.io.write_jpeg', 'torchvision.io.image.write_jpeg', 'torchvision.io.write_video', 'torchvision.io.video.write_video',
    'torchvision.utils.save_image', 'scipy.io.mmwrite', 'scipy.io._fast_matrix_market.mmwrite', 'scipy.io._mmio.mmwrite',
    // the C++ op itself, reached as GLOBAL torch ops.image.write_file (pickle resolves dotted names by getattr)
    'torch.ops.image.write_file']),

  // ---- operator / functools trampolines ----------------------------------------------------------
  ghsa('operator.attrgetter', 'reflection', 'builds a getter for any attribute path (reaches os.system from a module)', 'GHSA-46h3-79wf-xr6c'),
  ghsa('operator.methodcaller', 'reflection', 'calls any named method of its argument', 'GHSA-955r-x9j8-7rhh', 'GHSA-84r2-jw7c-4r5q'),
  ...fns('reflection', 'reads or writes any item of a mapping such as a module __dict__ or sys.modules', [
    'operator.itemgetter', 'operator.getitem', 'operator.setitem', 'operator.delitem',
    'operator.__getitem__', 'operator.__setitem__', 'operator.__delitem__']),
  ...fns('trampoline', 'calls the callable it is given', ['operator.call', 'operator.__call__']),
  ...fns('trampoline', 'binds or repeatedly calls the callable it is given, with keyword arguments pickle cannot pass', [
    'functools.partial', 'functools.partialmethod', 'functools.reduce']),
  ...fns('import-machinery', 'rewrites the copyreg extension registry that EXT opcodes and reducers consult', [
    'copyreg.add_extension', 'copyreg.remove_extension', 'copyreg.clear_extension_cache', 'copyreg.pickle']),

  // ---- filesystem ---------------------------------------------------------------------------------
  ...mods('filesystem', 'copies, moves, deletes or unpacks files and directory trees', ['shutil']),
  ...mods('filesystem', 'creates files and directories', ['tempfile', 'zipapp']),
  ...mods('filesystem', 'lists or reads files on disk', ['glob', 'fileinput', 'filecmp', 'linecache', 'readline']),
  ghsa('linecache.getline', 'filesystem', 'reads any file on disk'),
  ...mods('filesystem', 'extracts archives (path traversal) and writes files', ['tarfile', 'zipfile']),
  ...mods('filesystem', 'opens or creates database files', ['sqlite3']),
  ...fns('filesystem', 'opens any file', [
    'io.open', 'io.open_code', 'io.FileIO', 'codecs.open', 'gzip.open', 'gzip.GzipFile', 'bz2.open',
    'bz2.BZ2File', 'lzma.open', 'lzma.LZMAFile', 'tokenize.open']),
  ...fns('filesystem', 'opens a file for writing (creates or truncates it)', [
    'logging.FileHandler', 'logging.basicConfig', 'pandas.DataFrame.to_pickle', 'pandas.DataFrame.to_csv']),
  ...mods('network', 'sends logs to files, sockets, SMTP or HTTP endpoints (listen() evaluates received config)', [
    'logging.handlers', 'logging.config']),
  ...fns('network', 'opens a socket that accepts configuration, which it then applies (code execution)', ['logging.config.listen']),
  ...mods('filesystem', 'reads and writes data files and URLs (read_*/to_*)', ['pandas.io']),
  ...fns('network', 'reads a file or URL (exfiltration or download)', [
    'pandas.read_csv', 'pandas.read_table', 'pandas.read_json', 'pandas.read_html', 'pandas.read_xml',
    'pandas.read_excel', 'pandas.read_parquet', 'pandas.read_feather', 'pandas.read_orc', 'pandas.read_hdf',
    'pandas.read_sql', 'pandas.read_sql_query', 'pandas.read_sql_table', 'pandas.read_fwf', 'pandas.read_sas',
    'pandas.read_spss', 'pandas.read_stata', 'pandas.read_clipboard', 'pandas.read_gbq',
    'numpy.loadtxt', 'numpy.genfromtxt', 'numpy.fromregex', 'numpy.DataSource']),
  ...mods('network', 'opens files and URLs for numpy readers', ['numpy.lib._datasource', 'numpy.lib.npyio']),
  ...mods('filesystem', 'reads and writes files through TensorFlow file systems', [
    'tensorflow.io', 'tensorflow.gfile', 'tensorflow.compat.v1.gfile', 'tensorflow.python.platform.gfile']),

  // ---- network ----------------------------------------------------------------------------------
  ...mods('network', 'opens network connections or servers', [
    'socket', 'ssl', 'select', 'selectors', 'socketserver', 'http', 'urllib.request', 'urllib.robotparser',
    'urllib3', 'requests', 'aiohttp', 'httpx', 'httplib2', 'pycurl', 'smtplib', 'smtpd', 'imaplib', 'poplib',
    'nntplib', 'ftplib', 'telnetlib', 'xmlrpc', 'wsgiref', 'asyncore', 'asynchat', 'paramiko', 'websocket',
    'websockets', 'huggingface_hub', 'boto3', 'botocore', 'gdown', 'wget', 'torch.hub', 'torch.distributed',
    'torchvision.datasets.utils', 'sklearn.datasets', 'xgboost.tracker', 'xgboost.collective', 'xgboost.rabit',
    'xgboost.federated', 'xgboost.dask', 'xgboost.spark', 'lightgbm.dask', 'docker']),
  ...fns('network', 'fetches a URL', [
    'urllib.urlopen', 'urllib.urlretrieve', 'urllib.URLopener', 'urllib.FancyURLopener',
    'keras.utils.get_file', 'tensorflow.keras.utils.get_file', 'torch.utils.model_zoo.load_url']),
  ghsa('ssl.get_server_certificate', 'network', 'connects to any host (DNS and TCP exfiltration)'),
  ...fns('network', 'downloads a model and may run its remote code', [
    'transformers.pipeline', 'transformers.pipelines.pipeline', 'datasets.load_dataset', 'datasets.load_from_disk']),

  // Not analysed by the knowledge base. hydra's instantiate/call import and call the `_target_` of the config
  // they are given (hydra/_internal/instantiate/_instantiate2.py); numexpr.evaluate compiled its expression with
  // eval before 2.8.5 (CVE-2023-39631) and still evaluates parts of it.
  ...fns('code-execution', 'imports and calls the _target_ named by the config it is given', [
    'hydra.utils.instantiate', 'hydra.utils.call', 'hydra._internal.instantiate._instantiate2.instantiate',
    'hydra._internal.instantiate._instantiate2.call']),
  { path: 'numexpr.evaluate', scope: 'member', category: 'code-execution', reason: 'evaluates an expression string', cve: ['CVE-2023-39631'] },
  { path: 'numexpr.necompiler.evaluate', scope: 'member', category: 'code-execution', reason: 'evaluates an expression string', cve: ['CVE-2023-39631'] },

  // ---- threads, signals, interpreter state ---------------------------------------------------------
  ...mods('process', 'starts threads or sub-interpreters that run callables', [
    'threading', '_thread', '_interpreters', '_xxsubinterpreters', 'interpreters', 'concurrent.interpreters']),
  ...mods('denial-of-service', 'installs signal handlers or signals processes', ['signal']),
  ...mods('reflection', 'walks every live object or frame (gc.get_objects, inspect.currentframe)', ['gc', 'inspect']),
  ...mods('environment', 'writes to the system log', ['syslog']),
  ...fns('debugger-exec', 'reads a password from the terminal (blocks the load)', ['getpass.getpass']),
];

/** Final attribute names that are dangerous wherever they are reached (six.exec_, X.system, ...).
 *  Matched on the last segment of any path; an exact safe entry or note can still carve one out. */
type AttrRule = { category: DangerCategory; reason: string };
const attrs = (category: DangerCategory, reason: string, names: string[]): [string, AttrRule][] =>
  names.map((n) => [n, { category, reason }]);

export const DANGEROUS_ATTRIBUTES: ReadonlyMap<string, AttrRule> = new Map([
  ...attrs('code-execution', 'is named like a code-execution primitive', [
    'eval', 'exec', 'exec_', 'execfile', 'run_path', 'run_module', '_run_code', '_run_module_code']),
  ...attrs('shell', 'is named like a shell or process primitive', [
    'system', 'popen', 'popen2', 'popen3', 'popen4', 'startfile', 'getoutput', 'getstatusoutput', 'check_output',
    'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe', 'execl', 'execle',
    'execlp', 'execlpe', 'execv', 'execve', 'execvp', 'execvpe', 'posix_spawn', 'posix_spawnp']),
  ...attrs('import-machinery', 'is named like an import or library loader', [
    '__import__', 'import_module', 'load_library', 'resolve_name']),
  ...attrs('filesystem', 'is named like a file read or write', [
    'from_file', 'tofile', 'to_pickle', 'read_pickle', 'write_text', 'write_bytes',
    // spaCy/thinc (Language, Doc, Vocab, Model) and HF datasets serialise to and from a path; the knowledge
    // base reads their Cython methods as silent and their Python ones call the writers through attributes
    'to_disk', 'from_disk', 'save_to_disk', 'load_from_disk']),
  ...attrs('network', 'is named like a download (and may run remote code)', [
    'from_pretrained', 'hf_hub_download', 'snapshot_download', 'urlopen', 'urlretrieve', 'load_state_dict_from_url',
    'download_url_to_file']),
]);

/** Attribute names that only an attribute-walk attack needs: they reach globals, builtins, classes,
 *  frames or code from a harmless object (numpy.__builtins__, X.__init__.__globals__, len.__self__). */
export const REFLECTION_ATTRIBUTES: ReadonlySet<string> = new Set([
  '__globals__', '__builtins__', '__subclasses__', '__dict__', '__class__', '__bases__', '__base__', '__mro__',
  '__code__', '__closure__', '__getattribute__', '__getattr__', '__setattr__', '__delattr__', '__import__',
  '__loader__', '__spec__', '__self__', '__func__', '__defaults__', '__kwdefaults__', '__reduce__',
  '__reduce_ex__', '__init_subclass__', '__subclasshook__', '__objclass__', '__wrapped__', '__traceback__',
  'f_globals', 'f_locals', 'f_builtins', 'f_back', 'f_code', 'tb_frame', 'gi_frame', 'cr_frame', 'ag_frame',
  'gi_code', 'co_code', 'func_globals',
]);
