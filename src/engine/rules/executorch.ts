import type { RuleDef } from './types';

/** Rules of the executorch scanner: ExecuTorch programs (.pte, executorch/schema/program.fbs). */
export const EXECUTORCH_RULES = {
  'executorch/custom-op': {
    severity: 'warning', title: 'Operator outside the ExecuTorch kernel libraries',
    explanation: 'An execution plan calls an operator whose namespace is neither a core one (aten, quantized_decomposed, dim_order_ops, executorch_prim) nor a kernel library the ExecuTorch project ships. The runtime runs whatever kernel the application registered under that name: native code from a custom kernel library linked into the app, which the model file does not contain and this scan cannot see.',
    remediation: 'Find out which kernel library provides the operator and obtain it from a trusted source; re-export the model without custom operators if you can.',
    cwe: [829],
  },
  'executorch/extension-op': {
    severity: 'info', title: 'Operator from an ExecuTorch extension kernel library',
    explanation: 'An execution plan calls an operator from a kernel library the ExecuTorch project itself ships (llama custom ops, torchao low-bit kernels, Cadence or Cortex-M kernels). The app must link that library; the kernels are ExecuTorch code, not code from the model.',
    remediation: 'None needed when the app links the library from ExecuTorch.',
  },
  'executorch/delegate': {
    severity: 'info', title: 'ExecuTorch backend delegate',
    explanation: 'Part of the program is handed to a backend (XNNPACK, Core ML, QNN, Vulkan, ...) as a processed blob. The blob is opaque to this scan beyond a content scan of its bytes (embedded executables, archives, strings).',
    remediation: 'None needed for backends you ship.',
  },
  'executorch/unknown-backend': {
    severity: 'warning', title: 'Delegate to a backend ExecuTorch does not ship',
    explanation: 'A delegate names a backend id that none of the ExecuTorch backends registers. The program only runs if the application registered native code under that id, and that code receives the delegate blob from the file to interpret as it likes.',
    remediation: 'Find out which backend library the model expects and where it comes from before deploying it.',
    cwe: [829],
  },
  'executorch/out-of-bounds': {
    severity: 'warning', title: 'ExecuTorch data outside the file',
    explanation: 'A segment, the extended header, a tensor offset or a delegate reference points outside the file, into another segment, or to an entry that does not exist. The runtime would read out of bounds or reject the program; parsers that disagree on such files are what attackers use to hide content.',
    remediation: 'Re-export the program with ExecuTorch, or obtain it again from a trusted source.',
    cwe: [125],
  },
  'executorch/absurd-count': {
    severity: 'warning', title: 'Absurd count in an ExecuTorch program',
    explanation: 'A count (plans, operators, delegates, segments) is beyond any real program; only part of it was checked, so the scan is incomplete.',
    remediation: 'Treat the file as unverified.',
  },
  'executorch/other-schema': {
    severity: 'info', title: 'ExecuTorch program of another schema version',
    explanation: 'The file identifier is not "ET12", the schema version this scanner decodes (program.fbs). Older and newer runtimes changed the tables, so fields may have been misread; the scan is marked incomplete.',
    remediation: 'Re-export the program with a current ExecuTorch release, or treat it as unverified.',
  },
} as const satisfies Record<string, RuleDef>;
