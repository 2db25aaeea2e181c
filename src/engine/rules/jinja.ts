import type { RuleDef } from './types';

/** Rules of the jinja scanner. */
export const JINJA_RULES = {
} as const satisfies Record<string, RuleDef>;
