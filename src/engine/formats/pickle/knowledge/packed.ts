// Reader of the knowledge base's binary table (format 3, written by tools/knowledge/kbbinary.py, whose
// header is the layout's specification). The table stores each fact once, as columns of LEB128 varints:
// one string table (front-coded) for every segment, attribute and keyword name; the name tree as depth,
// flags and segment-code columns; per-node tables (alias, mro, cattrs, facts) as sorted node keys with
// their values, distinct lists and call shapes written once. It is 3.5 MB inflated where the format-2
// JSON it replaces was 10.4 MB (2.0 MB gzipped), and it loads straight into typed arrays: no JSON scan,
// no per-node JS objects (issue 15: the object graph of JSON.parse was ~60 MB of heap).
//
// The bytes are our own generated data, but they are read strictly all the same: every count, index
// and length is checked, and a malformed table throws (the loader's caller then falls back to the
// reviewed lists); it never yields a wrong answer.

import { encodeUtf8, utf8 } from '../../../io/text';
import { Reader, StringTable, fail } from './packed-strings';

const MAGIC = [0x4d, 0x47, 0x4b, 0x42]; // 'MGKB'
/** Container version written by kbbinary.py. */
export const TABLE_VERSION = 3;
/** Bits of a node symbol's `tables` field: which per-node tables hold the node (kbbinary.py TABLES). */
const TABLE_ALIAS = 0, TABLE_MRO = 1, TABLE_CATTRS = 2, TABLE_FACTS = 3;

/** UTF-8 bytes of a name; ASCII (nearly every name asked for) without an encoder call. */
function utf8Bytes(text: string): ArrayLike<number> {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return encodeUtf8(text);
    out[i] = c;
  }
  return out;
}

/**
 * The name tree: parent, flags and segment-string id per node. A node's children are listed in tree
 * order, which is segment order (export.py sorts them, the constructor checks it), so a child is found
 * by binary search: no hash tables to build when the table loads.
 */
export class NameTree {
  readonly size: number;
  private readonly parent: Int32Array;
  private readonly flag: Uint8Array;
  readonly seg: Int32Array;
  /** Children of node p (p = -1 for the top level) are kids[kidStart[p + 1] .. kidStart[p + 2]). */
  private readonly kidStart: Uint32Array;
  private readonly kids: Int32Array;
  /** The nodes each per-node table holds, ascending (TABLE_ALIAS ...: bits of a node symbol). */
  readonly held: Int32Array[];

  constructor(r: Reader, private readonly strings: StringTable) {
    const n = r.count();
    this.size = n;
    // node symbols: (depth step * 16 + tables) * 64 + flags (kbbinary.py)
    const depth = new Uint8Array(n);
    this.flag = new Uint8Array(n);
    const tables = new Uint8Array(n);
    const heldCount = [0, 0, 0, 0];
    for (let node = 0, d = -1; node < n; node++) {
      const v = r.uv();
      d = d + 1 - Math.floor(v / 1024);
      if (d < 0 || d > 255) fail(`tree node ${node} has depth ${d}`, r.at);
      depth[node] = d;
      tables[node] = (v >> 6) & 15;
      this.flag[node] = v & 63;
      for (let t = 0; t < 4; t++) heldCount[t] += (tables[node]! >> t) & 1;
    }
    this.held = heldCount.map((c) => new Int32Array(c));
    const heldAt = [0, 0, 0, 0];
    for (let node = 0; node < n; node++) {
      for (let t = 0; t < 4; t++) if ((tables[node]! >> t) & 1) this.held[t]![heldAt[t]!++] = node;
    }
    this.parent = new Int32Array(n);
    this.seg = new Int32Array(n);
    this.kidStart = new Uint32Array(n + 2);
    const stack = new Int32Array(256);
    let sp = 0;
    const lastShared = new Int32Array(n + 1).fill(-1);
    const lastKid = new Int32Array(n + 1).fill(-1);
    let nextOnce = strings.sharedCount;
    for (let node = 0; node < n; node++) {
      const d = depth[node]!;
      sp = d;
      const p = sp ? stack[sp - 1]! : -1;
      stack[sp++] = node;
      this.parent[node] = p;
      const v = r.uv();
      let id: number;
      if (v === 0) {
        id = nextOnce++;
        if (id >= strings.size) fail('more once-used segments than strings', r.at);
      } else {
        id = lastShared[p + 1] = lastShared[p + 1]! + v;
        if (id >= strings.sharedCount) fail('segment code out of range', r.at);
      }
      this.seg[node] = id;
      const before = lastKid[p + 1]!;
      if (before >= 0 && strings.order(this.seg[before]!, id) >= 0) fail(`tree node ${node} out of segment order`, r.at);
      lastKid[p + 1] = node;
      this.kidStart[p + 2]!++;
    }
    for (let i = 1; i < n + 2; i++) this.kidStart[i]! += this.kidStart[i - 1]!;
    this.kids = new Int32Array(n);
    const fill = this.kidStart.slice(0, n + 1);
    for (let node = 0; node < n; node++) this.kids[fill[this.parent[node]! + 1]!++] = node;
  }

  flags(node: number): number {
    return this.flag[node] ?? 0;
  }

  parentOf(node: number): number {
    return this.parent[node] ?? -1;
  }

  segment(node: number): string {
    return this.strings.get(this.seg[node]!);
  }

  /** The child of `parent` named `seg`, or undefined (parent -1: a top-level module). */
  child(parent: number, seg: string): number | undefined {
    if (parent < -1 || parent >= this.size) return undefined;
    const bytes = utf8Bytes(seg);
    let lo = this.kidStart[parent + 1]!;
    let hi = this.kidStart[parent + 2]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const node = this.kids[mid]!;
      const c = this.strings.compare(this.seg[node]!, bytes);
      if (c === 0) return node;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/** Position of `node` in ascending `keys`, or -1. */
function search(keys: Int32Array, node: number): number {
  let lo = 0, hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = keys[mid]!;
    if (v === node) return mid;
    if (v < node) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** node → list of integers (alias targets, MRO bases, string ids), as compressed sparse rows. */
export class NodeLists {
  constructor(private readonly keys: Int32Array, private readonly start: Uint32Array, private readonly items: Int32Array) {}

  ints(node: number): number[] | undefined {
    const i = search(this.keys, node);
    return i < 0 ? undefined : Array.from(this.items.subarray(this.start[i]!, this.start[i + 1]!));
  }

  /** Keyed tables whose values are distinct lists referenced by id (mro, cattrs). */
  static shared(r: Reader, keys: Int32Array, itemLimit: number): NodeLists {
    const k = keys.length;
    const ids = r.col(k);
    const l = r.count();
    const lengths = r.col(l);
    const listStart = new Uint32Array(l + 1);
    for (let i = 0; i < l; i++) listStart[i + 1] = listStart[i]! + lengths[i]!;
    const listItems = r.col(listStart[l]!);
    for (const x of listItems) if (x >= itemLimit) fail('list item out of range', r.at);
    const start = new Uint32Array(k + 1);
    for (let i = 0; i < k; i++) {
      if (ids[i]! >= l) fail('list id out of range', r.at);
      start[i + 1] = start[i]! + lengths[ids[i]!]!;
    }
    const items = new Int32Array(start[k]!);
    for (let i = 0; i < k; i++) items.set(listItems.subarray(listStart[ids[i]!]!, listStart[ids[i]! + 1]!), start[i]!);
    return new NodeLists(keys, start, items);
  }
}

/** facts entry as export.py writes it: [flat (sink code, next node) pairs, called positions, called keywords]. */
export type FactsEntry = [number[], number[], string[]];

export class FactsTable {
  constructor(private readonly keys: Int32Array, private readonly start: Uint32Array, private readonly sink: Uint8Array,
    private readonly next: Int32Array, private readonly shapeOf: Uint32Array, private readonly shapes: [number[], string[]][]) {}

  value(node: number): FactsEntry | undefined {
    const i = search(this.keys, node);
    if (i < 0) return undefined;
    const pairs: number[] = [];
    for (let j = this.start[i]!; j < this.start[i + 1]!; j++) pairs.push(this.sink[j]!, this.next[j]!);
    const [calls, kws] = this.shapes[this.shapeOf[i]!]!;
    return [pairs, [...calls], [...kws]];
  }
}

export interface PackedTable {
  readonly head: { meta: unknown; sinks: string[] };
  readonly strings: StringTable;
  readonly tree: NameTree;
  readonly alias: NodeLists;
  readonly mro: NodeLists;
  readonly cattrs: NodeLists;
  readonly facts: FactsTable;
}

/** Reads the whole table; throws on any inconsistency, including trailing bytes. */
export function readTable(b: Uint8Array): PackedTable {
  for (let i = 0; i < MAGIC.length; i++) if (b[i] !== MAGIC[i]) fail('not a knowledge-base table', i);
  if (b[4] !== TABLE_VERSION) fail(`table version ${b[4]}, expected ${TABLE_VERSION}`, 4);
  const r = new Reader(b);
  r.at = 5;
  const head = JSON.parse(utf8(r.raw(r.uv()))) as PackedTable['head'];
  if (!Array.isArray(head.sinks)) fail('no sink names', r.at);
  const strings = new StringTable(r);
  const tree = new NameTree(r, strings);
  const n = tree.size;

  // alias targets: even codes count the nodes (in tree order) that share the key's segment
  const keys = tree.held[TABLE_ALIAS]!;
  const k = keys.length;
  const counts = r.col(k);
  const start = new Uint32Array(k + 1);
  for (let i = 0; i < k; i++) start[i + 1] = start[i]! + counts[i]!;
  const bySegStart = new Uint32Array(strings.size + 1);
  for (let i = 0; i < n; i++) bySegStart[tree.seg[i]! + 1]!++;
  for (let s = 0; s < strings.size; s++) bySegStart[s + 1]! += bySegStart[s]!;
  const bySeg = new Int32Array(n);
  const fill = bySegStart.slice(0, strings.size);
  for (let i = 0; i < n; i++) bySeg[fill[tree.seg[i]!]!++] = i;
  const targets = new Int32Array(start[k]!);
  for (let i = 0; i < k; i++) {
    const seg = tree.seg[keys[i]!]!;
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      const v = r.uv();
      const t = v % 2 ? (v - 1) / 2 : bySegStart[seg]! + v / 2 < bySegStart[seg + 1]! ? bySeg[bySegStart[seg]! + v / 2]! : -1;
      if (t < 0 || t >= n) fail('alias target out of range', r.at);
      targets[j] = t;
    }
  }
  const alias = new NodeLists(keys, start, targets);
  const mro = NodeLists.shared(r, tree.held[TABLE_MRO]!, n);
  const cattrs = NodeLists.shared(r, tree.held[TABLE_CATTRS]!, strings.size);
  const facts = readFacts(r, tree.held[TABLE_FACTS]!, n, strings, head.sinks.length);
  if (r.at !== b.length) fail('trailing bytes', r.at);
  return { head, strings, tree, alias, mro, cattrs, facts };
}

function readFacts(r: Reader, keys: Int32Array, n: number, strings: StringTable, sinkCount: number): FactsTable {
  const combos: Uint8Array[] = [];
  for (let i = 0, c = r.count(); i < c; i++) {
    const sinks = r.raw(r.count());
    for (const s of sinks) if (s >= sinkCount) fail('unknown sink code', r.at);
    combos.push(sinks);
  }
  const shapes: [number[], string[]][] = [];
  for (let i = 0, h = r.count(); i < h; i++) {
    const calls = Array.from(r.col(r.count()), (c) => c - 1);
    const kws = Array.from(r.col(r.count()), (w) => (w < strings.size ? strings.get(w) : fail('keyword id out of range', r.at)));
    shapes.push([calls, kws]);
  }
  const k = keys.length;
  const comboOf = r.col(k);
  const shapeOf = r.col(k);
  const start = new Uint32Array(k + 1);
  for (let i = 0; i < k; i++) {
    if (comboOf[i]! >= combos.length) fail('sink combination out of range', r.at);
    if (shapeOf[i]! >= shapes.length) fail('call shape out of range', r.at);
    start[i + 1] = start[i]! + combos[comboOf[i]!]!.length;
  }
  const sink = new Uint8Array(start[k]!);
  const next = new Int32Array(start[k]!);
  for (let i = 0; i < k; i++) {
    sink.set(combos[comboOf[i]!]!, start[i]!);
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      const v = r.uv();
      const w = v - 2;
      let t: number;
      if (v === 0) t = -1;
      else if (v === 1) t = j > start[i]! ? next[j - 1]! : n;
      else if (w % 2) t = (w - 1) / 2 < k ? keys[(w - 1) / 2]! : n;
      else t = w / 2;
      if (t >= n) fail('path step out of range', r.at);
      next[j] = t;
    }
  }
  return new FactsTable(keys, start, sink, next, shapeOf, shapes);
}
