// R serialization (R src/main/serialize.c: R_Unserialize, ReadItem, ReadBC) → a tree of plain nodes.
// Nothing is evaluated: symbols stay names, environments stay frames, and vectors keep their type and
// length (strings keep a bounded sample), so a scanner can say what unserialize() would build and
// which code it would hold. Long pairlists are read in a loop (R recurses on the CDR); nesting and the
// node count are bounded; references (REFSXP) resolve to the same node object, so the tree may share
// and even cycle (an environment whose frame holds a closure over it): walkers keep a visited set.
import { FormatError } from '../../types';
import { utf8 } from '../../io/text';
import { NA_INTEGER, RStream, type RFormat } from './stream';

/** Items nested inside each other. R recurses in C; a hostile file could nest until our stack breaks. */
export const MAX_R_DEPTH = 600;
/** Nodes built per stream. Bounds memory on a file of millions of tiny objects. */
export const MAX_R_NODES = 2_000_000;
/** Strings of one character vector kept for the detectors (data frames may hold millions). */
export const MAX_KEPT_STRINGS = 64;
/** Bytes of one string kept (model strings are short; a megabyte string is clipped). */
export const MAX_STRING_BYTES = 64 * 1024;
/** Elements of a vector list walked; more are still parsed but only counted. */
const LONG_VECTOR_UPPER_LIMIT = 65536; // ReadLENGTH's own sanity check on the upper word

// SEXP type codes (Rinternals.h) and the serialization's special codes (serialize.c, "Constants").
export const SXP = {
  NIL: 0, SYM: 1, LIST: 2, CLO: 3, ENV: 4, PROM: 5, LANG: 6, SPECIAL: 7, BUILTIN: 8, CHAR: 9, LGL: 10,
  INT: 13, REAL: 14, CPLX: 15, STR: 16, DOT: 17, VEC: 19, EXPR: 20, BCODE: 21, EXTPTR: 22, WEAKREF: 23,
  RAW: 24, S4: 25,
  REF: 255, NILVALUE: 254, GLOBALENV: 253, UNBOUNDVALUE: 252, MISSINGARG: 251, BASENAMESPACE: 250,
  NAMESPACE: 249, PACKAGE: 248, PERSIST: 247, CLASSREF: 246, GENERICREF: 245, BCREPDEF: 244,
  BCREPREF: 243, EMPTYENV: 242, BASEENV: 241, ATTRLANG: 240, ATTRLIST: 239, ALTREP: 238,
} as const;

export type RConst = 'NULL' | 'globalenv' | 'baseenv' | 'emptyenv' | 'unbound' | 'missing' | 'basenamespace';

export interface Cell { tag?: RNode; car: RNode; attr?: RNode }

export interface PairNode { t: 'list' | 'lang' | 'dots'; offset: number; cells: Cell[]; tail?: RNode; attr?: RNode }

export type RNode =
  | { t: 'const'; what: RConst }
  | { t: 'sym'; name: string }
  | { t: 'char'; value: string | null }
  | { t: 'env'; offset: number; locked: boolean; enclos?: RNode; frame?: RNode; hashtab?: RNode; attr?: RNode }
  | { t: 'namespace' | 'package' | 'persist'; names: string[] }
  /** LISTSXP (pairlist), LANGSXP (a call: cells[0].car is the function), DOTSXP. */
  | PairNode
  | { t: 'closure'; offset: number; env?: RNode; formals?: RNode; body?: RNode; attr?: RNode }
  | { t: 'promise'; offset: number; env?: RNode; value?: RNode; code?: RNode; attr?: RNode }
  | { t: 'builtin'; name: string }
  | { t: 'str'; length: number; strings: Array<string | null>; attr?: RNode }
  | { t: 'atomic'; type: 'logical' | 'integer' | 'double' | 'complex' | 'raw'; length: number; head?: number[]; attr?: RNode }
  | { t: 'vec'; type: 'list' | 'expression'; items: RNode[]; attr?: RNode }
  | { t: 'bytecode'; offset: number; consts: RNode[]; attr?: RNode }
  | { t: 'extptr'; prot?: RNode; tag?: RNode; attr?: RNode }
  | { t: 'weakref'; attr?: RNode }
  | { t: 's4'; attr?: RNode }
  | { t: 'altrep'; info?: RNode; state?: RNode; attr?: RNode }
  /** A BCREPREF/REFSXP that was never defined, or an item cut short by a limit. */
  | { t: 'missing-ref'; index: number };

export interface RHeader {
  format: RFormat;
  version: number;
  writerVersion: string;
  minReaderVersion: string;
  encoding?: string;
}

export interface RParse {
  header: RHeader;
  /** The unserialized object; null when the stream broke or a limit stopped it. */
  root: RNode | null;
  /** Closures, promises, calls and bytecode completed so far: what a broken stream still shows. */
  code: RNode[];
  nodes: number;
  /** Why parsing stopped early, when it did. */
  error?: { kind: 'malformed' | 'limit'; message: string; offset: number };
  /** Bytes the stream used (junk after it is the caller's business). */
  end: number;
}

class LimitHit extends Error {}

const CONSTS: Partial<Record<number, RConst>> = {
  [SXP.NILVALUE]: 'NULL', [SXP.GLOBALENV]: 'globalenv', [SXP.BASEENV]: 'baseenv', [SXP.EMPTYENV]: 'emptyenv',
  [SXP.UNBOUNDVALUE]: 'unbound', [SXP.MISSINGARG]: 'missing', [SXP.BASENAMESPACE]: 'basenamespace',
};
const ATOMIC: Partial<Record<number, ['logical' | 'integer' | 'double' | 'complex', number]>> = {
  [SXP.LGL]: ['logical', 4], [SXP.INT]: ['integer', 4], [SXP.REAL]: ['double', 8], [SXP.CPLX]: ['complex', 16],
};
const NIL: RNode = { t: 'const', what: 'NULL' };
/** Node kinds that keep their attributes (a CHARSXP's old-style attribute is read and dropped, as R does). */
const CARRIES_ATTR = new Set<RNode['t']>(['str', 'atomic', 'vec', 's4', 'weakref', 'extptr', 'bytecode']);

/** Reads the header (R_Unserialize) at `start`; the format byte pair is 'X\n', 'B\n' or 'A\n'. */
export function parseSerialized(bytes: Uint8Array, start = 0, checkAborted: () => void = () => {}): RParse {
  const f = bytes[start];
  const format: RFormat | null = f === 0x58 ? 'xdr' : f === 0x42 ? 'binary' : f === 0x41 ? 'ascii' : null;
  if (!format || bytes[start + 1] !== 0x0a) throw new FormatError('not an R serialization stream (no X/B/A header)', start);
  // Native binary is in the writer's byte order: the version (2 or 3) tells which.
  let little = true;
  if (format === 'binary' && bytes.length >= start + 6 && bytes[start + 2] === 0 && bytes[start + 5]! <= 3) little = false;
  const s = new RStream(bytes, format, start + 2, little);
  const version = s.int('version');
  const writer = s.int('writer version');
  const minReader = s.int('minimal reader version');
  if (version !== 2 && version !== 3) throw new FormatError(`serialization version ${version} (R reads 2 and 3)`, start + 2);
  const header: RHeader = { format, version, writerVersion: rVersion(writer), minReaderVersion: rVersion(minReader) };
  if (version === 3) {
    const n = s.int('encoding length');
    if (n < 0 || n > 63) throw new FormatError(`invalid length ${n} of the native encoding name`, s.pos); // R_CODESET_MAX
    header.encoding = utf8(s.string(n, 'encoding'));
  }
  const reader = new ItemReader(s, checkAborted);
  const out: RParse = { header, root: null, code: reader.code, nodes: 0, end: s.pos };
  try {
    out.root = reader.item(0);
  } catch (e) {
    if (e instanceof LimitHit) out.error = { kind: 'limit', message: e.message, offset: s.pos };
    else if (e instanceof FormatError) out.error = { kind: 'malformed', message: e.message, offset: e.offset ?? s.pos };
    else throw e;
  }
  out.nodes = reader.nodes;
  out.end = s.pos;
  return out;
}

/** Short ASCII strings (symbol names, most labels) without a TextDecoder call each: that call dominated the parse. */
function text(b: Uint8Array): string {
  if (b.length > 64) return utf8(b);
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x80) return utf8(b);
    out += String.fromCharCode(c);
  }
  return out;
}

/** R_Version packs major.minor.patch as major*65536 + minor*256 + patch (DecodeVersion). */
function rVersion(packed: number): string {
  if (packed < 0) return 'unreleased';
  return `${Math.floor(packed / 65536)}.${Math.floor(packed / 256) % 256}.${packed % 256}`;
}

class ItemReader {
  readonly refs: RNode[] = [];
  readonly code: RNode[] = [];
  nodes = 0;

  constructor(private readonly s: RStream, private readonly checkAborted: () => void) {}

  private count(): void {
    if (++this.nodes > MAX_R_NODES) throw new LimitHit(`more than ${MAX_R_NODES} R objects`);
    if ((this.nodes & 0xffff) === 0) this.checkAborted();
  }

  private deeper(depth: number): number {
    if (depth >= MAX_R_DEPTH) throw new LimitHit(`R objects nested deeper than ${MAX_R_DEPTH}`);
    return depth + 1;
  }

  /** ReadLENGTH: -1 announces a long vector as two ints (upper, lower). */
  private length(): number {
    const n = this.s.int('length');
    if (n >= 0) return n;
    if (n !== -1) throw new FormatError(`negative serialized length ${n}`, this.s.pos);
    const hi = this.s.int('long length'), lo = this.s.int('long length');
    if (hi < 0 || hi > LONG_VECTOR_UPPER_LIMIT) throw new FormatError('invalid upper part of a long vector length', this.s.pos);
    return hi * 0x1_0000_0000 + (lo >>> 0);
  }

  /** ReadItem: flags = type | object bit 8 | attribute bit 9 | tag bit 10 | levels << 12 (UnpackFlags). */
  item(depth: number, flags = this.s.int('flags')): RNode {
    const at = this.s.pos - 4;
    const type = flags & 0xff;
    const hasAttr = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    const d = this.deeper(depth);
    this.count();
    const constant = CONSTS[type];
    if (constant) return constant === 'NULL' ? NIL : { t: 'const', what: constant };
    switch (type) {
      case SXP.REF: {
        // InRefIndex: the index is packed above the type byte, or follows when it did not fit.
        const i = flags >> 8 === 0 ? this.s.int('reference index') : flags >> 8;
        return this.refs[i - 1] ?? { t: 'missing-ref', index: i };
      }
      case SXP.PERSIST: case SXP.PACKAGE: case SXP.NAMESPACE: {
        const node: RNode = { t: type === SXP.PERSIST ? 'persist' : type === SXP.PACKAGE ? 'package' : 'namespace', names: this.stringVec(d) };
        this.refs.push(node);
        return node;
      }
      case SXP.ALTREP: {
        const node: RNode = { t: 'altrep' };
        node.info = this.item(d); node.state = this.item(d); node.attr = this.item(d);
        return node;
      }
      case SXP.SYM: {
        const name = this.item(d);
        const node: RNode = { t: 'sym', name: name.t === 'char' ? name.value ?? 'NA' : '?' };
        this.refs.push(node);
        return node;
      }
      case SXP.ENV: {
        const node: RNode = { t: 'env', offset: at, locked: this.s.int('locked') !== 0 };
        this.refs.push(node); // registered before its contents, which may refer back to it
        node.enclos = this.item(d); node.frame = this.item(d); node.hashtab = this.item(d); node.attr = this.item(d);
        return node;
      }
      case SXP.LIST: case SXP.LANG: case SXP.DOT: return this.pairlist(type, flags, d, at);
      case SXP.CLO: case SXP.PROM: {
        const attr = hasAttr ? this.item(d) : undefined;
        const env = hasTag ? this.item(d) : undefined;
        const car = this.item(d), cdr = this.item(d);
        const node: RNode = type === SXP.CLO ? { t: 'closure', offset: at, env, formals: car, body: cdr, attr }
          : { t: 'promise', offset: at, env, value: car, code: cdr, attr };
        this.code.push(node);
        return node;
      }
    }
    const node = this.vectorLike(type, d, at);
    // CHARSXPs may carry an attribute from old writers: read and ignored (ReadItem's tail).
    if (hasAttr) {
      const attr = this.item(d);
      if (CARRIES_ATTR.has(node.t)) (node as { attr?: RNode }).attr = attr;
    }
    return node;
  }

  /** LISTSXP/LANGSXP/DOTSXP: attr?, tag?, CAR, then the CDR, followed iteratively while it is a LISTSXP. */
  private pairlist(type: number, flags: number, d: number, at: number): RNode {
    const node: PairNode = { t: type === SXP.LANG ? 'lang' : type === SXP.DOT ? 'dots' : 'list', offset: at, cells: [] };
    let f = flags;
    for (;;) {
      const cell: Cell = { car: NIL };
      if (f & (1 << 9)) {
        const attr = this.item(d);
        if (node.cells.length === 0) node.attr = attr; else cell.attr = attr;
      }
      if (f & (1 << 10)) cell.tag = this.item(d);
      cell.car = this.item(d);
      node.cells.push(cell);
      const next = this.s.int('flags');
      const nt = next & 0xff;
      if (nt === SXP.NILVALUE) break;
      if (nt !== SXP.LIST) { node.tail = this.item(d, next); break; }
      f = next;
      this.count();
      if ((node.cells.length & 0xfff) === 0) this.checkAborted();
    }
    if (node.t === 'lang') this.code.push(node);
    return node;
  }

  private vectorLike(type: number, d: number, at: number): RNode {
    const atomic = ATOMIC[type];
    if (atomic) {
      const n = this.length();
      if (type === SXP.INT && n <= 8) return { t: 'atomic', type: atomic[0], length: n, head: this.s.ints(n, 8, 'integer vector') };
      this.s.skipValues(n, atomic[1], `${atomic[0]} vector`);
      return { t: 'atomic', type: atomic[0], length: n };
    }
    switch (type) {
      case SXP.CHAR: return { t: 'char', value: this.charsxp() };
      case SXP.STR: {
        const n = this.length();
        const strings: Array<string | null> = [];
        for (let i = 0; i < n; i++) {
          const flags = this.s.int('flags');
          if ((flags & 0xff) !== SXP.CHAR) { this.item(d, flags); continue; }
          this.count();
          const keep = strings.length < MAX_KEPT_STRINGS;
          const v = this.charsxp(keep); // strings past the sample are stepped over, not decoded
          if (flags & (1 << 9)) this.item(d);
          if (keep) strings.push(v);
        }
        return { t: 'str', length: n, strings };
      }
      case SXP.VEC: case SXP.EXPR: {
        const n = this.length();
        const items: RNode[] = [];
        for (let i = 0; i < n; i++) items.push(this.item(d));
        return { t: 'vec', type: type === SXP.VEC ? 'list' : 'expression', items };
      }
      case SXP.RAW: { const n = this.length(); this.s.skipRaw(n); return { t: 'atomic', type: 'raw', length: n }; }
      case SXP.SPECIAL: case SXP.BUILTIN: {
        const n = this.s.int('name length');
        if (n < 0 || n > 256) throw new FormatError(`builtin name of ${n} bytes`, this.s.pos);
        return { t: 'builtin', name: utf8(this.s.string(n, 'builtin name')) };
      }
      case SXP.EXTPTR: {
        const node: RNode = { t: 'extptr' };
        this.refs.push(node);
        node.prot = this.item(d); node.tag = this.item(d);
        return node;
      }
      case SXP.WEAKREF: { const node: RNode = { t: 'weakref' }; this.refs.push(node); return node; }
      case SXP.S4: return { t: 's4' };
      case SXP.BCODE: {
        const reps: RNode[] = new Array<RNode>(Math.max(0, Math.min(this.s.int('bytecode reps'), 1 << 16)));
        return this.bytecode(reps, d, at);
      }
      case SXP.CLASSREF: case SXP.GENERICREF:
        throw new FormatError(`R cannot read ${type === SXP.CLASSREF ? 'class' : 'generic function'} references (type ${type})`, at);
      default:
        throw new FormatError(`unknown R object type ${type}`, at);
    }
  }

  /** A CHARSXP's bytes: length -1 is NA_STRING; the levels hold the encoding (ignored: text is UTF-8 or Latin-1). */
  private charsxp(decode = true): string | null {
    const n = this.s.int('string length');
    if (n === -1 || n === NA_INTEGER) return null;
    if (n < 0) throw new FormatError(`negative string length ${n}`, this.s.pos);
    const bytes = this.s.string(n, 'string');
    return decode ? text(bytes.subarray(0, MAX_STRING_BYTES)) : '';
  }

  /** ReadBC1: the code (an INTSXP), then ReadBCConsts: typed constants, calls written with ReadBCLang. */
  private bytecode(reps: RNode[], depth: number, at: number): RNode {
    const d = this.deeper(depth);
    this.count();
    this.item(d); // the instruction stream: integers, not judged
    const n = this.s.int('bytecode constants');
    if (n < 0) throw new FormatError(`negative bytecode constant count ${n}`, this.s.pos);
    const node: Extract<RNode, { t: 'bytecode' }> = { t: 'bytecode', offset: at, consts: [] };
    for (let i = 0; i < n; i++) {
      const type = this.s.int('constant type');
      if (type === SXP.BCODE) node.consts.push(this.bytecode(reps, d, this.s.pos));
      else if (type === SXP.LANG || type === SXP.LIST || type === SXP.BCREPDEF || type === SXP.BCREPREF || type === SXP.ATTRLANG || type === SXP.ATTRLIST) {
        node.consts.push(this.bcLang(type, reps, d));
      } else node.consts.push(this.item(d));
    }
    this.code.push(node);
    return node;
  }

  /** ReadBCLang: calls and pairlists inside bytecode constants, shared through the reps table. */
  private bcLang(type0: number, reps: RNode[], depth: number): RNode {
    const d = this.deeper(depth);
    let type = type0;
    if (type === SXP.BCREPREF) {
      const i = this.s.int('bytecode rep');
      return reps[i] ?? { t: 'missing-ref', index: i };
    }
    if (type !== SXP.BCREPDEF && type !== SXP.LANG && type !== SXP.LIST && type !== SXP.ATTRLANG && type !== SXP.ATTRLIST) return this.item(d);
    this.count();
    let pos = -1;
    if (type === SXP.BCREPDEF) { pos = this.s.int('bytecode rep'); type = this.s.int('bytecode rep type'); }
    const hasAttr = type === SXP.ATTRLANG || type === SXP.ATTRLIST;
    const lang = type === SXP.LANG || type === SXP.ATTRLANG;
    const node: PairNode = { t: lang ? 'lang' : 'list', offset: this.s.pos, cells: [] };
    if (pos >= 0 && pos < reps.length) reps[pos] = node;
    if (hasAttr) node.attr = this.item(d);
    const tag = this.item(d);
    const car = this.bcLang(this.s.int('bytecode item type'), reps, d);
    node.cells.push({ car, ...(tag.t === 'const' && tag.what === 'NULL' ? {} : { tag }) });
    const cdr = this.bcLang(this.s.int('bytecode item type'), reps, d);
    // Flatten the argument chain the way pairlist() does, so a call reads the same either way.
    if (cdr.t === 'list' && cdr !== node) node.cells.push(...cdr.cells);
    else if (!(cdr.t === 'const' && cdr.what === 'NULL')) node.tail = cdr;
    if (lang) this.code.push(node);
    return node;
  }

  /** InStringVec: a 0, a count, then that many CHARSXP items. */
  private stringVec(d: number): string[] {
    if (this.s.int('string vector marker') !== 0) throw new FormatError('names of a package or namespace reference: bad marker', this.s.pos);
    const n = this.s.int('string vector length');
    if (n < 0) throw new FormatError(`negative string vector length ${n}`, this.s.pos);
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const it = this.item(d);
      if (out.length < MAX_KEPT_STRINGS) out.push(it.t === 'char' ? it.value ?? 'NA' : '?');
    }
    return out;
  }
}
