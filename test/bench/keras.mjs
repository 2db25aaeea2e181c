// Keras case for bench.mjs (issue 4): a ~300 MB legacy Keras .h5 (Sequential of big Dense layers,
// float32 weights written by h5py, model_config as Keras writes it), generated under outDir with the
// TensorFlow venv's h5py and reused when present. The scan reads only the superblock, object headers
// and attributes through h5wasm (lazy EMFS mount), never the weight data.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PYTHON = process.env.MG_BENCH_KERAS_PYTHON ?? '/work/venvs/tf/bin/python';

// h5py only (no TensorFlow import): 5 Dense layers of 4096 x 3712 float32 ≈ 5 × 60.8 MB ≈ 304 MB.
const GENERATOR = String.raw`
import json, sys, h5py, numpy as np
path = sys.argv[1]
units, layers = 3712, 5
cfg = {"class_name": "Sequential", "config": {"name": "big", "layers": [
  {"module": "keras.layers", "class_name": "Dense", "config": {"name": f"dense_{i}", "units": units, "activation": "relu"}, "registered_name": None}
  for i in range(layers)]}}
with h5py.File(path, "w") as f:
    f.attrs["keras_version"] = "3.15.1"
    f.attrs["backend"] = "tensorflow"
    f.attrs["model_config"] = json.dumps(cfg)
    w = f.create_group("model_weights")
    w.attrs["layer_names"] = [f"dense_{i}".encode() for i in range(layers)]
    rng = np.random.default_rng(0)
    for i in range(layers):
        g = w.create_group(f"dense_{i}/big/dense_{i}")
        g.create_dataset("kernel", data=rng.standard_normal((4096, units), dtype=np.float32))
        g.create_dataset("bias", data=np.zeros(units, dtype=np.float32))
`;

/** Makes (or reuses) the Keras bench file; returns [{ label, path, size }] like the other case modules. */
export function kerasCases(outDir, log = (s) => process.stderr.write(s)) {
  const path = join(outDir, 'keras-300mb.h5');
  if (!existsSync(path)) {
    log(`bench: generating ${path} with ${PYTHON} …\n`);
    const r = spawnSync(PYTHON, ['-c', GENERATOR, path], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0 || !existsSync(path)) {
      log(`bench: skipping keras .h5: the generator failed (${r.error?.message ?? `exit ${r.status}`})\n`);
      return [];
    }
  } else {
    log(`bench: reusing ${path}\n`);
  }
  return [{ label: 'keras legacy .h5 ~300 MB (5 Dense 4096×3712)', path, size: statSync(path).size }];
}
