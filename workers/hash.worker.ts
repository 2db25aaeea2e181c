// Comlink entry of the hash worker: SHA-256 of one File at a time (workers/hash.ts), apart from the
// scan workers, so a multi-GB hash never holds back a verdict. The page (src/app/hasher.ts) stops a
// hash by terminating this worker. It loads hash-wasm and nothing of the engine.
import { expose, releaseProxy, type Remote } from 'comlink';
import type { HashProgressCallback, HashWorkerApi } from './api';
import { sha256Blob } from './hash';

/** At most ~10 progress messages a second. */
const PROGRESS_INTERVAL_MS = 100;

const api: HashWorkerApi = {
  async sha256(file: Blob, onProgress: HashProgressCallback): Promise<string> {
    let last = 0;
    try {
      const hex = await sha256Blob(file, {
        onProgress(bytesHashed) {
          const now = Date.now();
          if (now - last < PROGRESS_INTERVAL_MS && bytesHashed < file.size) return;
          last = now;
          Promise.resolve(onProgress(bytesHashed)).catch(() => {}); // a page gone must not fail the hash
        },
      });
      return hex!;
    } finally {
      (onProgress as unknown as Remote<HashProgressCallback>)[releaseProxy]?.();
    }
  },
};

expose(api);
