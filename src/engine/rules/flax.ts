import type { RuleDef } from './types';

/** Rules of the flax scanner. */
export const FLAX_RULES = {
} as const satisfies Record<string, RuleDef>;
