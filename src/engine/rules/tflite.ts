import type { RuleDef } from './types';

/** Rules of the tflite scanner. */
export const TFLITE_RULES = {
} as const satisfies Record<string, RuleDef>;
