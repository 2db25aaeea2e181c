// The main thread's pool of scan threads (scan-thread.ts). A scan that outlives its timeout is
// stopped by terminating its thread; the next file gets a fresh one. Used only from the built CLI
// (dist-cli/scan-thread.js next to modelgate.js); from sources (tests) main.ts scans in-process.
import { Worker } from 'node:worker_threads';
import type { FileReport, ScanOptions } from '../engine';
import type { ThreadReply, ThreadRequest } from './scan-thread';

export type ThreadOutcome = { report: FileReport } | { error: string; code?: string } | 'stuck';

export { threadScript } from './in-process';

export class ScanThreads {
  private idle: Worker[] = [];
  private all = new Set<Worker>();
  private nextId = 0;

  constructor(private readonly script: URL) {}

  /**
   * Scans one file in a thread. At `timeoutMs` the engine is asked to stop (it returns an incomplete
   * report); at `timeoutMs + graceMs` the thread is terminated and the outcome is 'stuck'.
   */
  run(path: string, display: string, options: ScanOptions, timeoutMs: number, graceMs: number,
    onProgress: (bytes: number) => void): Promise<ThreadOutcome> {
    const worker = this.idle.pop() ?? this.spawn();
    worker.ref(); // a pending scan keeps the process alive; an idle thread does not
    const id = this.nextId++;
    return new Promise<ThreadOutcome>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: ThreadOutcome, reusable: boolean) => {
        if (timer) clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (reusable) { worker.unref(); this.idle.push(worker); } else this.kill(worker);
        resolve(outcome);
      };
      const onMessage = (m: ThreadReply) => {
        if (m.id !== id) return;
        if ('progress' in m) onProgress(m.progress);
        else if ('report' in m) finish({ report: m.report }, true);
        else finish({ error: m.error, code: m.code }, true);
      };
      const onError = (e: Error) => finish({ error: `scan thread failed: ${e.message}` }, false);
      const onExit = (code: number) => finish({ error: `scan thread exited (${code})` }, false);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      if (timeoutMs > 0) timer = setTimeout(() => finish('stuck', false), timeoutMs + graceMs);
      worker.postMessage({ id, path, display, options, timeoutMs } satisfies ThreadRequest);
    });
  }

  /**
   * Starts one thread ahead of the first scan (issue 15, fast start): its start-up, which loads the
   * engine, overlaps the main thread's own instead of following it. Idle, it keeps nothing alive.
   */
  warm(): void {
    if (this.all.size) return;
    const w = this.spawn();
    w.on('error', () => undefined);           // a thread that fails while idle is dropped, not thrown
    w.once('exit', () => { this.idle = this.idle.filter((x) => x !== w); this.all.delete(w); });
    this.idle.push(w);
  }

  async close(): Promise<void> {
    await Promise.all([...this.all].map((w) => w.terminate().catch(() => 0)));
    this.all.clear();
    this.idle = [];
  }

  private spawn(): Worker {
    const w = new Worker(this.script);
    w.unref(); // an idle thread must not keep the process alive
    this.all.add(w);
    return w;
  }

  private kill(w: Worker): void {
    this.all.delete(w);
    void w.terminate().catch(() => 0);
  }
}
