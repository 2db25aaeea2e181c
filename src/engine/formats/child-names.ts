// Children named by where their bytes sit. Containers that hand slices of themselves to scanChild name
// them this way, so Scanner.open (navigate.ts, the pickle view) can find the bytes again from the name.
import type { ByteSource, OpenedChild } from '../types';

/** `[bytes a-b]`: a region no structure accounts for (trailing data, gaps). */
export function byteRangeName(start: number, end: number): string {
  return `[bytes ${start}-${end}]`;
}

/** Re-opens a `[bytes a-b]` child, or null when `name` is not one or lies outside the source. */
export function openByteRange(source: ByteSource, name: string): OpenedChild | null {
  const m = /^\[bytes (\d+)-(\d+)\]$/.exec(name);
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (!(start <= end && end <= source.size)) return null;
  return { source: source.slice(start, end) };
}

/** The offset in a `<prefix>@<offset>` child name (`pickle#2@1234`, `pickle@128`), or null. */
export function offsetInName(name: string, prefix: RegExp): number | null {
  const m = new RegExp(`^${prefix.source}@(\\d+)$`).exec(name);
  return m ? Number(m[1]) : null;
}
