// Plain helpers of the pickle view (no Svelte): what a pickle node's notes say it would do, which
// offsets its findings flag, and the arithmetic of a virtualised list too tall for the browser.
import type { FileReport, Finding, JsonValue, NodeReport } from '../engine';

/** Items of the summary shown before "and N more": the scanner already caps its notes. */
export const SUMMARY_ITEMS = 40;

/** A note as a list of strings, whatever the scanner wrote (strings, or other JSON shown as JSON). */
export function noteList(value: JsonValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

export interface PickleSummary {
  calls: string[];
  imports: string[];
  /** protocol, opcodes, streams when the scanner noted them. */
  facts: Array<[string, string]>;
}

export function summaryOf(node: NodeReport): PickleSummary {
  const notes = node.notes ?? {};
  const facts: Array<[string, string]> = [];
  for (const key of ['protocol', 'streams', 'opcodes'] as const) {
    const v = notes[key];
    if (typeof v === 'number' || typeof v === 'string') facts.push([key, String(v)]);
  }
  return { calls: noteList(notes.calls), imports: noteList(notes.imports), facts };
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Findings located at an offset of this node, in offset order: the opcodes to highlight. */
export function flaggedFindings(report: FileReport, node: NodeReport): Array<Finding & { location: { offset: number } }> {
  return report.findings
    .filter((f): f is Finding & { location: { offset: number } } => f.location.offset !== undefined && samePath(f.location.path, node.path))
    .sort((a, b) => a.location.offset - b.location.offset);
}

/** Indexes of the report's pickle nodes. */
export function pickleNodes(report: FileReport): number[] {
  const out: number[] = [];
  report.nodes.forEach((n, i) => { if (n.format === 'pickle') out.push(i); });
  return out;
}

/** Index of the last page start at or before `offset` (starts ascending), or -1. */
export function pageOf(starts: readonly number[], offset: number): number {
  let lo = 0, hi = starts.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * Browsers cap an element's height (Firefox near 17.9 million px): a list taller than this is scrolled
 * in proportion instead, the scrollbar's position mapped onto the rows.
 */
export const MAX_LIST_PX = 4_000_000;

export interface ListGeometry {
  /** Height of the scrolled spacer. */
  spacer: number;
  /** First row shown and how many. */
  first: number;
  count: number;
  /** Where the rendered window of rows sits inside the spacer. */
  top: number;
}

export function geometry(total: number, rowPx: number, scrollTop: number, viewport: number, overscan = 6): ListGeometry {
  const perView = Math.max(1, Math.ceil(viewport / rowPx));
  const full = total * rowPx;
  if (full <= MAX_LIST_PX) {
    const first = Math.max(0, Math.min(total, Math.floor(scrollTop / rowPx)) - overscan);
    const count = Math.max(0, Math.min(total - first, perView + 2 * overscan));
    return { spacer: full, first, count, top: first * rowPx };
  }
  const travel = Math.max(1, MAX_LIST_PX - viewport);
  const lastFirst = Math.max(0, total - perView);
  const first = Math.min(lastFirst, Math.round((Math.min(scrollTop, travel) / travel) * lastFirst));
  return { spacer: MAX_LIST_PX, first, count: Math.min(total - first, perView + 1), top: Math.min(scrollTop, travel) };
}

/** The scrollTop that shows `row` about a third of the way down the viewport. */
export function scrollFor(row: number, total: number, rowPx: number, viewport: number): number {
  const perView = Math.max(1, Math.ceil(viewport / rowPx));
  if (total * rowPx <= MAX_LIST_PX) return Math.max(0, row * rowPx - Math.floor(viewport / 3));
  const lastFirst = Math.max(1, total - perView);
  const first = Math.max(0, row - Math.floor(perView / 3));
  return Math.round((Math.min(first, lastFirst) / lastFirst) * Math.max(1, MAX_LIST_PX - viewport));
}
