// Generated gadgets for every way a pickle reaches a sink (issue 11): a direct call, a dotted name,
// every higher-order carrier (the callable passed as data), BUILD state, and standard-library helpers
// that eval, exec or shell out behind bland names. Each must be CRITICAL with the knowledge base's reach
// path shown. Their benign look-alikes (map(str, …), sorted(key=len), partial(numpy.clip, …), Enum
// members looked up with getattr) must stay silent. The whole engine runs (scan()), with the committed
// knowledge base loaded by the pickle scanner.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, type FileReport } from '../../src/engine';
import { fromBytes } from '../../src/engine/io/byte-source';
import { elf } from '../builders/executables';
import { loadKnowledge } from '../../src/engine/formats/pickle/knowledge/index';
import type { Knowledge } from '../../src/engine/formats/pickle/knowledge/types';
import { asm } from '../builders/pickle';
import { call, g, gcall, pickleOf as pickle, type V } from '../builders/pickle-values';

const scanOf = (v: V | Uint8Array): Promise<FileReport> => scan(fromBytes(v instanceof Uint8Array ? v : pickle(v), 'gadget.pkl'));
const above = (r: FileReport, min: 'warning' | 'critical') =>
  r.findings.filter((f) => f.severity === 'critical' || (min === 'warning' && f.severity === 'warning'));
const brief = (r: FileReport) => r.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n');

let kb: Knowledge;
beforeAll(async () => { kb = await loadKnowledge(); }, 60_000); // parsing the table takes seconds on a loaded machine

/** Every gadget's callee must reach a sink: a string the knowledge base's path for it contains. */
function expectCritical(r: FileReport, ...mustShow: string[]): void {
  if (process.env.SHOW_GADGETS) console.log(brief(r));
  const hits = above(r, 'critical').filter((f) => f.severity === 'critical');
  expect(hits.length, brief(r)).toBeGreaterThan(0);
  const shown = hits.filter((f) => mustShow.every((s) => f.message.includes(s)));
  expect(shown.length, `no CRITICAL finding shows ${mustShow.join(' + ')}:\n${brief(r)}`).toBeGreaterThan(0);
}

// Sink functions the gadgets carry: one the reviewed list names (subprocess) and ones only the
// knowledge base knows reach code execution (typing._eval_type, timeit.timeit).
const EVAL_TYPE = g('typing', '_eval_type');
const GETOUTPUT = g('subprocess', 'getoutput');

describe('stdlib helpers that execute, shell out or delete behind bland names: CRITICAL with the reach path', () => {
  const cases: Array<[string, V, string[]]> = [
    ['typing._eval_type(ForwardRef(source), {}, {}) compiles and evaluates the source',
      gcall('typing._eval_type', gcall('typing.ForwardRef', "__import__('os').system('id')"), { dict: [] }, { dict: [] }),
      ['typing._eval_type', '→', 'builtins.']],
    ['timeit.timeit(stmt) executes the statement', gcall('timeit.timeit', "__import__('os').system('id')"), ['timeit.timeit →', 'timeit.Timer', 'builtins.']],
    ['pydoc.locate(path) imports any module by name', gcall('pydoc.locate', 'os.system'), ['pydoc.locate', '__import__']],
    ['subprocess.getoutput(cmd) runs a shell command', gcall('subprocess.getoutput', 'id'), ['subprocess.getoutput']],
    ['shutil.rmtree(path) deletes a directory tree', gcall('shutil.rmtree', '/tmp/victim'), ['shutil.rmtree']],
    ['code.InteractiveInterpreter.runsource (a dotted name) executes source',
      call(g('code', 'InteractiveInterpreter.runsource'), gcall('code.InteractiveInterpreter'), "__import__('os').system('id')"),
      ['code.InteractiveInterpreter.runsource', 'builtins.exec']],
  ];
  for (const [name, v, show] of cases) {
    it(name, async () => expectCritical(await scanOf(v), ...show));
  }
});

describe('callables passed as data to higher-order callables are judged as calls, the carrier named', () => {
  const cases: Array<[string, V, string]> = [
    ['map(typing._eval_type, …)', gcall('builtins.map', EVAL_TYPE, { list: ['x'] }), 'through builtins.map'],
    ['filter(subprocess.getoutput, …)', gcall('builtins.filter', GETOUTPUT, { list: ['id'] }), 'through builtins.filter'],
    ['itertools.starmap(typing._eval_type, …)', gcall('itertools.starmap', EVAL_TYPE, { list: [['x', null, null]] }), 'through itertools.starmap'],
    ['itertools.accumulate(data, typing._eval_type)', gcall('itertools.accumulate', { list: ['x', 'y'] }, EVAL_TYPE), 'through itertools.accumulate'],
    ['itertools.groupby(data, typing._eval_type)', gcall('itertools.groupby', { list: ['x'] }, EVAL_TYPE), 'through itertools.groupby'],
    ['functools.partial(subprocess.getoutput, cmd)', gcall('functools.partial', GETOUTPUT, 'id'), 'through functools.partial'],
    ['functools.reduce(typing._eval_type, data)', gcall('functools.reduce', EVAL_TYPE, { list: ['x', 'y'] }), 'through functools.reduce'],
    ['logging.Filterer.addFilter(logger, typing._eval_type)',
      call(g('logging', 'Filterer.addFilter'), gcall('logging.getLogger', 'x'), EVAL_TYPE), 'through logging.Filterer.addFilter'],
    ['sorted(data, key=typing._eval_type) bound by partial in its BUILD state',
      { build: gcall('functools.partial', g('builtins', 'sorted')), state: [g('builtins', 'sorted'), [{ list: ['x'] }], { dict: [['key', EVAL_TYPE]] }, null] },
      'builtins.sorted bound by functools.partial (key=)'],
    ['min(data, key=typing._eval_type) bound by partial in its BUILD state',
      { build: gcall('functools.partial', g('builtins', 'min')), state: [g('builtins', 'min'), [{ list: ['x'] }], { dict: [['key', EVAL_TYPE]] }, null] },
      'builtins.min bound by functools.partial (key=)'],
    ['max(data, key=subprocess.getoutput) bound by partial in its BUILD state',
      { build: gcall('functools.partial', g('builtins', 'max')), state: [g('builtins', 'max'), [{ list: ['id'] }], { dict: [['key', GETOUTPUT]] }, null] },
      'builtins.max bound by functools.partial (key=)'],
  ];
  for (const [name, v, carrier] of cases) {
    it(`${name}: CRITICAL, ${carrier}`, async () => {
      const r = await scanOf(v);
      const needle = JSON.stringify(v).includes('getoutput') ? 'subprocess.getoutput' : 'typing._eval_type';
      expectCritical(r, needle, carrier, '→');
    });
  }

  it('a logging.Logger whose BUILD state stores typing._eval_type as a filter: CRITICAL, the logger named', async () => {
    const r = await scanOf({ build: gcall('logging.getLogger', 'x'), state: { dict: [['filters', { list: [EVAL_TYPE] }]] } });
    expectCritical(r, 'typing._eval_type', 'attribute filters', 'logging.getLogger', '→');
  });

  it('operator.methodcaller("system", "id") mapped over a module: CRITICAL (a reviewed override)', async () => {
    const r = await scanOf(gcall('builtins.map', gcall('operator.methodcaller', 'system', 'id'), { list: [g('os', 'path')] }));
    expectCritical(r, 'operator.methodcaller');
  });

  it('partial(partial(subprocess.getoutput)) nested carriers: CRITICAL', async () => {
    expectCritical(await scanOf(gcall('functools.partial', gcall('functools.partial', GETOUTPUT), 'id')), 'subprocess.getoutput');
  });
});

// scipy.stats rv_generic.__setstate__ updates __dict__ from the state, then exec()s the state's own
// _parse_arg_template (scipy/stats/_distn_infrastructure.py, _attach_argparser_methods). What scipy
// writes: its template over plain shape names (a real norm_gen / gamma_gen state, 13 attributes).
const scipyTemplate = (shapes: string, locIn = 'loc=0, scale=1', locOut = 'loc, scale'): string =>
  `\ndef _parse_args(self, ${shapes} ${locIn}):\n    return (${shapes}), ${locOut}\n\n`
  + `def _parse_args_rvs(self, ${shapes} ${locIn}, size=None):\n    return self._argcheck_rvs(${shapes} ${locOut}, size=size)\n\n`
  + `def _parse_args_stats(self, ${shapes} ${locIn}, moments='mv'):\n    return (${shapes}), ${locOut}, moments\n`;
const scipyDist = (cls: string, attrs: Array<[string, V]>): V => ({
  build: gcall('copyreg._reconstructor', g('scipy.stats._continuous_distns', cls), g('builtins', 'object'), null),
  state: { dict: [['_stats_has_moments', true], ['_random_state', null], ['moment_type', 1], ['a', -1000], ['b', 1000],
    ['badvalue', null], ['name', 'x'], ['xtol', 0], ['_ctor_param', { dict: [] }], ['numargs', 1], ...attrs] },
});

describe('scipy.stats distributions: BUILD exec()s the parser template carried in the state', () => {
  it.each([
    ['a default value that runs code', scipyTemplate('a, ').replace('self, a, ', "self, a=__import__('os').system('id'), ")],
    ['a template that is not scipy\'s at all', "import os\nos.system('id')\n"],
    ['an extra statement appended to scipy\'s template', scipyTemplate('a, ') + "__import__('os').system('id')\n"],
  ])('a hostile _parse_arg_template (%s): CRITICAL, the exec named', async (_, template) => {
    const r = await scanOf(scipyDist('gamma_gen', [['shapes', 'a'], ['_parse_arg_template', template]]));
    expectCritical(r, 'gamma_gen.__setstate__', '_parse_arg_template', '→');
  });

  it('a hostile shapes string beside an honest template: CRITICAL', async () => {
    const r = await scanOf(scipyDist('gamma_gen', [['shapes', "a=__import__('os').system('id')"], ['_parse_arg_template', scipyTemplate('a, ')]]));
    expectCritical(r, 'gamma_gen.__setstate__', 'shapes');
  });

  it('a state without a template (nothing to compare with scipy\'s): CRITICAL', async () => {
    expectCritical(await scanOf(scipyDist('norm_gen', [['shapes', null]])), 'norm_gen.__setstate__');
  });

  it.each([
    ['norm_gen', null, scipyTemplate('')],
    ['gamma_gen', 'a', scipyTemplate('a, ')],
    ['beta_gen', 'a, b', scipyTemplate('a, b, ')],
    ['lognorm_gen', 's', scipyTemplate('s, ')],
  ])('scipy\'s own %s state (shapes %s): silent', async (cls, shapes, template) => {
    const r = await scanOf(scipyDist(cls, [['shapes', shapes], ['_parse_arg_template', template]]));
    expect(above(r, 'warning'), brief(r)).toEqual([]);
  });
});

describe('benign look-alikes of the carriers and lookups stay silent (nothing above INFO)', () => {
  const cases: Array<[string, V]> = [
    ['map(str, [1, 2])', gcall('builtins.map', g('builtins', 'str'), { list: [1, 2] })],
    ['filter(bool, …)', gcall('builtins.filter', g('builtins', 'bool'), { list: [0, 1] })],
    ['sorted(key=len) bound by partial', { build: gcall('functools.partial', g('builtins', 'sorted')),
      state: [g('builtins', 'sorted'), [{ list: ['bb', 'a'] }], { dict: [['key', g('builtins', 'len')]] }, null] }],
    ['functools.partial(operator.add, 1)', gcall('functools.partial', g('operator', 'add'), 1)],
    ['getattr(re.RegexFlag, "IGNORECASE") (an Enum member on Python 3.11+)', gcall('builtins.getattr', g('re', 'RegexFlag'), 'IGNORECASE')],
    ['getattr(transformers.trainer_utils.IntervalStrategy, "STEPS") as training_args.bin writes it',
      gcall('builtins.getattr', g('transformers.trainer_utils', 'IntervalStrategy'), 'STEPS')],
    ['getattr(zoneinfo.ZoneInfo, "_unpickle")("Europe/Berlin", 1): how a ZoneInfo pickles',
      call(gcall('builtins.getattr', g('zoneinfo', 'ZoneInfo'), '_unpickle'), 'Europe/Berlin', 1)],
    ['getattr(uuid.SafeUUID, "safe"): an Enum member of a reviewed class in a module the lists call dangerous',
      gcall('builtins.getattr', g('uuid', 'SafeUUID'), 'safe')],
    ['dill._dill._load_type("float")', gcall('dill._dill._load_type', 'float')],
    ['array.array("d", [1.0])', gcall('array.array', 'd', { list: [1] })],
  ];
  for (const [name, v] of cases) {
    it(name, async () => {
      const r = await scanOf(v);
      expect(above(r, 'warning').map((f) => `${f.severity} ${f.ruleId}: ${f.message}`)).toEqual([]);
    });
  }

  it('functools.partial(numpy.clip, a_min=0) as sklearn FunctionTransformer pickles it (when numpy is analysed)', async (ctx) => {
    if (!kb.lookup('numpy', 'clip')) ctx.skip();
    const r = await scanOf({ build: gcall('functools.partial', g('numpy', 'clip')),
      state: [g('numpy', 'clip'), [], { dict: [['a_min', 0], ['a_max', 1]] }, null] });
    expect(above(r, 'warning').map((f) => f.message)).toEqual([]);
  });
});

describe('lookups keep full severity where they are not plain lookups', () => {
  it('getattr(os, "system") (a lookup on a dangerous module): CRITICAL', async () => {
    expectCritical(await scanOf(gcall('builtins.getattr', g('os', 'path'), 'system')), 'getattr');
  });
  it('getattr(uuid.UUID, "system") (a reviewed class, an execution-primitive name): CRITICAL', async () => {
    expectCritical(await scanOf(gcall('builtins.getattr', g('uuid', 'UUID'), 'system')), 'getattr');
  });
  it('getattr(re.RegexFlag, "__class__") (a dunder): CRITICAL', async () => {
    expectCritical(await scanOf(gcall('builtins.getattr', g('re', 'RegexFlag'), '__class__')), 'getattr');
  });
  it('getattr(re.RegexFlag, "IGNORECASE") then called: not silent', async () => {
    const r = await scanOf(call(gcall('builtins.getattr', g('re', 'RegexFlag'), 'IGNORECASE'), 1));
    expect(above(r, 'warning').length, brief(r)).toBeGreaterThan(0);
  });
  it('dill._dill._load_type("CodeType"): CRITICAL (it fetches the code type to build code)', async () => {
    expectCritical(await scanOf(gcall('dill._dill._load_type', 'CodeType')), 'dill._dill._load_type');
  });
});

describe('PyTorch shapes', () => {
  const tensor = gcall('torch._utils._rebuild_tensor_v2', { list: [] }, 0, [2], [1], false, { dict: [] });
  it('SETITEM on a rebuilt tensor (CVE-2026-24747): CRITICAL pytorch/tensor-item-write', async () => {
    const r = await scanOf({ setitem: tensor, key: 0, value: 1 });
    expect(above(r, 'critical').map((f) => f.ruleId)).toContain('pytorch/tensor-item-write');
  });
  it('the same tensor without item writes: silent', async () => {
    expect(above(await scanOf({ dict: [['w', tensor]] }), 'warning')).toEqual([]);
  });
  it('every name torch.load(weights_only=True) accepts is silent when called', async () => {
    const r = await scanOf({ list: [gcall('torch.device', 'cpu'), gcall('torch.Size', [2, 3]), gcall('torch._utils._rebuild_qtensor'),
      gcall('torch.serialization._get_layout', 'torch.strided'), gcall('torch._tensor._rebuild_from_type_v2')] });
    expect(above(r, 'warning').map((f) => f.message)).toEqual([]);
  });
});

describe('executables carried as bytes constants are reported as the same bytes in a file would be', () => {
  it('a real ELF program as a BINBYTES value: CRITICAL executable/elf on the constant', async () => {
    const program = new Uint8Array(readFileSync(new URL('../../fixtures/executables/malicious/hello-x86_64.elf', import.meta.url)));
    const r = await scanOf(asm().proto(4).op('BINBYTES', program).stop().build());
    const hit = r.findings.find((f) => f.ruleId === 'executable/elf');
    expect(hit?.severity, brief(r)).toBe('critical');
    expect(hit?.location.path.at(-1)).toMatch(/^<const@\d+>$/);
  });
  it('an ELF header built from the spec inside a list: CRITICAL', async () => {
    const r = await scanOf({ list: [1, elf(), 'x'] });
    expect(r.findings.some((f) => f.ruleId === 'executable/elf' && f.severity === 'critical'), brief(r)).toBe(true);
  });
  it('ordinary bytes constants (a numpy buffer) are not swept as executables', async () => {
    const r = await scanOf({ list: [new Uint8Array(300).map((_, i) => (i * 7) & 0xff)] });
    expect(r.findings.filter((f) => f.ruleId.startsWith('executable/'))).toEqual([]);
  });
});
