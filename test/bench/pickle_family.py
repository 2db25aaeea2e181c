#!/usr/bin/python3
"""Writes one large pickle-family benchmark file (called by test/bench/pickle-family.mjs; run with
Debian's /usr/bin/python3, which has torch, sklearn and joblib):

    pickle_family.py torch-zip|torch-legacy|torch-512|objects|tuples|forest|forest-zlib OUT

Writes DIR/.tmp/NAME and renames it to DIR/NAME when complete, so an interrupted run never leaves a
file the benchmark would reuse (and torch, which names the zip's top folder after the file's stem,
sees the final name). Everything here is benign; nothing is ever loaded back.
"""
import os
import sys

GB = 1_000_000_000


def torch_checkpoint(path, legacy):
    import collections
    import torch
    # 250 float32 tensors of 1000×1000 (4 MB each) = 1 GB of storage; a 7B-parameter shard has a
    # similar number of entries. torch.zeros is calloc'ed, so generation costs little memory.
    sd = collections.OrderedDict()
    for i in range(250):
        sd[f'model.layers.{i // 10}.mlp.proj_{i % 10}.weight'] = torch.zeros(1000, 1000)
    if legacy:
        torch.save(sd, path, _use_new_zipfile_serialization=False)
    else:
        torch.save(sd, path)


def torch_512(path):
    import collections
    import torch
    # Issue 15's start-up case: a 512 MiB state dict (128 float32 tensors of 1024×1024, zeros), scanned
    # with --no-hash --no-weight-stats, which needs data.pkl and the zip directory only.
    sd = collections.OrderedDict()
    for i in range(128):
        sd[f'model.layers.{i // 8}.mlp.proj_{i % 8}.weight'] = torch.zeros(1024, 1024)
    torch.save(sd, path)


def objects(path):
    import pickle
    # 3.9 M small dicts, ~77 bytes each at protocol 4 (keys memoised, values new objects): the shape of
    # the 288 MiB pickle on which picklescan/modelscan/ModelAudit take minutes and ~16 GB.
    def make(i):
        return {'id': i, 'name': f'item-{i:08d}', 'label': f'class-{i % 1000:05d}', 'score': i * 0.5,
                'ok': i % 2 == 0, 'tags': ['train', 'v2'], 'parent': i // 10, 'epoch': 3}
    data = [make(i) for i in range(3_900_000)]
    with open(path, 'wb') as f:
        pickle.dump(data, f, protocol=4)


def tuples(path):
    import pickle
    import random
    # Issue 15: the `many` shape of ../shared/bench/make-workloads.py, 3.9 M nested records holding
    # lists, tuples and dicts. Every record memoizes a tuple (pos), which the object-dense case above
    # has none of: that is what made memory grow with the number of records.
    random.seed(0)
    data = [{'id': i, 'name': f'token_{i}', 'tags': ['alpha', f't{i % 97}', None], 'score': random.random(),
             'meta': {'pos': (i, i + 1), 'ok': bool(i & 1)}} for i in range(3_900_000)]
    with open(path, 'wb') as f:
        pickle.dump(data, f, protocol=4)


def forest(path):
    import joblib
    from sklearn.datasets import make_classification
    from sklearn.ensemble import RandomForestClassifier
    # Fully grown trees on noisy labels: ~380 KB of node/value arrays per tree, so 264 trees ≈ 100 MB,
    # almost all of it raw NumPy bytes that joblib writes inline after each NumpyArrayWrapper.
    X, y = make_classification(n_samples=20_000, n_features=20, n_informative=10, flip_y=0.3, random_state=0)
    rf = RandomForestClassifier(n_estimators=264, random_state=0, n_jobs=2).fit(X, y)
    joblib.dump(rf, path)  # uncompressed


def forest_zlib(path):
    # The same forest as joblib.dump(compress=('zlib', 3)) writes it: one zlib stream around the
    # whole pickle (joblib/compressor.py ZlibCompressorWrapper), which the scanner inflates.
    import joblib
    from sklearn.datasets import make_classification
    from sklearn.ensemble import RandomForestClassifier
    X, y = make_classification(n_samples=20_000, n_features=20, n_informative=10, flip_y=0.3, random_state=0)
    rf = RandomForestClassifier(n_estimators=264, random_state=0, n_jobs=2).fit(X, y)
    joblib.dump(rf, path, compress=('zlib', 3))


def main():
    kind, out = sys.argv[1], sys.argv[2]
    tmpdir = os.path.join(os.path.dirname(os.path.abspath(out)), '.tmp')
    os.makedirs(tmpdir, exist_ok=True)
    tmp = os.path.join(tmpdir, os.path.basename(out))
    if kind == 'torch-zip':
        torch_checkpoint(tmp, legacy=False)
    elif kind == 'torch-legacy':
        torch_checkpoint(tmp, legacy=True)
    elif kind == 'torch-512':
        torch_512(tmp)
    elif kind == 'objects':
        objects(tmp)
    elif kind == 'forest':
        forest(tmp)
    elif kind == 'forest-zlib':
        forest_zlib(tmp)
    elif kind == 'tuples':
        tuples(tmp)
    else:
        sys.exit(f'unknown kind {kind}')
    os.replace(tmp, out)


if __name__ == '__main__':
    main()
