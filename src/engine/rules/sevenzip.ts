import type { RuleDef } from './types';

/** Rules of the sevenzip scanner. */
export const SEVENZIP_RULES = {
} as const satisfies Record<string, RuleDef>;
