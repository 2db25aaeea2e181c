// The machine's fast path: the opcodes an object-dense pickle is made of (empty containers, MARK,
// small ints, floats, short ASCII strings, memo PUT/GET, APPENDS/SETITEMS, small tuples) executed
// straight from the reader's buffer, with no per-op decode into reader fields and no method dispatch.
// It only ever runs an op whose outcome is the ordinary one: anything else (an op it does not know,
// one that is not wholly buffered or crosses a frame end, a missing MARK, a stack underflow, a
// limit, a container target that is not a list/dict/set) makes it stop BEFORE that op, and the slow
// path (OpReader.next + Machine.step) runs it with its exact checks, hooks and error messages.
// Argument encodings: CPython Lib/pickletools.py; semantics: Modules/_pickle.c load_*.
import type { OpReader } from './disasm';
import { MAX_MARKS, MAX_STACK_DEPTH, MIN_CONST_CHARS, type Machine } from './machine';
import { MAX_MEMO_ENTRIES } from './memo';
import { itemsOf, keepCap, NO_ITEMS, type Node, type Val } from './values';
import { RING_MASK, type OpRing } from './evidence';

type Coll = Node & { items: Val[]; n: number };

const EMPTY_TUPLE: Node = { t: 'tuple', items: NO_ITEMS, n: 0 };

/** What a push op left for a MEMOIZE fused after it: nothing, its string's bytes, an empty dict/list, another value. */
const F_NONE = 0, F_STRING = 1, F_CONTAINER = 2, F_OTHER = 3;

/** Longest string the fast path decodes itself (ASCII only); longer or non-ASCII ones take the slow path. */
const FAST_STR = 64;

/** A string from `n` ASCII bytes at `i`, or null when a byte is not ASCII (the slow path decodes UTF-8). */
function asciiAt(b: Uint8Array, i: number, n: number): string | null {
  const f = String.fromCharCode;
  switch (n) {
    case 0: return '';
    case 1: { const c = b[i]!; return c < 0x80 ? f(c) : null; }
    case 2: { const c0 = b[i]!, c1 = b[i + 1]!; return (c0 | c1) < 0x80 ? f(c0, c1) : null; }
    case 3: { const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!; return (c0 | c1 | c2) < 0x80 ? f(c0, c1, c2) : null; }
    case 4: {
      const c0 = b[i]!, c1 = b[i + 1]!, c2 = b[i + 2]!, c3 = b[i + 3]!;
      return (c0 | c1 | c2 | c3) < 0x80 ? f(c0, c1, c2, c3) : null;
    }
  }
  let or = 0;
  for (let k = 0; k < n; k++) or |= b[i + k]!;
  if (or >= 0x80) return null;
  // Explicit arguments up to 16 chars: apply() over a subarray costs an allocation and a slow call.
  switch (n) {
    case 5: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!);
    case 6: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!);
    case 7: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!);
    case 8: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    case 9: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!);
    case 10: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!, b[i + 9]!);
    case 11: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!, b[i + 9]!, b[i + 10]!);
    case 12: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!, b[i + 9]!, b[i + 10]!, b[i + 11]!);
    case 13: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!, b[i + 9]!, b[i + 10]!, b[i + 11]!, b[i + 12]!);
    case 14: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!, b[i + 9]!, b[i + 10]!, b[i + 11]!, b[i + 12]!, b[i + 13]!);
    case 15: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!, b[i + 9]!, b[i + 10]!, b[i + 11]!, b[i + 12]!, b[i + 13]!, b[i + 14]!);
    case 16: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!, b[i + 8]!, b[i + 9]!, b[i + 10]!, b[i + 11]!, b[i + 12]!, b[i + 13]!, b[i + 14]!, b[i + 15]!);
  }
  return f.apply(null, b.subarray(i, i + n) as unknown as number[]);
}

/**
 * Moves st[mk..] (at most keepCap values) off the stack into a new exact-size array: array
 * literals for the common small counts (a dict's few items) beat splice's builtin call.
 */
function takeFrom(st: Val[], mk: number): Val[] {
  let out: Val[];
  switch (st.length - mk) {
    case 1: out = [st[mk]!]; break;
    case 2: out = [st[mk]!, st[mk + 1]!]; break;
    case 3: out = [st[mk]!, st[mk + 1]!, st[mk + 2]!]; break;
    case 4: out = [st[mk]!, st[mk + 1]!, st[mk + 2]!, st[mk + 3]!]; break;
    case 6: out = [st[mk]!, st[mk + 1]!, st[mk + 2]!, st[mk + 3]!, st[mk + 4]!, st[mk + 5]!]; break;
    case 8: out = [st[mk]!, st[mk + 1]!, st[mk + 2]!, st[mk + 3]!, st[mk + 4]!, st[mk + 5]!, st[mk + 6]!, st[mk + 7]!]; break;
    case 10: out = [st[mk]!, st[mk + 1]!, st[mk + 2]!, st[mk + 3]!, st[mk + 4]!, st[mk + 5]!, st[mk + 6]!, st[mk + 7]!, st[mk + 8]!, st[mk + 9]!]; break;
    default: return st.splice(mk);
  }
  while (st.length > mk) st.pop();
  return out;
}

/** A list, dict or set node (the only targets APPEND(S)/SETITEM(S)/ADDITEMS fill without a hook). */
function collection(v: Val): Coll | null {
  if (typeof v !== 'object' || v === null) return null;
  const t = v.t;
  return t === 'list' || t === 'dict' || t === 'set' ? v as Coll : null;
}

/**
 * Writes the arguments of the ring's ops [from, to) that are still in the ring, decoded again from the
 * buffer the fast path ran them from (every one of them is wholly in it): the values the slow path's
 * ring.push would have stored. Slots of ops without an argument are left stale, as the renderer
 * ignores them.
 */
function fillArgs(ring: OpRing, b: Uint8Array, base: number, from: number, to: number): void {
  const at = ring.at, arg = ring.arg;
  for (let k = Math.max(from, to - RING_MASK - 1); k < to; k++) {
    const ri = k & RING_MASK, x = at[ri]!, code = x % 256, i = (x - code) / 256 - base;
    switch (code) {
      case 0x4b: case 0x71: case 0x68: arg[ri] = b[i + 1]!; break;                          // BININT1, BINPUT, BINGET
      case 0x4d: arg[ri] = b[i + 1]! | (b[i + 2]! << 8); break;                             // BININT2
      case 0x4a: arg[ri] = b[i + 1]! | (b[i + 2]! << 8) | (b[i + 3]! << 16) | (b[i + 4]! << 24); break; // BININT
      case 0x72: case 0x6a: arg[ri] = (b[i + 1]! | (b[i + 2]! << 8) | (b[i + 3]! << 16) | (b[i + 4]! << 24)) >>> 0; break;
      case 0x47: arg[ri] = new DataView(b.buffer, b.byteOffset + i + 1, 8).getFloat64(0, false); break; // BINFLOAT
      case 0x8c: case 0x55: arg[ri] = asciiAt(b, i + 2, b[i + 1]!); break;                  // SHORT_BINUNICODE, SHORT_BINSTRING
      case 0x58: arg[ri] = asciiAt(b, i + 5, b[i + 1]! | (b[i + 2]! << 8) | (b[i + 3]! << 16) | (b[i + 4]! << 24)); break;
    }
  }
}

/**
 * The fast path repeats the semantics of the ops above for speed; the general machine is the reference.
 * test/unit/pickle-fastpath.test.ts turns this off and checks that every report stays identical.
 */
export const FAST_PATH = { enabled: true };

/**
 * Runs at most `max` ops from r.pos while they are buffered, inside the current frame and of the kinds
 * above; returns how many ran and leaves r.pos after the last. Never throws for malformed input: the
 * op it stops at is re-run by the slow path. Must not be entered while findings await their window.
 */
export function fastRun(m: Machine, r: OpReader, max: number): number {
  if (!FAST_PATH.enabled) return 0;
  const b = r.buf, base = r.base, st = m.stack, marks = m.marks, memo = m.memo, ring = m.ring;
  const rAt = ring.at;
  let rc = ring.count;
  const first = rc;
  // Each op adds at most one stack value, one MARK and one memo key: stopping before any limit could be
  // reached leaves the limit checks to the slow path (which throws the LimitExceeded).
  const room = Math.min(MAX_STACK_DEPTH - st.length, MAX_MARKS - marks.length, MAX_MEMO_ENTRIES - memo.size);
  if (room < max) max = room;
  let lim = base + b.length;
  if (r.end < lim) lim = r.end;
  if (r.frameEnd > r.pos && r.frameEnd < lim) lim = r.frameEnd; // an op straddling the frame end is reported
  // The loop runs on the buffer index, an int32 (offsets and frame ends may be doubles); `stopAt` bounds
  // the ring count, which every op advances.
  let i = (r.pos - base) | 0;
  const iLim = (lim - base) | 0, stopAt = first + max;
  // The last string the fast path decoded: where its bytes are and the offset just past its op, so a
  // MEMOIZE right after it stores the bytes without re-encoding the string.
  let strAt = 0, strLen = 0, strEnd = -1, str = '';
  // What the op just run pushed, when a MEMOIZE right after it runs in the same step (see the loop's end).
  let fuse = F_NONE;
  loop: while (rc < stopAt) {
    if (i >= iLim) break;
    const code = b[i]!;
    let len = 1;
    // Each case checks everything first and `break loop`s before changing any state. Only the op's
    // offset and code go to the ring; fillArgs decodes the arguments of the last ops from the buffer
    // before anything reads the ring (one store per op instead of two, and no write barrier).
    switch (code) {
      case 0x7d: st.push({ t: 'dict', items: NO_ITEMS, n: 0 }); fuse = F_CONTAINER; break;                 // EMPTY_DICT
      case 0x5d: st.push({ t: 'list', items: NO_ITEMS, n: 0 }); fuse = F_CONTAINER; break;                 // EMPTY_LIST
      case 0x29: st.push(EMPTY_TUPLE); break;                                                         // EMPTY_TUPLE
      case 0x4e: st.push(null); break;                                                                // NONE
      case 0x88: st.push(true); break;                                                                // NEWTRUE
      case 0x89: st.push(false); break;                                                               // NEWFALSE
      case 0x28: marks.push(st.length); break;                                                        // MARK
      case 0x4b:                                                                                      // BININT1
        if (i + 2 > iLim) break loop;
        st.push(b[i + 1]!); len = 2; break;
      case 0x4d:                                                                                      // BININT2
        if (i + 3 > iLim) break loop;
        st.push(b[i + 1]! | (b[i + 2]! << 8)); len = 3; break;
      case 0x4a:                                                                                      // BININT: int4 LE
        if (i + 5 > iLim) break loop;
        st.push(b[i + 1]! | (b[i + 2]! << 8) | (b[i + 3]! << 16) | (b[i + 4]! << 24)); len = 5; break;
      case 0x47:                                                                                      // BINFLOAT: big-endian double
        if (i + 9 > iLim) break loop;
        st.push(r.view.getFloat64(i + 1, false)); len = 9; break;
      case 0x8c: case 0x58: case 0x55: {                                                              // SHORT_BINUNICODE, BINUNICODE, SHORT_BINSTRING
        const w = code === 0x58 ? 4 : 1;
        if (i + 1 + w > iLim) break loop;
        const k = w === 1 ? b[i + 1]! : b[i + 1]! | (b[i + 2]! << 8) | (b[i + 3]! << 16) | (b[i + 4]! << 24);
        if (k < 0 || k > FAST_STR || i + 1 + w + k > iLim) break loop;
        const s = asciiAt(b, i + 1 + w, k);
        if (s === null) break loop;                                                                   // UTF-8 / latin-1: slow path
        st.push(s);
        len = 1 + w + k;
        strAt = i + 1 + w; strLen = k; strEnd = i + len; str = s;
        if (k >= MIN_CONST_CHARS) {
          // The hooks see this op as the ring's last, as in the slow path.
          const ri = rc & RING_MASK;
          const pos = base + i;
          rAt[ri] = pos * 256 + code; ring.count = ++rc;
          fillArgs(ring, b, base, first, rc);
          r.pos = pos + len;
          m.hooks.onConst(s, pos, pos + 1 + w, k, false);
          i += len;
          if (m.waiting) { m.hooks.afterOp(); break loop; }
          continue loop;
        }
        fuse = F_STRING; // not before the hook: its op ends its step (continue above)
        break;
      }
      case 0x94: {                                                                                    // MEMOIZE: key = len(memo)
        const floor = marks.length ? marks[marks.length - 1]! : 0;
        if (st.length <= floor) break loop;
        if (memo.size !== memo.length) memo.put(memo.size, st[st.length - 1]!, base + i);                  // sparse keys
        else if (strEnd === i) memo.appendAscii(b, strAt, strLen, str);                           // the string just pushed
        else memo.append(st[st.length - 1]!);
        break;
      }
      case 0x71: case 0x72: {                                                                         // BINPUT, LONG_BINPUT
        const w = code === 0x71 ? 1 : 4;
        const floor = marks.length ? marks[marks.length - 1]! : 0;
        if (i + 1 + w > iLim || st.length <= floor) break loop;
        const k = w === 1 ? b[i + 1]! : (b[i + 1]! | (b[i + 2]! << 8) | (b[i + 3]! << 16) | (b[i + 4]! << 24)) >>> 0;
        memo.put(k, st[st.length - 1]!, base + i); len = 1 + w; break;
      }
      case 0x68: case 0x6a: {                                                                         // BINGET, LONG_BINGET
        const w = code === 0x68 ? 1 : 4;
        if (i + 1 + w > iLim) break loop;
        const k = w === 1 ? b[i + 1]! : (b[i + 1]! | (b[i + 2]! << 8) | (b[i + 3]! << 16) | (b[i + 4]! << 24)) >>> 0;
        const v = memo.get(k);
        if (v === undefined) break loop;                                                              // never stored: slow path
        st.push(v); len = 1 + w; break;
      }
      case 0x65: case 0x75: case 0x90: {                                                              // APPENDS, SETITEMS, ADDITEMS
        const nm = marks.length;
        if (nm === 0) break loop;
        const mk = marks[nm - 1]!;
        if (mk <= (nm > 1 ? marks[nm - 2]! : 0)) break loop;
        const count = st.length - mk;
        if (code === 0x75 && count & 1) break loop;
        const target = collection(st[mk - 1]!);
        if (target === null) break loop;                                                              // a global (hook) or other node
        target.n += count;
        marks.pop();
        // A container is filled once in the common case: splice moves the items off the stack into an
        // exact-size array in one call.
        const cap = keepCap(target.t);
        if (target.items.length === 0 && count <= cap) { target.items = takeFrom(st, mk); break; }
        const items = itemsOf(target);
        for (let k = mk; k < st.length && items.length < cap; k++) items.push(st[k]!);
        if (count > 64) st.length = mk; else while (st.length > mk) st.pop();
        break;
      }
      case 0x61: case 0x73: {                                                                         // APPEND, SETITEM
        const need = code === 0x61 ? 2 : 3;
        const floor = marks.length ? marks[marks.length - 1]! : 0;
        if (st.length - floor < need) break loop;
        const target = collection(st[st.length - need]!);
        if (target === null) break loop;
        const items = itemsOf(target);
        const cap = keepCap(target.t);
        for (let k = st.length - need + 1; k < st.length && items.length < cap; k++) items.push(st[k]!);
        target.n += need - 1;
        st.pop(); if (need === 3) st.pop();
        break;
      }
      case 0x85: case 0x86: case 0x87: {                                                              // TUPLE1/2/3
        const k = code - 0x84;
        const floor = marks.length ? marks[marks.length - 1]! : 0;
        if (st.length - floor < k) break loop;
        // Array literals: splice's builtin call and its result array cost more for one to three items.
        // Pops, not `st.length = …`: setting the length is a runtime call, a pop is inlined.
        let items: Val[];
        if (k === 2) { const y = st.pop()!, x = st.pop()!; items = [x, y]; }
        else if (k === 1) items = [st.pop()!];
        else { const z = st.pop()!, y = st.pop()!, x = st.pop()!; items = [x, y, z]; }
        st.push({ t: 'tuple', items, n: k });
        fuse = F_OTHER;
        break;
      }
      default: break loop;
    }
    rAt[rc & RING_MASK] = (base + i) * 256 + code;
    rc++;
    i += len;
    if (fuse !== F_NONE) {
      // CPython's pickler memoizes every string, container and tuple right after writing it: that
      // MEMOIZE runs here, without a dispatch of its own (the floor check holds after a push).
      if (i < iLim && b[i] === 0x94 && rc < stopAt && memo.size === memo.length) {
        if (fuse === F_STRING) memo.appendAscii(b, strAt, strLen, str);
        else if (fuse === F_CONTAINER) memo.appendContainer(code === 0x7d);
        else memo.append(st[st.length - 1]!);
        rAt[rc & RING_MASK] = (base + i) * 256 + 0x94;
        rc++;
        i++;
      }
      fuse = F_NONE;
    }
  }
  ring.count = rc;
  fillArgs(ring, b, base, first, rc);
  r.pos = base + i;
  return rc - first;
}
