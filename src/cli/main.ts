// modelgate CLI: `modelgate scan [options] PATH...`. main() takes argv and writers and returns the exit
// code, so tests run it in-process; run() is the Node entry that wires it to the real process.
import { realpathSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApplyOptions, FileReport, JsonValue, ScanOptions, ScanReport } from '../engine';
import { VERSION } from '../engine/version';
import type { LoadedPolicy } from './policy-file';
import { inShard } from './shard';
import { renderGithub, renderStepSummary } from './output-github';
import { USAGE, parseArgs, type ScanArgs } from './args';
import { sha256File } from './hash';
import { fromNodeFile } from './node-source';
import { renderText, safe } from './output-text';
import { ProgressLine } from './progress';
import { collect, type Entry } from './walk';
import { ScanThreads, threadScript } from './threads';
import { nodeFlate } from './node-flate';

/**
 * The engine, loaded on first need: `--help`, `--version` and usage errors never parse its ≈1 MB of
 * code (start-up is then Node's own), and scans from the bundle run it in their threads anyway.
 */
let E: typeof import('../engine');
async function loadEngine(): Promise<void> {
  if (E) return;
  E = await import('../engine');
  // Node's native zlib for every DEFLATE stream the engine decodes in-process (engine/io/flate.ts).
  E.usePlatformFlate(nodeFlate());
}

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** After the per-file timeout fires, how long the engine gets to notice it before we give up on it. */
const TIMEOUT_GRACE_MS = 5_000;

/** Files scanned at once. I/O overlaps; the engine itself runs on the one JS thread. */
function concurrency(): number {
  return Math.min(4, Math.max(2, availableParallelism()));
}

/** Colour on a terminal unless NO_COLOR (https://no-color.org) is set; FORCE_COLOR forces it. */
export function useColor(out: Writer, env: CliIo['env']): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return out.isTTY === true;
}

function errText(e: unknown): string {
  const code = (e as { code?: string })?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (e instanceof Error ? e.message : String(e));
}

/** Runs `fn` over `items` with at most `n` in flight; results keep the input order. */
async function pool<T, R>(items: readonly T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

/** A file left out because the files before it used up --max-total-size. */
function notScannedReport(entry: Entry, limit: number): FileReport {
  const message = `Not scanned: the files before it already add up to the total size limit of ${limit} bytes`;
  return E.fileReport({
    path: entry.display, size: entry.size, durationMs: 0, verbose: false,
    findings: [{ ruleId: 'scan/limit-reached', severity: E.RULES['scan/limit-reached'].severity, message,
      location: { path: [entry.display] } }],
    nodes: [{ path: [entry.display], format: 'unknown', size: entry.size, status: 'skipped', error: message }],
  });
}

function scanOptions(args: ScanArgs, display: string): ScanOptions {
  const options: ScanOptions = { blacklist: args.blacklist, verbose: args.verbose, displayPath: display, weightStats: args.weightStats };
  if (args.select.length > 0 || args.exclude.length > 0) options.scanners = { select: args.select, exclude: args.exclude };
  return options;
}

async function scanFile(entry: Extract<Entry, { kind: 'file' }>, args: ScanArgs, progress: ProgressLine,
  warn: (message: string) => void, threads: ScanThreads | undefined): Promise<FileReport> {
  if (threads) return scanFileInThread(entry, args, progress, warn, threads);
  const started = Date.now();
  let source;
  try {
    source = await fromNodeFile(entry.path, entry.display);
  } catch (e) {
    return E.errorReport(entry.display, entry.size, 'scan/unreadable', `The file could not be read (${errText(e)})`);
  }
  const signal: { aborted: boolean; reason?: unknown } = { aborted: false };
  const timers: NodeJS.Timeout[] = [];
  try {
    const options = scanOptions(args, entry.display);
    if (args.maxFileSize !== undefined) options.maxFileSize = args.maxFileSize;
    if (args.statsSampleBytes !== undefined) options.statsSampleBytes = args.statsSampleBytes;
    const skipped = args.maxFileSize !== undefined && source.size > args.maxFileSize;
    const work = Promise.all([
      E.scan(source, options, { signal, onProgress: (p) => progress.update(entry.display, p.bytesRead) }),
      // The hash reads the whole file; a read error there must not lose the findings.
      skipped || !args.hash ? undefined : sha256File(source, (n) => progress.update(entry.display, n), signal).catch(() => undefined),
    ]);
    let outcome: [FileReport, string | undefined] | 'stuck' = await (args.timeout > 0
      ? Promise.race([work, new Promise<'stuck'>((done) => {
        const ms = args.timeout * 1000;
        timers.push(setTimeout(() => { signal.aborted = true; signal.reason = 'timeout'; }, ms));
        timers.push(setTimeout(() => done('stuck'), ms + TIMEOUT_GRACE_MS));
      })])
      : work);
    if (outcome === 'stuck') {
      return E.errorReport(entry.display, source.size, 'scan/timeout',
        `The scan did not finish within the ${args.timeout} s timeout`, Date.now() - started);
    }
    const [report, sha256] = outcome;
    return withHash(report, sha256, !skipped && args.hash && signal.aborted, entry, args, warn);
  } finally {
    for (const t of timers) clearTimeout(t);
    progress.fileDone(entry.display, entry.size);
    await source.close().catch(() => undefined);
  }
}

/** The report with its SHA-256 (after size, as the schema orders it). When the timeout cut the hash short
 * of a complete scan, the findings stand and the hash is missing: say so. */
function withHash(report: FileReport, sha256: string | undefined, hashCut: boolean, entry: Entry & { kind: 'file' },
  args: ScanArgs, warn: (message: string) => void): FileReport {
  if (!sha256) {
    if (hashCut && report.complete) warn(`${entry.display}: no sha256, the ${args.timeout} s timeout stopped the hash`);
    return report;
  }
  const { path, size, ...rest } = report;
  return { path, size, sha256, ...rest };
}

/** The built CLI's path: the scan runs in a worker thread (scan-thread.ts) that a timeout can kill. */
async function scanFileInThread(entry: Extract<Entry, { kind: 'file' }>, args: ScanArgs, progress: ProgressLine,
  warn: (message: string) => void, threads: ScanThreads): Promise<FileReport> {
  const started = Date.now();
  const options = scanOptions(args, entry.display);
  if (args.maxFileSize !== undefined) options.maxFileSize = args.maxFileSize;
  if (args.statsSampleBytes !== undefined) options.statsSampleBytes = args.statsSampleBytes;
  const skipped = args.maxFileSize !== undefined && entry.size > args.maxFileSize;
  const hashSignal: { aborted: boolean; reason?: unknown } = { aborted: false };
  let hashSource: Awaited<ReturnType<typeof fromNodeFile>> | undefined;
  const hashTimer = args.timeout > 0 ? setTimeout(() => { hashSignal.aborted = true; }, args.timeout * 1000) : undefined;
  try {
    const hash = skipped || !args.hash ? Promise.resolve(undefined) : fromNodeFile(entry.path, entry.display)
      .then((src) => { hashSource = src; return sha256File(src, (n) => progress.update(entry.display, n), hashSignal); })
      .catch(() => undefined); // a read error in the hash must not lose the findings
    const [outcome, sha256] = await Promise.all([
      threads.run(entry.path, entry.display, options, args.timeout * 1000, TIMEOUT_GRACE_MS, (n) => progress.update(entry.display, n)),
      hash,
    ]);
    if (outcome === 'stuck') {
      return E.errorReport(entry.display, entry.size, 'scan/timeout',
        `The scan did not finish within the ${args.timeout} s timeout (its thread was stopped)`, Date.now() - started);
    }
    if ('error' in outcome) {
      return E.errorReport(entry.display, entry.size, 'scan/unreadable', `The file could not be scanned (${outcome.code ? errText(outcome) : outcome.error})`);
    }
    return withHash(outcome.report, sha256, !skipped && args.hash && hashSignal.aborted, entry, args, warn);
  } finally {
    if (hashTimer) clearTimeout(hashTimer);
    progress.fileDone(entry.display, entry.size);
    await hashSource?.close().catch(() => undefined);
  }
}

async function emit(text: string, args: ScanArgs, io: CliIo): Promise<boolean> {
  if (args.output === undefined) { io.stdout.write(text); return true; }
  try {
    await writeFile(resolve(io.cwd, args.output), text);
    return true;
  } catch (e) {
    io.stderr.write(`modelgate: cannot write ${args.output}: ${errText(e)}\n`);
    return false;
  }
}

/** The policy for this run (--config, or found upward from the first path), or the errors to print. */
async function policyFor(args: ScanArgs, io: CliIo): Promise<LoadedPolicy | undefined | 'error'> {
  // Loaded on demand: validating a policy needs the rule catalogue and the scanner registry (the engine).
  const { findPolicy, loadPolicy } = await import('./policy-file');
  if (args.noConfig) return undefined;
  const found = args.config !== undefined
    ? { file: resolve(io.cwd, args.config), pyproject: /(^|[\\/])pyproject\.toml$/.test(args.config), shown: args.config }
    : await findPolicy(resolve(io.cwd, args.paths[0]!)).then((f) => f && { ...f, shown: relative(io.cwd, f.file) || f.file });
  if (!found) return undefined;
  const loaded = await loadPolicy(found.file, found.pyproject, found.shown);
  if ('errors' in loaded) {
    for (const e of loaded.errors) io.stderr.write(`modelgate: policy error: ${E.formatPolicyError(e)}\n`);
    return 'error';
  }
  return loaded;
}

/** The policy's values where the command line did not set them (the command line wins). */
function withPolicy(args: ScanArgs, loaded: LoadedPolicy | undefined): ScanArgs {
  if (!loaded) return args;
  const p = loaded.policy;
  const out: ScanArgs = { ...args, blacklist: [...args.blacklist, ...p.blacklist] };
  if (!args.explicit.has('timeout') && p.limits.timeout !== undefined) out.timeout = p.limits.timeout;
  if (!args.explicit.has('max-file-size') && p.limits.maxFileSize !== undefined) out.maxFileSize = p.limits.maxFileSize;
  if (!args.explicit.has('max-total-size') && p.limits.maxTotalSize !== undefined) out.maxTotalSize = p.limits.maxTotalSize;
  if (!args.explicit.has('stats-sample-bytes') && p.limits.statsSampleBytes !== undefined) out.statsSampleBytes = p.limits.statsSampleBytes;
  if (!args.explicit.has('select') && p.scanners.select) out.select = [...p.scanners.select];
  if (!args.explicit.has('exclude') && p.scanners.exclude) out.exclude = [...p.scanners.exclude];
  return out;
}

async function readBaseline(file: string, io: CliIo): Promise<ApplyOptions['baseline'] | 'error'> {
  try {
    const report = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')) as Pick<ScanReport, 'files'>;
    if (!Array.isArray(report?.files)) throw new Error('not a modelgate JSON report');
    return { source: file, fingerprints: E.baselineFingerprints(report) };
  } catch (e) {
    io.stderr.write(`modelgate: cannot use the baseline ${file}: ${e instanceof SyntaxError ? 'not JSON' : errText(e)}\n`);
    return 'error';
  }
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

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'serve') return (await import('./serve')).serve(argv.slice(1), io);
  if (argv[0] === 'rules') return (await import('./commands')).rules(argv.slice(1), io);
  if (argv[0] === 'merge') return (await import('./commands')).merge(argv.slice(1), io);
  const cmd = parseArgs(argv);
  if (cmd.kind === 'help') { io.stdout.write(USAGE); return 0; }
  if (cmd.kind === 'version') { io.stdout.write(`modelgate ${VERSION}\n`); return 0; }
  if (cmd.kind === 'usage-error') {
    io.stderr.write(`modelgate: ${cmd.message}\n\n${USAGE}`);
    return 2;
  }
  if (cmd.kind === 'list-scanners') return (await import('./commands')).listScanners(cmd.format, io);
  // From the bundle, scans run in worker threads a timeout can stop; from sources (tests), in-process.
  // The first thread starts now, loading the engine while this thread loads its own copy.
  const script = threadScript();
  const threads = script ? new ScanThreads(script) : undefined;
  threads?.warm();
  await loadEngine();
  const known = new Set(E.scannerIds());
  const unknownIds = [...cmd.args.select, ...cmd.args.exclude].filter((id) => !known.has(id));
  if (unknownIds.length > 0) {
    io.stderr.write(`modelgate: unknown scanner id ${unknownIds.map((x) => `"${x}"`).join(', ')} (modelgate scan --list-scanners lists them)\n`);
    return 2;
  }
  const loaded = await policyFor(cmd.args, io);
  if (loaded === 'error') return 2;
  const args = withPolicy(cmd.args, loaded);
  if (args.exclude.includes('weight-stats')) args.weightStats = false;
  // Scanner ids only: weight-stats is the optional pass, not a format scanner.
  args.select = args.select.filter((id) => id !== 'weight-stats');
  args.exclude = args.exclude.filter((id) => id !== 'weight-stats');
  const baseline = args.baseline !== undefined ? await readBaseline(args.baseline, io) : undefined;
  if (baseline === 'error') return 2;

  const startedAt = new Date();
  let entries = await collect(args.paths, io.cwd);
  if (args.shard) entries = entries.filter((e) => inShard(e.display, args.shard!));
  const absolute = new Map(entries.map((e) => [e.display, e.path]));
  const policyOptions: ApplyOptions = {
    today: E.todayUtc(startedAt), strict: args.strict || (loaded?.policy.strict ?? false),
    ...(loaded ? { policy: loaded.policy, relativePath: (p: string) => {
      const abs = absolute.get(p);
      return abs ? relative(loaded.root, abs).split(sep).join('/') : p;
    } } : {}),
    ...(baseline ? { baseline } : {}),
    ...(args.failOn ? { failOn: args.failOn } : {}),
  };
  let total = 0;
  let overLimit = false;
  const plan = entries.map((e) => {
    if (e.kind !== 'file') return e;
    if (args.maxTotalSize !== undefined) {
      overLimit ||= total + e.size > args.maxTotalSize;
      if (overLimit) return { entry: e, limited: true as const };
    }
    total += e.size;
    return e;
  });
  const showProgress = args.progress && !args.quiet && io.stderr.isTTY === true;
  const progress = new ProgressLine(showProgress ? io.stderr : undefined,
    plan.filter((p) => !('limited' in p) && p.kind === 'file').length, total);

  // --format jsonl: each file's report is written the moment it is done (policy marks applied), so a
  // long run can be followed and a crash loses nothing written so far.
  const jsonl = args.format === 'jsonl';
  const lines: string[] = [];
  const streamLine = async (f: FileReport) => {
    if (!jsonl) return;
    const judged = E.applyPolicy(E.scanReport([f], { startedAt: startedAt.toISOString(), durationMs: 0, options: {} }), policyOptions).files[0]!;
    const line = JSON.stringify(judged) + '\n';
    if (args.output === undefined) io.stdout.write(line); else lines.push(line);
  };

  const files = await pool(plan, concurrency(), async (p): Promise<FileReport> => {
    let r: FileReport;
    if ('limited' in p) r = notScannedReport(p.entry, args.maxTotalSize!);
    else if (p.kind === 'skip') r = E.errorReport(p.display, p.size, p.ruleId, p.reason);
    else {
      r = await scanFile(p, args, progress, (m) => {
        if (args.quiet) return;
        progress.clear();
        io.stderr.write(`modelgate: ${safe(m)}\n`);
      }, threads);
    }
    await streamLine(r);
    return r;
  }).finally(() => threads?.close());
  progress.clear();

  const options: Record<string, JsonValue> = {
    blacklist: args.blacklist, timeout: args.timeout, maxFileSize: args.maxFileSize ?? null,
    maxTotalSize: args.maxTotalSize ?? null, verbose: args.verbose, hash: args.hash, weightStats: args.weightStats,
    ...(args.statsSampleBytes !== undefined ? { statsSampleBytes: args.statsSampleBytes } : {}),
    ...(args.select.length > 0 ? { select: args.select } : {}),
    ...(args.exclude.length > 0 ? { exclude: args.exclude } : {}),
    ...(args.shard ? { shard: `${args.shard.index}/${args.shard.count}` } : {}),
  };
  const scanned = E.scanReport(files, { startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), options });
  const report = E.applyPolicy(scanned, policyOptions);
  if (files.length === 0) io.stderr.write(`modelgate: no files found under the given paths${args.shard ? ` in shard ${args.shard.index}/${args.shard.count}` : ''}\n`);
  for (const e of report.policy?.suppress ?? []) {
    if (e.expired && e.matched > 0) {
      io.stderr.write(`modelgate: ${report.policy!.source}${e.line !== undefined ? `:${e.line}` : ''}: the suppression of ${e.rule} expired on ${e.expires}; its ${e.matched} finding${e.matched === 1 ? '' : 's'} count again\n`);
    }
  }

  let text: string;
  if (jsonl) {
    const { files: _files, ...rest } = report;
    text = lines.join('') + JSON.stringify({ type: 'summary', ...rest }) + '\n';
  } else if (args.format === 'json') text = E.toJson(report);
  else if (args.format === 'sarif') text = E.toSarifJson(report);
  else if (args.format === 'github') {
    text = renderGithub(report);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) await appendFile(summaryFile, renderStepSummary(report)).catch((e) => io.stderr.write(`modelgate: cannot write the job summary: ${errText(e)}\n`));
  } else if (args.format === 'cyclonedx') text = (await import('./sbom')).toCycloneDxJson(report);
  else text = renderText(report, { color: args.output === undefined && useColor(io.stdout, io.env) }, { quiet: args.quiet, verbose: args.verbose });
  if (jsonl && args.output === undefined) io.stdout.write(text.slice(lines.join('').length));
  else if (!(await emit(text, args, io))) return 2;
  if (args.writeBaseline !== undefined && !(await writeTo(args.writeBaseline, E.toJson(report), io))) return 2;
  if (args.sbom !== undefined && !(await writeTo(args.sbom, (await import('./sbom')).toCycloneDxJson(report), io))) return 2;
  return report.exitCode;
}

/** Node entry: real argv and streams, and an exit that does not wait for lingering handles. */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `modelgate scan . | head` closes our stdout early: that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); });
  let code = 2;
  try {
    code = await main(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
  } catch (e) {
    process.stderr.write(`modelgate: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  }
  process.exitCode = code;
  // Exit once both streams have flushed what we wrote, even if some handle would keep Node alive.
  let pending = 2;
  const flushed = () => { if (--pending === 0) process.exit(code); };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

function isEntryPoint(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(resolve(argv1)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) void run();
