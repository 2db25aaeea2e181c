// Opening a saved JSON report. A report file is UNTRUSTED input: anyone can mail a hostile one or edit
// a real one. So: a bounded read, strict UTF-8 and JSON.parse, then a hand-written structural check
// mirroring src/engine/export/report.schema.json (Ajv cannot run in the app: it compiles validators
// with new Function, which the CSP blocks), then a consistency check (summary, exit code and statuses
// must follow from the findings, as scanReport computes them). Everything from the file is rendered as
// text only. Framework-free: no Svelte, no DOM beyond Blob.
import { SEVERITY_RANK, VERSION, fails, type FileReport, type ScanReport } from '../engine';

/** Largest report file opened. Threat: a huge file freezing the tab while it is read and parsed. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** Bytes read to decide whether a dropped .json is a report (the export's opening fits well within). */
export const SNIFF_BYTES = 1024;
/** The report schema this build reads (ScanReport.schemaVersion). */
export const READ_SCHEMA_VERSION = 1;
/**
 * Deepest nesting accepted in the free-form objects (options, node notes). Threat: JSON.stringify is
 * recursive, so re-exporting (download, link) a deeply nested hostile report would overflow the stack.
 */
export const MAX_FREE_FORM_DEPTH = 64;
/** Characters of a hostile string quoted back in a message. */
const QUOTE_CHARS = 40;

export type OpenResult =
  | { ok: true; report: ScanReport; newerTool: boolean }
  | { ok: false; reason: string };

const NOT_A_REPORT = 'This is not a modelgate report';

/**
 * Does this text start like modelgate's JSON export? toJson writes schemaVersion, then tool with its
 * name first; whitespace is free so a re-indented report still opens.
 */
export function looksLikeReport(head: string): boolean {
  return /^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*-?\d[\d.eE+-]*\s*,\s*"tool"\s*:\s*\{\s*"name"\s*:\s*"modelgate"/.test(head);
}

/** A dropped file is opened as a report (instead of scanned) when it is a .json that starts like one. */
export async function isReportFile(file: Blob & { name: string }): Promise<boolean> {
  if (!/\.json$/i.test(file.name) || file.size === 0) return false;
  const head = new TextDecoder('utf-8').decode(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return looksLikeReport(head);
}

export async function readReportFile(file: Blob): Promise<OpenResult> {
  if (file.size > MAX_REPORT_BYTES) {
    return { ok: false, reason: `This file is ${mb(file.size)} MB; reports up to ${mb(MAX_REPORT_BYTES)} MB can be opened.` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, reason: `${NOT_A_REPORT}: it is not UTF-8 text.` };
  }
  return parseReport(text);
}

export function parseReport(text: string): OpenResult {
  if (text.length > MAX_REPORT_BYTES) return { ok: false, reason: `This report is larger than ${mb(MAX_REPORT_BYTES)} MB.` };
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, reason: `${NOT_A_REPORT}: it is not valid JSON.` };
  }
  return validateReport(value);
}

/** Version check, structure check, consistency check, in that order. */
export function validateReport(value: unknown): OpenResult {
  const refused = refuseNewerSchema(value);
  if (refused) return { ok: false, reason: refused };
  try {
    checkStructure(value);
    const report = value as ScanReport;
    checkConsistency(report);
    return { ok: true, report, newerTool: compareVersions(report.tool.version, VERSION) > 0 };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    throw e;
  }
}

/** The message for a report from a newer schema, or null. */
function refuseNewerSchema(value: unknown): string | null {
  if (!isObject(value) || !isObject(value.tool) || value.tool.name !== 'modelgate') return null;
  const v = value.schemaVersion;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= READ_SCHEMA_VERSION) return null;
  const by = typeof value.tool.version === 'string' ? `modelgate ${quote(value.tool.version)}` : 'a newer modelgate';
  return `This report was made by ${by} with report schema ${v}; this is modelgate ${VERSION}, which reads schema ${READ_SCHEMA_VERSION}: open it with a newer modelgate.`;
}

/** -1, 0 or 1 comparing the leading major.minor.patch of two versions; unparsable counts as 0.0.0. */
export function compareVersions(a: string, b: string): number {
  const parts = (s: string) => (/^(\d+)\.(\d+)\.(\d+)/.exec(s) ?? ['', '0', '0', '0']).slice(1).map(Number);
  const x = parts(a), y = parts(b);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]! ? 1 : -1;
  return 0;
}

// ---- structure: mirrors report.schema.json (kept in step by a unit test that compares with Ajv) ----

class Invalid extends Error {}

function fail(at: string, what: string): never {
  throw new Invalid(`${NOT_A_REPORT}: ${at} ${what}.`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object with exactly these required fields and no fields outside required + optional. */
function object(v: unknown, at: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
  if (!isObject(v)) fail(at, 'is not an object');
  for (const k of Object.keys(v)) {
    if (!required.includes(k) && !optional.includes(k)) fail(at, `has an unknown field "${quote(k)}"`);
  }
  for (const k of required) if (!Object.hasOwn(v, k)) fail(at, `lacks "${k}"`);
  return v;
}

function string(v: unknown, at: string, pattern?: RegExp, minLength = 0): string {
  if (typeof v !== 'string') fail(at, 'is not a string');
  if (v.length < minLength) fail(at, 'is empty');
  if (pattern && !pattern.test(v)) fail(at, `has an unexpected form ("${quote(v)}")`);
  return v;
}

function count(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(at, 'is not a whole number ≥ 0');
  return v;
}

function duration(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(at, 'is not a number ≥ 0');
  return v;
}

function oneOf<T>(v: unknown, at: string, values: readonly T[]): T {
  if (!values.includes(v as T)) fail(at, `is not one of ${values.join(', ')}`);
  return v as T;
}

function array(v: unknown, at: string, minItems = 0): unknown[] {
  if (!Array.isArray(v)) fail(at, 'is not a list');
  if (v.length < minItems) fail(at, 'is empty');
  return v;
}

function pathList(v: unknown, at: string): void {
  array(v, at, 1).forEach((s, i) => string(s, `${at}[${i}]`));
}

/** A free-form JSON object (options, notes), nested at most MAX_FREE_FORM_DEPTH deep. Iterative. */
function freeForm(v: unknown, at: string): void {
  if (!isObject(v)) fail(at, 'is not an object');
  const stack: Array<{ value: unknown; depth: number }> = [{ value: v, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_FREE_FORM_DEPTH) fail(at, `is nested deeper than ${MAX_FREE_FORM_DEPTH} levels`);
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}

const SEVERITY_VALUES = ['critical', 'warning', 'info', 'debug'] as const;
const NODE_STATUS = ['scanned', 'malformed', 'limited', 'skipped', 'failed'] as const;
const FILE_STATUS = ['clean', 'issues', 'error'] as const;
const FAIL_ON = ['critical', 'warning', 'info'] as const;
const VERSION_RE = /^\d+\.\d+\.\d+/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const RULE_RE = /^[a-z0-9-]+\/[a-z0-9-]+$/;
const SHA256_RE = /^[0-9a-f]{64}$/;

/** Throws Invalid naming the first field that does not match the schema. */
export function checkStructure(v: unknown): asserts v is ScanReport {
  const r = object(v, 'the report', ['schemaVersion', 'tool', 'startedAt', 'durationMs', 'options', 'summary', 'exitCode', 'files'], ['partial', 'policy', 'baseline']);
  if (r.schemaVersion !== READ_SCHEMA_VERSION) fail('schemaVersion', 'is not a known schema version');
  const tool = object(r.tool, 'tool', ['name', 'version']);
  if (tool.name !== 'modelgate') fail('tool.name', 'is not "modelgate"');
  string(tool.version, 'tool.version', VERSION_RE);
  string(r.startedAt, 'startedAt', DATE_RE);
  duration(r.durationMs, 'durationMs');
  freeForm(r.options, 'options');
  const s = object(r.summary, 'summary', ['files', 'critical', 'warning', 'info', 'errors'], ['suppressed', 'baseline']);
  for (const k of ['files', 'critical', 'warning', 'info', 'errors']) count(s[k], `summary.${k}`);
  for (const k of ['suppressed', 'baseline']) if (s[k] !== undefined) count(s[k], `summary.${k}`);
  if (r.policy !== undefined) policyRecord(r.policy);
  if (r.baseline !== undefined) {
    const b = object(r.baseline, 'baseline', ['source', 'matched']);
    string(b.source, 'baseline.source');
    count(b.matched, 'baseline.matched');
  }
  oneOf(r.exitCode, 'exitCode', [0, 1, 2]);
  if (r.partial !== undefined && r.partial !== true) fail('partial', 'is not true');
  array(r.files, 'files').forEach((f, i) => fileReport(f, `files[${i}]`));
}

function policyRecord(v: unknown): void {
  const p = object(v, 'policy', ['source', 'failOn', 'strict', 'suppress', 'severity'], ['sha256']);
  string(p.source, 'policy.source');
  if (p.sha256 !== undefined) string(p.sha256, 'policy.sha256', SHA256_RE);
  oneOf(p.failOn, 'policy.failOn', FAIL_ON);
  if (typeof p.strict !== 'boolean') fail('policy.strict', 'is not true or false');
  array(p.suppress, 'policy.suppress').forEach((e, i) => {
    const x = object(e, `policy.suppress[${i}]`, ['rule', 'reason', 'expired', 'matched'], ['line', 'expires']);
    string(x.rule, `policy.suppress[${i}].rule`);
    string(x.reason, `policy.suppress[${i}].reason`);
    if (typeof x.expired !== 'boolean') fail(`policy.suppress[${i}].expired`, 'is not true or false');
    count(x.matched, `policy.suppress[${i}].matched`);
    if (x.line !== undefined) count(x.line, `policy.suppress[${i}].line`);
    if (x.expires !== undefined) string(x.expires, `policy.suppress[${i}].expires`, /^\d{4}-\d{2}-\d{2}$/);
  });
  array(p.severity, 'policy.severity').forEach((e, i) => {
    const x = object(e, `policy.severity[${i}]`, ['rule', 'severity', 'matched']);
    string(x.rule, `policy.severity[${i}].rule`);
    oneOf(x.severity, `policy.severity[${i}].severity`, SEVERITY_VALUES);
    count(x.matched, `policy.severity[${i}].matched`);
  });
}

function fileReport(v: unknown, at: string): void {
  const f = object(v, at, ['path', 'size', 'format', 'status', 'complete', 'findings', 'nodes', 'durationMs'], ['sha256']);
  string(f.path, `${at}.path`);
  count(f.size, `${at}.size`);
  if (f.sha256 !== undefined) string(f.sha256, `${at}.sha256`, SHA256_RE);
  string(f.format, `${at}.format`);
  oneOf(f.status, `${at}.status`, FILE_STATUS);
  if (typeof f.complete !== 'boolean') fail(`${at}.complete`, 'is not true or false');
  array(f.findings, `${at}.findings`).forEach((x, i) => finding(x, `${at}.findings[${i}]`));
  array(f.nodes, `${at}.nodes`, 1).forEach((x, i) => node(x, `${at}.nodes[${i}]`));
  duration(f.durationMs, `${at}.durationMs`);
}

function finding(v: unknown, at: string): void {
  const x = object(v, at, ['ruleId', 'severity', 'message', 'location'], ['evidence', 'severityReason', 'suppression']);
  if (x.suppression !== undefined) {
    const m = object(x.suppression, `${at}.suppression`, ['kind', 'reason'], ['entry', 'expires']);
    oneOf(m.kind, `${at}.suppression.kind`, ['policy', 'baseline'] as const);
    string(m.reason, `${at}.suppression.reason`);
    if (m.entry !== undefined) count(m.entry, `${at}.suppression.entry`);
    if (m.expires !== undefined) string(m.expires, `${at}.suppression.expires`);
  }
  string(x.ruleId, `${at}.ruleId`, RULE_RE);
  oneOf(x.severity, `${at}.severity`, SEVERITY_VALUES);
  string(x.message, `${at}.message`, undefined, 1);
  const loc = object(x.location, `${at}.location`, ['path'], ['offset', 'pointer']);
  pathList(loc.path, `${at}.location.path`);
  if (loc.offset !== undefined) count(loc.offset, `${at}.location.offset`);
  if (loc.pointer !== undefined) string(loc.pointer, `${at}.location.pointer`);
  if (x.evidence !== undefined) string(x.evidence, `${at}.evidence`);
  if (x.severityReason !== undefined) string(x.severityReason, `${at}.severityReason`);
}

function node(v: unknown, at: string): void {
  const n = object(v, at, ['path', 'format', 'size', 'status'], ['error', 'notes']);
  pathList(n.path, `${at}.path`);
  string(n.format, `${at}.format`);
  count(n.size, `${at}.size`);
  oneOf(n.status, `${at}.status`, NODE_STATUS);
  if (n.error !== undefined) string(n.error, `${at}.error`);
  if (n.notes !== undefined) freeForm(n.notes, `${at}.notes`);
}

// ---- consistency: what scanReport derives must match, so the verdict cannot contradict the findings ----

function checkConsistency(r: ScanReport): void {
  const sum = { files: r.files.length, critical: 0, warning: 0, info: 0, errors: 0, suppressed: 0, baseline: 0 };
  // A policy's fail level and strictness (options.failOn / options.strict) decide the exit code;
  // suppressed and baseline findings are kept but not counted (engine/policy/apply.ts).
  const failOn = FAIL_ON.find((x) => x === r.options.failOn) ?? 'warning';
  const strict = r.options.strict === true;
  let failing = false;
  r.files.forEach((f, i) => {
    if (f.status !== statusOf(f)) inconsistent(`files[${i}].status says "${f.status}" but its findings say "${statusOf(f)}"`);
    if (f.status === 'error') sum.errors++;
    if (strict && f.complete && f.format === 'unknown') failing = true;
    for (const x of f.findings) {
      if (x.suppression) { sum[x.suppression.kind === 'policy' ? 'suppressed' : 'baseline']++; continue; }
      if (x.severity !== 'debug') sum[x.severity]++;
      failing ||= fails(x, failOn, strict);
    }
  });
  for (const k of ['files', 'critical', 'warning', 'info', 'errors'] as const) {
    if (r.summary[k] !== sum[k]) inconsistent(`summary.${k} is ${r.summary[k]} but the files hold ${sum[k]}`);
  }
  for (const k of ['suppressed', 'baseline'] as const) {
    if (r.summary[k] !== undefined && r.summary[k] !== sum[k]) inconsistent(`summary.${k} is ${r.summary[k]} but the files hold ${sum[k]}`);
  }
  const exit = sum.files === 0 || sum.errors > 0 ? 2 : failing ? 1 : 0;
  if (r.exitCode !== exit) inconsistent(`exitCode is ${r.exitCode} but the findings give ${exit}`);
  if (r.partial && r.exitCode !== 2) inconsistent('a partial report must have exitCode 2 (incomplete)');
}

function statusOf(f: FileReport): FileReport['status'] {
  if (!f.complete) return 'error';
  return f.findings.some((x) => !x.suppression && SEVERITY_RANK[x.severity] >= SEVERITY_RANK.warning) ? 'issues' : 'clean';
}

function inconsistent(what: string): never {
  throw new Invalid(`This report contradicts itself (${what}): it was edited or damaged, so it is not shown.`);
}

function quote(s: string): string {
  return s.length > QUOTE_CHARS ? `${s.slice(0, QUOTE_CHARS)}…` : s;
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}
