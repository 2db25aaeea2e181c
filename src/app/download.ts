// The JSON report download: ScanReport → toJson → Blob → <a download>. Nothing is uploaded.
import { errorReport, scanReport, toJson, toSarifJson, type FileReport, type JsonValue, type ScanReport } from '../engine';

export function buildReport(files: readonly FileReport[], startedAt: Date, finishedAt: Date,
  options: Record<string, JsonValue>): ScanReport {
  return scanReport(files, {
    startedAt: startedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
    options,
  });
}

/**
 * A report saved while files are still being scanned: the finished files as they are, each unfinished
 * one as an incomplete file (so exitCode is 2 and no reader can take the report for a verdict), and
 * `partial: true`. Fail closed: a half-done scan never reads as clean.
 */
export function buildPartialReport(done: readonly FileReport[], unfinished: ReadonlyArray<{ path: string; size: number }>,
  startedAt: Date, now: Date, options: Record<string, JsonValue>): ScanReport {
  const pending = unfinished.map((u) => errorReport(u.path, u.size, 'scan/cancelled',
    'The scan of this file had not finished when this partial report was saved', 0));
  return { ...buildReport([...done, ...pending], startedAt, now, options), partial: true };
}

/** modelgate-report-YYYY-MM-DD.json, by the local date. */
export function reportFileName(now = new Date(), partial = false): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `modelgate-report-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}${partial ? '-partial' : ''}.json`;
}

export function downloadJson(report: ScanReport, fileName = reportFileName(new Date(), report.partial === true)): void {
  downloadText(toJson(report), 'application/json', fileName);
}

/** The same report as SARIF 2.1.0 (modelgate-report-YYYY-MM-DD.sarif), for code-scanning tools. */
export function downloadSarif(report: ScanReport, fileName = reportFileName(new Date(), report.partial === true).replace(/\.json$/, '.sarif')): void {
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
