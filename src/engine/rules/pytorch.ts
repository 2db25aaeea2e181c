import type { RuleDef } from './types';

/** Rules of the pytorch scanners (zip checkpoints, TorchScript archives, legacy checkpoints). */
export const PYTORCH_RULES = {
  'pytorch/torchscript-module': {
    severity: 'info', title: 'TorchScript module',
    explanation: 'The archive is a TorchScript module: besides weights it carries compiled code (code/**.py) that torch.jit.load turns into methods, which run when the model is called. The code was scanned with the string detectors; the entry points are listed so an analyst can review what the model does.',
    remediation: 'Review the listed methods; prefer weight-only formats (safetensors) when code is not needed.',
  },
  'pytorch/legacy-magic-not-literal': {
    severity: 'warning', title: 'Legacy checkpoint magic number is computed, not stored',
    explanation: 'A legacy PyTorch checkpoint starts with a pickle of one constant (0x1950a86a20f9469cfc6c). Here that first pickle is something else: torch.load unpickles it before checking the value, so whatever it computes runs first. picklescan was bypassed with a magic number produced by eval().',
    remediation: 'Do not load this file. The pickle findings on pickle#0 say what it would run.',
    cwe: [502],
  },
  'pytorch/tensor-item-write': {
    severity: 'critical', title: 'Pickle writes items into a rebuilt tensor or storage',
    explanation: 'SETITEM, SETITEMS, APPEND or APPENDS is applied to a tensor or storage the pickle rebuilt (a torch._utils._rebuild_* result or a persistent-load storage). torch.save never writes this; item writes on tensors reach native setters with attacker-chosen indices and values (CVE-2026-24747, a weights_only bypass to memory corruption).',
    remediation: 'Do not load this file, even with weights_only=True on an unpatched torch; obtain the checkpoint again from its publisher.',
    cwe: [787, 502],
  },
  'pytorch/storage-size-mismatch': {
    severity: 'warning', title: 'Storage size differs from its declaration',
    explanation: 'A raw storage holds a different number of elements than the main pickle declares for it. torch.save never writes this; a crafted size makes loaders read or write outside the tensor (memory-corruption bugs in storage loading).',
    remediation: 'Do not load this file; obtain the checkpoint again from its publisher.',
    cwe: [787, 20],
  },
  'pytorch/trailing-data': {
    severity: 'warning', title: 'Data after the last storage',
    explanation: 'Bytes follow the last raw storage of a legacy checkpoint. torch.load never reads them, so they are a place to smuggle a payload past loaders (a second pickle, an executable). They were scanned as unknown content.',
    remediation: 'Inspect the extra bytes; a checkpoint written by torch.save has none.',
    cwe: [436], aliases: ['S908'],
  },
  'pytorch/unknown-storage-layout': {
    severity: 'warning', title: 'Legacy checkpoint storages could not be delimited',
    explanation: 'The storages of a legacy checkpoint are stepped over using the storage types and keys of its pickles. They could not be read here (an unknown storage type, a key list that is not a list), so the rest of the file was scanned as unknown content rather than by its structure. The scan is incomplete.',
    remediation: 'Treat the file as suspect; convert it with torch in a sandbox to safetensors and scan the result.',
    cwe: [20],
  },
} as const satisfies Record<string, RuleDef>;
