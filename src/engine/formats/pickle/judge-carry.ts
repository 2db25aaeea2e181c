// The judge's nested-loader and carrier hooks: callables a higher-order call carries as data (judged as
// if called), callables BUILD stores where the class's methods call them, library reducers that unpickle
// bytes the file carries, data loaders called on a file the pickle names, and __main__ names. judge.ts
// (imports, calls, BUILDs) builds on this; bookkeeping is judge-base.ts.
import type { PolicyVerdict } from './policy';
import { globalsInState, isGetattr, lookupOf, type Carried } from './calls';
import { clauseOf, reachText } from './verdict';
import { CALLED_ATTRIBUTES } from './carriers';
import type { CallNode, GlobalNode } from './machine';
import { JudgeBase } from './judge-base';
import { fileLoadOf, loaderNamed, type FileLoad } from './loaders';
import { isNode, render, tupleItems, type Node, type Val } from './values';

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
/**
 * The reach path shown in a message: "(path: typing._eval_type → builtins.eval)". A path of one step is the
 * callable itself, already named by the message, so it is left out (one sentence, the callable named once).
 */
export const pathOf = (v: PolicyVerdict): string => ((v.reach?.[0]?.path.length ?? 0) > 1 ? ` (path: ${reachText(v.reach![0]!)})` : '');

/** functools.partial (the C module's spelling too): binds a callable to arguments. */
export const PARTIAL = /^_?functools\.partial$/;
/** A global of the loading program itself (pickle resolves __main__ in the process that loads it). */
export const isProgramGlobal = (g: GlobalNode): boolean => g.module === '__main__' || g.module === '__mp_main__';

export class CarryJudge extends JudgeBase {
  /** functools.partial instances whose BUILD state bound a loader to its file (reported there already). */
  protected readonly boundLoads = new WeakSet<Node>();

  protected raiseLoad(key: string, load: FileLoad, off: number, text: string): void {
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
  protected judgeProgramCall(g: GlobalNode, off: number, text: string, via: string): void {
    if (this.seen.has(`main|${g.key}`)) return;
    this.seen.add(`main|${g.key}`);
    this.raise('pickle/program-callable', `Pickle calls ${g.key}${via}, defined by the program that loads the file`, off, text);
  }

  /**
   * A library reducer that unpickles bytes the file carries (NESTED_LOADERS): the nested-pickle finding on
   * that constant drops to INFO, since the child scan judges what it loads; the call itself is judged
   * as usual (it must be a reviewed or analysed name to stay quiet).
   */
  protected nestedLoaded(g: GlobalNode, c: CallNode, text: string): void {
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

  /**
   * Callables passed as data to a higher-order callable, judged as if called (issue 11, item 3). `given`:
   * the carrier's arguments when it calls what it carries on them (carriers.ts feedsData: map, filter,
   * starmap…), so a file loader carried there is a load of what the pickle gives (loaders.ts).
   */
  protected judgeCarried(carrier: string, carried: Carried[], off: number, text: string, depth: number, given?: Val): void {
    for (const { value, where } of carried) {
      if (!isNode(value)) continue;
      const via = `${carrier} (${where})`;
      if (given !== undefined && this.carriedLoad(value, via, given, off, text)) continue;
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
   * A file loader (or a functools.partial of one with no file bound) that a carrier calls on the data the
   * pickle gives it: map(scipy.io.loadmat, paths) loads each path. Loaders that can run code are dangerous
   * already and judged as such; true when this raised the load.
   */
  private carriedLoad(value: Node, via: string, given: Val, off: number, text: string): boolean {
    let fn: Val = value;
    let bound = '';
    if (value.t === 'call' && isNode(value.fn) && value.fn.t === 'global' && PARTIAL.test(value.fn.key)) {
      // a partial whose file is bound was reported where it was built (fileLoadOf)
      if (this.boundLoads.has(value) || fileLoadOf(value.fn.key, value.args, value.kwargs)) return false;
      fn = tupleItems(value.args)?.[0] ?? null;
      bound = ` bound by ${value.fn.key}`;
    }
    if (!isNode(fn) || fn.t !== 'global' || this.verdict(fn).level === 'dangerous') return false;
    const l = loaderNamed(fn.key, fn.module, fn.name);
    if (!l) return false;
    const data = (tupleItems(given) ?? []).filter((x) => x !== value).map((x) => render(x)).join(', ');
    this.raiseLoad(fn.key, { loader: l.loader, key: l.key, file: data ? data.slice(0, 120) : 'the values it is given', via: `${fn.key}${bound} through ${via}` }, off, text);
    return true;
  }

  /** A getattr(...) result that a carrier calls: the lookup is now a call, judged by what it looks up. */
  protected judgeLookupCalled(c: CallNode, via: string, off: number, text: string): void {
    const look = lookupOf(c);
    if (!look) { this.raise('pickle/callable-from-call', `Pickle passes the result of getattr(…) to ${via}`, off, text); return; }
    const v = this.verdictOf(look.owner.module, `${look.owner.name}.${look.attr}`);
    if (v.level === 'dangerous') this.raise('pickle/dangerous-call', `Pickle calls ${look.owner.key}.${look.attr} through ${via}${clauseOf(v, `${look.owner.key}.${look.attr}`)}${pathOf(v)}`, off, text);
    else if (v.level === 'unknown') this.raise('pickle/non-allowlisted-call', `Pickle calls ${look.owner.key}.${look.attr} through ${via}, which no analysed library defines`, off, text);
  }

  /**
   * Callables BUILD stores in an object's state (issue 11, item 3). A dangerous one is CRITICAL wherever
   * it sits (nested in a list or a dict of keyword arguments too), the object and attribute named. An
   * unknown one is a WARNING when it is the value of an attribute the class's methods call (the knowledge
   * base's called attributes, a constructor keyword it calls, or carriers.ts CALLED_ATTRIBUTES); elsewhere a
   * class or function reference is data. Ordinary functions (numpy.log1p, a metric) stay silent.
   */
  protected judgeStoredCallables(cls: GlobalNode, state: Val, off: number, text: string): void {
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
}
