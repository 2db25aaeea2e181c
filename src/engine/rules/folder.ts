import type { RuleDef } from './types';

/** Rules of the folder checks: what only the files of one dropped folder, taken together, show. */
export const FOLDER_RULES = {
  'folder/missing-reference': {
    severity: 'warning', title: 'Referenced file missing from the folder',
    explanation: 'A scanned file names another file of its folder that it needs (ONNX external tensor data, SavedModel variables, an image layer, a checkpoint shard), and that file was not among the files scanned with it. The model cannot load as scanned; whatever supplies the missing piece later (a second download, a file placed beside it) was never checked.',
    remediation: 'Scan the complete folder, including the named file, before loading the model.',
    cwe: [353],
  },
} as const satisfies Record<string, RuleDef>;
