// Python's marshal format, read (never executed) to show what a Keras Lambda's bytecode references.
// Keras func_dump writes base64(marshal.dumps(fn.__code__)); func_load runs marshal.loads on it and
// builds a function. Reference: CPython Python/marshal.c (r_object, the TYPE_* letters; FLAG_REF 0x80
// adds the object to the reference table, containers and code objects reserve their slot first).
//
// The code-object field layout changed across versions and the blob carries no version, so each known
// layout is tried in turn; the type checks on the fields (bytes for co_code, tuples of str for names)
// reject a wrong layout within a few fields:
//   3.8-3.10: argcount posonlyargcount kwonlyargcount nlocals stacksize flags (6 × i32), code consts
//             names varnames freevars cellvars filename name, firstlineno (i32), lnotab/linetable
//   3.11-3.14: argcount posonlyargcount kwonlyargcount stacksize flags (5 × i32), code consts names
//             localsplusnames localspluskinds filename name qualname, firstlineno (i32), linetable,
//             exceptiontable
//   3.0-3.7:  argcount kwonlyargcount nlocals stacksize flags (5 × i32), then as 3.8
import { FormatError } from '../../types';
import { latin1Text, utf8 } from '../../io/text';

/** Objects read from one blob. A lambda has tens; the bound stops blobs of millions of tiny objects. */
export const MAX_MARSHAL_OBJECTS = 100_000;
/** Nesting of tuples/code objects. marshal.c itself stops at 2000 (MAX_MARSHAL_STACK_DEPTH). */
export const MAX_MARSHAL_DEPTH = 200;
/** Digits of one long (15 bits each): 1000 digits is a 15 000-bit integer, far past any real constant. */
const MAX_LONG_DIGITS = 1000;

export type CodeLayout = '3.11+' | '3.8-3.10' | '3.0-3.7';

export interface PyCode {
  kind: 'code';
  layout: CodeLayout;
  argcount: number;
  flags: number;
  codeBytes: number;
  consts: PyValue[];
  names: string[];
  varnames: string[];
  filename: string;
  name: string;
  firstlineno: number;
}

export type PyValue =
  | null | boolean | number | bigint | string
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'other'; what: string }
  | PyValue[]
  | PyCode;

const FLAG_REF = 0x80;
const LAYOUTS: readonly CodeLayout[] = ['3.11+', '3.8-3.10', '3.0-3.7'];

/** Parses one marshalled object; throws FormatError when no known layout reads it. */
export function parseMarshal(bytes: Uint8Array): { value: PyValue; layout: CodeLayout | null } {
  let last: unknown;
  for (const layout of LAYOUTS) {
    try {
      const r = new MarshalReader(bytes, layout);
      const value = r.object(0);
      return { value, layout: r.sawCode ? layout : null };
    } catch (e) {
      if (!(e instanceof FormatError)) throw e;
      last = e;
    }
  }
  throw last instanceof FormatError ? last : new FormatError('unreadable marshal data');
}

class MarshalReader {
  private pos = 0;
  private readonly refs: PyValue[] = [];
  private objects = 0;
  sawCode = false;

  constructor(private readonly b: Uint8Array, private readonly layout: CodeLayout) {}

  private fail(msg: string): never { throw new FormatError(`marshal: ${msg}`, this.pos); }

  private byte(): number {
    if (this.pos >= this.b.length) this.fail('truncated');
    return this.b[this.pos++]!;
  }

  private i32(): number {
    if (this.pos + 4 > this.b.length) this.fail('truncated');
    const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 4).getInt32(0, true);
    this.pos += 4;
    return v;
  }

  private take(n: number): Uint8Array {
    if (n < 0 || n > this.b.length - this.pos) this.fail(`length ${n} past the end`);
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  object(depth: number): PyValue {
    if (depth > MAX_MARSHAL_DEPTH) this.fail('nested too deeply');
    if (++this.objects > MAX_MARSHAL_OBJECTS) this.fail('too many objects');
    const code = this.byte();
    const flag = (code & FLAG_REF) !== 0;
    const type = String.fromCharCode(code & ~FLAG_REF);
    // Containers and code objects take their reference slot before their children (marshal.c
    // R_REF / r_ref_reserve), so child references count the same way.
    const slot = flag ? this.refs.push(null) - 1 : -1;
    const keep = <T extends PyValue>(v: T): T => { if (slot >= 0) this.refs[slot] = v; return v; };
    switch (type) {
      case '0': return keep({ kind: 'other', what: 'NULL' });
      case 'N': return keep(null);
      case 'F': return keep(false);
      case 'T': return keep(true);
      case 'S': return keep({ kind: 'other', what: 'StopIteration' });
      case '.': return keep({ kind: 'other', what: 'Ellipsis' });
      case 'i': return keep(this.i32());
      case 'I': { const lo = this.take(8); return keep(new DataView(lo.buffer, lo.byteOffset, 8).getBigInt64(0, true)); }
      case 'l': return keep(this.long());
      case 'g': { const f = this.take(8); return keep(new DataView(f.buffer, f.byteOffset, 8).getFloat64(0, true)); }
      case 'f': return keep(Number(latin1Text(this.take(this.byte()))));
      case 'y': this.take(16); return keep({ kind: 'other', what: 'complex' });
      case 'x': this.take(this.byte()); this.take(this.byte()); return keep({ kind: 'other', what: 'complex' });
      case 's': return keep({ kind: 'bytes', value: this.take(this.i32()) });
      case 'u': case 't': return keep(utf8(this.take(this.i32())));
      case 'a': case 'A': return keep(latin1Text(this.take(this.i32())));
      case 'z': case 'Z': return keep(latin1Text(this.take(this.byte())));
      case '(': case '[': case '<': case '>': return this.sequence(this.i32(), depth, keep);
      case ')': return this.sequence(this.byte(), depth, keep);
      case '{': {
        const pairs: PyValue[] = keep([]);
        for (;;) {
          if (this.b[this.pos] === 0x30) { this.pos++; return pairs; } // '0' (NULL) ends a dict
          pairs.push([this.object(depth + 1), this.object(depth + 1)]);
        }
      }
      case ':': { // slice (marshal version 5, Python 3.14)
        const parts: PyValue[] = keep([]);
        for (let i = 0; i < 3; i++) parts.push(this.object(depth + 1));
        return parts;
      }
      case 'r': {
        const i = this.i32();
        if (i < 0 || i >= this.refs.length) this.fail(`bad reference ${i}`);
        return this.refs[i]!;
      }
      case 'c': return keep(this.code(depth));
      default: return this.fail(`unknown type 0x${code.toString(16)}`);
    }
  }

  private sequence(n: number, depth: number, keep: (v: PyValue[]) => PyValue[]): PyValue[] {
    // Each element takes at least one byte: a count past the remaining bytes is a lie.
    if (n < 0 || n > this.b.length - this.pos) this.fail(`sequence of ${n} items past the end`);
    const out = keep([]);
    for (let i = 0; i < n; i++) out.push(this.object(depth + 1));
    return out;
  }

  private long(): bigint {
    const n = this.i32();
    const digits = Math.abs(n);
    if (digits > MAX_LONG_DIGITS) this.fail(`long of ${digits} digits`);
    const raw = this.take(digits * 2);
    let v = 0n;
    for (let i = digits - 1; i >= 0; i--) v = (v << 15n) | BigInt(raw[2 * i]! | (raw[2 * i + 1]! << 8));
    return n < 0 ? -v : v;
  }

  private code(depth: number): PyCode {
    this.sawCode = true;
    const modern = this.layout === '3.11+';
    const argcount = this.i32();
    if (this.layout !== '3.0-3.7') this.i32(); // posonlyargcount
    this.i32();                                // kwonlyargcount
    if (!modern) this.i32();                   // nlocals
    this.i32();                                // stacksize
    const flags = this.i32();
    const codeObj = this.object(depth + 1);
    if (!isBytes(codeObj)) this.fail('co_code is not bytes');
    const consts = this.tuple(depth, 'co_consts');
    const names = this.strings(depth, 'co_names');
    const varnames = this.strings(depth, modern ? 'co_localsplusnames' : 'co_varnames');
    if (modern) {
      if (!isBytes(this.object(depth + 1))) this.fail('co_localspluskinds is not bytes');
    } else {
      varnames.push(...this.strings(depth, 'co_freevars'), ...this.strings(depth, 'co_cellvars'));
    }
    const filename = this.str(depth, 'co_filename');
    const name = this.str(depth, 'co_name');
    if (modern) this.str(depth, 'co_qualname');
    const firstlineno = this.i32();
    if (!isBytes(this.object(depth + 1))) this.fail('co_linetable is not bytes');
    if (modern && !isBytes(this.object(depth + 1))) this.fail('co_exceptiontable is not bytes');
    return { kind: 'code', layout: this.layout, argcount, flags, codeBytes: codeObj.value.length,
      consts, names, varnames, filename, name, firstlineno };
  }

  private tuple(depth: number, field: string): PyValue[] {
    const v = this.object(depth + 1);
    if (!Array.isArray(v)) this.fail(`${field} is not a tuple`);
    return v;
  }

  private strings(depth: number, field: string): string[] {
    const v = this.tuple(depth, field);
    if (!v.every((s) => typeof s === 'string')) this.fail(`${field} holds a non-string`);
    return [...(v as string[])];
  }

  private str(depth: number, field: string): string {
    const v = this.object(depth + 1);
    if (typeof v !== 'string') this.fail(`${field} is not a string`);
    return v;
  }
}

function isBytes(v: PyValue): v is { kind: 'bytes'; value: Uint8Array } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'bytes';
}

export function isCode(v: PyValue): v is PyCode {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && v.kind === 'code';
}

/** What a code object (and the code objects nested in its constants) references. */
export interface CodeSummary {
  names: string[];      // co_names: globals, attributes and imports the bytecode loads
  strings: string[];    // string constants
  varnames: string[];
  functions: string[];  // co_name of every code object
}

/** Collected entries per list: evidence stays short and hostile blobs cannot grow the lists. */
const MAX_SUMMARY_ENTRIES = 200;

export function summarizeCode(root: PyValue): CodeSummary {
  const out: CodeSummary = { names: [], strings: [], varnames: [], functions: [] };
  const seen = new Set<object>();
  const add = (list: string[], s: string) => { if (list.length < MAX_SUMMARY_ENTRIES && !list.includes(s)) list.push(s); };
  const stack: PyValue[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    if (typeof v === 'string') { add(out.strings, v); continue; }
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) { for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]!); continue; }
    if (isCode(v)) {
      add(out.functions, v.name);
      for (const n of v.names) add(out.names, n);
      for (const n of v.varnames) add(out.varnames, n);
      for (let i = v.consts.length - 1; i >= 0; i--) stack.push(v.consts[i]!);
    }
  }
  return out;
}
