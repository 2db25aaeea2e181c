// Symbolic values of the pickle machine. Nothing here is ever constructed for real: a `call` records
// that the loader would call `fn` with `args`, a `global` that it would import `module.name`.
// Primitives stay JS primitives (no allocation per INT or short string in the hot loop).

export type Val = string | number | bigint | boolean | null | Node;

export type ContainerKind = 'list' | 'tuple' | 'dict' | 'set' | 'frozenset';

export type Node =
  | { t: 'bytes'; b: Uint8Array | null; len: number; off: number }
  | { t: 'global'; module: string; name: string; off: number; key: string }
  | { t: 'call'; fn: Val; args: Val; kwargs?: Val; off: number; op: string; state?: Val }
  | { t: ContainerKind; items: Val[]; n: number }
  | { t: 'unknown'; why: string; off: number }
  | { t: 'pid'; id: Val; off: number }
  | { t: 'buffer'; off: number };

/** Items of a container kept for evidence and analysis; the rest are only counted (bounded memory). */
export const MAX_KEPT_ITEMS = 16;
/**
 * Dict items kept (keys and values alternate): a BUILD state is an object's __dict__, and a reviewed
 * __setstate__ rule must see the attribute it checks (scipy distributions carry 13-14 attributes, the
 * exec'd `_parse_arg_template` among the last; a torchmetrics Metric carries ~50, and its rule must see
 * that `update` is absent). 64 pairs cover the library objects met in practice.
 */
export const MAX_KEPT_DICT_ITEMS = 128;

/** How many items a container keeps. */
export function keepCap(t: Node['t']): number {
  return t === 'dict' ? MAX_KEPT_DICT_ITEMS : MAX_KEPT_ITEMS;
}

export function isNode(v: Val): v is Node {
  return typeof v === 'object' && v !== null;
}

/**
 * The items of a container nothing was added to yet, shared: a dense pickle creates millions of empty
 * containers. Frozen, so a push into it throws instead of filling every empty container; code that
 * adds items replaces it first (itemsOf).
 */
export const NO_ITEMS: Val[] = Object.freeze([]) as unknown as Val[];

/** The container's own items array, ready for pushes. */
export function itemsOf(c: Node & { items: Val[] }): Val[] {
  return c.items === NO_ITEMS ? (c.items = []) : c.items;
}

export function container(t: ContainerKind, items: Val[] = NO_ITEMS): Node {
  const n = items.length;
  const cap = keepCap(t);
  return { t, items: n > cap ? items.slice(0, cap) : items, n };
}

export function addItems(c: Node & { items: Val[]; n: number }, items: Val[]): void {
  const kept = itemsOf(c);
  const cap = keepCap(c.t);
  for (const v of items) { if (kept.length < cap) kept.push(v); }
  c.n += items.length;
}

/** A tuple's items when fully known, else null. */
export function tupleItems(v: Val): Val[] | null {
  return isNode(v) && (v.t === 'tuple' || v.t === 'list') && v.items.length === v.n ? v.items : null;
}

/** Value of `key` in a dict node whose keys are constant strings (BUILD state, kwargs). */
/** The value of `key` in a dict node as Python sees it: the last SETITEM of a key wins. */
export function dictGet(v: Val, key: string): Val | undefined {
  if (!isNode(v) || v.t !== 'dict') return undefined;
  for (let i = (v.items.length & ~1) - 2; i >= 0; i -= 2) if (v.items[i] === key) return v.items[i + 1];
  return undefined;
}

/** The import a callable comes from, following nothing: only a direct global. */
export function globalOf(v: Val): (Node & { t: 'global' }) | null {
  return isNode(v) && v.t === 'global' ? v : null;
}

const MAX_RENDER = 300;
const MAX_STR_RENDER = 80;

function pyStr(s: string): string {
  const cut = s.length > MAX_STR_RENDER ? s.slice(0, MAX_STR_RENDER) : s;
  const body = cut.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `'${body}'${s.length > MAX_STR_RENDER ? `…(${s.length} chars)` : ''}`;
}

function pyBytes(b: Uint8Array | null, len: number): string {
  if (!b) return `<${len} bytes>`;
  let s = "b'";
  const n = Math.min(b.length, 40);
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    s += c >= 0x20 && c < 0x7f && c !== 0x27 && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  }
  return s + "'" + (len > n ? `…(${len} bytes)` : '');
}

function renderItems(items: Val[], n: number, depth: number): string {
  const parts = items.map((x) => render(x, depth + 1));
  if (n > items.length) parts.push(`…+${n - items.length}`);
  return parts.join(', ');
}

/** Python-like text of a symbolic value: `posix.system('echo pwned')`. Bounded in depth and length. */
export function render(v: Val, depth = 0): string {
  const out = renderInner(v, depth);
  return out.length > MAX_RENDER ? out.slice(0, MAX_RENDER) + '…' : out;
}

function renderInner(v: Val, depth: number): string {
  if (depth > 5) return '…';
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return pyStr(v);
  switch (v.t) {
    case 'bytes': return pyBytes(v.b, v.len);
    case 'global': return v.key;
    case 'call': {
      const args = tupleItems(v.args);
      const a = args ? renderItems(args, args.length, depth) : `*${render(v.args, depth + 1)}`;
      const kw = v.kwargs !== undefined ? `, **${render(v.kwargs, depth + 1)}` : '';
      return `${render(v.fn, depth + 1)}(${a}${kw})`;
    }
    case 'tuple': return v.n === 1 && v.items.length === 1 ? `(${render(v.items[0]!, depth + 1)},)` : `(${renderItems(v.items, v.n, depth)})`;
    case 'list': return `[${renderItems(v.items, v.n, depth)}]`;
    case 'set': case 'frozenset': return `${v.t}({${renderItems(v.items, v.n, depth)}})`;
    case 'dict': {
      const parts: string[] = [];
      for (let i = 0; i + 1 < v.items.length; i += 2) parts.push(`${render(v.items[i]!, depth + 1)}: ${render(v.items[i + 1]!, depth + 1)}`);
      if (v.n > v.items.length) parts.push(`…+${(v.n - v.items.length) / 2}`);
      return `{${parts.join(', ')}}`;
    }
    case 'unknown': return `<unresolved: ${v.why}>`;
    case 'pid': return `persistent_load(${render(v.id, depth + 1)})`;
    case 'buffer': return '<out-of-band buffer>';
  }
}
