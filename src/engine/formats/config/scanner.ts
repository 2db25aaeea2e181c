import type { Scanner } from '../../types';

/** Placeholder until the config scanner lands. */
export const configScanner: Scanner = { id: 'config', extensions: [], sniff: () => null, async scan() {} };
