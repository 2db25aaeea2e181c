// How a pickle global is judged (issue 11, item 2), in this order:
//  1. Overrides: the reviewed dangerous list (policy-dangerous.ts) is CRITICAL whatever the knowledge
//     base says; what torch.load(weights_only=True) accepts and the reviewed safe list are silent.
//  2. The knowledge base (knowledge/, generated from the libraries' source): a callable that reaches a
//     sink is dangerous and the verdict carries the path ("typing._eval_type → builtins.eval"); one the
//     analysis proves reaches none is safe, even when the hand lists never named it.
//     Old libraries' spellings (legacy-names.ts) are judged as the names the knowledge base knows;
//     a BUILD state feeding a __setstate__ sink is checked by a reviewed rule (setstate-rules.ts).
//  3. Anything else is unknown: nobody analysed it (the judge warns when it is called, and only notes
//     a class that is constructed without running its __init__).
// Higher-order facts (which arguments the callable calls) come from the knowledge base and, for C
// builtins, from carriers.ts; the judge uses them to judge callables passed as data.
import type { CallableFacts, Knowledge, ReachStep, Sink } from './knowledge/types';
import { classifyGlobal, type PolicyVerdict } from './policy';
import { MODULE_ALIASES } from './policy-dangerous';
import { carrierOf } from './carriers';
import { legacyTarget } from './legacy-names';
import { weightsOnlyAllows } from '../pytorch/weights-only';

type Classify = (module: string, name: string) => PolicyVerdict;

/** What each sink means, as the end of "X reaches …". */
export const SINK_TEXT: Readonly<Record<Sink, string>> = {
  exec: 'code execution',
  process: 'process creation',
  'file-write': 'file writes or deletes',
  network: 'network access',
  import: 'an import chosen by its arguments',
  deserialize: 'nested deserialisation',
  getattr: 'an attribute read named by its arguments',
};

const SINK_CATEGORY: Readonly<Record<Sink, string>> = {
  exec: 'code-execution', process: 'shell', 'file-write': 'filesystem', network: 'network',
  import: 'import-machinery', deserialize: 'deserialization', getattr: 'reflection',
};

/**
 * Sinks that make a call CRITICAL. Reading an attribute by a name taken from the arguments is not,
 * on its own: what it returns does nothing until it is called, and a pickle that calls it is flagged
 * by its own shape (pickle/callable-from-call). Enum lookups, dtype names and config getters reach it.
 */
const HARMFUL: ReadonlySet<Sink> = new Set(['exec', 'process', 'file-write', 'network', 'import', 'deserialize']);

/** The reach steps that make a call CRITICAL (all but attribute reads). */
export function harmfulReach(facts: CallableFacts): ReachStep[] {
  return facts.reach.filter((r) => HARMFUL.has(r.sink));
}

/** What a callable reaches, as the end of "X reaches …" ("process creation, file writes or deletes"). */
export function sinksText(reach: readonly ReachStep[]): string {
  return [...new Set(reach.map((r) => SINK_TEXT[r.sink]))].join(', ');
}

/** Bounds the text of a reach path (a hostile knowledge table is not the threat; long class paths are). */
const MAX_PATH_STEPS = 8;

export function reachText(step: ReachStep): string {
  const p = step.path.length > MAX_PATH_STEPS ? [...step.path.slice(0, MAX_PATH_STEPS - 1), '…', step.path[step.path.length - 1]!] : step.path;
  return p.join(' → ');
}

/**
 * A verdict's reason as a clause after the callable's name, so a finding names the callable once:
 * reasons start with the name ("posix.system runs a shell command"), and a message reads
 * "Pickle calls posix.system, which runs a shell command". A reason about the module, or another
 * spelling of the name (an alias, an attribute walk), follows a colon.
 */
export function clauseOf(v: Pick<PolicyVerdict, 'reason'>, key: string, inner = false): string {
  const r = v.reason;
  if (r.startsWith(`${key} `)) return `, which ${r.slice(key.length + 1)}`;
  const rest = r.startsWith(`${key}: `) ? r.slice(key.length + 2) : r;
  // Mid-sentence (inner) the other forms go in parentheses; at the end of a message after a colon.
  return inner ? ` (${rest})` : `: ${rest}`;
}

/** Facts for a global, trying the name as written and with Python's module aliases folded (posix → os). */
export function factsOf(k: Knowledge, module: string, name: string): CallableFacts | null {
  const f = k.lookup(module, name);
  if (f) return f;
  const alias = MODULE_ALIASES.get(module.split('.')[0]!);
  if (alias === undefined) return null;
  return k.lookup(alias + module.slice(module.indexOf('.') < 0 ? module.length : module.indexOf('.')), name);
}

function higherOrder(module: string, name: string, facts: CallableFacts | null): Pick<PolicyVerdict, 'callsArgs' | 'callsKwargs'> {
  const hand = carrierOf(module, name);
  const out: Pick<PolicyVerdict, 'callsArgs' | 'callsKwargs'> = {};
  const args = hand?.args ?? facts?.callsArgs;
  const kwargs = [...(hand?.kwargs ?? []), ...(facts?.callsKwargs ?? [])];
  if (args) out.callsArgs = args;
  if (kwargs.length) out.callsKwargs = kwargs;
  return out;
}

/** The layered classifier: overrides, then the knowledge base (when loaded), then unknown. */
export function knowledgeClassifier(knowledge: Knowledge | null, base: Classify = classifyGlobal): Classify {
  const classify: Classify = (module, name) => {
    const v = base(module, name);
    const legacy = v.level === 'dangerous' ? null : legacyTarget(module, name);
    if (legacy) {
      // An old library's spelling of a name the analysed version still has: judged as that name.
      const now = classify(legacy.module, legacy.name);
      if (now.level === 'safe') return { ...now, reason: `${module}.${name} ${legacy.reason}` };
      if (now.level === 'dangerous') return { ...now, reason: `${module}.${name} is ${legacy.module}.${legacy.name}; ${now.reason}` };
    }
    const facts = knowledge ? factsOf(knowledge, module, name) : null;
    const ho = higherOrder(module, name, facts);
    if (v.level === 'dangerous') {
      // A trampoline (functools.partial, reduce, operator.call, apply) does nothing but call what it is
      // given: it is judged by that callable (the judge follows callsArgs), so partial(numpy.clip, …)
      // is as harmless as numpy.clip and partial(os.system, …) as dangerous as os.system.
      if ((v.category === 'trampoline' || carrierOf(module, name)?.replacesDanger) && (ho.callsArgs || ho.callsKwargs)) {
        return { level: 'safe', category: 'carrier', origin: 'override', ...ho,
          reason: `${module}.${name} calls the callable it is given, which is judged in its place` };
      }
      const reach = facts ? [...harmfulReach(facts), ...facts.reach.filter((r) => !HARMFUL.has(r.sink))] : [];
      return { ...v, ...ho, origin: 'override', ...(reach.length ? { reach } : {}) };
    }
    if (weightsOnlyAllows(module, name)) {
      return { level: 'safe', category: 'ml-safe', origin: 'override', reason: `${module}.${name} is accepted by torch.load(weights_only=True)` };
    }
    if (v.level === 'safe') return { ...v, ...ho, origin: 'override' };
    if (facts) {
      const harmful = harmfulReach(facts);
      if (harmful.length) {
        const sinks = sinksText(harmful);
        return {
          level: 'dangerous', category: SINK_CATEGORY[harmful[0]!.sink], origin: 'knowledge', reach: harmful, ...ho,
          reason: `${module}.${name} reaches ${sinks}`,
        };
      }
      const soft = facts.reach.length ? ` (it only ${SINK_TEXT.getattr.replace(/^an/, 'makes an')}: ${reachText(facts.reach[0]!)})` : '';
      return { level: 'safe', category: 'analysed', origin: 'knowledge', ...ho,
        reason: `${module}.${name} was analysed and reaches no sink${soft}` };
    }
    return { ...v, ...ho, origin: 'none' };
  };
  return classify;
}
