import type { RuleDef } from './types';

/** Rules of the pytorch scanner(s). */
export const PYTORCH_RULES = {
} as const satisfies Record<string, RuleDef>;
