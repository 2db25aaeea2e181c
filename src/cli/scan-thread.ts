// Worker-thread side of the CLI's scans. Most of the engine is asynchronous and stops when its abort
// signal is set, but WASM libraries (libhdf5 through h5wasm, 7-Zip) run synchronously: a hostile file
// that loops inside one of them blocks its thread, where no timer can fire. Scanning in a worker
// thread lets the main thread keep time and terminate() a stuck scan, as the browser's pool does
// with its Web Workers. One thread scans one file at a time; main.ts keeps a small pool of them.
import { parentPort } from 'node:worker_threads';
// The scan and the flate hook straight from their modules, not the engine's index: the index also
// carries policy parsing (TOML), the exports and the report helpers, which only the main thread uses.
import { scan } from '../engine/scan';
import { usePlatformFlate } from '../engine/io/flate';
import type { FileReport, ScanOptions } from '../engine';
import { fromNodeFile } from './node-source';
import { nodeFlate } from './node-flate';

// Node's native zlib for every DEFLATE stream the engine decodes (engine/io/flate.ts).
usePlatformFlate(nodeFlate());

/** timeoutMs: when the engine's own abort signal fires (it then returns what it found, incomplete). */
export type ThreadRequest = { id: number; path: string; display: string; options: ScanOptions; timeoutMs: number };
export type ThreadReply =
  | { id: number; progress: number }
  | { id: number; report: FileReport }
  | { id: number; error: string; code?: string };

/** Progress messages at most this often: the main thread only redraws a line. */
const PROGRESS_INTERVAL_MS = 100;

parentPort?.on('message', async (req: ThreadRequest) => {
  const port = parentPort!;
  let source;
  try {
    source = await fromNodeFile(req.path, req.display);
  } catch (e) {
    port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e), code: (e as { code?: string })?.code } satisfies ThreadReply);
    return;
  }
  let last = 0;
  const signal: { aborted: boolean; reason?: unknown } = { aborted: false };
  const timer = req.timeoutMs > 0 ? setTimeout(() => { signal.aborted = true; signal.reason = 'timeout'; }, req.timeoutMs) : undefined;
  try {
    const report = await scan(source, req.options, {
      signal,
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        port.postMessage({ id: req.id, progress: p.bytesRead } satisfies ThreadReply);
      },
    });
    port.postMessage({ id: req.id, report } satisfies ThreadReply);
  } catch (e) {
    port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies ThreadReply);
  } finally {
    if (timer) clearTimeout(timer);
    await source.close().catch(() => undefined);
  }
});
