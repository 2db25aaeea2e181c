import type { RuleDef } from './types';

/** SafeTensors: the header is JSON, the rest is raw tensor bytes. */
export const SAFETENSORS_RULES = {
  'safetensors/header-too-large': {
    severity: 'warning', title: 'SafeTensors header length is absurd',
    explanation: 'The 8-byte header length is larger than the file or than the header limit (the safetensors library refuses headers above 100 MB). Loaders that trust it allocate that much memory; the header was not read, so nothing else in the file was checked.',
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
    explanation: 'The byte range declared for a tensor is not dtype size × product of its shape (for 4- and 6-bit dtypes, not a whole number of bytes); the safetensors library refuses the file, so it was not written by it.',
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
  'safetensors/invalid-tensor-entry': {
    severity: 'warning', title: 'Tensor entry with invalid JSON types',
    explanation: 'A tensor entry is not an object with a string dtype, a list of non-negative integer dims and two non-negative integer data_offsets. The safetensors library refuses the file; a hand-made header may be aimed at a laxer parser.',
    remediation: 'Re-export the weights with the safetensors library.',
    cwe: [20],
  },
  'safetensors/noncanonical-header': {
    severity: 'warning', title: 'SafeTensors header not in the canonical form',
    explanation: 'The spec says the header MUST begin with "{" and may be padded with spaces (0x20) only. The library never writes anything else; scanners that sniff for "{" at byte 8 miss such a file while lenient loaders still read it.',
    remediation: 'Re-export the weights with the safetensors library.',
    cwe: [436],
  },
  'safetensors/index-path-escape': {
    severity: 'critical', title: 'Sharded index points outside the model folder',
    explanation: 'A weight_map entry of model.safetensors.index.json is an absolute path or climbs out with "..". Loaders join it to the model folder and open whatever file it names, so a downloaded model can make them read arbitrary local files.',
    remediation: 'Do not load this checkpoint. A genuine index names shard files in its own folder only.',
    cwe: [22],
  },
  'safetensors/index-inconsistent': {
    severity: 'warning', title: 'Sharded index and shards disagree',
    explanation: 'model.safetensors.index.json names shards or tensors that are missing, or shards hold tensors the index does not list. A loader may then pull weights from an unexpected file.',
    remediation: 'Make sure every shard came from the same export as the index.',
    cwe: [345],
  },
} as const satisfies Record<string, RuleDef>;
