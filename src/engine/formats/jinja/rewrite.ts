// Rewrites the few Jinja2 constructs @huggingface/jinja cannot parse into equivalents it reads, so that a
// benign template using them is judged rather than reported unparseable. Used only after the original text
// failed to parse; every rewrite keeps the text's length (offsets stay meaningful) and keeps what Jinja2
// would evaluate: nothing an attacker writes as an expression is ever turned into text.
//
// The rewrites, each what Jinja2 itself means (jinja2/lexer.py, jinja2/parser.py):
//   {% raw %}…{% endraw %}  → the tags become spaces and the body stays text (Jinja2 outputs a raw body
//                             verbatim and never evaluates it); a `{` opening a delimiter in it becomes `(`.
//   `()` (empty tuple)      → `[]`;   `(x,)` (one-element tuple) → `[x ]`  (a sequence of the same items);
//   `f(x,)`                 → `f(x )` (a trailing comma in a call's arguments means nothing).
//   `{%+` / `+%}`           → `{% ` / ` %}` (the `+` only turns off lstrip_blocks / trim_blocks: whitespace).
//
// To know what is an expression, the text is split the way Jinja2's lexer splits it: template data,
// {# comments #}, {{ … }} and {% … %} blocks, whose string literals are skipped (a `}}` or `{% raw %}`
// inside a string does not end or open anything). A raw tag inside a string stays a string.

/** Open brackets tracked at once; a deeper block is left as written (the parser judges it). Bounds memory. */
export const MAX_PAREN_DEPTH = 256;

/** Words after which `(` opens a group or tuple, not a call (Jinja2's operators and statement keywords). */
const GROUP_AFTER = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'elif', 'else', 'for', 'set', 'return']);

const RAW_OPEN = /\{%[-+]?\s*raw\s*[-+]?%\}/y;
const RAW_CLOSE = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;

export interface Rewritten { text: string; constructs: string[] }

/** The rewritten text and the names of the constructs rewritten (empty when nothing was). */
export function rewriteForParser(src: string): Rewritten {
  const out = src.split('');
  const constructs = new Set<string>();
  const put = (at: number, s: string) => { for (let k = 0; k < s.length; k++) out[at + k] = s[k]!; };
  let i = 0;
  const n = src.length;
  while (i < n) {
    const open = nextDelimiter(src, i);
    if (open < 0) break;
    const kind = src[open + 1];
    if (kind === '#') {
      const end = src.indexOf('#}', open + 2);
      if (end < 0) break;
      i = end + 2;
      continue;
    }
    if (kind === '%') {
      RAW_OPEN.lastIndex = open;
      if (RAW_OPEN.test(src)) {
        const bodyStart = RAW_OPEN.lastIndex;
        RAW_CLOSE.lastIndex = bodyStart;
        const close = RAW_CLOSE.exec(src);
        if (!close) break; // an unclosed raw block: left for the parser to reject
        put(open, ' '.repeat(bodyStart - open));
        for (let k = bodyStart; k < close.index; k++) {
          if (src[k] === '{' && (src[k + 1] === '{' || src[k + 1] === '%' || src[k + 1] === '#')) out[k] = '(';
        }
        put(close.index, ' '.repeat(close[0].length));
        constructs.add('raw block');
        i = close.index + close[0].length;
        continue;
      }
    }
    const closer = kind === '%' ? '%}' : '}}';
    if (kind === '%' && src[open + 2] === '+') { out[open + 2] = ' '; constructs.add('+ whitespace control'); }
    const end = rewriteBlock(src, open + 2, closer, out, constructs);
    if (end < 0) break;
    if (kind === '%' && src[end - 1] === '+') { out[end - 1] = ' '; constructs.add('+ whitespace control'); }
    i = end + 2;
  }
  return { text: constructs.size ? out.join('') : src, constructs: [...constructs] };
}

/** The index of the next `{{`, `{%` or `{#` at or after `from`, or -1. */
function nextDelimiter(src: string, from: number): number {
  for (let k = src.indexOf('{', from); k >= 0; k = src.indexOf('{', k + 1)) {
    const c = src[k + 1];
    if (c === '{' || c === '%' || c === '#') return k;
  }
  return -1;
}

/**
 * Walks one {{ … }} or {% … %} block from `start`, rewriting empty and one-element tuples into lists and
 * dropping a trailing comma in a call; returns the index of its closer, or -1 when the block never closes.
 * As in Jinja2's lexer, a closer inside open brackets (a dict literal's `}}`) does not end the block.
 */
function rewriteBlock(src: string, start: number, closer: string, out: string[], constructs: Set<string>): number {
  const stack: Array<{ at: number; ch: string; call: boolean }> = [];
  let prev = -1; // the last significant (non-space) character of the block
  for (let k = start; k < src.length; k++) {
    const c = src[k]!;
    if (c === "'" || c === '"') {
      const end = skipString(src, k);
      if (end < 0) return -1;
      prev = k = end;
      continue;
    }
    if (stack.length === 0 && src.startsWith(closer, k)) return k;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '(' || c === '[' || c === '{') {
      if (stack.length >= MAX_PAREN_DEPTH) return -1;
      stack.push({ at: k, ch: c, call: c === '(' && isCallPosition(src, start, prev) });
    } else if ((c === ')' || c === ']' || c === '}') && stack.length) {
      const p = stack.pop()!;
      if (p.ch === '(' && c === ')') {
        if (!p.call && prev === p.at) {
          out[p.at] = '['; out[k] = ']'; constructs.add('empty tuple');
        } else if (src[prev] === ',' && prev > p.at) {
          if (!p.call) { out[p.at] = '['; out[k] = ']'; constructs.add('tuple with a trailing comma'); }
          else constructs.add('call with a trailing comma');
          out[prev] = ' ';
        }
      }
    }
    prev = k;
  }
  return -1;
}

/** Whether the `(` after the significant character at `prev` calls something (name, `)`, `]`, string). */
function isCallPosition(src: string, start: number, prev: number): boolean {
  if (prev < start) return false;
  const c = src[prev]!;
  if (c === ')' || c === ']' || c === "'" || c === '"') return true;
  if (!/[A-Za-z0-9_]/.test(c)) return false;
  let w = prev;
  while (w > start && /[A-Za-z0-9_]/.test(src[w - 1]!)) w--;
  return !GROUP_AFTER.has(src.slice(w, prev + 1));
}

/** The index of the quote closing the string literal that opens at `at` (Jinja2's string rule), or -1. */
function skipString(src: string, at: number): number {
  const q = src[at]!;
  for (let k = at + 1; k < src.length; k++) {
    if (src[k] === '\\') { k++; continue; }
    if (src[k] === q) return k;
  }
  return -1;
}
