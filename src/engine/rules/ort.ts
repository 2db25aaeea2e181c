import type { RuleDef } from './types';

/** Rules of the ort scanner: ONNX Runtime ORT-format models (onnxruntime/core/flatbuffers/schema/ort.fbs). */
export const ORT_RULES = {
  'ort/python-op': {
    severity: 'critical', title: 'Python operator in an ORT model',
    explanation: 'A node uses a Python-backed operator (ONNX Runtime\'s PyOp, onnxruntime-extensions\' PyCustomOp, PyTorch\'s PythonOp). When the runtime has Python operators enabled, running the model imports the module named in the node\'s attributes and calls the function it names: arbitrary code.',
    remediation: 'Do not run the model with Python operators enabled; obtain the original .onnx and review the node.',
    cwe: [94, 829],
  },
  'ort/custom-domain-op': {
    severity: 'warning', title: 'Custom-domain operator in an ORT model',
    explanation: 'A node belongs to an operator domain that neither ONNX nor ONNX Runtime provides. The model only runs with a custom-operator library registered for it, which is native code outside the model; the library, not the model, decides what the operator does.',
    remediation: 'Find out which library implements the domain and obtain it from a trusted source before registering it.',
    cwe: [829],
  },
  'ort/contrib-domain-op': {
    severity: 'info', title: 'ONNX Runtime contrib operators in an ORT model',
    explanation: 'Nodes use operators from a domain ONNX Runtime (or a well-known converter) ships itself, such as com.microsoft fusions the optimizer wrote while converting to ORT format. They run compiled kernels of the runtime, not code from the model.',
    remediation: 'None needed.',
  },
} as const satisfies Record<string, RuleDef>;
