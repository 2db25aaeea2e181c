"""The committed knowledge base as a compact binary table (format 3), and back.

export.py builds the table as a format-2 document (a dict: a name tree as text lines, per-node tables
keyed by node id; its header describes it). Shipped as JSON text it was 10.4 MB (2.0 MB gzipped), most
of it the same few things written again and again: 278k tree lines each spelling its segment (100k
distinct, `__init__` 16,759 times), 88k alias targets written as 5-6 decimal digits (84k of them name a
node with the alias's own segment: `pkg.mod.Optional` → `typing.Optional`), 23k MRO and 14k called-
attribute lists of which 4.6k and 3.8k are distinct, and every path step as an absolute node number.
This encoding stores each fact once, as columns of LEB128 varints (columns compress better than rows:
deflate finds the repeats within a column):

  'MGKB' 0x03                 magic and container version
  meta                        varint length + UTF-8 JSON {"meta": ..., "sinks": [...]} (export.py)
  strings  S R                every segment, called-attribute name and keyword name, once. Ids 0..R-1:
                              the shared strings (used more than once, or not as a tree segment), in
                              code-point order; ids R..S-1: the segments used exactly once, in tree order.
                              Front-coded: a column of S shared-prefix lengths (with the string before),
                              then each string's remaining UTF-8 bytes followed by a 0 byte
  tree     N                  a column of N node symbols, then a column of N segment codes.
                              symbol = (step * 16 + tables) * 64 + flags: step = the depth of the node
                              before + 1 - this depth (0: its first child, 1: its sibling, k: k-1 levels
                              up; the first node has depth 0); tables = the per-node tables holding the
                              node (1 alias, 2 mro, 4 cattrs, 8 facts), so they need no key column;
                              flags as export.py writes them (below 64).
                              code 0 = the next once-used string; v > 0 = shared id (the last shared id
                              among the node's earlier siblings, -1 before the first) + v. Children are
                              sorted by segment (Trie.preorder), so v is small and never below 1.
  alias                       for each node holding one, in tree order: a column of target counts,
                              then a column of targets: v even = the (v/2)-th node, in tree order, whose
                              segment is the node's own; v odd = node (v-1)/2
  mro                         a list-id column (one per node holding one); L, list-length column, nodes
  cattrs                      a list-id column (one per node holding one); L, list-length column, string ids
  facts    C combos           the distinct lists of sink codes (count, then one byte per sink)
           H shapes           the distinct call shapes: calls count, calls + 1 (-1 is "some argument"),
                              keyword count, keyword string ids
                              a combo-id column and a shape-id column (one per node holding facts), then
                              per entry and per sink of its combo the next node of the path: 0 = the
                              node is the sink itself; 1 = the same as the sink before it; v >= 2,
                              w = v - 2: w odd = the node of facts entry (w-1)/2, w even = node w/2

Nothing is dropped or approximated: decode(encode(d)) == d for every format-2 table with sorted, distinct
siblings (encode checks). src/engine/formats/pickle/knowledge/packed.ts reads this layout; any change
here must be mirrored there.
"""
from __future__ import annotations

import json
from collections import Counter

MAGIC = b'MGKB'
VERSION = 3
TREE_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'
TABLES = ('alias', 'mro', 'cattrs', 'facts')   # bit i of a node symbol's `tables`


def _uv(out: bytearray, n: int) -> None:
    if n < 0:
        raise ValueError(f'negative varint {n}')
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def _col(values) -> bytearray:
    out = bytearray()
    for v in values:
        _uv(out, v)
    return out


def _lists(items: dict[int, tuple], ref) -> bytearray:
    """list-id column (nodes in order), then the distinct lists (length column, item column)."""
    keys = sorted(items)
    ids: dict[tuple, int] = {}
    for k in keys:
        ids.setdefault(items[k], len(ids))
    out = _col(ids[items[k]] for k in keys)
    _uv(out, len(ids))
    out += _col(len(t) for t in ids)
    out += _col(ref(x) for t in ids for x in t)
    return out


def encode(d: dict) -> bytes:
    """The binary table of a format-2 document; raises when the document breaks an assumption above."""
    lines = d['tree'].split('\n')
    depth = [TREE_DIGITS.index(line[0]) for line in lines]
    flags = [TREE_DIGITS.index(line[1]) for line in lines]
    segs = [line[2:] for line in lines]
    parent, stack = [], []
    for i, dp in enumerate(depth):
        if dp > len(stack):
            raise ValueError(f'tree line {i} skips a depth')
        del stack[dp:]
        parent.append(stack[-1] if stack else -1)
        stack.append(i)
    alias = {int(k): tuple(v) for k, v in d['alias'].items()}
    mro = {int(k): tuple(v) for k, v in d['mro'].items()}
    cattrs = {int(k): tuple(v) for k, v in d['cattrs'].items()}
    facts = {int(k): v for k, v in d['facts'].items()}
    for name, table in zip(TABLES, (alias, mro, cattrs, facts)):
        if any(not 0 <= k < len(lines) for k in table):
            raise ValueError(f'{name}: a key that is not a node')

    uses = Counter(segs)
    other = {s for v in cattrs.values() for s in v} | {s for v in facts.values() for s in v[2]}
    shared = sorted({s for s, n in uses.items() if n > 1} | other)
    once = [s for s in segs if uses[s] == 1 and s not in other]
    sid = {s: i for i, s in enumerate(shared)}
    sid.update((s, len(shared) + i) for i, s in enumerate(once))

    out = bytearray(MAGIC)
    out.append(VERSION)
    meta = json.dumps({'meta': d['meta'], 'sinks': d['sinks']}, separators=(',', ':')).encode()
    _uv(out, len(meta))
    out += meta

    strings = shared + once
    pre, body, prev = bytearray(), bytearray(), b''
    for s in strings:
        b = s.encode('utf-8')
        if 0 in b:
            raise ValueError(f'a name with a NUL byte: {s!r}')
        p = 0
        while p < min(len(b), len(prev)) and b[p] == prev[p]:
            p += 1
        _uv(pre, p)
        body += b[p:] + b'\0'
        prev = b
    _uv(out, len(strings))
    _uv(out, len(shared))
    out += pre + body

    _uv(out, len(lines))
    prev_depth = -1
    for i in range(len(lines)):
        held = sum(1 << b for b, table in enumerate((alias, mro, cattrs, facts)) if i in table)
        if flags[i] >= 64:
            raise ValueError(f'tree line {i}: flags {flags[i]}')
        _uv(out, ((prev_depth + 1 - depth[i]) * 16 + held) * 64 + flags[i])
        prev_depth = depth[i]
    before: dict[int, str] = {}
    for i, s in enumerate(segs):
        if parent[i] in before and not before[parent[i]].encode() < s.encode():
            raise ValueError(f'tree line {i}: siblings not sorted by segment or repeated ({s!r})')
        before[parent[i]] = s
    last: dict[int, int] = {}
    for i, s in enumerate(segs):
        if uses[s] == 1 and s not in other:
            out.append(0)
            continue
        v = sid[s] - last.get(parent[i], -1)
        if v < 1:
            raise ValueError(f'tree line {i}: siblings not sorted by segment or repeated ({s!r})')
        _uv(out, v)
        last[parent[i]] = sid[s]

    same: dict[str, list[int]] = {}
    rank: dict[int, int] = {}
    for i, s in enumerate(segs):
        rank[i] = len(same.setdefault(s, []))
        same[s].append(i)
    keys = sorted(alias)
    out += _col(len(alias[k]) for k in keys)
    out += _col(rank[x] * 2 if segs[x] == segs[k] else x * 2 + 1 for k in keys for x in alias[k])

    out += _lists(mro, lambda x: x)
    out += _lists(cattrs, sid.__getitem__)

    keys = sorted(facts)
    at = {k: i for i, k in enumerate(keys)}
    combos: dict[tuple, int] = {}
    shapes: dict[tuple, int] = {}
    for k in keys:
        if len(facts[k][0]) % 2:
            raise ValueError(f'facts {k}: odd reach list')
        combos.setdefault(tuple(facts[k][0][0::2]), len(combos))
        shapes.setdefault((tuple(facts[k][1]), tuple(facts[k][2])), len(shapes))
    _uv(out, len(combos))
    for sinks in combos:
        _uv(out, len(sinks))
        out += bytes(sinks)
    _uv(out, len(shapes))
    for calls, kws in shapes:
        _uv(out, len(calls))
        out += _col(c + 1 for c in calls)
        _uv(out, len(kws))
        out += _col(sid[w] for w in kws)
    out += _col(combos[tuple(facts[k][0][0::2])] for k in keys)
    out += _col(shapes[(tuple(facts[k][1]), tuple(facts[k][2]))] for k in keys)
    for k in keys:
        prev = None
        for x in facts[k][0][1::2]:
            _uv(out, 0 if x < 0 else 1 if x == prev else 2 + (at[x] * 2 + 1 if x in at else x * 2))
            prev = x
    return bytes(out)


class _Reader:
    def __init__(self, b: bytes) -> None:
        self.b, self.i = b, 0

    def uv(self) -> int:
        n, shift = 0, 0
        while True:
            c = self.b[self.i]
            self.i += 1
            n |= (c & 0x7F) << shift
            if c < 0x80:
                return n
            shift += 7

    def col(self, n: int) -> list[int]:
        return [self.uv() for _ in range(n)]

    def raw(self, n: int) -> bytes:
        if self.i + n > len(self.b):
            raise ValueError('cut short')
        r = self.b[self.i:self.i + n]
        self.i += n
        return r

    def lists(self, keys: list[int], ref) -> dict[int, list]:
        ids = self.col(len(keys))
        lengths = self.col(self.uv())
        out = [[ref(x) for x in self.col(n)] for n in lengths]
        return {key: list(out[i]) for key, i in zip(keys, ids)}


def decode(b: bytes) -> dict:
    """The format-2 document (export.py) the bytes encode; raises on anything malformed."""
    r = _Reader(b)
    if r.raw(5) != MAGIC + bytes([VERSION]):
        raise ValueError('not a format-3 knowledge base')
    head = json.loads(r.raw(r.uv()).decode('utf-8'))
    count, nshared = r.uv(), r.uv()
    pre = r.col(count)
    strings, prev = [], b''
    for p in pre:
        end = r.b.index(0, r.i)
        prev = prev[:p] + r.raw(end - r.i)
        r.i += 1
        strings.append(prev.decode('utf-8'))
    n = r.uv()
    depth, flags, held, d = [], [], [], -1
    for _ in range(n):
        v = r.uv()
        d = d + 1 - (v >> 10)
        depth.append(d)
        held.append((v >> 6) & 15)
        flags.append(v & 63)
    segs, stack, last, nxt = [], [], {}, nshared
    for i in range(n):
        del stack[depth[i]:]
        p = stack[-1] if stack else -1
        stack.append(i)
        v = r.uv()
        if v == 0:
            segs.append(strings[nxt])
            nxt += 1
        else:
            last[p] = last.get(p, -1) + v
            segs.append(strings[last[p]])
    tree = '\n'.join(TREE_DIGITS[depth[i]] + TREE_DIGITS[flags[i]] + segs[i] for i in range(n))
    keys = {name: [i for i in range(n) if held[i] >> bit & 1] for bit, name in enumerate(TABLES)}
    same: dict[str, list[int]] = {}
    for i, s in enumerate(segs):
        same.setdefault(s, []).append(i)
    counts = r.col(len(keys['alias']))
    alias = {}
    for key, c in zip(keys['alias'], counts):
        alias[key] = [same[segs[key]][v // 2] if v % 2 == 0 else (v - 1) // 2 for v in r.col(c)]
    mro = r.lists(keys['mro'], lambda x: x)
    cattrs = r.lists(keys['cattrs'], strings.__getitem__)
    combos = [list(r.raw(r.uv())) for _ in range(r.uv())]
    shapes = []
    for _ in range(r.uv()):
        calls = [c - 1 for c in r.col(r.uv())]
        shapes.append((calls, [strings[w] for w in r.col(r.uv())]))
    fkeys = keys['facts']
    combo_ids = r.col(len(fkeys))
    shape_ids = r.col(len(fkeys))
    facts = {}
    for key, c, sh in zip(fkeys, combo_ids, shape_ids):
        reach, prev = [], None
        for sink in combos[c]:
            v = r.uv()
            x = -1 if v == 0 else prev if v == 1 else fkeys[(v - 3) // 2] if v % 2 else (v - 2) // 2
            reach += [sink, x]
            prev = x
        facts[key] = [reach, list(shapes[sh][0]), list(shapes[sh][1])]
    if r.i != len(b):
        raise ValueError('trailing bytes')
    return {'format': 2, 'meta': head['meta'], 'sinks': head['sinks'], 'tree': tree,
            'alias': alias, 'mro': mro, 'cattrs': cattrs, 'facts': facts}


if __name__ == '__main__':
    # python3 tools/knowledge/kbbinary.py < doc.json: the base64 of the uncompressed table (test fixtures)
    import base64
    import sys
    print(base64.b64encode(encode(json.load(sys.stdin))).decode('ascii'))
