import type { RuleDef } from './types';

/** Rules of the paddle scanner: PaddlePaddle ProgramDesc files (.pdmodel, __model__). */
export const PADDLE_RULES = {
  'paddle/py-func': {
    severity: 'critical', title: 'PaddlePaddle program runs a Python function',
    explanation: 'The program contains a py_func operator (paddle.static.py_func). When the executor reaches it, it calls a Python callable registered in the running process, so the model only works together with Python code shipped alongside it, and whoever supplies that code runs it with the loader\'s rights. Exported inference programs have no reason to contain one.',
    remediation: 'Do not run the program; re-export it with paddle.jit.save or paddle.static.save_inference_model from a model without py_func.',
    cwe: [94, 502],
  },
  'paddle/file-op': {
    severity: 'warning', title: 'PaddlePaddle program writes or reads files outside its folder',
    explanation: 'A save, load, save_combine or load_combine operator names an absolute path or one that climbs out with "..". Running the program makes the executor read or overwrite that file (paddle/fluid/operators/save_op.cc), e.g. replace a file in the user\'s home or read secrets into a tensor. Relative paths inside the model folder are reported at INFO.',
    remediation: 'Inspect the file_path attribute; do not run the program as a user who can write there.',
    cwe: [22, 73],
  },
  'paddle/network-op': {
    severity: 'warning', title: 'PaddlePaddle program contains a network operator',
    explanation: 'The program contains a distributed-training operator (send, recv, listen_and_serv, ...) that opens connections to, or listens for, the endpoints in its attributes when run. Inference programs do not contain them.',
    remediation: 'Check the endpoints; prune the operators (save_inference_model) before serving the model.',
    cwe: [918],
  },
} as const satisfies Record<string, RuleDef>;
