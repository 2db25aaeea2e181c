// Sizes and durations as people write them in a policy file or on the command line: "10GB" (powers of
// 1000, as disk vendors and `ls -h --si` count), "512MiB" (powers of 1024, IEC 80000-13), "30s", "5m".
// Shared by the policy parser and the CLI so the two accept exactly the same spellings.

const SIZE_UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12,
  ki: 1024, kib: 1024, mi: 1024 ** 2, mib: 1024 ** 2, gi: 1024 ** 3, gib: 1024 ** 3, ti: 1024 ** 4, tib: 1024 ** 4,
};
export const SIZE_UNIT_NAMES = 'B, KB, MB, GB, TB (powers of 1000) or KiB, MiB, GiB, TiB (powers of 1024)';

const DURATION_UNITS: Record<string, number> = { '': 1, ms: 0.001, s: 1, sec: 1, m: 60, min: 60, h: 3600 };
export const DURATION_UNIT_NAMES = 'ms, s, m (minutes) or h';

/** "123", "10GB" (10^9), "512MiB" (2^20), "1.5G" → bytes. Undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = SIZE_UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const n = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** "300", "30s", "5m", "1.5h", "500ms" → seconds. Undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = DURATION_UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const n = Number(m[1]) * unit;
  return Number.isFinite(n) ? n : undefined;
}
