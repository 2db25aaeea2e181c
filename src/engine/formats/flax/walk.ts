// Streaming walk of one MessagePack document over a ByteSource. A Flax checkpoint is one msgpack map
// that can be gigabytes (flax.serialization.to_bytes keeps every array in it), so it is never decoded
// whole: headers are read through a small buffered window, str/bin/ext payloads are skipped by their
// (checked) length and only a prefix of each leaf is handed to the caller. The walk is iterative (an
// explicit stack bounded by MAX_DEPTH), so no nesting can exhaust the call stack.
import { FormatError, LimitExceeded } from '../../types';
import { pointerToken } from '../../io/json';
import { utf8 } from '../../io/text';
import { decodeHeader, headerSize, minimumBytes, payloadBytes, type MsgHeader } from './msgpack';

export type ReadFn = (offset: number, length: number) => Promise<Uint8Array>;

/** Bytes fetched per refill: headers of neighbouring small values come from one read. */
const WINDOW_BYTES = 64 * 1024;
/**
 * Nesting of maps/arrays walked. Flax state dicts are a handful of levels deep (module scopes); a
 * deeper document is a stack-exhaustion attack on recursive decoders (msgpack-python's unpacker
 * recurses per level), and the stack of this walk is bounded by it.
 */
export const MAX_DEPTH = 64;
/** Values walked per document. Bounds CPU on files of billions of one-byte values. */
export const MAX_VALUES = 20_000_000;
/** Bytes of a map key kept for the pointer; longer keys are cut (and said to be). */
export const MAX_KEY_BYTES = 1024;

export class MsgStream {
  private buf: Uint8Array = new Uint8Array(0);
  private bufStart = 0;
  pos: number;

  constructor(private readonly readFn: ReadFn, readonly size: number, start = 0) { this.pos = start; }

  get remaining(): number { return this.size - this.pos; }

  /** A view of `n` bytes at `at` when the window already holds them (no await on the hot path), else null. */
  peek(at: number, n: number): Uint8Array | null {
    const local = at - this.bufStart;
    return local >= 0 && local + n <= this.buf.length ? this.buf.subarray(local, local + n) : null;
  }

  /** A view of `n` bytes at `at` (n ≤ WINDOW_BYTES), refilling the window when needed. */
  async view(at: number, n: number, what: string): Promise<Uint8Array> {
    if (at + n > this.size) throw new FormatError(`truncated ${what}: need ${n} bytes at ${at}, the data ends at ${this.size}`, at);
    const hit = this.peek(at, n);
    if (hit) return hit;
    const got = await this.readFn(at, Math.min(Math.max(n, WINDOW_BYTES), this.size - at));
    if (got.length < n) throw new FormatError(`short read of ${what} at ${at}`, at);
    this.buf = got;
    this.bufStart = at;
    return got.subarray(0, n);
  }

  /** Reads the header at pos, checks its declared size against the bytes left, advances past it. */
  async header(): Promise<MsgHeader> {
    return this.headerSync() ?? this.finishHeader(await this.view(this.pos, 1, 'MessagePack type'));
  }

  /** The header at pos when the window holds it, else null (then header() refills). */
  headerSync(): MsgHeader | null {
    const first = this.peek(this.pos, 1);
    if (!first) return null;
    const size = headerSize(first[0]!, this.pos);
    const b = this.peek(this.pos, size);
    return b ? this.accept(decodeHeader(b, 0, this.pos)) : null;
  }

  private async finishHeader(first: Uint8Array): Promise<MsgHeader> {
    const size = headerSize(first[0]!, this.pos);
    return this.accept(decodeHeader(await this.view(this.pos, size, 'MessagePack header'), 0, this.pos));
  }

  private accept(h: MsgHeader): MsgHeader {
    this.pos += h.headerSize;
    if (minimumBytes(h) > this.remaining) throw new AbsurdLength(h, this.remaining);
    return h;
  }

  /** Copy of the first min(n, keep) bytes at pos (pos unchanged). */
  async prefix(n: number, keep: number): Promise<Uint8Array> {
    const k = Math.min(n, keep);
    if (k === 0) return new Uint8Array(0);
    if (k <= WINDOW_BYTES) return (this.peek(this.pos, k) ?? await this.view(this.pos, k, 'value')).slice();
    const got = await this.readFn(this.pos, k);
    if (got.length < k) throw new FormatError(`short read of value at ${this.pos}`, this.pos);
    return got;
  }
}

/** A declared length or count that the rest of the data cannot hold. */
export class AbsurdLength extends FormatError {
  constructor(readonly header: MsgHeader, readonly available: number) {
    super(`${header.kind} at ${header.offset} declares ${header.length} ${header.kind === 'array' || header.kind === 'map' ? 'items' : 'bytes'} but only ${available} bytes follow`, header.offset);
  }
}

/** An open map or array of the walk. `state` belongs to the caller (layout detection). */
export interface Container {
  kind: 'map' | 'array';
  pointer: string;
  offset: number;
  count: number;
  depth: number;
  /** The map key this container sits under (null in arrays and at the root). */
  key: string | null;
  state?: unknown;
}

export interface Value {
  pointer: string;
  /** The map key this value sits under (null in arrays and at the root). */
  key: string | null;
  header: MsgHeader;
  /** Absolute offset of the payload (str/bin/ext), just after the header. */
  payloadOffset: number;
  /** str/bin: the first bytes of the payload (up to the walk's `keep`); ext payloads are left to the caller. */
  prefix?: Uint8Array;
  parent: Container | null;
}

export interface WalkHooks {
  /** Bytes of a str/bin payload to hand over in Value.prefix. */
  keep(h: MsgHeader): number;
  /** Returns a promise only when it has asynchronous work (reads, child scans): scalars stay synchronous. */
  value(v: Value, stream: MsgStream): Promise<void> | void;
  open?(c: Container): void;
  close?(c: Container): Promise<void>;
  /** A container deeper than MAX_DEPTH: the walk stops there. */
  tooDeep(pointer: string, offset: number): void;
  checkAborted(): void;
}

export interface WalkResult {
  /** Offset just past the document (== size when nothing trails it). */
  end: number;
  values: number;
  maxDepth: number;
  /** False when the walk stopped early (too deep). */
  complete: boolean;
}

interface Frame extends Container {
  left: number;         // items (array) or entries (map) still to come
  index: number;
  pending: string | null;   // map: key of the value about to be read; null when a key comes next
}

/** Walks the document starting at stream.pos. Throws FormatError on malformed data. */
export async function walk(stream: MsgStream, hooks: WalkHooks): Promise<WalkResult> {
  const stack: Frame[] = [];
  let values = 0;
  let maxDepth = 0;
  for (;;) {
    // Pop finished containers.
    while (stack.length && stack[stack.length - 1]!.left === 0) await hooks.close?.(stack.pop()!);
    const top = stack[stack.length - 1];
    if (top && top.kind === 'map' && top.pending === null) { top.pending = readKeySync(stream, top) ?? await readKey(stream, top); continue; }
    if (!top && values > 0) return { end: stream.pos, values, maxDepth, complete: true };

    if (++values > MAX_VALUES) throw new LimitExceeded('flaxMaxValues', `more than ${MAX_VALUES} MessagePack values`);
    if ((values & 0xffff) === 0) hooks.checkAborted();
    const h = stream.headerSync() ?? await stream.header();
    let pointer = '';
    let key: string | null = null;
    if (top) {
      key = top.kind === 'map' ? top.pending : null;
      pointer = `${top.pointer}/${key === null ? top.index : PLAIN_TOKEN.test(key) ? key : pointerToken(key)}`;
      top.index++;
      top.left--;
      top.pending = null;
    }
    if (h.kind === 'map' || h.kind === 'array') {
      const depth = stack.length + 1;
      if (depth > MAX_DEPTH) {
        hooks.tooDeep(pointer, h.offset);
        return { end: stream.pos, values, maxDepth, complete: false };
      }
      maxDepth = Math.max(maxDepth, depth);
      const f: Frame = { kind: h.kind, pointer, offset: h.offset, count: h.length, depth, key, left: h.length, index: 0, pending: null };
      hooks.open?.(f);
      stack.push(f);
      continue;
    }
    const payloadOffset = stream.pos;
    const v: Value = { pointer, key, header: h, payloadOffset, parent: top ?? null };
    if (h.kind === 'str' || h.kind === 'bin') v.prefix = await stream.prefix(h.length, hooks.keep(h));
    const pending = hooks.value(v, stream);
    if (pending) await pending;
    stream.pos = payloadOffset + payloadBytes(h);
  }
}

/** Keys without '~' or '/' need no RFC 6901 escaping. */
const PLAIN_TOKEN = /^[^~/]*$/;

/** The key at pos when the window holds all of it, else null (pos unchanged). */
function readKeySync(stream: MsgStream, map: Frame): string | null {
  const at = stream.pos;
  const h = stream.headerSync();
  if (!h) return null;
  if (h.kind === 'str' || h.kind === 'bin') {
    const b = stream.peek(stream.pos, Math.min(h.length, MAX_KEY_BYTES));
    if (!b) { stream.pos = at; return null; }
    stream.pos += h.length;
    return keyText(b, h.length);
  }
  stream.pos = at;
  return null;
}

/** ASCII keys (nearly all) without a TextDecoder call. */
function keyText(b: Uint8Array, length: number): string {
  let text = '';
  if (b.length <= 64) {
    for (let i = 0; i < b.length; i++) {
      const c = b[i]!;
      if (c >= 0x80) { text = utf8(b); break; }
      text += String.fromCharCode(c);
    }
  } else {
    text = utf8(b);
  }
  return text + (length > MAX_KEY_BYTES ? '…' : '');
}

/**
 * A map key as text for the pointer. msgpack allows any type as a key; Flax writes str, msgpack-numpy
 * writes bin, lists become {'0': ...}. A map or array cannot be a Python dict key (unhashable), so a
 * loader fails there: malformed.
 */
async function readKey(stream: MsgStream, map: Frame): Promise<string> {
  const h = await stream.header();
  const start = stream.pos;
  stream.pos += payloadBytes(h);
  switch (h.kind) {
    case 'str': case 'bin': {
      return keyText(await stream.view(start, Math.min(h.length, MAX_KEY_BYTES), 'map key'), h.length);
    }
    case 'ext': return `<ext ${h.extType}>`;
    case 'map': case 'array':
      throw new FormatError(`a ${h.kind} is used as a key of the map at ${map.offset}`, h.offset);
    default: return String(h.value);
  }
}

