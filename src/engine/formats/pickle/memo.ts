// The unpickler's memo (PUT/BINPUT/LONG_BINPUT/MEMOIZE store, GET/BINGET/LONG_BINGET fetch). Dense keys
// [0, length), which a pickle of millions of objects fills in order (one MEMOIZE per object), have an
// int32 slot each; keys stored out of order above the dense end go to a Map, so a hostile
// LONG_BINPUT 0xffffffff costs one entry, not a 4 G-slot array.
import { FormatError, LimitExceeded } from '../../types';
import { bytesToLatin1 } from './args';
import { isNode, type Node, type Val } from './values';

/** Distinct memo keys. Each costs one slot; a pickle of millions of objects memoizes each once. */
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
 * Dense slot codes below zero; a slot >= 0 is the arena address of a string's bytes (block << 20 | offset);
 * a slot <= S_TUPLE is a small tuple packed in the tuple store at index S_TUPLE - slot.
 */
const S_VAL = -1, S_LIST = -2, S_DICT = -3, S_SET = -4, S_TUPLE = -8;
/**
 * Tuples of up to this many items, each an int32, a bool or None, are packed as int32 words (a tag word
 * and the items) instead of kept as nodes: records like {"pos": (i, i + 1)} memoize one such tuple
 * each, and 3.9 M tuple nodes held in the memo were two thirds of the peak memory of such a pickle.
 */
const PACKED_TUPLE_MAX = 4;
/** Words per block of the tuple store (fixed blocks, as the arena). */
const TUPLE_BLOCK_SHIFT = 18;
const TUPLE_BLOCK = 1 << TUPLE_BLOCK_SHIFT;
/** Item tags in the tag word: 2 bits per item above the 3-bit count. */
const T_INT = 0, T_TRUE = 1, T_FALSE = 2, T_NONE = 3;
/** Strings up to this long, all chars below U+0100, are kept as bytes in the arena (no GC object). */
const ARENA_STR = 32;
/** Arena bytes. Past this (a memo flooded with PUTs of strings) strings are kept as JS strings. */
const MAX_ARENA = 256 * 1024 * 1024;
/**
 * The arena and the slots grow by fixed blocks, never by doubling: a doubled copy of a 64 MB table
 * holds both until a full GC frees the old one, and that transient was the peak RSS of a dense pickle.
 */
const BLOCK_SHIFT = 20;
const BLOCK = 1 << BLOCK_SHIFT;
const BLOCK_MASK = BLOCK - 1;
const SLOT_SHIFT = 16;
const SLOT_MASK = (1 << SLOT_SHIFT) - 1;

/**
 * A pickle of millions of objects memoizes every container and string. Keeping each as a JS value
 * makes every one survive into the old generation (copied twice by the scavenger, then scanned), and
 * that GC work was most of the cost of a dense pickle. So each dense key has an int32 slot: containers
 * are a code (their memo value is a shared marker), short strings are bytes in an off-heap arena,
 * turned back into a string only when a GET fetches them (and then cached), the rest are values kept
 * in chunks of a JS array.
 */
export class Memo {
  /** Slot blocks of 1 << SLOT_SHIFT keys each. */
  private readonly slots: Int32Array[] = [];
  private readonly vals: Array<Array<Val | undefined> | undefined> = [];
  /** Arena blocks of BLOCK bytes; a string never straddles two. */
  private readonly arena: Uint8Array[] = [];
  private arenaPos = BLOCK;      // offset in the last block (BLOCK: no block yet)
  private arenaLen = 0;          // bytes of all blocks allocated
  private readonly sparse = new Map<number, Val>();
  /** Packed small tuples: blocks of int32 words; an entry is a tag word then its items (never straddles). */
  private readonly tuples: Int32Array[] = [];
  private tuplePos = TUPLE_BLOCK;
  /** Dense keys: every key below this is stored. */
  length = 0;
  /** Distinct keys stored (dense + sparse): MEMOIZE's next key, as len(memo) in CPython. */
  size = 0;
  private readonly results = new Map<string, Node & { t: 'call' }>();

  /** The entry `i`, undefined when never stored. */
  get(i: number): Val | undefined {
    if (i >= this.length) return this.sparse.get(i);
    const s = this.slots[i >>> SLOT_SHIFT]![i & SLOT_MASK]!;
    if (s >= 0) {
      const blk = this.arena[s >>> BLOCK_SHIFT]!, o = s & BLOCK_MASK;
      const str = bytesToLatin1(blk, o + 1, blk[o]!);
      this.setVal(i, str); // fetched once, likely again (dict keys): keep the string
      return str;
    }
    if (s <= S_TUPLE) return this.unpackTuple(S_TUPLE - s);
    return s === S_VAL ? this.vals[i >>> CHUNK_SHIFT]![i & CHUNK_MASK] : s === S_DICT ? OPAQUE_DICT : s === S_LIST ? OPAQUE_LIST : OPAQUE_SET;
  }

  /** The tuple store index of `v` packed, or -1 when it is not a small tuple of int32/bool/None. */
  private packTuple(v: { items: Val[]; n: number }): number {
    const n = v.n, items = v.items;
    if (n > PACKED_TUPLE_MAX || items.length !== n) return -1;
    let tag = n;
    for (let k = 0; k < n; k++) {
      const x = items[k];
      const t = x === null ? T_NONE : x === true ? T_TRUE : x === false ? T_FALSE : typeof x === 'number' && (x | 0) === x && !Object.is(x, -0) ? T_INT : -1;
      if (t < 0) return -1;
      tag |= t << (3 + 2 * k);
    }
    if (this.tuplePos + n + 1 > TUPLE_BLOCK) {
      if ((this.tuples.length + 1) * TUPLE_BLOCK > 0x7fff_ff00) return -1;
      this.tuples.push(new Int32Array(TUPLE_BLOCK));
      this.tuplePos = 0;
    }
    const at = (this.tuples.length - 1) * TUPLE_BLOCK + this.tuplePos;
    const blk = this.tuples[this.tuples.length - 1]!;
    blk[this.tuplePos] = tag;
    for (let k = 0; k < n; k++) blk[this.tuplePos + 1 + k] = (items[k] as number) | 0;
    this.tuplePos += n + 1;
    return at;
  }

  private unpackTuple(at: number): Node {
    const blk = this.tuples[at >>> TUPLE_BLOCK_SHIFT]!, o = at & (TUPLE_BLOCK - 1);
    const tag = blk[o]!, n = tag & 7;
    const items: Val[] = [];
    for (let k = 0; k < n; k++) {
      const t = (tag >>> (3 + 2 * k)) & 3;
      items.push(t === T_INT ? blk[o + 1 + k]! : t === T_TRUE ? true : t === T_FALSE ? false : null);
    }
    return { t: 'tuple', items, n };
  }

  /** The slot of the next dense key, its block allocated. */
  private grow(): number {
    const i = this.length;
    if ((i & SLOT_MASK) === 0 && this.slots.length === i >>> SLOT_SHIFT) this.slots.push(new Int32Array(1 << SLOT_SHIFT));
    return i;
  }

  /** MEMOIZE with no sparse keys (size === length): appends without the checks of put(). */
  append(v: Val): void {
    const i = this.grow();
    this.set(i, v);
    this.length = i + 1;
    this.size++;
  }

  /**
   * MEMOIZE of a string just decoded from `n` bytes at `b[at]`, all below 0x80 (size === length): its
   * bytes go to the arena straight from the buffer. The value is the same string append() would keep.
   */
  appendAscii(b: Uint8Array, at: number, n: number, v: string): void {
    const i = this.grow();
    const s = n <= ARENA_STR ? this.arenaRoom(n) : -1;
    if (s < 0) this.setVal(i, this.compact(v));
    else {
      const blk = this.arena[s >>> BLOCK_SHIFT]!, o = s & BLOCK_MASK;
      blk[o] = n;
      for (let k = 0; k < n; k++) blk[o + 1 + k] = b[at + k]!;
      this.slots[i >>> SLOT_SHIFT]![i & SLOT_MASK] = s;
    }
    this.length = i + 1;
    this.size++;
  }

  private set(i: number, v: Val): void {
    let s = S_VAL;
    if (typeof v === 'object' && v !== null) {
      const t = v.t;
      s = t === 'dict' ? S_DICT : t === 'list' ? S_LIST : t === 'set' ? S_SET : S_VAL;
      if (t === 'tuple' && v.n > 0) {
        const at = this.packTuple(v);
        if (at >= 0) s = S_TUPLE - at;
      }
    } else if (typeof v === 'string' && v.length <= ARENA_STR) {
      s = this.toArena(v);
    }
    if (s === S_VAL) { this.setVal(i, this.compact(v)); return; }
    const blk = this.slots[i >>> SLOT_SHIFT]!, k = i & SLOT_MASK;
    if (i < this.length && blk[k] === S_VAL) this.vals[i >>> CHUNK_SHIFT]![i & CHUNK_MASK] = undefined; // let it go
    blk[k] = s;
  }

  private setVal(i: number, v: Val): void {
    const ci = i >>> CHUNK_SHIFT;
    while (this.vals.length <= ci) this.vals.push(undefined);
    let chunk = this.vals[ci];
    if (chunk === undefined) { chunk = new Array<Val | undefined>(CHUNK); this.vals[ci] = chunk; }
    chunk[i & CHUNK_MASK] = v;
    this.slots[i >>> SLOT_SHIFT]![i & SLOT_MASK] = S_VAL;
  }

  /** Reserves 1 + n arena bytes: their address, or -1 when the arena is full (MAX_ARENA). */
  private arenaRoom(n: number): number {
    if (this.arenaPos + n + 1 > BLOCK) {
      if (this.arenaLen + BLOCK > MAX_ARENA) return -1;
      this.arena.push(new Uint8Array(BLOCK));
      this.arenaLen += BLOCK;
      this.arenaPos = 0;
    }
    const s = ((this.arena.length - 1) << BLOCK_SHIFT) | this.arenaPos;
    this.arenaPos += n + 1;
    return s;
  }

  /** Copies a latin-1 string into the arena: its address, or S_VAL (nothing kept) when a char is above U+00FF. */
  private toArena(str: string): number {
    const n = str.length;
    for (let k = 0; k < n; k++) if (str.charCodeAt(k) > 0xff) return S_VAL;
    const s = this.arenaRoom(n);
    if (s < 0) return S_VAL;
    const blk = this.arena[s >>> BLOCK_SHIFT]!, o = s & BLOCK_MASK;
    blk[o] = n;
    for (let k = 0; k < n; k++) blk[o + 1 + k] = str.charCodeAt(k);
    return s;
  }

  put(i: number, v: Val, off: number): void {
    if (!Number.isInteger(i) || i < 0) throw new FormatError(`negative or invalid memo key ${String(i)} at ${off}`, off);
    if (i < this.length) { this.set(i, v); return; }
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
