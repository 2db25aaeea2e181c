// The unpickler's memo (PUT/BINPUT/LONG_BINPUT/MEMOIZE store, GET/BINGET/LONG_BINGET fetch). Dense keys
// [0, length), which a pickle of millions of objects fills in order (one MEMOIZE per object), are kept
// as a byte log: one entry of a few bytes per key, located through an index of one int32 per
// INDEX_GROUP keys. Keys stored out of order above the dense end go to a Map, so a hostile
// LONG_BINPUT 0xffffffff costs one entry, not a 4 G-slot array.
import { FormatError, LimitExceeded } from '../../types';
import { bytesToLatin1 } from './args';
import { isNode, type Node, type Val } from './values';

/** Distinct memo keys. Each costs an entry in the log; a pickle of millions of objects memoizes each once. */
export const MAX_MEMO_ENTRIES = 50_000_000;
/** Memoized strings longer than this are kept as a marker: an import name is never that long. */
const MAX_MEMO_STRING = 1024;
/** Values per chunk: 8192 × 8 bytes stays below V8's large-object size, so a chunk starts young. */
const CHUNK_SHIFT = 13;
const CHUNK = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK - 1;

/** Callees whose memoized results keep their arguments (see compact). */
const LOOKUPS = new Set(['getattr', '_load_type', '_builtin_type', '_create_namedtuple']);
const OPAQUE_LIST: Node = { t: 'unknown', why: 'a memoized list', off: -1 };
const OPAQUE_DICT: Node = { t: 'unknown', why: 'a memoized dict', off: -1 };
const OPAQUE_SET: Node = { t: 'unknown', why: 'a memoized set', off: -1 };
const LONG_STRING: Node = { t: 'unknown', why: 'a long memoized string', off: -1 };

/**
 * Log entry tags. A tag 0..LOG_STR is a latin-1 string of that many bytes, which follow. A container
 * is its tag alone (its memo value is a shared marker). T_VAL: the value is kept as a JS value in
 * `vals`. T_TUPLE + n (n = 1..PACKED_TUPLE_MAX): a kinds byte (2 bits per item) and, per int item,
 * a varint of the zigzag difference from the previous int item (so (i, i + 1) costs 1 + 1 + 4 + 1
 * bytes for i below 2^27). T_JUMP: the rest of the block is unused; the next entry starts the next block.
 */
const T_DICT = 0x21, T_LIST = 0x22, T_SET = 0x23, T_VAL = 0x24, T_TUPLE = 0x28, T_JUMP = 0xff;
/** Strings up to this long, all chars below U+0100, are kept as bytes in the log (no GC object). */
const LOG_STR = 32;
/**
 * Tuples of up to this many items, each an int32, a bool or None, are packed in the log instead of
 * kept as nodes: records like {"pos": (i, i + 1)} memoize one such tuple each, and 3.9 M tuple nodes
 * held in the memo were two thirds of the peak memory of such a pickle.
 */
const PACKED_TUPLE_MAX = 4;
/** Item kinds in a packed tuple's kinds byte. */
const K_INT = 0, K_TRUE = 1, K_FALSE = 2, K_NONE = 3;
/** Longest entry: a tuple of 4 ints (tag, kinds, 4 varints of up to 5 bytes) or a string (tag + 32). */
const MAX_ENTRY = 1 + LOG_STR;
/**
 * The log grows by fixed blocks, never by doubling: a doubled copy of a 64 MB table holds both until a
 * full GC frees the old one, and that transient was the peak RSS of a dense pickle.
 */
const BLOCK_SHIFT = 20;
const BLOCK = 1 << BLOCK_SHIFT;
const BLOCK_MASK = BLOCK - 1;
/**
 * Log bytes. 50 M keys of short strings fit; past this a memo flooded with PUTs would hold gigabytes,
 * so the scan stops with a limit (reported incomplete, never clean). Addresses are int32 (block << 20).
 */
const MAX_LOG_BLOCKS = 1536;
/**
 * The first log block and the first index part start this small and grow (×4, by copy) up to BLOCK and
 * 1 << INDEX_SHIFT: most pickles memoize a few hundred keys, and allocating 1.25 MiB for each one was
 * most of the cost of scanning a small pickle (zeroing it, then the GC it brought on: 1 of ~5 ms).
 * Addresses do not change: a block only moves on to the next once it has reached BLOCK.
 */
const FIRST_BLOCK = 4096;
const FIRST_INDEX_PART = 512;
/** Keys per index entry: a GET walks at most INDEX_GROUP - 1 entries from the group's start. */
const GROUP_SHIFT = 3;
const GROUP_MASK = (1 << GROUP_SHIFT) - 1;
const INDEX_SHIFT = 16;
const INDEX_MASK = (1 << INDEX_SHIFT) - 1;
/** Recently fetched values, by key modulo this: dict keys are fetched once per record. */
const CACHE_BITS = 12;
const CACHE_MASK = (1 << CACHE_BITS) - 1;

/**
 * A pickle of millions of objects memoizes every container and string. Keeping each as a JS value
 * makes every one survive into the old generation (copied twice by the scavenger, then scanned), and
 * that GC work was most of the cost of a dense pickle; a slot per key plus an arena for the strings
 * was most of its memory. So each dense key is one entry in an off-heap byte log: a container is one
 * byte, a short string its bytes, a small tuple of ints a few varint bytes; a string or tuple becomes a
 * JS value again only when a GET fetches it (then kept in a small cache, as dict keys are fetched
 * again and again). Everything else is a value kept in chunks of a JS array.
 */
export class Memo {
  private readonly log: Uint8Array[] = [];
  /** The last block of the log (empty: no block yet). */
  private cur = new Uint8Array(0);
  private logPos = BLOCK;        // offset in the last block (BLOCK: no block yet)
  /** Log address (block << BLOCK_SHIFT | offset) of the entry of every INDEX_GROUP-th dense key. */
  private readonly index: Int32Array[] = [];
  private readonly vals: Array<Array<Val | undefined> | undefined> = [];
  private readonly sparse = new Map<number, Val>();
  /** Dense keys stored again (a second PUT to the same key): their entries in the log are stale. */
  private readonly over = new Map<number, Val>();
  private readonly cacheKey = new Int32Array(1 << CACHE_BITS).fill(-1);
  private readonly cacheVal: Val[] = new Array<Val>(1 << CACHE_BITS).fill(null);
  /** Dense keys: every key below this is stored. */
  length = 0;
  /** Distinct keys stored (dense + sparse): MEMOIZE's next key, as len(memo) in CPython. */
  size = 0;
  private readonly results = new Map<string, Node & { t: 'call' }>();

  /** The entry `i`, undefined when never stored. The cached case is small enough to inline into the fast path. */
  get(i: number): Val | undefined {
    const c = i & CACHE_MASK;
    return this.cacheKey[c] === i ? this.cacheVal[c] : this.fetch(i, c);
  }

  private fetch(i: number, c: number): Val | undefined {
    if (i >= this.length) return this.sparse.get(i);
    if (this.over.size && this.over.has(i)) return this.over.get(i);
    const g = i >>> GROUP_SHIFT;
    let a = this.index[g >>> INDEX_SHIFT]![g & INDEX_MASK]!;
    let blk = this.log[a >>> BLOCK_SHIFT]!, p = a & BLOCK_MASK;
    for (let k = i & GROUP_MASK; ; k--) {
      if (p >= BLOCK || blk[p] === T_JUMP) { a = ((a >>> BLOCK_SHIFT) + 1) << BLOCK_SHIFT; blk = this.log[a >>> BLOCK_SHIFT]!; p = 0; }
      if (k === 0) break;
      p += entryLength(blk, p);
    }
    const tag = blk[p]!;
    let v: Val;
    if (tag <= LOG_STR) v = bytesToLatin1(blk, p + 1, tag);
    else if (tag === T_VAL) return this.vals[i >>> CHUNK_SHIFT]![i & CHUNK_MASK];
    else if (tag === T_DICT) return OPAQUE_DICT;
    else if (tag === T_LIST) return OPAQUE_LIST;
    else if (tag === T_SET) return OPAQUE_SET;
    else v = unpackTuple(blk, p);
    this.cacheKey[c] = i;
    this.cacheVal[c] = v;
    return v;
  }

  /**
   * Room for one entry of at most MAX_ENTRY bytes at this.cur[this.logPos]; indexes it when it starts a
   * group. Kept small so that it inlines into append: the rare cases are out of line.
   */
  private reserve(i: number): void {
    if (this.logPos + MAX_ENTRY > this.cur.length) this.grow(i);
    if ((i & GROUP_MASK) === 0) this.indexGroup(i);
  }

  /** A new block, or a bigger first block (see FIRST_BLOCK). */
  private grow(i: number): void {
    if (this.logPos + MAX_ENTRY > BLOCK) {
      if (this.log.length >= MAX_LOG_BLOCKS) throw new LimitExceeded('pickleMemo', `memo log above ${MAX_LOG_BLOCKS} MiB at key ${i}`);
      if (this.log.length) this.cur[this.logPos] = T_JUMP;
      this.cur = new Uint8Array(this.log.length ? BLOCK : FIRST_BLOCK);
      this.log.push(this.cur);
      this.logPos = 0;
    } else {
      const grown = new Uint8Array(Math.min(BLOCK, this.cur.length * 4));
      grown.set(this.cur);
      this.log[this.log.length - 1] = this.cur = grown;
    }
  }

  /** Records the log address of dense key `i` (a multiple of INDEX_GROUP). */
  private indexGroup(i: number): void {
    const a = ((this.log.length - 1) << BLOCK_SHIFT) | this.logPos;
    const g = i >>> GROUP_SHIFT, at = g & INDEX_MASK;
    if (at === 0 && this.index.length === g >>> INDEX_SHIFT) this.index.push(new Int32Array(this.index.length ? 1 << INDEX_SHIFT : FIRST_INDEX_PART));
    let part = this.index[g >>> INDEX_SHIFT]!;
    if (at >= part.length) {
      const grown = new Int32Array(Math.min(1 << INDEX_SHIFT, part.length * 4));
      grown.set(part);
      this.index[g >>> INDEX_SHIFT] = part = grown;
    }
    part[at] = a;
  }

  /** MEMOIZE with no sparse keys (size === length): appends without the checks of put(). */
  append(v: Val): void {
    const i = this.length;
    this.reserve(i);
    const blk = this.cur;
    const p = this.logPos;
    let n = 1;
    if (typeof v === 'object' && v !== null) {
      const t = v.t;
      if (t === 'dict') blk[p] = T_DICT;
      else if (t === 'list') blk[p] = T_LIST;
      else if (t === 'set') blk[p] = T_SET;
      else if (t === 'tuple' && v.n > 0 && (n = packTuple(v, blk, p)) > 0) { /* packed */ }
      else { n = 1; this.keep(i, blk, p, v); }
    } else if (typeof v === 'string' && v.length <= LOG_STR && isLatin1(v)) {
      const len = v.length;
      blk[p] = len;
      for (let k = 0; k < len; k++) blk[p + 1 + k] = v.charCodeAt(k);
      n = 1 + len;
    } else this.keep(i, blk, p, v);
    this.logPos = p + n;
    this.length = i + 1;
    this.size++;
  }

  /** MEMOIZE of the empty dict (or list) just pushed (size === length): its tag alone. */
  appendContainer(dict: boolean): void {
    const i = this.length;
    this.reserve(i);
    this.cur[this.logPos++] = dict ? T_DICT : T_LIST;
    this.length = i + 1;
    this.size++;
  }

  /**
   * MEMOIZE of a string just decoded from `n` bytes at `b[at]`, all below 0x80 (size === length): its
   * bytes go to the log straight from the buffer. The value is the same string append() would keep.
   */
  appendAscii(b: Uint8Array, at: number, n: number, v: string): void {
    const i = this.length;
    this.reserve(i);
    const blk = this.cur;
    const p = this.logPos;
    if (n <= LOG_STR) {
      blk[p] = n;
      for (let k = 0; k < n; k++) blk[p + 1 + k] = b[at + k]!;
      this.logPos = p + 1 + n;
    } else {
      this.keep(i, blk, p, v);
      this.logPos = p + 1;
    }
    this.length = i + 1;
    this.size++;
  }

  /** A T_VAL entry at blk[p]: the value itself goes to the chunks. */
  private keep(i: number, blk: Uint8Array, p: number, v: Val): void {
    blk[p] = T_VAL;
    const ci = i >>> CHUNK_SHIFT;
    while (this.vals.length <= ci) this.vals.push(undefined);
    let chunk = this.vals[ci];
    if (chunk === undefined) { chunk = new Array<Val | undefined>(CHUNK); this.vals[ci] = chunk; }
    chunk[i & CHUNK_MASK] = this.compact(v);
  }

  put(i: number, v: Val, off: number): void {
    if (!Number.isInteger(i) || i < 0) throw new FormatError(`negative or invalid memo key ${String(i)} at ${off}`, off);
    const c = i & CACHE_MASK;
    if (this.cacheKey[c] === i) this.cacheKey[c] = -1;
    if (i < this.length) { this.over.set(i, this.compact(v)); return; }
    if (i === this.length) {
      if (this.size >= MAX_MEMO_ENTRIES && !this.sparse.has(i)) this.tooMany(off);
      const known = this.sparse.size > 0 && this.sparse.delete(i); // same key, already counted
      this.append(v);
      if (known) this.size--;
      return;
    }
    if (this.sparse.has(i)) { this.sparse.set(i, this.compact(v)); return; }
    if (this.size >= MAX_MEMO_ENTRIES) this.tooMany(off);
    this.sparse.set(i, this.compact(v));
    this.size++;
  }

  private tooMany(off: number): never {
    throw new LimitExceeded('pickleMemo', `more than ${MAX_MEMO_ENTRIES} memo entries at ${off}`);
  }

  /**
   * What the memo keeps of a value. Mutable containers are memoized while still empty, and a pickle
   * of millions of objects memoizes each: keeping them would hold the whole object graph. Pickle has
   * no opcode that reads an item back out of a container, so only what matters to judging is kept:
   * strings (STACK_GLOBAL operands), globals, and a per-callee stand-in for call results.
   */
  compact(v: Val): Val {
    if (!isNode(v)) return typeof v === 'string' && v.length > MAX_MEMO_STRING ? LONG_STRING : v;
    switch (v.t) {
      case 'list': return OPAQUE_LIST;
      case 'dict': return OPAQUE_DICT;
      case 'set': return OPAQUE_SET;
      case 'bytes': return v.b && v.b.length <= 64 ? v : { t: 'bytes', b: null, len: v.len, off: v.off };
      case 'call': {
        // numpy dtypes are memoized and reused by joblib wrappers, which need their args and state.
        if (!isNode(v.fn) || v.fn.t !== 'global' || v.fn.name === 'dtype') return v;
        // Lookups (getattr(cls, 'name'), dill's _load_type('slice')) are judged by their arguments when
        // their memoized result is called later; they are as small as the short tuples kept below.
        if (LOOKUPS.has(v.fn.name) && isNode(v.args) && v.args.t === 'tuple' && v.args.n <= 4) return v;
        let s = this.results.get(v.fn.key);
        if (!s) { s = { t: 'call', fn: v.fn, args: { t: 'unknown', why: 'args', off: v.off }, off: v.off, op: v.op }; this.results.set(v.fn.key, s); }
        return s;
      }
      case 'tuple': case 'frozenset':
        return v.n <= 4 ? v : { t: 'unknown', why: `a memoized ${v.t}`, off: -1 };
      default: return v;
    }
  }
}

function isLatin1(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0xff) return false;
  return true;
}

/** Bytes of the log entry at blk[p] (not T_JUMP). */
function entryLength(blk: Uint8Array, p: number): number {
  const tag = blk[p]!;
  if (tag <= LOG_STR) return 1 + tag;
  if (tag < T_TUPLE) return 1;
  const n = tag - T_TUPLE, kinds = blk[p + 1]!;
  let q = p + 2;
  for (let k = 0; k < n; k++) if (((kinds >>> (2 * k)) & 3) === K_INT) while (blk[q++]! & 0x80);
  return q - p;
}

/**
 * Writes `v` as a T_TUPLE entry at blk[p] when it is a tuple of 1..PACKED_TUPLE_MAX int32s, bools
 * and Nones; returns its length in bytes, or 0 (nothing written) when it is not such a tuple.
 */
function packTuple(v: { items: Val[]; n: number }, blk: Uint8Array, p: number): number {
  const n = v.n, items = v.items;
  if (n > PACKED_TUPLE_MAX || items.length !== n) return 0;
  let kinds = 0;
  for (let k = 0; k < n; k++) {
    const x = items[k];
    const t = x === null ? K_NONE : x === true ? K_TRUE : x === false ? K_FALSE : typeof x === 'number' && (x | 0) === x && !Object.is(x, -0) ? K_INT : -1;
    if (t < 0) return 0;
    kinds |= t << (2 * k);
  }
  blk[p] = T_TUPLE + n;
  blk[p + 1] = kinds;
  let q = p + 2, prev = 0;
  for (let k = 0; k < n; k++) {
    if (((kinds >>> (2 * k)) & 3) !== K_INT) continue;
    const x = items[k] as number, d = x - prev;
    prev = x;
    let z = d >= 0 ? 2 * d : -2 * d - 1;          // zigzag: |d| < 2^32, so z < 2^33 (exact in a double)
    if (z < 0x80) { blk[q++] = z; continue; }     // the common case: (i, i + 1) and small ints
    while (z >= 0x80) { blk[q++] = (z % 0x80) | 0x80; z = Math.floor(z / 0x80); }
    blk[q++] = z;
  }
  return q - p;
}

function unpackTuple(blk: Uint8Array, p: number): Node {
  const n = blk[p]! - T_TUPLE, kinds = blk[p + 1]!;
  const items: Val[] = [];
  let q = p + 2, prev = 0;
  for (let k = 0; k < n; k++) {
    const t = (kinds >>> (2 * k)) & 3;
    if (t !== K_INT) { items.push(t === K_TRUE ? true : t === K_FALSE ? false : null); continue; }
    let z = 0, mul = 1, c: number;
    do { c = blk[q++]!; z += (c & 0x7f) * mul; mul *= 0x80; } while (c & 0x80);
    prev += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    items.push(prev);
  }
  return { t: 'tuple', items, n };
}
