import type { Scanner } from '../../types';

/** Placeholders until the flax scanner lands. */
export const flaxScanner: Scanner = { id: 'flax', extensions: [], sniff: () => null, async scan() {} };
