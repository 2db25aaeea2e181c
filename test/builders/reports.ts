// Hand-built ScanReports for the report-file, compare and share tests (unit and e2e). Plain data with
// the summary, statuses and exit code derived the way scanReport derives them, so they are consistent
// unless a test edits them on purpose.
import type { FileReport, Finding, ScanReport, Severity } from '../../src/engine/types';

export function finding(ruleId: string, severity: Severity, message: string, path: string[],
  extra: { offset?: number; pointer?: string; evidence?: string } = {}): Finding {
  const location: Finding['location'] = { path };
  if (extra.offset !== undefined) location.offset = extra.offset;
  if (extra.pointer !== undefined) location.pointer = extra.pointer;
  const f: Finding = { ruleId: ruleId as Finding['ruleId'], severity, message, location };
  if (extra.evidence !== undefined) f.evidence = extra.evidence;
  return f;
}

export function file(path: string, findings: Finding[], extra: { sha256?: string; complete?: boolean; format?: string } = {}): FileReport {
  const complete = extra.complete ?? true;
  const f: FileReport = {
    path, size: 100, format: extra.format ?? 'pickle', complete, findings,
    status: !complete ? 'error' : findings.some((x) => x.severity === 'critical' || x.severity === 'warning') ? 'issues' : 'clean',
    nodes: [{ path: [path], format: extra.format ?? 'pickle', size: 100, status: complete ? 'scanned' : 'limited' }],
    durationMs: 3,
  };
  if (extra.sha256) f.sha256 = extra.sha256;
  return f;
}

export function report(files: FileReport[], extra: { startedAt?: string; version?: string } = {}): ScanReport {
  const summary = { files: files.length, critical: 0, warning: 0, info: 0, errors: 0 };
  for (const f of files) {
    if (f.status === 'error') summary.errors++;
    for (const x of f.findings) if (x.severity !== 'debug') summary[x.severity]++;
  }
  const exitCode = files.length === 0 || summary.errors > 0 ? 2 : summary.critical + summary.warning > 0 ? 1 : 0;
  return {
    schemaVersion: 1, tool: { name: 'modelgate', version: extra.version ?? '0.1.0' },
    startedAt: extra.startedAt ?? '2026-01-02T03:04:05.000Z', durationMs: 12, options: { verbose: false },
    summary, exitCode, files,
  };
}

/** Two scans of the same folder: one finding gone, one new, one changed severity, one moved offset; a file added and one removed. */
export function folderBeforeAfter(): { before: ScanReport; after: ScanReport } {
  const before = report([
    file('model/a.pkl', [
      finding('pickle/dangerous-call', 'critical', 'posix.system is called', ['model/a.pkl'], { offset: 10, pointer: 'op 3' }),
      finding('pickle/non-allowlisted-call', 'warning', 'foo.bar is imported', ['model/a.pkl'], { offset: 40, pointer: 'op 7' }),
    ], { sha256: 'a'.repeat(64) }),
    file('model/b.pkl', [finding('pickle/non-allowlisted-call', 'warning', 'x.y is imported', ['model/b.pkl'], { offset: 5 })]),
    file('model/old.bin', [finding('file/empty', 'info', 'the file is empty', ['model/old.bin'])]),
  ], { startedAt: '2026-01-01T10:00:00.000Z' });
  const after = report([
    file('model/a.pkl', [
      finding('pickle/dangerous-call', 'critical', 'posix.system is called', ['model/a.pkl'], { offset: 99, pointer: 'op 3' }),
      finding('pickle/non-allowlisted-call', 'critical', 'foo.bar is imported', ['model/a.pkl'], { offset: 40, pointer: 'op 7' }),
      finding('pickle/dangerous-call', 'critical', 'builtins.exec is called', ['model/a.pkl'], { offset: 120, pointer: 'op 12' }),
    ], { sha256: 'b'.repeat(64) }),
    file('model/b.pkl', []),
    file('model/new.safetensors', [finding('file/git-lfs-pointer', 'warning', 'a Git LFS pointer', ['model/new.safetensors'])], { format: 'git-lfs-pointer' }),
  ], { startedAt: '2026-01-02T10:00:00.000Z' });
  return { before, after };
}
