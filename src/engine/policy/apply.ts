// The policy as a pure function: (report, policy, baseline) → (report with marks, exit code). Shared by
// the CLI and the app; runs after the scan, so the findings are the scanners' and only their weight
// changes: a severity override rewrites a level (and says why), a suppression or a baseline marks a
// finding, which stays in the report with its reason and no longer counts.
import { compareFindings, statusOf } from '../report';
import { reportFingerprints } from '../export/fingerprint';
import { SEVERITY_RANK, type FileReport, type Finding, type PolicyRecord, type ScanReport, type ScanSummary, type Severity } from '../types';
import { compileGlob } from './glob';
import type { FailOn, Policy } from './types';

/** Rules that --strict turns into failures whatever their level: a callable outside the allowlist and a
 * file no scanner recognised are what a strict gate refuses to wave through. */
export const STRICT_RULES: readonly string[] = ['pickle/non-allowlisted-call', 'file/unrecognized-format'];

export interface ApplyOptions {
  policy?: Policy;
  /** Fingerprints of an earlier report's findings (baselineFingerprints): those present are accepted. */
  baseline?: { source: string; fingerprints: ReadonlySet<string> };
  /** Overrides the policy's fail-on (the command line wins). */
  failOn?: FailOn;
  strict?: boolean;
  /** Today, YYYY-MM-DD (UTC): entries whose expires is before it stop applying. */
  today: string;
  /** The path a glob is matched against, from a report's file path (default: the path as is). */
  relativePath?: (reportPath: string) => string;
  /** Keep the suppression marks findings already carry (merging reports that a policy already judged). */
  keepMarks?: boolean;
}

function ruleMatches(pattern: string, ruleId: string): boolean {
  return pattern.endsWith('/') ? ruleId.startsWith(pattern) : ruleId === pattern;
}

/** A finding's own path and its member chain ("model.zip/inner/data.pkl"); a glob may match either. */
function candidates(f: Finding, file: FileReport, rel: (p: string) => string): string[] {
  const root = rel(file.path).replace(/\\/g, '/').replace(/^\.\//, '');
  const members = f.location.path.slice(1);
  return members.length > 0 ? [root, [root, ...members].join('/')] : [root];
}

/** Fingerprints of every finding of a saved report (the --baseline input). */
export function baselineFingerprints(report: Pick<ScanReport, 'files'>): Set<string> {
  return new Set(reportFingerprints(report.files).flat());
}

function failRank(failOn: FailOn): number {
  return SEVERITY_RANK[failOn];
}

/** Does this (active) finding fail the run? */
export function fails(f: Finding, failOn: FailOn, strict: boolean): boolean {
  if (f.suppression) return false;
  return SEVERITY_RANK[f.severity] >= failRank(failOn) || (strict && STRICT_RULES.includes(f.ruleId));
}

export function applyPolicy(report: ScanReport, opts: ApplyOptions): ScanReport {
  const policy = opts.policy;
  const failOn: FailOn = opts.failOn ?? policy?.failOn ?? 'warning';
  const strict = opts.strict ?? policy?.strict ?? false;
  const rel = opts.relativePath ?? ((p: string) => p);
  const globs = (policy?.suppress ?? []).map((e) => e.paths.map((g) => compileGlob(g)).filter((g): g is RegExp => typeof g !== 'string'));
  const record: PolicyRecord | undefined = policy && {
    source: policy.source, ...(policy.sha256 ? { sha256: policy.sha256 } : {}), failOn, strict,
    suppress: policy.suppress.map((e) => ({ rule: e.rule, reason: e.reason, ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.expires ? { expires: e.expires } : {}), expired: e.expires !== undefined && e.expires < opts.today, matched: 0 })),
    severity: policy.severity.map((o) => ({ rule: o.rule, severity: o.severity, matched: 0 })),
  };
  // Fingerprints are computed on the findings as scanned (before any override), as the baseline's were.
  const prints = reportFingerprints(report.files);
  let baselineMatched = 0;

  const files = report.files.map((file, fi): FileReport => {
    const findings = file.findings.map((orig, i): Finding => {
      const f: Finding = { ...orig };
      if (!opts.keepMarks) delete f.suppression;
      else if (f.suppression?.kind === 'baseline') baselineMatched++;
      if (policy) {
        // The most specific override wins: an exact rule id over a prefix, a longer prefix over a shorter.
        const overrides = policy.severity.map((o, k) => ({ o, k })).filter(({ o }) => ruleMatches(o.rule, f.ruleId))
          .sort((a, b) => Number(!a.o.rule.endsWith('/')) - Number(!b.o.rule.endsWith('/')) || a.o.rule.length - b.o.rule.length);
        const win = overrides.at(-1);
        if (win && win.o.severity !== f.severity) {
          const why = `${policy.source} sets ${win.o.rule} to ${win.o.severity} (scanner said ${f.severity})`;
          f.severityReason = f.severityReason ? `${f.severityReason}; ${why}` : why;
          f.severity = win.o.severity;
        }
        if (win) record!.severity[win.k]!.matched++;
        const paths = candidates(f, file, rel);
        policy.suppress.forEach((e, k) => {
          if (!ruleMatches(e.rule, f.ruleId)) return;
          if (e.paths.length > 0 && !globs[k]!.some((g) => paths.some((p) => g.test(p)))) return;
          const entry = record!.suppress[k]!;
          entry.matched++;
          if (entry.expired || f.suppression) return;
          f.suppression = { kind: 'policy', reason: e.reason, entry: k, ...(e.expires ? { expires: e.expires } : {}) };
        });
      }
      if (!f.suppression && opts.baseline?.fingerprints.has(prints[fi]![i]!)) {
        f.suppression = { kind: 'baseline', reason: `already present in the baseline ${opts.baseline.source}` };
        baselineMatched++;
      }
      return f;
    }).sort(compareFindings);
    const active = findings.filter((f) => !f.suppression);
    return { ...file, findings, status: statusOf(file.complete, active) };
  });

  const summary: ScanSummary = { files: files.length, critical: 0, warning: 0, info: 0, errors: 0, suppressed: 0, baseline: 0 };
  let failing = false;
  for (const file of files) {
    if (file.status === 'error') summary.errors++;
    // --strict: a complete file no scanner recognised is not waved through.
    if (strict && file.complete && file.format === 'unknown') failing = true;
    for (const f of file.findings) {
      if (f.suppression) { summary[f.suppression.kind === 'policy' ? 'suppressed' : 'baseline']!++; continue; }
      if (f.severity !== 'debug') summary[f.severity as Exclude<Severity, 'debug'>]++;
      failing ||= fails(f, failOn, strict);
    }
  }
  const exitCode: 0 | 1 | 2 = files.length === 0 || summary.errors > 0 ? 2 : failing ? 1 : 0;
  const out: ScanReport = { ...report, summary, exitCode, files, options: { ...report.options, failOn, strict } };
  if (record) out.policy = record; else delete out.policy;
  if (opts.baseline) out.baseline = { source: opts.baseline.source, matched: baselineMatched };
  else if (!opts.keepMarks) delete out.baseline;
  return out;
}

/** Today as YYYY-MM-DD in UTC (the policy's dates are calendar dates). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
