"""Pass 2: resolve names to definitions (imports, re-exports, aliases, star imports, class members via
an approximated MRO).

Targets are tuples:
  ('n', id)        a source function or class (unbound)     ('bm', id)  a method bound to an instance
  ('m', name)      a module                                 ('x', name) an external (C / unanalysed) name
  ('i', cid)       an instance of a source class            ('xi', name) an instance of an external class
  ('self', cid)    `self` inside a method of class cid      ('super', cid) `super()` inside class cid
  ('p', i)         parameter i of the function analysed     ('sa', cid, attr) an attribute of self that
                                                                             is no member (stored data)
"""
from __future__ import annotations

import ast
import builtins

from collect import Collector, Func, Klass

BUILTIN_NAMES = set(dir(builtins))
OBJECT = 'builtins.object'


class Resolver:
    def __init__(self, col: Collector, seed_names: set[str]) -> None:
        self.col = col
        self.seed_names = seed_names
        self._memo: dict[tuple, frozenset] = {}
        self._mro: dict[int, list] = {}

    def forget(self) -> None:
        """Drops the memoised answers (see analyse.infer_returns)."""
        self._memo.clear()
        self._mro.clear()

    # -- modules -----------------------------------------------------------------------------
    def in_module(self, mname: str, name: str) -> frozenset:
        key = (mname, name)
        if key in self._memo:
            return self._memo[key]
        self._memo[key] = frozenset()           # cycle guard
        out: set = set()
        full = f'{mname}.{name}'
        mod = self.col.modules.get(mname)
        if mod is None:
            out.add(('x', full))
        else:
            bs = mod.scope.get(name)
            if full in self.seed_names and not any(b[0] == 'node' for b in bs or ()):
                out.add(('x', full))
            if bs:
                for b in bs:
                    out |= self.binding(mname, b, None)
            elif full in self.col.modules:
                out.add(('m', full))
            else:
                for star in mod.stars:
                    smod = self.col.modules.get(star)
                    if smod is None:
                        out.add(('x', f'{star}.{name}'))
                    elif name in smod.scope or f'{star}.{name}' in self.col.modules or smod.stars:
                        if smod.all is None or name in smod.all or not name.startswith('_'):
                            out |= self.in_module(star, name)
                if not out:
                    for b in mod.fallbacks:
                        for t in self.binding(mname, b, None):
                            if t[0] == 'm':
                                out |= self.in_module(t[1], name)
        res = frozenset(out)
        self._memo[key] = res
        return res

    def binding(self, mname: str, b: tuple, cls: int | None) -> set:
        kind = b[0]
        if kind == 'node':
            return {('n', b[1])}
        if kind == 'mod':
            return {('m', b[1])}
        if kind == 'from':
            src, name = b[1], b[2]
            out = set()
            if f'{src}.{name}' in self.col.modules:
                out.add(('m', f'{src}.{name}'))
            out |= self.in_module(src, name)
            return out
        if kind == 'expr':
            return self.static_expr(mname, b[1], cls)
        if kind == 'call':
            call = b[1]
            fn = _simple_name(call.func)
            if fn in ('staticmethod', 'classmethod', 'property', 'cached_property', 'partialmethod') and call.args:
                return self.static_expr(mname, call.args[0], cls)
            return instances(self.col, self.static_expr(mname, call.func, cls))
        return set()

    def global_name(self, mname: str, name: str) -> frozenset:
        r = self.in_module(mname, name)
        if not r and name in BUILTIN_NAMES:
            r = frozenset({('x', f'builtins.{name}')})
        return r

    def static_expr(self, mname: str, e: ast.expr, cls: int | None) -> set:
        """A module- or class-level expression (no locals)."""
        if isinstance(e, ast.Name):
            if cls is not None:
                k = self.col.nodes[cls]
                key = ('cls', cls, e.id)
                if e.id in k.members and key not in self._memo:
                    self._memo[key] = frozenset()       # cycle guard (`name = name` in a class body)
                    out = set()
                    for b in k.members[e.id]:
                        out |= self.binding(mname, b, cls)
                    self._memo[key] = frozenset(out)
                    return out
                if key in self._memo:
                    return set(self._memo[key])
            return set(self.global_name(mname, e.id))
        if isinstance(e, ast.Attribute):
            out = set()
            for t in self.static_expr(mname, e.value, cls):
                out |= self.attr(t, e.attr)
            return out
        if isinstance(e, ast.Subscript):
            return self.static_expr(mname, e.value, cls)
        return set()

    # -- classes -----------------------------------------------------------------------------
    def mro(self, cid: int) -> list:
        """Approximate C3: depth-first, left to right, keeping each class's last occurrence."""
        if cid in self._mro:
            return self._mro[cid]
        self._mro[cid] = [('n', cid)]           # cycle guard
        k: Klass = self.col.nodes[cid]
        seq = [('n', cid)]
        for b in k.bases:
            for t in self.static_expr(k.module, b, k.outer):
                if t[0] == 'n' and isinstance(self.col.nodes[t[1]], Klass):
                    seq += self.mro(t[1])
                elif t[0] == 'x':
                    seq.append(t)
        out = []
        for i, t in enumerate(seq):
            if t not in seq[i + 1:]:
                out.append(t)
        if ('x', OBJECT) in out:
            out.remove(('x', OBJECT))
        out.append(('x', OBJECT))
        self._mro[cid] = out
        return out

    def member(self, cid: int, name: str, skip_first: bool = False) -> set:
        for i, t in enumerate(self.mro(cid)):
            if skip_first and i == 0:
                continue
            if t[0] == 'x':
                if t[1] == OBJECT and name not in OBJECT_MEMBERS:
                    continue
                return {('x', f'{t[1]}.{name}')}
            k: Klass = self.col.nodes[t[1]]
            if name in k.members:
                key = ('mem', k.id, name)
                if key in self._memo:
                    return set(self._memo[key])
                self._memo[key] = frozenset()
                out = set()
                for b in k.members[name]:
                    out |= self.binding(k.module, b, k.id)
                self._memo[key] = frozenset(out)
                return out
        return set()

    def attr(self, t: tuple, name: str, ) -> set:
        kind = t[0]
        if kind == 'm':
            return set(self.in_module(t[1], name))
        if kind == 'x' or kind == 'xi':
            return {('x', f'{t[1]}.{name}')}
        if kind == 'n':
            node = self.col.nodes[t[1]]
            if isinstance(node, Klass):
                return self.member(node.id, name)
            return set()
        if kind in ('i', 'self', 'super'):
            out = set()
            for m in self.member(t[1], name, skip_first=(kind == 'super')):
                if m[0] == 'n' and isinstance(self.col.nodes[m[1]], Func) and self.col.nodes[m[1]].kind == 'method':
                    out.add(('bm', m[1]))
                else:
                    out.add(m)
            if not out and kind == 'self':
                out.add(('sa', t[1], name))
            elif not out and kind == 'i':
                out.add(('ia', t[1], name))
            return out
        return set()


OBJECT_MEMBERS = set(dir(object))


def instances(col: Collector, targets) -> set:
    """What calling the targets returns, as far as it matters here: instances of the classes called."""
    out = set()
    for t in targets:
        if t[0] == 'n' and isinstance(col.nodes[t[1]], Klass):
            out.add(('i', t[1]))
        elif t[0] == 'x':
            out.add(('xi', t[1]))
    return out


def _simple_name(e: ast.expr) -> str:
    if isinstance(e, ast.Attribute):
        return e.attr
    if isinstance(e, ast.Name):
        return e.id
    return ''
