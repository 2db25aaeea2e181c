import type { RuleDef } from './types';

/** Rules of the pickle scanner(s). */
export const PICKLE_RULES = {
} as const satisfies Record<string, RuleDef>;
