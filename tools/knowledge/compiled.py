"""Facts for public callables that are compiled code (C, Cython, f2py Fortran, Rust/pyo3), which the
AST pass cannot read. Run as a child process by generate.py: it imports the modules that bind the
names (nothing is called; only types, signatures and docstrings are read) and classifies each object.

Rules (each fact carries its reason; see README "Compiled callables"):
  * a numpy ufunc: silent. Its loops are compiled numeric code; the only Python it runs are the
    __array_ufunc__/__array_wrap__ overrides of its arguments' classes (a dunder of an argument, which a
    pickle can only name from installed code, not define), so it calls none of its arguments.
  * an f2py wrapper (`fortran` objects, and f2py builtins with a doc signature): calls Fortran; it calls
    Python only through call-back arguments, which its docstring lists (`name : call-back function`,
    `name : callable`). Those positions are callsArgs; without any it is silent.
  * a Cython / C function or method descriptor with a signature (inspect, __text_signature__, or the
    f2py/numpy docstring first line `name(a, b, [c])`): parameters that are named like a callable
    (CALLABLE_PARAMS) or that its docstring types as callable/function are callsArgs; otherwise silent.
  * a compiled class (pyo3, Cython cdef class, C type): construction is judged by its __init__/__new__
    text signature as above.
  * a Python function or class defined in a module the AST pass read, but bound under this name by
    code it cannot follow (decorator factories, globals() loops): an alias to that definition.
  * a method bound to a module-level instance (`model_info = api.model_info`), or an instance whose
    class defines __call__ in Python: an alias to that method when it calls none of its arguments.
  Names that suggest a sink (SINK_WORDS: save, write, dump, load, open, exec, system, ...) are never made
  silent here: they stay uncovered unless seeds.py reviews them. So does anything without a
  signature, anything in a module outside seeds.TRUSTED_EXT_PREFIXES / compiled-package roots, and
  anything that is not callable. Names bound to objects that are not callables (constants, dicts,
  typing constructs such as `ArrayLike = Union[...]`) are reported so the coverage count leaves them out.
"""
from __future__ import annotations

import importlib
import inspect
import json
import re
import sys
import warnings

# Parameter names that in numpy/scipy/sklearn/pandas/torch compiled APIs carry a callable.
CALLABLE_PARAMS = {
    'f', 'fun', 'func', 'function', 'fcn', 'fn', 'callback', 'cb', 'callable', 'key', 'hook', 'jac',
    'hess', 'hessp', 'predicate', 'factory', 'default_factory', 'handler', 'target', 'pyfunc', 'cmp',
    'objective', 'feval', 'fprime', 'fhess', 'obj', 'metric', 'kernel', 'dist', 'score_func', 'loss',
    'custom', 'transform', 'mapper', 'reducer', 'filter', 'visitor', 'pyfunction', 'py_func', 'fg',
    'lower', 'upper', 'gfun', 'hfun', 'qfun', 'rfun', 'calc', 'user_function', 'deriv', 'fcn2',
}
# Words of a callable's name (split at `_` and camelCase) that may mean it writes files, runs processes,
# loads serialized data, reaches the network or looks names up: those callables are left to seeds.py
# (reviewed one by one), never classified silent here.
SINK_WORDS = {
    'save', 'write', 'writes', 'dump', 'dumps', 'serialize', 'tofile', 'load', 'loads', 'unpickle', 'pickle',
    'open', 'exec', 'system', 'spawn', 'popen', 'eval', 'compile', 'download', 'urlopen', 'url', 'connect',
    'socket', 'import', 'remove', 'unlink', 'rmtree', 'mkdir', 'setattr', 'getattr', 'call', 'apply', 'map',
    'run', 'execute', 'file', 'files', 'pretrained', 'hub', 'send', 'request', 'dlopen', 'ctypes', 'ptr',
    'pointer', 'address', 'library', 'script', 'jit', 'shell', 'process', 'thread', 'signal', 'register',
}


def sinky(name: str) -> bool:
    words = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', name).lower().split('_')
    return any(w in SINK_WORDS for w in words)


DOC_CALLABLE = re.compile(r'^\s*(\w+)\s*:\s*(?:[^\n]*\b(?:callable|call-back|callback|function)\b)', re.M)
DOC_SIG = re.compile(r'^[\[\]\w, ]*=?\s*(\w+)\((.*?)\)\s*$', re.M)


def doc_params(obj) -> list[str] | None:
    """Parameters from a docstring signature line (`c = dgemm(alpha,a,b,[beta,c])`, `f(x, /, out=None)`)."""
    doc = getattr(obj, '__doc__', None) or ''
    name = getattr(obj, '__name__', None)
    for m in DOC_SIG.finditer(doc[:2000]):
        if name and m.group(1) != name:
            continue
        out = []
        for p in re.split(r'[,\[\]|]', m.group(2)):
            p = p.strip().split('=')[0].strip().lstrip('*')
            if p and p != '/' and p.isidentifier():
                out.append(p)
        return out
    return None


def params_of(obj) -> list[str] | None:
    try:
        sig = inspect.signature(obj)
        return [p.name for p in sig.parameters.values()]
    except (TypeError, ValueError):
        pass
    return doc_params(obj)


def callable_params(obj, params: list[str]) -> tuple[list[int], list[str]]:
    doc = getattr(obj, '__doc__', None) or ''
    typed = {m.group(1) for m in DOC_CALLABLE.finditer(doc)}
    pos, kws = [], []
    skip = 1 if params and params[0] in ('self', 'cls') else 0
    for i, p in enumerate(params):
        if i < skip:
            continue
        if p.lower() in CALLABLE_PARAMS or p in typed or p.endswith('_func') or p.endswith('_fn') or p.endswith('callback'):
            pos.append(i - skip)
            kws.append(p)
    return pos, kws


def is_compiled_function(obj) -> bool:
    t = type(obj).__name__
    return t in ('builtin_function_or_method', 'cython_function_or_method', 'fused_cython_function',
                 'method_descriptor', 'wrapper_descriptor', 'classmethod_descriptor', 'fortran',
                 'builtin_method', '_cython_3_0_11.cython_function_or_method') or t.endswith('cython_function_or_method')


def classify_obj(obj, dotted: str):
    """(kind, facts or None, reason). facts: {'calls': [...], 'kwargs': [...]} (silent when empty),
    or {'alias': 'module.qualname'}; None: stays uncovered."""
    import numpy as np
    leaf = dotted.rsplit('.', 1)[-1]
    if isinstance(obj, np.ufunc):
        return 'ufunc', {'calls': [], 'kwargs': []}, 'numpy ufunc: compiled loops, calls no argument'
    if not callable(obj):
        return 'not-callable', None, 'not callable'
    if not isinstance(obj, type) and (type(obj).__module__ in ('typing', 'typing_extensions')
                                      or type(obj).__name__ in ('GenericAlias', 'UnionType')):
        return 'typing-alias', None, 'a typing construct (Union[...], TypeVar, a special form): an annotation, not a callable'
    if inspect.ismethod(obj) and hasattr(obj.__func__, '__code__'):
        f = obj.__func__
        return 'bound-method', {'alias': f'{f.__module__}.{f.__qualname__}'}, 'a method bound to a module-level instance'
    if not isinstance(obj, type) and not inspect.isroutine(obj) and hasattr(type(obj).__call__, '__code__'):
        c = type(obj).__call__
        return 'instance-call', {'alias': f'{c.__module__}.{c.__qualname__}'}, 'a module-level instance: calling it runs its class\'s __call__'
    code = getattr(obj, '__code__', None) or getattr(getattr(obj, '__wrapped__', None), '__code__', None)
    if code is not None or (isinstance(obj, type) and not getattr(obj, '__module__', '').startswith('builtins')
                            and _python_class(obj)):
        target = getattr(obj, '__wrapped__', obj)
        mod, qn = getattr(target, '__module__', None), getattr(target, '__qualname__', None)
        if mod and qn and '<' not in qn:
            return 'python', {'alias': f'{mod}.{qn}'}, 'Python definition bound by dynamic code'
        return 'python-anon', None, 'Python callable without a stable name'
    if sinky(leaf):
        return 'sinky-name', None, 'name suggests I/O or code loading: left to seeds.py'
    if isinstance(obj, type):
        params = None
        for m in ('__init__', '__new__'):
            f = vars(obj).get(m) if m in vars(obj) else None
            if f is not None:
                params = params_of(f)
                if params:
                    break
        if params is None:
            params = params_of(obj)
        if params is None:
            ts = getattr(obj, '__text_signature__', None)
            if ts is None and not (getattr(obj, '__doc__', None) or ''):
                return 'compiled-class-nosig', None, 'compiled class without signature or doc'
            params = []
        pos, kws = callable_params(obj, params)
        return 'compiled-class', {'calls': pos, 'kwargs': kws}, 'compiled class: callable-typed constructor parameters are callsArgs'
    if type(obj).__name__ == 'fortran' or is_compiled_function(obj):
        params = params_of(obj)
        if params is None:
            return 'compiled-nosig', None, 'compiled function without signature'
        pos, kws = callable_params(obj, params)
        kind = 'f2py' if type(obj).__name__ == 'fortran' else 'compiled'
        return kind, {'calls': pos, 'kwargs': kws}, f'{kind}: callable-typed parameters are callsArgs'
    return 'other:' + type(obj).__name__, None, 'unrecognised callable type'


def _python_class(cls) -> bool:
    """A class whose __init__ or __new__ is Python code (so the AST pass could have read it)."""
    for m in ('__init__', '__new__'):
        for k in cls.__mro__:
            if m in vars(k):
                f = vars(k)[m]
                if hasattr(f, '__code__') or hasattr(getattr(f, '__func__', None), '__code__'):
                    return True
                break
    return False


# Modules not imported: importing them acts (opens a browser, prints, starts a GUI or a program).
NO_IMPORT = re.compile(r'^(antigravity|this|idlelib|turtledemo|tkinter|turtle|lib2to3\.pgen2\.conv)(\.|$)|(^|\.)__main__$')


def main() -> None:
    warnings.simplefilter('ignore')
    entries = json.loads(sys.stdin.read())
    out = {}
    for i, (mname, name, where) in enumerate(entries):
        if i % 500 == 0:
            print(f'compiled.py: {i}/{len(entries)} {mname}', file=sys.stderr, flush=True)
        if NO_IMPORT.search(mname):
            out[f'{mname}.{name}'] = ['not-imported', None, 'module acts when imported', where]
            continue
        try:
            mod = importlib.import_module(mname)
        except BaseException as e:  # noqa: BLE001 - any import failure leaves the name uncovered
            out[f'{mname}.{name}'] = ['import-failed', None, type(e).__name__, where]
            continue
        try:
            obj = getattr(mod, name)
        except AttributeError:
            # bound only for type checkers (`if TYPE_CHECKING:` imports) or deleted after use: a pickle
            # naming it fails to load, so it is not a callable of the package
            out[f'{mname}.{name}'] = ['not-bound', None, 'not bound when the module is imported', where]
            continue
        except BaseException as e:  # noqa: BLE001 - a lazy module failing to import the name: unknown
            out[f'{mname}.{name}'] = ['import-failed', None, type(e).__name__, where]
            continue
        try:
            kind, facts, reason = classify_obj(obj, f'{mname}.{name}')
        except BaseException as e:  # noqa: BLE001
            kind, facts, reason = 'error', None, type(e).__name__
        out[f'{mname}.{name}'] = [kind, facts, reason, where]
    sys.stdout.write('\n' + json.dumps(out) + '\n')


if __name__ == '__main__':
    main()
