// modelgate CLI: `modelgate scan [options] PATH...`. main() takes argv and writers and returns the exit
// code, so tests run it in-process; run() is the Node entry that wires it to the real process.
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileReport, JsonValue, ScanOptions } from '../engine';
import { VERSION } from '../engine/version';
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
    const options: ScanOptions = { blacklist: args.blacklist, verbose: args.verbose, displayPath: entry.display, weightStats: args.weightStats };
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
  const options: ScanOptions = { blacklist: args.blacklist, verbose: args.verbose, displayPath: entry.display, weightStats: args.weightStats };
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

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const cmd = parseArgs(argv);
  if (cmd.kind === 'help') { io.stdout.write(USAGE); return 0; }
  if (cmd.kind === 'version') { io.stdout.write(`modelgate ${VERSION}\n`); return 0; }
  if (cmd.kind === 'usage-error') {
    io.stderr.write(`modelgate: ${cmd.message}\n\n${USAGE}`);
    return 2;
  }
  const args = cmd.args;
  await loadEngine();

  const startedAt = new Date();
  const entries = await collect(args.paths, io.cwd);
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

  // From the bundle, scans run in worker threads a timeout can stop; from sources (tests), in-process.
  const script = threadScript();
  const threads = script ? new ScanThreads(script) : undefined;
  const files = await pool(plan, concurrency(), async (p): Promise<FileReport> => {
    if ('limited' in p) return notScannedReport(p.entry, args.maxTotalSize!);
    if (p.kind === 'skip') return E.errorReport(p.display, p.size, p.ruleId, p.reason);
    return scanFile(p, args, progress, (m) => {
      if (args.quiet) return;
      progress.clear();
      io.stderr.write(`modelgate: ${safe(m)}\n`);
    }, threads);
  }).finally(() => threads?.close());
  progress.clear();

  const options: Record<string, JsonValue> = {
    blacklist: args.blacklist, timeout: args.timeout, maxFileSize: args.maxFileSize ?? null,
    maxTotalSize: args.maxTotalSize ?? null, verbose: args.verbose, hash: args.hash, weightStats: args.weightStats,
    ...(args.statsSampleBytes !== undefined ? { statsSampleBytes: args.statsSampleBytes } : {}),
  };
  const report = E.scanReport(files, { startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), options });
  if (files.length === 0) io.stderr.write('modelgate: no files found under the given paths\n');

  const text = args.format === 'json' ? E.toJson(report)
    : args.format === 'sarif' ? E.toSarifJson(report)
    : renderText(report, { color: args.output === undefined && useColor(io.stdout, io.env) }, { quiet: args.quiet, verbose: args.verbose });
  if (!(await emit(text, args, io))) return 2;
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
