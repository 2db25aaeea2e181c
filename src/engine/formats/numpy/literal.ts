// A tiny parser for the Python literals in a .npy header (numpy/lib/format.py writes repr() of a dict:
// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }). numpy itself uses ast.literal_eval;
// here: strings, ints, True/False/None, tuples, lists and dicts, nothing else, no evaluation, depth
// and length bounded by the caller's header limit and MAX_LITERAL_DEPTH.
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
    if (c === "'" || c === '"') return str();
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
    const word = /^(?:True|False|None|[-+]?\d+L?)/.exec(text.slice(i, i + 32))?.[0];
    if (!word) return fail('unsupported literal');
    i += word.length;
    if (word === 'True') return true;
    if (word === 'False') return false;
    if (word === 'None') return null;
    const n = Number(word.replace(/L$/, '')); // Python 2 headers write longs as 3L
    return Number.isSafeInteger(n) ? n : fail('integer out of range');
  };

  const str = (): string => {
    const q = text[i++]!;
    let out = '';
    while (i < text.length && text[i] !== q) {
      const ch = text[i++]!;
      if (ch !== '\\') { out += ch; continue; }
      const e = text[i++];
      if (e === undefined) break;
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' };
      if (e in simple) out += simple[e];
      else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i, i + 2))) { out += String.fromCharCode(parseInt(text.slice(i, i + 2), 16)); i += 2; }
      else out += '\\' + e;
    }
    if (text[i] !== q) fail('unterminated string');
    i++;
    return out;
  };

  const v = value(0);
  ws();
  if (i !== text.length) fail('unexpected text after the literal');
  return v;
}
