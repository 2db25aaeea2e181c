import type { Scanner } from '../../types';

/** Fallback for content no format scanner claims. */
export const unknownScanner: Scanner = {
  id: 'unknown',
  extensions: [],
  sniff: () => ({ confidence: 'name' }),
  async scan() {},
};
