// Judges a skops node list: what skops.io.load would import or call, against the pickle policy layered
// with the knowledge base (`policyOf`: the same verdicts a pickle gets for the same name), and what
// skops.io.get_untrusted_types would list (its per-loader defaults, generated from the skops source into
// trusted.generated.ts). Severities:
//   CRITICAL  a dangerous callable or type reached (posix.system, builtins.eval, subprocess.Popen), an
//             operator call whose argument is one, and the two audit-bypass shapes fixed in skops 0.12:
//             OperatorFuncNode outside `operator` (CVE-2025-54412), MethodNode whose label differs from
//             the object it binds or that binds a dunder (CVE-2025-54413);
//   WARNING   a name skops does not trust by default and the policy does not know as ML plumbing;
//   INFO      the list a user would have to pass to `trusted=` (known-safe names only, or nothing).
import type { PolicyVerdict } from '../pickle/policy';
import { classifyGlobal } from '../pickle/policy';
import { knowledgeClassifier } from '../pickle/verdict';
import type { Knowledge } from '../pickle/knowledge/types';
import { SKOPS_TRUSTED_BY_LOADER, SKOPS_TRUSTED_GROUPS } from './trusted.generated';
import type { SkopsNode, SkopsSchema } from './parse';
import { KNOWN_LOADERS } from './parse';

/**
 * The policy every named type and function is judged by: the reviewed lists, then, when it is loaded,
 * the knowledge base generated from the libraries' source (pickle/verdict.ts), as a pickle is judged.
 */
export function policyOf(knowledge: Knowledge | null = null): (module: string, name: string) => PolicyVerdict {
  return knowledge ? knowledgeClassifier(knowledge) : classifyGlobal;
}

/** Whether any named node is left unknown by the reviewed lists (judging it may need the knowledge base). */
export function needsKnowledge(schema: SkopsSchema): boolean {
  return schema.nodes.some((n) => {
    const [module, name] = n.target ? [n.target.module, n.target.name] : [n.module, n.cls];
    return typeof module === 'string' && typeof name === 'string' && classifyGlobal(module, name).level === 'unknown';
  });
}

const TRUSTED: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(SKOPS_TRUSTED_BY_LOADER).map(([loader, list]) => {
  const out = new Set<string>();
  for (const e of list) {
    if (e.startsWith('@')) for (const g of SKOPS_TRUSTED_GROUPS[e.slice(1)] ?? []) out.add(g);
    else out.add(e);
  }
  return [loader, out];
}));

/** Loaders whose own type never enters the untrusted set (JsonNode, SliceNode override get_unsafe_set). */
const NEVER_UNSAFE = new Set(['JsonNode', 'SliceNode']);
/**
 * ObjectNode builds its type with cls.__new__ and sets attributes (__setstate__ or __dict__): no
 * constructor or function runs with file data but the type's own __setstate__. A user's own
 * transformer (`__main__.DivideColumns`) saved by skops is ordinary, so an unknown type here is only
 * listed (INFO); the other loaders call what they name (DictNode: cls(), ConstructorFromReduceNode:
 * cls(*args)) or hand it back to be called (FunctionNode, TypeNode, PartialNode).
 */
const BUILDS_WITHOUT_CALLING = new Set(['ObjectNode']);
/** operator functions skops itself writes (operator_func_get_state): they build a callable, call nothing. */
const OPERATOR_BUILDERS = new Set(['attrgetter', 'itemgetter', 'methodcaller']);

/** One judged node; the severity is the rule's default (rules/skops.ts). */
export interface SkopsVerdict {
  severity: 'critical' | 'warning';
  rule: 'skops/dangerous-reference' | 'skops/untrusted-type' | 'skops/operator-type-confusion' | 'skops/method-mismatch' | 'skops/unknown-node';
  node: SkopsNode;
  message: string;
  evidence: string;
  severityReason?: string;
}

export interface SkopsJudgement {
  verdicts: SkopsVerdict[];
  /** What get_untrusted_types would return (skops >= 0.12 semantics), sorted. */
  untrusted: string[];
}

/** The untrusted-set entries of one node, as Node.get_unsafe_set / MethodNode / FunctionNode add them. */
function unsafeNames(n: SkopsNode): string[] {
  if (NEVER_UNSAFE.has(n.loader)) return [];
  const out: string[] = [];
  const name = n.target ? `${n.target.module}.${n.target.name}` : `${n.module}.${n.cls}`;
  if (!TRUSTED.get(n.loader)?.has(name)) out.push(name);
  if (n.method) out.push(`${n.method.objModule}.${n.method.objCls}.${n.method.func}`);
  return out;
}

function render(schema: SkopsSchema, pointer: string): string {
  const n = schema.byPointer.get(pointer);
  if (!n) return '?';
  if (n.loader === 'JsonNode') return n.json ?? '?';
  if (n.target) return `${n.target.module}.${n.target.name}`;
  return `${n.module}.${n.cls}`;
}

export function judgeSchema(schema: SkopsSchema, knowledge: Knowledge | null = null): SkopsJudgement {
  const policy = policyOf(knowledge);
  const verdicts: SkopsVerdict[] = [];
  const untrusted = new Set<string>();
  for (const n of schema.nodes) {
    const names = unsafeNames(n);
    for (const u of names) untrusted.add(u);
    if (!KNOWN_LOADERS.has(n.loader)) {
      verdicts.push({ severity: 'warning', rule: 'skops/unknown-node', node: n, evidence: n.loader,
        message: `Node loader "${n.loader}" is not one skops knows; skops.io.load refuses the file, another reader may not` });
      continue;
    }
    if (n.loader === 'OperatorFuncNode') { judgeOperator(schema, n, verdicts); continue; }
    if (n.loader === 'MethodNode') { judgeMethod(n, verdicts); continue; }
    if (NEVER_UNSAFE.has(n.loader) || n.loader === 'CachedNode') continue;
    const [module, name] = n.target ? [n.target.module, n.target.name] : [n.module, n.cls];
    const full = `${module}.${name}`;
    const v = policy(module, name);
    // ObjectNode never calls its type (cls.__new__, then state): what the analysis finds its constructor
    // reaches does not run. A reviewed dangerous name is still flagged wherever it appears.
    if (v.level === 'dangerous' && !(v.origin === 'knowledge' && BUILDS_WITHOUT_CALLING.has(n.loader))) {
      verdicts.push({ severity: 'critical', rule: 'skops/dangerous-reference', node: n, evidence: full,
        message: `skops ${n.loader} imports ${full}: ${v.reason}` });
    } else if (names.length && v.level === 'unknown' && !BUILDS_WITHOUT_CALLING.has(n.loader)) {
      verdicts.push({ severity: 'warning', rule: 'skops/untrusted-type', node: n, evidence: full,
        message: `skops ${n.loader} names ${full}, which skops does not trust by default and is not known ML plumbing` });
    }
  }
  return { verdicts, untrusted: [...untrusted].sort() };
}

/** OperatorFuncNode: loading runs getattr(operator, __class__)(*attrs) (skops/io/_general.py). */
function judgeOperator(schema: SkopsSchema, n: SkopsNode, out: SkopsVerdict[]): void {
  const args = (n.operatorArgs ?? []).map((p) => render(schema, p));
  const call = `operator.${n.cls}(${args.join(', ')})`;
  if (n.module !== 'operator') {
    out.push({ severity: 'critical', rule: 'skops/operator-type-confusion', node: n, evidence: call,
      message: `OperatorFuncNode is labelled ${n.module}.${n.cls} but loading calls ${call} (CVE-2025-54412: skops < 0.12 audited the label)` });
  }
  const dangerousArg = (n.operatorArgs ?? []).map((p) => schema.byPointer.get(p)).find((a) => {
    if (!a || a.loader === 'JsonNode') return false;
    const [m, f] = a.target ? [a.target.module, a.target.name] : [a.module, a.cls];
    return classifyGlobal(m, f).level === 'dangerous';
  });
  if (n.cls === 'call' || n.cls === '__call__') {
    out.push({ severity: 'critical', rule: 'skops/dangerous-reference', node: n, evidence: call,
      message: `Loading calls ${call}${dangerousArg ? '' : ': operator.call runs whatever callable it is given'}` });
    return;
  }
  if (OPERATOR_BUILDERS.has(n.cls)) {
    out.push({ severity: 'warning', rule: 'skops/untrusted-type', node: n, evidence: call,
      message: `Loading builds ${call}, a callable that reaches any attribute or method of what it is later applied to` });
    return;
  }
  const v = classifyGlobal('operator', n.cls);
  out.push(v.level === 'dangerous' || dangerousArg
    ? { severity: 'critical', rule: 'skops/dangerous-reference', node: n, evidence: call, message: `Loading calls ${call}: ${v.reason}` }
    : { severity: 'warning', rule: 'skops/untrusted-type', node: n, evidence: call, message: `Loading calls ${call}, which skops does not trust by default` });
}

/** MethodNode: loading runs getattr(<constructed obj>, func) (skops/io/_general.py). */
function judgeMethod(n: SkopsNode, out: SkopsVerdict[]): void {
  const m = n.method;
  if (!m) return;
  const bound = `${m.objModule}.${m.objCls}.${m.func}`;
  if (m.objModule !== n.module || m.objCls !== n.cls) {
    out.push({ severity: 'critical', rule: 'skops/method-mismatch', node: n, evidence: bound,
      message: `MethodNode is labelled ${n.module}.${n.cls} but binds ${bound} (CVE-2025-54413: skops < 0.12 audited the label)` });
  }
  const v = classifyGlobal(m.objModule, `${m.objCls}.${m.func}`);
  if (v.level === 'dangerous' || classifyGlobal(m.objModule, m.objCls).level === 'dangerous') {
    out.push({ severity: 'critical', rule: 'skops/dangerous-reference', node: n, evidence: bound, message: `Loading takes the method ${bound}: ${v.reason}` });
  } else if (m.func.startsWith('__')) {
    out.push({ severity: 'critical', rule: 'skops/dangerous-reference', node: n, evidence: bound,
      message: `Loading takes the special method ${bound}, a reflection step no estimator needs (CVE-2025-54413 shape)` });
  } else {
    out.push({ severity: 'warning', rule: 'skops/untrusted-type', node: n, evidence: bound,
      message: `Loading takes the bound method ${bound}, which skops never trusts by default` });
  }
}
