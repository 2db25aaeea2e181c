// Bombs by arithmetic: what a container declares about a compressed member (zip central directory
// sizes, gzip ISIZE, a Zstandard frame's content size) is judged before a single byte is inflated.
// A declared expansion above limits.maxCompressionRatio is not decompressed past BOMB_PREFIX_BYTES:
// the prefix is still scanned, because a payload put in front of padding that makes the member "a
// bomb" (a pickle followed by a gigabyte of zeros after STOP, the members of a tar.gz before a zeros
// member) must still be found. The in-flight caps of io/inflate.ts (ratio, declared size, member cap,
// the file's budget) stop the members that lie about their size.
import type { Budget } from '../limits';
import { RATIO_FLOOR_BYTES } from './inflate';

/**
 * Output decompressed from a stream whose declared sizes make it a bomb. Small enough to cost well
 * under a second in pure JavaScript (≈ 0.1 s for zeros), large enough to hold any pickle header, a
 * checkpoint's data.pkl or the first members of a tarball.
 */
export const BOMB_PREFIX_BYTES = 16 * 1024 * 1024;

/** The budget as a decoder's caps see it, with the output held to `bytes` (limits.maxMemberBytes and what remains). */
export function prefixBudget(budget: Budget, bytes: number): Budget {
  return {
    limits: { ...budget.limits, maxMemberBytes: Math.min(bytes, budget.limits.maxMemberBytes) },
    inflatedRemaining: Math.min(bytes, budget.inflatedRemaining),
  } as Budget;
}

/** Why a member is only decompressed up to BOMB_PREFIX_BYTES, from its declared sizes. */
export interface DeclaredBomb {
  /** declared uncompressed / compressed, rounded down. */
  ratio: number;
  declared: number;
  compressed: number;
}

/**
 * A declared size that cannot be legitimate under the ratio limit: above RATIO_FLOOR_BYTES (small
 * files of zeros legitimately compress 1000:1) and above maxCompressionRatio × the compressed size.
 * Deflate cannot exceed ~1032:1, so a declaration far above that is also a lie; refusing either way
 * costs nothing and reads nothing.
 */
export function declaredBomb(budget: Budget, compressed: number, declared: number): DeclaredBomb | null {
  if (!Number.isFinite(declared) || declared <= RATIO_FLOOR_BYTES) return null;
  const ratio = declared / Math.max(1, compressed);
  if (ratio <= budget.limits.maxCompressionRatio) return null;
  return { ratio: Math.floor(ratio), declared, compressed };
}

/**
 * Compressed members up to this size are remembered when they hold a bomb, and compared byte for byte
 * with later members of the same key. Nested bombs are small at every level above the leaves (42.zip:
 * a few KB); 32 entries of 1 MiB bound the memory.
 */
export const TWIN_MAX_BYTES = 1024 * 1024;
const TWIN_MAX_ENTRIES = 32;

/** Remembers a member whose scan met a bomb (see Budget.bombTwins). */
export function rememberBombTwin(budget: Budget, key: string, compressed: Uint8Array): void {
  if (compressed.length <= TWIN_MAX_BYTES && budget.bombTwins.size < TWIN_MAX_ENTRIES) budget.bombTwins.set(key, compressed);
}

/** True when `compressed` is byte for byte a member already found to hold a bomb. */
export function isBombTwin(budget: Budget, key: string, compressed: Uint8Array): boolean {
  const known = budget.bombTwins.get(key);
  if (!known || known.length !== compressed.length) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== compressed[i]) return false;
  return true;
}

/** "1.5 GiB" style, for messages. */
export function bytesText(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n, u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return u === 0 ? `${n} bytes` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
