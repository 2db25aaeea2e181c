// modelgate CLI: `modelgate scan [options] PATH...`. main() takes argv and writers and returns the exit
// code, so tests run it in-process; run() is the Node entry that wires it to the real process.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../engine/version';
import { USAGE, parseArgs, type ScanArgs } from './args';
import { loadEngine } from './engine';
import { endPrestartedWatchdog, prestartWatchdog, scansInProcess, threadScript } from './in-process';
import type { ScanThreads } from './threads';

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

export { useColor } from './output-text';

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
  // A run of one file scans it on this thread first (in-process.ts: a thread's start costs more than
  // most scans), and its watchdog thread starts now, before the engine loads; otherwise the first scan
  // thread starts now, loading the scanners while this thread loads the host half (issue 15). threads.ts
  // loads only here: --help and --version never pay for it.
  const script = threadScript(import.meta.url);
  const inProcessFirst = script !== undefined && await scansInProcess(cmd.args.paths, io.cwd, cmd.args.hash);
  if (inProcessFirst && cmd.args.timeout > 0) prestartWatchdog();
  const { ScanThreads } = await import('./threads');
  const threads = script ? new ScanThreads(script) : undefined;
  if (!inProcessFirst) threads?.warm();
  try {
    return await scanCommand(cmd.args, io, threads, inProcessFirst);
  } finally {
    endPrestartedWatchdog(); // a policy that turned the timeout off never armed it
    await threads?.close();
  }
}

async function scanCommand(scanArgs: ScanArgs, io: CliIo, threads: ScanThreads | undefined, inProcessFirst: boolean): Promise<number> {
  const E = await loadEngine();
  const known = new Set(E.scannerIds());
  const unknownIds = [...scanArgs.select, ...scanArgs.exclude].filter((id) => !known.has(id));
  if (unknownIds.length > 0) {
    io.stderr.write(`modelgate: unknown scanner id ${unknownIds.map((x) => `"${x}"`).join(', ')} (modelgate scan --list-scanners lists them)\n`);
    return 2;
  }
  const { policyFor, readBaseline, withPolicy } = await import('./scan-policy');
  const loaded = await policyFor(scanArgs, io);
  if (loaded === 'error') return 2;
  const args = withPolicy(scanArgs, loaded);
  if (args.exclude.includes('weight-stats')) args.weightStats = false;
  // Scanner ids only: weight-stats is the optional pass, not a format scanner.
  args.select = args.select.filter((id) => id !== 'weight-stats');
  args.exclude = args.exclude.filter((id) => id !== 'weight-stats');
  const baseline = args.baseline !== undefined ? await readBaseline(args.baseline, io) : undefined;
  if (baseline === 'error') return 2;
  return (await import('./scan')).runScan(args, loaded, baseline, io, threads, inProcessFirst);
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
