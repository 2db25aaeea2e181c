// SARIF 2.1.0 export (OASIS Static Analysis Results Interchange Format). STUB: the sarif helper
// replaces the body; the signatures below are the contract the app and the CLI build against.
import type { ScanReport } from '../types';

/** A SARIF log as plain JSON data (the shape is checked against the official schema in tests). */
export type SarifLog = { version: '2.1.0'; $schema: string; runs: unknown[] };

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

export function toSarif(report: ScanReport): SarifLog {
  void report;
  return { version: '2.1.0', $schema: SARIF_SCHEMA_URI, runs: [] };
}

/** The SARIF download / CLI output: two-space indentation, trailing newline. */
export function toSarifJson(report: ScanReport): string {
  return JSON.stringify(toSarif(report), null, 2) + '\n';
}
