// Chat templates (Jinja2). Sources: a template handed down by a container with hint 'jinja' (GGUF's
// tokenizer.chat_template; the config scanner's tokenizer_config.json / chat_template.json, whose
// `chat_template` is a string or a list of {name, template}); *.jinja / *.j2 files
// (chat_template.jinja is how transformers >= 4.43 saves one). Templates are parsed, never rendered.
import type { ScanContext, Scanner } from '../../types';
import { utf8 } from '../../io/text';
import { MAX_TEMPLATE_CHARS, parseTemplate } from './parse';
import { analyzeTemplate } from './analyze';
import { jinjaSniffer } from './sniff';

async function scan(ctx: ScanContext): Promise<void> {
  const size = ctx.source.size;
  const max = MAX_TEMPLATE_CHARS * 4;
  if (size > max) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${size}-byte template is above the ${max}-byte limit; it was not parsed` });
    ctx.limited('template above MAX_TEMPLATE_CHARS');
    return;
  }
  const text = utf8(await ctx.read(0, size)).replace(/^\uFEFF/, '');
  checkTemplate(ctx, text);
  // A URL or a secret in a template file is worth seeing; templates handed down (hint 'jinja') were
  // already inspected by their container with the rest of its strings.
  if (ctx.head.hint !== 'jinja') ctx.inspectString(text, { offset: 0 });
}

function checkTemplate(ctx: ScanContext, text: string): void {
  ctx.checkAborted();
  if (text.length > MAX_TEMPLATE_CHARS) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${text.length}-character chat template is above the ${MAX_TEMPLATE_CHARS}-character limit; it was not parsed` });
    ctx.limited('template above MAX_TEMPLATE_CHARS');
    return;
  }
  const parsed = parseTemplate(text);
  if (!parsed.ok) {
    if (parsed.limit) {
      ctx.report({ ruleId: 'scan/limit-reached', message: 'The chat template nests too deeply to parse' });
      ctx.limited('template nesting exhausted the parser');
    } else {
      ctx.report({ ruleId: 'jinja/unparseable', evidence: parsed.error.slice(0, 160),
        message: `The chat template does not parse: ${parsed.error.slice(0, 120)}` });
    }
    return;
  }
  const { hits, truncated } = analyzeTemplate(parsed.program, text);
  for (const h of hits) ctx.report({ ruleId: h.ruleId, message: h.message, evidence: h.evidence });
  if (truncated) ctx.limited('template AST above MAX_AST_NODES');
}

export const jinjaScanner: Scanner = { ...jinjaSniffer, scan };
