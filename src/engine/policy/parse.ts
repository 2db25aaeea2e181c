// Parses and validates a policy file. TOML 1.0 via smol-toml (pure JS, no environment); every mistake
// (unknown key, wrong type, bad glob, unknown rule or scanner id) is an error with the file's line, so a
// typo never silently weakens the gate.
import { TomlDate, TomlError, parse } from 'smol-toml';
import { RULES } from '../rules';
import { SCANNER_IDS } from '../scanner-ids';
import type { Severity } from '../types';
import { compileGlob } from './glob';
import { DURATION_UNIT_NAMES, SIZE_UNIT_NAMES, parseDuration, parseSize } from './units';
import type { FailOn, Policy, PolicyError, SuppressEntry } from './types';

/** A policy is a few KB; a larger one is a mistake (or an attempt to stall the parser). */
export const MAX_POLICY_BYTES = 1024 * 1024;

const TOP_KEYS = new Set(['fail-on', 'strict', 'suppress', 'severity', 'scanners', 'blacklist', 'limits']);
const SUPPRESS_KEYS = new Set(['rule', 'paths', 'reason', 'expires']);
const SCANNER_KEYS = new Set(['select', 'exclude']);
const LIMIT_KEYS: Record<string, keyof Policy['limits']> = {
  'max-file-size': 'maxFileSize', 'max-total-size': 'maxTotalSize', timeout: 'timeout', 'stats-sample-bytes': 'statsSampleBytes',
};
const SEVERITIES = new Set<Severity>(['critical', 'warning', 'info', 'debug']);
const FAIL_ON = new Set<FailOn>(['critical', 'warning', 'info']);

/** A [limits] value: a number (bytes or seconds) or a string with a unit ("10GB", "512MiB", "30s", "5m");
 * the error text when it is neither. */
function limitValue(key: string, v: unknown): number | string {
  const duration = key === 'timeout';
  const example = duration ? 'such as 120, "30s" or "5m"' : 'such as 20000000000, "20GB" or "512MiB"';
  if (typeof v === 'number') {
    return Number.isFinite(v) && v >= 0 ? v : `[limits] ${key} must be a non-negative ${duration ? 'duration' : 'size'} ${example}`;
  }
  if (typeof v !== 'string') return `[limits] ${key} must be a ${duration ? 'duration' : 'size'} ${example}`;
  const n = duration ? parseDuration(v) : parseSize(v);
  if (n !== undefined) return n;
  const unit = /^\s*\d+(?:\.\d+)?\s*([a-z]+)\s*$/i.exec(v)?.[1];
  return unit !== undefined
    ? `[limits] ${key}: unknown unit "${unit}" in "${v}" (use ${duration ? DURATION_UNIT_NAMES : SIZE_UNIT_NAMES})`
    : `[limits] ${key} must be a ${duration ? 'duration' : 'size'} ${example}, not "${v}"`;
}

/** Scanner ids a policy may select: the format scanners plus the optional passes the CLI knows. */
export function scannerIds(): string[] {
  return [...SCANNER_IDS, 'weight-stats'];
}

/** True when `rule` is a rule id or a prefix ("pickle/") of at least one. */
export function knownRule(rule: string): boolean {
  if (rule.endsWith('/')) return Object.keys(RULES).some((id) => id.startsWith(rule));
  return Object.hasOwn(RULES, rule);
}

/** Line of each table header and key, so a validation error can name its line. */
class Lines {
  private readonly keys = new Map<string, number>();
  constructor(text: string, prefix: string) {
    const counts = new Map<string, number>();
    let table = '';
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      const header = /^\[(\[?)\s*([^\]]+?)\s*\]\]?/.exec(line);
      if (header) {
        let name = header[2]!.replace(/["'\s]/g, '');
        if (prefix) name = name === prefix ? '' : name.startsWith(prefix + '.') ? name.slice(prefix.length + 1) : `\u0000${name}`;
        if (header[1]) { const n = counts.get(name) ?? 0; counts.set(name, n + 1); name = `${name}#${n}`; }
        table = name;
        this.keys.set(table, i + 1);
        return;
      }
      const key = /^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=/.exec(line);
      if (key) this.keys.set(`${table}\u0001${key[1]!.replace(/^["']|["']$/g, '')}`, i + 1);
    });
  }
  of(table: string, key?: string): number | undefined {
    return (key !== undefined ? this.keys.get(`${table}\u0001${key}`) : undefined) ?? this.keys.get(table);
  }
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof TomlDate);
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v as string[] : undefined;
}

/** TOML local date (2027-06-30) or a "YYYY-MM-DD" string → "YYYY-MM-DD". */
function dateOf(v: unknown): string | undefined {
  if (v instanceof TomlDate && v.isDate()) return v.toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && Number.isFinite(Date.parse(v))) return v;
  return undefined;
}

/**
 * `pyproject`: read [tool.modelgate] of a pyproject.toml (absent → an empty policy).
 * Returns the policy, or every error found (not just the first).
 */
export function parsePolicy(text: string, source: string, opts: { pyproject?: boolean } = {}): { policy: Policy } | { errors: PolicyError[] } {
  const errors: PolicyError[] = [];
  const err = (message: string, line?: number) => errors.push(line === undefined ? { source, message } : { source, line, message });
  if (text.length > MAX_POLICY_BYTES) return { errors: [{ source, message: `the policy is larger than ${MAX_POLICY_BYTES} bytes` }] };
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) return { errors: [{ source, line: e.line, message: e.message.split('\n', 1)[0]! }] };
    throw e;
  }
  const lines = new Lines(text, opts.pyproject ? 'tool.modelgate' : '');
  if (opts.pyproject) {
    const tool = doc.tool;
    const mg = isTable(tool) ? tool.modelgate : undefined;
    doc = isTable(mg) ? mg : {};
  }
  const policy: Policy = { source, suppress: [], severity: [], scanners: {}, blacklist: [], limits: {} };

  for (const [key, value] of Object.entries(doc)) {
    if (!TOP_KEYS.has(key)) { err(`unknown key "${key}" (known: ${[...TOP_KEYS].join(', ')})`, lines.of('', key) ?? lines.of(key)); continue; }
    const line = lines.of('', key);
    switch (key) {
      case 'fail-on':
        if (typeof value === 'string' && FAIL_ON.has(value as FailOn)) policy.failOn = value as FailOn;
        else err('fail-on must be "critical", "warning" or "info"', line);
        break;
      case 'strict':
        if (typeof value === 'boolean') policy.strict = value; else err('strict must be true or false', line);
        break;
      case 'blacklist': {
        const list = stringList(value);
        if (!list || list.some((p) => p.trim() === '')) err('blacklist must be a list of non-empty strings', line);
        else policy.blacklist = list;
        break;
      }
      case 'severity':
        if (!isTable(value)) { err('[severity] must be a table of "rule-id" = "level"', line); break; }
        for (const [rule, level] of Object.entries(value)) {
          const at = lines.of('severity', rule);
          if (!knownRule(rule)) err(`[severity]: unknown rule id "${rule}" (modelgate rules lists them)`, at);
          else if (typeof level !== 'string' || !SEVERITIES.has(level as Severity)) err(`[severity] "${rule}" must be "critical", "warning", "info" or "debug"`, at);
          else policy.severity.push({ rule, severity: level as Severity, ...(at !== undefined ? { line: at } : {}) });
        }
        break;
      case 'scanners':
        if (!isTable(value)) { err('[scanners] must be a table with select and/or exclude', line); break; }
        for (const [k, v] of Object.entries(value)) {
          const at = lines.of('scanners', k);
          if (!SCANNER_KEYS.has(k)) { err(`[scanners]: unknown key "${k}" (known: select, exclude)`, at); continue; }
          const list = stringList(v);
          if (!list) { err(`[scanners] ${k} must be a list of scanner ids`, at); continue; }
          const ids = new Set(scannerIds());
          const bad = list.filter((id) => !ids.has(id));
          if (bad.length > 0) err(`[scanners] ${k}: unknown scanner id ${bad.map((b) => `"${b}"`).join(', ')} (modelgate scan --list-scanners lists them)`, at);
          else policy.scanners[k as 'select' | 'exclude'] = list;
        }
        break;
      case 'limits':
        if (!isTable(value)) { err('[limits] must be a table', line); break; }
        for (const [k, v] of Object.entries(value)) {
          const at = lines.of('limits', k);
          const field = LIMIT_KEYS[k];
          if (!field) { err(`[limits]: unknown key "${k}" (known: ${Object.keys(LIMIT_KEYS).join(', ')})`, at); continue; }
          const n = limitValue(k, v);
          if (typeof n === 'string') { err(n, at); continue; }
          policy.limits[field] = n;
        }
        break;
      case 'suppress':
        if (!Array.isArray(value)) { err('suppress must be written as [[suppress]] entries', line); break; }
        value.forEach((entry, i) => {
          const head = lines.of(`suppress#${i}`);
          const at = (k: string) => lines.of(`suppress#${i}`, k) ?? head;
          if (!isTable(entry)) { err('each [[suppress]] must be a table', head); return; }
          for (const k of Object.keys(entry)) if (!SUPPRESS_KEYS.has(k)) err(`[[suppress]]: unknown key "${k}" (known: ${[...SUPPRESS_KEYS].join(', ')})`, at(k));
          const out: Partial<SuppressEntry> = { paths: [] };
          if (head !== undefined) out.line = head;
          if (typeof entry.rule !== 'string' || entry.rule === '') err('[[suppress]] needs rule = "rule-id" or a prefix ending in "/"', at('rule'));
          else if (!knownRule(entry.rule)) err(`[[suppress]]: unknown rule id "${entry.rule}" (modelgate rules lists them)`, at('rule'));
          else out.rule = entry.rule;
          if (typeof entry.reason !== 'string' || entry.reason.trim() === '') err('[[suppress]] needs a reason: why the finding is accepted', at('reason'));
          else out.reason = entry.reason;
          if (entry.paths !== undefined) {
            const list = stringList(entry.paths);
            if (!list) err('[[suppress]] paths must be a list of globs', at('paths'));
            else {
              for (const g of list) { const c = compileGlob(g); if (typeof c === 'string') err(`[[suppress]] bad glob "${g}": ${c}`, at('paths')); }
              out.paths = list;
            }
          }
          if (entry.expires !== undefined) {
            const d = dateOf(entry.expires);
            if (!d) err('[[suppress]] expires must be a date such as 2027-06-30', at('expires'));
            else out.expires = d;
          }
          if (out.rule !== undefined && out.reason !== undefined) policy.suppress.push(out as SuppressEntry);
        });
        break;
    }
  }
  return errors.length > 0 ? { errors } : { policy };
}

export function formatPolicyError(e: PolicyError): string {
  return `${e.source}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}
