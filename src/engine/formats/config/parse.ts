// Config files beside a model, parsed to plain data: JSON (RFC 8259, the strict bounded parser in
// io/json.ts), YAML (the `yaml` package, YAML 1.2 core schema, no custom tags), TOML and INI (small
// line readers: only keys and values are needed, not every corner of the grammars). Every parser
// throws FormatError on input its format does not allow.
//
// YAML: PyYAML's unsafe loaders construct Python objects from !!python/... tags, so tags are
// collected from the AST (they are the finding) and never resolved. Aliases are not expanded: an
// alias to a collection is walked once, where its anchor is, so a "billion laughs" document costs
// its own size; the expansion it would cost a loader is measured with yaml's maxAliasCount check.
import { Alias, isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { FormatError, type JsonValue } from '../../types';
import { parseJson, pointerToken } from '../../io/json';
import { INI_PAIR, INI_SECTION } from './sniff';

export type ConfigKind = 'json' | 'yaml' | 'toml' | 'ini';

export interface ConfigDocument {
  kind: ConfigKind;
  /** One value per YAML document; one for the other kinds. */
  roots: JsonValue[];
  /** Non-core YAML tags, with the pointer of the node carrying them. */
  tags: Array<{ tag: string; pointer: string }>;
  /** Alias expansion a loader would do exceeds MAX_YAML_ALIAS_EXPANSION. */
  aliasBomb: boolean;
  /** Duplicate JSON keys (loaders keep the last). */
  duplicates: Array<{ pointer: string; offset: number }>;
  /** The node walk stopped at MAX_CONFIG_NODES. */
  truncated: boolean;
}

/** Alias expansions a loader may perform (yaml's maxAliasCount): billion-laughs documents need millions. */
export const MAX_YAML_ALIAS_EXPANSION = 10_000;
/** YAML documents in one stream: a stream of a million empty documents must not build a million roots. */
export const MAX_YAML_DOCUMENTS = 64;
/** Values converted per file: bounds the tree built from one config (a 16 MiB YAML of tiny items). */
export const MAX_CONFIG_NODES = 500_000;
/** Physical lines a multi-line TOML value may span before the reader calls it malformed. */
const MAX_TOML_CONTINUATION_LINES = 10_000;

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export function parseConfig(text: string, bytes: Uint8Array, kind: ConfigKind, maxDepth: number): ConfigDocument {
  const doc: ConfigDocument = { kind, roots: [], tags: [], aliasBomb: false, duplicates: [], truncated: false };
  if (kind === 'json') {
    const j = parseJson(bytes, { maxDepth });
    doc.roots.push(j.value);
    doc.duplicates = j.duplicates;
  } else if (kind === 'yaml') {
    parseYaml(text, doc, maxDepth);
  } else if (kind === 'toml') {
    doc.roots.push(parseToml(text));
  } else {
    doc.roots.push(parseIni(text));
  }
  return doc;
}

function parseYaml(text: string, out: ConfigDocument, maxDepth: number): void {
  const docs = parseAllDocuments(text, {
    version: '1.2', schema: 'core', customTags: [], merge: false, uniqueKeys: true, prettyErrors: false,
    strict: true,
  });
  // An empty stream is an array with its own errors (a stream of only directives or comments).
  const streamErrors = (docs as { errors?: Array<{ message: string; pos: [number, number] }> }).errors;
  if (streamErrors?.length) throw yamlError(streamErrors[0]!);
  const list = [...docs];
  if (list.length > MAX_YAML_DOCUMENTS) throw new FormatError(`more than ${MAX_YAML_DOCUMENTS} YAML documents in one stream`);
  const budget = { nodes: 0 };
  for (const d of list) {
    if (d.errors.length) throw yamlError(d.errors[0]!);
    const w = new YamlWalk(d, out, budget, maxDepth);
    out.roots.push(w.convert(d.contents as Node | null, '', 0));
    if (!out.aliasBomb && w.sawAlias) {
      try {
        d.toJS({ maxAliasCount: MAX_YAML_ALIAS_EXPANSION });
      } catch (e) {
        if (e instanceof ReferenceError) out.aliasBomb = true;
        else throw new FormatError(`YAML: ${(e as Error).message}`);
      }
    }
  }
}

function yamlError(e: { message: string; pos: [number, number] }): FormatError {
  return new FormatError(`invalid YAML at character ${e.pos[0]}: ${e.message.split('\n')[0]}`, e.pos[0]);
}

class YamlWalk {
  sawAlias = false;

  constructor(private readonly d: Document, private readonly out: ConfigDocument,
    private readonly budget: { nodes: number }, private readonly maxDepth: number) {}

  convert(n: Node | null, pointer: string, depth: number): JsonValue {
    if (n === null || n === undefined) return null;
    if (++this.budget.nodes > MAX_CONFIG_NODES) { this.out.truncated = true; return null; }
    if (depth > this.maxDepth) throw new FormatError(`YAML nesting deeper than ${this.maxDepth}`);
    const tag = (n as { tag?: string }).tag;
    if (tag && !CORE_TAGS.has(tag)) this.out.tags.push({ tag, pointer });
    if (isAlias(n)) {
      this.sawAlias = true;
      // Scalars are resolved (a _target_ may be an alias); collections are walked at their anchor.
      const target = (n as Alias).resolve(this.d);
      return target && isScalar(target) ? scalarValue(target.value) : null;
    }
    if (isScalar(n)) return scalarValue(n.value);
    if (isMap(n)) {
      const obj = Object.create(null) as { [k: string]: JsonValue };
      for (const p of n.items) {
        const keyNode = p.key as Node | null;
        if (keyNode && !isScalar(keyNode)) this.convert(keyNode, pointer, depth + 1); // tags on complex keys
        const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode ? '[complex key]' : '';
        if (keyNode && isScalar(keyNode) && keyNode.tag && !CORE_TAGS.has(keyNode.tag)) this.out.tags.push({ tag: keyNode.tag, pointer: `${pointer}/${pointerToken(key)}` });
        obj[key] = this.convert(p.value as Node | null, `${pointer}/${pointerToken(key)}`, depth + 1);
      }
      return obj;
    }
    if (isSeq(n)) return n.items.map((i, k) => this.convert(i as Node | null, `${pointer}/${k}`, depth + 1));
    return null;
  }
}

function scalarValue(v: unknown): JsonValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  return String(v);
}

// ---- TOML (v1.0): tables, arrays of tables, key = value; values kept as strings/numbers/booleans.

const TOML_KEY = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*`;
const TOML_TABLE = new RegExp(String.raw`^\[\[?\s*(${TOML_KEY})\s*\]\]?\s*(?:#.*)?$`);
const TOML_PAIR = new RegExp(String.raw`^(${TOML_KEY})\s*=\s*(.*)$`);

function tomlKeyParts(k: string): string[] {
  const parts: string[] = [];
  for (const m of k.matchAll(/[A-Za-z0-9_-]+|"((?:[^"\\]|\\.)*)"|'([^']*)'/g)) parts.push(m[1] ?? m[2] ?? m[0]);
  return parts;
}

/** Brackets still open after `s`, outside strings (multi-line arrays and inline tables). */
function openBrackets(s: string): number {
  let depth = 0;
  for (const m of s.matchAll(/"(?:[^"\\]|\\.)*"|'[^']*'|#.*$|[[\]{}]/g)) {
    if (m[0] === '[' || m[0] === '{') depth++;
    else if (m[0] === ']' || m[0] === '}') depth--;
  }
  return depth;
}

export function parseToml(text: string): JsonValue {
  const root = Object.create(null) as { [k: string]: JsonValue };
  let table = root;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const t = TOML_TABLE.exec(line);
    if (t) { table = descend(root, tomlKeyParts(t[1]!), i); continue; }
    const p = TOML_PAIR.exec(line);
    if (!p) throw new FormatError(`invalid TOML on line ${i + 1}`);
    let value = p[2]!;
    // Multi-line strings and arrays continue on the following lines.
    const fence = value.startsWith('"""') ? '"""' : value.startsWith("'''") ? "'''" : null;
    let extra = 0;
    const more = () => {
      if (++i >= lines.length || ++extra > MAX_TOML_CONTINUATION_LINES) throw new FormatError(`unterminated TOML value from line ${i - extra + 1}`);
      value += '\n' + lines[i]!;
    };
    if (fence) while (value.indexOf(fence, 3) < 0) more();
    else while (openBrackets(value) > 0) more();
    const parts = tomlKeyParts(p[1]!);
    const holder = descend(table, parts.slice(0, -1), i);
    holder[parts[parts.length - 1]!] = tomlValue(value.trim());
  }
  return root;
}

function descend(root: { [k: string]: JsonValue }, parts: string[], line: number): { [k: string]: JsonValue } {
  let cur = root;
  for (const part of parts) {
    const next = cur[part];
    if (next === undefined) { const o = Object.create(null) as { [k: string]: JsonValue }; cur[part] = o; cur = o; continue; }
    if (typeof next !== 'object' || next === null || Array.isArray(next)) throw new FormatError(`TOML key "${part}" redefined as a table on line ${line + 1}`);
    cur = next;
  }
  return cur;
}

function tomlValue(v: string): JsonValue {
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^[+-]?(?:\d[\d_]*)(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?\s*(?:#.*)?$/.test(v)) return Number(v.replace(/#.*$/, '').replace(/_/g, ''));
  const strings = [...v.matchAll(/"""([\s\S]*?)"""|'''([\s\S]*?)'''|"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'/g)].map((m) => m[1] ?? m[2] ?? unescapeBasic(m[3]) ?? m[4] ?? '');
  if (v.startsWith('[') || v.startsWith('{')) return strings;
  if (strings.length === 1) return strings[0]!;
  return v.replace(/\s+#.*$/, ''); // dates, inf/nan, ...: kept as text
}

function unescapeBasic(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return s.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)/g, (_, e: string) => {
    if (e[0] === 'u' || e[0] === 'U') { const c = parseInt(e.slice(1), 16); return c <= 0x10ffff ? String.fromCodePoint(c) : ''; }
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
  });
}

// ---- INI (Python configparser): [section], key = value or key: value, indented continuation lines.
// INI_SECTION and INI_PAIR live in sniff.ts, which recognises INI files by their first line.

export function parseIni(text: string): JsonValue {
  const root = Object.create(null) as { [k: string]: JsonValue };
  let section = root;
  let lastKey: string | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) { lastKey = null; continue; }
    if (/^\s/.test(raw) && lastKey !== null) {
      section[lastKey] = `${section[lastKey] as string}\n${line}`;
      continue;
    }
    const s = INI_SECTION.exec(line);
    if (s) {
      const name = s[1]!.trim();
      const existing = root[name];
      section = existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : (root[name] = Object.create(null) as { [k: string]: JsonValue }) as { [k: string]: JsonValue };
      lastKey = null;
      continue;
    }
    const p = INI_PAIR.exec(line);
    if (!p) throw new FormatError(`invalid INI on line ${i + 1}`);
    lastKey = p[1]!.trim();
    section[lastKey] = p[2] === undefined ? null : p[2].trim();
  }
  return root;
}
