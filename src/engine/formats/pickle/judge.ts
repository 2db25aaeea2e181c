// Judges what the symbolic machine reports: every import and call against the policy (injected, so
// tests can use a small fake), plus the shapes only an attack needs whatever the names (a callable
// produced by a call, BUILD on an imported module, decode-then-execute, code objects, EXT codes).
// Bookkeeping (evidence windows, held findings, constants and nested payloads) is judge-base.ts.
// Calls are judged by what the callee does (verdict.ts: overrides, the knowledge base, unknown), and so
// are the callables a higher-order call carries as data, the state BUILD hands to __setstate__, and
// getattr lookups that are not calls (calls.ts).
import type { PolicyVerdict } from './policy';
import { carriedOf, classOf, globalsInState, isConstructor, isGetattr, isTensorOrStorage, isTypeLookup, lookupOf, namedtupleImport, reconstructorBase, type Carried } from './calls';
import { clauseOf, harmfulReach, reachText, SINK_TEXT } from './verdict';
import { DANGEROUS_ATTRIBUTES } from './policy-dangerous';
import { setstateRuleFor } from './setstate-rules';
import { typeSubscript } from './type-forms';
import { sympifiedString } from './sympy-strings';
import { CALLED_ATTRIBUTES } from './carriers';
import { inlineArray } from './joblib';
import type { CallNode, GlobalNode, InlineData, MachineHooks } from './machine';
import { JudgeBase, type Pending } from './judge-base';
import { codeObjectReason, decodeChain, SINKS } from './shapes';
import { fileLoadOf, partialStateLoad, type FileLoad } from './loaders';
import { isNode, render, tupleItems, type Node, type Val } from './values';

export { type Classify, type JudgeEnv, type NestedPayload } from './judge-base';

/** Entries kept in the imports and calls notes. */
const MAX_NOTE_IMPORTS = 500;
const MAX_NOTE_CALLS = 100;
/** Carried callables followed through nested carriers (map(partial(partial(f)))): real pickles nest one. */
const MAX_CARRY_DEPTH = 4;
/**
 * Reviewed reducers that unpickle a bytes argument the pickle carries, by argument position. spaCy
 * (spacy/vocab.pyx pickle_vocab, spacy/tokens/doc.pyx pickle_doc, 3.x) stores a Vocab's lexical attribute
 * getters and a Doc's user data and hooks as srsly.pickle_dumps bytes, loaded by srsly.pickle_loads.
 * numba (numba/core/serialize.py, the copyreg reducer of _CustomPickled, what a jitted function in a shap
 * explainer pickles as) loads its argument with its vendored cloudpickle; the call itself stays CRITICAL
 * (the knowledge base sees it reach pickle.loads).
 */
const NESTED_LOADERS: ReadonlyMap<string, number> = new Map([
  ['spacy.vocab.unpickle_vocab', 4], ['spacy.tokens.doc.unpickle_doc', 1],
  ['numba.core.serialize._unpickle__CustomPickled', 0]]);
/** Type names dill/cloudpickle look up that build code or reach frames (shapes.ts builds code from them). */
const CODE_TYPES = new Set(['CodeType', 'FunctionType', 'LambdaType', 'MethodType', 'CellType', 'ModuleType', 'code',
  'function', 'GeneratorType', 'FrameType', 'TracebackType', 'BuiltinFunctionType', 'BuiltinMethodType',
  'MethodWrapperType', 'WrapperDescriptorType', 'MethodDescriptorType', 'ClassMethodDescriptorType',
  'GetSetDescriptorType', 'MemberDescriptorType', 'CoroutineType', 'AsyncGeneratorType']);
/** dill type names of file and stream objects: calling them opens files; they keep callable-from-call. */
const FILE_TYPES = /File|IO|Buffered|TextWrapper|Socket|Pipe|Popen/;
/**
 * The reach path shown in a message: "(path: typing._eval_type → builtins.eval)". A path of one step is the
 * callable itself, already named by the message, so it is left out (one sentence, the callable named once).
 */
const pathOf = (v: PolicyVerdict): string => ((v.reach?.[0]?.path.length ?? 0) > 1 ? ` (path: ${reachText(v.reach![0]!)})` : '');

/** functools.partial (the C module's spelling too): binds a callable to arguments. */
const PARTIAL = /^_?functools\.partial$/;
/** A global of the loading program itself (pickle resolves __main__ in the process that loads it). */
const isProgramGlobal = (g: GlobalNode): boolean => g.module === '__main__' || g.module === '__mp_main__';

export class Judge extends JudgeBase implements MachineHooks {
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
    if (v.callsArgs || v.callsKwargs) this.judgeCarried(g.key, carriedOf(v, c.args, c.kwargs), c.off, text, 0);
  }

  private raiseLoad(key: string, load: FileLoad, off: number, text: string): void {
    this.cancelHeld(key);
    const k = `load|${load.key}|${load.file}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.raise('pickle/nested-load', `Pickle calls ${load.via ?? load.key} on ${load.file}, which ${load.loader.reason}`, off, text);
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

  /**
   * A library reducer that unpickles bytes the file carries (NESTED_LOADERS): the nested-pickle finding on
   * that constant drops to INFO, since the child scan judges what it loads; the call itself is judged
   * as usual (it must be a reviewed or analysed name to stay quiet).
   */
  private nestedLoaded(g: GlobalNode, c: CallNode, text: string): void {
    const at = NESTED_LOADERS.get(g.key);
    if (at === undefined) return;
    const a = tupleItems(c.args)?.[at] ?? null;
    // What it unpickles must be bytes the file holds (scanned as a child); bytes the pickle computes
    // (a decoder's output, an unresolved value) would be loaded unseen.
    if (isNode(a) && a.t !== 'bytes') {
      this.raise('pickle/dangerous-call', `Pickle calls ${g.key}, which unpickles its argument ${at}, and that argument is computed by the pickle (${render(a).slice(0, 80)}), not bytes the scanner could read`, c.off, text);
      return;
    }
    const nested = isNode(a) && a.t === 'bytes' ? this.nestedConsts.get(a.off) : undefined;
    if (!nested) return;
    nested.f.severity = 'info';
    nested.f.severityReason = `${g.key} unpickles it (the library's own reducer); the nested scan decides`;
  }

  /** A sympy class built with a string argument: its constructor sympifies, and sympify evals (sympy-strings.ts). */
  private sympified(g: GlobalNode, c: CallNode, text: string): void {
    const cls = isConstructor(g) ? classOf(c) : g;
    const str = cls ? sympifiedString(cls.key, c.args) : null;
    if (!cls || str === null) return;
    this.raise('pickle/dangerous-call', `Pickle builds ${cls.key} with the string argument ${JSON.stringify(str.slice(0, 60))}, which sympy's sympify evaluates as Python`, c.off, text);
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
          this.raise('pickle/dangerous-call', `Pickle calls ${value.key} through ${via}${clauseOf(v, value.key)}${pathOf(v)}`, off, text);
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
    const nt = namedtupleImport(fn, call.args);
    if (nt) return { t: 'global', module: nt.module, name: nt.name, off: call.off, key: `${nt.module}.${nt.name}` };
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
    if (v.level === 'dangerous') this.raise('pickle/dangerous-call', `Pickle calls ${look.owner.key}.${look.attr} through ${via}${clauseOf(v, `${look.owner.key}.${look.attr}`)}${pathOf(v)}`, off, text);
    else if (v.level === 'unknown') this.raise('pickle/non-allowlisted-call', `Pickle calls ${look.owner.key}.${look.attr} through ${via}, which no analysed library defines`, off, text);
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
      if (load) return this.raiseLoad(cls.key, load, off, text);
      this.judgeCarried(cls.key, [{ value: fn, where: 'BUILD state' }], off, text, 0);
      if (!isNode(fn) || fn.t !== 'global') return;
      const fv = this.verdict(fn);
      if (fv.callsArgs || fv.callsKwargs) this.judgeCarried(`${fn.key} bound by ${cls.key}`, carriedOf(fv, args ?? null, kwargs), off, text, 1);
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

  /**
   * Callables BUILD stores in an object's state (issue 11, item 3). A dangerous one is CRITICAL wherever
   * it sits (nested in a list or a dict of keyword arguments too), the object and attribute named. An
   * unknown one is a WARNING when it is the value of an attribute the class's methods call (the knowledge
   * base's called attributes, a constructor keyword it calls, or carriers.ts CALLED_ATTRIBUTES); elsewhere a
   * class or function reference is data. Ordinary functions (numpy.log1p, a metric) stay silent.
   */
  private judgeStoredCallables(cls: GlobalNode, state: Val, off: number, text: string): void {
    const stored = globalsInState(state);
    if (!stored.length) return;
    const kb = this.env.knowledge;
    const called = new Set([...kb?.calledAttributes?.(cls.module, cls.name) ?? [], ...CALLED_ATTRIBUTES.get(cls.key) ?? []]);
    for (const k of kb?.lookup(cls.module, cls.name)?.callsKwargs ?? []) called.add(k);
    for (const { g: x, attr, direct } of stored) {
      // A class storing one of its own methods (interp1d._call = interp1d._call_linear_np): code the knowledge
      // base read with the class; the table keeps only private methods that reach something.
      const own = x.module === cls.module && x.name.startsWith(`${cls.name}.`) && kb?.lookup(cls.module, cls.name) != null;
      const calls = direct && attr !== null && called.has(attr) && !own;
      const xv = this.verdict(x);
      const key = `store|${x.key}|${cls.key}`;
      if (xv.level === 'safe' || this.seen.has(key) || (xv.level !== 'dangerous' && !calls)) continue;
      this.seen.add(key);
      const where = `the${attr === null ? '' : ` attribute ${attr}`} of a ${cls.key}`;
      if (xv.level === 'dangerous') {
        this.cancelHeld(x.key);
        this.raise('pickle/dangerous-call', `BUILD stores ${x.key}${clauseOf(xv, x.key, true)}, in ${where}${calls || direct ? ', whose methods call it' : ''}${pathOf(xv)}`, off, text);
      } else if (isProgramGlobal(x)) {
        this.judgeProgramCall(x, off, text, ` (stored by BUILD in ${where})`);
      } else {
        this.raise('pickle/non-allowlisted-call', `BUILD stores ${x.key} in ${where}, whose methods call it; no analysed library defines it and no reviewed list names it`, off, text);
      }
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
