// Issue 15, fast start: a run of one file scans it on the main thread, not in a scan thread. Starting a
// Node worker costs more than scanning most files (measured on the 2-core machine: an empty Node 20
// worker adds 0.05-0.09 s of wall time; a 512 MiB torch.save checkpoint needs ~0.1 s of scanning).
//
// What makes a scan thread necessary is code that no abort signal reaches: libhdf5 and 7-Zip run as
// synchronous WASM and a hostile file can loop inside them. Their scanners are marked `blocking`; with
// ScanOptions.refuseBlocking the engine throws NeedsIsolation before running one, and the file is scanned
// again from the start in a scan thread (scan-file.ts). Everything else in the engine is JavaScript that
// awaits its reads and polls the abort signal, so the per-file timeout still stops it here. For the case
// nobody has found (a JavaScript loop that never yields: 100,000 fuzzed inputs per format produced none),
// a scan still running after WATCHDOG_AFTER_MS starts a watchdog thread that ends the process, loudly, if
// the main thread is still stuck past the timeout and its grace.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * With the SHA-256 on, a larger file scans in a thread: the hash then runs on this thread beside the
 * scan, where in-process they would take turns. Hashing 64 MiB costs about what a thread start does.
 */
export const IN_PROCESS_HASHED_MAX_BYTES = 64 * 1024 * 1024;

/** A scan on the main thread that has not finished by then gets a watchdog thread (see above). */
export const WATCHDOG_AFTER_MS = 1_000;

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
 * Arms the last-resort guard of an in-process scan: after WATCHDOG_AFTER_MS a thread starts that, if the
 * scan has not finished `deadlineMs` after arming, writes why to stderr and kills the process (a hang
 * on the main thread cannot be interrupted any other way: no timer of ours can fire). Returns disarm.
 */
export function armWatchdog(display: string, deadlineMs: number, afterMs = WATCHDOG_AFTER_MS): () => void {
  if (!(deadlineMs > 0)) return () => undefined;
  const armedAt = Date.now();
  const done = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker | undefined;
  const start = setTimeout(() => {
    const waitMs = Math.max(1, deadlineMs - (Date.now() - armedAt));
    worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { done: done.buffer, waitMs, message: watchdogMessage(display) } });
    worker.unref();
    worker.on('error', () => undefined);
  }, Math.min(afterMs, deadlineMs));
  start.unref();
  return () => {
    clearTimeout(start);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    void worker?.terminate().catch(() => 0);
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
