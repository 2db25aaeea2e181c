// The 2026-12 sweep (fixtures/real-2026-12, MANIFEST.md): files written by the real libraries with options
// and families no earlier group covered (pyarrow-backed pandas columns, pandas 3's default str dtype, joblib
// with every compressor, torchmetrics objects, quantized/sparse/complex/nested tensors, TorchScript,
// torch.export, lightning hparams of odd types, tokenizers with chat templates, keras 3, gguf, onnx external
// data, safetensors metadata). Benign ones must stay below WARNING; the two flagged ones are pinned to the
// finding they earn. Each false alarm the sweep fixed has its malicious look-alike here, built with the
// opcode assembler, which must stay flagged.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { alarms, checkManifestAndBenign, fixtureGroup } from '../helpers/fixture-group';
import { asm, type PickleAsm } from '../builders/pickle';
import { torchZip } from '../builders/pytorch';
import { gzipSync } from 'fflate';

const GROUP = fixtureGroup('real-2026-12');
const { manifest: MANIFEST, scanFile } = GROUP;
const scanBytes = (b: Uint8Array, name = 'frame.pkl') => scan(fromBytes(b, name));

checkManifestAndBenign(GROUP, 'real-2026-12');

describe('real-2026-12: ordinary files made by the real libraries, read in depth', () => {
  it('pandas frames with Arrow-backed columns are read as pickles that call pyarrow.lib (not skipped)', async () => {
    const r = await scanFile('benign/pandas/frame-arrow.pkl');
    expect(r.format).toBe('pickle');
    const calls = JSON.stringify(r.nodes) + JSON.stringify(r.findings);
    expect(alarms(r)).toEqual([]);
    expect(calls).not.toContain('non-allowlisted');
  });
});

describe('real-2026-12: files that are flagged on purpose', () => {
  it('a pickled torch.fx GraphModule is CRITICAL: reduce_graph_module exec()s the forward() source the pickle carries', async () => {
    const r = await scanFile('flagged/torch/fx-graphmodule.pt');
    expect(alarms(r)).toEqual([expect.stringMatching(/^critical pickle\/dangerous-call Pickle calls torch\.fx\.graph_module\.reduce_graph_module, which exec\(\)s/)]);
  });

  it('a lightning checkpoint whose hparams hold an Enum of the user\'s own package is one WARNING (the enum is a call of an unanalysed name)', async () => {
    const r = await scanFile('flagged/lightning/hparams-path-enum-dataclass.ckpt');
    expect(alarms(r)).toEqual(['warning pickle/non-allowlisted-call Pickle calls mypkg.config.Stage, which no analysed library defines and no reviewed list names']);
  });
});

// ---- malicious look-alikes of the fixed false alarms -----------------------------------------------------

/** pandas' ArrowStringArray as pandas 3 pickles it: NEWOBJ, then BUILD {'_pa_array': chunked_array([array])}. */
function arrowFrame(buffer: (a: PickleAsm) => PickleAsm): Uint8Array {
  const a = asm().proto(4);
  a.stackGlobal('pandas.core.arrays.string_arrow', 'ArrowStringArray').op('EMPTY_TUPLE').op('NEWOBJ');
  a.op('EMPTY_DICT').str('_pa_array');
  a.stackGlobal('pyarrow.lib', 'chunked_array');
  a.op('MARK').stackGlobal('pyarrow.lib', '_restore_array');
  a.op('MARK').stackGlobal('pyarrow.lib', 'type_for_alias').str('large_string').op('TUPLE1').op('REDUCE');
  a.int(3).int(0).int(0);
  a.op('MARK').op('NONE');
  a.stackGlobal('pyarrow.lib', 'py_buffer').bytes(new Uint8Array([0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0])).op('TUPLE1').op('REDUCE');
  buffer(a);
  a.op('LIST').op('EMPTY_LIST').op('NONE').op('TUPLE').op('TUPLE1').op('REDUCE');
  a.op('LIST').op('TUPLE1').op('REDUCE');
  a.op('SETITEM').op('BUILD').stop();
  return a.build();
}
const pyBuffer = (a: PickleAsm) => a.stackGlobal('pyarrow.lib', 'py_buffer').bytes(new Uint8Array([97, 98, 99])).op('TUPLE1').op('REDUCE');

describe('real-2026-12 attacks: pyarrow calls hidden in an Arrow-backed pandas column', () => {
  it('the assembled look-alike with py_buffer data (what pandas writes) stays below WARNING', async () => {
    expect(alarms(await scanBytes(arrowFrame(pyBuffer)))).toEqual([]);
  });

  it('a buffer made by pyarrow.lib.foreign_buffer(address, size) (reads any process memory) is CRITICAL', async () => {
    const b = arrowFrame((a) => a.stackGlobal('pyarrow.lib', 'foreign_buffer').op('MARK').int(0x7f000000).int(64).op('TUPLE').op('REDUCE'));
    expect(alarms(await scanBytes(b))).toEqual([expect.stringMatching(/^critical pickle\/dangerous-call Pickle calls pyarrow\.lib\.foreign_buffer/)]);
  });

  it('a buffer made by pyarrow.lib.output_stream(path) (creates a file) is CRITICAL', async () => {
    const b = arrowFrame((a) => a.stackGlobal('pyarrow.lib', 'output_stream').str('/home/user/.bashrc').op('TUPLE1').op('REDUCE'));
    expect(alarms(await scanBytes(b))).toEqual([expect.stringMatching(/^critical pickle\/dangerous-call Pickle calls pyarrow\.lib\.output_stream/)]);
  });

  it('a pyarrow file system (pyarrow.fs.S3FileSystem) in the column is CRITICAL', async () => {
    const b = arrowFrame((a) => a.stackGlobal('pyarrow._s3fs', 'S3FileSystem').op('EMPTY_TUPLE').op('REDUCE'));
    expect(alarms(await scanBytes(b))).toEqual([expect.stringMatching(/^critical pickle\/dangerous-call Pickle calls pyarrow\._s3fs\.S3FileSystem/)]);
  });
});

/** A torchmetrics metric as torch.save writes it: NEWOBJ, then BUILD with the metric's __dict__ (extra pairs first). */
function metric(extra: (a: PickleAsm) => PickleAsm, pad = 0): Uint8Array {
  const a = asm().proto(2);
  a.global('torchmetrics.classification.accuracy', 'MulticlassAccuracy').op('EMPTY_TUPLE').op('NEWOBJ');
  a.op('EMPTY_DICT').op('MARK');
  for (let i = 0; i < pad; i++) a.str(`_attr${i}`).int(i);
  a.str('training').op('NEWFALSE').str('num_classes').int(3).str('average').str('macro');
  extra(a);
  a.op('SETITEMS').op('BUILD').stop();
  return a.build();
}

describe('real-2026-12 attacks: torchmetrics Metric.__setstate__ fed a stand-in update', () => {
  it('the state Metric.__getstate__ writes (no update, compute or _update_signature) stays below WARNING', async () => {
    expect(alarms(await scanBytes(metric((a) => a), 'metrics.pkl'))).toEqual([]);
    // a 50-attribute metric (MulticlassAccuracy has 50) is read in full
    expect(alarms(await scanBytes(metric((a) => a, 47), 'metrics.pkl'))).toEqual([]);
  });

  it('a state that sets update (inspect.signature then reads the stand-in) is CRITICAL, naming the attribute', async () => {
    const b = metric((a) => a.str('update').global('torchmetrics.functional', 'accuracy'));
    expect(alarms(await scanBytes(b, 'metrics.pkl'))).toEqual([expect.stringMatching(
      /^critical pickle\/dangerous-call BUILD runs torchmetrics\.classification\.accuracy\.MulticlassAccuracy\.__setstate__, which calls inspect\.signature on its update attribute, and its state sets update/)]);
  });

  it('a state too large to read in full (update hidden after 70 attributes) is CRITICAL, not assumed clean', async () => {
    const b = metric((a) => a.str('update').global('torchmetrics.functional', 'accuracy'), 70);
    expect(alarms(await scanBytes(b, 'metrics.pkl'))).toEqual([expect.stringMatching(/state is not a plain dict of attributes the scanner could read in full/)]);
  });
});

describe('real-2026-12 attacks: copyreg._reconstructor runs base.__init__(obj, state)', () => {
  it('_reconstructor(argparse.Namespace, subprocess.Popen, \'id\') is a CRITICAL call of subprocess.Popen', async () => {
    const b = asm().proto(2).global('copyreg', '_reconstructor').op('MARK').global('argparse', 'Namespace')
      .global('subprocess', 'Popen').str('id').op('TUPLE').op('REDUCE').stop().build();
    const r = await scanBytes(b, 'state.pkl');
    expect(alarms(r)).toContain('critical pickle/dangerous-call Pickle calls subprocess.Popen through copyreg._reconstructor '
      + '(its base, whose __init__ runs on the state): subprocess starts processes and shell commands'
      + ' (path: subprocess.Popen → subprocess.Popen.__init__ → subprocess.Popen._execute_child → _posixsubprocess.fork_exec)');
  });

  it('the shapes protocol 0/1 write (base object, or a builtin container such as dict) stay below WARNING', async () => {
    for (const base of [['__builtin__', 'object'], ['__builtin__', 'dict'], ['builtins', 'list']] as const) {
      const b = asm().global('copy_reg', '_reconstructor').op('MARK').global('argparse', 'Namespace')
        .global(base[0], base[1]).op('NONE').op('TUPLE').op('REDUCE').stop().build();
      expect(alarms(await scanBytes(b, 'state.pkl')), base.join('.')).toEqual([]);
    }
  });
});

describe('real-2026-12 attacks: Keras 3 loaders under keras.src', () => {
  it('keras.src.saving.saving_lib.load_model(path, None, True, False) (safe_mode off) is CRITICAL', async () => {
    const b = asm().proto(2).global('keras.src.saving.saving_lib', 'load_model').op('MARK').str('/tmp/evil.keras')
      .op('NONE').op('NEWTRUE').op('NEWFALSE').op('TUPLE').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(b, 'model.pkl'))).toEqual([expect.stringMatching(
      /^critical pickle\/dangerous-call Pickle calls keras\.src\.saving\.saving_lib\.load_model, which loads a Keras model/)]);
  });
});

/** getattr(<module>.<cls>, attr)(*args): how pyarrow pickles an extension array's type (ExtensionType.__reduce__). */
function lookupCall(module: string, cls: string, attr: string, arg: string): Uint8Array {
  return asm().proto(4).stackGlobal('builtins', 'getattr').stackGlobal(module, cls).str(attr).op('TUPLE2').op('REDUCE')
    .str(arg).op('TUPLE1').op('REDUCE').stop().build();
}

describe('real-2026-12 attacks: the __arrow_ext_deserialize__ lookup pyarrow extension types pickle with', () => {
  it('pandas\' own ArrowPeriodType.__arrow_ext_deserialize__ stays below WARNING', async () => {
    const b = lookupCall('pandas.core.arrays.arrow.extension_types', 'ArrowPeriodType', '__arrow_ext_deserialize__', '{"freq": "M"}');
    expect(alarms(await scanBytes(b, 'period.pkl'))).toEqual([]);
  });

  it('the same lookup on subprocess.Popen stays CRITICAL', async () => {
    const r = await scanBytes(lookupCall('subprocess', 'Popen', '__arrow_ext_deserialize__', 'id'), 'period.pkl');
    expect(alarms(r).some((a) => a.startsWith('critical pickle/dangerous-call'))).toBe(true);
  });

  it('the same lookup on a class no analysed library defines is a WARNING, not silent', async () => {
    const r = await scanBytes(lookupCall('evilpkg.types', 'Thing', '__arrow_ext_deserialize__', 'x'), 'period.pkl');
    expect(alarms(r)).toEqual([expect.stringMatching(/^warning pickle\/non-allowlisted-call Pickle calls evilpkg\.types\.Thing\.__arrow_ext_deserialize__/)]);
  });

  it('another dunder read the same way (__reduce_ex__, __init__) keeps getattr CRITICAL', async () => {
    for (const attr of ['__reduce_ex__', '__init__']) {
      const r = await scanBytes(lookupCall('pandas.core.arrays.arrow.extension_types', 'ArrowPeriodType', attr, 'x'), 'period.pkl');
      expect(alarms(r).some((a) => a.startsWith('critical')), attr).toBe(true);
    }
  });
});

/** A pickle whose BUILD state is one bytes constant: `prefix` (a serialiser's own framing), then `inner`. */
function framedState(prefix: Uint8Array, inner: Uint8Array): Uint8Array {
  const data = new Uint8Array([...prefix, ...inner, 0x00, 0x01]);
  return asm().proto(4).stackGlobal('polars.lazyframe.frame', 'LazyFrame').op('EMPTY_TUPLE').op('NEWOBJ')
    .bytes(data).op('BUILD').stop().build();
}
const PLAN_PREFIX = new TextEncoder().encode('POLARS_PLAN\u0018\u0000\u0000\u0000AnonymousFunction\u0091\u0081PLPYFN\u0094\u0081');

describe('real-2026-12 attacks: a pickle inside a serialiser\'s own bytes (polars plans carry UDFs as cloudpickles)', () => {
  it('a posix.system pickle after a polars-like plan header in BUILD bytes is found and CRITICAL', async () => {
    const inner = asm().proto(4).stackGlobal('posix', 'system').str('echo pwned').op('TUPLE1').op('REDUCE').stop().build();
    const r = await scanBytes(framedState(PLAN_PREFIX, inner), 'lazy.pkl');
    expect(alarms(r)).toContainEqual(expect.stringMatching(new RegExp(`^warning pickle/nested-pickle A bytes constant at \\d+ holds a pickle at its byte ${PLAN_PREFIX.length} `)));
    const hit = r.findings.find((f) => f.ruleId === 'pickle/dangerous-call');
    expect(hit?.severity).toBe('critical');
    expect(hit?.message).toContain('posix.system');
  });

  it('the real polars LazyFrame with a map_elements lambda (flagged/polars/lazy-udf.pkl) is CRITICAL: its plan carries the lambda\'s bytecode', async () => {
    const r = await scanFile('flagged/polars/lazy-udf.pkl');
    expect(alarms(r).some((a) => a.startsWith('critical pickle/code-object Pickle builds code with cloudpickle.cloudpickle._make_function'))).toBe(true);
  });

  it('bytes with stray 0x80 0x02..0x05 pairs but no pickle (array data) raise nothing', async () => {
    const noise = new Uint8Array(4096);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 73 + 11) & 0xff;
    for (let i = 100; i < 4000; i += 97) { noise[i] = 0x80; noise[i + 1] = 2 + (i % 4); }
    const b = asm().proto(4).stackGlobal('numpy.core.multiarray', '_reconstruct').stackGlobal('numpy', 'ndarray').int(0).op('TUPLE1')
      .bytes(new Uint8Array([98])).op('TUPLE3').op('REDUCE')
      .op('MARK').int(1).int(4096).op('TUPLE1').stackGlobal('numpy', 'dtype').str('u1').op('NEWFALSE').op('NEWTRUE').op('TUPLE3').op('REDUCE')
      .op('NEWFALSE').bytes(noise).op('TUPLE').op('BUILD').stop().build();
    const r = await scanBytes(b, 'array.pkl');
    expect(alarms(r)).toEqual([]);
  });
});

describe('real-2026-12 attacks: a torch.save archive kept as bytes inside a pickle', () => {
  /** {'model_bytes': <torch.save(...) written to a BytesIO>, 'name': 'm'} at protocol 4. */
  const holderOf = (zip: Uint8Array) => {
    const a = asm().proto(4).op('EMPTY_DICT').op('MARK').str('model_bytes').bytes(zip).str('name').str('m').op('SETITEMS').stop();
    return a.build();
  };
  it('a benign archive (an empty state dict) is scanned as a pytorch child and stays below WARNING', async () => {
    const r = await scanBytes(holderOf(torchZip()), 'bundle.pkl');
    expect(alarms(r)).toEqual([]);
    expect(r.nodes.some((n) => n.format === 'pytorch' && n.path.at(-1)!.startsWith('<const@'))).toBe(true);
  });

  it('an archive whose data.pkl calls builtins.eval is CRITICAL inside the bytes (before: not looked at)', async () => {
    const evil = asm().proto(2).global('__builtin__', 'eval').str("print('pwned')").op('TUPLE1').op('REDUCE').stop().build();
    const r = await scanBytes(holderOf(torchZip({ dataPkl: evil })), 'bundle.pkl');
    const hit = r.findings.find((f) => f.ruleId === 'pickle/dangerous-call');
    expect(hit?.severity).toBe('critical');
    expect(hit?.location.path.some((p) => p.startsWith('<const@'))).toBe(true);
  });
});

describe('real-2026-12 attacks: inspect.signature is no longer read as code execution, what calls eval still is', () => {
  /** SelectKBest(score_func=<module.name>) as pickle writes a fitted selector: NEWOBJ, then BUILD. */
  const selector = (module: string, name: string) => asm().proto(4)
    .stackGlobal('sklearn.feature_selection._univariate_selection', 'SelectKBest').op('EMPTY_TUPLE').op('NEWOBJ')
    .op('EMPTY_DICT').op('MARK').str('score_func').stackGlobal(module, name).str('k').int(2).op('SETITEMS').op('BUILD').stop().build();

  it('SelectKBest(mutual_info_classif) stays below WARNING (its path to eval ran through inspect.signature)', async () => {
    expect(alarms(await scanBytes(selector('sklearn.feature_selection._mutual_info', 'mutual_info_classif'), 'fs.pkl'))).toEqual([]);
  });

  it('SelectKBest(score_func=builtins.eval) is CRITICAL', async () => {
    const r = await scanBytes(selector('builtins', 'eval'), 'fs.pkl');
    expect(alarms(r).some((a) => a.startsWith('critical pickle/dangerous-call BUILD stores builtins.eval'))).toBe(true);
  });

  it('a pickle that calls inspect.get_annotations(obj, None, None, True) or inspect._signature_fromstr directly is still flagged', async () => {
    const ga = asm().proto(4).stackGlobal('inspect', 'get_annotations').op('MARK').stackGlobal('argparse', 'Namespace')
      .op('NONE').op('NONE').op('NEWTRUE').op('TUPLE').op('REDUCE').stop().build();
    const fs = asm().proto(4).stackGlobal('inspect', '_signature_fromstr').op('MARK').stackGlobal('inspect', 'Signature')
      .op('NONE').str("(a=__import__('os').system('id'))").op('TUPLE').op('REDUCE').stop().build();
    for (const b of [ga, fs]) {
      const r = await scanBytes(b, 'sig.pkl');
      expect(alarms(r).length, JSON.stringify(alarms(r))).toBeGreaterThan(0);
    }
  });
});

describe('real-2026-12 attacks: a compressed pickle kept as bytes ({"blob": gzip.compress(pickle.dumps(x))})', () => {
  const holderOf = (blob: Uint8Array) => asm().proto(4).op('EMPTY_DICT').op('MARK').str('blob').bytes(blob).str('note').str('cache')
    .op('SETITEMS').stop().build();
  const gz = (b: Uint8Array) => gzipSync(b, { mtime: 0 });

  it('a gzip of a posix.system pickle is inflated and CRITICAL (before: not looked at)', async () => {
    const inner = asm().proto(4).stackGlobal('posix', 'system').str('echo pwned').op('TUPLE1').op('REDUCE').stop().build();
    const r = await scanBytes(holderOf(gz(inner)), 'cache.pkl');
    const hit = r.findings.find((f) => f.ruleId === 'pickle/dangerous-call');
    expect(hit?.severity).toBe('critical');
    expect(hit?.message).toContain('posix.system');
  });

  it('a gzip of a plain pickle is the nested-pickle WARNING only (as zlib is); gzip of text, or bytes that only start like gzip, raise nothing', async () => {
    const plain = asm().proto(4).op('EMPTY_DICT').str('lr').int(3).op('SETITEM').stop().build();
    expect(alarms(await scanBytes(holderOf(gz(plain)), 'cache.pkl'))).toEqual([expect.stringMatching(/^warning pickle\/nested-pickle A gzip constant at \d+ holds a pickle/)]);
    const fake = new Uint8Array(700);
    for (let i = 0; i < fake.length; i++) fake[i] = (i * 151 + 7) & 0xff;
    fake.set([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]);
    expect(alarms(await scanBytes(holderOf(fake), 'weights.pkl'))).toEqual([]);
    expect(alarms(await scanBytes(holderOf(gz(new TextEncoder().encode('epoch,loss\n1,0.5\n2,0.25\n'.repeat(20)))), 'cache.pkl'))).toEqual([]);
  });
});
