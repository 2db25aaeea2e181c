// ScanPool against in-process fake workers (Comlink over an EventTarget pair): FIFO order, one file
// per worker, timeout and crash terminate and replace the worker, cancel one or all.
import { describe, expect, it } from 'vitest';
import { expose } from 'comlink';
import type { FileReport, ScanOptions } from '../../src/engine';
import { ScanPool, type PoolJob } from '../../src/app/pool';
import type { ProgressCallback, ScanWorkerApi } from '../../workers/api';

type Behaviour = (file: File, opts: ScanOptions, onProgress: ProgressCallback) => Promise<FileReport>;

/** A Worker look-alike: messages go to an in-process Comlink endpoint until terminate(). */
class FakeWorker extends EventTarget {
  terminated = false;
  readonly inner = new EventTarget() as EventTarget & { postMessage(data: unknown): void };
  constructor(api: ScanWorkerApi) {
    super();
    this.inner.postMessage = (data: unknown) => setTimeout(() => {
      if (!this.terminated) this.dispatchEvent(Object.assign(new Event('message'), { data }));
    });
    expose(api, this.inner as never);
  }
  postMessage(data: unknown): void {
    setTimeout(() => {
      if (!this.terminated) this.inner.dispatchEvent(Object.assign(new Event('message'), { data }));
    });
  }
  terminate(): void { this.terminated = true; }
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

function ok(path: string, size: number): FileReport {
  return { path, size, format: 'unknown', status: 'clean', complete: true, findings: [],
    nodes: [{ path: [path], format: 'unknown', size, status: 'scanned' }], durationMs: 1 };
}

const never = () => new Promise<FileReport>(() => {});

function harness(size: number, behaviour: (name: string) => Behaviour) {
  const workers: FakeWorker[] = [];
  const order: string[] = [];
  const done = new Map<string, FileReport>();
  let wake: () => void = () => {};
  const pool = new ScanPool({
    onStart: (id) => order.push(id),
    onDone: (id, r) => { done.set(id, r); wake(); },
  }, {
    size,
    createWorker: () => {
      const w = new FakeWorker({ scan: (file, opts, cb) => behaviour(file.name)(file, opts, cb) });
      workers.push(w);
      return w as unknown as Worker;
    },
  });
  const until = (n: number) => new Promise<void>((resolve) => {
    wake = () => { if (done.size >= n) resolve(); };
    wake();
  });
  const job = (id: string, name: string, timeoutMs?: number): PoolJob =>
    ({ id, file: new File([new Uint8Array(3)], name), options: { displayPath: name }, timeoutMs });
  return { pool, workers, order, done, until, job };
}

describe('ScanPool', () => {
  it('scans FIFO with one file per worker and reuses healthy workers', async () => {
    const h = harness(2, (name) => async () => ok(name, 3));
    h.pool.enqueue(h.job('a', 'a.bin'), h.job('b', 'b.bin'), h.job('c', 'c.bin'), h.job('d', 'd.bin'));
    await h.until(4);
    expect(h.order).toEqual(['a', 'b', 'c', 'd']);
    expect(h.workers).toHaveLength(2);
    expect([...h.done.values()].every((r) => r.status === 'clean')).toBe(true);
  });

  it('a hung file times out with scan/timeout, its worker is replaced, and the next file still runs', async () => {
    const h = harness(1, (name) => (name === 'hang.bin' ? never : async () => ok(name, 3)));
    h.pool.enqueue(h.job('hang', 'hang.bin', 50), h.job('next', 'next.bin', 5_000));
    await h.until(2);
    const r = h.done.get('hang')!;
    expect(r.status).toBe('error');
    expect(r.complete).toBe(false);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['scan/timeout']);
    expect(h.workers[0]!.terminated).toBe(true);
    expect(h.workers).toHaveLength(2);
    expect(h.done.get('next')!.status).toBe('clean');
  });

  it('a crashed worker gives its file scan/internal-error while the other worker finishes', async () => {
    const h = harness(2, (name) => (name === 'boom.bin' ? never : async () => {
      await new Promise((r) => setTimeout(r, 30));
      return ok(name, 3);
    }));
    h.pool.enqueue(h.job('boom', 'boom.bin'), h.job('fine', 'fine.bin'));
    await new Promise((r) => setTimeout(r, 10));
    h.workers[0]!.crash('out of memory');
    await h.until(2);
    expect(h.done.get('boom')!.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['scan/internal-error', 'The scan worker failed: out of memory']]);
    expect(h.workers[0]!.terminated).toBe(true);
    expect(h.done.get('fine')!.status).toBe('clean');
  });

  it('a worker that throws gives scan/internal-error instead of hanging the queue', async () => {
    const h = harness(1, (name) => async () => { if (name === 'bad.bin') throw new Error('bad slice'); return ok(name, 3); });
    h.pool.enqueue(h.job('bad', 'bad.bin'), h.job('good', 'good.bin'));
    await h.until(2);
    expect(h.done.get('bad')!.findings[0]!.ruleId).toBe('scan/internal-error');
    expect(h.done.get('good')!.status).toBe('clean');
  });

  it('cancels one running file, then all: each gets scan/cancelled exactly once', async () => {
    const h = harness(1, () => never);
    h.pool.enqueue(h.job('a', 'a.bin'), h.job('b', 'b.bin'), h.job('c', 'c.bin'));
    h.pool.cancel('a');
    expect(h.done.get('a')!.findings[0]!.ruleId).toBe('scan/cancelled');
    expect(h.workers[0]!.terminated).toBe(true);
    h.pool.cancelAll();
    await h.until(3);
    expect([...h.done.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect([...h.done.values()].every((r) => r.findings[0]!.ruleId === 'scan/cancelled')).toBe(true);
    expect(h.pool.pending).toBe(0);
  });

  it('warm() starts one idle worker before any file, and the first file runs on it', async () => {
    const h = harness(2, (name) => async () => ok(name, 3));
    h.pool.warm();
    h.pool.warm();
    expect(h.workers).toHaveLength(1);
    h.pool.enqueue(h.job('a', 'a.bin'));
    await h.until(1);
    expect(h.workers).toHaveLength(1);
    expect(h.done.get('a')!.status).toBe('clean');
  });

  it('relays worker progress to the page through the proxied callback', async () => {
    const seen: number[] = [];
    const workers: FakeWorker[] = [];
    const finished = new Promise<void>((resolve) => {
      const pool = new ScanPool({
        onProgress: (_id, p) => seen.push(p.bytesRead),
        onDone: () => resolve(),
      }, {
        size: 1,
        createWorker: () => {
          const w = new FakeWorker({ async scan(file, _o, cb) {
            await cb({ bytesRead: 1, phase: 'scanning' });
            await cb({ bytesRead: 3, phase: 'done' });
            return ok(file.name, 3);
          } });
          workers.push(w);
          return w as unknown as Worker;
        },
      });
      pool.enqueue({ id: 'p', file: new File([new Uint8Array(3)], 'p.bin'), options: {} });
    });
    await finished;
    expect(seen).toEqual([1, 3]);
  });
});
