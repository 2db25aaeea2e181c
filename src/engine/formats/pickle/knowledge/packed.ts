// Compact runtime form of the knowledge base. The decoded JSON (9 MB, tools/knowledge/export.py format 2)
// is kept as the one byte array it arrives in, off the JS heap, and indexed with typed arrays: the name
// tree as parent/flags/segment-range columns plus an open-addressing hash of (parent, segment) → node,
// and each per-node table (alias, mro, cattrs, facts) as sorted node ids with the byte offset of their
// JSON value, decoded when a lookup asks for it. JSON.parse of the whole text built ~225k strings, a
// Map key per node and ~150k small arrays: ~60 MB of heap and a ~120 MB peak in the scan that loaded it
// (issue 15: the zlib joblib forest peaked at 257 MiB, half of it this).
//
// The text is our own generated data, but it is parsed strictly all the same: a malformed table throws
// (the loader's caller then falls back to the reviewed lists), it never yields a wrong answer.

import { utf8 } from '../../../io/text';

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a, MINUS = 0x2d, LETTER_N = 0x6e;
const OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d, OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d;

/** One character per depth and per flags value in a tree line (tools/knowledge/export.py TREE_DIGITS). */
const TREE_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const DIGIT_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < TREE_DIGITS.length; i++) DIGIT_VALUE[TREE_DIGITS.charCodeAt(i)] = i;

function fail(what: string, at: number): never {
  throw new Error(`the knowledge base is malformed: ${what} at byte ${at}`);
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(b: Uint8Array, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

/** Index just past the closing quote of the JSON string opening at `i`. */
function skipString(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    const c = b[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return fail('unterminated string', i);
}

/** Index just past the JSON value starting at `i` (which must not be whitespace). */
export function skipValue(b: Uint8Array, i: number): number {
  const first = b[i];
  if (first === QUOTE) return skipString(b, i);
  if (first === OPEN_ARRAY || first === OPEN_OBJECT) {
    let depth = 0;
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === QUOTE) i = skipString(b, i) - 1;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) depth++;
      else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && --depth === 0) return i + 1;
    }
    return fail('unterminated container', i);
  }
  const start = i;
  while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_ARRAY && b[i] !== CLOSE_OBJECT && !isSpace(b[i])) i++;
  return i > start ? i : fail('missing value', i);
}

/** Calls `member(keyStart, keyEnd, valueStart, valueEnd)` for each member of the object at `i` (key without quotes). */
export function forEachMember(b: Uint8Array, i: number, member: (ks: number, ke: number, vs: number, ve: number) => void): number {
  i = skipSpace(b, i);
  if (b[i] !== OPEN_OBJECT) fail('expected an object', i);
  i = skipSpace(b, i + 1);
  if (b[i] === CLOSE_OBJECT) return i + 1;
  for (;;) {
    if (b[i] !== QUOTE) fail('expected a key', i);
    const ke = skipString(b, i);
    const ks = i + 1;
    i = skipSpace(b, ke);
    if (b[i] !== COLON) fail('expected a colon', i);
    const vs = skipSpace(b, i + 1);
    const ve = skipValue(b, vs);
    member(ks, ke - 1, vs, ve);
    i = skipSpace(b, ve);
    if (b[i] === CLOSE_OBJECT) return i + 1;
    if (b[i] !== COMMA) fail('expected a comma', i);
    i = skipSpace(b, i + 1);
  }
}

/** The JSON value in bytes [start, end) (small slices: one table entry). */
export function parseSlice(b: Uint8Array, start: number, end: number): unknown {
  return JSON.parse(utf8(b.subarray(start, end)));
}

/** A JSON array of integers, read without building a string (alias and mro lists, hit on every lookup). */
export function parseInts(b: Uint8Array, start: number, end: number): number[] {
  const out: number[] = [];
  let i = skipSpace(b, start);
  if (b[i] !== OPEN_ARRAY) fail('expected an array', i);
  i = skipSpace(b, i + 1);
  if (b[i] === CLOSE_ARRAY) return out;
  while (i < end) {
    const negative = b[i] === MINUS;
    if (negative) i++;
    const digitsAt = i;
    let n = 0;
    while (b[i]! >= 0x30 && b[i]! <= 0x39) n = n * 10 + b[i++]! - 0x30;
    if (i === digitsAt) fail('expected an integer', i);
    out.push(negative ? -n : n);
    i = skipSpace(b, i);
    if (b[i] === CLOSE_ARRAY) return out;
    if (b[i] !== COMMA) fail('expected a comma', i);
    i = skipSpace(b, i + 1);
  }
  return fail('unterminated array', i);
}

function parseKey(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) fail('expected a node number as key', i);
    n = n * 10 + d;
  }
  return end > start ? n : fail('empty key', start);
}

/** A per-node table ({"node": value, ...}) as sorted node ids and the byte range of each value. */
export class NodeTable {
  private readonly nodes: Int32Array;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  constructor(private readonly bytes: Uint8Array, at: number) {
    // Two passes straight into typed arrays: a JS array of 150k+ entries would grow the heap by
    // several MB for the duration of the load, and V8 keeps grown heap pages long after.
    let count = 0;
    forEachMember(bytes, at, () => { count++; });
    let nodes = new Int32Array(count);
    let starts = new Uint32Array(count);
    let ends = new Uint32Array(count);
    let k = 0;
    let sorted = true;
    forEachMember(bytes, at, (ks, ke, vs, ve) => {
      nodes[k] = parseKey(bytes, ks, ke);
      starts[k] = vs;
      ends[k] = ve;
      if (k > 0 && nodes[k]! < nodes[k - 1]!) sorted = false;
      k++;
    });
    if (!sorted) {
      // export.py writes node order; another writer may not. Stable: a later duplicate stays later.
      const [pn, ps, pe] = [nodes, starts, ends];
      const order = new Uint32Array(count).map((_, i) => i).sort((x, y) => pn[x]! - pn[y]! || x - y);
      nodes = Int32Array.from(order, (i) => pn[i]!);
      starts = Uint32Array.from(order, (i) => ps[i]!);
      ends = Uint32Array.from(order, (i) => pe[i]!);
    }
    // A later duplicate key wins, as in JSON.parse: keep the last of each run of equal nodes.
    let n = 0;
    for (let i = 0; i < count; i++) {
      if (i + 1 < count && nodes[i + 1] === nodes[i]) continue;
      nodes[n] = nodes[i]!;
      starts[n] = starts[i]!;
      ends[n] = ends[i]!;
      n++;
    }
    this.nodes = n < count ? nodes.slice(0, n) : nodes;
    this.starts = n < count ? starts.slice(0, n) : starts;
    this.ends = n < count ? ends.slice(0, n) : ends;
  }

  /** Byte range of the node's value, or null when the table has no entry for it. */
  private range(node: number): [number, number] | null {
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.nodes[mid]!;
      if (v === node) return [this.starts[mid]!, this.ends[mid]!];
      if (v < node) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  ints(node: number): number[] | undefined {
    const r = this.range(node);
    return r ? parseInts(this.bytes, r[0], r[1]) : undefined;
  }

  value<T>(node: number): T | undefined {
    const r = this.range(node);
    return r ? (parseSlice(this.bytes, r[0], r[1]) as T) : undefined;
  }
}

/** FNV-1a over UTF-16 code units (segments kept as bytes are ASCII, so bytes and code units agree). */
function hashSegment(parent: number, seg: string): number {
  let h = Math.imul(0x811c9dc5 ^ (parent + 1), 0x01000193);
  for (let i = 0; i < seg.length; i++) h = Math.imul(h ^ seg.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The name tree from the JSON string of `<depth><flags><segment>` lines separated by `\n` escapes; a
 * node's parent is the nearest line above with depth one less (export.py `Trie.preorder`).
 */
export class NameTree {
  readonly size: number;
  private readonly parent: Int32Array;
  private readonly flag: Uint8Array;
  private readonly segStart: Uint32Array;
  private readonly segEnd: Uint32Array;
  /** Segments that are not plain ASCII in the text (escaped or UTF-8), decoded; none in today's data. */
  private readonly decoded = new Map<number, string>();
  /** Open addressing, node + 1 per slot (0: empty), keyed by hashSegment(parent, segment). */
  private readonly slots: Int32Array;

  constructor(private readonly bytes: Uint8Array, at: number) {
    const b = bytes;
    if (b[at] !== QUOTE) fail('expected the tree string', at);
    const end = skipString(b, at) - 1;
    let lines = 1;
    for (let i = at + 1; i < end; i++) {
      if (b[i] === BACKSLASH) {
        if (b[i + 1] === LETTER_N) lines++;
        i++;
      }
    }
    this.size = lines;
    this.parent = new Int32Array(lines);
    this.flag = new Uint8Array(lines);
    this.segStart = new Uint32Array(lines);
    this.segEnd = new Uint32Array(lines);
    let capacity = 1024;
    while (capacity < lines * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    const stack: number[] = [];
    let i = at + 1;
    for (let node = 0; node < lines; node++) {
      let lineEnd = i;
      let plain = true;
      while (lineEnd < end && !(b[lineEnd] === BACKSLASH && b[lineEnd + 1] === LETTER_N)) {
        if (b[lineEnd] === BACKSLASH) { plain = false; lineEnd++; } else if (b[lineEnd]! >= 0x80) plain = false;
        lineEnd++;
      }
      // Same reading as `line.split('\n')` over the decoded string: depth and flags one TREE_DIGIT each.
      const depth = i < lineEnd ? DIGIT_VALUE[b[i]!]! : -1;
      stack.length = Math.max(0, Math.min(stack.length, depth));
      const p = stack.length ? stack[stack.length - 1]! : -1;
      stack.push(node);
      this.parent[node] = p;
      this.flag[node] = i + 1 < lineEnd ? DIGIT_VALUE[b[i + 1]!]! : -1;
      this.segStart[node] = Math.min(i + 2, lineEnd);
      this.segEnd[node] = lineEnd;
      if (!plain) this.decoded.set(node, (JSON.parse(`"${utf8(b.subarray(i, lineEnd))}"`) as string).slice(2));
      this.insert(node, p);
      i = lineEnd + 2;
    }
  }

  flags(node: number): number {
    return this.flag[node] ?? 0;
  }

  parentOf(node: number): number {
    return this.parent[node] ?? -1;
  }

  segment(node: number): string {
    const odd = this.decoded.get(node);
    if (odd !== undefined) return odd;
    let s = '';
    for (let i = this.segStart[node]!; i < this.segEnd[node]!; i++) s += String.fromCharCode(this.bytes[i]!);
    return s;
  }

  /** The child of `parent` named `seg`, or undefined (parent -1: a top-level module). */
  child(parent: number, seg: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let h = hashSegment(parent, seg) & mask; ; h = (h + 1) & mask) {
      const v = this.slots[h]!;
      if (v === 0) return undefined;
      if (this.parent[v - 1] === parent && this.segmentIs(v - 1, seg)) return v - 1;
    }
  }

  private segmentIs(node: number, seg: string): boolean {
    const odd = this.decoded.get(node);
    if (odd !== undefined) return odd === seg;
    const start = this.segStart[node]!;
    if (this.segEnd[node]! - start !== seg.length) return false;
    for (let k = 0; k < seg.length; k++) if (this.bytes[start + k] !== seg.charCodeAt(k)) return false;
    return true;
  }

  private sameSegment(a: number, b: number): boolean {
    const oa = this.decoded.get(a);
    const ob = this.decoded.get(b);
    if (oa !== undefined || ob !== undefined) return (oa ?? this.segment(a)) === (ob ?? this.segment(b));
    const sa = this.segStart[a]!;
    const sb = this.segStart[b]!;
    const len = this.segEnd[a]! - sa;
    if (this.segEnd[b]! - sb !== len) return false;
    for (let k = 0; k < len; k++) if (this.bytes[sa + k] !== this.bytes[sb + k]) return false;
    return true;
  }

  /** A later line with the same parent and segment replaces the earlier one, as Map.set did. */
  private insert(node: number, parent: number): void {
    const odd = this.decoded.get(node);
    const mask = this.slots.length - 1;
    let h = Math.imul(0x811c9dc5 ^ (parent + 1), 0x01000193);
    if (odd !== undefined) h = hashSegment(parent, odd);
    else for (let i = this.segStart[node]!; i < this.segEnd[node]!; i++) h = Math.imul(h ^ this.bytes[i]!, 0x01000193);
    for (h = (h >>> 0) & mask; ; h = (h + 1) & mask) {
      const v = this.slots[h]!;
      if (v === 0 || (this.parent[v - 1] === parent && this.sameSegment(v - 1, node))) {
        this.slots[h] = node + 1;
        return;
      }
    }
  }
}

/** Byte offset of each top-level member's value in the document. */
export function topLevel(b: Uint8Array): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  const end = forEachMember(b, skipSpace(b, 0), (ks, ke, vs, ve) => out.set(utf8(b.subarray(ks, ke)), [vs, ve]));
  if (skipSpace(b, end) !== b.length) fail('trailing bytes', end);
  return out;
}
