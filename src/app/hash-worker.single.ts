/// <reference types="vite/client" />
// The single-file build's hash worker: its code (hash-wasm with its WASM inlined, and comlink) travels
// inside the page and starts from a blob: URL, which inherits the page's CSP (scan-worker.single.ts).
import HashWorker from '../../workers/hash.worker.ts?worker&inline';

export function createHashWorker(): Worker {
  return new HashWorker({ name: 'modelgate-hash' });
}
