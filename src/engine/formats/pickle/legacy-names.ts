// Reviewed aliases for names that older releases of the analysed libraries wrote into their pickles and
// the versions the knowledge base read no longer define (or spell differently). The knowledge base
// answers for the current name; each entry says why the old name is the same code. Only exact names or
// a narrow name pattern under one module: an alias never widens what a module prefix allows.

export interface LegacyName {
  /** Module as the old pickle names it. */
  module: string;
  /** Exact name, or a pattern for a family of names (Cython classes). */
  name: string | RegExp;
  /** The module and name the knowledge base knows the same code by ('$&' keeps the name). */
  to: [string, string];
  reason: string;
}

export const LEGACY_NAMES: readonly LegacyName[] = [
  {
    // scikit-learn 1.6 pickled its Cython loss classes with the extension's bare module name (`_loss`,
    // not `sklearn._loss._loss`); loading such a file imports sklearn's own extension. Only the loss
    // classes and their Cython unpickle helpers are mapped; nothing else under a bare `_loss` is.
    module: '_loss', name: /^(?:__pyx_unpickle_)?Cy[A-Z][A-Za-z0-9]*$/, to: ['sklearn._loss._loss', '$&'],
    reason: 'is a scikit-learn 1.6 Cython loss class pickled under its bare extension module name',
  },
  {
    // pandas < 3 spelled NaT's unpickle helper with two underscores in the Cython module
    // (pandas/_libs/tslibs/nattype.pyx: `def __nat_unpickle(*args): return c_NaT`); pandas 3 renamed it.
    module: 'pandas._libs.tslibs.nattype', name: '__nat_unpickle', to: ['pandas._libs.tslibs.nattype', '_nat_unpickle'],
    reason: 'is pandas < 3\'s NaT unpickle helper (returns the NaT singleton)',
  },
  ...['Int64Index', 'UInt64Index', 'Float64Index', 'NumericIndex'].map((name): LegacyName => ({
    // pandas 2.0 removed the numeric Index subclasses: they were Index with a fixed dtype
    // (pandas/core/indexes/numeric.py in 1.5), and pandas 2 unpickles them as Index.
    module: 'pandas.core.indexes.numeric', name, to: ['pandas.core.indexes.base', 'Index'],
    reason: 'is a pandas 1.x numeric Index class (an Index with a fixed dtype; removed in pandas 2)',
  })),
  // CPython's own Python 2 names (Lib/_compat_pickle.py NAME_MAPPING): pickle.dumps at protocol 0-2 writes
  // map, filter and zip as itertools.imap/ifilter/izip, and Unpickler (fix_imports, the default) loads them
  // as the Python 3 builtins; functools.reduce loads from __builtin__.reduce the same way.
  ...([['imap', 'builtins', 'map'], ['ifilter', 'builtins', 'filter'], ['izip', 'builtins', 'zip'],
    ['ifilterfalse', 'itertools', 'filterfalse'], ['izip_longest', 'itertools', 'zip_longest']] as const).map(([name, m, n]): LegacyName => ({
    module: 'itertools', name, to: [m, n], reason: `is ${m}.${n} under its Python 2 name (pickle's _compat_pickle maps it back on load)`,
  })),
  { module: '__builtin__', name: 'reduce', to: ['functools', 'reduce'], reason: 'is functools.reduce under its Python 2 name (pickle\'s _compat_pickle maps it back on load)' },
];

/** The current name of a legacy pickle name (and why), or null. */
export function legacyTarget(module: string, name: string): { module: string; name: string; reason: string } | null {
  for (const e of LEGACY_NAMES) {
    if (e.module !== module) continue;
    if (typeof e.name === 'string' ? e.name === name : e.name.test(name)) {
      return { module: e.to[0], name: e.to[1] === '$&' ? name : e.to[1], reason: e.reason };
    }
  }
  return null;
}
