// The DOCTYPE of an XML document, read as text and never acted on: PMML (dmg.org) defines no DTD, so a
// DOCTYPE in a PMML file is there for its side effects in lenient parsers: external entities (XXE:
// SYSTEM/PUBLIC identifiers that a parser fetches or reads, e.g. file:///etc/passwd) and nested internal
// entities that expand exponentially ("billion laughs"). XML 1.0 §4.2 (entity declarations), §2.8 (DTD).

export interface EntityDecl { name: string; parameter: boolean; external?: { kind: 'SYSTEM' | 'PUBLIC'; uri: string }; value?: string }
export interface Doctype {
  root: string;
  externalDtd?: string;
  entities: EntityDecl[];
  /** Characters the largest entity would expand to (capped at EXPANSION_CAP). */
  largestExpansion: number;
  largestEntity?: string;
}

/** Expansion past this many characters is a bomb (no legitimate internal entity comes near). */
export const EXPANSION_CAP = 10_000_000;
/** Declarations read from one internal subset. */
const MAX_DECLS = 10_000;

const QUOTED = String.raw`(?:"([^"]*)"|'([^']*)')`;
const ENTITY = new RegExp(String.raw`<!ENTITY\s+(%\s+)?([^\s>]+)\s+(?:(SYSTEM)\s+${QUOTED}|(PUBLIC)\s+${QUOTED}\s+${QUOTED}|${QUOTED})`, 'g');

/** Reads saxes' doctype text (everything between "<!DOCTYPE" and the closing ">"). */
export function readDoctype(text: string): Doctype {
  const head = /^\s*([^\s[>]+)(?:\s+(?:SYSTEM\s+(?:"([^"]*)"|'([^']*)')|PUBLIC\s+(?:"[^"]*"|'[^']*')\s+(?:"([^"]*)"|'([^']*)')))?/.exec(text);
  const d: Doctype = { root: head?.[1] ?? '', entities: [], largestExpansion: 0 };
  const dtd = head?.[2] ?? head?.[3] ?? head?.[4] ?? head?.[5];
  if (dtd !== undefined) d.externalDtd = dtd;
  for (const m of text.matchAll(ENTITY)) {
    if (d.entities.length >= MAX_DECLS) break;
    const e: EntityDecl = { name: m[2]!, parameter: !!m[1] };
    if (m[3]) e.external = { kind: 'SYSTEM', uri: m[4] ?? m[5] ?? '' };
    else if (m[6]) e.external = { kind: 'PUBLIC', uri: m[9] ?? m[10] ?? '' };
    else e.value = m[11] ?? m[12] ?? '';
    d.entities.push(e);
  }
  // Expanded length of each internal entity, memoised; a reference cycle counts as a bomb.
  const byName = new Map(d.entities.filter((e) => e.value !== undefined && !e.parameter).map((e) => [e.name, e.value!]));
  const memo = new Map<string, number>();
  const size = (name: string, stack: Set<string>): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const v = byName.get(name);
    if (v === undefined) return name.length + 2;
    if (stack.has(name)) return EXPANSION_CAP;
    stack.add(name);
    let n = v.replace(/&[^;\s]+;/g, '').length;
    for (const ref of v.matchAll(/&([^#;\s][^;\s]*);/g)) { n += size(ref[1]!, stack); if (n >= EXPANSION_CAP) break; }
    stack.delete(name);
    n = Math.min(n, EXPANSION_CAP);
    memo.set(name, n);
    return n;
  };
  for (const name of byName.keys()) {
    const n = size(name, new Set());
    if (n > d.largestExpansion) { d.largestExpansion = n; d.largestEntity = name; }
  }
  return d;
}
