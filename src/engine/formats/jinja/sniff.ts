// Which nodes the jinja scanner takes, from the head alone (kept apart from the template parser so the
// registry can choose without loading it).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text, looksLikeText } from '../../io/text';

const EXTENSIONS = ['.jinja', '.j2', '.jinja2'] as const;
/** Generic template extensions: claimed only when the head shows Jinja delimiters. */
const TEMPLATE_EXTENSIONS = new Set(['.template', '.tmpl', '.tpl']);

function sniff(head: Head): Sniff | null {
  if (head.hint === 'jinja') return { confidence: 'magic' };
  if ((EXTENSIONS as readonly string[]).includes(head.ext)) return { confidence: 'name' };
  if (TEMPLATE_EXTENSIONS.has(head.ext) && looksLikeText(head.bytes) && /\{\{|\{%/.test(latin1Text(head.bytes.subarray(0, 4096)))) {
    return { confidence: 'name' };
  }
  return null;
}

export const jinjaSniffer: Sniffer = { id: 'jinja', extensions: EXTENSIONS, sniff };
