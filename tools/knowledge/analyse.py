"""Pass 3: read each function body and record its call sites in a compact form.

Flow-insensitive and intra-procedural: a local name stands for the union of everything assigned to
it anywhere in the function (one level of `x = Class(...)` typing, `for f in self.filters`, default
values of parameters). Nested functions and lambdas count as part of the function that defines them
(a decorator that returns a wrapper calling its argument `calls` that argument).

A call site keeps, per argument, which parameters of the caller its value depends on (for sinks that
matter only with a caller-chosen argument: getattr, import, eval ...), which parameters it passes
as-is (for higher-order propagation), whether it is a constant, and which known callables it names
(a function passed as data to a higher-order callee).
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from collect import Func, Klass
from resolve import Resolver, instances

STORE_METHODS = {'append', 'add', 'insert', 'appendleft', 'extend', 'update', 'setdefault', 'push'}


@dataclass
class Arg:
    deps: frozenset          # caller parameters the value is derived from
    ptg: frozenset           # caller parameters passed as they are (a callable handed on)
    const: bool
    ho: tuple                # known callables named by the value: ('n', id) | ('bm', id) | ('x', name)
    text: str = ''           # constant string value (open() modes)
    sa: tuple = ()           # attributes of self the value is (`self.func` handed to a callee)


@dataclass
class Site:
    callees: list            # (key, shift): key is a node id or an external dotted name
    pos: list                # Arg per positional argument (None after a starred one)
    star: Arg | None
    kws: dict
    dstar: Arg | None
    recv: Arg | None
    attrs: tuple = ()        # (class id, attribute) called on self/an instance: filled in by link_attrs


@dataclass
class Body:
    sites: list = field(default_factory=list)
    pcalls: set = field(default_factory=set)       # parameters it calls
    sa_calls: set = field(default_factory=set)     # self attributes it calls
    stores: list = field(default_factory=list)     # (self attribute, parameters stored there)
    held: list = field(default_factory=list)       # (self attribute, known callables stored there)


CONST_ARG = Arg(frozenset(), frozenset(), True, ())


def link_attrs(res: Resolver, bodies: dict) -> None:
    """A call of `self.X(...)` where some method stored a known callable in self.X (`self._open = open`)
    becomes a call of that callable (classes searched along the MRO)."""
    held: dict[int, dict[str, set]] = {}
    for fid, body in bodies.items():
        cls = res.col.nodes[fid].cls
        for attr, known in body.held:
            held.setdefault(cls, {}).setdefault(attr, set()).update(known)
    if not held:
        return
    for body in bodies.values():
        for site in body.sites:
            for cid, attr in site.attrs:
                for t in res.mro(cid):
                    known = held.get(t[1], {}).get(attr) if t[0] == 'n' else None
                    if not known:
                        continue
                    for k in known:
                        node = res.col.nodes[k[1]] if k[0] in ('n', 'bm') else None
                        shift = 1 if k[0] == 'bm' or (isinstance(node, Func) and node.kind == 'classmethod') else 0
                        site.callees.append((k[1], shift))
                    break


class FuncAnalyser:
    def __init__(self, res: Resolver, f: Func) -> None:
        self.res = res
        self.col = res.col
        self.f = f
        self.pidx = {n: i for i, n in enumerate(f.all_params())}
        self.locals: dict[str, list] = {}
        self.body = Body()
        self._busy: set = set()
        self._dep_busy: set = set()
        self._local_deps: dict[str, frozenset] = {}

    # -- locals ----------------------------------------------------------------------------------
    def _bind_target(self, t: ast.expr, kind: str, value: ast.expr) -> None:
        if isinstance(t, ast.Name):
            # a parameter reassigned (`if pickle_module is None: pickle_module = pickle`) is both
            self.locals.setdefault(t.id, []).append((kind, value))
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                self._bind_target(e, 'elt', value)
        elif isinstance(t, ast.Starred):
            self._bind_target(t.value, 'elt', value)

    def collect(self) -> Body:
        node = self.f.node
        stmts = node.body if isinstance(node.body, list) else [node.body]
        nodes = [n for s in stmts for n in ast.walk(s)]
        for n in nodes:
            if isinstance(n, ast.Assign):
                for t in n.targets:
                    self._bind_target(t, 'val', n.value)
                    self._store(t, n.value)
            elif isinstance(n, (ast.AnnAssign, ast.NamedExpr)) and n.value is not None:
                self._bind_target(n.target, 'val', n.value)
                self._store(n.target, n.value)
            elif isinstance(n, (ast.For, ast.AsyncFor, ast.comprehension)):
                self._bind_target(n.target, 'elt', n.iter)
            elif isinstance(n, (ast.With, ast.AsyncWith)):
                for it in n.items:
                    if it.optional_vars is not None:
                        self._bind_target(it.optional_vars, 'with', it.context_expr)
            elif isinstance(n, ast.Import):
                for a in n.names:
                    nm = a.asname or a.name.split('.')[0]
                    self.locals.setdefault(nm, []).append(('bind', ('mod', a.name if a.asname else nm)))
            elif isinstance(n, ast.ImportFrom):
                mod = self.col.modules[self.f.module]
                src = self.col._abs(mod, n.level or 0, n.module)
                for a in n.names:
                    if a.name != '*':
                        self.locals.setdefault(a.asname or a.name, []).append(('bind', ('from', src, a.name)))
            elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) and n is not node:
                for p in n.args.posonlyargs + n.args.args + n.args.kwonlyargs:
                    self.locals.setdefault(p.arg, [])
        for n in nodes:
            if isinstance(n, ast.Call):
                self._call(n)
        return self.body

    def _is_self(self, e: ast.expr) -> bool:
        return (isinstance(e, ast.Name) and self.f.kind == 'method' and bool(self.f.params)
                and e.id == self.f.params[0])

    def _store(self, target: ast.expr, value: ast.expr) -> None:
        if isinstance(target, ast.Subscript):
            target = target.value
        if isinstance(target, ast.Attribute) and self._is_self(target.value):
            ts = self.resolve(value)
            ps = {t[1] for t in ts if t[0] == 'p'}
            if ps:
                self.body.stores.append((target.attr, ps))
            known = {t for t in ts if t[0] in ('n', 'bm', 'x')}
            if known:
                self.body.held.append((target.attr, known))

    # -- expressions -----------------------------------------------------------------------------
    def resolve(self, e: ast.expr) -> set:
        if isinstance(e, ast.Name):
            return self._name(e.id)
        if isinstance(e, ast.Attribute):
            out = set()
            for t in self.resolve(e.value):
                out |= self.res.attr(t, e.attr)
            return out
        if isinstance(e, ast.Call):
            if isinstance(e.func, ast.Name) and e.func.id == 'super' and self.f.cls is not None:
                return {('super', self.f.cls)}
            return instances(self.col, self.resolve(e.func))
        if isinstance(e, ast.IfExp):
            return self.resolve(e.body) | self.resolve(e.orelse)
        if isinstance(e, ast.BoolOp):
            out = set()
            for v in e.values:
                out |= self.resolve(v)
            return out
        if isinstance(e, ast.Subscript):
            return {t for t in self.resolve(e.value) if t[0] in ('p', 'sa')}
        if isinstance(e, ast.Starred):
            return self.resolve(e.value)
        if isinstance(e, ast.NamedExpr):
            return self.resolve(e.value)
        return set()

    def _name(self, name: str) -> set:
        if name in self.pidx:
            i = self.pidx[name]
            out = {('p', i)}
            if i == 0 and self.f.cls is not None:
                if self.f.kind == 'method':
                    out.add(('self', self.f.cls))
                elif self.f.kind == 'classmethod':
                    out.add(('n', self.f.cls))
            d = self.f.defaults.get(name)
            if d is not None and isinstance(d, (ast.Name, ast.Attribute)):
                out |= self.res.static_expr(self.f.module, d, None)
            if name in self.locals:
                out |= self._assigned(name)
            return out
        if name in self.locals:
            return self._assigned(name)
        return set(self.res.global_name(self.f.module, name))

    def _assigned(self, name: str) -> set:
        """What a local (or reassigned parameter) may hold: the union of its assignments."""
        if name in self._busy:
            return set()
        self._busy.add(name)
        out = set()
        for kind, v in self.locals[name]:
            if kind == 'bind':
                out |= self.res.binding(self.f.module, v, None)
            elif kind == 'val':
                out |= self.resolve(v)
            elif kind == 'with':
                out |= self.resolve(v)
            elif kind == 'elt':
                if isinstance(v, (ast.List, ast.Tuple, ast.Set)):
                    for x in v.elts:
                        out |= self.resolve(x)
                else:
                    out |= {t for t in self.resolve(v) if t[0] in ('p', 'sa')}
        self._busy.discard(name)
        return out

    def deps(self, e: ast.expr) -> frozenset:
        out = set()
        for n in ast.walk(e):
            if isinstance(n, ast.Name):
                if n.id in self.pidx:
                    out.add(self.pidx[n.id])
                elif n.id in self.locals:
                    out |= self._local(n.id)
        return frozenset(out)

    def _local(self, name: str) -> frozenset:
        """Parameters a local variable may be derived from (memoised; a cycle contributes nothing)."""
        hit = self._local_deps.get(name)
        if hit is not None:
            return hit
        if name in self._dep_busy:
            return frozenset()
        self._dep_busy.add(name)
        out = set()
        for kind, v in self.locals[name]:
            if kind != 'bind':
                out |= self.deps(v)
        self._dep_busy.discard(name)
        res = frozenset(out)
        self._local_deps[name] = res
        return res

    def arg(self, e: ast.expr) -> Arg:
        if _is_const(e):
            text = e.value if isinstance(e, ast.Constant) and isinstance(e.value, str) else ''
            return Arg(frozenset(), frozenset(), True, (), text)
        targets = self.resolve(e)
        ptg = frozenset(t[1] for t in targets if t[0] == 'p')
        ho = tuple(sorted({t for t in targets if t[0] in ('n', 'bm', 'x')}, key=repr))
        attrs = [n.attr for n in ast.walk(e) if isinstance(n, ast.Attribute)]
        mod = self.col.modules[self.f.module]
        for n in ast.walk(e):
            if isinstance(n, ast.Name) and n.id not in self.pidx and n.id not in self.locals:
                for b in mod.scope.get(n.id, ()):
                    if b[0] == 'value' and len(b) > 1:
                        attrs += [x.attr for x in ast.walk(b[1]) if isinstance(x, ast.Attribute)]
        sa = tuple(sorted({t[2] for t in targets if t[0] == 'sa'}))
        return Arg(self.deps(e), ptg, False, ho, ','.join(attrs), sa)

    # -- calls -----------------------------------------------------------------------------------
    def _call(self, c: ast.Call) -> None:
        targets = self.resolve(c.func)
        callees, attrs = [], []
        for t in targets:
            k = t[0]
            if k == 'p':
                self.body.pcalls.add(t[1])
            elif k == 'sa':
                self.body.sa_calls.add(t[2])
                attrs.append((t[1], t[2]))
            elif k == 'ia':
                attrs.append((t[1], t[2]))
            elif k == 'n':
                node = self.col.nodes[t[1]]
                shift = 1 if isinstance(node, Func) and node.kind == 'classmethod' else 0
                callees.append((t[1], shift))
            elif k == 'bm':
                callees.append((t[1], 1))
            elif k == 'x':
                callees.append((t[1], 0))
            elif k == 'i':
                for m in self.res.member(t[1], '__call__'):
                    if m[0] == 'n':
                        callees.append((m[1], 1))
        # `self.X.append(p)`: storing a parameter into a container attribute.
        f = c.func
        if (isinstance(f, ast.Attribute) and f.attr in STORE_METHODS and isinstance(f.value, ast.Attribute)
                and self._is_self(f.value.value) and c.args):
            self._store(f.value, c.args[-1])
        if not callees and not attrs:
            return
        pos, star = [], None
        for a in c.args:
            if isinstance(a, ast.Starred):
                star = self.arg(a.value)
                break
            pos.append(self.arg(a))
        kws, dstar = {}, None
        for kw in c.keywords:
            if kw.arg is None:
                dstar = self.arg(kw.value)
            else:
                kws[kw.arg] = self.arg(kw.value)
        recv = self.arg(f.value) if isinstance(f, ast.Attribute) else None
        self.body.sites.append(Site(callees, pos, star, kws, dstar, recv, tuple(attrs)))


def _is_const(e: ast.expr) -> bool:
    if isinstance(e, ast.Constant):
        return True
    if isinstance(e, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) for v in e.values)
    if isinstance(e, ast.BinOp):
        return _is_const(e.left) and _is_const(e.right)
    return False
