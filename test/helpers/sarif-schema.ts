// Validates SARIF logs against the vendored official SARIF 2.1.0 schema (test/schemas/sarif, draft-04).
// ajv-formats is not installed: the three formats the schema uses are checked by small functions here
// instead of being skipped, so a malformed URI or timestamp still fails validation.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';

const schema = JSON.parse(readFileSync(new URL('../schemas/sarif/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
// RFC 3986 URI-reference: no characters outside the allowed set, percent signs followed by two hex digits.
const URI_CHARS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/;
ajv.addFormat('uri-reference', (s: string) => URI_CHARS.test(s));
ajv.addFormat('uri', (s: string) => URI_CHARS.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s));
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && Number.isFinite(Date.parse(s)));
const validate = ajv.compile(schema);

/** Problems with a SARIF log; empty when it is valid against the official schema. */
export function sarifProblems(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
