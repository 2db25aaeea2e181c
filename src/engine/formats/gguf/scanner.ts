import type { Scanner } from '../../types';

/** Placeholder until the gguf scanner lands. */
export const ggufScanner: Scanner = { id: 'gguf', extensions: [], sniff: () => null, async scan() {} };
