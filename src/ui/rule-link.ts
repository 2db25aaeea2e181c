// Links to the offline rule pages: #rule=<id>, where id is a rule id of the catalogue
// ("pickle/dangerous-call") or a ModelAudit check code ("S201"). The hash never leaves the page, so the
// pages work offline and from file://. Only ids of those shapes are accepted from the address bar.
export const RULE_PREFIX = '#rule=';

const RULE_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const ALIAS = /^S\d{3,4}$/;

export function ruleHref(id: string): string {
  return RULE_PREFIX + encodeURIComponent(id);
}

export function ruleFromHash(hash: string): string | null {
  if (!hash.startsWith(RULE_PREFIX)) return null;
  let id: string;
  try { id = decodeURIComponent(hash.slice(RULE_PREFIX.length)); } catch { return null; }
  return RULE_ID.test(id) || ALIAS.test(id) ? id : null;
}
