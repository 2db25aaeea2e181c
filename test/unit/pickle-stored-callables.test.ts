// Callables stored as DATA in a BUILD state (issue 11, item 3): the object that holds one calls it later
// (sklearn's FunctionTransformer calls `func` on transform, a scorer calls `_score_func`), so a dangerous
// function is CRITICAL wherever it sits in the state, and a function nobody analysed is a WARNING when it
// is the value of an attribute the class is known to call (the knowledge base's called attributes).
// The benign look-alikes are what sklearn and pandas write: FunctionTransformer(numpy.log1p), a scorer
// holding a metric, class references in attributes that are only data.
import { describe, expect, it } from 'vitest';
import { scan, type FileReport } from '../../src/engine';
import { fromBytes } from '../../src/engine/io/byte-source';
import { g, gcall, pickleOf, type V } from '../builders/pickle-values';

const scanOf = (v: V): Promise<FileReport> => scan(fromBytes(pickleOf(v), 'stored.pkl'));
const at = (r: FileReport, ...sev: string[]) => r.findings.filter((f) => sev.includes(f.severity));
const brief = (r: FileReport) => r.findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`).join('\n');

/** An object as pickle protocol 2 writes a plain Python instance: copyreg reconstructs it, BUILD sets its __dict__. */
const instance = (module: string, cls: string, attrs: Array<[string, V]>): V => ({
  build: gcall('copyreg._reconstructor', g(module, cls), g('builtins', 'object'), null),
  state: { dict: attrs },
});
const FT = ['sklearn.preprocessing._function_transformer', 'FunctionTransformer'] as const;
const transformer = (func: V, extra: Array<[string, V]> = []): V => instance(...FT, [['func', func], ['inverse_func', null],
  ['validate', false], ['accept_sparse', false], ['check_inverse', true], ['feature_names_out', null], ['kw_args', null],
  ['inv_kw_args', null], ['_sklearn_version', '1.9.1'], ...extra]);
const scorer = (fn: V): V => instance('sklearn.metrics._scorer', '_Scorer',
  [['_score_func', fn], ['_sign', -1], ['_kwargs', { dict: [] }], ['_response_method', 'predict']]);

describe('a dangerous callable stored in a BUILD state: CRITICAL, the object and attribute named', () => {
  it('FunctionTransformer(func=os.system)', async () => {
    const r = await scanOf(transformer(g('os', 'system')));
    const hit = at(r, 'critical').find((f) => f.message.includes('attribute func') && f.message.includes('FunctionTransformer'));
    expect(hit, brief(r)).toBeDefined();
  });
  it('FunctionTransformer(func=typing._eval_type), a sink only the knowledge base knows: CRITICAL with the path', async () => {
    const r = await scanOf(transformer(g('typing', '_eval_type')));
    expect(at(r, 'critical').some((f) => f.message.includes('attribute func') && f.message.includes('→')), brief(r)).toBe(true);
  });
  it('FunctionTransformer(kw_args={"cb": os.system}) nested in a dict of the state', async () => {
    const r = await scanOf(transformer(g('numpy', 'log1p'), [['kw_args', { dict: [['cb', g('os', 'system')]] }]]));
    expect(at(r, 'critical').some((f) => f.message.includes('os.system') && f.message.includes('attribute kw_args')), brief(r)).toBe(true);
  });
  it('a scorer whose _score_func is subprocess.getoutput', async () => {
    const r = await scanOf(scorer(g('subprocess', 'getoutput')));
    expect(at(r, 'critical').some((f) => f.message.includes('subprocess.getoutput')), brief(r)).toBe(true);
  });
  it('a dict value that is a GLOBAL of os.system, outside any BUILD', async () => {
    const r = await scanOf({ dict: [['callback', g('os', 'system')]] });
    expect(at(r, 'critical').some((f) => f.message.includes('os.system')), brief(r)).toBe(true);
  });
  it('an unknown class whose state lists posix.system among other data', async () => {
    const r = await scanOf(instance('mylib.models', 'Model', [['hooks', { list: [1, [g('posix', 'system')]] }]]));
    expect(at(r, 'critical').some((f) => f.message.includes('posix.system')), brief(r)).toBe(true);
  });
});

describe('a function nobody analysed, stored where a known object calls it: at least WARNING', () => {
  it('FunctionTransformer(func=evilpkg.payload.run)', async () => {
    const r = await scanOf(transformer(g('evilpkg.payload', 'run')));
    const hit = at(r, 'warning', 'critical').find((f) => f.message.includes('evilpkg.payload.run') && f.message.includes('attribute func'));
    expect(hit, brief(r)).toBeDefined();
  });
  it('FunctionTransformer(inverse_func=evilpkg.payload.run)', async () => {
    const r = await scanOf(instance(...FT, [['func', null], ['inverse_func', g('evilpkg.payload', 'run')]]));
    expect(at(r, 'warning', 'critical').some((f) => f.message.includes('attribute inverse_func')), brief(r)).toBe(true);
  });
  it('a logging.Logger whose filters list holds evilpkg.hooks.log_filter (called attributes from the knowledge base)', async () => {
    const r = await scanOf(instance('logging', 'Logger', [['name', 'app'], ['filters', { list: [g('evilpkg.hooks', 'log_filter')] }]]));
    expect(at(r, 'warning', 'critical').some((f) => f.message.includes('evilpkg.hooks.log_filter') && f.message.includes('attribute filters')), brief(r)).toBe(true);
  });
  it('a sched.scheduler whose delayfunc is evilpkg.hooks.wait (called attributes from the knowledge base)', async () => {
    const r = await scanOf(instance('sched', 'scheduler', [['_queue', { list: [] }], ['timefunc', g('time', 'monotonic')], ['delayfunc', g('evilpkg.hooks', 'wait')]]));
    expect(at(r, 'warning', 'critical').some((f) => f.message.includes('evilpkg.hooks.wait') && f.message.includes('attribute delayfunc')), brief(r)).toBe(true);
  });
  it('a scorer whose _score_func is evilpkg.metrics.score', async () => {
    const r = await scanOf(scorer(g('evilpkg.metrics', 'score')));
    expect(at(r, 'warning', 'critical').some((f) => f.message.includes('evilpkg.metrics.score')), brief(r)).toBe(true);
  });
});

describe('benign look-alikes stay below WARNING', () => {
  const cases: Array<[string, V]> = [
    ['FunctionTransformer(numpy.log1p), as sklearn pickles it', transformer(g('numpy', 'log1p'))],
    ['FunctionTransformer(numpy._core._multiarray_umath.log1p) (numpy 2 spelling)', transformer(g('numpy._core._multiarray_umath', 'log1p'))],
    ['FunctionTransformer(numpy.log1p, inverse_func=numpy.expm1, kw_args={})',
      instance(...FT, [['func', g('numpy', 'log1p')], ['inverse_func', g('numpy', 'expm1')], ['kw_args', { dict: [] }]])],
    ['FunctionTransformer(func=None) (identity)', transformer(null)],
    ['FunctionTransformer of a function of the program that saved it (__main__)', transformer(g('__main__', 'clip_outliers'))],
    ['make_scorer(mean_squared_error, greater_is_better=False)', scorer(g('sklearn.metrics._regression', 'mean_squared_error'))],
    ['make_scorer(accuracy_score)', scorer(g('sklearn.metrics._classification', 'accuracy_score'))],
    ['a user class whose state holds a class reference and a dtype (data, not called)',
      instance('mylib.models', 'Model', [['estimator_class', g('mylib.models', 'Base')], ['dtype', g('numpy', 'float64')]])],
    ['scipy interp1d storing its own method as _call (interp1d._call_linear_np)',
      instance('scipy.interpolate._interpolate', 'interp1d', [['_call', g('scipy.interpolate._interpolate', 'interp1d._call_linear_np')], ['kind', 'linear']])],
    ['transformers GELUActivation storing torch._C._nn.gelu as act (a reviewed ATen kernel)',
      instance('transformers.activations', 'GELUActivation', [['training', true], ['act', g('torch._C._nn', 'gelu')]])],
    ['a FunctionTransformer whose feature_names_out is the string "one-to-one"', transformer(g('numpy', 'log1p'), [['feature_names_out', 'one-to-one']])],
  ];
  for (const [name, v] of cases) {
    it(name, async () => {
      const r = await scanOf(v);
      expect(at(r, 'warning', 'critical').map((f) => `${f.severity} ${f.ruleId}: ${f.message}`)).toEqual([]);
    });
  }
});
