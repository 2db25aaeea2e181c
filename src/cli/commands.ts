// The CLI's other commands: `modelgate rules [ID|PREFIX]`, `modelgate merge REPORT...` and
// `modelgate scan --list-scanners`. Each takes argv and the io and returns the exit code.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  SCANNERS, applyPolicy, crossFileResults, scanReport, todayUtc, toJson, toSarifJson, type FileReport, type Finding, type ScanReport,
} from '../engine';
import { describeAllRules, type RuleDoc } from '../engine/rules-doc';
import type { CliIo } from './main';
import type { OutputFormat } from './args';

/** What each format scanner checks, for --list-scanners (one line each). */
const CHECKS: Record<string, string> = {
  safetensors: 'header JSON, offsets and dtypes; metadata strings',
  'safetensors-index': 'shard index: shard names, paths outside the folder, missing shards',
  gguf: 'header, metadata (chat templates run through the Jinja checks), tensor table',
  tflite: 'flatbuffer model: custom operators, metadata, buffers',
  sevenzip: '7-Zip archives: members (bombs, traversal) scanned recursively',
  keras: 'Keras H5 and .keras: Lambda layers, custom objects, config strings',
  jinja: 'chat templates: sandbox escapes and code execution gadgets',
  pytorch: 'PyTorch zip checkpoints: the pickle, TorchScript code, storages, weight statistics',
  'pytorch-legacy': 'legacy PyTorch files: the pickles and storages',
  numpy: '.npy/.npz: object arrays (pickle) and header consistency',
  zip: 'zip archives: members scanned recursively, bombs, traversal, links',
  tar: 'tar archives: members scanned recursively, traversal, links, devices',
  compressed: 'gzip/bzip2/xz/zstd/lz4 streams: decompressed (bounded) and scanned',
  onnx: 'ONNX graphs: custom domains, external data paths, metadata strings',
  tensorflow: 'SavedModel/GraphDef: dangerous ops (file and process access), metadata',
  flax: 'msgpack checkpoints: extension types, trailing data',
  oci: 'OCI/docker image layouts: manifests, digests, layers',
  config: 'model-folder configs: auto_map remote code, Hydra _target_, URLs',
  pickle: 'pickle opcodes: imports and calls against an allowlist, without unpickling',
  'weight-stats': 'weight statistics (optional pass): NaN/Inf, constant or outlier weights (INFO)',
};

export function listScanners(format: OutputFormat, io: CliIo): number {
  const seen = new Map<string, Set<string>>();
  for (const s of SCANNERS) {
    const exts = seen.get(s.id) ?? new Set<string>();
    for (const e of s.extensions) exts.add(e);
    seen.set(s.id, exts);
  }
  const rows = [...seen].map(([id, exts]) => ({ id, extensions: [...exts].sort(), checks: CHECKS[id] ?? '' }));
  rows.push({ id: 'weight-stats', extensions: [], checks: CHECKS['weight-stats']! });
  if (format === 'json') { io.stdout.write(JSON.stringify(rows, null, 2) + '\n'); return 0; }
  const w = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) {
    io.stdout.write(`${r.id.padEnd(w)}  ${r.checks}\n${' '.repeat(w)}  ${r.extensions.length > 0 ? r.extensions.join(' ') : '(by content)'}\n`);
  }
  return 0;
}

function ruleText(d: RuleDoc): string {
  const refs = d.references.map((r) => `${r.id}${r.label ? ` (${r.label})` : ''}`);
  return [`${d.id}  [${d.severity.toUpperCase()}]  ${d.title}`, `  ${d.explanation}`, `  Remediation: ${d.remediation}`,
    ...(refs.length > 0 ? [`  References: ${refs.join('; ')}`] : []), ''].join('\n');
}

/** `modelgate rules [ID|PREFIX|ALIAS] [--format text|json]`. */
export function rules(argv: readonly string[], io: CliIo): number {
  let format = 'text';
  const queries: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '-f') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '-h' || a === '--help') { io.stdout.write('Usage: modelgate rules [ID|PREFIX|S-CODE] [--format text|json]\n'); return 0; }
    else if (a.startsWith('-')) { io.stderr.write(`modelgate rules: unknown option "${a}"\n`); return 2; }
    else queries.push(a);
  }
  if (format !== 'text' && format !== 'json') { io.stderr.write(`modelgate rules: --format must be text or json, not "${format}"\n`); return 2; }
  const all = describeAllRules();
  const picked = queries.length === 0 ? all : all.filter((d) => queries.some((q) => d.id === q
    || (q.endsWith('/') && d.id.startsWith(q)) || d.references.some((r) => r.id.toLowerCase() === q.toLowerCase())));
  if (picked.length === 0) { io.stderr.write(`modelgate rules: no rule matches ${queries.join(', ')}\n`); return 2; }
  io.stdout.write(format === 'json' ? JSON.stringify(picked, null, 2) + '\n' : picked.map(ruleText).join('\n'));
  return 0;
}

/** Reads a JSON report, or a JSONL stream (file lines, then a summary line). */
function readReport(text: string, name: string): { files: FileReport[]; report?: ScanReport } {
  let whole: unknown;
  try { whole = JSON.parse(text); } catch { whole = undefined; } // not one document: JSONL
  if (whole !== undefined) {
    const r = whole as ScanReport;
    if (!Array.isArray(r?.files)) throw new Error(`${name} is not a modelgate report`);
    return { files: r.files, report: r };
  }
  const files: FileReport[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const v = JSON.parse(line) as FileReport & { summary?: unknown };
    if (typeof v.path === 'string' && Array.isArray(v.findings)) files.push(v);
  }
  return { files };
}

/** What a finding says, without the marks a policy or baseline put on it. */
function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.message === b.message && a.evidence === b.evidence
    && JSON.stringify(a.location) === JSON.stringify(b.location);
}

/** The files with the cross-file checks' results over all of them. A report that already ran the
 * checks (a JSON report of a whole folder) carries some of them: those are not added twice. */
function withCrossFile(files: FileReport[]): FileReport[] {
  const out = files.map((f) => ({ ...f, findings: [...f.findings] }));
  const byPath = new Map(out.map((f) => [f.path, f]));
  for (const r of crossFileResults(out)) {
    const f = byPath.get(r.file);
    if (!f) continue;
    if ('note' in r) f.nodes = f.nodes.map((n, i) => (i === 0 ? { ...n, notes: { ...n.notes, [r.note.key]: r.note.value } } : n));
    else if (!f.findings.some((x) => sameFinding(x, r.finding))) f.findings.push(r.finding);
  }
  return out;
}

/** `modelgate merge A.json B.json... -o ALL.json [--format json|sarif]`: shard reports into one. */
export async function merge(argv: readonly string[], io: CliIo): Promise<number> {
  let format = 'json';
  let output: string | undefined;
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--format' || a === '-f') format = argv[++i] ?? '';
    else if (a === '-o' || a === '--output') output = argv[++i];
    else if (a === '-h' || a === '--help') { io.stdout.write('Usage: modelgate merge REPORT... [-o FILE] [--format json|sarif]\n'); return 0; }
    else if (a.startsWith('-')) { io.stderr.write(`modelgate merge: unknown option "${a}"\n`); return 2; }
    else inputs.push(a);
  }
  if (format !== 'json' && format !== 'sarif') { io.stderr.write(`modelgate merge: --format must be json or sarif, not "${format}"\n`); return 2; }
  if (inputs.length === 0) { io.stderr.write('modelgate merge: no report given\n'); return 2; }
  const byPath = new Map<string, FileReport>();
  let first: ScanReport | undefined;
  let started = Infinity;
  let ended = 0;
  for (const name of inputs) {
    let parsed;
    try {
      parsed = readReport(await readFile(resolve(io.cwd, name), 'utf8'), name);
    } catch (e) {
      io.stderr.write(`modelgate merge: cannot read ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    for (const f of parsed.files) {
      if (byPath.has(f.path)) io.stderr.write(`modelgate merge: ${f.path} is in several reports; the last one wins\n`);
      byPath.set(f.path, f);
    }
    if (parsed.report) {
      first ??= parsed.report;
      const t = Date.parse(parsed.report.startedAt);
      if (Number.isFinite(t)) { started = Math.min(started, t); ended = Math.max(ended, t + (parsed.report.durationMs || 0)); }
    }
  }
  const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const startedAt = Number.isFinite(started) ? new Date(started).toISOString() : new Date().toISOString();
  // The cross-file checks run again over the whole (an index in one shard, its shards in another); the
  // marks a policy or baseline left stay, and the counts and exit code are taken again.
  let report = scanReport(withCrossFile(files), { startedAt, durationMs: Number.isFinite(started) ? ended - started : 0,
    options: { ...(first?.options ?? {}), merged: inputs.length }, crossFile: false });
  const failOn = first?.options?.failOn;
  report = applyPolicy(report, { today: todayUtc(), keepMarks: true,
    ...(failOn === 'critical' || failOn === 'warning' || failOn === 'info' ? { failOn } : {}), strict: first?.options?.strict === true });
  if (first?.policy) report.policy = first.policy;
  const text = format === 'sarif' ? toSarifJson(report) : toJson(report);
  if (output === undefined) io.stdout.write(text);
  else {
    try { await writeFile(resolve(io.cwd, output), text); } catch (e) {
      io.stderr.write(`modelgate merge: cannot write ${output}: ${(e as { code?: string }).code ?? String(e)}\n`);
      return 2;
    }
  }
  return report.exitCode;
}
