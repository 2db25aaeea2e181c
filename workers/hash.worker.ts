// Comlink entry of the hash worker: SHA-256 of one File at a time (workers/hash.ts), apart from the
// scan workers, so a multi-GB hash never holds back a verdict. The page (src/app/hasher.ts) stops a
// hash by terminating this worker. It loads hash-wasm and nothing of the engine.
import { expose, releaseProxy, type Remote } from 'comlink';
import type { HashProgressCallback, HashWorkerApi } from './api';
import { sha256Blob } from './hash';
import { readToPort, sha256FromPort } from './hash-relay';

/** At most ~10 progress messages a second. */
const PROGRESS_INTERVAL_MS = 100;

/** The page's progress callback, called at most every PROGRESS_INTERVAL_MS (and at the end). */
function throttled(onProgress: HashProgressCallback, size: number): (bytesHashed: number) => void {
  let last = 0;
  return (bytesHashed) => {
    const now = Date.now();
    if (now - last < PROGRESS_INTERVAL_MS && bytesHashed < size) return;
    last = now;
    Promise.resolve(onProgress(bytesHashed)).catch(() => {}); // a page gone must not fail the hash
  };
}

const api: HashWorkerApi = {
  async sha256(file: Blob, onProgress: HashProgressCallback): Promise<string> {
    try {
      return (await sha256Blob(file, { onProgress: throttled(onProgress, file.size) }))!;
    } finally {
      (onProgress as unknown as Remote<HashProgressCallback>)[releaseProxy]?.();
    }
  },
  readTo: (file, port) => readToPort(file, port),
  async sha256From(size, port, onProgress) {
    try {
      return await sha256FromPort(size, port, throttled(onProgress, size));
    } finally {
      port.close();
      (onProgress as unknown as Remote<HashProgressCallback>)[releaseProxy]?.();
    }
  },
};

expose(api);
