import type { RuleDef } from './types';

/** Rules of the mxnet scanner: MXNet symbol graphs (-symbol.json) and NDArray parameter files (.params). */
export const MXNET_RULES = {
  'mxnet/custom-op': {
    severity: 'warning', title: 'MXNet graph calls a Python-defined operator',
    explanation: 'A node of the symbol graph is a Custom operator (its op_type names a class registered with mx.operator.register) or a legacy _Native/_NDArray operator backed by Python callbacks. Binding the graph runs that Python code; the model needs code from somewhere that was not in the file, and a loader that imports it runs whatever it does.',
    remediation: 'Find the Python module that registers the operator and review it before binding the graph.',
    cwe: [94, 829],
  },
  'mxnet/trailing-data': {
    severity: 'warning', title: 'Bytes after the MXNet parameter list',
    explanation: 'Data follows the names list that ends every file mx.nd.save writes. mx.nd.load never reads it, so it serves no loader: a place to hide a payload. It was scanned as unknown content.',
    remediation: 'Obtain the file again from its publisher.',
    cwe: [436],
  },
} as const satisfies Record<string, RuleDef>;
