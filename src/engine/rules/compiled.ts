import type { RuleDef } from './types';

/** Rules of the compiled scanner: runtime artifacts whose structure is not parsed (ExecuTorch, TensorRT, RKNN, CNTK). */
export const COMPILED_RULES = {
  'compiled/not-parsed': {
    severity: 'info', title: 'Compiled model recognised but not parsed',
    explanation: 'The file was recognised as a compiled runtime artifact (ExecuTorch program, TensorRT engine, RKNN model, CNTK model), but its structure was not decoded. Only the generic checks ran: embedded executables, strings through the detectors, operator, plugin, delegate and library names found in its strings. Code hidden in an encoded or compressed part would not be seen, so the scan is marked incomplete.',
    remediation: 'Treat the file as unverified; build the artifact yourself from a model in a parsed format where possible.',
  },
  'compiled/library-reference': {
    severity: 'warning', title: 'Shared library named in a compiled model',
    explanation: 'The artifact names a shared library (.so, .dll, .dylib). TensorRT engines that need custom plugins, and runtimes with custom kernels, load such libraries to run the model: native code from outside the file.',
    remediation: 'Find out which library the model expects and where it comes from before deploying it.',
    cwe: [114, 829],
  },
  'compiled/custom-op': {
    severity: 'warning', title: 'Operator outside the standard namespaces',
    explanation: 'An ExecuTorch program names an operator outside the aten, quantized_decomposed and dim_order_ops namespaces. The runtime runs whatever kernel the application registered under that name (a custom kernel library linked into it).',
    remediation: 'Check which kernel library provides the operator.',
    cwe: [829],
  },
  'compiled/plugin': {
    severity: 'info', title: 'TensorRT plugin named in an engine',
    explanation: 'The engine names plugin creators. TensorRT\'s own plugins live in libnvinfer_plugin; others must be loaded from a library the application supplies, which runs native code.',
    remediation: 'Check that every plugin named comes from TensorRT or a library you trust.',
  },
  'compiled/delegate': {
    severity: 'info', title: 'ExecuTorch backend delegate',
    explanation: 'The program hands part of the graph to a backend delegate (XNNPACK, Core ML, QNN, ...). The delegate blob is opaque to this scan beyond the executable and string sweep.',
    remediation: 'None needed for backends you ship; check unfamiliar backend names.',
  },
} as const satisfies Record<string, RuleDef>;
