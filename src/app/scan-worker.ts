/// <reference types="vite/client" />
// How the page starts a scan worker. The single-file build (vite.single.config.ts) swaps this module for
// scan-worker.single.ts, which carries the worker's whole code instead of importing it by URL.
import workerUrl from '../../workers/scan.worker.ts?worker&url';

/**
 * A worker started from a blob: URL that imports the built worker. A meta-tag CSP does not reach a
 * worker loaded from its own URL (it takes the policy of its HTTP response); a blob worker inherits
 * the page's policy, so egress and eval stay blocked inside it too (stack.md §7, Fix A).
 */
export function createScanWorker(): Worker {
  const target = new URL(workerUrl, location.href).href;
  const blob = new Blob([`import ${JSON.stringify(target)};\n`], { type: 'text/javascript' });
  const url = URL.createObjectURL(blob);
  const worker = new Worker(url, { type: 'module', name: 'modelgate-scan' });
  // The worker script has been fetched once it runs; the blob URL itself is not needed after start.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return worker;
}
