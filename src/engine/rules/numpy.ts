import type { RuleDef } from './types';

/** Rules of the numpy scanner(s). */
export const NUMPY_RULES = {
} as const satisfies Record<string, RuleDef>;
