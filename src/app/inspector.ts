// The pickle view's worker: one more instance of the scan worker script, started lazily when a view
// opens and kept apart from the ScanPool, so paging through a disassembly never waits behind a scan
// and the pool's one-file-per-worker contract stays as it is. Closing the view stops what it asked for.
import { wrap, type Remote } from 'comlink';
import { createScanWorker } from './pool';
import type { HexWindow, InspectWorkerApi, PickleOpsIndex, PickleOpsPage, PickleTarget } from '../../workers/api';

/** A request that takes longer (a huge deflated member to re-inflate) stops the worker. */
export const INSPECT_TIMEOUT_MS = 120_000;

export class Inspector {
  private worker?: Worker;
  private api?: Remote<InspectWorkerApi>;
  private readonly pending = new Set<(e: Error) => void>();

  constructor(private readonly createWorker: () => Worker = createScanWorker) {}

  disassemble(target: PickleTarget, fromOffset: number, maxOps: number): Promise<PickleOpsPage> {
    return this.call((api) => api.disassemble(target, fromOffset, maxOps));
  }

  indexOps(target: PickleTarget, fromOffset: number, pageOps: number, maxOps: number): Promise<PickleOpsIndex> {
    return this.call((api) => api.indexOps(target, fromOffset, pageOps, maxOps));
  }

  /** The bytes of a node around an offset, for a finding's hex dump. */
  hexAround(target: PickleTarget, offset: number, radius: number): Promise<HexWindow> {
    return this.call((api) => api.hexAround(target, offset, radius));
  }

  /** Stops every request in flight (their promises reject) by stopping the worker. */
  cancel(): void {
    if (this.pending.size === 0) return;
    this.stop(new Error('cancelled'));
  }

  dispose(): void {
    this.stop(new Error('cancelled'));
  }

  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.api = undefined;
    for (const reject of [...this.pending]) reject(reason);
    this.pending.clear();
  }

  private call<T>(run: (api: Remote<InspectWorkerApi>) => Promise<T>): Promise<T> {
    if (!this.api) {
      const worker = this.createWorker();
      worker.addEventListener('error', (e) => { e.preventDefault(); if (this.worker === worker) this.stop(new Error(e.message || 'worker error')); });
      this.worker = worker;
      this.api = wrap<InspectWorkerApi>(worker);
    }
    const api = this.api;
    return new Promise<T>((resolve, reject) => {
      const fail = (e: Error) => { clearTimeout(timer); this.pending.delete(fail); reject(e); };
      const timer = setTimeout(() => this.stop(new Error(`no answer within ${INSPECT_TIMEOUT_MS / 1000} s; stopped`)), INSPECT_TIMEOUT_MS);
      this.pending.add(fail);
      run(api).then(
        (v) => { clearTimeout(timer); this.pending.delete(fail); resolve(v); },
        (e: unknown) => fail(e instanceof Error ? e : new Error(String(e))),
      );
    });
  }
}
