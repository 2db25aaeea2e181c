// Triage first: the verdict names the worst severity and what to do, and the file list puts the worst
// file on top. Plain functions (no Svelte, no DOM) over reports.
import { SEVERITIES, type FileReport, type Finding, type ScanReport, type Severity } from '../engine';

export type Counts = Record<Severity, number>;

export function severityCounts(findings: readonly Finding[]): Counts {
  const c: Counts = { critical: 0, warning: 0, info: 0, debug: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** What the list needs of a finished file, computed once when it finishes (small, plain). */
export interface FileTriage {
  /** 0 critical, 1 warning, 2 incomplete (nothing worse), 3 info only, 4 nothing: lower is worse. */
  rank: number;
  /** The highest severity found, or null when there is no finding. */
  worst: Severity | null;
  counts: Counts;
  incomplete: boolean;
}

export function fileTriage(r: FileReport): FileTriage {
  const counts = severityCounts(r.findings);
  const worst = SEVERITIES.find((s) => counts[s] > 0) ?? null;
  const incomplete = r.status === 'error' || !r.complete;
  const rank = counts.critical > 0 ? 0 : counts.warning > 0 ? 1 : incomplete ? 2 : counts.info > 0 ? 3 : 4;
  return { rank, worst, counts, incomplete };
}

/** Rank of a row not finished yet: after every finished file (scanning before queued). */
const RANK_SCANNING = 5;
const RANK_QUEUED = 6;

export interface Rankable { path: string; status: 'queued' | 'scanning' | 'done'; triage?: FileTriage }

export function rowRank(e: Rankable): number {
  return e.status === 'done' ? (e.triage?.rank ?? 2) : e.status === 'scanning' ? RANK_SCANNING : RANK_QUEUED;
}

/** Worst first, then by path; input order breaks ties (stable). A new array. */
export function worstFirst<T extends Rankable>(rows: readonly T[]): T[] {
  const keyed = rows.map((row, i) => ({ row, i, r: rowRank(row) }));
  keyed.sort((a, b) => a.r - b.r || (a.row.path < b.row.path ? -1 : a.row.path > b.row.path ? 1 : a.i - b.i));
  return keyed.map((k) => k.row);
}

export type VerdictLevel = 'critical' | 'warning' | 'incomplete' | 'clean';

export interface VerdictText {
  level: VerdictLevel;
  title: string;
  detail: string;
}

/**
 * The banner: the worst thing found decides, and says what to do. A CRITICAL finding wins over an
 * incomplete scan (the file is already known to be dangerous); an incomplete scan wins over WARNING
 * (what was not scanned may hold worse), and a clean verdict is never given to an incomplete scan.
 */
export function verdictText(report: ScanReport): VerdictText {
  const s = report.summary;
  const inc = s.errors > 0 ? ` ${s.errors} file${s.errors === 1 ? ' was' : 's were'} not fully scanned.` : '';
  if (report.partial) {
    return { level: s.critical > 0 ? 'critical' : 'incomplete',
      title: s.critical > 0 ? 'CRITICAL: do not load these files (partial report)' : 'INCOMPLETE: a partial report',
      detail: 'Saved while the scan was still running: files not finished by then are listed as incomplete.' };
  }
  if (s.critical > 0) {
    return { level: 'critical', title: 'CRITICAL: do not load these files',
      detail: `Loading a file with a CRITICAL finding can run code on this machine.${inc}` };
  }
  if (report.exitCode === 2) {
    return { level: 'incomplete', title: 'INCOMPLETE: not every file could be scanned',
      detail: `${s.files === 0 ? 'No file was scanned.' : inc.trim()} Unscanned content may hide a payload: treat those files as unchecked.` };
  }
  if (s.warning > 0) {
    return { level: 'warning', title: 'WARNING: review before loading',
      detail: 'Nothing known to run code was found, but some findings need a look before these files are loaded.' };
  }
  return { level: 'clean', title: 'No known indicators found',
    detail: 'Nothing at WARNING or above was found. This is not a guarantee of safety: only known patterns are checked.' };
}
