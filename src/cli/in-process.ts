// Issue 15, fast start: a run of one file scans it on the main thread, not in a scan thread. A scan
// thread costs more than scanning most files: it loads the engine a second time and the main thread
// waits for it (a 512 MiB torch.save scan: 0.42 s through a thread, 0.29 s here, `node -e 0` 0.10 s).
//
// What makes a scan thread necessary is code that no abort signal reaches: libhdf5 and 7-Zip run as
// synchronous WASM and a hostile file can loop inside them. Their scanners are marked `blocking`; with
// ScanOptions.refuseBlocking the engine throws NeedsIsolation before running one, and the file is scanned
// again from the start in a scan thread (scan-file.ts). Everything else in the engine is JavaScript that
// awaits its reads and polls the abort signal, so the per-file timeout still stops it here. For the case
// nobody has found (a JavaScript loop that never yields: 100,000 fuzzed inputs per format produced none),
// a watchdog thread ends the process, loudly and with exit code 2, if the main thread is still stuck past
// the timeout and its grace. It loads nothing and waits on shared memory; it must be running before the
// scan starts, since a timer that started it later could never fire on a thread stuck from the beginning.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The built thread script next to the CLI's entry (`entry`: main.ts's import.meta.url, which is
 * dist-cli/modelgate.js in the bundle); undefined from sources, where scans run in-process (tests).
 */
export function threadScript(entry: string): URL | undefined {
  const url = new URL('./scan-thread.js', entry);
  try {
    return existsSync(fileURLToPath(url)) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * With the SHA-256 on, a larger file scans in a thread: the hash then runs on this thread beside the
 * scan, where in-process they would take turns. Hashing 64 MiB costs about what a thread start does.
 */
export const IN_PROCESS_HASHED_MAX_BYTES = 64 * 1024 * 1024;

/** Whether `paths` name exactly one regular file that this run may scan on its main thread. */
export async function scansInProcess(paths: readonly string[], cwd: string, hashing: boolean): Promise<boolean> {
  if (paths.length !== 1) return false;
  try {
    const st = await stat(resolve(cwd, paths[0]!));
    return st.isFile() && (!hashing || st.size <= IN_PROCESS_HASHED_MAX_BYTES);
  } catch {
    return false; // the walk reports what is wrong with the path
  }
}

// The guard's thread starts as soon as main.ts knows the run is one file (prestartWatchdog), before the
// engine loads: its own start (a Node environment, ~15-25 ms of CPU) then runs on the other core while this
// thread compiles the engine, and it is waiting on shared memory, cheap to end, by the time the scan is
// done. Started beside the scan instead, it was still starting when the scan ended, and the process waited
// for it: a 512 MiB torch.save scan, 0.321 → 0.309 s (farm-bench, 41 runs each, same run; 0.285 s without
// any guard).

/**
 * The watchdog thread's shared memory: Int32 [state, deadline ms, message length, 0 (waited on for the
 * exit grace)], then the message bytes. States: IDLE until armed, ARMED, ENDED. MESSAGE_BYTES bounds
 * what the thread writes before it ends the process (the file's display name is clipped to fit).
 */
export const WATCHDOG_LAYOUT = { IDLE: 0, ARMED: 1, ENDED: 2, MESSAGE_OFFSET: 16, MESSAGE_BYTES: 4096 } as const;
const { IDLE, ARMED, ENDED, MESSAGE_OFFSET, MESSAGE_BYTES } = WATCHDOG_LAYOUT;

interface Watchdog { arm(display: string, deadlineMs: number): () => void; end(): void }

/** The thread prestartWatchdog started and nothing has armed yet. */
let prestarted: Watchdog | undefined;

/** Starts the guard's thread now, unarmed, for the one in-process scan armWatchdog will arm later. */
export function prestartWatchdog(): void {
  prestarted ??= startWatchdog();
}

/** Ends a prestarted thread nothing armed (the run went to scan threads after all). */
export function endPrestartedWatchdog(): void {
  prestarted?.end();
  prestarted = undefined;
}

/**
 * Where the main thread finds what to do before it exits for the watchdog (EXIT_EXPRESSION): a global,
 * since the expression runs in the main thread's context with none of this module's bindings.
 */
const LAST_WORDS = Symbol.for('modelgate.watchdog.lastWords');
type WithLastWords = { [LAST_WORDS]?: () => void };

/**
 * Arms the last-resort guard of an in-process scan: a thread that, if the scan has not finished
 * `deadlineMs` from now, writes why to stderr and ends the process with exit code 2 (a hang on the main
 * thread cannot be interrupted any other way: no timer of ours can fire). `lastWords` runs first, on the
 * main thread inside the hang, so it must be synchronous (the run's report). Returns disarm.
 */
export function armWatchdog(display: string, deadlineMs: number, lastWords?: () => void): () => void {
  if (!(deadlineMs > 0)) return () => undefined;
  const watchdog = prestarted ?? startWatchdog();
  prestarted = undefined;
  const g = globalThis as WithLastWords;
  if (lastWords) g[LAST_WORDS] = lastWords;
  const end = watchdog.arm(display, deadlineMs);
  return () => {
    if (g[LAST_WORDS] === lastWords) delete g[LAST_WORDS];
    end();
  };
}

function startWatchdog(): Watchdog {
  const shared = new SharedArrayBuffer(MESSAGE_OFFSET + MESSAGE_BYTES);
  const state = new Int32Array(shared, 0, 4);
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: shared });
  worker.unref(); // it never keeps the process alive; process.exit ends it
  worker.on('error', () => undefined);
  const end = () => {
    Atomics.store(state, 0, ENDED);
    Atomics.notify(state, 0);
    void worker.terminate().catch(() => 0);
  };
  return {
    arm(display, deadlineMs) {
      const message = new TextEncoder().encodeInto(watchdogMessage(display), new Uint8Array(shared, MESSAGE_OFFSET));
      state[1] = Math.min(deadlineMs, 2 ** 31 - 1);
      state[2] = message.written;
      Atomics.store(state, 0, ARMED);
      Atomics.notify(state, 0);
      return end;
    },
    end,
  };
}

/**
 * What the watchdog has the stuck main thread run: its last words (armWatchdog), then exit 2 ("incomplete
 * scans", as a per-file timeout in a scan thread ends), stderr closed first so Node's own "Waiting for
 * the debugger to disconnect..." (it prints that when a process exits with an inspector session open)
 * does not follow the message.
 */
const EXIT_EXPRESSION = `(() => { try { globalThis[Symbol.for(${JSON.stringify(LAST_WORDS.description)})]?.(); } catch {}`
  + ' try { process.getBuiltinModule("node:fs").closeSync(2); } catch {} process.exit(2); })()';
/** How long the main thread has to run EXIT_EXPRESSION before the process is killed instead. */
export const WATCHDOG_EXIT_GRACE_MS = 2000;

// The watchdog's whole program: it waits on shared memory, not on its event loop, so it needs nothing
// from the stuck main thread. Idle until armed (or ended), then the deadline. Past it, it writes the
// message, then makes the main thread itself exit 2: process.exit in a thread ends only that thread, and a
// signal handler needs the stuck thread's event loop, but an inspector session on the main thread
// (inspector.Session.connectToMainThread) is served by V8 interrupts, which a running loop of JavaScript
// or WebAssembly takes at its next stack check, so Runtime.evaluate runs EXIT_EXPRESSION there. A main
// thread inside one native call takes no interrupt: past WATCHDOG_EXIT_GRACE_MS, or with no inspector in
// this Node build, SIGKILL (137). Either way the shell sees a non-zero exit, never a clean run. (States
// and layout: WATCHDOG_LAYOUT above.)
export const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const state = new Int32Array(workerData, 0, 4);
Atomics.wait(state, 0, ${IDLE});
if (Atomics.load(state, 0) === ${ARMED} && Atomics.wait(state, 0, ${ARMED}, state[1]) === 'timed-out' && Atomics.load(state, 0) === ${ARMED}) {
  try { writeSync(2, new Uint8Array(workerData, ${MESSAGE_OFFSET}, state[2]).slice()); } catch {}
  try {
    const session = new (require('node:inspector').Session)();
    session.connectToMainThread();
    session.post('Runtime.evaluate', { expression: ${JSON.stringify(EXIT_EXPRESSION)} });
    Atomics.wait(state, 3, 0, ${WATCHDOG_EXIT_GRACE_MS}); // slot 3 is never set: the whole grace
  } catch {}
  process.kill(process.pid, 'SIGKILL');
}
`;

/** What the watchdog writes before it ends the process (the name clipped to the shared message space). */
export function watchdogMessage(display: string): string {
  const name = display.length > 1024 ? `${display.slice(0, 512)}…${display.slice(-256)}` : display;
  return `modelgate: ${JSON.stringify(name)}: the scan did not stop at its timeout and could not be interrupted; ending modelgate (exit 2)\n`;
}
