import type { Scanner } from '../../types';

/** Placeholders until the tensorflow scanner lands. */
export const tensorflowScanner: Scanner = { id: 'tensorflow', extensions: [], sniff: () => null, async scan() {} };
