import type { RuleDef } from './types';

/** Rules of the tar scanner. */
export const TAR_RULES = {
} as const satisfies Record<string, RuleDef>;
