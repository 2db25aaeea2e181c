// Pickle policy: which importable callables are dangerous, which are known-safe ML plumbing.
//
// The tables are data (policy-dangerous.ts, policy-safe.ts), each entry with a reason; this file only
// matches a (module, name) pair as GLOBAL / STACK_GLOBAL / INST reach it:
//
//  1. The full dotted path is module + '.' + name, split into segments. Python's aliases (posix/nt → os,
//     posixpath/ntpath → os.path, __builtin__/__builtins__ → builtins, cPickle/_pickle → pickle,
//     _operator → operator, _io → io, commands → subprocess, ...) are folded on the first segment.
//  2. A reflection attribute anywhere after the first segment (__globals__, __builtins__,
//     __subclasses__, f_globals ...) → dangerous: only an attribute-walk attack needs one.
//  3. The dangerous trie is walked from the start of the path, and again from every segment of the
//     *name* (pickle's find_class resolves a dotted name with getattr, so `pathlib` + `os.system`
//     reaches the os module's system). The module field is not re-read from its inner segments:
//     Python imports it literally, so torch.multiprocessing is not multiprocessing.
//     Every entry matches as a prefix: everything under a dangerous module or reached through a
//     dangerous callable is dangerous (torch.hub.dangerous, torch.compile.x, bdb.Bdb.run).
//  4. A final attribute named like an execution primitive (exec_, system, popen, from_pretrained ...)
//     is dangerous wherever it is reached (six.exec_, pathlib.os.system read as module pathlib.os).
//  5. Precedence: a dangerous *member* entry always wins. A dangerous *module* entry or a dangerous
//     attribute name yields to an exact safe entry (uuid.UUID) or an exact note (os.path.join stays
//     'unknown'). Then exact safe entries, then the prefix allowlists (sklearn classes ...), then
//     notes; anything else is 'unknown' (the scanner warns when it is called).
//
// Cost: splitting is linear in the name; each start position walks the trie at most its depth (≤ 8
// segments) with Map lookups, so a lookup is O(segments), whatever the table sizes.
//
// Decisions worth knowing:
//  - os is dangerous as a module; os.path's pure functions (join, basename, exists, expanduser ...) are
//    notes → 'unknown' (WARNING when called), not dangerous: they compute paths or probe files, never
//    run code, and real pickles never call them.
//  - builtins is NOT dangerous as a whole: its members are a closed, known set. eval/exec/compile/
//    getattr/setattr/delattr/__import__/open/globals/locals/vars/input/breakpoint/apply/help/exit are
//    dangerous; value constructors and pure functions (dict, set, len, abs ...) and exception classes are
//    safe; 'object' is safe (its gadgets need a reflection walk, flagged by rule 2); 'type' and the
//    higher-order builtins (map, filter, sorted, min, max, iter ...) stay unknown.
//  - re._compile is safe (how re.Pattern pickles; compiling does no matching); enum bases are safe.
//  - torch is never allowlisted as a prefix: explicit rebuild helpers, storages, dtypes and constants,
//    plus torch.nn / torch.optim class names. sklearn, xgboost, lightgbm, catboost, tokenizers match by
//    module prefix and a CamelCase class name (or sklearn's Cython __pyx_unpickle_* / newObj helpers).
//  - dill and cloudpickle are dangerous modules: their globals exist to rebuild functions and code. A
//    vendored copy (numba.cloudpickle, ray.cloudpickle: VENDORED_COPIES) is judged as the original.
import {
  DANGEROUS, DANGEROUS_ATTRIBUTES, MODULE_ALIASES, REFLECTION_ATTRIBUTES, vendoredStart, type DangerEntry,
} from './policy-dangerous';
import { NOTES, SAFE, SAFE_PREFIXES } from './policy-safe';
import type { ReachStep } from './knowledge/types';

export type PolicyLevel = 'dangerous' | 'safe' | 'unknown';

export interface PolicyVerdict {
  level: PolicyLevel;
  /** Why, in one sentence an analyst can read ("posix.system runs a shell command"). */
  reason: string;
  /** e.g. 'code-execution', 'network', 'filesystem', 'deserialization', 'ml-safe'. */
  category?: string;
  cve?: string[];
  /** Knowledge base: the shortest path to each sink the callable reaches (verdict.ts). */
  reach?: ReachStep[];
  /** Higher-order facts: arguments the callable calls (its own, or reviewed in carriers.ts). */
  callsArgs?: number[] | 'any';
  callsKwargs?: string[];
  /** Where the verdict comes from: the reviewed lists, the knowledge base, or nobody (unknown). */
  origin?: 'override' | 'knowledge' | 'none';
}

interface TrieNode { next: Map<string, TrieNode>; entry?: DangerEntry }

function buildTrie(entries: readonly DangerEntry[]): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const e of entries) {
    let node = root;
    for (const seg of e.path.split('.')) {
      let child = node.next.get(seg);
      if (!child) { child = { next: new Map() }; node.next.set(seg, child); }
      node = child;
    }
    const prev = node.entry;
    if (!prev) node.entry = e;
    else {
      // The same path listed twice (a module and a GHSA member): keep the stronger scope, merge ids.
      const keep = prev.scope === 'member' || e.scope !== 'member' ? prev : e;
      const cve = [...new Set([...(prev.cve ?? []), ...(e.cve ?? [])])];
      node.entry = cve.length ? { ...keep, cve } : keep;
    }
  }
  return root;
}

const DANGER_TRIE = buildTrie(DANGEROUS);
const SAFE_MAP: ReadonlyMap<string, string> = new Map(SAFE.map((e) => [e.path, e.reason]));
const NOTE_MAP: ReadonlyMap<string, string> = new Map(NOTES.map((e) => [e.path, e.reason]));
/** Trie depth bound: the longest dangerous path, so a walk never looks further than that. */
const MAX_DEPTH = Math.max(...DANGEROUS.map((e) => e.path.split('.').length));
/** Reasons quote the name; a hostile 100 KB name must not become a 100 KB reason. */
const MAX_DISPLAY = 160;

interface Hit { entry: DangerEntry; start: number; depth: number; key: string; vendored?: boolean }

/** The longest safe/note path: a walked path longer than this cannot be carved out, so its key is
 *  never built (building every walk's key would make a hostile dotted name quadratic). */
const MAX_KEY_SEGMENTS = Math.max(...[...SAFE, ...NOTES].map((e) => e.path.split('.').length));

/** segs[start..] with an alias folded on its first segment, cut to `limit` segments. */
function canonicalFrom(segs: readonly string[], start: number, limit: number): string[] {
  const alias = MODULE_ALIASES.get(segs[start]!);
  const head = alias === undefined ? [segs[start]!] : alias.split('.');
  const out = head.slice(0, limit);
  for (let i = start + 1; i < segs.length && out.length < limit; i++) out.push(segs[i]!);
  return out;
}

/** The deepest dangerous entry on the path starting at segs[start] (most specific reason), or null. */
function walkTrie(segs: readonly string[], start: number): Hit | null {
  const path = canonicalFrom(segs, start, Math.max(MAX_DEPTH, MAX_KEY_SEGMENTS + 1));
  let node: TrieNode | undefined = DANGER_TRIE;
  let best: Hit | null = null;
  for (let i = 0; i < path.length && i < MAX_DEPTH; i++) {
    node = node.next.get(path[i]!);
    if (!node) break;
    if (node.entry) best = { entry: node.entry, start, depth: i + 1, key: '' };
  }
  // Only a path short enough to be a safe entry or note gets a key (for the carve-out check).
  if (best && path.length <= MAX_KEY_SEGMENTS) best.key = path.join('.');
  return best;
}

function clip(s: string): string {
  return s.length > MAX_DISPLAY ? `${s.slice(0, MAX_DISPLAY)}…` : s;
}

function sameSegments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function dangerVerdict(display: string, segs: readonly string[], hit: Hit, path0: readonly string[]): PolicyVerdict {
  const e = hit.entry;
  let reason: string;
  if (hit.vendored) {
    reason = `${display} is ${clip(segs.slice(hit.start).join('.'))} in the copy ${segs.slice(0, hit.start).join('.')} vendors; ${e.path} ${e.reason}`;
  } else if (hit.start > 0) {
    const walked = segs.slice(0, hit.start + 1).join('.');
    reason = `${display} reaches ${e.path} by attribute walk (${clip(walked)}); ${e.path} ${e.reason}`;
  } else if (e.path === display) {
    reason = `${display} ${e.reason}`;
  } else if (!sameSegments(path0, segs)) {
    reason = `${display} is ${clip(path0.join('.'))}; ${e.path} ${e.reason}`;
  } else {
    reason = `${display}: ${e.path} ${e.reason}`;
  }
  return { level: 'dangerous', reason, category: e.category, ...(e.cve ? { cve: [...e.cve] } : {}) };
}

function prefixRuleReason(modSegs: readonly string[], name: string): string | null {
  const mod = modSegs.join('.');
  for (const rule of SAFE_PREFIXES) {
    if (mod !== rule.prefix && !mod.startsWith(`${rule.prefix}.`)) continue;
    if (rule.except.some((x) => mod === x || mod.startsWith(`${x}.`))) continue;
    if (rule.moduleSegment && !modSegs.some((s) => rule.moduleSegment!.test(s))) continue;
    if (rule.name.test(name)) return rule.reason;
  }
  return null;
}

/** Classifies `module.name` as reached by GLOBAL / STACK_GLOBAL / INST (name may be dotted). */
export function classifyGlobal(module: string, name: string): PolicyVerdict {
  const modSegs = module.split('.');
  const nameSegs = name.split('.');
  const segs = [...modSegs, ...nameSegs];
  const nameStart = modSegs.length;
  const display = clip(`${module}.${name}`);

  // 2. Reflection attributes: never part of a model, always part of an attribute-walk attack.
  for (let i = 1; i < segs.length; i++) {
    if (REFLECTION_ATTRIBUTES.has(segs[i]!)) {
      return {
        level: 'dangerous', category: 'reflection',
        reason: `${display} walks through ${segs[i]}, which reaches globals, builtins, classes or code from any object`,
      };
    }
  }

  // 3. Dangerous entries from the start of the path and from every segment of the name.
  const path0 = canonicalFrom(segs, 0, segs.length + 4);
  const key0 = path0.join('.');
  const hits: Hit[] = [];
  const h0 = walkTrie(segs, 0);
  if (h0) hits.push(h0);
  // A vendored copy (numba.cloudpickle is cloudpickle, VENDORED_COPIES) is walked from where the copy starts.
  const copy = vendoredStart(modSegs);
  if (copy > 0) {
    const h = walkTrie(segs, copy);
    if (h) hits.push({ ...h, vendored: true });
  }
  for (let j = Math.max(1, nameStart); j < segs.length; j++) {
    const first = MODULE_ALIASES.get(segs[j]!)?.split('.')[0] ?? segs[j]!;
    if (!DANGER_TRIE.next.has(first)) continue;
    const h = walkTrie(segs, j);
    if (h) hits.push(h);
  }

  const member = hits.filter((h) => h.entry.scope === 'member');
  if (member.length) return dangerVerdict(display, segs, pick(member), path0);

  const safeReason = SAFE_MAP.get(key0);
  const noteReason = NOTE_MAP.get(key0);
  // A module-scope hit yields to an exact safe entry or note for the path it was found on.
  const carved = (h: Hit) => h.key !== '' && (SAFE_MAP.has(h.key) || NOTE_MAP.has(h.key));
  const moduleHits = hits.filter((h) => !carved(h));
  if (moduleHits.length) return dangerVerdict(display, segs, pick(moduleHits), path0);
  // A walk that lands on a carved-out member (pathlib.os.path.join) is not dangerous, but not the
  // member's safe verdict either: an attribute walk into another module is never needed by a model.
  const walkedCarve = hits.find((h) => h.start > 0 && carved(h));
  if (walkedCarve && safeReason === undefined && noteReason === undefined) {
    const why = NOTE_MAP.get(walkedCarve.key) ?? SAFE_MAP.get(walkedCarve.key)!;
    return { level: 'unknown', reason: `${display} reaches ${walkedCarve.key} by attribute walk; ${walkedCarve.key} ${why}` };
  }

  // 4. A final attribute named like an execution primitive, wherever it is reached.
  const last = segs[segs.length - 1]!;
  const attr = DANGEROUS_ATTRIBUTES.get(last);
  if (attr && safeReason === undefined && noteReason === undefined) {
    return { level: 'dangerous', category: attr.category, reason: `${display}: attribute ${last} ${attr.reason}` };
  }

  // 5. Allowlists, then notes.
  if (safeReason !== undefined) {
    return { level: 'safe', category: 'ml-safe', reason: key0 === display ? `${display} ${safeReason}` : `${display} is ${key0}, which ${safeReason}` };
  }
  if (nameSegs.length === 1) {
    const rule = prefixRuleReason(path0.slice(0, -1), last);
    if (rule) return { level: 'safe', category: 'ml-safe', reason: `${display} ${rule}` };
  }
  if (noteReason !== undefined) return { level: 'unknown', reason: `${display} ${noteReason}` };
  if (!modSegs.every((s) => IDENTIFIER.test(s))) {
    return { level: 'unknown', reason: `${display} is not a Python identifier path (no standard module has this name)` };
  }
  return { level: 'unknown', reason: `${display} is not on the dangerous or the known-safe list` };
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The most specific hit: one with advisory ids, then the deepest match, then the earliest start. */
function pick(hits: readonly Hit[]): Hit {
  let best = hits[0]!;
  for (const h of hits) {
    const score = (x: Hit) => (x.entry.cve ? 1000 : 0) + x.depth * 10 - Math.min(x.start, 9);
    if (score(h) > score(best)) best = h;
  }
  return best;
}
