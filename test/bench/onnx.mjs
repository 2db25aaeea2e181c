// ONNX case for bench.mjs (issue 4): a ~300 MB model written by the onnx helper API (onnx 1.23.1 in
// /work/venvs/tf, MG_BENCH_ONNX_PYTHON to override) when absent: 6 transformer-ish blocks of float32
// initializers stored inline (TensorProto.raw_data), which is what the scanner must step over without
// reading. Random weights, so compression or zero pages do not flatter anything.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PYTHON = process.env.MG_BENCH_ONNX_PYTHON ?? '/work/venvs/tf/bin/python';

const GENERATOR = `
import sys
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

path = sys.argv[1]
rng = np.random.default_rng(0)
D, F, BLOCKS = 1024, 4096, 9          # 9 × (D×F + F×D) float32 = ~302 MB
nodes, inits = [], []
x = 'x'
for i in range(BLOCKS):
    up = numpy_helper.from_array(rng.standard_normal((D, F), dtype=np.float32), f'block{i}.up')
    down = numpy_helper.from_array(rng.standard_normal((F, D), dtype=np.float32), f'block{i}.down')
    inits += [up, down]
    nodes += [helper.make_node('MatMul', [x, up.name], [f'h{i}']),
              helper.make_node('Relu', [f'h{i}'], [f'a{i}']),
              helper.make_node('MatMul', [f'a{i}', down.name], [f'y{i}'])]
    x = f'y{i}'
graph = helper.make_graph(nodes, 'bench', [helper.make_tensor_value_info('x', TensorProto.FLOAT, [1, D])],
                          [helper.make_tensor_value_info(x, TensorProto.FLOAT, [1, D])], initializer=inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 17)], producer_name='modelgate-bench')
onnx.save_model(model, path)
`;

/** Makes (or reuses) .bench/onnx-300mb.onnx; returns [{ label, path, size }] for bench.mjs. */
export function onnxCases(outDir, log = (s) => process.stderr.write(s)) {
  const path = join(outDir, 'onnx-300mb.onnx');
  if (!existsSync(path)) {
    log(`bench: generating ${path} with ${PYTHON} …\n`);
    const r = spawnSync(PYTHON, ['-c', GENERATOR, path], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0 || !existsSync(path)) {
      log(`bench: skipping the ONNX case: the generator failed (${r.error?.message ?? `exit ${r.status}`})\n`);
      return [];
    }
  } else {
    log(`bench: reusing ${path}\n`);
  }
  return [{ label: 'onnx ~300 MB (18 inline float32 initializers)', path, size: statSync(path).size }];
}
