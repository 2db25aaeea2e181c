// Validates reports against the checked-in JSON Schema (src/engine/export/report.schema.json).
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { RULES, type ScanReport } from '../../src/engine';

const schema = JSON.parse(readFileSync(new URL('../../src/engine/export/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Returns a list of problems; empty when the report is schema-valid and names only known rules. */
export function reportProblems(report: unknown): string[] {
  const problems: string[] = [];
  if (!validate(report)) {
    for (const e of validate.errors ?? []) problems.push(`${e.instancePath || '/'} ${e.message}`);
  }
  const r = report as ScanReport;
  for (const f of r.files ?? []) for (const x of f.findings ?? []) {
    if (!(x.ruleId in RULES)) problems.push(`unknown rule ${x.ruleId}`);
  }
  return problems;
}
