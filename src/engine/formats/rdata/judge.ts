// Judges an unserialized R object tree (parse.ts). Code in R data is normal; what matters is when it
// runs and what it calls:
//  - an unforced promise runs its code as soon as the value is touched (printing, str(), a method
//    call): CVE-2024-27322 is readRDS handing back such a promise. Calls in promise code are the
//    attack itself;
//  - a closure's body runs when someone calls it (a predict function in a model list, a family's
//    linkfun): dangerous calls there are reported by what they do, plain closures are INFO;
//  - a call stored as data (lm's `call`, a formula) runs only if code eval()s it.
import type { FindingInput, Severity } from '../../types';
import { clip } from '../../io/text';
import type { PairNode, RNode, RParse } from './parse';
import { BASE_NAMESPACES, CALLS_BY_NAME, callPolicy, STARTUP_HOOKS, type CallKind } from './policy';

type Where = 'data' | 'closure' | 'promise';

/** Nodes visited per stream when judging (each at most once per context): bounds the walk on shared graphs. */
const MAX_JUDGED_NODES = 3_000_000;
/** Strings in code handed to the string detectors per stream. */
const MAX_CODE_STRINGS = 2000;

/**
 * Severity of a call by what it does and where it sits. Calls inside an unforced promise are not in the
 * table: rdata/promise itself names the first dangerous call of the promise's code.
 */
const SEVERITY: Record<CallKind, Record<'closure' | 'data', Severity | null>> = {
  exec: { closure: 'critical', data: 'warning' },
  fetch: { closure: 'warning', data: 'info' },
  code: { closure: 'info', data: null },
  files: { closure: 'info', data: null },
  native: { closure: null, data: null },
};

export interface RVerdict {
  findings: FindingInput[];
  /** Strings found inside code (call arguments, function bodies): for the string detectors. */
  codeStrings: Array<{ text: string; offset?: number }>;
  counts: { closures: number; promises: number; calls: number; environments: number; bytecode: number; nativeCalls: number };
  namespaces: string[];
  /** Variable names of a save() file, in order (the top-level pairlist's tags). */
  variables: string[];
  /** The walk stopped at MAX_JUDGED_NODES. */
  cut: boolean;
}

/**
 * `packageCode`: the stream is an entry of a lazy-load database (.rdb), where functions are a package's
 * own code: R's utils calls system() and download.file() by design, so calls in function bodies are
 * noted at INFO there (which functions a package may call is the package's business, not its data's);
 * unevaluated promises, which run on access (CVE-2024-27322), keep their severity.
 */
export function judgeR(parsed: RParse, isWorkspace: boolean, packageCode = false): RVerdict {
  const v: RVerdict = { findings: [], codeStrings: [], counts: { closures: 0, promises: 0, calls: 0, environments: 0, bytecode: 0, nativeCalls: 0 }, namespaces: [], variables: [], cut: false };
  const seen = new Map<RNode, number>(); // bit per context
  const BIT: Record<Where, number> = { data: 1, closure: 2, promise: 4 };
  const stack: Array<[RNode | undefined, Where, number | undefined]> = [];
  const reportedCall = new Set<string>();
  let visited = 0;

  const roots = parsed.root ? [parsed.root] : parsed.code; // a broken stream still shows its code
  if (parsed.root && isWorkspace && parsed.root.t === 'list') {
    for (const cell of parsed.root.cells) {
      const name = cell.tag?.t === 'sym' ? cell.tag.name : '';
      v.variables.push(name);
      if (STARTUP_HOOKS.has(name) && (cell.car.t === 'closure' || cell.car.t === 'promise')) {
        v.findings.push({ ruleId: 'rdata/startup-hook', offset: 'offset' in cell.car ? cell.car.offset : undefined, pointer: name, evidence: name,
          message: `The workspace defines ${name}, a function R runs by itself when it restores this file as its start-up workspace` });
      }
    }
  }
  for (const r of roots) stack.push([r, 'data', undefined]);

  while (stack.length > 0) {
    const [n, where, offset] = stack.pop()!;
    if (!n) continue;
    const bits = seen.get(n) ?? 0;
    if (bits & BIT[where]) continue;
    seen.set(n, bits | BIT[where]);
    if (++visited > MAX_JUDGED_NODES) { v.cut = true; break; }
    const push = (x: RNode | undefined, w: Where = where, off = offset) => { if (x) stack.push([x, w, off]); };
    switch (n.t) {
      case 'closure':
        v.counts.closures++;
        push(n.attr); push(n.env, 'data');
        push(n.formals, where === 'promise' ? 'promise' : 'closure', n.offset);
        push(n.body, where === 'promise' ? 'promise' : 'closure', n.offset);
        break;
      case 'promise': {
        v.counts.promises++;
        const forced = !(n.value?.t === 'const' && n.value.what === 'unbound');
        const code = n.code;
        // Forcing a promise whose code is a symbol or constant only looks a value up: R's own promises
        // (function arguments captured in environments) are mostly that. A call is what runs.
        const calls = code && (code.t === 'lang' || (code.t === 'bytecode' && code.consts[0]?.t === 'lang'));
        if (!forced && code && calls) {
          const dangerous = firstDangerous(code);
          const runs = dangerous && (dangerous.kind === 'exec' || dangerous.kind === 'fetch');
          const severity: Severity = runs || (dangerous && !packageCode) ? 'critical' : packageCode ? 'info' : 'warning';
          v.findings.push({ ruleId: 'rdata/promise', offset: n.offset, evidence: describe(code),
            ...(severity === 'critical' ? {} : { severity, severityReason: packageCode
              ? 'a promise inside package code that runs nothing on the process, network or code-loading lists'
              : 'the promise calls nothing on the dangerous-call list' }),
            message: dangerous
              ? `An unevaluated promise calls ${dangerous.name}: R runs it as soon as the loaded value is used (CVE-2024-27322)`
              : `An unevaluated promise holds a call to ${callName(code) ?? 'code'}, which R runs as soon as the loaded value is used (CVE-2024-27322)` });
        }
        push(n.attr); push(n.env, 'data'); push(n.value);
        push(code, forced ? where : 'promise', n.offset);
        break;
      }
      case 'lang': {
        v.counts.calls++;
        judgeCall(n, where, offset ?? n.offset);
        if (n.attr) push(n.attr, where === 'closure' ? 'data' : where); // srcref and the like
        for (const c of n.cells) { push(c.car); push(c.attr); }
        push(n.tail);
        break;
      }
      case 'list': case 'dots':
        push(n.attr);
        for (const c of n.cells) { push(c.car); push(c.attr); push(c.tag); }
        push(n.tail);
        break;
      case 'env':
        v.counts.environments++;
        push(n.enclos, 'data'); push(n.frame, 'data'); push(n.hashtab, 'data'); push(n.attr, 'data');
        break;
      case 'vec':
        push(n.attr);
        for (const x of n.items) push(x);
        break;
      case 'bytecode':
        v.counts.bytecode++;
        // consts[0] is the source expression the bytecode was compiled from.
        for (const x of n.consts) push(x, where === 'data' ? 'closure' : where, offset ?? n.offset);
        break;
      case 'str':
        if (where !== 'data') for (const s of n.strings) if (s && v.codeStrings.length < MAX_CODE_STRINGS) v.codeStrings.push({ text: s, offset });
        push(n.attr);
        break;
      case 'namespace': case 'package':
        for (const name of n.names.slice(0, 1)) if (!v.namespaces.includes(name)) v.namespaces.push(name);
        break;
      case 'altrep': {
        // info is (class, package, type): unserialize asks that package for the class (altrep.c
        // ALTREP_UNSERIALIZE_EX), so a class from vroom or arrow needs that package loaded.
        const pkg = n.info?.t === 'list' ? n.info.cells[1]?.car : undefined;
        if (pkg?.t === 'sym' && !v.namespaces.includes(pkg.name)) v.namespaces.push(pkg.name);
        push(n.info); push(n.state); push(n.attr);
        break;
      }
      case 'extptr': push(n.prot); push(n.tag); push(n.attr); break;
      case 'atomic': case 's4': case 'weakref': push(n.attr); break;
      default: break;
    }
  }
  return v;

  function judgeCall(n: PairNode, where: Where, offset: number): void {
    const name = callName(n);
    if (!name) return;
    const policy = callPolicy(name);
    if (!policy) return;
    if (policy.kind === 'native') v.counts.nativeCalls++;
    if (where === 'promise') return;
    let severity = SEVERITY[policy.kind][where];
    if (!severity) return;
    const demoted = packageCode && where === 'closure' && severity !== 'info';
    if (demoted) severity = 'info';
    const key = `${name}|${where}|${offset}`;
    if (reportedCall.has(key)) return;
    reportedCall.add(key);
    const whereText = where === 'closure' ? 'in a function body, run when the function is called'
        : 'in a stored call, run only if code evaluates it';
    v.findings.push({ ruleId: 'rdata/dangerous-call', offset, severity, evidence: describe(n),
      ...(demoted ? { severityReason: 'a function of a package code database (.rdb): what it calls is the package\'s own code' }
        : severity !== 'critical' ? { severityReason: `${policy.kind} call ${whereText.split(',')[0]}` } : {}),
      message: `R code calls ${name} (${policy.why}) ${whereText}` });
  }
}

/** The function a call names: `f(...)`, `pkg::f(...)`, or the string given to do.call/match.fun/get. */
export function callName(n: RNode): string | null {
  if (n.t === 'bytecode') { const src = n.consts[0]; return src ? callName(src) : null; }
  if (n.t !== 'lang' || n.cells.length === 0) return null;
  const f = n.cells[0]!.car;
  let name: string | null = null;
  if (f.t === 'sym') name = f.name;
  else if (f.t === 'builtin') name = f.name;
  else if (f.t === 'lang' && f.cells.length === 3 && f.cells[0]!.car.t === 'sym' && (f.cells[0]!.car.name === '::' || f.cells[0]!.car.name === ':::')) {
    const pkg = f.cells[1]!.car, fn = f.cells[2]!.car;
    const text = (x: RNode) => (x.t === 'sym' ? x.name : x.t === 'str' ? x.strings[0] ?? '' : '');
    name = `${text(pkg)}::${text(fn)}`;
  }
  if (name && CALLS_BY_NAME.has(name.replace(/^base::/, ''))) {
    const arg = n.cells[1]?.car;
    const target = arg?.t === 'str' ? arg.strings[0] : arg?.t === 'sym' ? arg.name : undefined;
    if (target && callPolicy(target)) return target;
  }
  return name;
}

/** The first call on the dangerous list inside a piece of code (bounded walk). */
function firstDangerous(code: RNode): { name: string; kind: CallKind } | null {
  const stack: RNode[] = [code];
  const seen = new Set<RNode>();
  for (let steps = 0; stack.length > 0 && steps < 100_000; steps++) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.t === 'lang') {
      const name = callName(n);
      const p = name ? callPolicy(name) : undefined;
      if (p && p.kind !== 'native') return { name: name!, kind: p.kind };
      for (const c of n.cells) stack.push(c.car);
      if (n.tail) stack.push(n.tail);
    } else if (n.t === 'list') for (const c of n.cells) stack.push(c.car);
    else if (n.t === 'bytecode') stack.push(...n.consts);
    else if (n.t === 'closure' && n.body) stack.push(n.body);
    else if (n.t === 'vec') stack.push(...n.items);
  }
  return null;
}

/** A short R-like rendering of a call for evidence: `system("id")`. */
export function describe(n: RNode, depth = 0): string {
  if (depth > 4) return '…';
  switch (n.t) {
    case 'sym': return n.name;
    case 'str': return n.strings.length === 1 ? JSON.stringify(clip(n.strings[0] ?? 'NA', 80)) : `c(${n.strings.slice(0, 3).map((s) => JSON.stringify(clip(s ?? 'NA', 40))).join(', ')}${n.length > 3 ? ', …' : ''})`;
    case 'atomic': return n.length === 1 && n.head ? String(n.head[0]) : `<${n.type}[${n.length}]>`;
    case 'const': return n.what === 'NULL' ? 'NULL' : `<${n.what}>`;
    case 'builtin': return n.name;
    case 'bytecode': return n.consts[0] ? describe(n.consts[0], depth) : '<bytecode>';
    case 'closure': return 'function(…)';
    case 'lang': {
      const [f, ...args] = n.cells;
      const fn = f ? describe(f.car, depth + 1) : '?';
      const shown = args.slice(0, 4).map((c) => (c.tag?.t === 'sym' ? `${c.tag.name} = ` : '') + describe(c.car, depth + 1));
      return clip(`${fn}(${shown.join(', ')}${args.length > 4 ? ', …' : ''})`, 160);
    }
    default: return `<${n.t}>`;
  }
}

/** Namespaces outside R's own that unserialize() would load (running their .onLoad). */
export function foreignNamespaces(v: RVerdict): string[] {
  return v.namespaces.filter((n) => !BASE_NAMESPACES.has(n));
}
