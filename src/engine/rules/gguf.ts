import type { RuleDef } from './types';

/** Rules of the gguf scanner (ggml docs/gguf.md; gguf.cpp is the reference loader). */
export const GGUF_RULES = {
  'gguf/absurd-count': {
    severity: 'warning', title: 'Absurd count or length in a GGUF header',
    explanation: 'A tensor count, KV count, string or array length, nesting depth, dimension count or dimension product read from the header cannot be true for this file (it exceeds the file size or a sane limit). Loaders that trust it allocate huge buffers or read out of bounds; heap overflows of this kind were reported in the GGUF parser of llama.cpp in 2024.',
    remediation: 'Do not load the file; re-download it or re-convert the model with llama.cpp\'s tools.',
    cwe: [789, 190],
  },
  'gguf/tensor-out-of-bounds': {
    severity: 'warning', title: 'GGUF tensor data outside the file',
    explanation: 'A tensor\'s offset plus its size (type × dimensions) ends past the end of the file. gguf.cpp refuses the file; a laxer reader maps memory outside it. Also seen in truncated downloads.',
    remediation: 'Re-download the file and compare its hash with the publisher\'s.',
    cwe: [125],
  },
  'gguf/overlapping-tensors': {
    severity: 'warning', title: 'GGUF tensors share bytes',
    explanation: 'Two tensors\' data ranges overlap. Converters write tensors one after another, so overlap means a hand-made file, aimed at readers that do not check.',
    remediation: 'Re-convert the model with llama.cpp\'s tools.',
    cwe: [436],
  },
  'gguf/misaligned-tensor': {
    severity: 'warning', title: 'GGUF tensor offset not aligned',
    explanation: 'A tensor\'s data offset is not a multiple of general.alignment. gguf.cpp refuses such files; the converters never write them.',
    remediation: 'Re-convert the model with llama.cpp\'s tools.',
  },
  'gguf/bad-alignment': {
    severity: 'warning', title: 'Invalid general.alignment',
    explanation: 'general.alignment is not a u32 power of two. gguf.cpp refuses the file; other readers compute a different data start and so read different tensor bytes than this scan checked.',
    remediation: 'Re-convert the model with llama.cpp\'s tools.',
    cwe: [436],
  },
  'gguf/duplicate-key': {
    severity: 'warning', title: 'Duplicate GGUF metadata key or tensor name',
    explanation: 'A metadata key or tensor name appears twice. gguf.cpp refuses the file; readers that accept it disagree on which entry wins, so a scanner and a loader can see different values (e.g. two chat templates).',
    remediation: 'Re-convert the model with llama.cpp\'s tools.',
    cwe: [436],
  },
  'gguf/unknown-tensor-type': {
    severity: 'warning', title: 'Unknown ggml tensor type',
    explanation: 'A tensor declares a ggml type this scanner does not know, so its size and bounds cannot be checked. Newer quantisation types appear over time; a type far outside the known range means a hand-made file.',
    remediation: 'Check which tool wrote the file.',
  },
  'gguf/unexpected-type': {
    severity: 'warning', title: 'GGUF metadata value of an unexpected type',
    explanation: 'A well-known key (such as tokenizer.chat_template) holds a value of the wrong type. Loaders then skip it or misread it; it was not written by the converters.',
    remediation: 'Inspect the metadata with gguf-dump.',
  },
  'gguf/legacy-ggml': {
    severity: 'info', title: 'Legacy GGML/GGMF/GGJT file',
    explanation: 'The file uses a pre-GGUF llama.cpp container (before August 2023). It carries no chat template; it is recognised but its hyperparameters and vocabulary are not parsed. Current llama.cpp no longer loads it.',
    remediation: 'Prefer a GGUF conversion of the model.',
  },
} as const satisfies Record<string, RuleDef>;
