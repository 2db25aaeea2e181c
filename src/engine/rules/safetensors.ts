import type { RuleDef } from './types';

/** SafeTensors: the header is JSON, the rest is raw tensor bytes. */
export const SAFETENSORS_RULES = {
  'safetensors/header-too-large': {
    severity: 'warning', title: 'SafeTensors header length is absurd',
    explanation: 'The 8-byte header length is larger than the file or than the header limit. Loaders that trust it allocate that much memory.',
    remediation: 'Re-export the weights with the safetensors library.',
    cwe: [789],
  },
  'safetensors/tensor-out-of-bounds': {
    severity: 'warning', title: 'Tensor data outside the file',
    explanation: 'A tensor\'s data_offsets point past the end of the file or run backwards; loaders read out of bounds or fail.',
    remediation: 'Re-export the weights with the safetensors library.',
    cwe: [125],
  },
  'safetensors/size-mismatch': {
    severity: 'warning', title: 'Tensor byte range does not match its dtype and shape',
    explanation: 'The byte range declared for a tensor is not dtype size × product of its shape; the file was not written by the safetensors library.',
    remediation: 'Re-export the weights with the safetensors library.',
    cwe: [130],
  },
  'safetensors/overlapping-tensors': {
    severity: 'warning', title: 'Tensors share bytes',
    explanation: 'Two tensors\' byte ranges overlap. The safetensors library refuses such files; other parsers may not.',
    remediation: 'Re-export the weights with the safetensors library.',
    cwe: [436],
  },
  'safetensors/hidden-bytes': {
    severity: 'warning', title: 'Bytes not covered by any tensor',
    explanation: 'There are gaps between tensors or bytes after the last one. The library writes tensors back to back, so extra bytes are space to smuggle a payload.',
    remediation: 'Inspect the extra bytes; re-export the weights with the safetensors library.',
    cwe: [506],
  },
  'safetensors/duplicate-key': {
    severity: 'warning', title: 'Duplicate key in the SafeTensors header',
    explanation: 'The header JSON repeats a key. JSON parsers disagree on which value wins, so a scanner and a loader can see different tensors.',
    remediation: 'Re-export the weights with the safetensors library.',
    cwe: [436],
  },
  'safetensors/unknown-dtype': {
    severity: 'warning', title: 'Unknown tensor dtype',
    explanation: 'A tensor declares a dtype the safetensors format does not define; its size cannot be checked.',
    remediation: 'Check which tool wrote the file.',
  },
  'safetensors/metadata-not-string': {
    severity: 'warning', title: 'Non-string value in __metadata__',
    explanation: 'The format allows only string-to-string metadata; other values mean a hand-made header.',
    remediation: 'Re-export the weights with the safetensors library.',
  },
  'safetensors/index-inconsistent': {
    severity: 'warning', title: 'Sharded index and shards disagree',
    explanation: 'model.safetensors.index.json names shards or tensors that are missing, or shards hold tensors the index does not list. A loader may then pull weights from an unexpected file.',
    remediation: 'Make sure every shard came from the same export as the index.',
    cwe: [345],
  },
} as const satisfies Record<string, RuleDef>;
