import type { Scanner } from '../../types';

/** Placeholder until the tar scanner lands. */
export const tarScanner: Scanner = { id: 'tar', extensions: [], sniff: () => null, async scan() {} };
