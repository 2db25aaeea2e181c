#!/usr/bin/env python3
"""Ask the generated knowledge base about callables (the same lookup as knowledge/index.ts).

    /work/venv/bin/python tools/knowledge/query.py [--kb PATH] typing._eval_type pandas.core.frame.DataFrame

A name is `module:qualname` or a dotted name (the longest known module prefix is taken as the module).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbfile import read_text  # noqa: E402


class KB:
    def __init__(self, path: str) -> None:
        d = json.loads(read_text(path))
        self.d = d
        digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'
        self.parent, self.segs, self.flags = [], [], []
        self.children: dict[tuple[int, str], int] = {}
        stack: list[int] = []
        for i, line in enumerate(d['tree'].split('\n')):
            depth, flags, seg = digits.index(line[0]), digits.index(line[1]), line[2:]
            del stack[depth:]
            p = stack[-1] if stack else -1
            stack.append(i)
            self.parent.append(p)
            self.segs.append(seg)
            self.flags.append(flags)
            self.children[(p, seg)] = i
        self.alias = {int(k): v for k, v in d['alias'].items()}
        self.mro = {int(k): v for k, v in d['mro'].items()}
        self.fx = {int(k): v for k, v in d["facts"].items()}

    def name(self, i: int) -> str:
        parts = []
        while i != -1:
            parts.append(self.segs[i])
            i = self.parent[i]
        return '.'.join(reversed(parts))

    def child(self, i: int, s: str, depth: int = 0):
        c = self.children.get((i, s))
        if c is not None:
            return c
        if depth > 8:
            return None
        for b in self.mro.get(i, []):
            c = self.children.get((b, s))
            if c is not None:
                return c
        for a in self.alias.get(i, []):
            c = self.child(a, s, depth + 1)
            if c is not None:
                return c
        return None

    def find(self, module: str, qualname: str):
        i = -1
        for s in module.split('.') + qualname.split('.'):
            i = self.child(i, s)
            if i is None:
                return None
        return i

    def facts(self, i: int, depth: int = 0):
        if i in self.alias and not self.flags[i] & 32:
            out = None
            for a in self.alias[i]:
                f = self.facts_of(a, depth + 1)
                if f is not None:
                    out = f if out is None else merge(out, f)
            return out
        return self.facts_of(i, depth)

    def facts_of(self, i: int, depth: int):
        if depth > 8:
            return None
        if i in self.alias and not self.flags[i] & 32:
            return self.facts(i, depth)
        if not self.flags[i] & 32:
            return None
        r = self.fx.get(i, [[], [], []])
        reach = []
        for k in range(0, len(r[0]), 2):
            sink = self.d['sinks'][r[0][k]]
            reach.append({'sink': sink, 'path': self.path(i, r[0][k])})
        return {'reach': reach, 'callsArgs': r[1], 'callsKwargs': r[2], 'flags': self.flags[i]}

    def path(self, i: int, code: int) -> list[str]:
        out = [self.name(i)]
        for _ in range(64):
            r = self.fx.get(i)
            if not r:
                break
            nxt = None
            for k in range(0, len(r[0]), 2):
                if r[0][k] == code:
                    nxt = r[0][k + 1]
            if nxt is None or nxt == -1:
                break
            i = nxt
            out.append(self.name(i))
        return out


def merge(a, b):
    seen = {x['sink'] for x in a['reach']}
    return {'reach': a['reach'] + [x for x in b['reach'] if x['sink'] not in seen],
            'callsArgs': sorted(set(a['callsArgs']) | set(b['callsArgs'])),
            'callsKwargs': sorted(set(a['callsKwargs']) | set(b['callsKwargs'])), 'flags': a['flags'] | b['flags']}


def split(kb: KB, name: str):
    if ':' in name:
        return name.split(':', 1)
    parts = name.split('.')
    for k in range(len(parts) - 1, 0, -1):
        i = kb.find('.'.join(parts[:k]), parts[k])
        if i is not None:
            return '.'.join(parts[:k]), '.'.join(parts[k:])
    return parts[0], '.'.join(parts[1:])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('--kb', default='src/engine/formats/pickle/knowledge/kb.generated.ts')
    ap.add_argument('names', nargs='+')
    o = ap.parse_args()
    kb = KB(o.kb)
    for name in o.names:
        m, q = split(kb, name)
        i = kb.find(m, q)
        f = kb.facts(i) if i is not None else None
        if f is None:
            print(f'{name}: unknown')
            continue
        rs = '; '.join(f"{x['sink']}: {' -> '.join(x['path'])}" for x in f['reach']) or 'silent'
        extra = f" callsArgs={f['callsArgs']}" if f['callsArgs'] else ''
        extra += f" callsKwargs={f['callsKwargs']}" if f['callsKwargs'] else ''
        print(f'{name}: {rs}{extra}')


if __name__ == '__main__':
    main()
