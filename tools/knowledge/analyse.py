"""Pass 3: read each function body and record its call sites in a compact form.

Flow-insensitive and intra-procedural: a local name stands for the union of everything assigned to
it anywhere in the function (one level of `x = Class(...)` typing, `for f in self.filters`, default
values of parameters). Nested functions and lambdas count as part of the function that defines them
(a decorator that returns a wrapper calling its argument `calls` that argument).

Calls through an attribute of an object are followed where the object's class is known from the
source (typed_attr_calls): a local or parameter bound to `Class(...)`, to a call of a function whose
`return` gives such an instance (or that is annotated `-> Class`), to a parameter annotated `Class`
(`Optional[Class]`, `Class | None`, `"Class"`), or `self.attr` that some method of the class (or of a
base) sets to one of those, or that the class body annotates. Only classes whose source was read count:
an external or unannotated object stays unfollowed. This is a may-call over-approximation (the declared
or constructed class, not its subclasses): it adds edges, so a name can only gain reach from it.

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
# Typed attribute calls (generate.py --typed-attribute-calls; off by default). Sound, and it makes spaCy's
# Language.to_disk and srsly.write_json reach their file writes, but on 2026-12-08 it also gave 3,400
# names new reach, some through unconditional sinks that are real but not a pickle's doing (joblib's
# cpu_count runs `lscpu`, so SelectKBest(mutual_info_classif) read as process creation): the constant-
# command subprocess sinks need to be tied to their arguments (as ctypes' CDLL now is) before it is on.
FOLLOW_TYPED = False


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
    sattrs: tuple = ()       # (class id, attribute, method): `self.attribute.method(...)`, filled in by link_attrs


@dataclass
class Body:
    sites: list = field(default_factory=list)
    pcalls: set = field(default_factory=set)       # parameters it calls
    sa_calls: set = field(default_factory=set)     # self attributes it calls
    stores: list = field(default_factory=list)     # (self attribute, parameters stored there)
    held: list = field(default_factory=list)       # (self attribute, known callables stored there)
    types: list = field(default_factory=list)      # (self attribute, instances of source classes stored there)


CONST_ARG = Arg(frozenset(), frozenset(), True, ())


def link_attrs(res: Resolver, bodies: dict) -> None:
    """A call of `self.X(...)` where some method stored a known callable in self.X (`self._open = open`)
    becomes a call of that callable (classes searched along the MRO); a call of `self.X.m(...)` where
    self.X holds an instance of a source class (stored by a method, or annotated in the class body)
    becomes a call of that class's m, bound."""
    held: dict[int, dict[str, set]] = {}
    types: dict[int, dict[str, set]] = {}
    for fid, body in bodies.items():
        cls = res.col.nodes[fid].cls
        for attr, known in body.held:
            held.setdefault(cls, {}).setdefault(attr, set()).update(known)
        for attr, inst in body.types:
            types.setdefault(cls, {}).setdefault(attr, set()).update(inst)
    for node in res.col.nodes if FOLLOW_TYPED else ():
        if isinstance(node, Klass):
            for st in node.node.body:
                if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
                    inst = annotation_types(res, node.module, st.annotation, node.outer)
                    if inst:
                        types.setdefault(node.id, {}).setdefault(st.target.id, set()).update(inst)
    for body in bodies.values():
        for site in body.sites:
            for cid, attr, meth in site.sattrs:
                for t in res.mro(cid):
                    for inst in types.get(t[1], {}).get(attr, ()) if t[0] == 'n' else ():
                        site.callees += bound_callees(res, res.attr(inst, meth))
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


def bound_callees(res: Resolver, targets) -> list:
    """(key, shift) callees for targets read from an instance (bound methods shift by one)."""
    out = []
    for t in targets:
        if t[0] == 'bm':
            out.append((t[1], 1))
        elif t[0] == 'n':
            node = res.col.nodes[t[1]]
            out.append((t[1], 1 if isinstance(node, Func) and node.kind == 'classmethod' else 0))
    return out


def annotation_types(res: Resolver, module: str, ann, cls) -> set:
    """Instances of source classes an annotation declares: `Class`, `mod.Class`, `"Class"`,
    `Optional[Class]`, `Union[A, B]`, `A | None`. Containers (`List[Class]`) and `Type[Class]` are not
    instances of Class and give nothing."""
    if ann is None:
        return set()
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        try:
            ann = ast.parse(ann.value, mode='eval').body
        except SyntaxError:
            return set()
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
        return annotation_types(res, module, ann.left, cls) | annotation_types(res, module, ann.right, cls)
    if isinstance(ann, ast.Subscript):
        base = ann.value.attr if isinstance(ann.value, ast.Attribute) else getattr(ann.value, 'id', '')
        if base not in ('Optional', 'Union'):
            return set()
        elts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        out = set()
        for e in elts:
            out |= annotation_types(res, module, e, cls)
        return out
    if isinstance(ann, (ast.Name, ast.Attribute)):
        return {('i', t[1]) for t in res.static_expr(module, ann, cls)
                if t[0] == 'n' and isinstance(res.col.nodes[t[1]], Klass)}
    return set()


def infer_returns(res: Resolver, funcs: list, rounds: int = 2) -> None:
    """res.returns[fid]: instances of source classes a function returns (its `return` expressions, its
    `-> Class` annotation), so `x = f(...); x.m()` is followed like `x = Class(...)`. A second round
    reads returns of calls whose own return type the first round found (`return force_path(p)`)."""
    res.returns = {}
    for _ in range(rounds):
        found = {}
        for f in funcs:
            out = annotation_types(res, f.module, getattr(f.node, 'returns', None), f.cls)
            a = FuncAnalyser(res, f)
            a.bind_locals()
            node = f.node
            stmts = node.body if isinstance(node.body, list) else [node.body]
            if isinstance(node, ast.Lambda):
                exprs = [node.body]
            else:
                exprs = [n.value for st in stmts for n in ast.walk(st) if isinstance(n, ast.Return) and n.value is not None]
            for e in exprs:
                for t in a.resolve(e):
                    if t[0] == 'i':
                        out.add(t)
                    elif t[0] == 'self':
                        out.add(('i', t[1]))
            if out:
                found[f.id] = frozenset(out)
        res.returns = found
    # The resolver memoises names with a cycle guard, so what it answers inside a cycle depends on the
    # order names are first asked for: start the analysis proper from an empty memo, in its usual order.
    res.forget()


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
        self._ann: dict | None = None
        self._storing = True

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
        nodes = self.bind_locals(store=True)
        for n in nodes:
            if isinstance(n, ast.Call):
                self._call(n)
        return self.body

    def bind_locals(self, store: bool = False) -> list:
        """Records what each local may hold (and, with store, what methods store on self); returns the
        body's nodes."""
        node = self.f.node
        stmts = node.body if isinstance(node.body, list) else [node.body]
        nodes = [n for s in stmts for n in ast.walk(s)]
        self._storing = store
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
            # `self.attr: Class = ...` declares what the attribute holds
            if (store and FOLLOW_TYPED and isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Attribute)
                    and self._is_self(n.target.value)):
                inst = annotation_types(self.res, self.f.module, n.annotation, self.f.cls)
                if inst:
                    self.body.types.append((n.target.attr, inst))
        return nodes

    def _is_self(self, e: ast.expr) -> bool:
        return (isinstance(e, ast.Name) and self.f.kind == 'method' and bool(self.f.params)
                and e.id == self.f.params[0])

    def _store(self, target: ast.expr, value: ast.expr) -> None:
        if not self._storing:
            return
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
            inst = {t for t in ts if t[0] == 'i'}
            if inst:
                self.body.types.append((target.attr, inst))

    # -- expressions -----------------------------------------------------------------------------
    def resolve(self, e: ast.expr) -> set:
        if isinstance(e, ast.Name):
            return self._name(e.id)
        if isinstance(e, ast.Attribute):
            out = set()
            for t in self.resolve(e.value):
                if t[0] == 'sa' and FOLLOW_TYPED:
                    out.add(('saa', t[1], t[2], e.attr))     # typed by link_attrs once all methods are read
                else:
                    out |= self.res.attr(t, e.attr)
            return out
        if isinstance(e, ast.Call):
            if isinstance(e.func, ast.Name) and e.func.id == 'super' and self.f.cls is not None:
                return {('super', self.f.cls)}
            fn = self.resolve(e.func)
            out = instances(self.col, fn)
            returns = getattr(self.res, 'returns', None)
            if returns:
                for t in fn:
                    if t[0] in ('n', 'bm'):
                        out |= returns.get(t[1], frozenset())
            return out
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
            ann = self._annotations().get(name) if FOLLOW_TYPED else None
            if ann is not None:
                out |= annotation_types(self.res, self.f.module, ann, self.f.cls)
            if name in self.locals:
                out |= self._assigned(name)
            return out
        if name in self.locals:
            return self._assigned(name)
        return set(self.res.global_name(self.f.module, name))

    def _annotations(self) -> dict:
        if self._ann is None:
            a = getattr(self.f.node, 'args', None)
            self._ann = {} if a is None else {
                p.arg: p.annotation for p in a.posonlyargs + a.args + a.kwonlyargs if p.annotation is not None}
        return self._ann

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
        callees, attrs, sattrs = [], [], []
        for t in targets:
            k = t[0]
            if k == 'p':
                self.body.pcalls.add(t[1])
            elif k == 'sa':
                self.body.sa_calls.add(t[2])
                attrs.append((t[1], t[2]))
            elif k == 'ia':
                attrs.append((t[1], t[2]))
            elif k == 'saa':
                sattrs.append((t[1], t[2], t[3]))
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
        if not callees and not attrs and not sattrs:
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
        self.body.sites.append(Site(callees, pos, star, kws, dstar, recv, tuple(attrs), tuple(sattrs)))


def _is_const(e: ast.expr) -> bool:
    if isinstance(e, ast.Constant):
        return True
    if isinstance(e, ast.JoinedStr):
        return all(isinstance(v, ast.Constant) for v in e.values)
    if isinstance(e, ast.BinOp):
        return _is_const(e.left) and _is_const(e.right)
    return False
