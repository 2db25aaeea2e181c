// Chat templates → AST with @huggingface/jinja's lexer and parser (the engine transformers.js uses to
// render chat templates). Only tokenize() and parse() are called: a template is never rendered.
// The AST carries no source positions, so evidence is reconstructed from it (print.ts).
import { parse, tokenize } from '@huggingface/jinja';
import { isJsonObject, pointerToken } from '../../io/json';
import type { JsonValue } from '../../types';
import { rewriteForParser } from './rewrite';

/** Longest template parsed. Real chat templates are under 20 KB (the longest public ones, with tool
 * calling, reach ~15 KB); the parser is recursive and linear-ish, this bounds its CPU and memory. */
export const MAX_TEMPLATE_CHARS = 1024 * 1024;

/** The parser's root node; its subpath types are not exported by the package. */
export type Program = ReturnType<typeof parse>;

/** `rewritten`: the Jinja2 constructs rewrite.ts turned into equivalents the parser reads (none: parsed as written). */
export type ParsedTemplate = { ok: true; program: Program; rewritten: string[] } | { ok: false; error: string; limit: boolean };

/**
 * Tokenizes and parses one template. Errors are data: a template that does not parse is a finding.
 * A template the parser rejects is tried once more with the Jinja2 constructs it lacks rewritten
 * (raw blocks, empty and one-element tuples: rewrite.ts); if that fails too, the first error stands.
 */
export function parseTemplate(text: string): ParsedTemplate {
  const first = parseAsWritten(text);
  if (first.ok || first.limit) return first;
  const { text: rewritten, constructs } = rewriteForParser(text);
  if (constructs.length === 0) return first;
  const second = parseAsWritten(rewritten);
  return second.ok ? { ...second, rewritten: constructs } : first;
}

function parseAsWritten(text: string): ParsedTemplate {
  try {
    return { ok: true, program: parse(tokenize(text)), rewritten: [] };
  } catch (e) {
    // A RangeError is the recursive parser running out of stack on absurd nesting: a limit, not a verdict.
    const limit = e instanceof RangeError;
    return { ok: false, error: e instanceof Error ? e.message : String(e), limit };
  }
}

/** A template found in a JSON document, with its RFC 6901 pointer. */
export interface FoundTemplate { pointer: string; text: string; name?: string }

/** Keys whose value is a chat template: transformers' `chat_template`, and variants such as
 * `custom_chat_template` that other loaders or hand-made configs use. */
export function isTemplateKey(key: string): boolean {
  return /chat_template$/i.test(key);
}

/**
 * Templates in a tokenizer_config.json / chat_template.json root object. transformers writes
 * `chat_template` as a string, or (several named templates) a list of {name, template}; a mapping
 * name → template is accepted too. Values of other types are returned as problems.
 */
export function templatesOf(root: { [k: string]: JsonValue }): { found: FoundTemplate[]; odd: string[] } {
  const found: FoundTemplate[] = [];
  const odd: string[] = [];
  for (const key of Object.keys(root)) {
    if (!isTemplateKey(key)) continue;
    const base = `/${pointerToken(key)}`;
    const v = root[key]!;
    if (typeof v === 'string') { found.push({ pointer: base, text: v }); continue; }
    if (v === null) continue;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (isJsonObject(item) && typeof item.template === 'string') {
          found.push({ pointer: `${base}/${i}/template`, text: item.template, name: typeof item.name === 'string' ? item.name : undefined });
        } else if (typeof item === 'string') {
          found.push({ pointer: `${base}/${i}`, text: item });
        } else {
          odd.push(`${base}/${i}`);
        }
      });
      continue;
    }
    if (isJsonObject(v)) {
      for (const name of Object.keys(v)) {
        const t = v[name];
        if (typeof t === 'string') found.push({ pointer: `${base}/${pointerToken(name)}`, text: t, name });
        else odd.push(`${base}/${pointerToken(name)}`);
      }
      continue;
    }
    odd.push(base);
  }
  return { found, odd };
}
