import type { Scanner } from '../../types';

/** Placeholders until the sevenzip scanner lands. */
export const sevenzipScanner: Scanner = { id: 'sevenzip', extensions: [], sniff: () => null, async scan() {} };
