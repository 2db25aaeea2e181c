// --format github: one workflow command per finding (::error / ::warning / ::notice), which GitHub
// Actions turns into pull-request annotations, and a Markdown job summary for $GITHUB_STEP_SUMMARY.
// Escaping follows GitHub's runner (toolkit/core command.ts): in the message, % CR LF become %25 %0D
// %0A; in a property value also : and , (%3A %2C). Findings carry untrusted names, so every string goes
// through it: a member name cannot end the command early or inject a second one.
import type { Finding, ScanReport, Severity } from '../engine';
import { tidyMessage } from '../engine/export/message';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string | undefined> = { critical: 'error', warning: 'warning', info: 'notice', debug: undefined };

/** GitHub shows at most 10 annotations of each kind per step; the rest still go to the log. */
function annotation(f: Finding, file: string): string | undefined {
  const cmd = COMMAND[f.severity];
  if (!cmd || f.suppression) return undefined;
  const member = f.location.path.slice(1).join(' › ');
  const title = `modelgate ${f.severity.toUpperCase()} ${f.ruleId}`;
  const msg = `${tidyMessage(f.message)}${member ? ` (in ${member})` : ''}`;
  return `::${cmd} file=${escapeProperty(file)},title=${escapeProperty(title)}::${escapeData(msg)}`;
}

export function renderGithub(report: ScanReport): string {
  const lines: string[] = [];
  for (const file of report.files) for (const f of file.findings) {
    const a = annotation(f, file.path);
    if (a) lines.push(a);
  }
  for (const file of report.files) {
    if (!file.complete) lines.push(`::error file=${escapeProperty(file.path)},title=modelgate incomplete scan::${escapeData(`${file.path} could not be fully scanned`)}`);
  }
  const s = report.summary;
  lines.push(`modelgate: ${s.files} files, ${s.critical} critical, ${s.warning} warning, ${s.info} info, ${s.errors} errors`
    + `${s.suppressed ? `, ${s.suppressed} suppressed` : ''}${s.baseline ? `, ${s.baseline} in the baseline` : ''} (exit ${report.exitCode})`);
  return lines.join('\n') + '\n';
}

/** Markdown for a table cell: no pipes or line breaks from untrusted names. */
function cell(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[|\\`<>]/g, (c) => `\\${c}`);
}

export function renderStepSummary(report: ScanReport): string {
  const s = report.summary;
  const verdict = report.exitCode === 0 ? '✅ passed' : report.exitCode === 1 ? '❌ issues found' : '⚠️ scan errors';
  const out = [`## modelgate: ${verdict}`, '',
    '| files | critical | warning | info | errors | suppressed | baseline |', '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${s.files} | ${s.critical} | ${s.warning} | ${s.info} | ${s.errors} | ${s.suppressed ?? 0} | ${s.baseline ?? 0} |`, ''];
  const rows = report.files.flatMap((file) => file.findings.filter((f) => !f.suppression && f.severity !== 'debug' && f.severity !== 'info')
    .map((f) => `| ${cell(file.path)} | ${f.severity.toUpperCase()} | \`${f.ruleId}\` | ${cell(tidyMessage(f.message)).slice(0, 300)} |`));
  if (rows.length > 0) {
    out.push('| file | severity | rule | finding |', '|---|---|---|---|', ...rows.slice(0, 100));
    if (rows.length > 100) out.push('', `… ${rows.length - 100} more in the report.`);
    out.push('');
  }
  return out.join('\n') + '\n';
}
