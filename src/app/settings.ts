// User settings: what they mean, their defaults, how they become engine options, and persistence.
import type { JsonValue, ScanOptions } from '../engine';

export interface Settings {
  /** Files above this are not scanned (engine maxFileSize → file/too-large, incomplete). MiB. */
  maxFileSizeMiB: number;
  /** Files beyond this running total of the session are not scanned. MiB. */
  maxTotalSizeMiB: number;
  /** Per-file timeout in seconds; the worker is terminated and replaced when it is reached. */
  timeoutSec: number;
  /** Blacklist patterns, one per line (glob-like `*` / `?` or substrings, case-insensitive). */
  blacklist: string;
  /** Weight statistics: INFO hints about NaN / constant / outlier weights (engine weightStats). */
  weightStats: boolean;
  /** No SHA-256 of each file (src/app/hasher.ts): the findings do not need it; reports then carry none. */
  skipHash: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  maxFileSizeMiB: 64 * 1024,
  maxTotalSizeMiB: 256 * 1024,
  timeoutSec: 300,
  blacklist: '',
  weightStats: true,
  skipHash: false,
});

const MIB = 1024 * 1024;
const STORAGE_KEY = 'modelgate.settings.v1';

/** Never trust what came back from storage or a form: fall back to the default per field. */
export function normalizeSettings(raw: Partial<Record<keyof Settings, unknown>>): Settings {
  const num = (v: unknown, d: number, min: number) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) && n >= min ? n : d;
  };
  return {
    maxFileSizeMiB: num(raw.maxFileSizeMiB, DEFAULT_SETTINGS.maxFileSizeMiB, 0),
    maxTotalSizeMiB: num(raw.maxTotalSizeMiB, DEFAULT_SETTINGS.maxTotalSizeMiB, 0),
    timeoutSec: num(raw.timeoutSec, DEFAULT_SETTINGS.timeoutSec, 0.1),
    blacklist: typeof raw.blacklist === 'string' ? raw.blacklist : DEFAULT_SETTINGS.blacklist,
    weightStats: typeof raw.weightStats === 'boolean' ? raw.weightStats : DEFAULT_SETTINGS.weightStats,
    skipHash: typeof raw.skipHash === 'boolean' ? raw.skipHash : DEFAULT_SETTINGS.skipHash,
  };
}

export function blacklistPatterns(s: Settings): string[] {
  return s.blacklist.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** Plain engine options (structured-clone safe) for one file. */
export function engineOptions(s: Settings, displayPath: string): ScanOptions {
  const blacklist = blacklistPatterns(s);
  return {
    maxFileSize: Math.floor(s.maxFileSizeMiB * MIB),
    ...(blacklist.length ? { blacklist } : {}),
    weightStats: s.weightStats,
    displayPath,
  };
}

/**
 * Whether a file gets a SHA-256: not when the user skips hashing, and not when the scan refuses the file
 * for its size (minutes of reading for nothing the report can use).
 */
export function shouldHash(s: Settings, size: number): boolean {
  return !s.skipHash && size <= Math.floor(s.maxFileSizeMiB * MIB);
}

export const timeoutMs = (s: Settings) => Math.round(s.timeoutSec * 1000);
export const maxTotalBytes = (s: Settings) => Math.floor(s.maxTotalSizeMiB * MIB);

/** The options block of the JSON report. */
export function reportOptions(s: Settings): Record<string, JsonValue> {
  return {
    maxFileSize: Math.floor(s.maxFileSizeMiB * MIB),
    maxTotalSize: maxTotalBytes(s),
    timeoutMs: timeoutMs(s),
    blacklist: blacklistPatterns(s),
    weightStats: s.weightStats,
    hash: !s.skipHash,
  };
}

export function loadSettings(): Settings {
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    return normalizeSettings(text ? JSON.parse(text) : {});
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(s: Settings): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // storage full or disabled: settings then last for this page only
  }
}
