// A pickle opcode assembler for attack variants: any opcode of protocols 0-5 with its argument
// encoded as pickletools describes (or raw bytes, lying lengths, broken frames). Real pickles made by
// Python live in fixtures/; this builds the shapes Python's pickler never writes.
import { OPS_BY_NAME } from '../../src/engine/formats/pickle/opcodes';
import { Budget } from '../../src/engine/limits';
import { fromBytes } from '../../src/engine/io/byte-source';
import { FormatError, type ByteSource, type FindingInput, type JsonValue, type ScanContext } from '../../src/engine/types';
import { scanPickle } from '../../src/engine/formats/pickle/scanner';
import type { Classify } from '../../src/engine/formats/pickle/judge';
import type { Knowledge } from '../../src/engine/formats/pickle/knowledge/types';
import { RULES } from '../../src/engine/rules';

type Arg = number | bigint | boolean | string | Uint8Array | [string, string];

const te = new TextEncoder();

function le(n: number | bigint, width: number): number[] {
  let v = BigInt(n);
  const out: number[] = [];
  for (let i = 0; i < width; i++) { out.push(Number(v & 0xffn)); v >>= 8n; }
  return out;
}

/** Minimal two's-complement little-endian bytes of an integer (pickle.encode_long). */
export function encodeLong(n: number | bigint): number[] {
  let v = BigInt(n);
  if (v === 0n) return [];
  const out: number[] = [];
  for (;;) {
    out.push(Number(v & 0xffn));
    const sign = (v & 0x80n) !== 0n;
    v >>= 8n;
    if ((v === 0n && !sign) || (v === -1n && sign)) break;
  }
  return out;
}

function latin1(s: string): number[] { return [...s].map((c) => c.charCodeAt(0) & 0xff); }

function pyRepr(s: string): string {
  let o = "'";
  for (const c of s) {
    const k = c.charCodeAt(0);
    if (c === '\\' || c === "'") o += '\\' + c;
    else if (c === '\n') o += '\\n';
    else if (k < 0x20 || k >= 0x7f) o += `\\x${k.toString(16).padStart(2, '0')}`;
    else o += c;
  }
  return o + "'";
}

export class PickleAsm {
  private readonly out: number[] = [];

  get length(): number { return this.out.length; }

  raw(bytes: ArrayLike<number> | string): this {
    if (typeof bytes === 'string') this.out.push(...latin1(bytes));
    else for (let i = 0; i < bytes.length; i++) this.out.push(bytes[i]!);
    return this;
  }

  /** Any opcode by name, its argument encoded per its pickletools ArgumentDescriptor. */
  op(name: string, arg?: Arg): this {
    const info = OPS_BY_NAME[name];
    if (!info) throw new Error(`no opcode ${name}`);
    this.out.push(info.code);
    const a = arg as Arg;
    switch (info.arg) {
      case 'none': break;
      case 'uint1': this.out.push(...le(a as number, 1)); break;
      case 'uint2': this.out.push(...le(a as number, 2)); break;
      case 'uint4': case 'int4': this.out.push(...le(BigInt.asUintN(32, BigInt(a as number)), 4)); break;
      case 'uint8': this.out.push(...le(a as number, 8)); break;
      case 'float8': { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, a as number, false); this.out.push(...b); break; }
      case 'long1': { const b = encodeLong(a as bigint); this.out.push(b.length, ...b); break; }
      case 'long4': { const b = encodeLong(a as bigint); this.out.push(...le(b.length, 4), ...b); break; }
      case 'decimalnl_short': this.raw(typeof a === 'boolean' ? (a ? '01\n' : '00\n') : `${String(a)}\n`); break;
      case 'decimalnl_long': this.raw(`${String(a)}L\n`); break;
      case 'floatnl': this.raw(`${String(a)}\n`); break;
      case 'stringnl': this.raw(`${pyRepr(a as string)}\n`); break;
      case 'stringnl_noescape': this.raw(`${a as string}\n`); break;
      case 'stringnl_noescape_pair': { const [m, n] = a as [string, string]; this.out.push(...te.encode(`${m}\n${n}\n`)); break; }
      case 'unicodestringnl': {
        const s = [...(a as string)].map((c) => { const k = c.codePointAt(0)!; return k > 0xff || c === '\\' || c === '\n' ? `\\u${k.toString(16).padStart(4, '0')}` : c; }).join('');
        this.raw(`${s}\n`); break;
      }
      case 'string1': case 'string4': {
        const b = latin1(a as string);
        this.out.push(...le(b.length, info.arg === 'string1' ? 1 : 4), ...b); break;
      }
      case 'bytes1': case 'bytes4': case 'bytes8': case 'bytearray8': case 'unicode1': case 'unicode4': case 'unicode8': {
        const b = typeof a === 'string' ? te.encode(a) : (a as Uint8Array);
        const w = info.arg.endsWith('1') ? 1 : info.arg.endsWith('4') ? 4 : 8;
        this.out.push(...le(b.length, w));
        for (let i = 0; i < b.length; i++) this.out.push(b[i]!);
        break;
      }
    }
    return this;
  }

  /** An opcode with a declared length that need not match the data (lying or huge lengths). */
  declared(name: string, declared: number | bigint, data: ArrayLike<number> = []): this {
    const info = OPS_BY_NAME[name]!;
    const w = info.arg.endsWith('1') ? 1 : info.arg.endsWith('4') ? 4 : 8;
    this.out.push(info.code, ...le(declared, w));
    return this.raw(data);
  }

  proto(n: number): this { return this.op('PROTO', n); }
  stop(): this { return this.op('STOP'); }
  mark(): this { return this.op('MARK'); }
  global(module: string, name: string): this { return this.op('GLOBAL', [module, name]); }
  /** Protocol 4+: the two names as SHORT_BINUNICODE then STACK_GLOBAL. */
  stackGlobal(module: string, name: string): this { return this.op('SHORT_BINUNICODE', module).op('SHORT_BINUNICODE', name).op('STACK_GLOBAL'); }
  str(s: string): this { return this.op(te.encode(s).length < 256 ? 'SHORT_BINUNICODE' : 'BINUNICODE', s); }
  bytes(b: Uint8Array): this { return this.op(b.length < 256 ? 'SHORT_BINBYTES' : 'BINBYTES', b); }
  int(n: number): this { return n >= 0 && n < 256 ? this.op('BININT1', n) : this.op('BININT', n); }
  /** Pushes constant values: string, number, boolean, null, bytes. */
  value(v: string | number | boolean | null | Uint8Array): this {
    if (v === null) return this.op('NONE');
    if (typeof v === 'boolean') return this.op(v ? 'NEWTRUE' : 'NEWFALSE');
    if (typeof v === 'number') return this.int(v);
    if (typeof v === 'string') return this.str(v);
    return this.bytes(v);
  }
  /** `module.name(*args)` with GLOBAL + MARK … TUPLE + REDUCE (works in every protocol ≥ 1). */
  call(module: string, name: string, args: Array<string | number | boolean | null | Uint8Array>): this {
    this.global(module, name).mark();
    for (const a of args) this.value(a);
    return this.op('TUPLE').op('REDUCE');
  }

  build(): Uint8Array { return new Uint8Array(this.out); }
}

export const asm = (): PickleAsm => new PickleAsm();

/** Concatenates byte arrays (stacked pickles, junk, padding). */
export function concat(...parts: Array<Uint8Array | string>): Uint8Array {
  const bs = parts.map((p) => (typeof p === 'string' ? new Uint8Array(latin1(p)) : p));
  const out = new Uint8Array(bs.reduce((n, b) => n + b.length, 0));
  let o = 0;
  for (const b of bs) { out.set(b, o); o += b.length; }
  return out;
}

/**
 * Protocol-4 framing as pickle.py writes it: PROTO, then FRAME <len> before the body. `declared`
 * overrides the frame length (a FRAME that lies).
 */
export function framed(protocol: number, body: Uint8Array, declared = body.length): Uint8Array {
  return concat(asm().proto(protocol).op('FRAME', declared).build(), body);
}

// ---------------------------------------------------------------------------------------------
// A minimal ScanContext for judging pickles with an injected policy (no orchestrator, no registry):
// findings, notes and children are collected; children hinted 'pickle' are scanned recursively.

export interface JudgedFinding extends FindingInput { path: string[]; severity: 'critical' | 'warning' | 'info' | 'debug' }
export interface Judged {
  findings: JudgedFinding[];
  notes: Record<string, Record<string, JsonValue>>;
  children: Array<{ path: string[]; size: number; hint?: string }>;
  strings: string[];
  error?: FormatError;
}

/** A toy policy: os/posix/nt/subprocess and a few names are dangerous; torch/numpy/collections safe. */
export const fakePolicy: Classify = (module, name) => {
  const key = `${module}.${name}`;
  const dangerous = ['os', 'posix', 'nt', 'subprocess', 'pickle', '_pickle', 'marshal'].includes(module)
    || ['builtins.eval', 'builtins.exec', 'builtins.getattr', 'builtins.__import__', 'operator.attrgetter', 'operator.methodcaller',
      '__builtin__.eval', 'types.CodeType', 'functools.partial'].includes(key);
  if (dangerous) return { level: 'dangerous', reason: `fake policy: ${key} is dangerous` };
  if (/^(torch\._utils|collections|numpy|joblib\.numpy_pickle|torch)\./.test(key + '.') && !key.startsWith('torch.load')) {
    return { level: 'safe', reason: 'fake policy: ML plumbing' };
  }
  return { level: 'unknown', reason: 'fake policy: not listed' };
};

export async function judgePickle(bytes: Uint8Array | ByteSource, classify: Classify = fakePolicy, name = 'test.pkl', knowledge: Knowledge | null = null): Promise<Judged> {
  const out: Judged = { findings: [], notes: {}, children: [], strings: [] };
  const budget = new Budget();
  async function visit(src: ByteSource, path: string[]): Promise<void> {
    const notes: Record<string, JsonValue> = {};
    out.notes[path.join(' > ')] = notes;
    const ctx: ScanContext = {
      source: src, head: { bytes: new Uint8Array(0), size: src.size, name: path[path.length - 1]!, ext: '' }, state: undefined,
      path, depth: path.length - 1, options: {}, budget,
      report: (f) => out.findings.push({ ...f, path, severity: f.severity ?? RULES[f.ruleId].severity }),
      note: (k, v) => { notes[k] = v; },
      limited: () => {},
      scanChild: async (n, child, hint) => {
        out.children.push({ path: [...path, n], size: child.size, hint });
        if (hint === 'pickle') {
          try { await visit(child, [...path, n]); } catch (e) { if (!(e instanceof FormatError)) throw e; }
        }
      },
      inspectString: (t) => { out.strings.push(t); },
      read: (o, l) => src.read(o, l),
      checkAborted: () => {},
    };
    await scanPickle(ctx, classify, knowledge);
  }
  try {
    await visit(bytes instanceof Uint8Array ? fromBytes(bytes, name) : bytes, [name]);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    out.error = e;
  }
  return out;
}

export const rulesOf = (j: Judged, min: 'critical' | 'warning' = 'warning'): string[] =>
  j.findings.filter((f) => f.severity === 'critical' || (min === 'warning' && f.severity === 'warning')).map((f) => f.ruleId);
