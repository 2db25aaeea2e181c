#!/usr/bin/env python3
"""Compares two knowledge-base files entry by entry, by dotted name (node numbers may differ).

    /work/venv/bin/python tools/knowledge/compare_tables.py OLD NEW [--show 20]

OLD and NEW are any form kbfile.read_text reads (a kb.generated.ts in binary or older JSON form, or
format-2 JSON; `git show REV:src/engine/formats/pickle/knowledge/kb.generated.ts > /tmp/old.ts` gives an
older one). For every name in either tree it compares the flags, alias targets, MRO bases, called
attributes and facts (sinks with their next step, called positions and keywords), and prints how many
names were added, dropped or changed, and which. Used to prove a re-encoding lost nothing (0 changes)
and to review what a regeneration changed (names whose reach grew or shrank).
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kbfile import read_text  # noqa: E402
from kbbinary import TREE_DIGITS  # noqa: E402


def entries(path: str) -> tuple[dict[str, tuple], dict]:
    """name -> (flags, alias names, mro names, cattrs, reach {sink: next name}, calls, kwargs)."""
    d = json.loads(read_text(path))
    names, stack = [], []
    for line in d['tree'].split('\n'):
        depth = TREE_DIGITS.index(line[0])
        del stack[depth:]
        stack.append(line[2:])
        names.append('.'.join(stack))
    flags = [TREE_DIGITS.index(line[1]) for line in d['tree'].split('\n')]
    sinks = d['sinks']
    get = lambda key, i: d[key].get(str(i), d[key].get(i))  # noqa: E731
    out = {}
    for i, name in enumerate(names):
        alias = tuple(names[x] for x in get('alias', i) or ())
        mro = tuple(names[x] for x in get('mro', i) or ())
        cattrs = tuple(get('cattrs', i) or ())
        f = get('facts', i) or [[], [], []]
        reach = tuple((sinks[f[0][k]], names[f[0][k + 1]] if f[0][k + 1] >= 0 else None) for k in range(0, len(f[0]), 2))
        out[name] = (flags[i], alias, mro, cattrs, reach, tuple(f[1]), tuple(f[2]))
    return out, d['meta']


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument('old')
    ap.add_argument('new')
    ap.add_argument('--show', type=int, default=20)
    o = ap.parse_args()
    old, old_meta = entries(o.old)
    new, new_meta = entries(o.new)
    added = sorted(set(new) - set(old))
    dropped = sorted(set(old) - set(new))
    changed = sorted(n for n in set(old) & set(new) if old[n] != new[n])
    print(f'names: {len(old)} old, {len(new)} new; added {len(added)}, dropped {len(dropped)}, changed {len(changed)}; '
          f'meta {"equal" if old_meta == new_meta else "differs"}')
    fields = ('flags', 'alias', 'mro', 'cattrs', 'reach', 'calls', 'kwargs')
    for n in changed[:o.show]:
        diffs = [f'{f}: {a!r} -> {b!r}' for f, a, b in zip(fields, old[n], new[n]) if a != b]
        print(f'  changed {n}: ' + '; '.join(diffs))
    for n in added[:o.show]:
        print(f'  added {n}')
    for n in dropped[:o.show]:
        print(f'  dropped {n}')
    sys.exit(1 if added or dropped or changed else 0)


if __name__ == '__main__':
    main()
