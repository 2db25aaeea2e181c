import type { RuleDef } from './types';

/** Rules of the compiled scanner: runtime artifacts whose structure is not parsed (RKNN). */
export const COMPILED_RULES = {
  'compiled/not-parsed': {
    severity: 'info', title: 'Compiled model recognised but not parsed',
    explanation: 'The file was recognised as a compiled runtime artifact (RKNN model), but its structure was not decoded. Only the generic checks ran: embedded executables, strings through the detectors, library names found in its strings. Code hidden in an encoded or compressed part would not be seen, so the scan is marked incomplete.',
    remediation: 'Treat the file as unverified; build the artifact yourself from a model in a parsed format where possible.',
  },
  'compiled/library-reference': {
    severity: 'warning', title: 'Shared library named in a compiled model',
    explanation: 'The artifact names a shared library (.so, .dll, .dylib). Runtimes with custom layers or kernels load such libraries to run the model: native code from outside the file.',
    remediation: 'Find out which library the model expects and where it comes from before deploying it.',
    cwe: [114, 829],
  },
} as const satisfies Record<string, RuleDef>;
