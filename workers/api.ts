// The contract between the page (src/app/pool.ts) and workers/scan.worker.ts. Types only: both sides
// import it, and nothing here may pull code into either bundle.
import type { FileReport, ScanOptions } from '../src/engine';

/** What the worker reports while it works: the engine's read position and phase, and the hash position. */
export interface WorkerProgress {
  /** Bytes the engine has read so far (nested members count too, so it can exceed the file size). */
  bytesRead: number;
  /** The engine's current step, e.g. "scanning zip". */
  phase: string;
  /** Bytes of the file hashed so far (SHA-256 runs alongside the scan). */
  bytesHashed: number;
  /** The engine has finished; only the hash may still be running. */
  scanDone: boolean;
}

export type ProgressCallback = (p: WorkerProgress) => void;

/**
 * Exposed by the worker over Comlink. File objects cross, never their bytes: a File is a structured
 * clone of the handle, and the worker reads it in slices. `options` must be plain data (no Svelte
 * proxies: they cannot be cloned).
 */
export interface ScanWorkerApi {
  scan(file: File, options: ScanOptions, onProgress: ProgressCallback): Promise<FileReport>;
}
