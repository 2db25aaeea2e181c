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

/**
 * The same report as a CycloneDX 1.6 ML-BOM (modelgate-report-YYYY-MM-DD.cdx.json), the document
 * `modelgate scan --format cyclonedx` writes. The builder and the CycloneDX library load on demand,
 * so the page's first load does not carry them.
 */
export async function sbomJson(report: ScanReport): Promise<string> {
  const { toCycloneDxJson } = await import('../engine/export/cyclonedx');
  return toCycloneDxJson(report, { uuid: crypto.randomUUID() });
}

export async function downloadSbom(report: ScanReport, fileName = reportFileName(new Date(), report.partial === true).replace(/\.json$/, '.cdx.json')): Promise<void> {
  downloadText(await sbomJson(report), 'application/vnd.cyclonedx+json', fileName);
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
