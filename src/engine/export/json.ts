import type { ScanReport } from '../types';

/** The JSON export: stable key order as built, two-space indentation, trailing newline. */
export function toJson(report: ScanReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
