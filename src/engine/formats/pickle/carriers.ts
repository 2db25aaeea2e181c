// Higher-order callables: the ones that call a callable they are given (now, or later from the object
// they build). A pickle can pass a function as *data* to one of these and have it called without a
// REDUCE on it, so the judge treats those arguments as calls (issue 11, item 3). The knowledge base
// says the same for analysed source (CallableFacts.callsArgs / callsKwargs); this reviewed list covers
// C builtins the source cannot show and is the fallback when the knowledge base is not loaded.
// Positions are 0-based positional arguments as pickle passes them (an unbound method reached by a
// dotted name takes `self` first: logging.Filterer.addFilter(logger, f) calls argument 1).

export interface Carrier {
  args?: number[] | 'any'; kwargs?: string[]; reason: string;
  /** Judged by what it carries even though its module is on the reviewed dangerous list. */
  replacesDanger?: true;
}

const c = (args: number[] | 'any' | undefined, kwargs: string[] | undefined, reason: string): Carrier =>
  ({ ...(args ? { args } : {}), ...(kwargs ? { kwargs } : {}), reason });

export const CARRIERS: ReadonlyMap<string, Carrier> = new Map([
  ['builtins.map', c([0], undefined, 'calls its first argument on every item')],
  ['builtins.filter', c([0], undefined, 'calls its first argument on every item')],
  ['builtins.sorted', c(undefined, ['key'], 'calls its key function on every item')],
  ['builtins.min', c(undefined, ['key', 'default'], 'calls its key function on every item')],
  ['builtins.max', c(undefined, ['key', 'default'], 'calls its key function on every item')],
  ['builtins.iter', c([0], undefined, 'calls its first argument until the sentinel when given two')],
  ['builtins.list.sort', c(undefined, ['key'], 'calls its key function on every item')],
  ['itertools.starmap', c([0], undefined, 'calls its first argument with every argument tuple')],
  ['itertools.accumulate', c([1], ['func'], 'calls its func on every running pair')],
  ['itertools.groupby', c([1], ['key'], 'calls its key function on every item')],
  ['itertools.filterfalse', c([0], undefined, 'calls its first argument on every item')],
  ['itertools.takewhile', c([0], undefined, 'calls its first argument on every item')],
  ['itertools.dropwhile', c([0], undefined, 'calls its first argument on every item')],
  ['functools.partial', c([0], undefined, 'calls the function it binds whenever it is called')],
  ['functools.partialmethod', c([0], undefined, 'calls the function it binds whenever it is called')],
  ['functools.reduce', c([0], undefined, 'calls its first argument on every pair')],
  ['functools.cmp_to_key', c([0], undefined, 'calls its comparison function on every pair')],
  ['functools.lru_cache', c([0], undefined, 'wraps and calls its function')],
  ['functools.cache', c([0], undefined, 'wraps and calls its function')],
  ['functools.wraps', c([0], undefined, 'wraps a function')],
  ['functools.singledispatch', c([0], undefined, 'wraps and calls its function')],
  ['operator.methodcaller', c('any', undefined, 'calls the named method of whatever it is applied to')],
  ['operator.call', c([0], undefined, 'calls its first argument')],
  ['operator.__call__', c([0], undefined, 'calls its first argument')],
  ['builtins.apply', c([0], undefined, 'calls its first argument with the given arguments')],
  ['collections.defaultdict', c([0], ['default_factory'], 'calls its default factory on every missing key')],
  ['logging.Filterer.addFilter', c([1], undefined, 'calls the filter on every log record')],
  ['logging.Logger.addFilter', c([1], undefined, 'calls the filter on every log record')],
  ['logging.Handler.addFilter', c([1], undefined, 'calls the filter on every log record')],
  ['logging.Handler.setFormatter', c([1], undefined, 'calls the formatter on every log record')],
  ['atexit.register', c([0], undefined, 'calls its first argument when the interpreter exits')],
  ['weakref.finalize', c([1], undefined, 'calls its second argument when the object dies')],
  ['threading.Thread', c([1], ['target'], 'calls its target when started')],
  ['threading.Timer', c([1], ['function'], 'calls its function after the interval')],
  // dill pickles a numpy array as _create_array(f, args, state, npdict): f(*args) then __setstate__
  // (dill/_dill.py); f is numpy's own reconstructor, judged like any callable.
  ['dill._dill._create_array', { args: [0], reason: 'calls its first argument (the array reconstructor) with the given arguments', replacesDanger: true }],
  ['dill.dill._create_array', { args: [0], reason: 'calls its first argument (the array reconstructor) with the given arguments', replacesDanger: true }],
  ['contextlib.contextmanager', c([0], undefined, 'wraps and calls its generator function')],
  // jax.Array.__reduce__ (jax/_src/array.py) pickles _reconstruct_array(fun, args, arr_state, aval_state):
  // fun(*args) (numpy's ndarray reducer), then the numpy state, then device_put. jax is not analysed.
  ['jax._src.array._reconstruct_array', c([0], undefined, 'calls its first argument (the array reconstructor) with the given arguments')],
]);

/**
 * Carriers that only wrap the callable: whoever calls the wrapper later passes the arguments (the program,
 * with its own data), or none (a default factory, iter's two-argument form). A file loader they carry is not
 * called on anything the pickle supplies; the others (map, filter, starmap, sorted's key, Thread's target)
 * call it on the data the pickle gives them.
 */
export const WRAPPING_CARRIERS: ReadonlySet<string> = new Set(['functools.partial', 'functools.partialmethod',
  'functools.lru_cache', 'functools.cache', 'functools.wraps', 'functools.singledispatch', 'functools.cmp_to_key',
  'contextlib.contextmanager', 'collections.defaultdict', 'builtins.iter']);

/** Python 2 and C-accelerator spellings of the carriers' modules. */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['__builtin__', 'builtins'], ['_functools', 'functools'], ['_operator', 'operator'], ['copy_reg', 'copyreg'],
  ['_collections', 'collections'],
]);

/**
 * The Python 2 names pickle writes for carriers at protocols 0-2 and loads as the Python 3 ones
 * (Lib/_compat_pickle.py NAME_MAPPING; legacy-names.ts gives them the same verdicts).
 */
const COMPAT_NAMES: ReadonlyMap<string, string> = new Map([
  ['itertools.imap', 'builtins.map'], ['itertools.ifilter', 'builtins.filter'], ['itertools.ifilterfalse', 'itertools.filterfalse'],
  ['builtins.reduce', 'functools.reduce'],
]);
const carrierKey = (module: string, name: string): string => {
  const key = `${ALIASES.get(module) ?? module}.${name}`;
  return COMPAT_NAMES.get(key) ?? key;
};

export function carrierOf(module: string, name: string): Carrier | undefined {
  return CARRIERS.get(carrierKey(module, name));
}

/** A reviewed carrier that calls what it carries on data the pickle gives it (not one of WRAPPING_CARRIERS). */
export function feedsData(module: string, name: string): boolean {
  const key = carrierKey(module, name);
  return CARRIERS.has(key) && !WRAPPING_CARRIERS.has(key);
}

/**
 * Reviewed attributes that a class's methods call, beside what the knowledge base derives (its `cattrs`):
 * a callable a BUILD state stores there is called later. Each read in the library's source.
 */
export const CALLED_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  // sklearn/preprocessing/_function_transformer.py: transform passes self.func (inverse_transform
  // self.inverse_func) to _transform, which calls it on the data.
  ['sklearn.preprocessing._function_transformer.FunctionTransformer', ['func', 'inverse_func']],
  // sklearn/metrics/_scorer.py: _Scorer._score returns self._sign * self._score_func(y_true, y_pred, ...).
  ['sklearn.metrics._scorer._Scorer', ['_score_func']],
  ['sklearn.metrics._scorer._BaseScorer', ['_score_func']],
]);
