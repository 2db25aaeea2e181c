// Which nodes the config scanner takes, decided from the head alone. Kept apart from the parsers (YAML,
// TOML) so choosing a scanner never loads them (registry.ts: sniffs are eager, scan code is lazy).
import type { Head, Sniff, Sniffer } from '../../types';
import { latin1Text, looksLikeText } from '../../io/text';
import type { ConfigKind } from './parse';

export type ConfigState = { kind: ConfigKind };

/** Hint on the child a malformed config is handed back as, so the fallback sweep gets it, not this scanner. */
export const UNPARSED_HINT = 'config-unparsed';

const JSON_NAMES = new Set(['config.json', 'generation_config.json', 'adapter_config.json', 'preprocessor_config.json',
  'tokenizer_config.json', 'chat_template.json', 'processor_config.json']);
const EXTENSIONS = ['.yaml', '.yml', '.toml', '.ini', '.cfg'] as const;
/** Keys that only configs loaders act on carry: a JSON object mentioning them is a config by structure. */
const ACTIONABLE_KEYS = /"(?:auto_map|custom_pipelines|trust_remote_code|_target_|[A-Za-z_]*chat_template)"\s*:/;
export const INI_SECTION = /^\[([^\]\r\n]{1,256})\]\s*(?:[;#].*)?$/;
export const INI_PAIR = /^([^=:\s[][^=:]{0,255}?)\s*(?:[=:]\s*(.*))?$/;

function firstLine(text: string): string {
  for (const l of text.split(/\r?\n/, 64)) {
    const t = l.trim();
    if (t && !t.startsWith('#') && !t.startsWith(';')) return t;
  }
  return '';
}

function sniff(head: Head): Sniff<ConfigState> | null {
  if (head.hint === UNPARSED_HINT) return null;
  const name = head.name.toLowerCase();
  if (!looksLikeText(head.bytes)) return null;
  const text = latin1Text(head.bytes).replace(/^\xEF\xBB\xBF/, '');
  // sentence-transformers' modules.json is a JSON array whose entries name classes to import.
  if (name.split('/').pop() === 'modules.json' && /^\s*\[/.test(text)) return { confidence: 'structure', state: { kind: 'json' } };
  if (/^\s*\{/.test(text)) {
    // .cfg names no syntax: spaCy writes JSON there (nlp.to_disk: vocab/vectors.cfg, {"mode":"default"})
    if (JSON_NAMES.has(name) || ACTIONABLE_KEYS.test(text) || head.ext === '.cfg') return { confidence: 'structure', state: { kind: 'json' } };
    return null;
  }
  if (head.ext === '.yaml' || head.ext === '.yml') return { confidence: 'structure', state: { kind: 'yaml' } };
  const line = firstLine(text);
  if (head.ext === '.toml' && (line === '' || /^\[|^[\w"'.-]+\s*=/.test(line))) return { confidence: 'structure', state: { kind: 'toml' } };
  if ((head.ext === '.ini' || head.ext === '.cfg') && (line === '' || INI_SECTION.test(line) || (INI_PAIR.test(line) && /[=:]/.test(line)))) {
    return { confidence: 'structure', state: { kind: 'ini' } };
  }
  return null;
}

export const configSniffer: Sniffer<ConfigState> = { id: 'config', extensions: EXTENSIONS, sniff };
