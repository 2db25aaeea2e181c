import type { RuleDef } from './types';

/** Rules of the config scanner. */
export const CONFIG_RULES = {
} as const satisfies Record<string, RuleDef>;
