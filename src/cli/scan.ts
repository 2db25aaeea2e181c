// `modelgate scan`: the policy and baseline, the walk, the files scanned a few at a time, the report.
// Two shapes of run. A streamed run (--format jsonl alone) walks lazily and writes each file's line as it
// finishes, holding no list of files or reports (jsonl.ts). Every other format is one document built at
// the end, so it keeps every FileReport; so does jsonl when --write-baseline or --sbom asks for the
// whole report beside it.
import { writeFileSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import type { ApplyOptions, FileReport, JsonValue, ScanReport } from '../engine';
import type { ScanArgs } from './args';
import { engine as E, errText } from './engine';
import { JsonlRun, fileSink, stdoutSink, type SummaryRecord } from './jsonl';
import type { CliIo } from './main';
import { renderGithub, renderStepSummary } from './output-github';
import { renderText, safe, useColor } from './output-text';
import type { LoadedPolicy } from './policy-file';
import { ProgressLine } from './progress';
import { notScannedReport, scanFile } from './scan-file';
import { inShard } from './shard';
import type { ScanThreads } from './threads';
import { collect, walk, type Entry } from './walk';

/** Files scanned at once. I/O overlaps; the engine itself runs on the one JS thread. */
function concurrency(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

type Planned = Entry | { entry: Entry & { kind: 'file' }; limited: true };

/** The walk, cut to this shard, with the files past --max-total-size marked (in walk order). */
async function* plan(entries: AsyncIterable<Entry> | Iterable<Entry>, args: ScanArgs): AsyncGenerator<Planned> {
  let total = 0;
  let overLimit = false;
  for await (const e of entries) {
    if (args.shard && !inShard(e.display, args.shard)) continue;
    if (e.kind !== 'file') { yield e; continue; }
    if (args.maxTotalSize !== undefined) {
      overLimit ||= total + e.size > args.maxTotalSize;
      if (overLimit) { yield { entry: e, limited: true }; continue; }
    }
    total += e.size;
    yield e;
  }
}

/** Runs `fn` over `items` with at most `n` in flight; `fn` gets each item's position in the input. */
async function pool<T>(items: AsyncIterable<T>, n: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  const it = items[Symbol.asyncIterator]();
  let next = 0;
  let done = false;
  // Reading the next item is serialised, so positions follow the input order.
  let reading: Promise<unknown> = Promise.resolve();
  const take = (): Promise<{ item: T; index: number } | undefined> => {
    const p = reading.then(async () => {
      if (done) return undefined;
      const r = await it.next();
      if (r.done) { done = true; return undefined; }
      return { item: r.value, index: next++ };
    });
    reading = p;
    return p;
  };
  const worker = async () => {
    for (let t = await take(); t; t = await take()) await fn(t.item, t.index);
  };
  await Promise.all(Array.from({ length: n }, worker));
}

async function writeTo(file: string, text: string, io: CliIo): Promise<boolean> {
  try {
    await writeFile(resolve(io.cwd, file), text);
    return true;
  } catch (e) {
    io.stderr.write(`modelgate: cannot write ${file}: ${errText(e)}\n`);
    return false;
  }
}

function runOptions(args: ScanArgs): Record<string, JsonValue> {
  return {
    blacklist: args.blacklist, timeout: args.timeout, maxFileSize: args.maxFileSize ?? null,
    maxTotalSize: args.maxTotalSize ?? null, verbose: args.verbose, hash: args.hash, weightStats: args.weightStats,
    ...(args.statsSampleBytes !== undefined ? { statsSampleBytes: args.statsSampleBytes } : {}),
    ...(args.select.length > 0 ? { select: args.select } : {}),
    ...(args.exclude.length > 0 ? { exclude: args.exclude } : {}),
    ...(args.shard ? { shard: `${args.shard.index}/${args.shard.count}` } : {}),
  };
}

function warnExpired(report: SummaryRecord, io: CliIo): void {
  for (const e of report.policy?.suppress ?? []) {
    if (e.expired && e.matched > 0) {
      io.stderr.write(`modelgate: ${report.policy!.source}${e.line !== undefined ? `:${e.line}` : ''}: the suppression of ${e.rule} expired on ${e.expires}; its ${e.matched} finding${e.matched === 1 ? '' : 's'} count again\n`);
    }
  }
}

/** The report in a one-document format (text, json, sarif, github, cyclonedx). */
async function render(report: ScanReport, args: ScanArgs, io: CliIo): Promise<string> {
  if (args.format === 'cyclonedx') return (await import('./sbom')).toCycloneDxJson(report);
  if (args.format === 'github') {
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) await appendFile(summaryFile, renderStepSummary(report)).catch((e) => io.stderr.write(`modelgate: cannot write the job summary: ${errText(e)}\n`));
  }
  return renderNow(report, args, io)!;
}

/** render's formats that need nothing loaded, synchronously (the watchdog's last words); undefined for cyclonedx. */
function renderNow(report: ScanReport, args: ScanArgs, io: CliIo): string | undefined {
  if (args.format === 'json') return E().toJson(report);
  if (args.format === 'sarif') return E().toSarifJson(report);
  if (args.format === 'cyclonedx') return undefined;
  if (args.format === 'github') return renderGithub(report);
  return renderText(report, { color: args.output === undefined && useColor(io.stdout, io.env) }, { quiet: args.quiet, verbose: args.verbose });
}

/** Scans with the engine loaded, the policy and baseline read; returns the exit code. */
export async function runScan(args: ScanArgs, loaded: LoadedPolicy | undefined,
  baseline: ApplyOptions['baseline'] | undefined, io: CliIo, threads: ScanThreads | undefined, inProcessFirst = false): Promise<number> {
  const startedAt = new Date();
  const jsonl = args.format === 'jsonl';
  const keep = !jsonl || args.writeBaseline !== undefined || args.sbom !== undefined;
  const judging = (abs: (reportPath: string) => string | undefined): ApplyOptions => ({
    today: E().todayUtc(startedAt), strict: args.strict || (loaded?.policy.strict ?? false),
    ...(loaded ? { policy: loaded.policy, relativePath: (p: string) => {
      const a = abs(p);
      return a ? relative(loaded.root, a).split(sep).join('/') : p;
    } } : {}),
    ...(baseline ? { baseline } : {}),
    ...(args.failOn ? { failOn: args.failOn } : {}),
  });

  // A run that keeps the reports walks first: the progress line can then show the totals.
  const listed = keep ? await collect(args.paths, io.cwd) : undefined;
  let files = 0, bytes = 0;
  if (listed) for await (const p of plan(listed, args)) if (!('limited' in p) && p.kind === 'file') { files++; bytes += p.size; }
  const showProgress = args.progress && !args.quiet && io.stderr.isTTY === true;
  const progress = new ProgressLine(showProgress ? io.stderr : undefined, listed ? files : undefined, listed ? bytes : undefined);
  const warn = (m: string) => {
    if (args.quiet) return;
    progress.clear();
    io.stderr.write(`modelgate: ${safe(m)}\n`);
  };

  let stream: JsonlRun | undefined;
  let sink;
  if (jsonl) {
    sink = args.output === undefined ? stdoutSink(io.stdout) : await fileSink(args.output, io);
    if ('error' in sink) { io.stderr.write(`modelgate: ${sink.error}\n`); return 2; }
    // A walked file's report path is its PATH argument joined with the names below it: resolved against
    // the working folder, it is the file's absolute path again.
    stream = new JsonlRun(sink, (abs) => judging(() => abs), (p) => resolve(io.cwd, p));
  }
  const reports: FileReport[] = [];
  const absolute = new Map<string, string>();
  const options = runOptions(args);
  /** The one document of the kept file reports, the policy applied. */
  const whole = (kept: FileReport[]): ScanReport => E().applyPolicy(
    E().scanReport(kept, { startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), options }),
    judging((p) => absolute.get(p)));
  /**
   * A one-file run stuck on this thread (in-process.ts): the watchdog has this thread write the report
   * of that file's timeout, synchronously, before it exits 2. Not for jsonl (its sink is a stream) nor
   * cyclonedx (its module loads on demand); --write-baseline and --sbom are not written either.
   */
  const lastWords = (entry: Entry & { kind: 'file' }) => (stuck: FileReport): void => {
    if (jsonl) return;
    absolute.set(entry.display, entry.path);
    const text = renderNow(whole([stuck]), args, io);
    if (text === undefined) return;
    if (args.output === undefined) io.stdout.write(text);
    else writeFileSync(resolve(io.cwd, args.output), text);
  };

  // `threads` (started by main before the engine loaded) is closed by main. `inProcessFirst`: main found
  // one file to scan, which is scanned on this thread unless it needs a scan thread (in-process.ts).
  await pool(plan(listed ?? walk(args.paths, io.cwd), args), concurrency(), async (p, index) => {
    let r: FileReport;
    const entry = 'limited' in p ? p.entry : p;
    if ('limited' in p) r = notScannedReport(p.entry, args.maxTotalSize!);
    else if (p.kind === 'skip') r = E().errorReport(p.display, p.size, p.ruleId, p.reason);
    else r = await scanFile(p, args, progress, warn, threads, inProcessFirst, inProcessFirst ? lastWords(p) : undefined);
    if (keep) { reports[index] = r; absolute.set(entry.display, entry.path); }
    if (stream) {
      progress.clear();
      await stream.add(r, entry.path);
    }
  });
  progress.clear();

  let summary: SummaryRecord;
  let report: ScanReport | undefined;
  if (keep) report = whole(reports);
  if (stream) {
    summary = await stream.finish({ startedAt, options });
    await sink!.close();
  } else summary = report!;
  if (summary.summary.files === 0) io.stderr.write(`modelgate: no files found under the given paths${args.shard ? ` in shard ${args.shard.index}/${args.shard.count}` : ''}\n`);
  warnExpired(summary, io);

  if (!jsonl) {
    const text = await render(report!, args, io);
    if (args.output === undefined) io.stdout.write(text);
    else if (!(await writeTo(args.output, text, io))) return 2;
  }
  if (args.writeBaseline !== undefined && !(await writeTo(args.writeBaseline, E().toJson(report!), io))) return 2;
  if (args.sbom !== undefined && !(await writeTo(args.sbom, (await import('./sbom')).toCycloneDxJson(report!), io))) return 2;
  return summary.exitCode;
}
