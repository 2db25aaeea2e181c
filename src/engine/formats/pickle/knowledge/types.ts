// Contract between the callable knowledge base (generated from real library source by
// tools/knowledge/, committed as data beside its loader) and the pickle judge.
//
// The knowledge base answers, for an importable callable `module.qualname`, what executing it can
// reach. It is computed from a call graph over the source of the standard library and the ML
// libraries whose objects appear in model pickles, plus a small reviewed seed list for C builtins.

/** What a callable can end up doing. */
export type Sink =
  | 'exec'          // eval/exec/compile, code or function objects built from data, marshal.loads
  | 'process'       // os/posix exec*/spawn*/system/popen, subprocess, pty, ctypes/cffi, signals to others
  | 'file-write'    // writes, truncates, deletes, renames, chmods files or directories
  | 'network'       // sockets, urllib/http clients, downloads
  | 'import'        // imports a module or name chosen by its arguments (importlib, __import__, pydoc.locate)
  | 'deserialize'   // nested deserialisation: pickle, marshal, torch.load, numpy.load(allow_pickle), dill, joblib, yaml.unsafe_load
  | 'getattr';      // reads an attribute whose name comes from its arguments (getattr, attrgetter, operator.methodcaller)

export interface ReachStep {
  sink: Sink;
  /** Call path from the callable to the sink, dotted names: ['typing._eval_type', 'builtins.eval']. */
  path: string[];
}

export interface CallableFacts {
  /** Sinks reachable from this callable (empty: proved to reach none). Shortest path per sink. */
  reach: ReachStep[];
  /**
   * Higher-order: which positional arguments (0-based) the callable calls, or stores and calls later
   * (map's 0, sorted's `key`, functools.partial's 0, logging.Filterer.addFilter's 0 ...). 'any' when
   * it calls something derived from its arguments in a way the analysis cannot pin to a position.
   */
  callsArgs?: number[] | 'any';
  /** Keyword arguments it calls (sorted/min/max `key`, defaultdict `default_factory` ...). */
  callsKwargs?: string[];
  /** A class (its construction runs __new__/__init__; BUILD may run __setstate__). */
  isClass?: boolean;
  /**
   * An instance method read from its class (`Class.method`): its callsArgs count `self` as argument 0,
   * as a pickle calling the plain function passes it. Bound to an instance (getattr(obj, 'method')),
   * subtract one. Class facts (construction) and functions count from the first argument.
   */
  isMethod?: boolean;
  /** Where the fact comes from: 'source' (analysed) or 'seed' (reviewed C-builtin list) or 'override'. */
  origin: 'source' | 'seed' | 'override';
}

export interface Knowledge {
  /** null: nobody analysed this callable (unknown). Aliases and re-exports are resolved inside. */
  lookup(module: string, qualname: string): CallableFacts | null;
  /** Methods reached through BUILD: facts of `Class.__setstate__` (or null when the class has none). */
  setstate?(module: string, qualname: string): CallableFacts | null;
  /**
   * Attributes of self that the class's methods call, or hand to a callee that calls them (inherited
   * methods included): a callable BUILD stores there is called later. null when the class is unknown.
   */
  calledAttributes?(module: string, qualname: string): readonly string[] | null;
  /** Library name → version the generator read (e.g. { python: '3.11.7', torch: '2.13.0', ... }). */
  readonly versions: Readonly<Record<string, string>>;
}
