"""Pass 4: fixed points over the call graph.

1. callsArgs: a parameter a function calls (directly, through a wrapper that calls it, or by storing it
   on `self` where another method of the class calls that attribute).
2. Higher-order edges: a known callable passed at a position the callee calls becomes a call edge.
3. Reach: breadth-first from the seeded sinks backwards, so each callable keeps a shortest path.
   A sink is either unconditional (U: reached whatever the arguments) or tied to a parameter
   (T: reached when that parameter is caller-chosen, e.g. the name given to getattr). A caller
   inherits T only when it passes one of its own parameters (or data derived from them) there;
   constants never reach T sinks.
"""
from __future__ import annotations

from collections import defaultdict, deque

from analyse import Arg, Body, Site
from collect import Func, Klass
from resolve import Resolver
import seeds

READONLY_FLAGS = {'O_RDONLY', 'O_CLOEXEC', 'O_BINARY', 'O_NOFOLLOW', 'O_NONBLOCK', 'O_DIRECTORY', 'O_NOCTTY',
                  'O_NOINHERIT', 'O_NOATIME', 'O_PATH', 'O_LARGEFILE', 'O_NDELAY'}


def seed_for(name: str):
    """The SINKS entry for a name (exact, or a 'module.*' prefix entry)."""
    if name in seeds.SINKS:
        return seeds.SINKS[name]
    parts = name.split('.')
    for i in range(len(parts) - 1, 0, -1):
        e = seeds.SINKS.get('.'.join(parts[:i]) + '.*')
        if e:
            return e
    return None


class Spec:
    """Parameter layout of a callee, for mapping call-site arguments onto its parameters."""
    __slots__ = ('params', 'names', 'vararg', 'kwarg')

    def __init__(self, params, names, vararg, kwarg):
        self.params, self.names, self.vararg, self.kwarg = params, names, vararg, kwarg


class Graph:
    def __init__(self, res: Resolver, bodies: dict[int, Body]) -> None:
        self.res = res
        self.col = res.col
        self.bodies = bodies
        self.calls: dict = defaultdict(set)      # key -> parameter indices it calls (callee numbering)
        self.ctor_map: dict[int, list] = {}      # class id -> [(ctor key, {ctor param -> class param})]
        self.spec_cache: dict = {}
        self.first: dict = {}                    # (key, sink) -> next key (None: the key is the sink)
        self.U: dict = defaultdict(set)
        self.T: dict = defaultdict(set)
        self.direct: dict = defaultdict(set)     # seeds that only count when a pickle calls them

    # -- layouts -------------------------------------------------------------------------------
    def spec(self, key):
        if key in self.spec_cache:
            return self.spec_cache[key]
        s = None
        if isinstance(key, int):
            node = self.col.nodes[key]
            if isinstance(node, Func):
                s = Spec(node.params, node.all_params(), node.vararg, node.kwarg)
            else:
                for ck, _ in self.ctors(key):
                    if isinstance(ck, int):
                        f = self.col.nodes[ck]
                        s = Spec(f.params[1:], f.all_params()[1:], f.vararg, f.kwarg)
                        break
                s = s or Spec([], [], None, None)
        self.spec_cache[key] = s
        return s

    def ctors(self, cid: int) -> list:
        """Construction runs __new__ and __init__ (inherited); a dataclass also runs __post_init__."""
        if cid in self.ctor_map:
            return self.ctor_map[cid]
        self.ctor_map[cid] = []
        names = ['__init__', '__new__']
        if any(t[0] == 'n' and self.col.nodes[t[1]].dataclass_like for t in self.res.mro(cid)):
            names.append('__post_init__')
        out = []
        for n in names:
            for t in self.res.member(cid, n):
                if t[0] == 'n' and isinstance(self.col.nodes[t[1]], Func):
                    out.append((t[1], None))
                elif t[0] == 'x' and not t[1].startswith('builtins.object.'):
                    out.append((t[1], None))
        # map each ctor parameter (after self/cls) onto the class's call arguments by name, else position
        first = next((k for k, _ in out if isinstance(k, int)), None)
        cls_names = self.col.nodes[first].all_params()[1:] if first is not None else []
        res = []
        for k, _ in out:
            m = {}
            if isinstance(k, int):
                f = self.col.nodes[k]
                for j, n in enumerate(f.all_params()):
                    if j == 0:
                        continue
                    if n in cls_names:
                        m[j] = cls_names.index(n)
                    elif j - 1 < len(cls_names):
                        m[j] = j - 1
            res.append((k, m))
        self.ctor_map[cid] = res
        return res

    def args_for(self, site: Site, key, shift: int, j) -> list:
        """The call-site arguments that land in callee parameter j (an index, or a keyword for seeds)."""
        out = []
        sp = self.spec(key)
        if sp is None:                           # external callee: seeds speak in positions
            if isinstance(j, str):
                if j in site.kws:
                    out.append(site.kws[j])
                elif site.dstar:
                    out.append(site.dstar)
                return out
            p = j - shift
            if p < 0:
                return [site.recv] if site.recv else []
            if p < len(site.pos):
                out.append(site.pos[p])
            elif site.star:
                out.append(site.star)
            kw = seeds.ARG_KW.get(key)
            if kw and kw in site.kws:
                out.append(site.kws[kw])
            return out
        if j >= len(sp.names):
            return out
        n = sp.names[j]
        npos = len(sp.params)
        if j < npos:
            p = j - shift
            if p < 0:
                return [site.recv] if site.recv else []
            if p < len(site.pos):
                return [site.pos[p]]
            if n in site.kws:
                return [site.kws[n]]
            if site.star:
                out.append(site.star)
            if site.dstar:
                out.append(site.dstar)
            return out
        if n == sp.vararg:
            out = list(site.pos[max(0, npos - shift):])
            if site.star:
                out.append(site.star)
            return out
        if n == sp.kwarg:
            out = [a for k, a in site.kws.items() if k not in sp.names]
            if site.dstar:
                out.append(site.dstar)
            return out
        if n in site.kws:
            return [site.kws[n]]
        return [site.dstar] if site.dstar else []

    # -- 1. callsArgs --------------------------------------------------------------------------
    def calls_fixpoint(self) -> None:
        callers = defaultdict(list)
        for fid, body in self.bodies.items():
            self.calls[fid] |= body.pcalls
            for site in body.sites:
                for key, shift in site.callees:
                    callers[key].append((fid, site, shift))
        # stored on self and called by a method of the class (or of a base class): `self.fn(...)`, or
        # `self.fn` handed to a callee that calls that parameter itself (FunctionTransformer passes
        # self.func to its _transform(X, func=...), which calls func; map(self.fn, ...))
        sa_by_class = defaultdict(set)
        for fid, body in self.bodies.items():
            f = self.col.nodes[fid]
            if f.cls is None:
                continue
            sa_by_class[f.cls] |= body.sa_calls
            for site in body.sites:
                for key, shift in site.callees:
                    if isinstance(key, int):
                        cb = self.bodies.get(key)
                        called = cb.pcalls if cb is not None else ()
                    else:
                        ho = seeds.HIGHER_ORDER.get(key)
                        called = (set(ho[0]) | set(ho[1])) if ho else ()
                    for j in called:
                        for a in self.args_for(site, key, shift, j):
                            if a is not None and a.sa:
                                sa_by_class[f.cls] |= set(a.sa)
        self.called_attrs = sa_by_class
        for fid, body in self.bodies.items():
            f = self.col.nodes[fid]
            if f.cls is None or not body.stores:
                continue
            called = set()
            for t in self.res.mro(f.cls):
                if t[0] == 'n':
                    called |= sa_by_class.get(t[1], set())
            for attr, ps in body.stores:
                if attr in called:
                    self.calls[fid] |= ps
        for name, (args, kwargs, _) in seeds.HIGHER_ORDER.items():
            self.calls[name] |= set(args) | set(kwargs)
        work = deque(k for k, v in list(self.calls.items()) if v)
        for k in list(self.calls):
            if isinstance(k, int) and isinstance(self.col.nodes[k], Func) and self.col.nodes[k].cls is not None:
                work.append(('cls', self.col.nodes[k].cls))
        seen_cls_users = defaultdict(list)      # ctor key -> classes using it
        for node in self.col.nodes:
            if isinstance(node, Klass):
                for ck, m in self.ctors(node.id):
                    seen_cls_users[ck].append((node.id, m))
        while work:
            key = work.popleft()
            if isinstance(key, tuple):
                continue
            cs = self.calls.get(key)
            if not cs:
                continue
            for cid, m in seen_cls_users.get(key, ()):
                add = {m[j] for j in cs if isinstance(j, int) and j in m}
                if not add <= self.calls[cid]:
                    self.calls[cid] |= add
                    work.append(cid)
            for fid, site, shift in callers.get(key, ()):
                add = set()
                for j in cs:
                    for a in self.args_for(site, key, shift, j):
                        add |= a.ptg
                if not add <= self.calls[fid]:
                    self.calls[fid] |= add
                    work.append(fid)

    # -- 2 and 3. reach ------------------------------------------------------------------------
    def reach(self, seed_keys, barriers=frozenset()) -> None:
        """barriers: keys whose sinks are their own but are not propagated to their callers (seeds.BARRIERS)."""
        rev = defaultdict(list)
        for fid, body in self.bodies.items():
            for site in body.sites:
                for key, shift in site.callees:
                    rev[key].append(('site', fid, site, shift))
                    cs = self.calls.get(key)
                    if not cs:
                        continue
                    for j in cs:
                        for a in self.args_for(site, key, shift, j):
                            for t in a.ho:
                                hk = t[1]
                                rev[hk].append(('ho', fid, None, 0))
        for node in self.col.nodes:
            if isinstance(node, Klass):
                for ck, m in self.ctors(node.id):
                    rev[ck].append(('ctor', node.id, m, 0))
        q = deque()
        for key, name in seed_keys:
            e = seed_for(name)
            if not e:
                continue
            kinds, arg, _ = e
            for s in kinds:
                if arg == 'direct':
                    self.direct[key].add(s)
                elif arg is None:
                    self._set(q, key, s, None, None)
                else:
                    self._set(q, key, s, arg, None)
        while q:
            g, s, j = q.popleft()
            if g in barriers:
                continue
            for kind, caller, payload, shift in rev.get(g, ()):
                if kind == 'ho':
                    self._set(q, caller, s, None, g)
                elif kind == 'ctor':
                    if j is None:
                        self._set(q, caller, s, None, g)
                    elif j in payload:
                        self._set(q, caller, s, payload[j], g)
                elif j is None:
                    self._set(q, caller, s, None, g)
                else:
                    for a in self.args_for(payload, g, shift, j):
                        if self._unconditional(g, s, a, caller):
                            self._set(q, caller, s, None, g)
                        for i in a.deps:
                            self._set(q, caller, s, i, g)

    def _unconditional(self, g, s: str, a: Arg, caller) -> bool:
        """A constant or locally computed argument reaches a parameter sink only for file writes: a
        write mode, or a mode the function computes itself or keeps on `self` (FileHandler.mode)."""
        if s != 'file-write':
            return False
        if a.const:
            return any(ch in a.text for ch in 'wax+') and not (g == 'posix.open')
        own = a.deps
        if isinstance(caller, int) and isinstance(self.col.nodes[caller], Func) and self.col.nodes[caller].kind == 'method':
            own = own - {0}
        if g == 'posix.open' and a.text and not own:
            return not set(a.text.split(',')) <= READONLY_FLAGS
        return not own

    def _set(self, q, key, s: str, param, nxt) -> None:
        if param is None:
            if s in self.U[key]:
                return
            self.U[key].add(s)
        else:
            if s in self.U[key] or (s, param) in self.T[key]:
                return
            self.T[key].add((s, param))
        if (key, s) not in self.first:
            self.first[(key, s)] = nxt
        q.append((key, s, param))

    def sinks_of(self, key) -> set:
        return self.U.get(key, set()) | {s for s, _ in self.T.get(key, ())} | self.direct.get(key, set())
