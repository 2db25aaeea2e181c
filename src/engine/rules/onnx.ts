import type { RuleDef } from './types';

/** Rules of the onnx scanner. */
export const ONNX_RULES = {
} as const satisfies Record<string, RuleDef>;
