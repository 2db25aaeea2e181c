// The symbolic pickle machine: CPython's unpickler (Modules/_pickle.c load_* and Lib/pickle.py) with
// every object replaced by a symbolic value. It never imports, calls or constructs anything; it
// tells its hooks what the real loader would import (GLOBAL/STACK_GLOBAL/INST), call (REDUCE/OBJ/
// NEWOBJ/NEWOBJ_EX/INST) and mutate (BUILD, SETITEM/APPEND on an imported object).
import { FormatError, LimitExceeded } from '../../types';
import { bytesToLatin1 } from './args';
import { classOf } from './calls';
import { OpRing } from './evidence';
import { fastRun } from './fast';
import { Memo } from './memo';
import type { OpReader } from './disasm';
import { addItems, container, isNode, itemsOf, keepCap, type Node, type Val } from './values';

/** Values on the stack. Python-made pickles stay shallow (APPENDS batches of 1000); more is an attack on memory. */
export const MAX_STACK_DEPTH = 1_000_000;
/** Open MARKs. Same threat. */
export const MAX_MARKS = 100_000;
/** Strings and bytes at least this long are shown to the constant hook (nested payloads, strings). */
export const MIN_CONST_CHARS = 16;
/** Bytes constants up to this size are copied onto the stack (decode chains read them); larger are skipped. */
const MAX_STACK_BYTES = 64 * 1024;
/** Ops between budget charges and abort checks. */
const CHARGE_EVERY = 1 << 16;

export { MAX_MEMO_ENTRIES } from './memo';

export type GlobalNode = Node & { t: 'global' };
export type CallNode = Node & { t: 'call' };

/** Raw bytes joblib writes after a NumpyArrayWrapper's BUILD (see joblib.ts). */
export type InlineData = { kind: 'array'; bytes: number; padded: boolean } | { kind: 'pickle' };

export interface MachineHooks {
  onImport(g: GlobalNode, op: string): void;
  onUnresolvedImport(why: string, off: number, fromCall: boolean): void;
  onCall(c: CallNode): void;
  onBuild(target: Val, state: Val, off: number): InlineData | null;
  /** APPEND/SETITEM(S)/ADDITEMS on something that is not a new container (an import, a call result, a persistent id). */
  onMutate(target: Node, op: string, off: number): void;
  onExt(code: number, off: number): void;
  /** A string or bytes constant of at least MIN_CONST_CHARS; `partial` when only a prefix was kept. */
  onConst(v: string | Uint8Array, off: number, argOff: number, argLen: number, partial: boolean): void;
  onProto(p: number, off: number): void;
  /** An object-dtype joblib array: a whole pickle embedded at [start, end). */
  onEmbeddedPickle(start: number): Promise<number>;
  /** Called every CHARGE_EVERY ops and at the end with the ops since the last call. */
  charge(ops: number): void;
  /** Called after every op while findings wait for their trailing evidence window. */
  afterOp(): void;
}

const STOPPED = 0, NEED_BYTES = 1, INLINE = 2, NEED_KNOWLEDGE = 3;

/**
 * The knowledge base costs a second of start-up and ~100 MB (issue 15), and most pickles never need it:
 * a list of plain records imports nothing, and a PyTorch checkpoint imports only names that
 * torch.load(weights_only=True) accepts, whose verdict it cannot change. The scanner sets this; the
 * machine pauses before the first op whose judging could need it (an import or a BUILD on an
 * instance of a class `needs` names) and awaits `load` first.
 */
export interface LazyKnowledge {
  needs(module: string, name: string): boolean;
  load(): Promise<void>;
}
const EMPTY_TUPLE: Node = container('tuple');

export class Machine {
  readonly stack: Val[] = [];
  readonly marks: number[] = [];
  readonly memo = new Memo();
  protocol = 0;
  ops = 0;
  readonly ring = new OpRing();
  /** Hooks set this when findings await their trailing window (keeps the hot loop to one test). */
  waiting = false;
  private readonly globals = new Map<string, GlobalNode>();
  private inline: InlineData | null = null;
  /** Null once loaded (or when the scanner loaded it up front). */
  lazyKnowledge: LazyKnowledge | null = null;

  constructor(readonly hooks: MachineHooks) {}

  /** Runs until STOP; returns the offset just past it. Throws FormatError (malformed or truncated). */
  async run(r: OpReader): Promise<number> {
    for (;;) {
      const s = this.burst(r);
      if (s === STOPPED) return r.pos;
      if (s === NEED_BYTES) await r.refill();
      else if (s === NEED_KNOWLEDGE) { const k = this.lazyKnowledge!; this.lazyKnowledge = null; await k.load(); }
      else await this.skipInline(r);
    }
  }

  /** The hot loop, synchronous: runs ops until STOP, a refill or joblib inline data. */
  private burst(r: OpReader): number {
    const ring = this.ring;
    let n = 0;
    try {
      for (;;) {
        if (!this.waiting) {
          // Common ops run straight from the buffer; the op the fast path stops at runs below.
          n += fastRun(this, r, CHARGE_EVERY - n);
          if (n === CHARGE_EVERY) { this.ops += n; this.hooks.charge(n); n = 0; continue; }
        }
        if (this.lazyKnowledge !== null && this.needsKnowledge(r, this.lazyKnowledge)) return NEED_KNOWLEDGE;
        if (!r.next()) return NEED_BYTES;
        n++;
        ring.push(r.off, r.code, r.arg, r.arg2);
        const stop = this.step(r);
        if (this.waiting) this.hooks.afterOp();
        if (stop) return STOPPED;
        if (this.inline) return INLINE;
        if (n === CHARGE_EVERY) { this.ops += n; this.hooks.charge(n); n = 0; }
      }
    } finally {
      this.ops += n;
      this.hooks.charge(n);
    }
  }

  /** A new stream of the same file: CPython's Unpickler.load resets the stacks but keeps the memo. */
  newStream(): void {
    this.stack.length = 0;
    this.marks.length = 0;
    this.inline = null;
  }

  /** Synchronous run over buffered bytes only (sniffing a head): 'stop' at STOP, 'more' when bytes run out. */
  runSync(r: OpReader, maxOps: number): 'stop' | 'more' {
    for (let n = 0; n < maxOps; n++) {
      if (!r.next()) return 'more';
      this.ops++;
      this.ring.push(r.off, r.code, r.arg, r.arg2);
      if (this.step(r)) return 'stop';
      if (this.inline) return 'stop';
    }
    return 'more';
  }

  /**
   * Whether the op at r.pos (not decoded yet) could be judged differently with the knowledge base:
   * an import of a name `lazy.needs`, one whose name is not wholly buffered or not ASCII, or a BUILD on
   * an instance of such a class (its __setstate__ facts). Nothing is changed.
   */
  private needsKnowledge(r: OpReader, lazy: LazyKnowledge): boolean {
    const i = r.pos - r.base, b = r.buf;
    if (i >= b.length) return false;
    const code = b[i]!, st = this.stack;
    if (code === 0x93) {                                                           // STACK_GLOBAL
      const name = st[st.length - 1], mod = st[st.length - 2];
      return typeof mod === 'string' && typeof name === 'string' && lazy.needs(mod, name);
    }
    if (code === 0x62) {                                                           // BUILD
      const cls = classOf(st[st.length - 2] ?? null);
      return cls !== null && lazy.needs(cls.module, cls.name);
    }
    if (code !== 0x63 && code !== 0x69) return false;                             // GLOBAL, INST
    const nl1 = b.indexOf(0x0a, i + 1), nl2 = nl1 < 0 ? -1 : b.indexOf(0x0a, nl1 + 1);
    if (nl2 < 0) return true;
    for (let k = i + 1; k < nl2; k++) if (b[k]! >= 0x80) return true;
    return lazy.needs(bytesToLatin1(b, i + 1, nl1 - i - 1), bytesToLatin1(b, nl1 + 1, nl2 - nl1 - 1));
  }

  private underflow(off: number, what: string): never {
    throw new FormatError(`unpickling stack underflow in ${what} at ${off}`, off);
  }

  private pop(off: number, what: string): Val {
    const floor = this.marks.length ? this.marks[this.marks.length - 1]! : 0;
    if (this.stack.length <= floor) this.underflow(off, what);
    return this.stack.pop()!;
  }

  private top(off: number, what: string): Val {
    const floor = this.marks.length ? this.marks[this.marks.length - 1]! : 0;
    if (this.stack.length <= floor) this.underflow(off, what);
    return this.stack[this.stack.length - 1]!;
  }

  private push(v: Val, off: number): void {
    if (this.stack.push(v) > MAX_STACK_DEPTH) throw new LimitExceeded('pickleStack', `pickle stack deeper than ${MAX_STACK_DEPTH} at ${off}`);
  }

  private popMark(off: number, what: string): Val[] {
    const m = this.marks.pop();
    if (m === undefined) throw new FormatError(`could not find MARK for ${what} at ${off}`, off);
    return this.stack.splice(m);
  }

  private memoGet(i: number, off: number): Val {
    const v = this.memo.get(i);
    return v === undefined ? { t: 'unknown', why: `memo key ${i} was never stored`, off } : v;
  }

  private global(module: string, name: string, off: number): GlobalNode {
    const key = `${module}.${name}`;
    let g = this.globals.get(key);
    if (!g) { g = { t: 'global', module, name, off, key }; if (this.globals.size < 100_000) this.globals.set(key, g); }
    return g;
  }

  private call(fn: Val, args: Val, off: number, op: string, kwargs?: Val): CallNode {
    const c: CallNode = { t: 'call', fn, args, off, op };
    if (kwargs !== undefined) c.kwargs = kwargs;
    this.hooks.onCall(c);
    return c;
  }

  private addTo(target: Val, items: Val[], op: string, off: number): void {
    if (!isNode(target)) return;
    if (target.t === 'list' || target.t === 'dict' || target.t === 'set') addItems(target, items);
    else if (target.t === 'global' || target.t === 'call' || target.t === 'pid') this.hooks.onMutate(target, op, off);
  }

  /** APPENDS / SETITEMS / ADDITEMS: the items above the MARK go into the object below it (no array copy). */
  private addFromMark(off: number, op: string): void {
    const m = this.marks.pop();
    if (m === undefined) throw new FormatError(`could not find MARK for ${op} at ${off}`, off);
    const st = this.stack;
    const floor = this.marks.length ? this.marks[this.marks.length - 1]! : 0;
    if (m <= floor) this.underflow(off, op);
    const count = st.length - m;
    if (op === 'SETITEMS' && count % 2) throw new FormatError(`odd number of items for SETITEMS at ${off}`, off);
    const target = st[m - 1]!;
    if (isNode(target)) {
      if (target.t === 'list' || target.t === 'dict' || target.t === 'set') {
        const kept = itemsOf(target);
        const cap = keepCap(target.t);
        for (let i = m; i < st.length && kept.length < cap; i++) kept.push(st[i]!);
        target.n += count;
      } else if (target.t === 'global' || target.t === 'call' || target.t === 'pid') this.hooks.onMutate(target, op, off);
    }
    while (st.length > m) st.pop();
  }

  private constant(r: OpReader, v: string | Uint8Array): void {
    if (v.length >= MIN_CONST_CHARS || r.partial) this.hooks.onConst(v, r.off, r.argOff, r.argLen, r.partial);
  }

  /** Executes the current op. Returns true at STOP. */
  private step(r: OpReader): boolean {
    const off = r.off;
    const st = this.stack;
    switch (r.code) {
      case 0x49: case 0x4a: case 0x4b: case 0x4d: case 0x4c: case 0x8a: case 0x8b: case 0x46: case 0x47: // ints, floats
        this.push(r.partial ? { t: 'unknown', why: `an integer of ${r.argLen} bytes`, off } : r.arg as number | bigint | boolean, off); break;
      case 0x53: case 0x54: case 0x55: case 0x56: case 0x8c: case 0x58: case 0x8d: { // str
        if (r.partial) {
          this.constant(r, r.arg as Uint8Array);
          this.push({ t: 'unknown', why: `a string of ${r.argLen} bytes`, off }, off);
        } else {
          const s = r.arg as string;
          if (s.length >= MIN_CONST_CHARS) this.constant(r, s);
          this.push(s, off);
        }
        break;
      }
      case 0x42: case 0x43: case 0x8e: case 0x96: { // bytes, bytearray
        const b = r.arg as Uint8Array;
        this.constant(r, b);
        // Copy only small values: a subarray would pin the whole read chunk in memory.
        this.push({ t: 'bytes', b: !r.partial && b.length <= MAX_STACK_BYTES ? b.slice() : null, len: r.argLen, off }, off);
        break;
      }
      case 0x97: this.push({ t: 'buffer', off }, off); break;                      // NEXT_BUFFER
      case 0x98: this.top(off, 'READONLY_BUFFER'); break;                            // READONLY_BUFFER
      case 0x4e: this.push(null, off); break;                                        // NONE
      case 0x88: this.push(true, off); break;                                        // NEWTRUE
      case 0x89: this.push(false, off); break;                                       // NEWFALSE
      case 0x5d: this.push(container('list'), off); break;                           // EMPTY_LIST
      case 0x29: this.push(EMPTY_TUPLE, off); break;                                 // EMPTY_TUPLE
      case 0x7d: this.push(container('dict'), off); break;                           // EMPTY_DICT
      case 0x8f: this.push(container('set'), off); break;                            // EMPTY_SET
      case 0x61: { const v = this.pop(off, 'APPEND'); this.addTo(this.top(off, 'APPEND'), [v], 'APPEND', off); break; }
      case 0x65: this.addFromMark(off, 'APPENDS'); break;
      case 0x6c: this.push(container('list', this.popMark(off, 'LIST')), off); break;
      case 0x74: this.push(container('tuple', this.popMark(off, 'TUPLE')), off); break;
      case 0x85: { const a = this.pop(off, 'TUPLE1'); this.push(container('tuple', [a]), off); break; }
      case 0x86: { const b = this.pop(off, 'TUPLE2'); const a = this.pop(off, 'TUPLE2'); this.push(container('tuple', [a, b]), off); break; }
      case 0x87: {
        const c = this.pop(off, 'TUPLE3'); const b = this.pop(off, 'TUPLE3'); const a = this.pop(off, 'TUPLE3');
        this.push(container('tuple', [a, b, c]), off); break;
      }
      case 0x64: {                                                                   // DICT
        const items = this.popMark(off, 'DICT');
        if (items.length % 2) throw new FormatError(`odd number of items for DICT at ${off}`, off);
        this.push(container('dict', items), off); break;
      }
      case 0x73: { const v = this.pop(off, 'SETITEM'); const k = this.pop(off, 'SETITEM'); this.addTo(this.top(off, 'SETITEM'), [k, v], 'SETITEM', off); break; }
      case 0x75: {                                                                   // SETITEMS
        this.addFromMark(off, 'SETITEMS'); break;
      }
      case 0x90: this.addFromMark(off, 'ADDITEMS'); break;
      case 0x91: this.push(container('frozenset', this.popMark(off, 'FROZENSET')), off); break;
      case 0x30: {                                                                   // POP: pops the mark when the stack above it is empty
        const floor = this.marks.length ? this.marks[this.marks.length - 1]! : 0;
        if (st.length > floor) st.pop(); else if (this.marks.length) this.popMark(off, 'POP'); else this.underflow(off, 'POP');
        break;
      }
      case 0x32: this.push(this.top(off, 'DUP'), off); break;                        // DUP
      case 0x28:                                                                     // MARK
        if (this.marks.push(st.length) > MAX_MARKS) throw new LimitExceeded('pickleMarks', `more than ${MAX_MARKS} open MARKs at ${off}`);
        break;
      case 0x31: this.popMark(off, 'POP_MARK'); break;
      case 0x67: case 0x68: case 0x6a: this.push(this.memoGet(Number(r.arg), off), off); break;      // GET
      case 0x70: case 0x71: case 0x72: this.memo.put(Number(r.arg), this.top(off, 'PUT'), off); break; // PUT
      case 0x94: this.memo.put(this.memo.size, this.top(off, 'MEMOIZE'), off); break;  // MEMOIZE: key = len(memo)
      case 0x82: case 0x83: case 0x84:                                               // EXT1/2/4
        this.hooks.onExt(r.arg as number, off);
        this.push({ t: 'unknown', why: `extension code ${String(r.arg)}`, off }, off); break;
      case 0x63: {                                                                   // GLOBAL
        const g = this.global(r.arg as string, r.arg2!, off);
        this.hooks.onImport(g, 'GLOBAL'); this.push(g, off); break;
      }
      case 0x93: {                                                                   // STACK_GLOBAL
        const name = this.pop(off, 'STACK_GLOBAL'); const mod = this.pop(off, 'STACK_GLOBAL');
        if (typeof mod === 'string' && typeof name === 'string') {
          const g = this.global(mod, name, off);
          this.hooks.onImport(g, 'STACK_GLOBAL'); this.push(g, off);
        } else {
          const why = `STACK_GLOBAL operands are not both strings (${describe(mod)}, ${describe(name)})`;
          const fromCall = (isNode(mod) && mod.t === 'call') || (isNode(name) && name.t === 'call');
          this.hooks.onUnresolvedImport(why, off, fromCall);
          this.push({ t: 'unknown', why, off }, off);
        }
        break;
      }
      case 0x52: { const args = this.pop(off, 'REDUCE'); const fn = this.pop(off, 'REDUCE'); this.push(this.call(fn, args, off, 'REDUCE'), off); break; }
      case 0x62: {                                                                   // BUILD
        const state = this.pop(off, 'BUILD');
        const target = this.top(off, 'BUILD');
        this.inline = this.hooks.onBuild(target, state, off);
        break;
      }
      case 0x69: {                                                                   // INST
        const args = this.popMark(off, 'INST');
        const g = this.global(r.arg as string, r.arg2!, off);
        this.hooks.onImport(g, 'INST');
        this.push(this.call(g, container('tuple', args), off, 'INST'), off); break;
      }
      case 0x6f: {                                                                   // OBJ
        const items = this.popMark(off, 'OBJ');
        if (items.length === 0) this.underflow(off, 'OBJ');
        this.push(this.call(items[0]!, container('tuple', items.slice(1)), off, 'OBJ'), off); break;
      }
      case 0x81: { const args = this.pop(off, 'NEWOBJ'); const cls = this.pop(off, 'NEWOBJ'); this.push(this.call(cls, args, off, 'NEWOBJ'), off); break; }
      case 0x92: {                                                                   // NEWOBJ_EX
        const kw = this.pop(off, 'NEWOBJ_EX'); const args = this.pop(off, 'NEWOBJ_EX'); const cls = this.pop(off, 'NEWOBJ_EX');
        this.push(this.call(cls, args, off, 'NEWOBJ_EX', kw), off); break;
      }
      case 0x80: this.protocol = r.arg as number; this.hooks.onProto(this.protocol, off); break;
      case 0x2e: this.pop(off, 'STOP'); return true;                                 // STOP
      case 0x95: break;                                                              // FRAME (checked by the reader)
      case 0x50: this.push({ t: 'pid', id: r.arg as string, off }, off); break;                 // PERSID
      case 0x51: this.push({ t: 'pid', id: this.pop(off, 'BINPERSID'), off }, off); break;
      default: throw new FormatError(`invalid opcode at ${off}`, off);
    }
    return false;
  }

  /** joblib: raw array bytes (or an embedded pickle) follow the wrapper's BUILD; step over them. */
  private async skipInline(r: OpReader): Promise<void> {
    const d = this.inline!;
    this.inline = null;
    if (d.kind === 'pickle') { r.skipTo(await this.hooks.onEmbeddedPickle(r.pos)); return; }
    let at = r.pos;
    if (d.padded) {
      // joblib >= 1.2 (numpy_pickle.NumpyArrayWrapper.write_array): one byte giving the padding length.
      const p = await r.rawBytes(1);
      if (!p || p.length !== 1) throw new FormatError(`joblib array padding byte missing at ${at}`, at);
      at += 1 + p[0]!;
    }
    r.skipTo(at + d.bytes);
  }
}

function describe(v: Val): string {
  if (v === null) return 'None';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v !== 'object') return typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : 'int';
  return v.t === 'unknown' ? v.why : v.t;
}
