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
// a watchdog thread started with the scan ends the process, loudly, if the main thread is still stuck past
// the timeout and its grace. It loads nothing and waits on shared memory: ~16 ms of wall time on the
// quiet 2-core machine (the thread's own start), where a timer that started it later could never fire on
// a thread stuck from the beginning.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

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

/**
 * Arms the last-resort guard of an in-process scan: a thread that, if the scan has not finished
 * `deadlineMs` from now, writes why to stderr and kills the process (a hang on the main thread cannot be
 * interrupted any other way: no timer of ours can fire). Returns disarm.
 */
export function armWatchdog(display: string, deadlineMs: number): () => void {
  if (!(deadlineMs > 0)) return () => undefined;
  const done = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { done: done.buffer, waitMs: deadlineMs, message: watchdogMessage(display) } });
  worker.unref(); // it never keeps the process alive; process.exit ends it
  worker.on('error', () => undefined);
  return () => {
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    void worker.terminate().catch(() => 0);
  };
}

// The watchdog's whole program: it waits on shared memory, not on its event loop, so it needs nothing
// from the stuck main thread. SIGKILL because no handler on the main thread could run; the message says
// what happened, and the shell sees a non-zero exit, never a clean run.
export const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const done = new Int32Array(workerData.done);
if (Atomics.wait(done, 0, 0, workerData.waitMs) === 'timed-out' && Atomics.load(done, 0) === 0) {
  try { writeSync(2, workerData.message); } catch {}
  process.kill(process.pid, 'SIGKILL');
}
`;

/** What the watchdog writes before it kills the process. */
export function watchdogMessage(display: string): string {
  return `modelgate: ${JSON.stringify(display)}: the scan did not stop at its timeout and could not be interrupted; killing modelgate\n`;
}
