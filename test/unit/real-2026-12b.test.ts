// The second 2026-12 sweep (fixtures/real-2026-12b, MANIFEST.md): files written by library families no
// earlier group covered (spaCy, HF datasets, sentence-transformers, PyTorch Geometric, scikit-image, shap,
// pydantic, attrs, sympy, arviz, flax/jax/optax/orbax, Keras 3 objects in pickles). Benign ones must stay
// below WARNING; the flagged ones are pinned to the finding they earn. Each false alarm the sweep fixed has
// its malicious look-alike here, built with the opcode assembler, which must stay flagged.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { alarms, checkManifestAndBenign, fixtureGroup } from '../helpers/fixture-group';
import { asm, type PickleAsm } from '../builders/pickle';

const GROUP = fixtureGroup('real-2026-12b');
const { manifest: MANIFEST, scanFile } = GROUP;
const scanBytes = (b: Uint8Array, name = 'state.pkl') => scan(fromBytes(b, name));

checkManifestAndBenign(GROUP, 'real-2026-12b');

describe('real-2026-12b: ordinary files made by the real libraries, read in depth', () => {
  it('the pickled spaCy pipeline is read in full: its vocab\'s nested pickle is scanned as a child (INFO, not skipped)', async () => {
    const r = await scanFile('benign/spacy/nlp-textcat.pkl');
    expect(r.format).toBe('pickle');
    expect(r.nodes.some((n) => n.path.length === 2 && n.format === 'pickle')).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'pickle/nested-pickle').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('real-2026-12b: files that are flagged on purpose', () => {
  const rules = async (rel: string) => [...new Set((await scanFile(rel)).findings
    .filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning).map((f) => `${f.severity} ${f.ruleId}`))].sort();

  it('torch.save of whole PyG layers is CRITICAL: MessagePassing.__setstate__ renders the pickled signature into source and imports it', async () => {
    const r = await scanFile('flagged/torch_geometric/gcn-whole.pt');
    expect(alarms(r)).toContain('critical pickle/dangerous-call BUILD runs torch_geometric.nn.conv.gcn_conv.GCNConv.__setstate__, which reaches code execution '
      + '(path: torch_geometric.nn.conv.gcn_conv.GCNConv.__setstate__ → torch_geometric.nn.conv.message_passing.MessagePassing.__setstate__ → '
      + 'torch_geometric.nn.conv.message_passing.MessagePassing._set_jittable_templates → torch_geometric.template.module_from_template)');
    expect(await rules('flagged/torch_geometric/gcn-whole.pt')).toEqual(['critical pickle/dangerous-call']);
  });

  it('the PyG attack (a GCNConv whose type_repr holds a shell call, which runs on load) is CRITICAL by the same rule, with no typing or inspect alarm', async () => {
    const r = await scanFile('flagged/torch_geometric/attack-type-repr.pkl');
    expect(alarms(r).some((a) => a.startsWith('critical pickle/dangerous-call BUILD runs torch_geometric.nn.conv.gcn_conv.GCNConv.__setstate__'))).toBe(true);
    expect(alarms(r).join('\n')).not.toMatch(/typing\.Union|inspect\._empty|operator\.getitem/);
  });

  it('shap explainers that hold numba functions carry their bytecode (numba pickles py_func by value): CRITICAL', async () => {
    expect(await rules('flagged/shap/tree-explainer.pkl')).toContain('critical pickle/callable-from-call');
    expect(await rules('flagged/shap/explainer-save.bin')).toContain('critical pickle/dangerous-call');
  });

  it('sympy\'s undefined function f(x) is CRITICAL: calling the class _rebuild_undef returns sympifies its arguments (strings are eval\'d)', async () => {
    expect(await rules('flagged/sympy/expressions.pkl')).toEqual(['critical pickle/callable-from-call', 'warning pickle/non-allowlisted-call']);
  });

  it('a pickled Keras 3 model is one WARNING: _unpickle_model loads its .keras bytes with safe_mode=False (the archive is scanned as a child)', async () => {
    const r = await scanFile('flagged/keras/model.pkl');
    expect(alarms(r)).toEqual(['warning pickle/non-allowlisted-call Pickle calls keras.src.models.sequential.Sequential._unpickle_model, which no analysed library defines and no reviewed list names']);
    expect(r.nodes.some((n) => n.format === 'keras' && n.path.length === 2)).toBe(true);
  });

  it('a pydantic config holding a URL to an unlisted host is the strings/url WARNING (by design, any library)', async () => {
    expect(alarms(await scanFile('flagged/pydantic/config-in-ckpt.pt'))).toEqual(['warning strings/url URL to the unexpected host example.com']);
  });
});

// ---- typing annotations in a pickle (PyG layers' Inspector; any stored Optional[...]) ----------------------

/** operator.getitem(<a>, <b>) with a and b pushed by the callbacks. */
function getitem(a: (x: PickleAsm) => PickleAsm, b: (x: PickleAsm) => PickleAsm, into: PickleAsm = asm().proto(4)): PickleAsm {
  into.stackGlobal('_operator', 'getitem');
  a(into); b(into);
  return into.op('TUPLE2').op('REDUCE');
}
const g = (module: string, name: string) => (x: PickleAsm) => x.stackGlobal(module, name);
const noneType = (x: PickleAsm) => x.stackGlobal('builtins', 'type').op('NONE').op('TUPLE1').op('REDUCE');

describe('real-2026-12b attacks: operator.getitem is read as a typing subscription only when it is one', () => {
  it('Optional[Tensor] as Python pickles it (getitem(typing.Union, (torch.Tensor, type(None)))) stays below WARNING', async () => {
    const b = getitem(g('typing', 'Union'), (x) => noneType(g('torch', 'Tensor')(x)).op('TUPLE2')).stop().build();
    expect(alarms(await scanBytes(b))).toEqual([]);
  });

  it('Tuple[Tensor, Optional[Tensor]] and Literal["mean", "sum"] stay below WARNING', async () => {
    const inner = (x: PickleAsm) => getitem(g('typing', 'Union'), (y) => noneType(g('torch', 'Tensor')(y)).op('TUPLE2'), x);
    const b = getitem(g('typing', 'Tuple'), (x) => inner(g('torch', 'Tensor')(x)).op('TUPLE2'));
    getitem(g('typing', 'Literal'), (x) => x.str('mean').str('sum').op('TUPLE2'), b).op('TUPLE2').stop();
    expect(alarms(await scanBytes(b.build()))).toEqual([]);
  });

  it('getitem(sys.modules, "os") stays a CRITICAL call of operator.getitem', async () => {
    const b = getitem(g('sys', 'modules'), (x) => x.str('os')).stop().build();
    expect(alarms(await scanBytes(b))).toContain(
      'critical pickle/dangerous-call Pickle calls _operator.getitem, which is operator.getitem; operator.getitem reads or writes any item of a mapping such as a module __dict__ or sys.modules');
  });

  it('a typing form subscripted by a string outside Literal (a forward reference) keeps getitem CRITICAL', async () => {
    const b = getitem(g('typing', 'List'), (x) => x.str('__import__("os").system("id")')).stop().build();
    expect(alarms(await scanBytes(b)).some((a) => a.startsWith('critical pickle/dangerous-call Pickle calls _operator.getitem'))).toBe(true);
  });

  it('a getitem(sys.modules, "os") hidden as a type argument of Union is still CRITICAL (the inner call is judged)', async () => {
    const b = getitem(g('typing', 'Union'), (x) => getitem(g('sys', 'modules'), (y) => y.str('os'), x).op('TUPLE1')).stop().build();
    expect(alarms(await scanBytes(b)).some((a) => a.startsWith('critical pickle/dangerous-call Pickle calls _operator.getitem'))).toBe(true);
  });

  it('a dangerous callable used as a type argument (Union[posix.system]) is CRITICAL as an import', async () => {
    const b = getitem(g('typing', 'Union'), (x) => g('posix', 'system')(x).op('TUPLE1')).stop().build();
    expect(alarms(await scanBytes(b)).some((a) => /^critical pickle\/dangerous-import Pickle imports posix\.system/.test(a))).toBe(true);
  });

  it('inspect._empty (the empty-annotation sentinel) is silent; inspect.currentframe stays CRITICAL', async () => {
    const ok = asm().proto(4).stackGlobal('inspect', '_empty').stop().build();
    expect(alarms(await scanBytes(ok))).toEqual([]);
    const bad = asm().proto(4).stackGlobal('inspect', 'currentframe').op('EMPTY_TUPLE').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(bad)).some((a) => a.startsWith('critical pickle/dangerous-call Pickle calls inspect.currentframe'))).toBe(true);
  });
});

// ---- spaCy's Vocab and Doc reducers unpickle bytes they carry ------------------------------------------------

/** spacy.vocab.unpickle_vocab(strings, vectors, morphology, None, <lex_attr_getters pickle>, lookups, get_noun_chunks). */
function vocab(getters: Uint8Array, nounChunks: (x: PickleAsm) => PickleAsm = (x) => x.op('NONE')): Uint8Array {
  const a = asm().proto(4).stackGlobal('spacy.vocab', 'unpickle_vocab').op('MARK');
  a.stackGlobal('spacy.strings', 'StringStore').op('EMPTY_LIST').op('TUPLE1').op('REDUCE');
  a.op('NONE').op('NONE').op('NONE');
  a.bytes(getters);
  a.op('NONE');
  nounChunks(a);
  return a.op('TUPLE').op('REDUCE').stop().build();
}
const plainPickle = asm().proto(4).op('EMPTY_DICT').op('MARK').str('lang').str('en').str('is_stop').op('NEWFALSE')
  .str('norm').str('lowercase').op('SETITEMS').stop().build();

describe('real-2026-12b attacks: spaCy\'s unpickle_vocab loads a pickle it carries', () => {
  it('a vocab whose attribute getters are a plain dict: the nested pickle is INFO, nothing at WARNING', async () => {
    const r = await scanBytes(vocab(plainPickle), 'nlp.pkl');
    expect(alarms(r)).toEqual([]);
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-pickle')?.severity).toBe('info');
  });

  it('attribute getters that call posix.system are CRITICAL inside the nested pickle', async () => {
    const evil = asm().proto(4).stackGlobal('posix', 'system').str('id').op('TUPLE1').op('REDUCE').stop().build();
    const r = await scanBytes(vocab(evil), 'nlp.pkl');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.length === 2 && /posix\.system/.test(f.message))).toBe(true);
  });

  it('the same nested pickle handed to a look-alike loader outside spaCy keeps the nested-pickle WARNING', async () => {
    const a = asm().proto(4).stackGlobal('spacy_evil.vocab', 'unpickle_vocab').op('MARK');
    for (let i = 0; i < 4; i++) a.op('NONE');
    const r = await scanBytes(a.bytes(plainPickle).op('NONE').op('NONE').op('TUPLE').op('REDUCE').stop().build(), 'nlp.pkl');
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-pickle')?.severity).toBe('warning');
  });

  it('a noun-chunk iterator no analysed library defines (called when a Doc reads noun_chunks) is a WARNING', async () => {
    const r = await scanBytes(vocab(plainPickle, g('evilpkg.chunks', 'run')), 'nlp.pkl');
    expect(alarms(r)).toContain('warning pickle/non-allowlisted-call Pickle calls evilpkg.chunks.run through spacy.vocab.unpickle_vocab (argument 6), which no analysed library defines and no reviewed list names');
  });

  it('attribute getters computed by the pickle (base64.b64decode(...)) instead of carried as bytes are CRITICAL', async () => {
    const a = asm().proto(4).stackGlobal('spacy.vocab', 'unpickle_vocab').op('MARK');
    for (let i = 0; i < 4; i++) a.op('NONE');
    a.stackGlobal('base64', 'b64decode').str('gASVAAAAAAAAAAB9lC4=').op('TUPLE1').op('REDUCE');
    const r = await scanBytes(a.op('NONE').op('NONE').op('TUPLE').op('REDUCE').stop().build(), 'nlp.pkl');
    expect(alarms(r).some((x) => x.startsWith('critical pickle/dangerous-call Pickle calls spacy.vocab.unpickle_vocab, which unpickles its argument 4'))).toBe(true);
  });

  it('srsly.pickle_loads called directly, and a spaCy Doc.to_disk reached by name, are CRITICAL', async () => {
    const loads = asm().proto(4).stackGlobal('srsly', 'pickle_loads').bytes(plainPickle).op('TUPLE1').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(loads)).some((x) => x.startsWith('critical pickle/dangerous-call Pickle calls srsly.pickle_loads'))).toBe(true);
    const toDisk = asm().proto(4).stackGlobal('spacy.tokens.doc', 'Doc.to_disk').op('NONE').str('/home/user/.bashrc').op('TUPLE2').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(toDisk)).some((x) => x.startsWith('critical pickle/dangerous-call Pickle calls spacy.tokens.doc.Doc.to_disk'))).toBe(true);
  });

  it('a Cython reducer outside spaCy\'s compiled modules (spacy.cli) is not cleared by the __pyx_unpickle_ rule', async () => {
    const b = asm().proto(4).stackGlobal('spacy.cli.download', '__pyx_unpickle_Evil').op('EMPTY_TUPLE').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(b)).length).toBeGreaterThan(0);
  });
});

// ---- jax arrays: _reconstruct_array calls its first argument ------------------------------------------------

function jaxArray(fn: (x: PickleAsm) => PickleAsm, arg: (x: PickleAsm) => PickleAsm): Uint8Array {
  const a = asm().proto(4).stackGlobal('jax._src.array', '_reconstruct_array');
  fn(a); arg(a);
  return a.op('EMPTY_TUPLE').op('EMPTY_DICT').op('TUPLE').op('REDUCE').stop().build();
}

describe('real-2026-12b attacks: jax._src.array._reconstruct_array(fun, args, state, aval)', () => {
  it('with numpy\'s ndarray reducer (what jax.Array.__reduce__ writes) stays below WARNING', async () => {
    const b = jaxArray((x) => x.op('MARK').stackGlobal('numpy._core.multiarray', '_reconstruct'),
      (x) => x.stackGlobal('numpy', 'ndarray').op('MARK').int(0).op('TUPLE').bytes(new Uint8Array([98])).op('TUPLE3'));
    expect(alarms(await scanBytes(b))).toEqual([]);
  });

  it('with posix.system as the function it calls is CRITICAL', async () => {
    const b = jaxArray((x) => x.op('MARK').stackGlobal('posix', 'system'), (x) => x.str('id').op('TUPLE1'));
    expect(alarms(await scanBytes(b)).some((a) => a.startsWith('critical') && a.includes('posix.system'))).toBe(true);
  });
});

// ---- a .cfg file holding JSON ------------------------------------------------------------------------------

describe('real-2026-12b attacks: a .cfg holding JSON is read as a config', () => {
  it('spaCy\'s vocab/vectors.cfg ({"mode":"default"}) raises no extension mismatch', async () => {
    const r = await scanBytes(new TextEncoder().encode('{\n  "mode":"default"\n}'), 'vectors.cfg');
    expect(r.format).toBe('config');
    expect(alarms(r)).toEqual([]);
  });

  it('a .cfg JSON with a Hydra _target_ of os.system is flagged', async () => {
    const r = await scanBytes(new TextEncoder().encode('{"model": {"_target_": "os.system", "command": "id"}}'), 'train.cfg');
    expect(alarms(r).some((a) => a.startsWith('critical'))).toBe(true);
  });
});

// ---- sympy: constructors sympify their arguments, and sympify evals strings -----------------------------------

describe('real-2026-12b attacks: a sympy class built with a string argument (found by this sweep: it ran the code)', () => {
  const code = '__import__("os").system("id")';
  it('NEWOBJ sympy.functions.elementary.trigonometric.sin with a string is CRITICAL (before: INFO, unknown class)', async () => {
    const b = asm().proto(4).stackGlobal('sympy.functions.elementary.trigonometric', 'sin').str(code).op('TUPLE1').op('NEWOBJ').stop().build();
    expect(alarms(await scanBytes(b, 'expr.pkl'))).toContain(
      `critical pickle/dangerous-call Pickle builds sympy.functions.elementary.trigonometric.sin with the string argument ${JSON.stringify(code)}, which sympy's sympify evaluates as Python`);
  });

  it('a string inside a list argument (a Matrix row) and a REDUCE of sympy.core.containers.Tuple are CRITICAL too', async () => {
    const m = asm().proto(4).stackGlobal('sympy.matrices.dense', 'MutableDenseMatrix').op('EMPTY_LIST').op('EMPTY_LIST').str(code)
      .op('APPEND').op('APPEND').op('TUPLE1').op('NEWOBJ').stop().build();
    expect(alarms(await scanBytes(m, 'expr.pkl')).some((a) => a.startsWith('critical pickle/dangerous-call Pickle builds sympy.matrices.dense.MutableDenseMatrix'))).toBe(true);
    const t = asm().proto(4).stackGlobal('sympy.core.containers', 'Tuple').str(code).op('TUPLE1').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(t, 'expr.pkl')).some((a) => a.startsWith('critical pickle/dangerous-call Pickle builds sympy.core.containers.Tuple'))).toBe(true);
  });

  it('Symbol(\'x\'), Float(\'1.25\') and Function(\'f\') names keep their strings without an alarm', async () => {
    const b = asm().proto(4).op('MARK')
      .stackGlobal('sympy.core.symbol', 'Symbol').str('x').op('TUPLE1').op('NEWOBJ')
      .stackGlobal('sympy.core.numbers', 'Float').str('1.25').op('TUPLE1').op('NEWOBJ')
      .op('LIST').stop().build();
    expect(alarms(await scanBytes(b, 'expr.pkl')).filter((a) => a.includes('string argument'))).toEqual([]);
  });
});

describe('real-2026-12b attacks: flax is analysed now (FrozenDict was unknown), its writers are not silent', () => {
  it('flax.core.frozen_dict.FrozenDict({...}) stays below WARNING; flax.training.checkpoints.save_checkpoint(path, ...) is CRITICAL', async () => {
    const ok = asm().proto(4).stackGlobal('flax.core.frozen_dict', 'FrozenDict').op('EMPTY_DICT').str('w').int(1).op('SETITEM')
      .op('TUPLE1').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(ok, 'params.pkl'))).toEqual([]);
    const bad = asm().proto(4).stackGlobal('flax.training.checkpoints', 'save_checkpoint').str('/home/user/.config/autostart')
      .op('EMPTY_DICT').op('TUPLE2').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(bad, 'params.pkl')).some((a) => a.startsWith('critical pickle/dangerous-call Pickle calls flax.training.checkpoints.save_checkpoint'))).toBe(true);
  });
});
