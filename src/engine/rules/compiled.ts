import type { RuleDef } from './types';

/** Rules of the compiled scanner: runtime artifacts whose structure is not parsed (TensorRT, RKNN, CNTK). */
export const COMPILED_RULES = {
  'compiled/not-parsed': {
    severity: 'info', title: 'Compiled model recognised but not parsed',
    explanation: 'The file was recognised as a compiled runtime artifact (TensorRT engine, RKNN model, CNTK model), but its structure was not decoded. Only the generic checks ran: embedded executables, strings through the detectors, plugin and library names found in its strings. Code hidden in an encoded or compressed part would not be seen, so the scan is marked incomplete.',
    remediation: 'Treat the file as unverified; build the artifact yourself from a model in a parsed format where possible.',
  },
  'compiled/library-reference': {
    severity: 'warning', title: 'Shared library named in a compiled model',
    explanation: 'The artifact names a shared library (.so, .dll, .dylib). TensorRT engines that need custom plugins, and runtimes with custom kernels, load such libraries to run the model: native code from outside the file.',
    remediation: 'Find out which library the model expects and where it comes from before deploying it.',
    cwe: [114, 829],
  },
  'compiled/plugin': {
    severity: 'info', title: 'TensorRT plugin named in an engine',
    explanation: 'The engine names plugin creators. TensorRT\'s own plugins live in libnvinfer_plugin; others must be loaded from a library the application supplies, which runs native code.',
    remediation: 'Check that every plugin named comes from TensorRT or a library you trust.',
  },
} as const satisfies Record<string, RuleDef>;
