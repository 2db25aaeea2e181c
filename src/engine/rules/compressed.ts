import type { RuleDef } from './types';

/** Rules of the compressed-wrapper scanner (joblib zlib/gzip/bz2/lzma/xz/lz4 files; gzip and friends in general). */
export const COMPRESSED_RULES = {
  'compressed/unsupported-codec': {
    severity: 'warning', title: 'Compressed content could not be decoded',
    explanation: 'The file is compressed with a codec (or at a size) modelgate cannot decode here, so what it holds was not scanned. joblib files compressed this way are pickles: loading them can run code. The scan is incomplete.',
    remediation: 'Decompress the file in a sandbox (e.g. with xz, lzma or bunzip2) and scan the result.',
  },
  'compressed/window-too-large': {
    severity: 'warning', title: 'Compressed stream asks for too much decoder memory',
    explanation: 'A Zstandard frame declares a window (the memory a decoder must reserve) above the limit zstd itself enforces by default (128 MiB). A few bytes can make naive decoders allocate gigabytes; legitimate files need --long=31 or --memory for this. The frame was not decoded, so its content was not scanned.',
    remediation: 'Decompress the file in a sandbox with `zstd -d --memory=...` and scan the result.',
    cwe: [400, 789],
  },
} as const satisfies Record<string, RuleDef>;
