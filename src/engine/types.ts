// Core contracts of the engine. Environment-free: no DOM, no Node types (tsconfig.engine.json).
import type { RuleId } from './rules';
import type { Budget } from './limits';

export type Severity = 'critical' | 'warning' | 'info' | 'debug';
export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info', 'debug'];
export const SEVERITY_RANK: Record<Severity, number> = { critical: 3, warning: 2, info: 1, debug: 0 };

/** Random-access bytes. Implementations: Blob slices (browser), a Node file handle (CLI), memory. */
export interface ByteSource {
  readonly name: string;
  readonly size: number;
  /** Reads up to `length` bytes at `offset`; clamped to the source, never past `size`. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Zero-copy view of [start, end). */
  slice(start: number, end: number, name?: string): ByteSource;
  /**
   * Synchronous read, same clamping as read(); present only where the environment can read without
   * awaiting (memory, FileReaderSync in a worker, pread in Node). WASM libraries with their own file
   * system (h5wasm, 7-Zip) read through it lazily instead of copying the file in (io/emfs.ts).
   */
  readSync?(offset: number, length: number): Uint8Array;
  /**
   * Set when random access is costly: the bytes are decompressed as they are read (a streamed tar.gz,
   * formats/compressed/stream.ts), bytes between two reads are held, and a read far behind the last
   * decompresses again from the start. Readers that sample sparsely (weight statistics) keep their
   * reads close together on such a source. Slices and counted views keep it.
   */
  readonly sequential?: boolean;
  /**
   * Present where `size` may be only a bound until the source is read to its end (a compressed pickle
   * decoded in one pass, formats/compressed/unsized.ts): reads on to the end and resolves to the exact
   * size. A reader that slices "to the end" before it got there asks this first (io/byte-source.ts exactSize).
   */
  exactSize?(): Promise<number>;
}

/** The first bytes of a node plus what its name suggests. Sniffers read only this. */
export interface Head {
  bytes: Uint8Array;
  size: number;          // size of the whole node, not of `bytes`
  name: string;          // base name of the node (file or member)
  ext: string;           // lower-case extension with dot, '' when none (".safetensors")
  hint?: string;         // format suggested by the parent container (e.g. 'pickle' for data.pkl)
  /**
   * The last bytes of the node (at most containers/zip-sniff.ts TAIL_BYTES; for a node no larger than
   * its head, the end of `bytes`), present only when the head alone left the node to the generic zip
   * scanner, a name or the fallback (orchestrator.ts selectWithTail; sniffers are then asked again):
   * readers find a zip from its end (EOCD), so a zip behind a prefix is recognised by it. Formats
   * settled by their head never pay for the read.
   */
  tail?: Uint8Array;
}

export interface Sniff<S = unknown> {
  /** How sure the sniffer is: magic bytes and parsed structure beat a name. */
  confidence: 'magic' | 'structure' | 'name';
  state?: S;
}

export interface Location {
  path: string[];        // container chain, root first: ['model.pt', 'archive/data.pkl']
  offset?: number;       // byte offset inside the innermost member
  pointer?: string;      // opcode index, JSON pointer, HDF5 path, graph node ...
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  location: Location;
  evidence?: string;     // short, untrusted: always rendered as text
  /** Why the severity differs from the rule's default, when it does. */
  severityReason?: string;
  /** Set after the scan by a policy or a baseline (policy/apply.ts): kept in the report, not counted. */
  suppression?: Suppression;
}

/** Why a finding does not count: a [[suppress]] entry of the policy, or presence in the baseline. */
export interface Suppression {
  kind: 'policy' | 'baseline';
  reason: string;
  /** Index of the policy's [[suppress]] entry (kind 'policy'). */
  entry?: number;
  expires?: string;
}

/** What the policy did, recorded in the report (policy/apply.ts). */
export interface PolicyRecord {
  source: string;
  sha256?: string;
  failOn: 'critical' | 'warning' | 'info';
  strict: boolean;
  /** One per [[suppress]] entry, in file order: findings it matched; expired entries match but do not apply. */
  suppress: Array<{ rule: string; reason: string; line?: number; expires?: string; expired: boolean; matched: number }>;
  severity: Array<{ rule: string; severity: Severity; matched: number }>;
}

/** What a baseline did: its source and how many findings it accepted. */
export interface BaselineRecord { source: string; matched: number }

/** What a scanner hands to ctx.report: the context fills in the path. */
export interface FindingInput {
  ruleId: RuleId;
  message: string;
  offset?: number;
  pointer?: string;
  evidence?: string;
  severity?: Severity;
  severityReason?: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export type NodeStatus = 'scanned' | 'malformed' | 'limited' | 'skipped' | 'failed';

export interface NodeReport {
  path: string[];
  format: string;
  size: number;
  status: NodeStatus;
  error?: string;
  /** Facts a scanner recorded with ctx.note (tensor count, member count, ...). */
  notes?: Record<string, JsonValue>;
}

export interface FileReport {
  path: string;
  size: number;
  sha256?: string;
  format: string;
  status: 'clean' | 'issues' | 'error';
  complete: boolean;
  findings: Finding[];
  nodes: NodeReport[];
  durationMs: number;
}

export interface ScanSummary {
  files: number; critical: number; warning: number; info: number; errors: number;
  /** Findings a policy suppressed / a baseline accepted (not counted above); present once a policy or baseline applied. */
  suppressed?: number; baseline?: number;
}

export interface ScanReport {
  schemaVersion: 1;
  tool: { name: 'modelgate'; version: string };
  startedAt: string;
  durationMs: number;
  options: Record<string, JsonValue>;
  summary: ScanSummary;
  exitCode: 0 | 1 | 2;
  files: FileReport[];
  /** The policy applied after the scan, and which of its entries matched. */
  policy?: PolicyRecord;
  baseline?: BaselineRecord;
  /** Saved while the scan was still running: files not finished by then are in `files` as incomplete. */
  partial?: true;
}

/** Plain, structured-clone-safe options (they cross Comlink). */
export interface ScanOptions {
  /** User patterns (glob-like `*`/`?` or plain substrings, case-insensitive) → supply-chain/blacklisted-name. */
  blacklist?: string[];
  /** Include DEBUG findings. */
  verbose?: boolean;
  /** Files above this size are not scanned (reported, incomplete). */
  maxFileSize?: number;
  /** Overrides of the per-file budget (see limits.ts). */
  limits?: Partial<import('./limits').Limits>;
  /** Weight statistics (NaN/Inf, constant, extreme, outlier neurons; INFO only). Default on; false skips them. */
  weightStats?: boolean;
  /**
   * Bytes the weight statistics read per large tensor (default 256 KiB: 16 windows of 16 KiB); above
   * 1 MiB it also raises the size up to which a tensor is read whole. Clamped (stats/sample.ts).
   */
  statsSampleBytes?: number;
  /** Scanner selection (format scanner ids): content of an excluded format gets only the generic checks. */
  scanners?: { select?: string[]; exclude?: string[] };
  /** Extension the caller knows the file had (e.g. relative path in a dropped folder). */
  displayPath?: string;
  /**
   * The caller scans on a thread it cannot kill (the CLI's own main thread, issue 15 fast start): a node
   * whose scanner is `blocking` is not scanned there; scan() throws NeedsIsolation before that scanner
   * runs, and the caller scans the whole file again where a stuck scan can be stopped.
   */
  refuseBlocking?: boolean;
}

export interface Progress { bytesRead: number; phase: string }

export interface ScanHooks {
  /** Throttling is the caller's business; the engine calls this whenever it reads. */
  onProgress?(p: Progress): void;
  /** Polled between steps: when aborted the scan stops, incomplete. reason 'timeout' reports a timeout. */
  signal?: { readonly aborted: boolean; readonly reason?: unknown };
}

/** Where an inspected string sits. `documentation`: prose meant for people (README, LICENSE, .md),
 * where links are expected, so URL and IP hits are INFO there. */
export interface StringWhere { pointer?: string; offset?: number; key?: string; documentation?: boolean }

export interface ScanContext<S = unknown> {
  readonly source: ByteSource;
  readonly head: Head;
  readonly state: S;
  readonly path: string[];
  readonly depth: number;
  readonly options: Readonly<ScanOptions>;
  readonly budget: Budget;
  /** Records a finding at this node (path filled in). */
  report(f: FindingInput): void;
  /** Records a fact about this node; appears under nodes[].notes. */
  note(key: string, value: JsonValue): void;
  /** Marks this node incomplete (a limit cut it short) without failing it. */
  limited(reason: string): void;
  /** Sends nested content back through the orchestrator: the one recursion path. */
  scanChild(name: string, source: ByteSource, hint?: string): Promise<void>;
  /** Runs the shared string detectors over an untrusted string found at this node. */
  inspectString(text: string, where: StringWhere): void;
  /** Reads through the budget (bytes read are charged and progress reported). */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Throws ScanAborted when the caller cancelled. */
  checkAborted(): void;
  /**
   * Marks the report: the function returned drops every finding and node added after the mark. For a
   * child scanned speculatively and then scanned again another way (a decompressed stream whose
   * declared size proved wrong, formats/compressed/speculative.ts). Optional: absent, nothing speculates.
   */
  checkpoint?(): () => void;
}

export interface Scanner<S = unknown> {
  /** == folder name == rule-id prefix. */
  id: string;
  /** Extensions that suggest this format (lower case, with dot). */
  extensions: readonly string[];
  /** Other formats' extensions this one is also saved under by convention (model_best.pth.tar): not a mismatch when the content is this format. */
  alsoNamed?: readonly string[];
  /** Sync, pure, reads only head bytes; the returned state is handed to scan. */
  sniff(head: Head): Sniff<S> | null;
  /**
   * The scan runs synchronous WASM that no abort signal reaches (libhdf5 through h5wasm, 7-Zip): a
   * hostile file can hold its thread until the thread is killed. See ScanOptions.refuseBlocking.
   */
  blocking?: true;
  scan(ctx: ScanContext<S>): Promise<void>;
  /**
   * Containers only, optional: re-opens the child this scanner handed to ctx.scanChild as `name` (the
   * `nth` of that name, 0-based, when several share it), so a report path leads back to its bytes
   * (navigate.ts: the pickle view). null when there is no such child. Limits apply through ctx.budget.
   */
  open?(ctx: OpenContext<S>, name: string, nth: number): Promise<OpenedChild | null>;
}

/**
 * The eager part of a scanner: what the registry needs to choose it (id, names, the head-only sniff).
 * It lives in the format's sniff.ts, apart from the scan code, so the registry can hold every sniff
 * while each scanner's code loads only when a file needs it (registry.ts lazy, issue 15 fast start).
 */
export type Sniffer<S = unknown> = Pick<Scanner<S>, 'id' | 'extensions' | 'alsoNamed' | 'sniff' | 'blocking'>;

/** What Scanner.open works from: the container node's bytes, its head and sniff state, a budget. */
export interface OpenContext<S = unknown> {
  readonly source: ByteSource;
  readonly head: Head;
  readonly state: S;
  readonly budget: Budget;
  /**
   * The size the scan reported for the child asked for, when the caller has the report: a scanner that
   * would otherwise decode the child once only to learn its size may trust it, within its limits.
   */
  readonly childSize?: number;
}

/** A child re-opened by Scanner.open, with the hint its scanner gave ctx.scanChild. */
export interface OpenedChild {
  source: ByteSource;
  hint?: string;
}

/** Thrown by parsers on malformed input: reported as a format error, never as malicious. */
export class FormatError extends Error {
  constructor(message: string, readonly offset?: number) {
    super(message);
    this.name = 'FormatError';
  }
}

/** Thrown when a per-file limit is exhausted; the orchestrator marks the node `limited`. */
export class LimitExceeded extends Error {
  constructor(readonly limit: string, message: string) {
    super(message);
    this.name = 'LimitExceeded';
  }
}

export class ScanAborted extends Error {
  constructor(readonly reason: 'cancelled' | 'timeout' = 'cancelled') {
    super(reason === 'timeout' ? 'scan timed out' : 'scan cancelled');
    this.name = 'ScanAborted';
  }
}

/**
 * Thrown by scan() under ScanOptions.refuseBlocking when a node needs a `blocking` scanner. A ScanAborted,
 * so every scanner's catch passes it up as it does a cancel; scan() rethrows it instead of reporting.
 */
export class NeedsIsolation extends ScanAborted {
  constructor(readonly scannerId: string) {
    super('cancelled');
    this.name = 'NeedsIsolation';
    this.message = `the ${scannerId} scanner runs code only a killable thread may run`;
  }
}
