import type { Scanner } from '../../types';

/** Placeholder until the jinja scanner lands. */
export const jinjaScanner: Scanner = { id: 'jinja', extensions: [], sniff: () => null, async scan() {} };
