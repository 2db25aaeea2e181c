// Human-readable report: findings grouped by file and, within a file, by severity (most severe first),
// then a summary: counts, files by status and the rules hit. Every
// string that came from a scanned file (names, messages, evidence) is untrusted: control characters
// and bidi overrides are escaped so a model cannot drive the terminal (ANSI escapes, hidden text).
import { SEVERITY_RANK, type FileReport, type Finding, type ScanReport, type Severity } from '../engine/types';
import { groupFindings } from '../engine/export/group';
import { tidyMessage } from '../engine/export/message';
import type { CliIo, Writer } from './main';

/** Findings of a grouped flood printed in full (all with --verbose); the JSON report has every one. */
const GROUP_SHOWN = 3;

/** Evidence lines printed per finding: an opcode window is about ten; the JSON report has them all. */
const MAX_EVIDENCE_LINES = 16;

export interface Style { color: boolean }

const SGR = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m',
  yellow: '\x1b[33m', cyan: '\x1b[36m' } as const;

const SEVERITY_COLOR: Record<Severity, string> = {
  critical: SGR.bold + SGR.red, warning: SGR.yellow, info: SGR.cyan, debug: SGR.dim,
};

// C0/C1 controls, DEL, zero-width and bidi formatting characters.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Makes an untrusted string safe to print on one terminal line. */
export function safe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function paint(style: Style, codes: string, text: string): string {
  return style.color ? codes + text + SGR.reset : text;
}

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) { v /= 1000; u++; }
  return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${units[u]}`;
}

/** "archive/data.pkl › inner @1234 #17": the member chain below the file, offset, pointer. */
export function formatLocation(f: Finding): string {
  const parts: string[] = [];
  const members = f.location.path.slice(1);
  if (members.length > 0) parts.push(members.map(safe).join(' › '));
  if (f.location.offset !== undefined) parts.push(`@${f.location.offset}`);
  if (f.location.pointer !== undefined) parts.push(`#${safe(f.location.pointer)}`);
  return parts.join(' ');
}

const STATUS_LABEL: Record<FileReport['status'], [string, string]> = {
  clean: ['OK', SGR.green], issues: ['ISSUES', SGR.bold + SGR.yellow], error: ['ERROR', SGR.bold + SGR.red],
};

/** Severities in the order a reader wants them: most severe first. */
const ORDER: readonly Severity[] = ['critical', 'warning', 'info', 'debug'];

/** "2 critical, 1 warning" for the findings shown; "no findings" when none are. */
function countText(counts: Map<Severity, number>): string {
  const parts = ORDER.filter((s) => (counts.get(s) ?? 0) > 0).map((s) => `${counts.get(s)} ${s}`);
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}

function findingLines(f: Finding, style: Style): string[] {
  const tag = `[${f.severity.toUpperCase()}]`;
  const lines = [`    ${paint(style, SEVERITY_COLOR[f.severity], tag)} ${paint(style, SGR.dim, f.ruleId)}  ${safe(tidyMessage(f.message))}`];
  const where = formatLocation(f);
  if (where) lines.push(`        at ${where}`);
  if (f.evidence !== undefined && f.evidence !== '') {
    // Multi-line evidence (a reconstructed call and its opcode window) keeps its lines; each line is
    // escaped on its own, so no control character from the file reaches the terminal.
    const [first, ...rest] = f.evidence.split('\n');
    lines.push(`        evidence: ${safe(first ?? '')}`);
    for (const line of rest.slice(0, MAX_EVIDENCE_LINES)) lines.push(`          ${safe(line)}`);
    if (rest.length > MAX_EVIDENCE_LINES) lines.push(`          … ${rest.length - MAX_EVIDENCE_LINES} more lines`);
  }
  if (f.severityReason) lines.push(`        severity: ${safe(f.severityReason)}`);
  return lines;
}

/** One file: a heading with its status and counts, then its findings in severity sub-groups. */
function fileBlock(file: FileReport, style: Style, opts: TextOptions): string[] {
  // Suppressed and baseline findings are in the JSON report; here they are counted, not listed.
  const marked = file.findings.filter((f) => f.suppression);
  const shown = file.findings.filter((f) => !f.suppression && !(opts.quiet && (f.severity === 'info' || f.severity === 'debug')));
  const groups = new Map<Severity, Finding[]>();
  for (const f of shown) {
    const list = groups.get(f.severity);
    if (list) list.push(f); else groups.set(f.severity, [f]);
  }
  const counts = new Map([...groups].map(([s, list]) => [s, list.length]));
  const [label, labelColor] = STATUS_LABEL[file.status];
  const incomplete = file.complete ? '' : ', incomplete';
  const lines = [`${paint(style, SGR.bold, safe(file.path))}  (${safe(file.format)}, ${formatBytes(file.size)}${incomplete})  `
    + `${paint(style, labelColor, label)}  ${countText(counts)}`];
  for (const severity of ORDER) {
    const list = groups.get(severity);
    if (!list) continue;
    lines.push(`  ${paint(style, SEVERITY_COLOR[severity], severity.toUpperCase())} (${list.length})`);
    for (const row of groupFindings(list)) {
      if (row.kind === 'one') { lines.push(...findingLines(row.finding, style)); continue; }
      // A flood of one rule (a bomb's members, a tool's repeated strings) is one line, then a few examples.
      const n = row.findings.length;
      const shown = opts.verbose ? n : Math.min(GROUP_SHOWN, n);
      const tag = `[${row.severity.toUpperCase()}]`;
      lines.push(`    ${paint(style, SEVERITY_COLOR[row.severity], tag)} ${paint(style, SGR.dim, row.ruleId)} × ${n}`
        + `  ${n} findings of one rule${shown < n ? `; ${shown} shown, the JSON report lists all ${n}` : ''}`);
      for (const f of row.findings.slice(0, shown)) lines.push(...findingLines(f, style).map((l) => `  ${l}`));
    }
  }
  if (marked.length > 0) {
    const policy = marked.filter((f) => f.suppression!.kind === 'policy').length;
    const base = marked.length - policy;
    lines.push(paint(style, SGR.dim, `  ${[policy > 0 ? `${policy} suppressed by the policy` : '', base > 0 ? `${base} already in the baseline` : ''].filter(Boolean).join(', ')} (not counted; listed in the JSON report)`));
  }
  if (file.sha256 && opts.verbose) lines.push(paint(style, SGR.dim, `  sha256 ${file.sha256}`));
  return lines;
}

/** Files listed by name per status in the summary; the rest are counted ("… 12 more"). */
const MAX_LISTED_FILES = 10;
/** Rules listed in the summary's "rules hit" table. */
const MAX_TOP_RULES = 10;

function statusTable(report: ScanReport, style: Style): string[] {
  const lines = ['  Files by status'];
  for (const status of ['error', 'issues', 'clean'] as const) {
    const files = report.files.filter((f) => f.status === status);
    const color = STATUS_LABEL[status][1];
    const cell = String(files.length).padStart(6);
    lines.push(`    ${status.padEnd(8)}${files.length > 0 && status !== 'clean' ? paint(style, color, cell) : cell}`);
    if (status === 'clean') continue; // clean files are the many: counted, not listed
    for (const f of files.slice(0, MAX_LISTED_FILES)) lines.push(`${' '.repeat(16)}${safe(f.path)}`);
    if (files.length > MAX_LISTED_FILES) lines.push(`${' '.repeat(16)}… ${files.length - MAX_LISTED_FILES} more`);
  }
  return lines;
}

/** The rules hit, most severe first, then most frequent; a finding counts at its own severity. */
function rulesTable(report: ScanReport, style: Style, opts: TextOptions): string[] {
  const hits = new Map<string, { severity: Severity; count: number }>();
  for (const file of report.files) for (const f of file.findings) {
    if (f.suppression || f.severity === 'debug' || (opts.quiet && f.severity === 'info')) continue;
    const key = `${f.ruleId}\u0000${f.severity}`;
    const h = hits.get(key) ?? { severity: f.severity, count: 0 };
    h.count++;
    hits.set(key, h);
  }
  if (hits.size === 0) return [];
  const rows = [...hits].map(([key, h]) => ({ ruleId: key.split('\u0000')[0]!, ...h }))
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  const width = Math.min(48, Math.max(...rows.map((r) => r.ruleId.length)));
  const lines = ['  Rules hit'];
  for (const r of rows.slice(0, MAX_TOP_RULES)) {
    lines.push(`    ${r.ruleId.padEnd(width)}${String(r.count).padStart(6)}  ${paint(style, SEVERITY_COLOR[r.severity], r.severity.toUpperCase())}`);
  }
  if (rows.length > MAX_TOP_RULES) lines.push(`    … ${rows.length - MAX_TOP_RULES} more rules`);
  return lines;
}

function verdict(report: ScanReport, style: Style): string {
  const s = report.summary;
  if (report.exitCode === 2) {
    const why = s.files === 0 ? 'no files were scanned' : `${s.errors} file${s.errors === 1 ? '' : 's'} could not be fully scanned`;
    return paint(style, SGR.bold + SGR.red, `ERROR: ${why}`) + ' (exit 2)';
  }
  if (report.exitCode === 1) {
    return paint(style, SGR.bold + SGR.yellow, `ISSUES FOUND: ${s.critical} critical, ${s.warning} warning`) + ' (exit 1)';
  }
  const level = typeof report.options?.failOn === 'string' ? report.options.failOn.toUpperCase() : 'WARNING';
  return paint(style, SGR.bold + SGR.green, `CLEAN: nothing at ${level} or above`) + ' (exit 0)';
}

export interface TextOptions { quiet: boolean; verbose: boolean }

export function renderText(report: ScanReport, style: Style, opts: TextOptions): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (opts.quiet && file.status === 'clean') continue;
    out.push(...fileBlock(file, style, opts), '');
  }
  const s = report.summary;
  const rows: Array<[string, number, string]> = [
    ['files', s.files, ''],
    ['critical', s.critical, SEVERITY_COLOR.critical],
    ['warning', s.warning, SEVERITY_COLOR.warning],
    ['info', s.info, SEVERITY_COLOR.info],
    ['errors', s.errors, SGR.bold + SGR.red],
    ...(s.suppressed ? [['suppressed', s.suppressed, ''] as [string, number, string]] : []),
    ...(s.baseline ? [['baseline', s.baseline, ''] as [string, number, string]] : []),
  ];
  out.push(`Summary (modelgate ${report.tool.version}, ${(report.durationMs / 1000).toFixed(1)} s)`);
  if (report.policy) out.push(`  policy   ${safe(report.policy.source)}${report.policy.sha256 ? ` (sha256 ${report.policy.sha256.slice(0, 12)}…)` : ''}`);
  for (const [name, n, color] of rows) {
    const cell = String(n).padStart(6);
    out.push(`  ${name.padEnd(9)}${n > 0 && color ? paint(style, color, cell) : cell}`);
  }
  if (report.files.length > 0) out.push('', ...statusTable(report, style));
  const rules = rulesTable(report, style, opts);
  if (rules.length > 0) out.push('', ...rules);
  out.push('', `  ${verdict(report, style)}`, '');
  return out.join('\n');
}

/** Colour on a terminal unless NO_COLOR (https://no-color.org) is set; FORCE_COLOR forces it. */
export function useColor(out: Writer, env: CliIo['env']): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return out.isTTY === true;
}
