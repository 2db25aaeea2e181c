import type { Scanner } from '../../types';

/** Placeholders until the onnx scanner lands. */
export const onnxScanner: Scanner = { id: 'onnx', extensions: [], sniff: () => null, async scan() {} };
