import type { RuleDef } from './types';

/** Rules of the tensorflow scanner. */
export const TENSORFLOW_RULES = {
} as const satisfies Record<string, RuleDef>;
