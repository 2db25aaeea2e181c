import type { Scanner } from '../../types';

/** Placeholders until the tflite scanner lands. */
export const tfliteScanner: Scanner = { id: 'tflite', extensions: [], sniff: () => null, async scan() {} };
