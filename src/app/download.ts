// The JSON report download: ScanReport → toJson → Blob → <a download>. Nothing is uploaded.
import { scanReport, toJson, toSarifJson, type FileReport, type JsonValue, type ScanReport } from '../engine';

export function buildReport(files: readonly FileReport[], startedAt: Date, finishedAt: Date,
  options: Record<string, JsonValue>): ScanReport {
  return scanReport(files, {
    startedAt: startedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    options,
  });
}

/** modelgate-report-YYYY-MM-DD.json, by the local date. */
export function reportFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `modelgate-report-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

export function downloadJson(report: ScanReport, fileName = reportFileName()): void {
  downloadText(toJson(report), 'application/json', fileName);
}

/** The same report as SARIF 2.1.0 (modelgate-report-YYYY-MM-DD.sarif), for code-scanning tools. */
export function downloadSarif(report: ScanReport, fileName = reportFileName().replace(/\.json$/, '.sarif')): void {
  downloadText(toSarifJson(report), 'application/sarif+json', fileName);
}

function downloadText(text: string, type: string, fileName: string): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
