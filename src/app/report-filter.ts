// The report view's filters and sort, as plain functions (no Svelte): severity, rule and path filters,
// files sorted by their worst shown finding or by path, and the counts the controls show.
import { SEVERITIES, type FileReport, type Finding, type Severity } from '../engine';

export interface ReportFilter {
  severities: Record<Severity, boolean>;
  /** A rule id, or '' for every rule. */
  rule: string;
  /** Case-insensitive substring of the path; '' matches every file. */
  path: string;
  /** Keep files that have no finding left after the filters (only when no rule is chosen). */
  showEmpty: boolean;
  sort: 'severity' | 'path';
}

/** More files than this, and files without findings are hidden until asked for. */
export const SHOW_EMPTY_UP_TO = 50;

export interface ShownFile {
  report: FileReport;
  /** Index in the list given. */
  index: number;
  /** Path and which file of that path: the same file keeps its key when the list is reordered. */
  key: string;
  findings: Finding[];
}

const RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** Rank of the worst finding (0 = critical); files without findings sort after every severity. */
function worst(findings: readonly Finding[]): number {
  let r = SEVERITIES.length;
  for (const f of findings) r = Math.min(r, RANK[f.severity]);
  return r;
}

function byPath(a: ShownFile, b: ShownFile): number {
  return a.report.path < b.report.path ? -1 : a.report.path > b.report.path ? 1 : a.index - b.index;
}

export function filterFiles(files: readonly FileReport[], f: ReportFilter): ShownFile[] {
  const needle = f.path.trim().toLowerCase();
  const out: ShownFile[] = [];
  const seen = new Map<string, number>();
  files.forEach((report, index) => {
    const nth = seen.get(report.path) ?? 0;
    seen.set(report.path, nth + 1);
    if (needle && !report.path.toLowerCase().includes(needle)) return;
    const findings = report.findings.filter((x) => f.severities[x.severity] && (!f.rule || x.ruleId === f.rule));
    if (findings.length === 0 && (f.rule || !f.showEmpty)) return;
    out.push({ report, index, key: `${report.path}\u0000${nth}`, findings });
  });
  if (f.sort === 'path') return out.sort(byPath);
  const ranked = out.map((s) => ({ s, r: worst(s.findings), e: s.report.status === 'error' ? 0 : 1 }));
  // Worst finding first; at equal rank an incomplete scan first (it may hide more), then by path.
  ranked.sort((a, b) => a.r - b.r || a.e - b.e || byPath(a.s, b.s));
  return ranked.map((x) => x.s);
}

/** The rules present in the files, with how many findings each, most frequent first. */
export function ruleCounts(files: readonly FileReport[]): Array<{ rule: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of files) for (const f of r.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
}

/** Findings grouped by severity, worst first, empty groups left out. */
export function bySeverity(findings: readonly Finding[]): Array<{ severity: Severity; findings: Finding[] }> {
  return SEVERITIES.map((severity) => ({ severity, findings: findings.filter((x) => x.severity === severity) }))
    .filter((g) => g.findings.length > 0);
}
