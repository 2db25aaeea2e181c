import type { ScanReport } from '../engine';
export function toCycloneDxJson(_report: ScanReport): string {
  throw new Error('CycloneDX output is not built yet');
}
