#!/usr/bin/env python3
"""Generate the pickle callable knowledge base from real library source.

Regenerate (one command, from the repository root):

    /work/venv/bin/python tools/knowledge/generate.py --out src/engine/formats/pickle/knowledge/kb.generated.ts

(`--only stdlib` limits the run to the standard library; tools/knowledge/query.py prints what a
callable reaches.) The venv holds the libraries read; xgboost is read from Debian's python3-xgboost.

What it does
  It reads the SOURCE of Python's standard library and of the ML libraries whose objects appear in
  model pickles with `ast` (nothing analysed is imported or run; only reviewed C-extension modules are
  imported in a child process to list their names), builds a call graph (module functions, classes
  with inherited methods, __init__/__new__/__setstate__/__reduce__/__call__, aliases, `from a import b`
  re-exports, star imports, `import a.b as c`) and computes for every callable the sinks it can reach
  (types.ts: exec, process, file-write, network, import, deserialize, getattr) with a shortest path,
  and which of its arguments it calls (callsArgs). C builtins are seeded from seeds.py (reviewed, with
  reasons). A class's construction facts are the union of its (inherited) __new__ and __init__ (and
  __post_init__ for dataclasses); its BUILD facts are those of its (inherited) __setstate__.

Choices and limits (read before trusting a silent verdict)
  * Only resolvable edges and seeded sinks count. A call through an attribute of an object whose class
    the source does not tell (`obj.method()` on an unannotated parameter, `self.fn()` where `fn` is data)
    is NOT an edge: otherwise everything reaches everything. Where it does tell (a local or `self.attr`
    bound to `Class(...)` or to the result of a function that returns one, a parameter or class field
    annotated `Class`), `x.method()` is an edge to Class.method (analyse.py typed attribute calls).
    A pickle can still smuggle a callable in as data; the judge covers that with callsArgs (a parameter
    that is called, or stored on self and called by a method).
  * C functions that are not seeded are assumed to reach no sink, and a call into a library that was
    not analysed is assumed silent. Only names of reviewed C modules (seeds.TRUSTED_C_MODULES and
    TRUSTED_EXT_PREFIXES) are recorded as known; other C names stay unknown (null) for the judge.
  * Dynamic dispatch by table (pickle._Unpickler.dispatch, getattr(self, 'visit_' + kind)), metaclass
    __call__, __getattr__ hooks, decorators that replace a function, and exec-generated code
    (dataclass __init__, namedtuple) are not followed; some are seeded instead.
  * Locals are flow-insensitive unions; conditional definitions are unioned (both arms of try/except).
  * MRO is approximated (depth-first, last occurrence kept); methods only a subclass calls on a stored
    attribute are missed for callsArgs.
  * Parameter-tied sinks (getattr/import/eval/open mode): a caller inherits them only when it passes
    one of its own parameters, or data derived from them (including `self`), at that position;
    constants and values computed from module data do not count, except for file writes, where a
    non-constant mode counts (conservative).
"""
from __future__ import annotations

import argparse
import ast
import importlib.metadata
import importlib.util
import json
import os
import pickle
import subprocess
import sys
import sysconfig
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import kbfile  # noqa: E402
import seeds  # noqa: E402
import analyse  # noqa: E402
from analyse import FuncAnalyser, infer_returns, link_attrs  # noqa: E402
from collect import Collector, Func, Klass  # noqa: E402
from propagate import Graph, seed_for  # noqa: E402
from resolve import Resolver  # noqa: E402
from export import export, prune_aliases, prune_private, prune_where, transformers_models, uncovered_first_pass  # noqa: E402

# Top-level packages read, with the distribution whose version is recorded.
PACKAGES = {
    'torch': 'torch', 'numpy': 'numpy', 'scipy': 'scipy', 'pandas': 'pandas', 'sklearn': 'scikit-learn',
    'joblib': 'joblib', 'dill': 'dill', 'cloudpickle': 'cloudpickle', 'transformers': 'transformers',
    'lightning': 'lightning', 'lightning_fabric': 'lightning', 'pytorch_lightning': 'pytorch-lightning',
    'timm': 'timm', 'peft': 'peft', 'omegaconf': 'omegaconf', 'xgboost': 'xgboost', 'lightgbm': 'lightgbm',
    'tokenizers': 'tokenizers', 'safetensors': 'safetensors', 'huggingface_hub': 'huggingface_hub',
    'accelerate': 'accelerate', 'torchmetrics': 'torchmetrics', 'torchvision': 'torchvision',
    'typing_extensions': 'typing_extensions', 'yaml': 'PyYAML', 'requests': 'requests', 'urllib3': 'urllib3',
    'fsspec': 'fsspec', 'packaging': 'packaging', 'filelock': 'filelock', 'lightning_utilities': 'lightning-utilities',
    'dateutil': 'python-dateutil', 'six': 'six', 'threadpoolctl': 'threadpoolctl', 'tqdm': 'tqdm',
    # optuna: joblib.dump(study) is how its docs keep an in-memory study (its enums pickle as calls). Not
    # polars: its __setstate__ hands IPC bytes to Rust, and the union call graph of Series() reaches
    # import_module, so reading it turned an honest 'unknown' into a wrong CRITICAL (sweep of 2026-12).
    'optuna': 'optuna',
    # second sweep of 2026-12 (fixtures/real-2026-12b): spaCy pickles a Language/Doc/Vocab through its own
    # reducers and thinc models (partials of thinc/spacy functions); HF datasets pickles Features; scikit-image
    # functions sit in sklearn pipelines; sentence-transformers and PyG modules are saved whole with torch.save.
    'spacy': 'spacy', 'thinc': 'thinc', 'srsly': 'srsly', 'confection': 'confection', 'catalogue': 'catalogue',
    'datasets': 'datasets', 'skimage': 'scikit-image', 'sentence_transformers': 'sentence-transformers',
    'torch_geometric': 'torch-geometric',
    # Flax params pickled whole hold FrozenDicts (what flax < 0.8 init returned); optax states are NamedTuples
    'flax': 'flax', 'optax': 'optax',
    # shap explainers hold numba dispatchers, pickled through numba.core.serialize and numba's vendored
    # cloudpickle (numba.cloudpickle): read so those helpers are judged by what they reach, as cloudpickle is
    'numba': 'numba',
    # third sweep of 2026-12 (fixtures/real-2026-12c): not in the local pip index, read from Debian's
    # python3-gensim, python3-imblearn and python3-skorch (word2vec/doc2vec models are pickles; imblearn
    # pipelines and skorch nets are pickled or joblib-dumped whole)
    'gensim': 'gensim', 'imblearn': 'imbalanced-learn', 'skorch': 'skorch',
}
EXTRA_PATHS = ['/usr/lib/python3/dist-packages']          # Debian's python3-xgboost, -gensim, -imblearn, -skorch
SKIP_DIRS = {'test', 'tests', 'idle_test', '_tests', 'benchmarks', '__pycache__', 'site-packages',
             'dist-packages', 'testing_utils'}
# transformers' modular_*.py are templates its code generator expands (never imported); convert_* are
# one-off conversion scripts; TF/Flax modelling files never appear in torch or sklearn pickles.
SKIP_FILE_PREFIXES = ('modular_', 'convert_', 'modeling_tf_', 'modeling_flax_', 'test_')
STDLIB_SKIP_TOP = {'test', 'idlelib.idle_test', 'lib2to3.tests', 'ensurepip._bundled', 'turtledemo'}


def module_files(root: str, prefix: str):
    """(module name, path, is_package) for every .py file under root, skipping test trees."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith('.')
                             and '-' not in d and d.isidentifier())
        rel = os.path.relpath(dirpath, root)
        parts = [] if rel == '.' else rel.split(os.sep)
        for fn in sorted(filenames):
            if not fn.endswith('.py'):
                continue
            stem = fn[:-3]
            if not stem.isidentifier() or stem.startswith(SKIP_FILE_PREFIXES):
                continue
            if stem == '__init__':
                name, pkg = '.'.join(([prefix] if prefix else []) + parts), True
            else:
                name, pkg = '.'.join(([prefix] if prefix else []) + parts + [stem]), False
            if name:
                yield name, os.path.join(dirpath, fn), pkg


def discover(only: str | None):
    stdlib = sysconfig.get_paths()['stdlib']
    out = []
    for name, path, pkg in module_files(stdlib, ''):
        if any(name == s or name.startswith(s + '.') for s in STDLIB_SKIP_TOP):
            continue
        out.append(('python', name, path, pkg))
    versions = {'python': sys.version.split()[0]}
    if only == 'stdlib':
        return out, versions
    for top, dist in PACKAGES.items():
        spec = importlib.util.find_spec(top)
        root = None
        if spec and spec.submodule_search_locations:
            root = list(spec.submodule_search_locations)[0]
        elif spec and spec.origin and spec.origin.endswith('.py'):
            out.append((top, top, spec.origin, False))
        else:
            for extra in EXTRA_PATHS:
                if os.path.isdir(os.path.join(extra, top)):
                    root = os.path.join(extra, top)
        if root is None and not (spec and spec.origin and spec.origin.endswith('.py')):
            continue
        if root:
            for name, path, pkg in module_files(root, top):
                out.append((top, name, path, pkg))
        try:
            versions[top] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[top] = _version_from_egg(dist) or _version_from_file(root) or 'unknown'
    return out, versions


def _version_from_egg(dist: str):
    """The version in the name of a Debian package's `<dist>-<version>.egg-info` beside its source."""
    for extra in EXTRA_PATHS:
        if os.path.isdir(extra):
            for fn in sorted(os.listdir(extra)):
                if fn.endswith(('.egg-info', '.dist-info')) and fn.lower().startswith(dist.replace('-', '_').lower() + '-'):
                    return fn.split('-')[1].rsplit('.', 1)[0] if fn.count('-') >= 1 else None
    return None


def _version_from_file(root):
    if not root:
        return None
    for fn in ('VERSION', '_version.py', 'version.py'):
        p = os.path.join(root, fn)
        if os.path.exists(p):
            return open(p).read().strip().split('\n')[0][:40]
    return None


def c_module_names(packages_seen: set[str]) -> dict[str, list[str]]:
    """Names defined by reviewed C-extension modules, listed by a child interpreter (import + dir)."""
    mods = [m for m in seeds.TRUSTED_C_MODULES]
    for top in packages_seen:
        spec = importlib.util.find_spec(top) if top != 'python' else None
        if not spec or not spec.submodule_search_locations:
            continue
        root = list(spec.submodule_search_locations)[0]
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
            for fn in filenames:
                if fn.endswith('.so') or fn.endswith('.pyd'):
                    rel = os.path.relpath(os.path.join(dirpath, fn), root)
                    name = '.'.join([top] + rel.split('.')[0].split(os.sep))
                    if any(name.startswith(p) for p in seeds.TRUSTED_EXT_PREFIXES):
                        mods.append(name)
    code = (
        'import importlib, json, sys, warnings\n'
        'warnings.simplefilter("ignore")\n'
        'out = {}\n'
        'for m in json.loads(sys.stdin.read()):\n'
        '    try:\n'
        '        mod = importlib.import_module(m)\n'
        '    except BaseException:\n'
        '        continue\n'
        '    names = []\n'
        '    for n, v in list(vars(mod).items()):\n'
        '        if not callable(v) or type(v).__name__ == "module" or not n.isidentifier():\n'
        '            continue\n'
        '        names.append(n)\n'
        '        if isinstance(v, type):\n'
        '            names += [n + "." + k for k in vars(v) if k.isidentifier() and callable(getattr(v, k, None))]\n'
        '    out[m] = names\n'
        'print(json.dumps(out))\n')
    p = subprocess.run([sys.executable, '-c', code], input=json.dumps(mods), capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        print(p.stderr[-2000:], file=sys.stderr)
        return {}
    return json.loads(p.stdout.strip().splitlines()[-1])


def classify_compiled(uncovered: list) -> dict:
    """compiled.py in a child interpreter (it imports the libraries to read types and signatures) over
    the public names the source analysis left without facts: {public name: [kind, facts, reason, ext]}."""
    entries = []
    for _top, mname, name, targets in uncovered:
        ext = [tg[1] for tg in targets if tg[0] == 'x']
        entries.append([mname, name, ext[0] if len(ext) == 1 and len(targets) == 1 else None])
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'compiled.py')
    p = subprocess.run([sys.executable, here], input=json.dumps(entries), capture_output=True, text=True, timeout=3600)
    if p.returncode != 0:
        print(p.stderr[-2000:], file=sys.stderr)
        return {}
    return json.loads(p.stdout.strip().splitlines()[-1])




def main() -> None:
    if os.environ.get('PYTHONHASHSEED') != '0':
        # The resolver iterates sets of targets (MRO merging, shortest-path ties): with Python's random
        # string hashing two runs over the same source differed in dozens of paths. Pin it.
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, 'PYTHONHASHSEED': '0'})
    sys.setrecursionlimit(100_000)
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='src/engine/formats/pickle/knowledge/kb.generated.ts')
    ap.add_argument('--only', default=None)
    ap.add_argument('--uncovered', default=None, help='write the public callables without facts here (JSON)')
    ap.add_argument('--cache', default=None, help='reuse (or write) the parsed modules at this path (development)')
    ap.add_argument('--typed-attribute-calls', action='store_true',
                    help='follow x.method() where the source tells the class of x (analyse.FOLLOW_TYPED; off: see there)')
    opts = ap.parse_args()
    t0 = time.time()
    warnings.simplefilter('ignore')
    files, versions = discover(opts.only)
    col = Collector()
    pkg_of = {}
    if opts.cache and os.path.exists(opts.cache):
        with open(opts.cache, 'rb') as fh:
            col, pkg_of = pickle.load(fh)   # our own cache file, written below by this script
        files = []
    for top, name, path, pkg in files:
        if name in col.modules:
            continue
        try:
            with open(path, 'rb') as fh:
                tree = ast.parse(fh.read(), filename=path)
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
        col.add_module(name, path, pkg, tree)
        pkg_of[name] = top
    if opts.cache and not os.path.exists(opts.cache):
        with open(opts.cache, 'wb') as fh:
            pickle.dump((col, pkg_of), fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f'parsed {len(col.modules)} modules, {len(col.nodes)} definitions in {time.time() - t0:.0f}s', file=sys.stderr)
    seed_names = {n for n in seeds.SINKS if not n.endswith('.*')} | set(seeds.HIGHER_ORDER)
    res = Resolver(col, seed_names)
    if opts.typed_attribute_calls:
        analyse.FOLLOW_TYPED = True
        infer_returns(res, [n for n in col.nodes if isinstance(n, Func)])
        print(f'inferred what {len(res.returns)} functions return in {time.time() - t0:.0f}s', file=sys.stderr)
    bodies = {}
    for node in col.nodes:
        if isinstance(node, Func):
            bodies[node.id] = FuncAnalyser(res, node).collect()
    link_attrs(res, bodies)
    print(f'analysed bodies in {time.time() - t0:.0f}s', file=sys.stderr)
    g = Graph(res, bodies)
    g.calls_fixpoint()
    ext_keys = {k for b in bodies.values() for s in b.sites for k, _ in s.callees if isinstance(k, str)}
    ext_keys |= seed_names | set(seeds.HIGHER_ORDER)
    seed_keys = [(k, k) for k in ext_keys] + [(n.id, n.name) for n in col.nodes if seed_for(n.name)]
    g.reach(seed_keys, {n.id for n in col.nodes if n.name in seeds.BARRIERS})
    print(f'propagated in {time.time() - t0:.0f}s', file=sys.stderr)
    cnames = c_module_names(set(pkg_of.values()))
    compiled = classify_compiled(uncovered_first_pass(col, res, g, pkg_of, cnames)) if opts.only != 'stdlib' else {}
    print(f'classified {len(compiled)} compiled or dynamically bound names in {time.time() - t0:.0f}s', file=sys.stderr)
    data = export(col, res, g, versions, pkg_of, cnames, compiled)
    if opts.uncovered:
        import export as export_mod
        with open(opts.uncovered, 'w') as fh:
            json.dump(export_mod.UNCOVERED, fh, indent=0, default=str)
    # size: the table ships in the app (loaded lazily); see the prune_* docstrings for what goes
    print(f'pruned {prune_aliases(data)} aliases, {prune_private(data)} private methods, '
          f'{prune_where(data, transformers_models)} transformers model names', file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(opts.out)), exist_ok=True)
    kbfile.write(opts.out, json.dumps(data, separators=(',', ':'), sort_keys=False), versions)
    print(json.dumps(data['meta']['coverage'], indent=1), file=sys.stderr)
    print(f'wrote {opts.out} ({os.path.getsize(opts.out)} bytes) in {time.time() - t0:.0f}s', file=sys.stderr)


if __name__ == '__main__':
    main()
