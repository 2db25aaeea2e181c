// State types shared by the app glue and the Svelte UI. Plain data: no Svelte, no DOM beyond File.
import type { FileReport } from '../engine';
import type { WorkerProgress } from '../../workers/api';
import type { FileTriage } from './triage';
import type { HashStatus } from './hasher';

/** A file's SHA-256 as the hash worker goes: 'skipped' when the settings or the size rule it out. */
export interface EntryHash {
  status: HashStatus | 'skipped';
  bytesHashed: number;
  /** Lower-case hex, once done; copied onto the report when the scan is done too. */
  sha256?: string;
}

export type EntryStatus = 'queued' | 'scanning' | 'done';

/** One file of the session, from intake to report. */
export interface Entry {
  id: string;
  /** Relative path as the user gave it (folder/sub/model.bin), or the bare name. */
  path: string;
  size: number;
  status: EntryStatus;
  progress: WorkerProgress;
  /** The SHA-256, which runs on its own worker and may finish before or long after the scan. */
  hash: EntryHash;
  /** Set when status is 'done'. */
  report?: FileReport;
  /** Worst severity and counts, computed once when the file is done (the list sorts on it). */
  triage?: FileTriage;
  /** Date.now() when a worker took the file (the "Now scanning" panel's elapsed time). */
  startedAt?: number;
  /** The file as dropped, kept so the pickle view can read it again; absent once it is gone. */
  file?: File;
}

/** A file picked or dropped, with the relative path it had. */
export interface Intake {
  file: File;
  path: string;
}
