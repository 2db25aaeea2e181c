// The pickle policy tables: every gadget the peers' bypass reports and the public corpus name is
// dangerous, real ML plumbing is safe, and dotted names, aliases and attribute walks cannot launder
// a dangerous callable through a harmless module.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyGlobal } from '../../src/engine/formats/pickle/policy';
import { DANGEROUS, DANGEROUS_ATTRIBUTES, REFLECTION_ATTRIBUTES } from '../../src/engine/formats/pickle/policy-dangerous';
import { NOTES, SAFE, SAFE_PREFIXES } from '../../src/engine/formats/pickle/policy-safe';

const split = (dotted: string): [string, string] => {
  const i = dotted.indexOf('|');
  return i >= 0 ? [dotted.slice(0, i), dotted.slice(i + 1)] : [dotted.slice(0, dotted.lastIndexOf('.')), dotted.slice(dotted.lastIndexOf('.') + 1)];
};
const level = (dotted: string) => classifyGlobal(...split(dotted)).level;

/** (module|name) pairs exactly as the malicious and broken corpus pickles import them (read with
 *  pickletools.genops from ../shared/corpus; no file was loaded). */
const CORPUS_MALICIOUS_GLOBALS = [
  '__builtin__|apply', '__builtin__|compile', '__builtin__|eval', '__builtin__|exec', '__builtin__|getattr',
  '__builtin__|globals', '_aix_support|_read_cmd_output', '_interpreters|create', '_io|FileIO', '_io|open',
  '_operator|attrgetter', '_operator|methodcaller', '_osx_support|_find_build_tool', '_osx_support|_read_output',
  '_pickle|loads', '_pyrepl.pager|pipe_pager', '_thread|allocate_lock', '_xxsubinterpreters|create',
  'aiohttp.client|ClientSession', 'asyncio.unix_events|_UnixSubprocessTransport._start', 'bdb|Bdb', 'bdb|Bdb.run',
  'builtins|__import__', 'builtins|eval', 'builtins|exec', 'builtins|getattr', 'cProfile|run', 'cProfile|runctx',
  'cloudpickle.cloudpickle|_builtin_type', 'cloudpickle.cloudpickle|_function_setstate',
  'cloudpickle.cloudpickle|_make_cell', 'cloudpickle.cloudpickle|_make_empty_cell',
  'cloudpickle.cloudpickle|_make_function', 'cloudpickle.cloudpickle|subimport', 'code|InteractiveInterpreter',
  'code|InteractiveInterpreter.runcode', 'ctypes|CDLL', 'ctypes|c_void_p', 'ctypes|cast', 'dill._dill|_create_code',
  'dill._dill|_create_function', 'distutils.file_util|write_file', 'doctest|debug_script', 'ensurepip|_run_pip',
  'ftplib|FTP', 'functools|partial', 'httplib|HTTPSConnection', 'idlelib.autocomplete|AutoComplete.fetch_completions',
  'idlelib.autocomplete|AutoComplete.get_entity', 'idlelib.calltip|Calltip.fetch_tip', 'idlelib.calltip|get_entity',
  'idlelib.debugobj|ObjectTreeItem.SetText', 'idlelib.pyshell|ModifiedInterpreter.runcode',
  'idlelib.pyshell|ModifiedInterpreter.runcommand', 'idlelib.run|Executive.runcode', 'imaplib|IMAP4',
  'imaplib|IMAP4_stream', 'importlib|import_module', 'io|FileIO', 'io|open', 'lib2to3.pgen2.grammar|Grammar.loads',
  'lib2to3.pgen2.pgen|ParserGenerator.make_label', 'linecache|getline', 'logging.config|listen',
  'logging|FileHandler', 'marshal|loads', 'multiprocessing.util|spawnv_passfds', 'nntplib|NNTP', 'nt|system',
  'numpy.distutils|dangerous', 'numpy.f2py.crackfortran|getlincoef', 'numpy.f2py|dangerous',
  'numpy.testing._private.utils|runstring', 'operator|attrgetter', 'operator|methodcaller', 'os|os', 'os|system',
  'pathlib|os.system', 'pdb|run', 'pickle|loads', 'pip|main', 'pkgutil|resolve_name', 'poplib|POP3', 'posix|system',
  'profile|Profile.run', 'profile|Profile.runctx', 'profile|run', 'pty|spawn', 'pydoc|locate', 'pydoc|pipepager',
  'requests.api|get', 'runpy|_run_code', 'runpy|run_path', 'smtplib|SMTP', 'socket|create_connection',
  'subprocess|Popen', 'subprocess|call', 'subprocess|run', 'sys|exit', 'telnetlib|Telnet',
  'test.support.script_helper|assert_python_ok', 'tests.test_pickle_scanner|__dict__', 'timeit|timeit',
  'torch._dynamo.guards|GuardBuilder.get', 'torch._dynamo|dangerous', 'torch._inductor.codecache|compile_file',
  'torch._inductor|dangerous', 'torch.compile|dangerous', 'torch.distributed.elastic.rendezvous.api|basichandlers',
  'torch.fx.experimental.symbolic_shapes|ShapeEnv.evaluate_guards_expression', 'torch.hub|dangerous',
  'torch.jit.unsupported_tensor_ops|execWrapper', 'torch.jit|dangerous', 'torch.serialization|load',
  'torch.storage|_load_from_bytes', 'torch.utils._config_module|ConfigModule',
  'torch.utils._config_module|ConfigModule.load_config', 'torch.utils.bottleneck.__main__|run_autograd_prof',
  'torch.utils.bottleneck.__main__|run_cprofile', 'torch.utils.collect_env|run',
  'torch.utils.collect_env|run_and_read_all', 'torch.utils.data.datapipes.utils.decoder|basichandlers',
  'torch|compile', 'torch|load', 'trace|Trace.run', 'trace|Trace.runctx', 'types|CodeType', 'types|FunctionType',
  'urllib.request|urlopen', 'uuid|_get_command_stdout', 'venv|create', 'zipimport|zipimporter',
  'torch._utils|__dict__', 'ssl|get_server_certificate', 'joblib|load', 'dill|loads', 'mailcap|findmatch',
];

/** Globals real tools write: pickletools over pickles made with Debian's torch 1.13, numpy 1.24,
 *  sklearn 1.2 (state_dicts, whole-module saves, forests, HGB, KNN trees, pipelines, vectorizers). */
const REAL_BENIGN_GLOBALS = [
  '__builtin__.bytes', '__builtin__.set', '__builtin__.slice', '__builtin__.xrange', '_codecs.encode',
  'argparse.Namespace', 'builtins.ValueError', 'builtins.bytearray', 'builtins.complex', 'builtins.list',
  'builtins.range', 'builtins.slice', 'builtins.dict', 'builtins.len', 'collections.Counter', 'collections.OrderedDict',
  'collections.defaultdict', 'collections.deque', 'datetime.date', 'datetime.datetime', 'datetime.timedelta',
  'datetime.timezone', 'decimal.Decimal', 'exceptions.ValueError', 'fractions.Fraction',
  'numpy.core.multiarray._reconstruct', 'numpy.core.multiarray.scalar', 'numpy.core.numeric._frombuffer',
  'numpy._core.multiarray._reconstruct', 'numpy.dtype', 'numpy.float64', 'numpy.ma.core.MaskedArray',
  'numpy.ma.core._mareconstruct', 'numpy.matrix', 'numpy.ndarray', 'numpy.random._pickle.__bit_generator_ctor',
  'numpy.random._pickle.__generator_ctor', 'numpy.random._pickle.__randomstate_ctor', 'pathlib.PosixPath',
  'pathlib.PurePosixPath', 're._compile', 'torch.Size', 'torch.device', 'torch.float32', 'uuid.UUID',
  'scipy.sparse._csr.csr_matrix', 'sklearn._loss._loss.CyHalfBinomialLoss',
  'sklearn._loss._loss.__pyx_unpickle_CyHalfBinomialLoss', 'sklearn._loss.link.Interval', 'sklearn._loss.link.LogitLink',
  'sklearn._loss.loss.HalfBinomialLoss', 'sklearn.cluster._kmeans.KMeans', 'sklearn.decomposition._pca.PCA',
  'sklearn.dummy.DummyClassifier', 'sklearn.ensemble._forest.RandomForestClassifier',
  'sklearn.ensemble._gb.GradientBoostingClassifier', 'sklearn.ensemble._gb_losses.BinomialDeviance',
  'sklearn.ensemble._hist_gradient_boosting.binning._BinMapper',
  'sklearn.ensemble._hist_gradient_boosting.gradient_boosting.HistGradientBoostingClassifier',
  'sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor', 'sklearn.ensemble._iforest.IsolationForest',
  'sklearn.feature_extraction.text.TfidfTransformer', 'sklearn.feature_extraction.text.TfidfVectorizer',
  'sklearn.linear_model._logistic.LogisticRegression', 'sklearn.metrics._dist_metrics.EuclideanDistance',
  'sklearn.metrics._dist_metrics.newObj', 'sklearn.metrics._scorer._passthrough_scorer',
  'sklearn.model_selection._search.GridSearchCV', 'sklearn.neighbors._ball_tree.BallTree',
  'sklearn.neighbors._ball_tree.newObj', 'sklearn.neighbors._classification.KNeighborsClassifier',
  'sklearn.neighbors._kd_tree.KDTree', 'sklearn.neighbors._kd_tree.newObj', 'sklearn.pipeline.Pipeline',
  'sklearn.preprocessing._data.StandardScaler', 'sklearn.preprocessing._encoders.OneHotEncoder',
  'sklearn.preprocessing._label.LabelEncoder', 'sklearn.svm._classes.SVC', 'sklearn.tree._classes.DecisionTreeClassifier',
  'sklearn.tree._classes.DecisionTreeRegressor', 'sklearn.tree._classes.ExtraTreeRegressor', 'sklearn.tree._tree.Tree',
  'torch.BFloat16Storage', 'torch.FloatStorage', 'torch.HalfStorage', 'torch.LongStorage', 'torch.QInt8Storage',
  'torch.UntypedStorage', 'torch._utils._rebuild_parameter', 'torch._utils._rebuild_qtensor',
  'torch._utils._rebuild_sparse_tensor', 'torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter_with_state', 'torch._utils._rebuild_device_tensor_from_numpy',
  'torch._utils._rebuild_nested_tensor', 'torch._utils._rebuild_meta_tensor_no_storage',
  'torch._utils._rebuild_wrapper_subclass', 'torch.nn.modules.activation.ReLU', 'torch.nn.modules.batchnorm.BatchNorm2d',
  'torch.nn.modules.container.Sequential', 'torch.nn.modules.conv.Conv2d', 'torch.nn.modules.dropout.Dropout',
  'torch.nn.modules.flatten.Flatten', 'torch.nn.modules.linear.Linear', 'torch.nn.modules.normalization.LayerNorm',
  'torch.nn.modules.rnn.LSTM', 'torch.nn.modules.sparse.Embedding', 'torch.nn.parameter.Parameter',
  'torch.per_tensor_affine', 'torch.serialization._get_layout', 'torch.Tensor', 'joblib.numpy_pickle.NumpyArrayWrapper',
  'joblib.numpy_pickle.NDArrayWrapper', 'joblib.numpy_pickle.ZNDArrayWrapper', 'xgboost.sklearn.XGBClassifier',
  'xgboost.core.Booster', 'lightgbm.sklearn.LGBMClassifier', 'lightgbm.basic.Booster', '__future__.annotations',
  'ast.parse', 'copyreg._reconstructor', 'copy_reg._reconstructor', 'enum.Enum', 'types.SimpleNamespace',
  'transformers.models.bert.configuration_bert.BertConfig', 'transformers.trainer_utils.IntervalStrategy',
  'tokenizers.AddedToken', 'torch.jit._pickle.build_intlist', 'torch.jit._pickle.restore_type_tag', '__torch__.TinyNet',
  '__torch__.torch.nn.modules.linear.___torch_mangle_0.Linear',
];

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const corpusPresent = existsSync(join(CORPUS, 'labels.tsv'));

/** Dotted gadget names in the corpus technique column (malicious pickles; broken ones that name a
 *  dangerous GLOBAL or a synthetic name under a dangerous module). File names and decoys skipped. */
function corpusTechniqueGadgets(): { file: string; gadget: string }[] {
  const rows = readFileSync(join(CORPUS, 'labels.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
  const out: { file: string; gadget: string }[] = [];
  for (const [file = '', label = '', technique = ''] of rows) {
    if (!/\.(pkl|pickle|bin|pt|pth|npy|zip|7z)$/.test(file)) continue;
    const broken = label === 'broken' && /synthetic non-existent name|dangerous GLOBAL/.test(technique);
    if (label !== 'malicious' && !broken) continue;
    for (const m of technique.matchAll(/[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/g)) {
      const token = m[0];
      if (/\.(txt|pkl|pt|zip|json|pb|npy|h5|bin|7z|pickle)$/.test(token)) continue;
      if (technique.slice(m.index! + token.length).startsWith(' decoy')) continue;
      out.push({ file, gadget: token });
    }
  }
  return out;
}

describe('pickle policy: dangerous gadgets', () => {
  it.each(CORPUS_MALICIOUS_GLOBALS)('corpus gadget %s is dangerous as the pickle imports it', (pair) => {
    const v = classifyGlobal(...split(pair));
    expect(v.level, v.reason).toBe('dangerous');
    expect(v.reason.length).toBeGreaterThan(10);
    expect(v.category).toBeTruthy();
  });

  it.skipIf(!corpusPresent)('every gadget named in the corpus technique column is dangerous however it is split', () => {
    const gadgets = corpusTechniqueGadgets();
    expect(gadgets.length).toBeGreaterThan(100);
    const misses: string[] = [];
    for (const { file, gadget } of gadgets) {
      const segs = gadget.split('.');
      for (let k = 1; k < segs.length; k++) {
        const v = classifyGlobal(segs.slice(0, k).join('.'), segs.slice(k).join('.'));
        if (v.level !== 'dangerous') misses.push(`${file}: ${segs.slice(0, k).join('.')} | ${segs.slice(k).join('.')} → ${v.level}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('aliases fold onto the canonical module: posix/nt → os, __builtin__ → builtins, _pickle → pickle', () => {
    for (const g of ['posix.system', 'nt.system', 'posixpath.os.system', '__builtin__.eval', '__builtins__.exec',
      'cPickle.loads', '_pickle.loads', '_operator.itemgetter', '_io.FileIO', 'commands.getoutput', 'copy_reg.add_extension',
      '_socket.socket', 'thread.start_new_thread', 'urllib2.urlopen', 'httplib.HTTPConnection']) {
      expect(level(g), g).toBe('dangerous');
    }
    expect(classifyGlobal('posix', 'system').reason).toMatch(/os/);
  });

  it('attribute walks inside the name reach the dangerous module: pathlib.os.system, shutil.os.system, random._os.system', () => {
    for (const [m, n] of [['pathlib', 'os.system'], ['shutil', 'os.popen'], ['random', '_os.system'],
      ['sklearn.base', 'sys.modules'], ['collections', 'os.path.os.system'], ['numpy', 'torch.load']] as const) {
      const v = classifyGlobal(m, n);
      expect(v.level, `${m}|${n}`).toBe('dangerous');
    }
    expect(classifyGlobal('pathlib', 'os.system').reason).toMatch(/attribute walk/);
  });

  it('reflection attributes make any path dangerous: numpy.__builtins__, len.__self__, rebuild.__globals__', () => {
    for (const [m, n] of [['numpy', '__builtins__'], ['builtins', 'len.__self__'], ['torch._utils', '_rebuild_tensor_v2.__globals__'],
      ['collections', 'OrderedDict.__init__.__globals__'], ['builtins', 'object.__subclasses__'], ['torch._utils', '__dict__']] as const) {
      const v = classifyGlobal(m, n);
      expect(v.level, `${m}|${n}`).toBe('dangerous');
      expect(v.category).toBe('reflection');
    }
  });

  it('synthetic names under dangerous modules or callables are dangerous (torch.hub.dangerous, torch.compile.x)', () => {
    for (const g of ['torch.hub.dangerous', 'torch._dynamo.dangerous', 'torch._inductor.dangerous', 'torch.jit.dangerous',
      'torch.compile.dangerous', 'numpy.f2py.dangerous', 'numpy.distutils.dangerous', 'os.system.__call__x']) {
      const [m, n] = split(g);
      expect(classifyGlobal(m, n).level, g).toBe('dangerous');
      expect(classifyGlobal(g.split('.')[0]!, g.split('.').slice(1).join('.')).level, g).toBe('dangerous');
    }
  });

  it('an attribute walk through a safe module to a dangerous one is not safe (__future__._ssl.RAND_bytes)', () => {
    const v = classifyGlobal('__future__', '_ssl.RAND_bytes');
    expect(v.level).toBe('dangerous');
    expect(classifyGlobal('__future__', 'annotations').level).toBe('safe');
  });

  it('dangerous entries carry their advisory ids (GHSA, CVE)', () => {
    expect(classifyGlobal('pip', 'main').cve).toContain('CVE-2025-1716');
    expect(classifyGlobal('idlelib.pyshell', 'ModifiedInterpreter.runcode').cve).toContain('GHSA-3gf5-cxq9-w223');
    expect(classifyGlobal('torch.utils.collect_env', 'run').cve).toEqual(expect.arrayContaining(['GHSA-f745-w6jp-hpxx', 'GHSA-jhph-76pp-mggw']));
    expect(classifyGlobal('_operator', 'attrgetter').cve).toContain('GHSA-46h3-79wf-xr6c');
    expect(classifyGlobal('uuid', '_get_command_stdout').cve).toContain('GHSA-g38g-8gr9-h9xp');
    expect(classifyGlobal('bdb', 'Bdb.run').cve).toBeUndefined();
  });

  it('names an execution primitive wherever it is reached: six.exec_, X.from_pretrained, torch storage from_file', () => {
    for (const g of ['six.exec_', 'future.utils.exec_', 'past.builtins.execfile', 'transformers.AutoModel.from_pretrained',
      'huggingface_hub.hf_hub_download', 'torch.FloatStorage.from_file', 'pathlib.Path.write_text', 'pandas.DataFrame.to_pickle']) {
      expect(level(g), g).toBe('dangerous');
    }
  });

  it('the universal trampolines and nested loaders are dangerous', () => {
    for (const g of ['pkgutil.resolve_name', 'importlib.import_module', 'importlib.util.spec_from_file_location',
      'operator.attrgetter', 'operator.methodcaller', 'operator.itemgetter', 'functools.partial', 'functools.reduce',
      'marshal.loads', 'types.CodeType', 'types.FunctionType', 'pickle.loads', 'dill.loads', 'dill._dill._load_type',
      'joblib.load', 'numpy.load', 'torch.load', 'torch.storage._load_from_bytes', 'yaml.unsafe_load',
      'builtins.getattr', 'builtins.setattr', 'builtins.delattr', 'builtins.globals', 'builtins.locals', 'builtins.vars',
      'builtins.input', 'builtins.breakpoint', 'builtins.open', '__builtin__.execfile', 'builtins.compile',
      'sys.modules', 'codeop.compile_command', 'sqlite3.connect', 'shelve.open', 'tarfile.open', 'zipfile.ZipFile',
      'tempfile.mktemp', 'shutil.rmtree', 'webbrowser.open', 'socket.socket', 'requests.get', 'urllib.request.urlretrieve',
      'http.client.HTTPConnection', 'ssl.get_server_certificate', 'multiprocessing.Process', 'ctypes.cdll',
      'logging.config.fileConfig', 'asyncio.create_subprocess_shell', 'torch.distributed.rpc.rpc_sync',
      'torch.fx.graph_module.reduce_graph_module', 'mlflow.projects.backend.local._run_entry_point', 'pandas.read_csv',
      'rlcompleter.Completer', 'jinja2.Template', 'gc.get_objects', 'inspect.currentframe', 'site.addsitedir']) {
      expect(level(g), g).toBe('dangerous');
    }
  });
});

describe('pickle policy: known-safe ML plumbing', () => {
  it.each(REAL_BENIGN_GLOBALS)('%s is safe', (g) => {
    const v = classifyGlobal(...split(g));
    expect(v.level, v.reason).toBe('safe');
    expect(v.category).toBe('ml-safe');
  });

  it.skipIf(!corpusPresent)('benign corpus globals named in the technique column are safe (builtins.len, _codecs.encode ...)', () => {
    const rows = readFileSync(join(CORPUS, 'labels.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t'));
    const named = rows.filter((r) => r[1] === 'benign').flatMap((r) => [...(r[2] ?? '').matchAll(/\(([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\)/g)].map((m) => m[1]!));
    expect(named).toEqual(expect.arrayContaining(['builtins.len', 'builtins.dict', '_codecs.encode', '__future__.annotations']));
    for (const g of named) expect(level(g), g).toBe('safe');
  });

  it('allowlisted names do not extend to what is reached through them', () => {
    expect(level('collections.OrderedDict.fromkeys')).toBe('unknown');
    expect(classifyGlobal('torch', 'FloatStorage.from_file').level).toBe('dangerous');
    expect(classifyGlobal('pathlib', 'PosixPath.write_bytes').level).toBe('dangerous');
    expect(classifyGlobal('torch._utils', '_rebuild_tensor_v2.x').level).toBe('unknown');
    expect(classifyGlobal('sklearn.tree._tree', 'Tree.foo').level).toBe('unknown');
  });

  it('prefix allowlists never let a dangerous name through', () => {
    for (const g of ['sklearn.utils._testing.TempMemmap', 'sklearn.datasets.fetch_openml', 'sklearn.externals.joblib.load',
      'xgboost.tracker.RabitTracker', 'transformers.dynamic_module_utils.get_class_from_dynamic_module',
      'torch.hub.Foo', 'torch.distributed.rpc.RemoteModule', 'torch.jit.ScriptModule']) {
      expect(level(g), g).toBe('dangerous');
    }
    for (const g of ['torch.nn.parallel.distributed.DistributedDataParallel', 'torch.utils.data.DataLoader',
      'torch.Tensor.add_', 'transformers.pipelines.base.Pipeline', 'transformers.models.bert.modeling_bert.BertModel']) {
      expect(level(g), g).not.toBe('safe');
    }
    // torch is not a prefix allowlist: an unlisted torch function stays unknown.
    expect(level('torch._C._set_print_stack_traces_on_fatal_signal')).toBe('unknown');
  });

  it('builtins: constructors and pure functions safe, type and higher-order helpers unknown, the rest dangerous', () => {
    for (const n of ['set', 'frozenset', 'bytearray', 'slice', 'complex', 'dict', 'list', 'tuple', 'int', 'float', 'str',
      'bytes', 'bool', 'range', 'object', 'len', 'abs', 'KeyError']) expect(level(`builtins.${n}`), n).toBe('safe');
    for (const n of ['type', 'map', 'filter', 'sorted', 'iter', 'next', 'super', 'print']) expect(level(`builtins.${n}`), n).toBe('unknown');
    for (const n of ['eval', 'exec', 'compile', 'getattr', 'setattr', 'delattr', '__import__', 'open', 'globals', 'locals',
      'vars', 'input', 'breakpoint', 'apply', 'help', 'exit']) {
      expect(level(`builtins.${n}`), n).toBe('dangerous');
      expect(level(`__builtin__.${n}`), n).toBe('dangerous');
      expect(level(`__builtins__.${n}`), n).toBe('dangerous');
    }
  });

  it('os.path pure functions are unknown (warned when called), not dangerous; the rest of os is dangerous', () => {
    for (const [m, n] of [['os.path', 'join'], ['posixpath', 'join'], ['ntpath', 'basename'], ['os', 'path.expanduser'],
      ['pathlib', 'os.path.join'], ['platform', 'system']] as const) {
      const v = classifyGlobal(m, n);
      expect(v.level, `${m}|${n}`).toBe('unknown');
      expect(v.reason).not.toMatch(/not on the/);
    }
    for (const g of ['os.remove', 'os.environ', 'os.path', 'os.path.os.system', 'os.putenv', 'os.kill']) expect(level(g), g).toBe('dangerous');
  });

  it('uuid.UUID is carved out of the dangerous uuid module; its command helpers are not', () => {
    expect(level('uuid.UUID')).toBe('safe');
    expect(level('uuid._popen')).toBe('dangerous');
    expect(level('uuid.getnode')).toBe('dangerous');
  });
});

describe('pickle policy: everything else', () => {
  it('an unlisted callable is unknown, with a reason naming it', () => {
    const v = classifyGlobal('mypackage.models', 'MyNet');
    expect(v).toMatchObject({ level: 'unknown' });
    expect(v.reason).toContain('mypackage.models.MyNet');
    expect(classifyGlobal('echo "x"', 'Foo').reason).toMatch(/identifier/);
  });

  it('a hostile 20 000-segment name is classified in linear time with a clipped reason', () => {
    const walk = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 'path' : 'os')).join('.');
    const t0 = performance.now();
    const v = classifyGlobal('collections', `${walk}.system`);
    const ms = performance.now() - t0;
    expect(v.level).toBe('dangerous');
    expect(v.reason.length).toBeLessThan(600);
    expect(ms).toBeLessThan(3000); // hang guard, not a speed target (bench has those)
    const harmless = Array.from({ length: 20_000 }, () => 'a').join('.');
    const t1 = performance.now();
    expect(classifyGlobal('collections', harmless).level).toBe('unknown');
    expect(performance.now() - t1).toBeLessThan(3000);
  });

  it('100 000 lookups over the real mix stay map lookups, not scans (hang guard)', () => {
    const mix = [...REAL_BENIGN_GLOBALS, ...CORPUS_MALICIOUS_GLOBALS.map((p) => p.replace('|', '.'))].map(split);
    const t0 = performance.now();
    let dangerous = 0;
    for (let i = 0; i < 100_000; i++) if (classifyGlobal(...mix[i % mix.length]!).level === 'dangerous') dangerous++;
    expect(dangerous).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('pickle policy: the tables themselves', () => {
  it('every entry has a reason; every dangerous path classifies dangerous, every safe path safe, every note unknown', () => {
    for (const e of DANGEROUS) {
      expect(e.reason.length, e.path).toBeGreaterThan(8);
      expect(e.path).toMatch(/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/);
      const v = classifyGlobal(e.path.split('.')[0]!, e.path.split('.').slice(1).join('.') || '_x');
      expect(v.level, e.path).toBe('dangerous');
    }
    for (const e of SAFE) {
      expect(e.reason.length, e.path).toBeGreaterThan(8);
      expect(level(e.path), e.path).toBe('safe');
    }
    for (const e of NOTES) expect(level(e.path), e.path).toBe('unknown');
    for (const r of SAFE_PREFIXES) expect(r.reason.length).toBeGreaterThan(8);
    for (const [n, a] of DANGEROUS_ATTRIBUTES) expect(a.reason.length, n).toBeGreaterThan(8);
    expect(REFLECTION_ATTRIBUTES.has('__globals__')).toBe(true);
  });

  it('table sizes', () => {
    const modules = DANGEROUS.filter((e) => e.scope === 'module').length;
    const members = DANGEROUS.length - modules;
    console.log(`pickle policy: ${modules} dangerous modules, ${members} dangerous members, ${DANGEROUS_ATTRIBUTES.size} dangerous attribute names, `
      + `${REFLECTION_ATTRIBUTES.size} reflection attributes, ${SAFE.length} safe entries, ${SAFE_PREFIXES.length} safe prefix rules, ${NOTES.length} notes`);
    expect(modules).toBeGreaterThan(100);
    expect(SAFE.length).toBeGreaterThan(200);
  });
});
