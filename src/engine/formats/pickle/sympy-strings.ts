// sympy objects pickle as their class called with their arguments (Basic.__reduce_ex__ → NEWOBJ cls(*args);
// an undefined function as _rebuild_undef(name, kwargs)(*args)). Most sympy constructors pass their
// arguments through sympify, and sympify parses a string as Python and evaluates it
// (sympy/core/sympify.py → parsing/sympy_parser.py parse_expr → eval). So `sin.__new__(sin, '<code>')`,
// `Tuple.__new__(Tuple, '<code>')` or `f('<code>')` run the code on load (checked with sympy 1.14). Real
// pickles pass sympy objects there, never strings; only the atoms that take a name or a numeral keep one.
import type { Val } from './values';
import { isNode } from './values';

/** Classes whose string argument is a name or a numeral, never sympified (sympy/core/symbol.py, numbers.py). */
const NAME_OR_NUMERAL = new Set([
  'sympy.core.symbol.Symbol', 'sympy.core.symbol.Dummy', 'sympy.core.symbol.Wild', 'sympy.core.symbol.Str',
  'sympy.core.numbers.Float', 'sympy.core.numbers.Integer', 'sympy.core.numbers.Rational',
  // Function(name, **kwargs) builds a class named `name`; the string is its name
  'sympy.core.function._rebuild_undef',
]);
/** Nesting followed into list and tuple arguments (sympify converts iterables item by item). */
const MAX_DEPTH = 4;

/** The first string a call of the sympy class `key` would sympify, or null. */
export function sympifiedString(key: string, args: Val): string | null {
  if (!key.startsWith('sympy.') || NAME_OR_NUMERAL.has(key)) return null;
  return firstString(args, 0);
}

function firstString(v: Val, depth: number): string | null {
  if (typeof v === 'string') return depth > 0 ? v : null;
  if (!isNode(v) || depth > MAX_DEPTH || (v.t !== 'tuple' && v.t !== 'list')) return null;
  for (const x of v.items) {
    const s = firstString(x, depth + 1);
    if (s !== null) return s;
  }
  return null;
}
