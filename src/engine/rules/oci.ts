import type { RuleDef } from './types';

/** Rules of the oci scanner. */
export const OCI_RULES = {
} as const satisfies Record<string, RuleDef>;
