// Comparing two reports of the same folder: which files came and went, and per file which findings are
// new, gone or changed. Findings are matched by (file path, ruleId, location.path, location.pointer) as
// a multiset: offsets move whenever a file is rewritten, so they only pair up duplicates of one key.
// Framework-free.
import type { FileReport, Finding, ScanReport } from '../engine';

export type ChangedField = 'severity' | 'message' | 'evidence';

export interface ChangedFinding { before: Finding; after: Finding; fields: ChangedField[] }

export interface FileDiff {
  path: string;
  /** 'added': only in the later report; 'removed': only in the earlier one. */
  state: 'added' | 'removed' | 'both';
  /** Both reports hashed the file and the hashes differ. */
  contentChanged: boolean;
  added: Finding[];
  gone: Finding[];
  changed: ChangedFinding[];
  unchanged: number;
}

/** Leading folders removed from each report's paths so the two line up ('' when none was). */
export interface Alignment { before: string; after: string }

export interface ReportDiff {
  before: ScanReport;
  after: ScanReport;
  /** Set when the paths were lined up by dropping a common leading folder (the browser names the
   *  dropped folder, `modelgate scan folder` may not, or names it by another path). */
  alignment: Alignment | null;
  /** Files (by aligned path) present in both reports; 0 means the reports are likely of different folders. */
  shared: number;
  /** Files with any difference first (in path order), then the rest. */
  files: FileDiff[];
  /** gone = fixed (the file is still in the later report) + withFile (its file is not). */
  totals: { filesAdded: number; filesRemoved: number; added: number; gone: number; fixed: number; goneWithFile: number; changed: number };
}

/** Leading folders are tried this deep at most (each is a candidate prefix). */
const MAX_PREFIX_DEPTH = 16;

/** The folder prefixes every path shares: '', 'a/', 'a/b/' ... (a file name itself is never one). */
export function sharedPrefixes(paths: readonly string[]): string[] {
  const out = [''];
  if (paths.length === 0) return out;
  const first = paths[0]!.split('/');
  let prefix = '';
  for (let i = 0; i < Math.min(first.length - 1, MAX_PREFIX_DEPTH); i++) {
    const next = `${prefix}${first[i]}/`;
    if (!paths.every((p) => p.startsWith(next) && p.length > next.length)) break;
    prefix = next;
    out.push(prefix);
  }
  return out;
}

/**
 * The prefixes to drop from each side so the most paths match; at equal overlap the shortest drop
 * wins, so reports that already match are left as they are. Null when nothing needs dropping.
 */
export function alignPaths(before: readonly string[], after: readonly string[]): Alignment | null {
  let best: Alignment & { n: number } = { before: '', after: '', n: -1 };
  for (const pa of sharedPrefixes(before)) {
    const set = new Set(before.map((p) => p.slice(pa.length)));
    for (const pb of sharedPrefixes(after)) {
      let n = 0;
      for (const p of new Set(after.map((x) => x.slice(pb.length)))) if (set.has(p)) n++;
      if (n > best.n || (n === best.n && pa.length + pb.length < best.before.length + best.after.length)) best = { before: pa, after: pb, n };
    }
  }
  return best.n > 0 && (best.before || best.after) ? { before: best.before, after: best.after } : null;
}

/** The report with `prefix` dropped from every file path and every finding's root path. */
function stripped(r: ScanReport, prefix: string): FileReport[] {
  if (!prefix) return r.files;
  const cut = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  return r.files.map((f) => ({ ...f, path: cut(f.path),
    findings: f.findings.map((x) => ({ ...x, location: { ...x.location, path: x.location.path.map((p, i) => (i === 0 ? cut(p) : p)) } })) }));
}

/** The two reports in time order (startedAt is ISO 8601 UTC, so strings compare as times). */
export function inTimeOrder(a: ScanReport, b: ScanReport): [ScanReport, ScanReport] {
  return a.startedAt <= b.startedAt ? [a, b] : [b, a];
}

export function diffReports(before: ScanReport, after: ScanReport): ReportDiff {
  const alignment = alignPaths(before.files.map((f) => f.path), after.files.map((f) => f.path));
  const a = byPath(stripped(before, alignment?.before ?? ''));
  const b = byPath(stripped(after, alignment?.after ?? ''));
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const files = paths.map((p) => diffFile(p, a.get(p), b.get(p)));
  const totals = { filesAdded: 0, filesRemoved: 0, added: 0, gone: 0, fixed: 0, goneWithFile: 0, changed: 0 };
  let shared = 0;
  for (const f of files) {
    if (f.state === 'added') totals.filesAdded++;
    if (f.state === 'removed') totals.filesRemoved++;
    if (f.state === 'both') shared++;
    totals.added += f.added.length;
    totals.gone += f.gone.length;
    // A finding is fixed only when its file was scanned again without it; when the file itself is
    // missing from the later report, nothing is known about it.
    if (f.state === 'removed') totals.goneWithFile += f.gone.length;
    else totals.fixed += f.gone.length;
    totals.changed += f.changed.length;
  }
  files.sort((x, y) => Number(!differs(x)) - Number(!differs(y)));
  return { before, after, alignment, shared, files, totals };
}

export function differs(f: FileDiff): boolean {
  return f.state !== 'both' || f.contentChanged || f.added.length + f.gone.length + f.changed.length > 0;
}

/** A report may (if edited) name one path twice: its findings are pooled, like one file. */
function byPath(files: readonly FileReport[]): Map<string, FileReport[]> {
  const m = new Map<string, FileReport[]>();
  for (const f of files) {
    const list = m.get(f.path);
    if (list) list.push(f);
    else m.set(f.path, [f]);
  }
  return m;
}

function diffFile(path: string, a: FileReport[] | undefined, b: FileReport[] | undefined): FileDiff {
  const state = !a ? 'added' : !b ? 'removed' : 'both';
  const shaA = a?.[0]?.sha256;
  const shaB = b?.[0]?.sha256;
  const out: FileDiff = { path, state, contentChanged: !!shaA && !!shaB && shaA !== shaB,
    added: [], gone: [], changed: [], unchanged: 0 };
  const groupsA = groups(a?.flatMap((f) => f.findings) ?? []);
  const groupsB = groups(b?.flatMap((f) => f.findings) ?? []);
  for (const key of new Set([...groupsA.keys(), ...groupsB.keys()])) {
    pairGroup(groupsA.get(key) ?? [], groupsB.get(key) ?? [], out);
  }
  return out;
}

/** The matching key: JSON of a tuple, so no separator can be forged inside a field. */
function keyOf(f: Finding): string {
  return JSON.stringify([f.ruleId, f.location.path, f.location.pointer ?? null]);
}

function groups(findings: readonly Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = keyOf(f);
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  }
  return m;
}

function changedFields(x: Finding, y: Finding): ChangedField[] {
  const out: ChangedField[] = [];
  if (x.severity !== y.severity) out.push('severity');
  if (x.message !== y.message) out.push('message');
  if ((x.evidence ?? '') !== (y.evidence ?? '')) out.push('evidence');
  return out;
}

/**
 * Pairs the findings of one key, most alike first: same content at the same offset, then same content
 * anywhere (the offset moved), then the rest in offset order (changed). Leftovers are new or gone.
 * Hashed, not nested loops: a hostile report may repeat one key many thousand times.
 */
function pairGroup(a: Finding[], b: Finding[], out: FileDiff): void {
  const byOffset = (x: Finding, y: Finding) => (x.location.offset ?? -1) - (y.location.offset ?? -1);
  let left = [...a].sort(byOffset);
  let right = [...b].sort(byOffset);
  const content = (f: Finding) => [f.severity, f.message, f.evidence ?? ''];
  const take = (key: (f: Finding) => string) => {
    const pool = new Map<string, number>();
    for (const y of right) pool.set(key(y), (pool.get(key(y)) ?? 0) + 1);
    const matched = new Map<string, number>();
    const rest: Finding[] = [];
    for (const x of left) {
      const k = key(x);
      const n = pool.get(k) ?? 0;
      if (n === 0) { rest.push(x); continue; }
      pool.set(k, n - 1);
      matched.set(k, (matched.get(k) ?? 0) + 1);
      out.unchanged++;
    }
    left = rest;
    right = right.filter((y) => {
      const k = key(y);
      const n = matched.get(k) ?? 0;
      if (n === 0) return true;
      matched.set(k, n - 1);
      return false;
    });
  };
  take((f) => JSON.stringify([...content(f), f.location.offset ?? null]));
  take((f) => JSON.stringify(content(f)));
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) out.changed.push({ before: left[i]!, after: right[i]!, fields: changedFields(left[i]!, right[i]!) });
  out.gone.push(...left.slice(n));
  out.added.push(...right.slice(n));
}
