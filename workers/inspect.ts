// The pickle view's worker side: re-open one node of a file (navigate.ts) and disassemble it a page at
// a time, with arguments rendered as short, clipped strings (plain data across Comlink). A page walks
// on across STOP into the next stream of the node, so a file of stacked pickles reads as one list.
import { FormatError, LimitExceeded, fromBlob, type ByteSource } from '../src/engine';
import { Budget } from '../src/engine/limits';
import { openNode } from '../src/engine/navigate';
import { isClippedName, MAX_NODE_NAME_CHARS } from '../src/engine/formats/child-names';
import { disassemble, type PickleOp } from '../src/engine/formats/pickle/disasm';
import { clip, hex } from '../src/engine/io/text';
import type { HexWindow, PickleOpRow, PickleOpsIndex, PickleOpsPage, PickleTarget } from './api';

/** Most ops one page may hold, whatever the page asks: bounds one reply's size. */
/** Synchronous Blob reads for WASM file systems (h5wasm, 7-Zip): FileReaderSync exists only in workers. */
interface SyncReader { readAsArrayBuffer(blob: unknown): ArrayBuffer }
let syncReader: SyncReader | undefined;
export function readBlobSync(blob: unknown): Uint8Array {
  // Looked up on globalThis: this file is also compiled for Node (tests), which has no such type.
  syncReader ??= new (globalThis as unknown as { FileReaderSync: new () => SyncReader }).FileReaderSync();
  return new Uint8Array(syncReader.readAsArrayBuffer(blob));
}

export const MAX_PAGE_OPS = 5_000;
/** Most ops one index request walks: each reply stays quick, so the view shows progress and can stop. */
export const MAX_INDEX_OPS = 500_000;
/** Characters of a string argument shown; the rest is counted, not sent. */
const ARG_CHARS = 120;
/** Bytes of a bytes argument shown in hex. */
const ARG_BYTES = 24;

/**
 * The last node opened, kept while the view pages through it: a deflated member is inflated once, not
 * once per page. One entry only: a node may be hundreds of MB.
 */
let cached: { key: string; node: Promise<ByteSource> } | undefined;

export function openTarget(target: PickleTarget): Promise<ByteSource> {
  if (cached?.key === target.key) return cached.node;
  const node = (async () => {
    const found = await openNode(fromBlob(target.file, target.path[0]?.name ?? target.file.name, readBlobSync), target.path, new Budget(target.limits));
    if (!found) throw new Error(notFound(target));
    return found;
  })();
  cached = { key: target.key, node };
  node.catch(() => { if (cached?.node === node) cached = undefined; });
  return node;
}

/** Why a node was not found again, plainly: a name the report clipped is named as the likely cause. */
export function notFound(target: PickleTarget): string {
  const clipped = target.path.find((s) => isClippedName(s.name));
  if (clipped) {
    return `this part of the file is named with more than ${MAX_NODE_NAME_CHARS.toLocaleString('en')} characters, and the report keeps only the start and end of such names `
      + `(…${clip(clipped.name.slice(-60), 80)}): the container it is in cannot find its member by the clipped name`;
  }
  return `"${target.path.map((s) => s.name).join(' › ')}" could not be found in the file again`;
}

/** An argument as a short string for people: text JSON-quoted, bytes as a hex preview, all clipped. */
export function renderArg(arg: PickleOp['arg']): string {
  if (arg === undefined) return '';
  if (arg === null) return 'None';
  if (typeof arg === 'boolean') return arg ? 'True' : 'False';
  if (typeof arg === 'number' || typeof arg === 'bigint') return String(arg);
  if (typeof arg === 'string') {
    const cut = arg.length > ARG_CHARS;
    // JSON escapes quotes and C0 controls; clip makes bidi overrides and C1 controls visible.
    const shown = clip(JSON.stringify(cut ? arg.slice(0, ARG_CHARS) : arg), ARG_CHARS * 8);
    return cut ? `${shown}… (${arg.length} chars)` : shown;
  }
  if (arg instanceof Uint8Array) return `${arg.length} bytes: ${hex(arg, ARG_BYTES)}`;
  return clip(String(arg), ARG_CHARS);
}

function row(op: PickleOp): PickleOpRow {
  let arg = renderArg(op.arg);
  // A huge argument is skipped by the disassembler: only its first bytes were kept.
  if (op.partial) arg = op.arg instanceof Uint8Array ? `${op.argLength} bytes: ${hex(op.arg, ARG_BYTES)}` : `${op.argLength} bytes (not decoded)`;
  return { offset: op.offset, length: op.length, name: op.name, arg };
}

/**
 * Walks ops from `from` (an op boundary), across STOPs into the next stream, until `maxOps`, the end
 * of the node or an error. `visit` sees each op; the result says where the next walk starts.
 */
async function walk(source: ByteSource, from: number, maxOps: number, visit: (op: PickleOp) => void)
  : Promise<{ count: number; nextOffset: number | null; error?: { offset: number; message: string } }> {
  let at = from;
  let count = 0;
  while (count < maxOps && at < source.size) {
    let last: PickleOp | undefined;
    try {
      for await (const op of disassemble(source, at, { maxOps: maxOps - count })) {
        visit(op);
        last = op;
        count++;
      }
    } catch (e) {
      if (!(e instanceof FormatError || e instanceof LimitExceeded)) throw e;
      const offset = e instanceof FormatError && e.offset !== undefined ? e.offset : last ? last.offset + last.length : at;
      return { count, nextOffset: null, error: { offset, message: e.message } };
    }
    if (!last) break; // nothing decoded and nothing thrown: no progress is possible
    at = last.offset + last.length;
  }
  return { count, nextOffset: at < source.size ? at : null };
}

export async function opsPage(target: PickleTarget, from: number, maxOps: number): Promise<PickleOpsPage> {
  const source = await openTarget(target);
  const ops: PickleOpRow[] = [];
  const r = await walk(source, from, clampOps(maxOps, MAX_PAGE_OPS), (op) => ops.push(row(op)));
  return { ops, nextOffset: r.nextOffset, size: source.size, ...(r.error ? { error: r.error } : {}) };
}

/**
 * The offsets where pages of `pageOps` ops start, from `from` (itself a page start) for at most
 * `maxOps` ops, so the view can size its list and fetch any page without walking from the top.
 */
export async function opsIndex(target: PickleTarget, from: number, pageOps: number, maxOps: number): Promise<PickleOpsIndex> {
  const source = await openTarget(target);
  const per = clampOps(pageOps, MAX_PAGE_OPS);
  const limit = Math.max(per, Math.floor(clampOps(maxOps, MAX_INDEX_OPS) / per) * per); // ends on a page boundary
  const starts: number[] = [];
  let n = 0;
  const r = await walk(source, from, limit, (op) => { if (n++ % per === 0) starts.push(op.offset); });
  return { starts, ops: r.count, nextOffset: r.nextOffset, size: source.size, ...(r.error ? { error: r.error } : {}) };
}

function clampOps(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(1, Math.floor(n))) : max;
}

/** Most bytes either side of an offset one hex request returns, whatever it asks: bounds one reply. */
export const MAX_HEX_RADIUS = 1024;

/** The bytes of the node within `radius` of `offset` (clipped to the node), for a finding's hex dump. */
export async function hexAround(target: PickleTarget, offset: number, radius: number): Promise<HexWindow> {
  const source = await openTarget(target);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= source.size) {
    throw new Error(`offset ${offset} is outside the node (${source.size} bytes)`);
  }
  const r = Number.isFinite(radius) ? Math.min(MAX_HEX_RADIUS, Math.max(0, Math.floor(radius))) : MAX_HEX_RADIUS;
  const start = Math.max(0, offset - r);
  const end = Math.min(source.size, offset + r + 1);
  return { start, bytes: await source.read(start, end - start), size: source.size };
}
