"""Pass 5: build the knowledge base as one compact document (kbbinary.py encodes it for knowledge/index.ts).

Layout (format 2):
  tree:  the name tree as text, one line per node in depth-first order (node id = line number):
         `<depth><flags><segment>`, depth and flags one character each of TREE_DIGITS (0-9a-zA-Z-_);
         a node's parent is the nearest line above it with depth one less. Dotted names split on '.'.
         flags: 1 module, 2 class, 4 function, 8 instance method (callsArgs count `self` as 0),
                16 seeded (C builtin), 32 known (lookup answers with facts; otherwise only a path step)
  alias: {node: [target nodes]} re-exports and aliases (`torch.nn.Linear`, `os.system` -> posix.system)
  mro:   {class node: [base class nodes in method resolution order]} (inherited members)
  facts: {node: [reach, calls, kwargs]} only for nodes that are not silent:
         reach  = flat [sink code, next node] pairs; next -1 when the node is the sink itself
                  (the path is read by following next nodes for the same sink)
         calls  = positional argument indices it calls (-1: some argument it cannot pin)
         kwargs = keyword names it calls
  cattrs: {class node: [attribute names]} attributes of self its methods (inherited too) call, or hand to
         a callee that calls them: a callable stored there by BUILD is called later
  sinks: sink codes -> names (types.ts Sink)
"""
from __future__ import annotations

from collect import Func, Klass
import seeds

TREE_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_'
SINKS = ['exec', 'process', 'file-write', 'network', 'import', 'deserialize', 'getattr']
F_MODULE, F_CLASS, F_FUNC, F_METHOD, F_SEED, F_KNOWN = 1, 2, 4, 8, 16, 32


class Trie:
    def __init__(self) -> None:
        self.seg: list[str] = []
        self.seg_ix: dict[str, int] = {}
        self.nodes: list[list[int]] = []
        self.ix: dict[str, int] = {}

    def node(self, dotted: str) -> int:
        if dotted in self.ix:
            return self.ix[dotted]
        head, _, last = dotted.rpartition('.')
        parent = self.node(head) if head else -1
        s = self.seg_ix.get(last)
        if s is None:
            s = self.seg_ix[last] = len(self.seg)
            self.seg.append(last)
        i = len(self.nodes)
        self.nodes.append([parent, s, 0])
        self.ix[dotted] = i
        return i

    def preorder(self) -> tuple[list[int], str]:
        """Renumbers nodes in depth-first order (children sorted) and writes the tree as text: one line
        per node, `<depth><flags><segment>`, depth and flags as one character each (TREE_DIGITS)."""
        kids: dict[int, list[int]] = {}
        for i, (p, s, _) in enumerate(self.nodes):
            kids.setdefault(p, []).append(i)
        order = [0] * len(self.nodes)
        lines = []
        stack = [(i, 0) for i in sorted(kids.get(-1, []), key=lambda i: self.seg[self.nodes[i][1]], reverse=True)]
        while stack:
            i, depth = stack.pop()
            order[i] = len(lines)
            p, s, f = self.nodes[i]
            lines.append(TREE_DIGITS[depth] + TREE_DIGITS[f] + self.seg[s])
            for c in sorted(kids.get(i, []), key=lambda c: self.seg[self.nodes[c][1]], reverse=True):
                stack.append((c, depth + 1))
        return order, '\n'.join(lines)

    def flag(self, dotted: str, f: int) -> int:
        i = self.node(dotted)
        self.nodes[i][2] |= f
        return i


def uncovered_first_pass(col, res, g, pkg_of, cnames) -> list:
    """The public callables the source analysis and the C-module listing leave without facts (what
    export's coverage would count as unknown), for compiled.py to classify."""
    known_ext = {f'{m}.{n}' for m, names in cnames.items() for n in names}
    known_ext |= {n for n in seeds.SINKS if not n.endswith('.*')} | set(seeds.HIGHER_ORDER)
    known_ext |= {k for k in list(g.U) + list(g.T) + list(g.direct) if isinstance(k, str) and g.sinks_of(k)}

    def exportable(tg):
        if tg[0] == 'n':
            return col.nodes[tg[1]].name
        if tg[0] == 'x' and tg[1] in known_ext:
            return tg[1]
        return None

    coverage(col, res, pkg_of, exportable)
    return list(UNCOVERED)


def export(col, res, g, versions, pkg_of, cnames, compiled=None) -> dict:
    """compiled: compiled.py's classification of the public callables the first pass left without facts
    ({public name: [kind, facts, reason, external target]}); None on the first pass."""
    compiled = compiled or {}
    t = Trie()
    known_ext: set[str] = set()
    for m, names in cnames.items():
        t.flag(m, F_MODULE)
        for n in names:
            known_ext.add(f'{m}.{n}')
    known_ext |= {n for n in seeds.SINKS if not n.endswith('.*')} | set(seeds.HIGHER_ORDER)
    for k in list(g.U) + list(g.T) + list(g.direct):
        if isinstance(k, str) and g.sinks_of(k):
            known_ext.add(k)

    def key_name(k):
        return col.nodes[k].name if isinstance(k, int) else k

    def exportable(tg) -> str | None:
        if tg[0] == 'n':
            return col.nodes[tg[1]].name
        if tg[0] == 'm' and (tg[1] in col.modules or tg[1] in cnames):
            return tg[1]
        if tg[0] == 'x' and tg[1] in known_ext:
            return tg[1]
        return None

    for m in col.modules:
        t.flag(m, F_MODULE)
    for node in col.nodes:
        if isinstance(node, Klass):
            t.flag(node.name, F_CLASS | F_KNOWN)
        else:
            t.flag(node.name, F_FUNC | F_KNOWN | (F_METHOD if node.kind == 'method' else 0))
    for n in sorted(known_ext):
        parts = n.split('.')
        if not any('.'.join(parts[:k]) in col.modules or '.'.join(parts[:k]) in cnames for k in range(1, len(parts))):
            t.flag(parts[0], F_MODULE)             # a C module nobody lists (posix, _socket)
        t.flag(n, F_FUNC | F_KNOWN | F_SEED)

    facts = {}

    def put(k) -> None:
        sinks = g.sinks_of(k)
        calls = g.calls.get(k, set())
        if not sinks and not calls:
            return
        reach = []
        for s in sorted(sinks, key=SINKS.index):
            nxt = g.first.get((k, s))
            reach += [SINKS.index(s), -1 if nxt is None else t.node(key_name(nxt))]
        pos, kws = [], []
        if isinstance(k, str):
            ho = seeds.HIGHER_ORDER.get(k)
            if ho:
                pos, kws = list(ho[0]), list(ho[1])
        else:
            sp = g.spec(k)
            for j in sorted(x for x in calls if isinstance(x, int)):
                if j < len(sp.params):
                    pos.append(j)
                    kws.append(sp.names[j])
                elif j < len(sp.names):
                    n = sp.names[j]
                    if n == sp.vararg:
                        pos.append(-1)
                    elif n != sp.kwarg:
                        kws.append(n)
                    else:
                        pos.append(-1)
        facts[t.node(key_name(k))] = [reach, sorted(set(pos)), sorted(set(kws))]

    for node in col.nodes:
        put(node.id)
    for n in known_ext:
        put(n)

    # compiled callables (compiled.py): facts at the external name the source binds (the C/Cython/
    # Rust definition), else at the public name itself (names bound by dynamic code)
    compiled_known: set[str] = set()
    compiled_alias: dict[str, str] = {}
    for public, (kind, cf, _reason, ext) in sorted(compiled.items()):
        if not cf:
            continue
        if 'alias' in cf:
            tgt = cf['alias']
            # a bound method or __call__ counts `self` as argument 0: an alias would shift what it calls
            shifted = kind in ('bound-method', 'instance-call') and tgt in t.ix and facts.get(t.ix[tgt], [0, []])[1]
            if tgt in t.ix and t.nodes[t.ix[tgt]][2] & F_KNOWN and tgt != public and not shifted:
                compiled_alias[public] = tgt
                compiled_known.add(public)
            continue
        name = ext or public
        if name in t.ix and t.nodes[t.ix[name]][2] & F_KNOWN:
            compiled_known.add(public)
            continue
        i = t.flag(name, F_KNOWN | F_SEED | (F_CLASS if kind == 'compiled-class' else F_FUNC))
        known_ext.add(name)
        compiled_known.add(public)
        if cf['calls'] or cf['kwargs']:
            facts[i] = [[], sorted(set(cf['calls'])), sorted(set(cf['kwargs']))]

    # aliases and re-exports
    alias: dict[int, list[int]] = {}

    def add_alias(name: str, targets) -> None:
        # Windows-only twins (nt.system) after their POSIX names, so paths read as on Linux
        outs = sorted({x for x in (exportable(tg) for tg in targets) if x and x != name},
                      key=lambda x: (x.startswith('nt.'), x))
        if not outs:
            return
        alias[t.node(name)] = [t.node(x) for x in outs]

    for mname, mod in col.modules.items():
        names = set(mod.scope)
        for star in mod.stars:
            smod = col.modules.get(star)
            if smod is not None:
                names |= set(smod.all) if smod.all is not None else {n for n in smod.scope if not n.startswith('_')}
            else:
                names |= {n.split('.')[0] for n in cnames.get(star, [])}
                names |= {n[len(star) + 1:] for n in known_ext if n.startswith(star + '.') and n.count('.') == star.count('.') + 1}
        for name in names:
            full = f'{mname}.{name}'
            if full in t.ix and t.nodes[t.ix[full]][2] & (F_KNOWN | F_MODULE) and full not in col.modules:
                continue
            add_alias(full, res.in_module(mname, name))
    for public, tgt in compiled_alias.items():
        if public not in t.ix or not t.nodes[t.ix[public]][2] & F_KNOWN:
            alias[t.node(public)] = [t.ix[tgt]]
    for mname, mod in col.modules.items():
        if mod.fallbacks:                       # module __getattr__ forwarding: search the target module
            targets = set()
            for b in mod.fallbacks:
                targets |= {tg for tg in res.binding(mname, b, None) if tg[0] == 'm'}
            add_alias(mname, targets)
    for node in col.nodes:
        if isinstance(node, Klass):
            for name, bs in node.members.items():
                if any(b[0] == 'node' for b in bs):
                    continue
                targets = set()
                for b in bs:
                    targets |= res.binding(node.module, b, node.id)
                add_alias(f'{node.name}.{name}', targets)

    mro = {}
    for node in col.nodes:
        if isinstance(node, Klass):
            bases = []
            for tg in res.mro(node.id)[1:]:
                nm = exportable(tg) if tg[0] == 'n' else (tg[1] if tg[1] in known_ext else None)
                if nm and nm != 'builtins.object':
                    bases.append(t.node(nm))
            if bases:
                mro[t.ix[node.name]] = bases

    # attributes of self that a class's methods call (inherited ones included): a callable a pickle
    # stores there in BUILD state is called later (FunctionTransformer.func, a scorer's _score_func)
    cattrs = {}
    called = getattr(g, 'called_attrs', {})
    for node in col.nodes:
        if isinstance(node, Klass):
            attrs = set()
            for tg in res.mro(node.id):
                if tg[0] == 'n':
                    attrs |= called.get(tg[1], set())
            if attrs:
                cattrs[t.ix[node.name]] = sorted(attrs)

    order, tree = t.preorder()
    re = order.__getitem__
    return {
        'format': 2,
        'meta': {'versions': versions, 'coverage': coverage(col, res, pkg_of, exportable, compiled, compiled_known),
                 'command': '/work/venv/bin/python tools/knowledge/generate.py --out src/engine/formats/pickle/knowledge/kb.generated.ts'},
        'sinks': SINKS,
        'tree': tree,
        'alias': {re(k): [re(x) for x in v] for k, v in sorted(alias.items(), key=lambda kv: re(kv[0]))},
        'mro': {re(k): [re(x) for x in v] for k, v in sorted(mro.items(), key=lambda kv: re(kv[0]))},
        'cattrs': {re(k): v for k, v in sorted(cattrs.items(), key=lambda kv: re(kv[0]))},
        'facts': {re(k): [[x if i % 2 == 0 or x < 0 else re(x) for i, x in enumerate(v[0])], v[1], v[2]]
                  for k, v in sorted(facts.items(), key=lambda kv: re(kv[0]))},
    }


# compiled.py kinds of objects that are not callables (left out of the coverage count)
NOT_CALLABLE = {'not-callable', 'typing-alias', 'not-bound'}
UNCOVERED: list = []     # (package, module, name, targets) of public callables without facts (generate.py --uncovered)


def coverage(col, res, pkg_of, exportable, compiled=None, compiled_known=frozenset()) -> dict:
    """Public callables per package (public module-level names bound to a function, class or import,
    in modules without a private path component, plus public methods of their public classes) and the
    share the knowledge base answers for. A name the source analysis leaves without facts is imported
    by compiled.py: when the object bound there is not callable (a constant, a typing alias, a dict of
    activations) it is left out of the count ('excluded'); when compiled.py classifies it, it counts as
    known; when the import fails it stays in the count, unknown."""
    compiled = compiled or {}
    UNCOVERED.clear()
    out: dict[str, list[int]] = {}
    for mname, mod in col.modules.items():
        if any(p.startswith('_') for p in mname.split('.')):
            continue
        top = pkg_of.get(mname, 'python')
        row = out.setdefault(top, [0, 0, 0])
        names = {n for n in mod.scope if not n.startswith('_')} | set(mod.all or [])
        for name in names:
            bs = mod.scope.get(name, [])
            if bs and all(b[0] in ('value', 'mod') for b in bs):
                continue
            if bs and all(b[0] == 'call' for b in bs):
                continue                      # module-level instances and computed values
            targets = res.in_module(mname, name)
            if any(tg[0] == 'm' for tg in targets):
                continue                      # a submodule, not a callable
            full = f'{mname}.{name}'
            known = any(exportable(tg) for tg in targets if tg[0] in ('n', 'x')) or full in compiled_known
            if not known and compiled.get(full, [''])[0] in NOT_CALLABLE:
                row[2] += 1
                continue
            row[0] += 1
            if known:
                row[1] += 1
            else:
                UNCOVERED.append((top, mname, name, sorted(map(list, targets))))
            for tg in targets:
                if tg[0] == 'n' and isinstance(col.nodes[tg[1]], Klass) and col.nodes[tg[1]].module == mname:
                    for mn, mbs in col.nodes[tg[1]].members.items():
                        if not mn.startswith('_') and any(b[0] == 'node' for b in mbs):
                            row[0] += 1
                            row[1] += 1
    return {k: {'public': v[0], 'known': v[1], 'share': round(v[1] / v[0], 4) if v[0] else 1.0, 'excluded': v[2]}
            for k, v in sorted(out.items())}


def prune_private(data: dict) -> int:
    """Drops leaf nodes for private methods (`Class._helper`, not dunders) that are silent and that no
    path, alias or MRO entry mentions, to keep the table small. A pickle naming one gets `unknown`
    (the judge's conservative answer), never a wrong `silent`. Returns the number of nodes dropped."""
    lines = data['tree'].split('\n')
    used = set(map(int, data['facts']))
    for v in data['facts'].values():
        used |= {x for i, x in enumerate(v[0]) if i % 2 == 1 and x >= 0}
    for k, v in list(data['alias'].items()) + list(data['mro'].items()):
        used.add(int(k))
        used |= set(v)
    used |= set(map(int, data['cattrs']))
    keep, stack, names = [], [], []
    for i, line in enumerate(lines):
        depth, flags, seg = TREE_DIGITS.index(line[0]), TREE_DIGITS.index(line[1]), line[2:]
        del stack[depth:]
        del names[depth:]
        parent_flags = stack[-1] if stack else 0
        stack.append(flags)
        names.append(seg)
        if names[:2] == ['torch', 'optim']:
            keep.append(True)            # LR schedulers pickle bound private methods (OneCycleLR._annealing_cos)
            continue
        has_child = i + 1 < len(lines) and TREE_DIGITS.index(lines[i + 1][0]) > depth
        private = seg.startswith('_') and not (seg.startswith('__') and seg.endswith('__'))
        drop = (private and parent_flags & F_CLASS and flags & F_FUNC and not flags & F_CLASS
                and i not in used and not has_child)
        keep.append(not drop)
    new_ix, out_lines = {}, []
    for i, line in enumerate(lines):
        if keep[i]:
            new_ix[i] = len(out_lines)
            out_lines.append(line)
    re = new_ix.__getitem__
    data['tree'] = '\n'.join(out_lines)
    data['alias'] = {re(int(k)): [re(x) for x in v] for k, v in data['alias'].items()}
    data['mro'] = {re(int(k)): [re(x) for x in v] for k, v in data['mro'].items()}
    data['cattrs'] = {re(int(k)): v for k, v in data['cattrs'].items()}
    data['facts'] = {re(int(k)): [[x if i % 2 == 0 or x < 0 else re(x) for i, x in enumerate(v[0])], v[1], v[2]]
                     for k, v in data['facts'].items()}
    return len(lines) - len(out_lines)


def prune_aliases(data: dict) -> int:
    """Drops alias leaves a benign pickle does not name, to fit the size cap: pickles name a class or
    function by its defining module (`__module__`), so `pkg.mod.Any` (an import of typing.Any) is not
    needed. Kept: aliases to seeded C callables (pickle.loads → _pickle.loads, functools.partial),
    public re-exports in public modules of the libraries, and module aliases in the standard library
    (`logging.os.system`). A dropped alias answers `unknown`, never a wrong `silent`."""
    lines = data['tree'].split('\n')
    libs = set(data['meta']['versions']) - {'python'}
    flags = [TREE_DIGITS.index(line[1]) for line in lines]
    used = set()
    for v in data['facts'].values():
        used |= {x for i, x in enumerate(v[0]) if i % 2 == 1 and x >= 0}
    for k, v in data['mro'].items():
        used.add(int(k))
        used |= set(v)
    used |= set(map(int, data['cattrs']))
    for v in data['alias'].values():
        used |= set(v)
    keep = [True] * len(lines)
    stack: list[str] = []
    for i, line in enumerate(lines):
        depth, seg = TREE_DIGITS.index(line[0]), line[2:]
        del stack[depth:]
        stack.append(seg)
        a = data['alias'].get(str(i)) if isinstance(next(iter(data['alias']), 0), str) else data['alias'].get(i)
        if a is None or flags[i] & (F_KNOWN | F_MODULE) or i in used:
            continue
        if i + 1 < len(lines) and TREE_DIGITS.index(lines[i + 1][0]) > depth:
            continue
        if any(flags[x] & F_SEED for x in a):
            continue
        to_module = all(flags[x] & F_MODULE for x in a)
        in_lib = stack[0] in libs
        if to_module:
            keep[i] = not in_lib
        else:
            keep[i] = not (seg.startswith('_') or any(p.startswith('_') for p in stack[1:-1]))
    new_ix, out = {}, []
    for i, line in enumerate(lines):
        if keep[i]:
            new_ix[i] = len(out)
            out.append(line)
    re = new_ix.__getitem__
    data['tree'] = '\n'.join(out)
    data['alias'] = {re(int(k)): [re(x) for x in v] for k, v in data['alias'].items() if int(k) in new_ix}
    data['mro'] = {re(int(k)): [re(x) for x in v] for k, v in data['mro'].items()}
    data['cattrs'] = {re(int(k)): v for k, v in data['cattrs'].items()}
    data['facts'] = {re(int(k)): [[x if i % 2 == 0 or x < 0 else re(x) for i, x in enumerate(v[0])], v[1], v[2]]
                     for k, v in data['facts'].items()}
    return len(lines) - len(out)


def prune_where(data: dict, drop) -> int:
    """Drops silent, unreferenced leaves whose dotted path satisfies `drop(parts)`, repeatedly (a module
    whose members all went becomes a leaf). Such names answer `unknown` afterwards."""
    total = 0
    while True:
        lines = data['tree'].split('\n')
        used = set(map(int, data['facts'])) | set(map(int, data['alias']))
        for v in data['facts'].values():
            used |= {x for i, x in enumerate(v[0]) if i % 2 == 1 and x >= 0}
        for k, v in list(data['alias'].items()) + list(data['mro'].items()):
            used.add(int(k))
            used |= set(v)
        used |= set(map(int, data['cattrs']))
        keep, stack = [], []
        for i, line in enumerate(lines):
            depth = TREE_DIGITS.index(line[0])
            del stack[depth:]
            stack.append(line[2:])
            leaf = not (i + 1 < len(lines) and TREE_DIGITS.index(lines[i + 1][0]) > depth)
            keep.append(not (leaf and i not in used and drop(stack)))
        n = keep.count(False)
        if not n:
            return total
        total += n
        new_ix, out = {}, []
        for i, line in enumerate(lines):
            if keep[i]:
                new_ix[i] = len(out)
                out.append(line)
        re = new_ix.__getitem__
        data['tree'] = '\n'.join(out)
        data['alias'] = {re(int(k)): [re(x) for x in v] for k, v in data['alias'].items()}
        data['mro'] = {re(int(k)): [re(x) for x in v] for k, v in data['mro'].items()}
        data['cattrs'] = {re(int(k)): v for k, v in data['cattrs'].items()}
        data['facts'] = {re(int(k)): [[x if i % 2 == 0 or x < 0 else re(x) for i, x in enumerate(v[0])], v[1], v[2]]
                         for k, v in data['facts'].items()}


def transformers_models(parts: list[str]) -> bool:
    """transformers.models.<model>.<module>: only configuration_* modules appear in the pickles people
    share (training_args.bin, configs); model code is saved as state dicts or safetensors."""
    return (len(parts) >= 4 and parts[0] == 'transformers' and parts[1] == 'models'
            and not parts[3].startswith('configuration_'))
