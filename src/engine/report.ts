// FileReport and ScanReport assembly: sorting, status, completeness, summary and exit code.
import { SEVERITY_RANK, type FileReport, type Finding, type JsonValue, type NodeReport, type ScanReport } from './types';
import { FOLDER_CHECKS, type FolderCheck } from './folder/checks';
import { VERSION } from './version';
import { archiveFolderResults } from './folder/members';

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]
    || a.location.path.join('/').localeCompare(b.location.path.join('/'))
    || (a.location.offset ?? -1) - (b.location.offset ?? -1)
    || a.ruleId.localeCompare(b.ruleId);
}

export function statusOf(complete: boolean, findings: readonly Finding[]): FileReport['status'] {
  if (!complete) return 'error';
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning) ? 'issues' : 'clean';
}

export function fileReport(p: { path: string; size: number; findings: Finding[]; nodes: NodeReport[];
  durationMs: number; verbose: boolean; sha256?: string }): FileReport {
  // The members of an archive are judged together too, as a dropped folder is (folder/members.ts).
  const inside = archiveFolderResults(p.nodes, p.findings, FOLDER_CHECKS);
  let nodes = p.nodes;
  if (inside.notes.length > 0) {
    const add = new Map<string, Record<string, JsonValue>>();
    for (const n of inside.notes) add.set(n.node.join('\u0000'), { ...add.get(n.node.join('\u0000')), [n.key]: n.value });
    nodes = nodes.map((x) => { const a = add.get(x.path.join('\u0000')); return a ? { ...x, notes: { ...x.notes, ...a } } : x; });
  }
  const all = inside.findings.length > 0 ? [...p.findings, ...inside.findings] : p.findings;
  const findings = (p.verbose ? all : all.filter((f) => f.severity !== 'debug')).sort(compareFindings);
  const complete = nodes.length > 0 && nodes.every((n) => n.status === 'scanned');
  const report: FileReport = {
    path: p.path, size: p.size, format: nodes[0]?.format ?? 'unknown',
    status: statusOf(complete, findings), complete, findings, nodes, durationMs: p.durationMs,
  };
  if (p.sha256) report.sha256 = p.sha256;
  return report;
}

/** A report for a file that never reached the engine (unreadable, crashed worker, timeout). */
export function errorReport(path: string, size: number, ruleId: 'scan/unreadable' | 'scan/timeout' | 'scan/internal-error' | 'scan/cancelled',
  message: string, durationMs = 0): FileReport {
  return {
    path, size, format: 'unknown', status: 'error', complete: false,
    findings: [{ ruleId, severity: ruleId === 'scan/cancelled' ? 'info' : 'warning', message, location: { path: [path] } }],
    nodes: [{ path: [path], format: 'unknown', size, status: 'failed', error: message }],
    durationMs,
  };
}

/** What the cross-file checks (FOLDER_CHECKS) say about a set of files scanned together. */
export function crossFileResults(files: readonly FileReport[]): ReturnType<FolderCheck['check']> {
  return FOLDER_CHECKS.flatMap((check) => check.check(files));
}

/** Applies the cross-file checks (unless `crossFile` is false: a streamed file judged on its own), then
 * sums up. `files` are not mutated. */
export function scanReport(files: readonly FileReport[], meta: { startedAt: string; durationMs: number;
  options: Record<string, JsonValue>; crossFile?: boolean }): ScanReport {
  const out = files.map((f) => ({ ...f, findings: [...f.findings] }));
  const byPath = new Map(out.map((f) => [f.path, f]));
  if (meta.crossFile !== false) {
    for (const r of crossFileResults(out)) {
      const f = byPath.get(r.file);
      if (!f) continue;
      if ('finding' in r) f.findings.push(r.finding);
      // Copy the root node: the input reports are not mutated.
      else f.nodes = f.nodes.map((n, i) => (i === 0 ? { ...n, notes: { ...n.notes, [r.note.key]: r.note.value } } : n));
    }
  }
  for (const f of out) {
    f.findings.sort(compareFindings);
    f.status = statusOf(f.complete, f.findings);
  }
  const summary = { files: out.length, critical: 0, warning: 0, info: 0, errors: 0 };
  for (const f of out) {
    if (f.status === 'error') summary.errors++;
    for (const x of f.findings) if (x.severity !== 'debug') summary[x.severity]++;
  }
  const exitCode: 0 | 1 | 2 = out.length === 0 || summary.errors > 0 ? 2
    : summary.critical + summary.warning > 0 ? 1 : 0;
  return {
    schemaVersion: 1, tool: { name: 'modelgate', version: VERSION },
    startedAt: meta.startedAt, durationMs: meta.durationMs, options: meta.options,
    summary, exitCode, files: out,
  };
}
