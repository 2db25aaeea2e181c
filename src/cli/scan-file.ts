// Scanning one file: in a worker thread from the built CLI (a timeout can stop it), in-process from
// sources (tests) and for a run of one file (in-process.ts); the SHA-256 read beside the scan; a timeout
// or an unreadable file is an error report.
import type { FileReport, ScanOptions } from '../engine';
import type { ScanArgs } from './args';
import { engine as E, errText, loadScanning } from './engine';
import { sha256File } from './hash';
import { armWatchdog } from './in-process';
import { fromNodeFile } from './node-source';
import type { ProgressLine } from './progress';
import type { ScanThreads } from './threads';
import type { Entry } from './walk';

/** After the per-file timeout fires, how long the engine gets to notice it before we give up on it. */
const TIMEOUT_GRACE_MS = 5_000;

/** A file left out because the files before it used up --max-total-size. */
export function notScannedReport(entry: Entry, limit: number): FileReport {
  const message = `Not scanned: the files before it already add up to the total size limit of ${limit} bytes`;
  return E().fileReport({
    path: entry.display, size: entry.size, durationMs: 0, verbose: false,
    findings: [{ ruleId: 'scan/limit-reached', severity: E().RULES['scan/limit-reached'].severity, message,
      location: { path: [entry.display] } }],
    nodes: [{ path: [entry.display], format: 'unknown', size: entry.size, status: 'skipped', error: message }],
  });
}

function scanOptions(args: ScanArgs, display: string): ScanOptions {
  const options: ScanOptions = { blacklist: args.blacklist, verbose: args.verbose, displayPath: display, weightStats: args.weightStats };
  if (args.select.length > 0 || args.exclude.length > 0) options.scanners = { select: args.select, exclude: args.exclude };
  if (args.maxFileSize !== undefined) options.maxFileSize = args.maxFileSize;
  if (args.statsSampleBytes !== undefined) options.statsSampleBytes = args.statsSampleBytes;
  return options;
}

/**
 * `inProcessFirst` (a run of one file, in-process.ts): scan on this thread, and go to a scan thread only
 * if the file needs a scanner that cannot be interrupted. Without `threads` (from sources: tests) every
 * scan is in-process and nothing is refused. `lastWords`: what the watchdog has this thread do with the
 * file's timeout report if the scan hangs here (synchronously, before the process exits 2).
 */
export async function scanFile(entry: Extract<Entry, { kind: 'file' }>, args: ScanArgs, progress: ProgressLine,
  warn: (message: string) => void, threads: ScanThreads | undefined, inProcessFirst = false,
  lastWords?: (stuck: FileReport) => void): Promise<FileReport> {
  if (threads && !inProcessFirst) return scanFileInThread(entry, args, progress, warn, threads);
  const report = await scanFileHere(entry, args, progress, warn, threads !== undefined, lastWords);
  return report === NEEDS_THREAD ? scanFileInThread(entry, args, progress, warn, threads!) : report;
}

/** scanFileHere's answer when the engine refused the file (NeedsIsolation): scan it in a thread. */
const NEEDS_THREAD: unique symbol = Symbol('needs a scan thread');

async function scanFileHere(entry: Extract<Entry, { kind: 'file' }>, args: ScanArgs, progress: ProgressLine,
  warn: (message: string) => void, refuseBlocking: boolean, lastWords?: (stuck: FileReport) => void): Promise<FileReport | typeof NEEDS_THREAD> {
  const started = Date.now();
  let source;
  try {
    source = await fromNodeFile(entry.path, entry.display);
  } catch (e) {
    progress.fileDone(entry.display, entry.size);
    return E().errorReport(entry.display, entry.size, 'scan/unreadable', `The file could not be read (${errText(e)})`);
  }
  const signal: { aborted: boolean; reason?: unknown } = { aborted: false };
  const timers: NodeJS.Timeout[] = [];
  let escalated = false;
  const timedOut = () => E().errorReport(entry.display, source.size, 'scan/timeout',
    `The scan did not finish within the ${args.timeout} s timeout`, Date.now() - started);
  const disarm = refuseBlocking && args.timeout > 0
    ? armWatchdog(entry.display, args.timeout * 1000 + TIMEOUT_GRACE_MS, lastWords && (() => lastWords(timedOut())))
    : () => undefined;
  try {
    const options = scanOptions(args, entry.display);
    if (refuseBlocking) options.refuseBlocking = true;
    const skipped = args.maxFileSize !== undefined && source.size > args.maxFileSize;
    const scanned: Promise<FileReport | typeof NEEDS_THREAD> = loadScanning().then((engine) => engine.scan(source, options, { signal, onProgress: (p) => progress.update(entry.display, p.bytesRead) })
      .catch((e: unknown): typeof NEEDS_THREAD => {
        if (!(e instanceof engine.NeedsIsolation)) throw e;
        signal.aborted = true; // stops the hash: the thread's scan hashes the file itself
        return NEEDS_THREAD;
      }));
    const work = Promise.all([
      scanned,
      // The hash reads the whole file; a read error there must not lose the findings.
      skipped || !args.hash ? undefined : sha256File(source, (n) => progress.update(entry.display, n), signal).catch(() => undefined),
    ]);
    const outcome: [FileReport | typeof NEEDS_THREAD, string | undefined] | 'stuck' = await (args.timeout > 0
      ? Promise.race([work, new Promise<'stuck'>((done) => {
        const ms = args.timeout * 1000;
        timers.push(setTimeout(() => { signal.aborted = true; signal.reason = 'timeout'; }, ms));
        timers.push(setTimeout(() => done('stuck'), ms + TIMEOUT_GRACE_MS));
      })])
      : work);
    if (outcome === 'stuck') return timedOut();
    const [report, sha256] = outcome;
    if (report === NEEDS_THREAD) { escalated = true; return NEEDS_THREAD; }
    return withHash(report, sha256, !skipped && args.hash && signal.aborted, entry, args, warn);
  } finally {
    disarm();
    for (const t of timers) clearTimeout(t);
    if (!escalated) progress.fileDone(entry.display, entry.size);
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
      return E().errorReport(entry.display, entry.size, 'scan/timeout',
        `The scan did not finish within the ${args.timeout} s timeout (its thread was stopped)`, Date.now() - started);
    }
    if ('error' in outcome) {
      return E().errorReport(entry.display, entry.size, 'scan/unreadable', `The file could not be scanned (${outcome.code ? errText(outcome) : outcome.error})`);
    }
    return withHash(outcome.report, sha256, !skipped && args.hash && hashSignal.aborted, entry, args, warn);
  } finally {
    if (hashTimer) clearTimeout(hashTimer);
    progress.fileDone(entry.display, entry.size);
    await hashSource?.close().catch(() => undefined);
  }
}

