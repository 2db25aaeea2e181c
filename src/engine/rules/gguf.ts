import type { RuleDef } from './types';

/** Rules of the gguf scanner. */
export const GGUF_RULES = {
} as const satisfies Record<string, RuleDef>;
