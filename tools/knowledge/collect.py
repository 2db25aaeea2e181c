"""Pass 1: read each module's source with `ast` and record its definitions and module-level bindings.

Nothing here imports or runs the analysed code. A module's scope maps a name to every binding the
source can give it (both arms of `try: from _pickle import loads / except ImportError: def loads`),
which the resolver unions: a conservative reading of conditional definitions.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Func:
    id: int
    module: str
    qualname: str
    node: ast.AST
    cls: Optional[int]                 # owning class for methods
    params: list[str]                  # positional (posonly + args)
    kwonly: list[str]
    vararg: Optional[str]
    kwarg: Optional[str]
    defaults: dict[str, ast.expr]
    kind: str = 'function'             # function | method | static | classmethod
    is_class: bool = False

    @property
    def name(self) -> str:
        return f'{self.module}.{self.qualname}'

    def all_params(self) -> list[str]:
        out = list(self.params)
        if self.vararg:
            out.append(self.vararg)
        out += self.kwonly
        if self.kwarg:
            out.append(self.kwarg)
        return out


@dataclass
class Klass:
    id: int
    module: str
    qualname: str
    node: ast.ClassDef
    outer: Optional[int]
    bases: list[ast.expr]
    members: dict[str, list[tuple]] = field(default_factory=dict)
    dataclass_like: bool = False
    is_class: bool = True

    @property
    def name(self) -> str:
        return f'{self.module}.{self.qualname}'


@dataclass
class Module:
    name: str
    path: str
    is_pkg: bool
    scope: dict[str, list[tuple]] = field(default_factory=dict)
    stars: list[str] = field(default_factory=list)
    all: Optional[list[str]] = None
    # bindings a module-level __getattr__ forwards unknown names to (numpy.core.* shims of numpy 2)
    fallbacks: list[tuple] = field(default_factory=list)


class Collector:
    """Holds every module, function and class of the analysed source."""

    def __init__(self) -> None:
        self.modules: dict[str, Module] = {}
        self.nodes: list = []          # Func | Klass, indexed by id

    def add_module(self, name: str, path: str, is_pkg: bool, tree: ast.Module) -> None:
        mod = Module(name, path, is_pkg)
        self.modules[name] = mod
        self._block(mod, tree.body, mod.scope, None, '')

    # -- helpers -------------------------------------------------------------------------------
    def _abs(self, mod: Module, level: int, name: Optional[str]) -> str:
        if level == 0:
            return name or ''
        parts = mod.name.split('.')
        base = parts if mod.is_pkg else parts[:-1]
        if level > 1:
            base = base[: len(base) - (level - 1)]
        return '.'.join(base + ([name] if name else []))

    def _bind(self, scope: dict, name: str, binding: tuple) -> None:
        scope.setdefault(name, []).append(binding)

    def _import(self, mod: Module, st: ast.stmt, scope: dict) -> None:
        if isinstance(st, ast.Import):
            for a in st.names:
                if a.asname:
                    self._bind(scope, a.asname, ('mod', a.name))
                else:
                    top = a.name.split('.')[0]
                    self._bind(scope, top, ('mod', top))
        else:
            src = self._abs(mod, st.level or 0, st.module)
            for a in st.names:
                if a.name == '*':
                    if scope is mod.scope:
                        mod.stars.append(src)
                    continue
                self._bind(scope, a.asname or a.name, ('from', src, a.name))

    def _func(self, mod: Module, d, cls: Optional[int], prefix: str) -> Func:
        a = d.args
        pos = [p.arg for p in a.posonlyargs + a.args]
        defaults = {}
        for p, dv in zip((a.posonlyargs + a.args)[len(pos) - len(a.defaults):], a.defaults):
            defaults[p.arg] = dv
        for p, dv in zip(a.kwonlyargs, a.kw_defaults):
            if dv is not None:
                defaults[p.arg] = dv
        kind = 'function'
        if cls is not None:
            decos = {_deco_name(x) for x in d.decorator_list}
            kind = 'static' if 'staticmethod' in decos else 'classmethod' if 'classmethod' in decos else 'method'
            if d.name == '__new__':
                kind = 'classmethod'   # implicit staticmethod whose first argument is the class
        f = Func(len(self.nodes), mod.name, prefix + d.name, d, cls, pos, [p.arg for p in a.kwonlyargs],
                 a.vararg.arg if a.vararg else None, a.kwarg.arg if a.kwarg else None, defaults, kind)
        self.nodes.append(f)
        return f

    def _class(self, mod: Module, d: ast.ClassDef, outer: Optional[int], prefix: str) -> Klass:
        k = Klass(len(self.nodes), mod.name, prefix + d.name, d, outer, list(d.bases))
        k.dataclass_like = any(_deco_name(x) in ('dataclass', 'define', 'attrs', 's', 'frozen') for x in d.decorator_list)
        self.nodes.append(k)
        self._block(mod, d.body, k.members, k.id, k.qualname + '.')
        return k

    def _block(self, mod: Module, body: list, scope: dict, cls: Optional[int], prefix: str, fallback: bool = False) -> None:
        """fallback: inside an `except` handler. Its tuple assignments are not paired: they are the pure-Python
        twins of a C module that CPython always has (pickle.py's `except ImportError: dump, dumps, load, loads =
        _dump, _dumps, _load, _loads`); pairing them made every caller of pickle.dumps reach __import__ through
        pickle._Pickler.save_global, code that never runs. Single-name fallbacks stay unioned, as before."""
        for st in body:
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if st.name == '__getattr__' and cls is None:
                    self._forwarding(mod, st)
                f = self._func(mod, st, cls, prefix)
                self._bind(scope, st.name, ('node', f.id))
                # A property/setter pair binds one name twice; keep both (they are unioned).
            elif isinstance(st, ast.ClassDef):
                k = self._class(mod, st, cls, prefix)
                self._bind(scope, st.name, ('node', k.id))
            elif isinstance(st, (ast.Import, ast.ImportFrom)):
                self._import(mod, st, scope)
            elif isinstance(st, (ast.Assign, ast.AnnAssign)):
                targets = st.targets if isinstance(st, ast.Assign) else [st.target]
                value = st.value
                if value is None:
                    continue
                for t in targets:
                    # `a = b = f` binds every target (the loop); `load, loads = pickle.load, pickle.loads`
                    # (cloudpickle, srsly's vendored copy) pairs each name with its element (_unpack).
                    for name, v in _unpack(t, value, pair=not fallback):
                        self._assign(mod, scope, cls, prefix, name, v)
            elif isinstance(st, ast.AugAssign) and cls is None and isinstance(st.target, ast.Name) and st.target.id == '__all__':
                extra = _str_list(st.value) or []
                mod.all = (mod.all or []) + extra
            elif isinstance(st, ast.For) and cls is None:
                self._globals_loop(mod, st, scope)
            elif isinstance(st, ast.If):
                self._block(mod, st.body, scope, cls, prefix, fallback)
                self._block(mod, st.orelse, scope, cls, prefix, fallback)
            elif isinstance(st, ast.Try) or st.__class__.__name__ == 'TryStar':
                self._block(mod, st.body, scope, cls, prefix, fallback)
                for h in st.handlers:
                    self._block(mod, h.body, scope, cls, prefix, True)
                self._block(mod, st.orelse, scope, cls, prefix, fallback)
                self._block(mod, st.finalbody, scope, cls, prefix, fallback)
            elif isinstance(st, (ast.With, ast.AsyncWith)):
                self._block(mod, st.body, scope, cls, prefix, fallback)


    def _assign(self, mod: Module, scope: dict, cls: Optional[int], prefix: str, name: str, value) -> None:
        """One name bound to one expression (None: an element we cannot pair, e.g. `a, b = f()`)."""
        if name == '__all__' and cls is None and value is not None:
            mod.all = _str_list(value)
        if value is None:
            self._bind(scope, name, ('value',))
        elif isinstance(value, (ast.Name, ast.Attribute)):
            self._bind(scope, name, ('expr', value))
        elif isinstance(value, ast.Call):
            self._bind(scope, name, ('call', value))
        elif isinstance(value, ast.Lambda):
            a = value.args
            f = Func(len(self.nodes), mod.name, prefix + name, value, cls, [p.arg for p in a.posonlyargs + a.args],
                     [p.arg for p in a.kwonlyargs], a.vararg.arg if a.vararg else None,
                     a.kwarg.arg if a.kwarg else None, {}, 'function' if cls is None else 'method')
            self.nodes.append(f)
            self._bind(scope, name, ('node', f.id))
        else:
            self._bind(scope, name, ('value', value) if cls is None else ('value',))

    def _forwarding(self, mod: Module, d: ast.FunctionDef) -> None:
        """`def __getattr__(name): return getattr(other_module, name)`: unknown names come from there."""
        local: dict[str, list] = {}
        for n in ast.walk(d):
            if isinstance(n, (ast.Import, ast.ImportFrom)):
                self._import(mod, n, local)
            if isinstance(n, ast.ImportFrom):
                # lazy re-export: `if name == 'X': from .m import X as x; return x`
                src = self._abs(mod, n.level or 0, n.module)
                for a in n.names:
                    if a.name != '*' and a.name not in mod.scope:
                        self._bind(mod.scope, a.name, ('from', src, a.name))
        for n in ast.walk(d):
            if (isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == 'getattr'
                    and n.args and isinstance(n.args[0], (ast.Name, ast.Attribute))):
                a0 = n.args[0]
                if isinstance(a0, ast.Name) and a0.id in local:
                    mod.fallbacks += local[a0.id]
                else:
                    mod.fallbacks.append(('expr', a0))

    def _globals_loop(self, mod: Module, st: ast.For, scope: dict) -> None:
        """`for item in ['a', 'b']: globals()[item] = getattr(src, item)` (numpy.core.multiarray)."""
        names = _str_list(st.iter)
        if not names or not isinstance(st.target, ast.Name):
            return
        for s in st.body:
            if (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Subscript)
                    and isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Name)
                    and s.value.func.id == 'getattr' and len(s.value.args) >= 2):
                src = s.value.args[0]
                for name in names:
                    self._bind(scope, name, ('expr', ast.Attribute(value=src, attr=name, ctx=ast.Load())))


def _unpack(target: ast.expr, value, pair: bool = True):
    """(name, expression or None) pairs an assignment binds. A tuple target is paired element by element
    with a tuple or list display of the same length (recursively, `(a, b), c = (x, y), z`); any other value
    (a call's result, a starred target) leaves its names unpaired (None: some value)."""
    if isinstance(target, ast.Name):
        return [(target.id, value)]
    if isinstance(target, (ast.Tuple, ast.List)):
        elts = target.elts
        paired = (pair and isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(elts)
                  and not any(isinstance(e, ast.Starred) for e in list(elts) + list(value.elts)))
        out = []
        for i, e in enumerate(elts):
            if isinstance(e, ast.Starred):
                e = e.value
            out += _unpack(e, value.elts[i] if paired else None, pair)
        return out
    return []


def _deco_name(e: ast.expr) -> str:
    if isinstance(e, ast.Call):
        e = e.func
    if isinstance(e, ast.Attribute):
        return e.attr
    if isinstance(e, ast.Name):
        return e.id
    return ''


def _str_list(e: ast.expr) -> Optional[list[str]]:
    if isinstance(e, (ast.List, ast.Tuple)):
        return [x.value for x in e.elts if isinstance(x, ast.Constant) and isinstance(x.value, str)]
    return None
