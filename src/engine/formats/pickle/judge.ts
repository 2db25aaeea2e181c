// Judges what the symbolic machine reports: every import and call against the policy (injected, so
// tests can use a small fake), plus the shapes only an attack needs whatever the names (a callable
// produced by a call, BUILD on an imported module, decode-then-execute, code objects, EXT codes).
// Findings wait WINDOW_AFTER ops for their evidence window; all pending ones are flushed when a
// stream ends or breaks, so a call before a truncation is still reported.
// Calls are judged by what the callee does (verdict.ts: overrides, the knowledge base, unknown), and so
// are the callables a higher-order call carries as data, the state BUILD hands to __setstate__, and
// getattr lookups that are not calls (calls.ts).
import type { FindingInput, StringWhere } from '../../types';
import type { RuleId } from '../../rules';
import type { PolicyVerdict } from './policy';
import type { Knowledge } from './knowledge/types';
import { executableAt } from '../../detectors/executables';
import { carriedOf, classOf, isConstructor, isGetattr, isTensorOrStorage, isTypeLookup, lookupOf, type Carried } from './calls';
import { harmfulReach, reachText, SINK_TEXT } from './verdict';
import { startsWithLegacyMagic } from '../pytorch/sniff';
import { WINDOW_AFTER, WINDOW_BEFORE } from './evidence';
import { inlineArray } from './joblib';
import { HIGHEST_PROTOCOL } from './opcodes';
import type { CallNode, GlobalNode, InlineData, Machine, MachineHooks } from './machine';
import { codeObjectReason, decodeChain, SINKS, strongerVerdict } from './shapes';
import { nestedPickle } from './nested';
import { isNode, render, tupleItems, type Node, type Val } from './values';

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
  /** The knowledge base, for the facts of __setstate__ and __new__ (verdicts come through classify). */
  knowledge?: Knowledge | null;
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
/** Carried callables followed through nested carriers (map(partial(partial(f)))): real pickles nest one. */
const MAX_CARRY_DEPTH = 4;
/** Type names dill/cloudpickle look up that build code or reach frames (shapes.ts builds code from them). */
const CODE_TYPES = new Set(['CodeType', 'FunctionType', 'LambdaType', 'MethodType', 'CellType', 'ModuleType', 'code',
  'function', 'GeneratorType', 'FrameType', 'TracebackType', 'BuiltinFunctionType', 'BuiltinMethodType',
  'MethodWrapperType', 'WrapperDescriptorType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
  'GetSetDescriptorType', 'MemberDescriptorType', 'CoroutineType', 'AsyncGeneratorType']);
/** Strings at least this long may be docstrings (shorter text is names, paths and values). */
const MIN_PROSE = 200;

/** Several lines of mostly words with sentence punctuation: a docstring, not a command or a config value. */
function looksLikeDocstring(s: string): boolean {
  let lines = 0, words = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) lines++;
    else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a || c === 0x20) words++;
  }
  return lines >= 3 && words >= s.length * 0.75 && /[a-z]\. [A-Z]/.test(s);
}

/** dill type names of file and stream objects: calling them opens files; they keep callable-from-call. */
const FILE_TYPES = /File|IO|Buffered|TextWrapper|Socket|Pipe|Popen/;
/** The reach path shown in a message: "(path: typing._eval_type → builtins.eval)". */
const pathOf = (v: PolicyVerdict): string => (v.reach?.length ? ` (path: ${reachText(v.reach[0]!)})` : '');

interface Pending { f: FindingInput; head: string; mark: number; until: number; hold?: string; done?: boolean; cancelled?: boolean }

/** A global of the loading program itself (pickle resolves __main__ in the process that loads it). */
const isProgramGlobal = (g: GlobalNode): boolean => g.module === '__main__' || g.module === '__mp_main__';

export class Judge implements MachineHooks {
  machine!: Machine;
  readonly imports = new Set<string>();
  readonly calls = new Map<string, string>();
  callCount = 0;
  protocols = new Set<number>();
  private readonly verdicts = new Map<string, PolicyVerdict>();
  /** Offsets of bytes constants queued as nested pickles, with their finding (held). */
  private readonly nestedConsts = new Map<number, Pending>();
  /** The same for latin-1 string constants (protocol 2 writes bytes as _codecs.encode(str, 'latin1')). */
  private readonly nestedStrings = new Map<string, Pending>();
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
    return this.verdictOf(g.module, g.name, g.key);
  }

  private verdictOf(module: string, name: string, key = `${module}.${name}`): PolicyVerdict {
    let v = this.verdicts.get(key);
    if (!v) {
      v = strongerVerdict(module, name, this.env.classify);
      if (this.verdicts.size < 100_000) this.verdicts.set(key, v);
    }
    return v;
  }

  /** The import finding held for `key` is replaced by a finding about its use (or by nothing). */
  private cancelHeld(key: string): void {
    const held = this.held.get(key);
    if (held) { held.cancelled = true; this.held.delete(key); }
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
      case 'call': {
        // getattr(Class, 'name')(…) (how a classmethod pickles: ZoneInfo._unpickle) and dill's
        // _load_type('slice')(…) call a name the pickle spells out: judged as a call of that name.
        const named = this.namedResult(fn);
        if (named) return this.judgeGlobalCall(named, c, text);
        this.raise('pickle/callable-from-call', `Pickle calls the result of ${render(fn.fn).slice(0, 80)}(…)`, c.off, text);
        return;
      }
      case 'unknown':
        this.raise('pickle/unresolved-callable', `Pickle calls an unresolved callable (${fn.why}) with ${c.op}`, c.off, text);
        return;
      case 'pid': {
        // torch's legacy writer pickles a module class as the persistent id ('module', <class>, file, source);
        // its loader returns the class (serialization.py persistent_load, typename 'module').
        const items = tupleItems(fn.id);
        const cls = items && items[0] === 'module' && isNode(items[1] ?? null) && (items[1] as Node).t === 'global' ? items[1] as GlobalNode : null;
        if (cls) return this.judgeGlobalCall(cls, c, text);
        this.raise('pickle/unresolved-callable', `Pickle calls an object returned by persistent_load with ${c.op}`, c.off, text);
        return;
      }
      default:
        this.raise('pickle/unresolved-callable', `Pickle calls a ${fn.t} with ${c.op}`, c.off, text);
    }
  }

  private judgeGlobalCall(g: GlobalNode, c: CallNode, text: string): void {
    if (this.benignShape(g, c)) return;
    const code = codeObjectReason(g, c.args);
    const chain = SINKS.has(g.key) ? decodeChain(c.args) : null;
    const v = this.verdict(g);
    if (code || chain || v.level === 'dangerous') {
      this.cancelHeld(g.key);
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
      this.raise('pickle/dangerous-call', `Pickle calls ${g.key}: ${v.reason}${pathOf(v)}`, c.off, text);
    } else if (isConstructor(g)) {
      const cls = classOf(c);
      if (cls) this.judgeConstructed(cls, c.off, text, `${g.key}`);
    } else if (v.level === 'unknown') {
      if (c.op === 'NEWOBJ' || c.op === 'NEWOBJ_EX') this.judgeConstructed(g, c.off, text, c.op);
      else if (isProgramGlobal(g)) this.judgeProgramCall(g, c.off, text, '');
      else if (!this.seen.has(`call|${g.key}`)) {
        this.seen.add(`call|${g.key}`);
        this.raise('pickle/non-allowlisted-call', `Pickle calls ${g.key}, which no analysed library defines and no reviewed list names`, c.off, text);
      }
    }
    if (v.callsArgs || v.callsKwargs) this.judgeCarried(g.key, carriedOf(v, c.args, c.kwargs), c.off, text, 0);
  }

  /**
   * __main__ names resolve to what the program that loads the file defines (its Enums, its LR lambda
   * helpers); a file cannot plant code there, so calling one is noted, not warned about.
   */
  private judgeProgramCall(g: GlobalNode, off: number, text: string, via: string): void {
    if (this.seen.has(`main|${g.key}`)) return;
    this.seen.add(`main|${g.key}`);
    this.raise('pickle/program-callable', `Pickle calls ${g.key}${via}, defined by the program that loads the file`, off, text);
  }

  /**
   * A class instantiated without its __init__ (NEWOBJ: cls.__new__(cls); copyreg._reconstructor):
   * only __new__ runs, which for a Python class is object.__new__. Dangerous classes stay CRITICAL;
   * an unknown one is noted (INFO): torch.save(model) writes every user nn.Module this way.
   */
  private judgeConstructed(cls: GlobalNode, off: number, text: string, how: string): void {
    const v = this.verdict(cls);
    if (v.level === 'dangerous') {
      this.cancelHeld(cls.key);
      if (this.seen.has(`new|${cls.key}`)) return;
      this.seen.add(`new|${cls.key}`);
      this.raise('pickle/dangerous-call', `Pickle constructs ${cls.key} (${how}): ${v.reason}${pathOf(v)}`, off, text);
    } else if (v.level === 'unknown' && !this.seen.has(`new|${cls.key}`)) {
      this.seen.add(`new|${cls.key}`);
      this.raise('pickle/unknown-class-constructed', `Pickle constructs ${cls.key} with ${how} (its __new__ only, no __init__); no analysed library defines it`, off, text);
    }
  }

  /**
   * Shapes that look like calls of dangerous names but only look something up (issue 11, items 4-5):
   * getattr(<class>, 'NAME') (Python 3.11+ Enum members, bound methods), dill's _load_type('float'),
   * torch.storage._load_from_bytes(<bytes in the file>) (pickle.dumps(tensor); the bytes are scanned
   * as a child and decide). True when the call was judged here.
   */
  private benignShape(g: GlobalNode, c: CallNode): boolean {
    if (isGetattr(g)) {
      const look = lookupOf(c);
      if (!look || this.verdict(look.owner).level === 'dangerous') return false;
      const v = this.verdictOf(look.owner.module, `${look.owner.name}.${look.attr}`);
      if (v.level === 'dangerous') return false;
      this.cancelHeld(g.key);
      return true;
    }
    if (isTypeLookup(g, c.args, CODE_TYPES)) { this.cancelHeld(g.key); return true; }
    if (g.key === 'torch.storage._load_from_bytes') {
      const a0 = tupleItems(c.args)?.[0] ?? null;
      let nested: Pending | undefined;
      if (isNode(a0) && a0.t === 'bytes') nested = this.nestedConsts.get(a0.off);
      else if (isNode(a0) && a0.t === 'call' && isNode(a0.fn) && a0.fn.t === 'global' && /^_?codecs\.encode$/.test(a0.fn.key)) {
        const s0 = tupleItems(a0.args)?.[0];
        if (typeof s0 === 'string') nested = this.nestedStrings.get(s0);
      }
      if (!nested) return false;
      nested.f.severity = 'info';
      nested.f.severityReason = 'torch.storage._load_from_bytes reads it (pickle.dumps of a tensor); the nested scan decides';
      this.cancelHeld(g.key);
      return true;
    }
    return false;
  }

  /** Callables passed as data to a higher-order callable, judged as if called (issue 11, item 3). */
  private judgeCarried(carrier: string, carried: Carried[], off: number, text: string, depth: number): void {
    for (const { value, where } of carried) {
      if (!isNode(value)) continue;
      const via = `${carrier} (${where})`;
      if (value.t === 'global') {
        const v = this.verdict(value);
        const key = `carry|${value.key}|${carrier}`;
        if (v.level === 'safe' || this.seen.has(key)) continue;
        this.seen.add(key);
        if (v.level === 'dangerous') {
          this.cancelHeld(value.key);
          this.raise('pickle/dangerous-call', `Pickle calls ${value.key} through ${via}: ${v.reason}${pathOf(v)}`, off, text);
        } else if (isProgramGlobal(value)) {
          this.judgeProgramCall(value, off, text, ` through ${via}`);
        } else {
          this.raise('pickle/non-allowlisted-call', `Pickle calls ${value.key} through ${via}, which no analysed library defines and no reviewed list names`, off, text);
        }
      } else if (value.t === 'call' && depth < MAX_CARRY_DEPTH && isNode(value.fn) && value.fn.t === 'global') {
        // A carrier inside a carrier (map(partial(f, …), …)): partial(f) is judged by f, already done
        // when the inner call was seen; a bound method (getattr(obj, 'm')) by what it looks up.
        if (isGetattr(value.fn)) this.judgeLookupCalled(value, via, off, text);
      } else if (value.t === 'unknown' || value.t === 'pid') {
        this.raise('pickle/unresolved-callable', `Pickle passes an unresolved callable to ${via}`, off, text);
      }
    }
  }

  /**
   * The global a call's result names: getattr(<class or module>, 'identifier') → Class.identifier, when
   * the owner is not dangerous; dill's _load_type('slice') → builtins.slice. Null otherwise (the full
   * callable-from-call severity stays: getattr(os, 'system'), computed or dunder names).
   */
  private namedResult(call: CallNode): GlobalNode | null {
    const fn = call.fn;
    if (!isNode(fn) || fn.t !== 'global') return null;
    if (isGetattr(fn)) {
      const look = lookupOf(call);
      if (!look || look.instance || this.verdict(look.owner).level === 'dangerous') return null;
      const name = `${look.owner.name}.${look.attr}`;
      return { t: 'global', module: look.owner.module, name, off: call.off, key: `${look.owner.module}.${name}` };
    }
    if (isTypeLookup(fn, call.args, CODE_TYPES)) {
      const t = tupleItems(call.args)![0] as string;
      if (FILE_TYPES.test(t)) return null;
      return { t: 'global', module: 'builtins', name: t, off: call.off, key: `builtins.${t}` };
    }
    return null;
  }

  /** A getattr(...) result that a carrier calls: the lookup is now a call, judged by what it looks up. */
  private judgeLookupCalled(c: CallNode, via: string, off: number, text: string): void {
    const look = lookupOf(c);
    if (!look) { this.raise('pickle/callable-from-call', `Pickle passes the result of getattr(…) to ${via}`, off, text); return; }
    const v = this.verdictOf(look.owner.module, `${look.owner.name}.${look.attr}`);
    if (v.level === 'dangerous') this.raise('pickle/dangerous-call', `Pickle calls ${look.owner.key}.${look.attr} through ${via}: ${v.reason}${pathOf(v)}`, off, text);
    else if (v.level === 'unknown') this.raise('pickle/non-allowlisted-call', `Pickle calls ${look.owner.key}.${look.attr} through ${via}, which no analysed library defines`, off, text);
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
    this.judgeSetstate(target, state, off);
    const fn = target.fn;
    if (isNode(fn) && fn.t === 'global' && /(^|\.)dtype$/.test(fn.key) && tupleItems(state)) target.state = state;
    return inlineArray(target, state);
  }

  /**
   * BUILD on an instance runs its class's __setstate__ with the state (issue 11, item 2); a partial's
   * state carries the function and its arguments (functools.partial.__setstate__), judged as a call.
   */
  private judgeSetstate(target: CallNode, state: Val, off: number): void {
    const cls = classOf(target);
    if (!cls) return;
    const text = `${render(target).slice(0, 120)}.__setstate__(${render(state)})`;
    if (/^_?functools\.partial$/.test(cls.key)) {
      const [fn, args, kwargs] = tupleItems(state) ?? [];
      if (fn === undefined) return;
      this.judgeCarried(cls.key, [{ value: fn, where: 'BUILD state' }], off, text, 0);
      if (!isNode(fn) || fn.t !== 'global') return;
      const fv = this.verdict(fn);
      if (fv.callsArgs || fv.callsKwargs) this.judgeCarried(`${fn.key} bound by ${cls.key}`, carriedOf(fv, args ?? null, kwargs), off, text, 1);
      return;
    }
    const facts = this.env.knowledge?.setstate?.(cls.module, cls.name);
    if (!facts) return;
    const bad = harmfulReach(facts);
    if (bad.length && !this.seen.has(`setstate|${cls.key}`)) {
      this.seen.add(`setstate|${cls.key}`);
      this.raise('pickle/dangerous-call', `BUILD runs ${cls.key}.__setstate__, which reaches ${SINK_TEXT[bad[0]!.sink]} (path: ${reachText(bad[0]!)})`, off, text);
    }
    if (facts.callsArgs || facts.callsKwargs) {
      // The state is one argument; whatever callables it holds are what __setstate__ calls.
      const values = isNode(state) && state.t === 'dict' ? state.items.filter((_, i) => i % 2 === 1) : tupleItems(state) ?? [state];
      this.judgeCarried(`${cls.key}.__setstate__`, values.map((value) => ({ value, where: 'BUILD state' })), off, text, 1);
    }
  }

  onMutate(target: Node, op: string, off: number): void {
    if (target.t === 'global') {
      this.raise('pickle/module-attribute-write', `${op} modifies the imported object ${target.key}`, off, `${op} on ${target.key}`);
    } else if (isTensorOrStorage(target)) {
      // CVE-2026-24747: item writes on a rebuilt tensor or storage reach its C++ setters with attacker data.
      this.raise('pytorch/tensor-item-write', `${op} writes items into a tensor or storage the pickle rebuilt (${render(target).slice(0, 80)})`, off, `${op} on ${render(target).slice(0, 120)}`);
    }
  }

  onExt(code: number, off: number): void {
    this.raise('pickle/ext-code', `Pickle loads extension code ${code} from the copyreg registry`, off, `EXT ${code}`);
  }

  onProto(p: number, off: number): void {
    this.protocols.add(p);
    if (p > HIGHEST_PROTOCOL) this.raise('pickle/protocol-unknown', `PROTO ${p} is above the highest known protocol (${HIGHEST_PROTOCOL})`, off, `PROTO ${p}`);
  }

  onConst(v: string | Uint8Array, off: number, argOff: number, argLen: number, partial: boolean): void {
    if (typeof v === 'string' && v.length >= MIN_INSPECT && this.env.inspectString) {
      // A docstring pickled with an object (scipy's frozen distributions keep __doc__ in their state) is
      // prose for people: its links are documentation (INFO), its shell patterns still count.
      if (v.length >= MIN_PROSE && looksLikeDocstring(v)) this.env.inspectString(v, { offset: off, pointer: this.pointer(), documentation: true });
      else this.addString(v, off);
    }
    if (this.nestedCount >= MAX_NESTED || !this.env.nested) return;
    if (v instanceof Uint8Array && v.length >= 4) {
      // A complete executable carried as bytes is reported as the same bytes in a file would be: the
      // constant goes to the fallback sweep as a child (issue 11, item 6).
      const exe = executableAt(v, 0);
      if (exe && exe.kind !== 'script') {
        this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen] });
        return;
      }
    }
    if (partial) {
      if (v instanceof Uint8Array && nestedPickle(v.subarray(0, 64))?.how === 'raw') this.nestedRange(argOff, argLen, off, 'raw', v);
      return;
    }
    const n = nestedPickle(v);
    if (!n) return;
    if (n.how === 'raw') this.nestedRange(argOff, argLen, off, n.how, n.bytes);
    else {
      this.raise('pickle/nested-pickle', `A ${n.how} constant at ${off} holds a pickle (scanned as <const@${off}>)`, off, n.how, {}, `const@${off}`);
      const held = this.held.get(`const@${off}`);
      if (held && typeof v === 'string' && n.how === 'latin-1 string') this.nestedStrings.set(v, held);
      this.queue({ name: `<const@${off}>`, bytes: n.bytes, ...(startsWithLegacyMagic(n.bytes) ? {} : { hint: 'pickle' }) });
    }
  }

  private nestedRange(argOff: number, argLen: number, off: number, how: string, head: Uint8Array | null): void {
    this.raise('pickle/nested-pickle', `A ${how} bytes constant at ${off} holds a pickle (scanned as <const@${off}>)`, off, how, {}, `const@${off}`);
    const held = this.held.get(`const@${off}`);
    if (held) this.nestedConsts.set(off, held);
    // A legacy torch.save stream (what pickle.dumps(tensor) embeds) goes to the legacy checkpoint
    // scanner, which knows its storages follow the pickles; anything else is a pickle.
    const legacy = head !== null && startsWithLegacyMagic(head);
    this.queue({ name: `<const@${off}>`, range: [argOff, argOff + argLen], ...(legacy ? {} : { hint: 'pickle' }) });
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
