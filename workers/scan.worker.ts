// Comlink entry of the scan worker: one File in, one FileReport out, as soon as the engine is done. The
// SHA-256 of the file is not computed here: the hash worker does it (src/app/hasher.ts), so a multi-GB
// hash never holds back the verdict. Cancel and timeout are the pool's business: it terminates
// this worker, which is the only way to stop code that is stuck. The same script serves the pickle
// view (src/app/inspector.ts starts one more instance): pages of a disassembly of one node of a File.
import { expose, releaseProxy, type Remote } from 'comlink';
import { fromBlob, scan, type FileReport, type ScanOptions } from '../src/engine';
import type { InspectWorkerApi, ProgressCallback, ScanWorkerApi, WorkerProgress } from './api';
import { hexAround, opsIndex, opsPage, readBlobSync } from './inspect';
import './wasm-host';
import { PLATFORM_MIN_INPUT_BYTES, usePlatformFlate } from '../src/engine/io/flate';
import { streamFlate } from './stream-flate';

// The browser's DecompressionStream inflates zip members, gzip and zlib streams (fflate where it lacks one).
usePlatformFlate(streamFlate(), 'DecompressionStream', PLATFORM_MIN_INPUT_BYTES);

/** At most ~10 progress messages a second: enough for a smooth bar, cheap for the page. */
const PROGRESS_INTERVAL_MS = 100;

function throttled(send: ProgressCallback) {
  const state: WorkerProgress = { bytesRead: 0, phase: 'starting' };
  let last = 0;
  return {
    update(p: Partial<WorkerProgress>, force = false): void {
      Object.assign(state, p);
      const now = Date.now();
      if (!force && now - last < PROGRESS_INTERVAL_MS) return;
      last = now;
      // A failed post (page gone) must not fail the scan.
      Promise.resolve(send({ ...state })).catch(() => {});
    },
  };
}

const api: ScanWorkerApi & InspectWorkerApi = {
  async scan(file: File, options: ScanOptions, onProgress: ProgressCallback): Promise<FileReport> {
    const progress = throttled(onProgress);
    const name = options.displayPath ?? file.name;
    const source = fromBlob(file, name, readBlobSync);
    const report = await scan(source, options, {
      onProgress: ({ bytesRead, phase }) => progress.update({ bytesRead, phase }),
    });
    progress.update({ phase: 'done' }, true);
    (onProgress as unknown as Remote<ProgressCallback>)[releaseProxy]?.();
    return report;
  },
  // The pickle view (src/app/inspector.ts): pages of a disassembly, and where pages start.
  disassemble: opsPage,
  indexOps: opsIndex,
  hexAround,
};

expose(api);
