// Children named by where their bytes sit. Containers that hand slices of themselves to scanChild name
// them this way, so Scanner.open (navigate.ts, the pickle view) can find the bytes again from the name.
import type { ByteSource, OpenedChild } from '../types';

/** Characters of a member name kept in node paths: PATH_MAX on Linux, beyond which no extractor can
 * create the file anyway. A longer name keeps its start, says how long it was, and keeps its last
 * NAME_TAIL_CHARS (NAME_MAX: the base name, so its extension still names the format). */
export const MAX_NODE_NAME_CHARS = 4096;
const NAME_TAIL_CHARS = 255;

/**
 * The name a child node gets in its path (orchestrator.ts scanChild): `name`, or its start and end
 * around its length. Containers re-opening a child (Scanner.open) match their members' names through
 * it, so a clipped name in a report still leads back to its member.
 */
export function nodeName(name: string): string {
  if (name.length <= MAX_NODE_NAME_CHARS) return name;
  const mark = `…(${name.length} characters)…`;
  return name.slice(0, MAX_NODE_NAME_CHARS - NAME_TAIL_CHARS - mark.length) + mark + name.slice(-NAME_TAIL_CHARS);
}

/** Whether a node path's name is one nodeName clipped: the rest of it is not in the report. */
export function isClippedName(name: string): boolean {
  return name.length === MAX_NODE_NAME_CHARS && /…\(\d+ characters\)…$/.test(name.slice(MAX_NODE_NAME_CHARS - NAME_TAIL_CHARS - 40, MAX_NODE_NAME_CHARS - NAME_TAIL_CHARS));
}

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
