import type { RuleDef } from './types';

/** Rules of the keras scanner. */
export const KERAS_RULES = {
} as const satisfies Record<string, RuleDef>;
