// The contract between the page (src/app/pool.ts) and workers/scan.worker.ts. Types only: both sides
// import it, and nothing here may pull code into either bundle.
import type { FileReport, Limits, ScanOptions } from '../src/engine';
import type { NodeStep } from '../src/engine/navigate';

/** What the scan worker reports while it works: the engine's read position and phase. */
export interface WorkerProgress {
  /** Bytes the engine has read so far (nested members count too, so it can exceed the file size). */
  bytesRead: number;
  /** The engine's current step, e.g. "scanning zip". */
  phase: string;
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

/** One node of a dropped file, for the pickle view: the File again and the node's path in it. */
export interface PickleTarget {
  file: File;
  /** From nodeAddress(report.nodes, i): names with, per level, which same-named sibling. */
  path: NodeStep[];
  /** Identifies file + node for the worker's cache of the opened node (one entry). */
  key: string;
  /** The limits the scan ran with, so re-opening is bounded the same way. */
  limits?: Partial<Limits>;
}

/** One disassembled opcode; `arg` is rendered and clipped by the worker (untrusted: show as text). */
export interface PickleOpRow {
  offset: number;
  length: number;
  name: string;
  arg: string;
}

/** Where the disassembly could not go on (not a pickle opcode, truncated argument ...). */
export interface PickleOpsError {
  offset: number;
  message: string;
}

export interface PickleOpsPage {
  ops: PickleOpRow[];
  /** Where the next page starts, or null at the end of the node (or at an error). */
  nextOffset: number | null;
  /** Bytes in the node. */
  size: number;
  error?: PickleOpsError;
}

export interface PickleOpsIndex {
  /** Offsets of the ops that start pages, the first being the requested offset's op. */
  starts: number[];
  /** Ops walked by this request. */
  ops: number;
  nextOffset: number | null;
  size: number;
  error?: PickleOpsError;
}

/** The pickle view's calls, on a worker of its own (src/app/inspector.ts), never one of the pool's. */
export interface InspectWorkerApi {
  disassemble(target: PickleTarget, fromOffset: number, maxOps: number): Promise<PickleOpsPage>;
  indexOps(target: PickleTarget, fromOffset: number, pageOps: number, maxOps: number): Promise<PickleOpsIndex>;
  /** The bytes around `offset` of the node (a finding's "Show bytes"): radius capped by the worker. */
  hexAround(target: PickleTarget, offset: number, radius: number): Promise<HexWindow>;
}

/** Bytes of a node around an offset, for a finding's hex dump (untrusted: render as text). */
export interface HexWindow {
  /** Offset in the node of bytes[0]. */
  start: number;
  bytes: Uint8Array;
  /** Bytes in the node. */
  size: number;
}

export type HashProgressCallback = (bytesHashed: number) => void;

/** Exposed by workers/hash.worker.ts: SHA-256 of a File (lower-case hex), read through the file's byte stream in the worker. */
export interface HashWorkerApi {
  sha256(file: Blob, onProgress: HashProgressCallback): Promise<string>;
  /** Reader role (workers/hash-relay.ts): reads the file into buffers transferred over `port`. */
  readTo(file: Blob, port: MessagePort): Promise<void>;
  /** Hashing role: hashes `size` bytes arriving over `port` from another hash worker's readTo. */
  sha256From(size: number, port: MessagePort, onProgress: HashProgressCallback): Promise<string>;
}
