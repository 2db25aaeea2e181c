// Judges what the symbolic machine reports: every import and call against the policy (injected, so
// tests can use a small fake), plus the shapes only an attack needs whatever the names (a callable
// produced by a call, BUILD on an imported module, decode-then-execute, code objects, EXT codes).
// Bookkeeping (evidence windows, held findings, constants and nested payloads) is judge-base.ts.
// Calls are judged by what the callee does (verdict.ts: overrides, the knowledge base, unknown), and so
// are the callables a higher-order call carries as data, the state BUILD hands to __setstate__, and
// getattr lookups that are not calls (calls.ts). The nested-loader and carrier hooks are judge-carry.ts.
import type { PolicyVerdict } from './policy';
import { carriedOf, classOf, isConstructor, isGetattr, isTensorOrStorage, isTypeLookup, lookupOf, namedtupleImport, reconstructorBase } from './calls';
import { clauseOf, harmfulReach, reachText, SINK_TEXT } from './verdict';
import { DANGEROUS_ATTRIBUTES } from './policy-dangerous';
import { setstateRuleFor } from './setstate-rules';
import { typeSubscript } from './type-forms';
import { sympifiedString } from './sympy-strings';
import { inlineArray } from './joblib';
import type { CallNode, GlobalNode, InlineData, MachineHooks } from './machine';
import type { Pending } from './judge-base';
import { CarryJudge, isProgramGlobal, PARTIAL, pathOf } from './judge-carry';
import { codeObjectReason, decodeChain, SINKS } from './shapes';
import { fileLoadOf, partialStateLoad } from './loaders';
import { feedsData } from './carriers';
import { isNode, render, tupleItems, type Node, type Val } from './values';

export { type Classify, type JudgeEnv, type NestedPayload } from './judge-base';

/** Entries kept in the imports and calls notes. */
const MAX_NOTE_IMPORTS = 500;
const MAX_NOTE_CALLS = 100;
/** Type names dill/cloudpickle look up that build code or reach frames (shapes.ts builds code from them). */
const CODE_TYPES = new Set(['CodeType', 'FunctionType', 'LambdaType', 'MethodType', 'CellType', 'ModuleType', 'code',
  'function', 'GeneratorType', 'FrameType', 'TracebackType', 'BuiltinFunctionType', 'BuiltinMethodType',
  'MethodWrapperType', 'WrapperDescriptorType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
  'GetSetDescriptorType', 'MemberDescriptorType', 'CoroutineType', 'AsyncGeneratorType']);
/** dill type names of file and stream objects: calling them opens files; they keep callable-from-call. */
const FILE_TYPES = /File|IO|Buffered|TextWrapper|Socket|Pipe|Popen/;

export class Judge extends CarryJudge implements MachineHooks {
  onImport(g: GlobalNode, op: string): void {
    if (this.imports.size < MAX_NOTE_IMPORTS) this.imports.add(g.key);
    const v = this.verdict(g);
    if (v.level !== 'dangerous' || this.held.has(g.key) || this.seen.has(`import|${g.key}`)) return;
    this.seen.add(`import|${g.key}`);
    this.raise('pickle/dangerous-import', `Pickle imports ${g.key} (${op})${clauseOf(v, g.key)}`, g.off, g.key, {}, g.key);
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
    this.nestedLoaded(g, c, text);
    this.sympified(g, c, text);
    const code = codeObjectReason(g, c.args);
    const chain = SINKS.has(g.key) ? decodeChain(c.args) : null;
    const v = this.verdict(g);
    if ((c.op === 'NEWOBJ' || c.op === 'NEWOBJ_EX') && this.onlyNewIsHarmless(g, v)) { this.cancelHeld(g.key); return; }
    // A data loader called on a file the pickle names (loaders.ts). NEWOBJ runs only __new__, which
    // does not load (a Booster rebuilt for its BUILD state is how lightgbm pickles itself).
    // functools.partial's __new__ binds the loader to its file (the later call loads), so it counts too.
    const binds = PARTIAL.test(g.key);
    const load = !code && !chain && (binds || (v.level !== 'dangerous' && c.op !== 'NEWOBJ' && c.op !== 'NEWOBJ_EX'))
      ? fileLoadOf(g.key, c.args, c.kwargs, g.module, g.name) : null;
    if (load) return this.raiseLoad(g.key, load, c.off, text);
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
      this.raise('pickle/dangerous-call', `Pickle calls ${g.key}${clauseOf(v, g.key)}${pathOf(v)}`, c.off, text);
    } else if (isConstructor(g)) {
      const cls = classOf(c);
      if (cls) this.judgeConstructed(cls, c.off, text, `${g.key}`);
      const base = reconstructorBase(g, c);
      if (base) this.judgeCarried(g.key, [{ value: base, where: 'its base, whose __init__ runs on the state' }], c.off, text, 0);
    } else if (v.level === 'unknown') {
      if (c.op === 'NEWOBJ' || c.op === 'NEWOBJ_EX') this.judgeConstructed(g, c.off, text, c.op);
      else if (isProgramGlobal(g)) this.judgeProgramCall(g, c.off, text, '');
      else if (!this.seen.has(`call|${g.key}`)) {
        this.seen.add(`call|${g.key}`);
        this.raise('pickle/non-allowlisted-call', `Pickle calls ${g.key}, which no analysed library defines and no reviewed list names`, c.off, text);
      }
    }
    if (v.callsArgs || v.callsKwargs) this.judgeCarried(g.key, carriedOf(v, c.args, c.kwargs), c.off, text, 0, feedsData(g.module, g.name) ? c.args : undefined);
  }

  /**
   * NEWOBJ and copyreg's constructors run only the class's __new__. The knowledge base's facts for a
   * class cover __init__ too (calling it runs both); when they are what makes it dangerous and its
   * __new__ reaches no sink, constructing it this way is harmless (BUILD's __setstate__ is judged apart).
   * The reviewed dangerous list is never relaxed this way.
   */
  private onlyNewIsHarmless(cls: GlobalNode, v: PolicyVerdict): boolean {
    if (v.level !== 'dangerous' || v.origin !== 'knowledge' || !this.env.knowledge) return false;
    const f = this.env.knowledge.lookup(cls.module, `${cls.name}.__new__`);
    return !f || harmfulReach(f).length === 0;
  }

  /**
   * A class instantiated without its __init__ (NEWOBJ: cls.__new__(cls); copyreg._reconstructor):
   * only __new__ runs, which for a Python class is object.__new__. Dangerous classes stay CRITICAL;
   * an unknown one is noted (INFO): torch.save(model) writes every user nn.Module this way.
   */
  private judgeConstructed(cls: GlobalNode, off: number, text: string, how: string): void {
    const v = this.verdict(cls);
    if (this.onlyNewIsHarmless(cls, v)) { this.cancelHeld(cls.key); return; }
    if (v.level === 'dangerous') {
      this.cancelHeld(cls.key);
      if (this.seen.has(`new|${cls.key}`)) return;
      this.seen.add(`new|${cls.key}`);
      this.raise('pickle/dangerous-call', `Pickle constructs ${cls.key} (${how})${clauseOf(v, cls.key)}${pathOf(v)}`, off, text);
    } else if (v.level === 'unknown' && !this.seen.has(`new|${cls.key}`)) {
      this.seen.add(`new|${cls.key}`);
      this.raise('pickle/unknown-class-constructed', `Pickle constructs ${cls.key} with ${how} (its __new__ only, no __init__); no analysed library defines it`, off, text);
    }
  }

  /**
   * Shapes that look like calls of dangerous names but only look something up (issue 11, items 4-5):
   * getattr(<class>, 'NAME') (Python 3.11+ Enum members, bound methods), dill's _load_type('float'),
   * torch.storage._load_from_bytes(<bytes in the file>) (pickle.dumps(tensor); the bytes are scanned
   * as a child and decide), operator.getitem(typing.Union, (...)) (a pickled annotation). True when the
   * call was judged here.
   */
  private benignShape(g: GlobalNode, c: CallNode): boolean {
    if (isGetattr(g)) {
      const look = lookupOf(c);
      const owner = look ? this.verdict(look.owner) : null;
      // A method read off an instance that already exists (a bound method in saved state) does not run
      // the class's constructor, so a knowledge-base verdict on construction does not decide it.
      if (!look || !owner || (owner.level === 'dangerous' && !(look.instance && owner.origin === 'knowledge'))) return false;
      // An attribute of a class the reviewed lists or the knowledge base clear (uuid.SafeUUID.safe, an
      // Enum member) is a value; only a name like an execution primitive is looked at again. Elsewhere
      // the looked-up path is judged (a dangerous module reached through it keeps getattr CRITICAL).
      if (owner.level !== 'safe' || DANGEROUS_ATTRIBUTES.has(look.attr)) {
        if (this.verdictOf(look.owner.module, `${look.owner.name}.${look.attr}`).level === 'dangerous') return false;
      }
      this.cancelHeld(g.key);
      return true;
    }
    if (isTypeLookup(g, c.args, CODE_TYPES)) { this.cancelHeld(g.key); return true; }
    // Optional[Tensor] pickled as operator.getitem(typing.Union, (...)): builds an annotation (type-forms.ts)
    const form = typeSubscript(g, c);
    if (form) { this.cancelHeld(g.key); this.cancelHeld(form.key); return true; }
    const nt = namedtupleImport(g, c.args);
    if (nt) {
      if (this.verdictOf(nt.module, nt.name).level === 'dangerous') return false;
      this.cancelHeld(g.key);
      return true;
    }
    if (g.key === 'torch.storage._load_from_bytes') {
      const a0 = tupleItems(c.args)?.[0] ?? null;
      let nested: Pending | undefined;
      if (isNode(a0) && a0.t === 'bytes') nested = this.nestedConsts.get(a0.off);
      else if (isNode(a0) && a0.t === 'call' && isNode(a0.fn) && a0.fn.t === 'global' && /^_?codecs\.encode$/.test(a0.fn.key)) {
        const s0 = tupleItems(a0.args)?.[0];
        if (typeof s0 === 'string') nested = this.nestedStrings.get(s0);
        // A string too large to keep whose text opens a legacy torch stream (its scan is queued as text).
        else if (s0 !== undefined && isNode(s0) && s0.t === 'unknown' && this.legacyText.has(s0.off)) { this.cancelHeld(g.key); return true; }
      }
      if (!nested) return false;
      nested.f.severity = 'info';
      nested.f.severityReason = 'torch.storage._load_from_bytes reads it (pickle.dumps of a tensor); the nested scan decides';
      this.cancelHeld(g.key);
      return true;
    }
    return false;
  }

  /** A sympy class built with a string argument: its constructor sympifies, and sympify evals (sympy-strings.ts). */
  private sympified(g: GlobalNode, c: CallNode, text: string): void {
    const cls = isConstructor(g) ? classOf(c) : g;
    const str = cls ? sympifiedString(cls.key, c.args) : null;
    if (!cls || str === null) return;
    this.raise('pickle/dangerous-call', `Pickle builds ${cls.key} with the string argument ${JSON.stringify(str.slice(0, 60))}, which sympy's sympify evaluates as Python`, c.off, text);
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
    const nt = namedtupleImport(fn, call.args);
    if (nt) return { t: 'global', module: nt.module, name: nt.name, off: call.off, key: `${nt.module}.${nt.name}` };
    if (isTypeLookup(fn, call.args, CODE_TYPES)) {
      const t = tupleItems(call.args)![0] as string;
      if (FILE_TYPES.test(t)) return null;
      return { t: 'global', module: 'builtins', name: t, off: call.off, key: `builtins.${t}` };
    }
    return null;
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
    const inline = inlineArray(target, state);
    if (inline !== 'unresolved') return inline;
    // joblib reads array bytes here whose length the scan cannot work out: it parses on, but where
    // joblib resumes (and so what it runs next) is unknown.
    this.env.limited?.('a joblib array wrapper of unresolvable size');
    this.raise('pickle/joblib-array-unresolved', `A joblib NumpyArrayWrapper at ${off} has a dtype or shape the scan cannot size; the array bytes after it were parsed as opcodes`, off, render(state));
    return null;
  }

  /**
   * BUILD on an instance runs its class's __setstate__ with the state (issue 11, item 2); a partial's
   * state carries the function and its arguments (functools.partial.__setstate__), judged as a call.
   */
  private judgeSetstate(target: CallNode, state: Val, off: number): void {
    const cls = classOf(target);
    if (!cls) return;
    const text = `${render(target).slice(0, 120)}.__setstate__(${render(state)})`;
    if (PARTIAL.test(cls.key)) {
      const [fn, args, kwargs] = tupleItems(state) ?? [];
      if (fn === undefined) return;
      const load = partialStateLoad(cls.key, state);
      if (load) { this.boundLoads.add(target); return this.raiseLoad(cls.key, load, off, text); }
      this.judgeCarried(cls.key, [{ value: fn, where: 'BUILD state' }], off, text, 0);
      if (!isNode(fn) || fn.t !== 'global') return;
      const fv = this.verdict(fn);
      if (fv.callsArgs || fv.callsKwargs) this.judgeCarried(`${fn.key} bound by ${cls.key}`, carriedOf(fv, args ?? null, kwargs), off, text, 1, feedsData(fn.module, fn.name) ? args ?? null : undefined);
      return;
    }
    this.judgeStoredCallables(cls, state, off, text);
    const facts = this.env.knowledge?.setstate?.(cls.module, cls.name);
    if (!facts) return;
    const bad = harmfulReach(facts);
    // A reviewed rule judges the state the sink is fed from (scipy's exec'd parser template).
    const rule = setstateRuleFor(cls.module, bad);
    const why = rule ? rule.check(state) : '';
    if (why !== null && bad.length && !this.seen.has(`setstate|${cls.key}`)) {
      this.seen.add(`setstate|${cls.key}`);
      this.raise('pickle/dangerous-call', rule
        ? `BUILD runs ${cls.key}.__setstate__, which ${rule.does}, and ${why} (path: ${reachText(bad[0]!)})`
        : `BUILD runs ${cls.key}.__setstate__, which reaches ${SINK_TEXT[bad[0]!.sink]} (path: ${reachText(bad[0]!)})`, off, text);
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
}
