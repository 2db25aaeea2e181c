/// <reference types="vite/client" />
// ScanPool: N scan workers, one file per worker, FIFO queue. Cancel and timeout terminate the worker
// (the only way to stop code that is stuck in a loop) and start a fresh one; that file gets an error
// report and the others go on. A worker that crashes is replaced the same way.
import { proxy, wrap, type Remote } from 'comlink';
import { errorReport, type FileReport, type ScanOptions } from '../engine';
import type { ScanWorkerApi, WorkerProgress } from '../../workers/api';
import { createScanWorker } from './scan-worker';

export const DEFAULT_TIMEOUT_MS = 300_000;
/** More workers than this only add memory: scans are bound by disk reads, not by cores. */
const MAX_WORKERS = 8;

export interface PoolJob {
  id: string;
  file: File;
  /** Plain options (structured-clone safe; never a Svelte proxy). displayPath names the file. */
  options: ScanOptions;
  timeoutMs?: number;
}

export interface PoolEvents {
  onStart?(id: string): void;
  onProgress?(id: string, p: WorkerProgress): void;
  /** Called exactly once per job, whatever happens to it. */
  onDone(id: string, report: FileReport): void;
}

export function defaultPoolSize(): number {
  const cores = globalThis.navigator?.hardwareConcurrency || 2;
  return Math.min(MAX_WORKERS, Math.max(1, cores - 1));
}

export { createScanWorker };

interface Running {
  job: PoolJob;
  started: number;
  timer: ReturnType<typeof setTimeout>;
  /** Settles the job once; later calls are ignored. `replace` kills the worker and starts another. */
  finish(report: FileReport, replace: boolean): void;
}

interface Slot {
  worker: Worker;
  api: Remote<ScanWorkerApi>;
  running?: Running;
}

export class ScanPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: PoolJob[] = [];
  private disposed = false;

  constructor(private readonly events: PoolEvents, opts: { size?: number; createWorker?: () => Worker } = {}) {
    this.size = Math.min(MAX_WORKERS, Math.max(1, Math.floor(opts.size ?? defaultPoolSize())));
    this.createWorker = opts.createWorker ?? createScanWorker;
  }

  private readonly createWorker: () => Worker;

  /** Jobs waiting plus jobs running. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.running).length;
  }

  enqueue(...jobs: PoolJob[]): void {
    if (this.disposed) throw new Error('pool disposed');
    this.queue.push(...jobs);
    this.pump();
  }

  /**
   * Starts one idle worker ahead of the first file, so the first drop does not pay for loading and
   * compiling the worker's code before its verdict (seconds on a busy 2-core machine).
   */
  warm(): void {
    if (this.disposed || this.slots.length > 0) return;
    this.slots.push(this.newSlot());
  }

  /** Cancels one file: dequeued if waiting, its worker terminated if running. */
  cancel(id: string): void {
    const i = this.queue.findIndex((j) => j.id === id);
    if (i >= 0) {
      const [job] = this.queue.splice(i, 1);
      this.events.onDone(id, cancelled(job!, 0));
      return;
    }
    const slot = this.slots.find((s) => s.running?.job.id === id);
    const r = slot?.running;
    if (r) r.finish(cancelled(r.job, Date.now() - r.started), true);
  }

  cancelAll(): void {
    for (const job of this.queue.splice(0)) this.events.onDone(job.id, cancelled(job, 0));
    for (const slot of [...this.slots]) {
      const r = slot.running;
      if (r) r.finish(cancelled(r.job, Date.now() - r.started), true);
    }
  }

  dispose(): void {
    this.cancelAll();
    this.disposed = true;
    for (const slot of this.slots.splice(0)) slot.worker.terminate();
  }

  private newSlot(): Slot {
    const worker = this.createWorker();
    const slot: Slot = { worker, api: wrap<ScanWorkerApi>(worker) };
    const crash = (what: string) => {
      const r = slot.running;
      if (r) {
        r.finish(errorReport(pathOf(r.job), r.job.file.size, 'scan/internal-error',
          `The scan worker failed: ${what}`, Date.now() - r.started), true);
      } else {
        this.replace(slot); // an idle worker that died cannot be trusted with the next file
        this.pump();
      }
    };
    worker.addEventListener('error', (e) => { e.preventDefault(); crash(e.message || 'worker error'); });
    worker.addEventListener('messageerror', () => crash('a message could not be decoded'));
    return slot;
  }

  private replace(slot: Slot): void {
    slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      let slot = this.slots.find((s) => !s.running);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.newSlot();
        this.slots.push(slot);
      }
      this.run(slot, this.queue.shift()!);
    }
  }

  private run(slot: Slot, job: PoolJob): void {
    const started = Date.now();
    const timeoutMs = job.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let settled = false;
    const running: Running = {
      job, started,
      timer: setTimeout(() => {
        running.finish(errorReport(pathOf(job), job.file.size, 'scan/timeout',
          `The scan did not finish within ${formatSeconds(timeoutMs)}; the worker was stopped`, Date.now() - started), true);
      }, timeoutMs),
      finish: (report, replace) => {
        if (settled) return;
        settled = true;
        clearTimeout(running.timer);
        slot.running = undefined;
        if (replace) this.replace(slot);
        // A throwing UI callback must not stall the queue: the next file starts whatever onDone does.
        try {
          this.events.onDone(job.id, report);
        } finally {
          this.pump();
        }
      },
    };
    slot.running = running;
    this.events.onStart?.(job.id);
    const onProgress = proxy((p: WorkerProgress) => {
      if (!settled) this.events.onProgress?.(job.id, p);
    });
    slot.api.scan(job.file, job.options, onProgress).then(
      (report) => running.finish(report, false),
      (e: unknown) => running.finish(errorReport(pathOf(job), job.file.size, 'scan/internal-error',
        `The scan failed: ${e instanceof Error ? e.message : String(e)}`, Date.now() - started), true),
    );
  }
}

function pathOf(job: PoolJob): string {
  return job.options.displayPath ?? job.file.name;
}

function cancelled(job: PoolJob, durationMs: number): FileReport {
  return errorReport(pathOf(job), job.file.size, 'scan/cancelled', 'The scan was cancelled before it finished', durationMs);
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
