/// <reference types="vite/client" />
// How the page starts the hash worker: as the scan worker is started (scan-worker.ts), from a blob: URL
// that imports the built worker, so the worker inherits the page's CSP. The single-file build swaps
// this module for hash-worker.single.ts (vite.single.config.ts).
import workerUrl from '../../workers/hash.worker.ts?worker&url';

export function createHashWorker(): Worker {
  const target = new URL(workerUrl, location.href).href;
  const blob = new Blob([`import ${JSON.stringify(target)};\n`], { type: 'text/javascript' });
  const url = URL.createObjectURL(blob);
  const worker = new Worker(url, { type: 'module', name: 'modelgate-hash' });
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return worker;
}
