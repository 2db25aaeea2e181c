import type { Scanner } from '../../types';

/** Placeholder: compressed wrappers (joblib zlib/gzip/bz2/lzma/xz/lz4). */
export const compressedScanner: Scanner = {
  id: 'compressed',
  extensions: [],
  sniff: () => null,
  async scan() {},
};
