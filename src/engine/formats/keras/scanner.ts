import type { Scanner } from '../../types';

/** Placeholders until the keras scanner lands. */
export const kerasH5Scanner: Scanner = { id: 'keras', extensions: [], sniff: () => null, async scan() {} };
export const kerasZipScanner: Scanner = { id: 'keras', extensions: [], sniff: () => null, async scan() {} };
