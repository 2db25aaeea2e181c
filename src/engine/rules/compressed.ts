import type { RuleDef } from './types';

/** Rules of the compressed-wrapper scanner (joblib zlib/gzip/bz2/lzma/xz/lz4 files; gzip and friends in general). */
export const COMPRESSED_RULES = {
  'compressed/unsupported-codec': {
    severity: 'warning', title: 'Compressed content could not be decoded',
    explanation: 'The file is compressed with a codec (or at a size) modelgate cannot decode here, so what it holds was not scanned. joblib files compressed this way are pickles: loading them can run code. The scan is incomplete.',
    remediation: 'Decompress the file in a sandbox (e.g. with xz, lzma or bunzip2) and scan the result.',
  },
} as const satisfies Record<string, RuleDef>;
