// HashQueue: SHA-256 of the session's files, one file at a time, FIFO. The scan pool returns a file's
// report as soon as the engine is done; the hash fills in after (App.svelte puts it on the report). One
// hash at a time, not one per scan worker: SHA-256 is sequential within a file and bound by one core.
// That hash runs on two instances of the hash worker: one reads the file, the other only hashes
// (workers/hash-relay.ts: ~+13% measured, the hashing thread then runs at hash-wasm's own rate).
// Cancel terminates both (the only way to stop a hash in the middle) and the next file starts afresh.
import { proxy, transfer, wrap } from 'comlink';
import type { HashWorkerApi } from '../../workers/api';
import { createHashWorker } from './hash-worker';

export type HashStatus = 'queued' | 'hashing' | 'done' | 'failed' | 'cancelled';

export interface HashEvents {
  onStart?(id: string): void;
  onProgress?(id: string, bytesHashed: number): void;
  /** Called exactly once per job: the hex digest when done, undefined when failed or cancelled. */
  onDone(id: string, sha256: string | undefined, status: Exclude<HashStatus, 'queued' | 'hashing'>): void;
}

/** What the queue needs of a hash worker; tests pass one that hashes in-process. */
export interface Hasher {
  sha256(file: Blob, onProgress: (bytesHashed: number) => void): Promise<string>;
  terminate(): void;
}

/** The real hasher: two workers/hash.worker.ts over Comlink, a reader and a hasher joined by a MessageChannel. */
export function workerHasher(): Hasher {
  let fail: ((e: Error) => void) | undefined;
  const crashed = new Promise<never>((_, reject) => { fail = reject; });
  crashed.catch(() => {});
  const start = () => {
    const worker = createHashWorker();
    worker.addEventListener('error', (e) => { e.preventDefault(); fail?.(new Error(e.message || 'hash worker error')); });
    return { worker, api: wrap<HashWorkerApi>(worker) };
  };
  const hashing = start();
  const reading = typeof MessageChannel === 'function' ? start() : undefined;
  return {
    sha256(file, onProgress) {
      if (!reading) return Promise.race([hashing.api.sha256(file, proxy(onProgress)), crashed]);
      const { port1, port2 } = new MessageChannel();
      const hex = hashing.api.sha256From(file.size, transfer(port2, [port2]), proxy(onProgress));
      const read = reading.api.readTo(file, transfer(port1, [port1]));
      // A read error reaches the hashing side too; whichever rejects first fails the hash.
      return Promise.race([hex, read.then(() => hex), crashed]);
    },
    terminate() {
      hashing.worker.terminate();
      reading?.worker.terminate();
    },
  };
}

interface Job { id: string; file: Blob }

export class HashQueue {
  private readonly queue: Job[] = [];
  private running?: { job: Job; settle(sha256: string | undefined, status: 'done' | 'failed' | 'cancelled'): void };
  private hasher?: Hasher;
  private readonly waiters = new Set<() => void>();
  private disposed = false;

  constructor(private readonly events: HashEvents, private readonly createHasher: () => Hasher = workerHasher) {}

  /** Files waiting plus the one being hashed. */
  get pending(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  enqueue(id: string, file: Blob): void {
    if (this.disposed) throw new Error('hash queue disposed');
    this.queue.push({ id, file });
    this.pump();
  }

  /** Stops one file's hash: dequeued if waiting, its worker terminated if running. */
  cancel(id: string): void {
    const i = this.queue.findIndex((j) => j.id === id);
    if (i >= 0) {
      this.queue.splice(i, 1);
      this.events.onDone(id, undefined, 'cancelled');
      this.wake();
      return;
    }
    if (this.running?.job.id === id) this.running.settle(undefined, 'cancelled');
  }

  cancelAll(): void {
    for (const job of this.queue.splice(0)) this.events.onDone(job.id, undefined, 'cancelled');
    this.running?.settle(undefined, 'cancelled');
    this.wake();
  }

  /** Resolves once nothing is queued or running (at once if idle). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  dispose(): void {
    this.cancelAll();
    this.disposed = true;
    this.hasher?.terminate();
    this.hasher = undefined;
  }

  private wake(): void {
    if (this.pending > 0) return;
    for (const w of [...this.waiters]) w();
    this.waiters.clear();
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) { this.wake(); return; }
    const hasher = this.hasher ??= this.createHasher();
    let settled = false;
    this.running = {
      job,
      settle: (sha256, status) => {
        if (settled) return;
        settled = true;
        this.running = undefined;
        // A stopped or failed worker cannot be trusted with the next file: start a fresh one.
        if (status !== 'done') { hasher.terminate(); if (this.hasher === hasher) this.hasher = undefined; }
        try {
          this.events.onDone(job.id, sha256, status);
        } finally {
          this.pump();
        }
      },
    };
    this.events.onStart?.(job.id);
    const running = this.running;
    hasher.sha256(job.file, (b) => { if (!settled) this.events.onProgress?.(job.id, b); }).then(
      (hex) => running.settle(hex, 'done'),
      () => running.settle(undefined, 'failed'),
    );
  }
}
