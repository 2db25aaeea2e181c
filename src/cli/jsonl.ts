// --format jsonl for registry-scale runs: each file's report is judged (policy, baseline, fail level),
// written as one line the moment the file is done, and dropped. What stays is bounded per file, not per
// finding: the counters of the summary line, the policy entries' match counts, and the few hundred bytes
// the cross-file checks read (engine/folder/skeleton.ts), which run once at the end. Their results
// follow the file lines as {"type":"cross-file"} lines (a finding, judged like any other, or a note such
// as referencedBy), then the summary line; `modelgate merge` reads the file lines and runs those checks
// again over the whole. A report that needs every file at once (--write-baseline, --sbom) is kept by
// the caller, not here.
import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ApplyOptions, FileReport, JsonValue, PolicyRecord, ScanReport, ScanSummary } from '../engine';
import { engine as E, errText } from './engine';
import type { CliIo, Writer } from './main';

/** Where the lines go: stdout (waiting for 'drain' when a slow reader fills the pipe) or a file. */
export interface LineSink {
  write(line: string): Promise<void>;
  close(): Promise<void>;
}

type Drainable = Writer & { once?: (event: 'drain', listener: () => void) => unknown };

export function stdoutSink(out: Drainable): LineSink {
  return {
    async write(line) {
      // Without this, a reader slower than the scan would let Node buffer the whole run in memory.
      if (out.write(line) === false && typeof out.once === 'function') await new Promise<void>((done) => out.once!('drain', done));
    },
    async close() {},
  };
}

export async function fileSink(file: string, io: CliIo): Promise<LineSink | { error: string }> {
  let fh: FileHandle;
  try {
    fh = await open(resolve(io.cwd, file), 'w');
  } catch (e) {
    return { error: `cannot write ${file}: ${errText(e)}` };
  }
  return { write: async (line) => { await fh.write(line); }, close: () => fh.close() };
}

export interface JsonlMeta {
  startedAt: Date;
  options: Record<string, JsonValue>;
}

/** The summary line: the ScanReport's fields without `files`. */
export type SummaryRecord = Omit<ScanReport, 'files'>;

export class JsonlRun {
  private readonly summary: Required<ScanSummary> = { files: 0, critical: 0, warning: 0, info: 0, errors: 0, suppressed: 0, baseline: 0 };
  private exitCode: 0 | 1 | 2 = 0;
  private policy: PolicyRecord | undefined;
  private baselineMatched = 0;
  /** What the cross-file checks read of each file (engine/folder/skeleton.ts). */
  private readonly skeletons: FileReport[] = [];

  /** `judging(abs)`: the policy options for a file at that absolute path; `absolute(path)`: a report
   * path's absolute path (recomputed when needed rather than held per file). */
  constructor(private readonly sink: LineSink, private readonly judging: (abs: string | undefined) => ApplyOptions,
    private readonly absolute: (reportPath: string) => string) {}

  /** Judges one finished file, writes its line and keeps only its skeleton. */
  async add(report: FileReport, abs: string | undefined): Promise<void> {
    const judged = this.judge([report], abs);
    await this.sink.write(JSON.stringify(judged.files[0]) + '\n');
    this.count(judged, false);
    this.skeletons.push(E().crossFileSkeleton(report));
  }

  /** Runs the cross-file checks, writes their lines and the summary line; returns the summary. */
  async finish(meta: JsonlMeta): Promise<SummaryRecord> {
    const skeletons = this.skeletons.splice(0);
    const byPath = new Map(skeletons.map((s) => [s.path, s]));
    const findings = new Map<string, FileReport['findings']>();
    for (const r of E().crossFileResults(skeletons)) {
      if ('note' in r) {
        await this.sink.write(JSON.stringify({ type: 'cross-file', path: r.file, note: r.note }) + '\n');
      } else if (byPath.has(r.file)) {
        findings.set(r.file, [...(findings.get(r.file) ?? []), r.finding]);
      }
    }
    for (const [path, list] of findings) {
      const s = byPath.get(path)!;
      // The file's cross-file findings, judged together (one fingerprint counter, as in a whole report).
      const judged = this.judge([{ ...s, complete: true, findings: list }], this.absolute(path));
      for (const f of judged.files[0]!.findings) await this.sink.write(JSON.stringify({ type: 'cross-file', path, finding: f }) + '\n');
      this.count(judged, true);
    }
    const shape = E().applyPolicy(E().scanReport([], { startedAt: meta.startedAt.toISOString(), durationMs: 0, options: meta.options, crossFile: false }), this.judging(undefined));
    const { files: _files, ...record } = shape;
    record.durationMs = Date.now() - meta.startedAt.getTime();
    record.summary = { ...this.summary };
    record.exitCode = this.summary.files === 0 ? 2 : this.exitCode;
    if (this.policy) record.policy = this.policy;
    if (record.baseline) record.baseline = { ...record.baseline, matched: this.baselineMatched };
    await this.sink.write(JSON.stringify({ type: 'summary', ...record }) + '\n');
    return record;
  }

  private judge(files: FileReport[], abs: string | undefined): ScanReport {
    const one = E().scanReport(files, { startedAt: '', durationMs: 0, options: {}, crossFile: false });
    return E().applyPolicy(one, this.judging(abs));
  }

  /** Adds a judged report to the totals; `extra`: cross-file findings of a file already counted. */
  private count(r: ScanReport, extra: boolean): void {
    const s = r.summary;
    if (!extra) { this.summary.files += s.files; this.summary.errors += s.errors; }
    for (const k of ['critical', 'warning', 'info', 'suppressed', 'baseline'] as const) this.summary[k] += s[k] ?? 0;
    const code = extra ? (r.exitCode === 1 ? 1 : 0) : r.exitCode;
    if (code > this.exitCode) this.exitCode = code;
    this.baselineMatched += r.baseline?.matched ?? 0;
    if (!r.policy) return;
    if (!this.policy) { this.policy = structuredClone(r.policy); return; }
    r.policy.suppress.forEach((e, k) => { this.policy!.suppress[k]!.matched += e.matched; });
    r.policy.severity.forEach((e, k) => { this.policy!.severity[k]!.matched += e.matched; });
  }
}
