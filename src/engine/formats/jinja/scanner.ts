// Chat templates (Jinja2). Sources: a template handed down by a container (GGUF's
// tokenizer.chat_template, hint 'jinja'); *.jinja / *.j2 files (chat_template.jinja is how
// transformers ≥ 4.43 saves one); and the JSON files transformers reads them from:
// tokenizer_config.json and chat_template.json, field `chat_template` (a string, or a list of
// {name, template} for several named templates). Templates are parsed, never rendered.
import { FormatError, type Head, type JsonValue, type ScanContext, type Scanner, type Sniff } from '../../types';
import { isJsonObject, parseJson, pointerToken } from '../../io/json';
import { latin1Text, looksLikeText, utf8 } from '../../io/text';
import { MAX_TEMPLATE_CHARS, parseTemplate, templatesOf } from './parse';
import { analyzeTemplate } from './analyze';

type JinjaState = { kind: 'text' | 'json' };

const EXTENSIONS = ['.jinja', '.j2', '.jinja2'] as const;
/** JSON files transformers reads chat templates from. */
const JSON_NAMES = new Set(['tokenizer_config.json', 'chat_template.json']);
/** Generic template extensions: claimed only when the head shows Jinja delimiters. */
const TEMPLATE_EXTENSIONS = new Set(['.template', '.tmpl', '.tpl']);

function sniff(head: Head): Sniff<JinjaState> | null {
  if (head.hint === 'jinja') return { confidence: 'magic', state: { kind: 'text' } };
  const name = head.name.toLowerCase();
  const text = latin1Text(head.bytes.subarray(0, 4096));
  const isJson = /^\uFEFF?\s*\{/.test(text) || /^\xEF\xBB\xBF\s*\{/.test(text);
  if (isJson) {
    // By structure: a top-level key naming a chat template near the start (tokenizer_config.json
    // keeps it among short scalar fields). Other JSON files (configs, indexes, samples) are left alone.
    if (/"[A-Za-z_]*chat_template"\s*:/.test(latin1Text(head.bytes))) return { confidence: 'structure', state: { kind: 'json' } };
    if (JSON_NAMES.has(name)) return { confidence: 'name', state: { kind: 'json' } };
  }
  if ((EXTENSIONS as readonly string[]).includes(head.ext)) return { confidence: 'name', state: { kind: 'text' } };
  if (TEMPLATE_EXTENSIONS.has(head.ext) && looksLikeText(head.bytes) && /\{\{|\{%/.test(text)) {
    return { confidence: 'name', state: { kind: 'text' } };
  }
  return null;
}

async function scan(ctx: ScanContext<JinjaState>): Promise<void> {
  const size = ctx.source.size;
  const kind = ctx.state?.kind ?? 'text';
  const max = kind === 'json' ? ctx.budget.limits.maxJsonHeaderBytes : MAX_TEMPLATE_CHARS * 4;
  if (size > max) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte ${kind === 'json' ? 'JSON file' : 'template'} is above the ${max}-byte limit; it was not parsed` });
    ctx.limited(kind === 'json' ? 'JSON above maxJsonHeaderBytes' : 'template above MAX_TEMPLATE_CHARS');
    return;
  }
  const bytes = await ctx.read(0, size);
  if (kind === 'text') {
    checkTemplate(ctx, utf8(bytes).replace(/^\uFEFF/, ''), undefined);
    return;
  }
  const doc = parseJson(bytes, { maxDepth: ctx.budget.limits.maxJsonDepth });
  const root = doc.value;
  if (!isJsonObject(root)) throw new FormatError('the chat template JSON is not an object', 0);
  const { found, odd } = templatesOf(root);
  for (const pointer of odd) {
    ctx.report({ ruleId: 'jinja/unparseable', pointer, message: `The chat template at ${pointer} is not a string, so it could not be checked` });
  }
  for (const d of doc.duplicates) {
    if (/^\/[A-Za-z_]*chat_template$/.test(d.pointer)) {
      ctx.report({ ruleId: 'jinja/unparseable', pointer: d.pointer, offset: d.offset,
        message: `The JSON repeats the key ${d.pointer}; loaders disagree on which template wins, only the last was checked` });
    }
  }
  ctx.note('templates', found.map((t) => t.pointer));
  for (const t of found) checkTemplate(ctx, t.text, t.pointer);
  inspectStrings(ctx, root, '', 0);
}

function checkTemplate(ctx: ScanContext<JinjaState>, text: string, pointer: string | undefined): void {
  ctx.checkAborted();
  const where = pointer ?? 'the template';
  if (text.length > MAX_TEMPLATE_CHARS) {
    ctx.report({ ruleId: 'scan/limit-reached', pointer, message: `The ${text.length}-character chat template at ${where} is above the ${MAX_TEMPLATE_CHARS}-character limit; it was not parsed` });
    ctx.limited('template above MAX_TEMPLATE_CHARS');
    return;
  }
  const parsed = parseTemplate(text);
  if (!parsed.ok) {
    if (parsed.limit) {
      ctx.report({ ruleId: 'scan/limit-reached', pointer, message: `The chat template at ${where} nests too deeply to parse` });
      ctx.limited('template nesting exhausted the parser');
    } else {
      ctx.report({ ruleId: 'jinja/unparseable', pointer, evidence: parsed.error.slice(0, 160),
        message: `The chat template at ${where} does not parse: ${parsed.error.slice(0, 120)}` });
    }
    return;
  }
  const { hits, truncated } = analyzeTemplate(parsed.program, text);
  for (const h of hits) ctx.report({ ruleId: h.ruleId, pointer, message: h.message, evidence: h.evidence });
  if (truncated) ctx.limited('template AST above MAX_AST_NODES');
}

/** Nesting of the JSON walked for strings; tokenizer configs are shallow (added_tokens_decoder: 3). */
const MAX_STRING_WALK_DEPTH = 8;

/** Other strings of the JSON go to the shared detectors (secrets, URLs), as for any config. Templates
 * themselves too: a URL in a template is worth seeing. */
function inspectStrings(ctx: ScanContext<JinjaState>, v: JsonValue, pointer: string, depth: number): void {
  if (typeof v === 'string') { ctx.inspectString(v, { pointer }); return; }
  if (depth >= MAX_STRING_WALK_DEPTH || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) { v.forEach((x, i) => inspectStrings(ctx, x, `${pointer}/${i}`, depth + 1)); return; }
  for (const k of Object.keys(v)) inspectStrings(ctx, v[k]!, `${pointer}/${pointerToken(k)}`, depth + 1);
}

export const jinjaScanner: Scanner<JinjaState> = {
  id: 'jinja',
  extensions: EXTENSIONS,
  sniff,
  scan,
};
