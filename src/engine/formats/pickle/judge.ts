// Judges what the symbolic machine reports: every import and call against the policy (injected, so
// tests can use a small fake), plus the shapes only an attack needs whatever the names (a callable
// produced by a call, BUILD on an imported module, decode-then-execute, code objects, EXT codes).
// Findings wait WINDOW_AFTER ops for their evidence window; all pending ones are flushed when a
// stream ends or breaks, so a call before a truncation is still reported.
import type { FindingInput, StringWhere } from '../../types';
import type { RuleId } from '../../rules';
import type { PolicyVerdict } from './policy';
import { WINDOW_AFTER, WINDOW_BEFORE } from './evidence';
import { inlineArray } from './joblib';
import { HIGHEST_PROTOCOL } from './opcodes';
import type { CallNode, GlobalNode, InlineData, Machine, MachineHooks } from './machine';
import { codeObjectReason, decodeChain, SINKS, strongerVerdict } from './shapes';
import { nestedPickle } from './nested';
import { isNode, render, tupleItems, type Val } from './values';

export type Classify = (module: string, name: string) => PolicyVerdict;

/** Payloads found inside the pickle, scanned as children once the stream is done. */
export type NestedPayload = { name: string; hint?: string } & ({ bytes: Uint8Array } | { range: [number, number] });

export interface JudgeEnv {
  report(f: FindingInput): void;
  classify: Classify;
  inspectString?(text: string, where: StringWhere): void;
  nested?(p: NestedPayload): void;
  embeddedPickle?(start: number): Promise<number>;
  charge?(ops: number): void;
}

/** Entries kept in the imports and calls notes. */
const MAX_NOTE_IMPORTS = 500;
const MAX_NOTE_CALLS = 100;
/** Nested payloads queued per file. */
const MAX_NESTED = 32;
/** Strings are handed to the string detectors in blocks of about this many characters. */
const STRING_BLOCK = 16 * 1024;
/** Strings shorter than this are identifiers and numbers: not worth the detectors' time. */
const MIN_INSPECT = 16;

interface Pending { f: FindingInput; head: string; mark: number; until: number; hold?: string; done?: boolean; cancelled?: boolean }

export class Judge implements MachineHooks {
  machine!: Machine;
  readonly imports = new Set<string>();
  readonly calls = new Map<string, string>();
  callCount = 0;
  protocols = new Set<number>();
  private readonly verdicts = new Map<string, PolicyVerdict>();
  private pending: Pending[] = [];
  private readonly held = new Map<string, Pending>();
  private readonly seen = new Set<string>();
  private nestedCount = 0;
  private readonly queuedSigs = new Set<string>();
  private strParts: string[] = [];
  private strChars = 0;
  private strFirst = -1;

  constructor(private readonly env: JudgeEnv) {}

  verdict(g: GlobalNode): PolicyVerdict {
    let v = this.verdicts.get(g.key);
    if (!v) {
      v = strongerVerdict(g.module, g.name, this.env.classify);
      if (this.verdicts.size < 100_000) this.verdicts.set(g.key, v);
    }
    return v;
  }

  private pointer(): string { return `op:${this.machine.ring.count - 1}`; }

  /** Queues a finding until its trailing opcode window has been seen. */
  private raise(ruleId: RuleId, message: string, off: number, head: string, extra: Partial<FindingInput> = {}, hold?: string): void {
    const mark = this.machine.ring.count - 1;
    const p: Pending = { f: { ruleId, message, offset: off, pointer: this.pointer(), ...extra }, head, mark, until: mark + WINDOW_AFTER };
    if (hold) { p.hold = hold; this.held.set(hold, p); }
    this.pending.push(p);
    this.machine.waiting = true;
  }

  private finalize(p: Pending): void {
    if (!p.done) {
      p.done = true;
      const lines = this.machine.ring.lines(p.mark - WINDOW_BEFORE, p.until + 1, p.mark);
      p.f.evidence = `${p.head}\n${lines.join('\n')}`;
    }
    if (!p.hold && !p.cancelled) this.env.report(p.f);
  }

  afterOp(): void {
    const now = this.machine.ring.count - 1;
    while (this.pending.length && this.pending[0]!.until <= now) this.finalize(this.pending.shift()!);
    this.machine.waiting = this.pending.length > 0;
  }

  /** End of a stream (or its failure): everything pending is reported with the window it has. */
  flush(): void {
    for (const p of this.pending) this.finalize(p);
    this.pending = [];
    this.machine.waiting = false;
    for (const p of this.held.values()) if (!p.cancelled) { p.hold = undefined; this.finalize(p); }
    this.held.clear();
    this.flushStrings();
  }

  onImport(g: GlobalNode, op: string): void {
    if (this.imports.size < MAX_NOTE_IMPORTS) this.imports.add(g.key);
    const v = this.verdict(g);
    if (v.level !== 'dangerous' || this.held.has(g.key) || this.seen.has(`import|${g.key}`)) return;
    this.seen.add(`import|${g.key}`);
    this.raise('pickle/dangerous-import', `Pickle imports ${g.key} (${op}): ${v.reason}`, g.off, g.key, {}, g.key);
  }

  onUnresolvedImport(why: string, off: number, fromCall = false): void {
    this.raise('pickle/unresolved-import', `Pickle imports a name it computes or cannot resolve: ${why}`, off, why,
      fromCall ? { severity: 'critical', severityReason: 'the module or name is computed by a call at load time' } : {});
  }

  onCall(c: CallNode): void {
    this.callCount++;
    const fn = c.fn;
    const text = render(c);
    const callee = isNode(fn) && fn.t === 'global' ? fn.key : render(fn).slice(0, 80);
    if (!this.calls.has(callee) && this.calls.size < MAX_NOTE_CALLS) this.calls.set(callee, text);
    if (!isNode(fn)) {
      this.raise('pickle/unresolved-callable', `Pickle calls a ${fn === null ? 'None' : typeof fn} constant with ${c.op}`, c.off, text);
      return;
    }
    switch (fn.t) {
      case 'global': return this.judgeGlobalCall(fn, c, text);
      case 'call':
        this.raise('pickle/callable-from-call', `Pickle calls the result of ${render(fn.fn).slice(0, 80)}(…)`, c.off, text);
        return;
      case 'unknown':
        this.raise('pickle/unresolved-callable', `Pickle calls an unresolved callable (${fn.why}) with ${c.op}`, c.off, text);
        return;
      case 'pid':
        this.raise('pickle/unresolved-callable', `Pickle calls an object returned by persistent_load with ${c.op}`, c.off, text);
        return;
      default:
        this.raise('pickle/unresolved-callable', `Pickle calls a ${fn.t} with ${c.op}`, c.off, text);
    }
  }

  private judgeGlobalCall(g: GlobalNode, c: CallNode, text: string): void {
    const held = this.held.get(g.key);
    const code = codeObjectReason(g, c.args);
    const chain = SINKS.has(g.key) ? decodeChain(c.args) : null;
    const v = this.verdict(g);
    if (code || chain || v.level === 'dangerous') {
      if (held) { held.cancelled = true; this.held.delete(g.key); }
      const key = `${g.key}|${text}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    if (code) {
      this.raise('pickle/code-object', `Pickle builds code with ${g.key}: ${code}`, c.off, text);
    } else if (chain) {
      this.raise('pickle/decode-exec-chain', `Pickle passes data decoded by ${chain.decoders.join(' ∘ ')} to ${g.key}`, c.off, text);
      if (chain.payload) this.nestedDecoded(chain.payload, g.key, c.off);
    } else if (v.level === 'dangerous') {
      this.raise('pickle/dangerous-call', `Pickle calls ${g.key}: ${v.reason}`, c.off, text);
    } else if (v.level === 'unknown' && !this.seen.has(`call|${g.key}`)) {
      this.seen.add(`call|${g.key}`);
      this.raise('pickle/non-allowlisted-call', `Pickle calls ${g.key}, which is not on the known-safe list`, c.off, text);
    }
  }

  private nestedDecoded(payload: Uint8Array, sink: string, off: number): void {
    if (/(^|\.)(loads?|_loads)$/.test(sink) && !sink.startsWith('marshal')) {
      this.queue({ name: `<decoded@${off}>`, bytes: payload, hint: 'pickle' });
    } else if (this.env.inspectString) {
      let s = '';
      for (let i = 0; i < Math.min(payload.length, 1 << 20); i++) s += String.fromCharCode(payload[i]!);
      this.env.inspectString(s, { offset: off, pointer: this.pointer() });
    }
  }

  onBuild(target: Val, state: Val, off: number): InlineData | null {
    if (!isNode(target)) return null;
    if (target.t === 'global') {
      this.raise('pickle/module-attribute-write', `BUILD sets attributes on the imported object ${target.key}`, off,
        `${target.key}.__dict__.update(${render(state)})`);
      return null;
    }
    if (target.t !== 'call') return null;
    const fn = target.fn;
    if (isNode(fn) && fn.t === 'global' && /(^|\.)dtype$/.test(fn.key) && tupleItems(state)) target.state = state;
    return inlineArray(target, state);
  }

  onMutate(target: GlobalNode, op: string, off: number): void {
    this.raise('pickle/module-attribute-write', `${op} modifies the imported object ${target.key}`, off, `${op} on ${target.key}`);
  }

  onExt(code: number, off: number): void {
    this.raise('pickle/ext-code', `Pickle loads extension code ${code} from the copyreg registry`, off, `EXT ${code}`);
  }

  onProto(p: number, off: number): void {
    this.protocols.add(p);
    if (p > HIGHEST_PROTOCOL) this.raise('pickle/protocol-unknown', `PROTO ${p} is above the highest known protocol (${HIGHEST_PROTOCOL})`, off, `PROTO ${p}`);
  }

  onConst(v: string | Uint8Array, off: number, argOff: number, argLen: number, partial: boolean): void {
    if (typeof v === 'string' && v.length >= MIN_INSPECT && this.env.inspectString) this.addString(v, off);
    if (this.nestedCount >= MAX_NESTED || !this.env.nested) return;
    if (partial) {
      if (v instanceof Uint8Array && nestedPickle(v.subarray(0, 64))?.how === 'raw') this.nestedRange(argOff, argLen, off, 'raw');
      return;
    }
    const n = nestedPickle(v);
    if (!n) return;
    if (n.how === 'raw') this.nestedRange(argOff, argLen, off, n.how);
    else {
      this.raise('pickle/nested-pickle', `A ${n.how} constant at ${off} holds a pickle (scanned as <const@${off}>)`, off, n.how);
      this.queue({ name: `<const@${off}>`, bytes: n.bytes, hint: 'pickle' });
    }
  }

  private nestedRange(argOff: number, argLen: number, off: number, how: string): void {
    this.raise('pickle/nested-pickle', `A ${how} bytes constant at ${off} holds a pickle (scanned as <const@${off}>)`, off, how);
    this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen], hint: 'pickle' });
  }

  private queue(p: NestedPayload): void {
    // The same payload reached twice (a nested-pickle constant that also feeds a decode chain) is scanned once.
    if ('bytes' in p) {
      const b = p.bytes;
      let sig = `${b.length}:`;
      for (let i = 0; i < Math.min(b.length, 32); i++) sig += b[i]!.toString(16);
      for (let i = Math.max(0, b.length - 16); i < b.length; i++) sig += b[i]!.toString(16);
      if (this.queuedSigs.has(sig)) return;
      this.queuedSigs.add(sig);
    }
    if (this.nestedCount++ < MAX_NESTED) this.env.nested?.(p);
  }

  private addString(s: string, off: number): void {
    if (this.strFirst < 0) this.strFirst = off;
    this.strParts.push(s);
    this.strChars += s.length + 1;
    if (this.strChars >= STRING_BLOCK) this.flushStrings();
  }

  private flushStrings(): void {
    if (this.strParts.length && this.env.inspectString) this.env.inspectString(this.strParts.join('\n'), { offset: this.strFirst });
    this.strParts = []; this.strChars = 0; this.strFirst = -1;
  }

  onEmbeddedPickle(start: number): Promise<number> {
    if (!this.env.embeddedPickle) return Promise.resolve(start);
    return this.env.embeddedPickle(start);
  }

  charge(ops: number): void { this.env.charge?.(ops); }
}
