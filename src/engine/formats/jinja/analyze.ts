// Judges a parsed chat template: walks the AST and collects what only a template-injection payload
// needs (CVE-2024-34359 and the Jinja SSTI families). Pure: template AST in, hits out; scanner.ts reports.
import type { RuleId } from '../../rules';
import { isNode, printExpr, type JNode } from './print';

export interface Hit { ruleId: RuleId; name: string; message: string; evidence: string }

const DUNDER = /^__[A-Za-z0-9_]+__$/;
/** Names that only serve running code, whether used as a variable, an attribute or a key. */
const DANGEROUS_NAMES = new Set(['os', 'subprocess', 'popen', 'eval', 'exec', 'import', 'execfile', 'builtins', 'sys']);
/** Attribute names judged only when called: `system` alone is a common word, `.system(...)` is not. */
const DANGEROUS_CALLS = new Set([...DANGEROUS_NAMES, 'system', 'spawn', 'check_output', 'getoutput', 'popen2']);
/** Flask's template globals: SSTI probes reach Python through them; chat renderers never define them. */
const PROBES = new Set(['request', 'config', 'self', 'url_for', 'get_flashed_messages']);
/** Jinja globals whose attributes lead to module globals (cycler.__init__.__globals__ ...). */
const GLOBALS = new Set(['cycler', 'joiner', 'namespace', 'lipsum', 'range', 'dict']);
const DYNAMIC_CALLS = new Set(['getattr', 'attr']);
/**
 * Filters that look up an attribute by a name they are given (Jinja's filters.py: make_attrgetter):
 * the position of that name among the positional arguments, -1 when it is only `attribute=`. A literal
 * name (`map(attribute='content')`) is how templates read messages; a name computed at render time
 * hides it as |attr(...) does. map('attr', name) applies the attr filter itself.
 */
const ATTRIBUTE_FILTERS: ReadonlyMap<string, number> = new Map([
  ['map', -1], ['selectattr', 0], ['rejectattr', 0], ['sort', -1], ['groupby', 0], ['sum', -1], ['unique', -1],
  ['min', -1], ['max', -1],
]);
const STATEMENTS = new Set(['Program', 'If', 'For', 'Set', 'Macro', 'Comment', 'Break', 'Continue', 'FilterStatement', 'CallStatement']);

/** Constant strings folded from literals are cut at this length (a dunder is far shorter) to bound work. */
const MAX_FOLD_CHARS = 256;
/** Nodes visited per template; a 1 MiB template has far fewer. Bounds CPU on pathological trees. */
export const MAX_AST_NODES = 2_000_000;

function nameOf(n: unknown): string | null {
  if (!isNode(n)) return null;
  if (n.type === 'Identifier') return String(n.value);
  if (n.type === 'MemberExpression' && !n.computed && isNode(n.property) && n.property.type === 'Identifier') return String(n.property.value);
  if (n.type === 'CallExpression') return nameOf(n.callee);
  return null;
}

/** Folds an expression made only of string literals (~, +, *, join, format, replace, chr ...) to its
 * value: the way a payload spells "__class__" without writing it. null when not constant. */
class Folder {
  private cache = new Map<JNode, string | null>();
  /**
   * Names bound by `{% set name = <constant> %}` to one value everywhere they are set: a payload spells
   * '__' once and builds every dunder from it (u ~ 'class' ~ u). A name set to two values, or to
   * anything not constant, stays unknown.
   */
  private readonly bound = new Map<string, string | null>();

  /** Records the template's set statements (before the walk; folding a value may use earlier names). */
  bind(sets: JNode[]): void {
    for (const n of sets) {
      const name = isNode(n.assignee) && n.assignee.type === 'Identifier' ? String(n.assignee.value) : null;
      if (name === null) continue;
      const v = n.value === undefined || n.value === null ? null : this.fold(n.value);
      this.bound.set(name, this.bound.has(name) && this.bound.get(name) !== v ? null : v);
    }
    this.cache.clear();
  }

  fold(n: unknown, depth = 0): string | null {
    if (!isNode(n) || depth > 64) return null;
    if (this.cache.has(n)) return this.cache.get(n)!;
    let v = this.compute(n, depth + 1);
    if (v !== null && v.length > MAX_FOLD_CHARS) v = null;
    this.cache.set(n, v);
    return v;
  }

  private list(n: unknown, depth: number): string[] | null {
    if (!isNode(n) || (n.type !== 'ArrayLiteral' && n.type !== 'TupleLiteral') || !Array.isArray(n.value)) return null;
    const out: string[] = [];
    for (const x of n.value) { const s = this.fold(x, depth); if (s === null) return null; out.push(s); }
    return out;
  }

  private apply(method: string, self: string, args: unknown[], depth: number): string | null {
    const a = args.map((x) => this.fold(x, depth));
    switch (method) {
      case 'lower': return self.toLowerCase();
      case 'reverse': return [...self].reverse().join('');
      case 'upper': return self.toUpperCase();
      case 'string': return self;
      case 'trim': case 'strip': case 'lstrip': case 'rstrip': {
        if (args.length && a[0] === null) return null;
        return stripChars(self, args.length ? a[0]! : ' \t\n\r\f\v', method !== 'rstrip', method !== 'lstrip');
      }
      case 'replace': return a[0] != null && a[1] != null && a[0] !== '' ? self.split(a[0]).join(a[1]) : null;
      case 'join': { const l = this.list(args[0], depth); return l ? l.join(self) : null; }
      case 'format': {
        // The format filter is Python's % formatting; str.format() uses {} fields (both are seen spelling dunders).
        if (!self.includes('{')) return percentFormat(self, args, (x) => this.fold(x, depth));
        if (a.some((x) => x === null)) return null;
        let i = 0;
        return self.replace(/\{(\d*)\}|%s/g, (_m, k: string | undefined) => a[k ? Number(k) : i++] ?? '');
      }
      default: return null;
    }
  }

  private compute(n: JNode, depth: number): string | null {
    switch (n.type) {
      case 'StringLiteral': return String(n.value);
      case 'Identifier': return this.bound.get(String(n.value)) ?? null;
      case 'BinaryExpression': {
        const op = (n.operator as { value?: string } | undefined)?.value;
        if (op === '~' || op === '+') {
          const l = this.fold(n.left, depth); const r = l === null ? null : this.fold(n.right, depth);
          return l !== null && r !== null ? l + r : null;
        }
        if (op === '%') {
          const self = this.fold(n.left, depth);
          const items = isNode(n.right) && n.right.type === 'TupleLiteral' && Array.isArray(n.right.value) ? n.right.value as unknown[] : [n.right];
          return self === null ? null : percentFormat(self, items, (x) => this.fold(x, depth));
        }
        if (op === '*') {
          const [s, k] = isNode(n.right) && n.right.type === 'IntegerLiteral' ? [n.left, n.right.value] : [n.right, isNode(n.left) ? n.left.value : null];
          const str = this.fold(s, depth);
          return str !== null && typeof k === 'number' && k >= 0 && str.length * k <= MAX_FOLD_CHARS ? str.repeat(k) : null;
        }
        return null;
      }
      case 'MemberExpression': {
        // s[i] and s[a:b:c] on a constant string: '__ssalc'[::-1] spells 'class__'.
        if (!n.computed || !isNode(n.property)) return null;
        const self = this.fold(n.object, depth);
        if (self === null) return null;
        const p = n.property;
        if (p.type === 'IntegerLiteral') { const c = [...self]; const i = Number(p.value); return c[i < 0 ? c.length + i : i] ?? null; }
        if (p.type !== 'SliceExpression') return null;
        const int = (x: unknown): number | undefined | null => x === undefined || x === null ? undefined : isNode(x) && x.type === 'IntegerLiteral' ? Number(x.value) : null;
        const [a, b, c] = [int(p.start), int(p.stop), int(p.step)];
        return a === null || b === null || c === null ? null : pySlice(self, a, b, c ?? 1);
      }
      case 'FilterExpression': {
        const f = n.filter as JNode;
        const name = nameOf(f);
        if (!name) return null;
        const args = isNode(f) && f.type === 'CallExpression' && Array.isArray(f.args) ? f.args as unknown[] : [];
        if (name === 'join') { const l = this.list(n.operand, depth); const sep = args.length ? this.fold(args[0], depth) : ''; return l && sep !== null ? l.join(sep) : null; }
        const self = this.fold(n.operand, depth);
        return self === null ? null : this.apply(name, self, args, depth);
      }
      case 'CallExpression': {
        const callee = n.callee;
        const args = Array.isArray(n.args) ? n.args as unknown[] : [];
        if (isNode(callee) && callee.type === 'Identifier' && callee.value === 'chr' && isNode(args[0]) && args[0].type === 'IntegerLiteral') {
          const c = Number(args[0].value);
          return c >= 0 && c <= 0x10ffff ? String.fromCodePoint(c) : null;
        }
        if (isNode(callee) && callee.type === 'MemberExpression' && !callee.computed) {
          const self = this.fold(callee.object, depth);
          const method = nameOf(callee);
          return self !== null && method ? this.apply(method, self, args, depth) : null;
        }
        return null;
      }
      default: return null;
    }
  }
}

/** Python's s[start:stop:step] on the code points of s (negative indexes count from the end; clamped). */
function pySlice(s: string, start: number | undefined, stop: number | undefined, step: number): string | null {
  if (step === 0) return null;
  const c = [...s];
  const n = c.length;
  const norm = (v: number) => (v < 0 ? Math.max(v + n, step < 0 ? -1 : 0) : Math.min(v, step < 0 ? n - 1 : n));
  let i = start === undefined ? (step > 0 ? 0 : n - 1) : norm(start);
  const end = stop === undefined ? (step > 0 ? n : -1) : norm(stop);
  let out = '';
  for (; step > 0 ? i < end : i > end; i += step) out += c[i];
  return out;
}

/** Python's str.strip(chars) and its one-sided forms. */
function stripChars(s: string, chars: string, left: boolean, right: boolean): string {
  let a = 0; let b = s.length;
  while (left && a < b && chars.includes(s[a]!)) a++;
  while (right && b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Python's % formatting with %s, %c (code point or one character), %d and %%; null for anything else. */
function percentFormat(self: string, items: unknown[], fold: (x: unknown) => string | null = () => null): string | null {
  let i = 0;
  let bad = false;
  const out = self.replace(/%([%scd])/g, (_m, k: string) => {
    if (k === '%') return '%';
    const x = items[i++];
    if (isNode(x) && x.type === 'IntegerLiteral') {
      const v = Number(x.value);
      if (k === 'c' && v >= 0 && v <= 0x10ffff) return String.fromCodePoint(v);
      if (k !== 'c') return String(v);
    } else if (k !== 'd') {
      const v = fold(x);
      if (v !== null && (k === 's' || [...v].length === 1)) return v;
    }
    bad = true;
    return '';
  });
  return bad || /%[^%scd]/.test(self) ? null : out;
}

/** The attribute-name argument of a filter call that looks attributes up (ATTRIBUTE_FILTERS), or undefined. */
function attributeArgument(filter: string, args: unknown[], folder: Folder): unknown {
  const pos = ATTRIBUTE_FILTERS.get(filter);
  if (pos === undefined) return undefined;
  const positional: unknown[] = [];
  for (const a of args) {
    if (isNode(a) && a.type === 'KeywordArgumentExpression') { if (nameOf(a.key) === 'attribute') return a.value; } else positional.push(a);
  }
  if (filter === 'map') return positional.length > 1 && folder.fold(positional[0]) === 'attr' ? positional[1] : undefined;
  return pos >= 0 ? positional[pos] : undefined;
}

/** The set statements of a template, in source order (bounded like the walk: MAX_AST_NODES). */
function setStatements(program: unknown): JNode[] {
  const out: JNode[] = [];
  const stack: unknown[] = [program];
  for (let visited = 0; stack.length && visited < MAX_AST_NODES; visited++) {
    const v = stack.pop();
    if (Array.isArray(v)) { for (let k = v.length - 1; k >= 0; k--) stack.push(v[k]); continue; }
    if (!isNode(v)) continue;
    if (v.type === 'Set') out.push(v);
    for (const k of Object.keys(v).reverse()) if (k !== 'type') stack.push(v[k]);
  }
  return out;
}

/** Walks the AST of one template. `source` is the template text (to tell escapes were used). */
export function analyzeTemplate(program: unknown, source: string): { hits: Hit[]; truncated: boolean } {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const folder = new Folder();
  const escaped = /\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}/.test(source) ? ' (spelled with escapes)' : '';
  const hit = (ruleId: RuleId, name: string, message: string, at: unknown) => {
    const key = `${ruleId}\u0000${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    hits.push({ ruleId, name, message, evidence: printExpr(at) });
  };

  const stack: Array<{ n: JNode; top?: JNode }> = isNode(program) ? [{ n: program }] : [];
  let visited = 0;
  folder.bind(setStatements(program));
  const push = (v: unknown, top: JNode | undefined) => {
    if (isNode(v)) stack.push({ n: v, top });
    else if (Array.isArray(v)) for (const x of v) push(x, top);
    else if (v instanceof Map) for (const [k, x] of v) { push(k, top); push(x, top); }
  };

  while (stack.length) {
    if (++visited > MAX_AST_NODES) return { hits, truncated: true };
    const { n, top } = stack.pop()!;
    // Evidence shows the whole expression a hit sits in (the outermost one under a statement).
    const ev = top ?? n;
    const here = STATEMENTS.has(n.type) ? undefined : ev;
    const folded = n.type === 'StringLiteral' ? null : folder.fold(n);

    if (n.type === 'StringLiteral' && DUNDER.test(String(n.value))) {
      hit('jinja/dunder-access', String(n.value), `Chat template names ${String(n.value)} in a string${escaped}`, ev);
    } else if (folded !== null && DUNDER.test(folded)) {
      hit('jinja/dunder-access', folded, `Chat template builds the name ${folded} from strings`, ev);
      hit('jinja/dynamic-attribute', 'built:' + folded, `Chat template builds the attribute name ${folded} from strings`, ev);
    } else if (folded !== null && DANGEROUS_NAMES.has(folded) && n.type !== 'StringLiteral') {
      hit('jinja/dangerous-name', folded, `Chat template builds the name ${folded} from strings`, ev);
    }

    switch (n.type) {
      case 'Identifier': {
        const name = String(n.value);
        if (DUNDER.test(name)) hit('jinja/dunder-access', name, `Chat template uses ${name}`, ev);
        else if (DANGEROUS_NAMES.has(name)) hit('jinja/dangerous-name', name, `Chat template uses the name ${name}`, ev);
        else if (PROBES.has(name)) hit('jinja/ssti-probe', name, `Chat template uses the Flask object ${name}`, ev);
        break;
      }
      case 'MemberExpression': {
        const obj = n.object;
        if (isNode(obj) && obj.type === 'Identifier' && GLOBALS.has(String(obj.value))) {
          hit('jinja/global-escape', String(obj.value), `Chat template reads an attribute of the Jinja global ${String(obj.value)}`, ev);
        }
        if (n.computed) {
          const key = isNode(n.property) && n.property.type === 'StringLiteral' ? String(n.property.value) : folder.fold(n.property);
          const literal = isNode(n.property) && n.property.type === 'StringLiteral';
          if (key !== null && DUNDER.test(key)) {
            hit('jinja/dunder-access', key, literal ? `Chat template accesses ${key} through a string key${escaped}` : `Chat template builds the name ${key} from strings`, ev);
          }
          else if (key !== null && DANGEROUS_NAMES.has(key)) hit('jinja/dangerous-name', key, `Chat template accesses the key '${key}'`, ev);
          // A name bound to a constant by {% set %} is a literal under another name (m[key] with key = 'content').
          if (key !== null && !literal && !(isNode(n.property) && n.property.type === 'Identifier')) {
            hit('jinja/dynamic-attribute', 'key:' + key, `Chat template looks up the key '${key}' built from strings`, ev);
          }
          push(n.property, here);
        } else {
          const name = nameOf(n);
          if (name && DUNDER.test(name)) hit('jinja/dunder-access', name, `Chat template accesses ${name}`, ev);
          else if (name && DANGEROUS_NAMES.has(name)) hit('jinja/dangerous-name', name, `Chat template accesses the attribute ${name}`, ev);
        }
        push(obj, here);
        continue;
      }
      case 'CallExpression': {
        const name = nameOf(n.callee);
        if (name && DANGEROUS_CALLS.has(name)) hit('jinja/dangerous-name', name, `Chat template calls ${name}()`, ev);
        if (name && DYNAMIC_CALLS.has(name)) hit('jinja/dynamic-attribute', name, `Chat template calls ${name}() to look up an attribute by name`, ev);
        break;
      }
      case 'FilterExpression': {
        const f = n.filter;
        const name = nameOf(f);
        if (name === 'attr') hit('jinja/dynamic-attribute', '|attr', 'Chat template uses the attr filter to look up an attribute by name', ev);
        const attribute = name && isNode(f) && f.type === 'CallExpression' && Array.isArray(f.args) ? attributeArgument(name, f.args as unknown[], folder) : undefined;
        const constant = isNode(attribute) && (attribute.type === 'StringLiteral' || (attribute.type === 'Identifier' && folder.fold(attribute) !== null));
        if (attribute !== undefined && !constant) {
          hit('jinja/dynamic-attribute', `|${name}`, `Chat template gives the ${name} filter an attribute name computed at render time`, ev);
        }
        push(n.operand, here);
        // The filter's name is not a variable; its arguments are (also in `|attr('x')(1)` chains).
        for (let g: unknown = f; isNode(g) && g.type === 'CallExpression'; g = g.callee) push(g.args, here);
        continue;
      }
      case 'KeywordArgumentExpression': push(n.value, here); continue;
      case 'TestExpression': push(n.operand, here); continue;
      default: break;
    }
    for (const k of Object.keys(n)) if (k !== 'type' && k !== 'operator') push(n[k], here);
  }
  return { hits, truncated: false };
}
