// A tiny parser for the Python literals in a .npy header (numpy/lib/format.py writes repr() of a dict:
// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }). numpy itself uses ast.literal_eval;
// here: strings, ints, True/False/None, tuples, lists and dicts, nothing else, no evaluation, depth
// and length bounded by the caller's header limit and MAX_LITERAL_DEPTH. Every spelling of those that
// literal_eval accepts must read the same here (adjacent strings joined, u/b/r prefixes, triple quotes,
// \x \u \U and octal escapes, 0x/0o/0b and 1_000 ints): a header numpy reads as '|O' that this parser
// refused was an object array whose pickle went unscanned.
import { FormatError } from '../../types';

/** Nesting of tuples/lists/dicts (a structured dtype nests 3-4 deep). Stops stack exhaustion. */
export const MAX_LITERAL_DEPTH = 32;

export type Lit = string | number | boolean | null | Lit[] | { tuple: Lit[] } | Map<string, Lit>;

export function isTuple(v: Lit): v is { tuple: Lit[] } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map);
}

export function parseLiteral(text: string, base = 0): Lit {
  let i = 0;
  const fail = (what: string): never => { throw new FormatError(`header: ${what} at character ${i}`, base); };
  const ws = () => { while (i < text.length && /\s/.test(text[i]!)) i++; };

  const value = (depth: number): Lit => {
    if (depth > MAX_LITERAL_DEPTH) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === undefined) return fail('unexpected end');
    if (c === "'" || c === '"' || /^[uUbBrR]{1,2}['"]/.test(text.slice(i, i + 3))) return strings();
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      i++;
      const items: Lit[] = [];
      let comma = false;
      for (;;) {
        ws();
        if (text[i] === close) { i++; break; }
        if (items.length && !comma) fail(`expected "," or "${close}"`);
        items.push(value(depth + 1));
        ws();
        comma = text[i] === ',';
        if (comma) i++;
      }
      // Python: (x) is x, (x,) is a tuple.
      if (c === '(' && items.length === 1 && !comma) return items[0]!;
      return c === '(' ? { tuple: items } : items;
    }
    if (c === '{') {
      i++;
      const map = new Map<string, Lit>();
      let comma = true;
      for (;;) {
        ws();
        if (text[i] === '}') { i++; break; }
        if (!comma) fail('expected "," or "}"');
        const key = value(depth + 1);
        if (typeof key !== 'string') fail('dict key is not a string');
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        map.set(key as string, value(depth + 1));
        ws();
        comma = text[i] === ',';
        if (comma) i++;
      }
      return map;
    }
    // Python int literals as ast.literal_eval reads them: 0x/0o/0b forms and digit underscores too.
    const word = /^(?:True|False|None|[-+]?\s*(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|\d(?:_?\d)*)L?)/.exec(text.slice(i, i + 96))?.[0];
    if (!word) return fail('unsupported literal');
    i += word.length;
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    const digits = word.replace(/L$/, '').replace(/[\s_]/g, ''); // Python 2 headers write longs as 3L
    const neg = digits.startsWith('-');
    const body = digits.replace(/^[-+]/, '');
    const n = /^0[xXoObB]/.test(body) ? Number(body.toLowerCase()) : Number(body);
    return Number.isSafeInteger(n) ? (neg ? -n : n) : fail('integer out of range');
  };

  /** Adjacent string literals, joined as Python's parser joins them ('|' 'O' is '|O'). */
  const strings = (): string => {
    let out = str();
    for (;;) {
      const at = i;
      ws();
      if (!/^(?:[uUbBrR]{1,2})?['"]/.test(text.slice(i, i + 3))) { i = at; return out; }
      out += str();
    }
  };

  /** One string literal: an optional u/b/r prefix, single or triple quotes, Python's escapes (raw: none). */
  const str = (): string => {
    const prefix = /^[uUbBrR]{0,2}/.exec(text.slice(i, i + 2))![0];
    const raw = /[rR]/.test(prefix);
    i += prefix.length;
    const q = text.startsWith(text[i]!.repeat(3), i) ? text[i]!.repeat(3) : text[i]!;
    i += q.length;
    let out = '';
    while (i < text.length && !text.startsWith(q, i)) {
      const ch = text[i++]!;
      if (ch !== '\\' || raw) { if (raw && ch === '\\' && i < text.length) out += ch + text[i++]!; else out += ch; continue; }
      const e = text[i++];
      if (e === undefined) break;
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' };
      const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (hexLen && new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(text.slice(i, i + hexLen))) {
        const cp = parseInt(text.slice(i, i + hexLen), 16);
        if (cp > 0x10ffff) fail('escape out of range');
        out += String.fromCodePoint(cp); i += hexLen;
      } else if (/[0-7]/.test(e)) {
        const oct = /^[0-7]{0,2}/.exec(text.slice(i, i + 2))![0];
        out += String.fromCharCode(parseInt(e + oct, 8)); i += oct.length;
      } else if (e in simple) out += simple[e];
      else out += '\\' + e;
    }
    if (!text.startsWith(q, i)) fail('unterminated string');
    i += q.length;
    return out;
  };

  const v = value(0);
  ws();
  if (i !== text.length) fail('unexpected text after the literal');
  return v;
}
