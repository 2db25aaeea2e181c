// A team's policy (.modelgate.toml or [tool.modelgate] in pyproject.toml), as validated data.
// It applies AFTER scanning (apply.ts); scanners never read it. Only the scanner selection, the
// blacklist and the limits are handed to the scan by the caller.
import type { Severity } from '../types';

export type FailOn = 'critical' | 'warning' | 'info';

export interface SuppressEntry {
  /** A rule id, or a prefix ending in "/" ("pickle/"). */
  rule: string;
  /** Globs relative to the policy's root; none = every path. */
  paths: string[];
  reason: string;
  /** YYYY-MM-DD: from the day after, the entry stops applying (and the report says so). */
  expires?: string;
  /** 1-based line of the entry's [[suppress]] header in the policy file. */
  line?: number;
}

export interface SeverityOverride { rule: string; severity: Severity; line?: number }

export interface Policy {
  /** Where it came from (file name), for messages. */
  source: string;
  /** SHA-256 of the policy file's bytes (hex), recorded in every report. */
  sha256?: string;
  failOn?: FailOn;
  strict?: boolean;
  suppress: SuppressEntry[];
  severity: SeverityOverride[];
  scanners: { select?: string[]; exclude?: string[] };
  blacklist: string[];
  limits: { maxFileSize?: number; maxTotalSize?: number; timeout?: number; statsSampleBytes?: number };
}

export interface PolicyError { source: string; line?: number; message: string }
