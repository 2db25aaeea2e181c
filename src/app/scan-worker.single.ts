/// <reference types="vite/client" />
// The single-file build's scan worker (vite.single.config.ts puts this module in place of scan-worker.ts):
// the worker is bundled into one classic script with no imports (its WASM inside), carried gzipped in the
// page, and started from a blob: URL made from that code (the config's gzipWorker plugin writes the module
// this import resolves to). A page opened from file:// can fetch nothing, and a blob worker inherits the
// page's CSP (stack.md §7), so the worker can fetch nothing either.
import ScanWorker from '../../workers/scan.worker.ts?worker&inline';

export function createScanWorker(): Worker {
  return new ScanWorker({ name: 'modelgate-scan' });
}
