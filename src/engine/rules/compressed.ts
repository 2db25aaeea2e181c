import type { RuleDef } from './types';

/** Rules of the compressed-wrapper scanner (joblib zlib/gzip/bz2/lzma/xz/lz4 files; gzip and friends in general). */
export const COMPRESSED_RULES = {
} as const satisfies Record<string, RuleDef>;
