// State of the report modes next to the live scan: an opened (read-only) report, a comparison, and the
// last refusal message. Kept out of App.svelte so the page only switches on it.
import type { ScanReport } from '../engine';
import { readReportFile, type OpenResult } from '../app/report-file';
import { FRAGMENT_PREFIX, reportFromHash } from '../app/share';
import { diffReports, inTimeOrder, type ReportDiff } from '../app/compare';

export interface OpenedReport {
  report: ScanReport;
  /** Where it came from, for the banner: the file name, or "a shared link". */
  source: string;
  newerTool: boolean;
}

export interface Comparison {
  diff: ReportDiff;
  beforeName: string;
  afterName: string;
}

export class ReportSession {
  // raw: reports are plain data, replaced, never mutated.
  opened = $state.raw<OpenedReport | null>(null);
  comparing = $state.raw<Comparison | null>(null);
  problem = $state<string | null>(null);

  async openFile(file: File): Promise<void> {
    // A file replaces a report opened from a link: the link leaves the address bar too.
    if (this.accept(await readReportFile(file), file.name)) clearLinkHash();
  }

  /** Opens the report a `#report=` link carries; any other hash is left alone. */
  openHash(hash: string): void {
    const r = reportFromHash(hash);
    if (r) this.accept(r, 'a shared link');
  }

  async compareWith(base: ScanReport, baseName: string, file: File): Promise<void> {
    this.problem = null;
    const r = await readReportFile(file);
    if (!r.ok) { this.problem = r.reason; return; }
    const [before, after] = inTimeOrder(base, r.report);
    this.comparing = { diff: diffReports(before, after),
      beforeName: before === base ? baseName : file.name, afterName: after === base ? baseName : file.name };
  }

  close(): void {
    this.opened = null;
    this.comparing = null;
    clearLinkHash();
  }

  closeCompare(): void {
    this.comparing = null;
  }

  /** Shows the report, or the reason it is refused; true when shown. */
  private accept(r: OpenResult, source: string): boolean {
    if (!r.ok) { this.problem = r.reason; return false; }
    this.problem = null;
    this.comparing = null;
    this.opened = { report: r.report, source, newerTool: r.newerTool };
    return true;
  }
}

/** Closing a report opened from a link drops the link from the address bar, so a reload does not reopen it. */
function clearLinkHash(): void {
  if (location.hash.startsWith(FRAGMENT_PREFIX)) history.replaceState(null, '', location.pathname + location.search);
}

/** A report's startedAt in the reader's local time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
