// Shared string detectors: every format hands untrusted strings here through ctx.inspectString
// (metadata values, member names, chat templates, text files). Each hit names what was found; the
// orchestrator adds the location and clips the evidence.
//
// Layers: code patterns (shell, Python, script markup; detectors/patterns.ts), URLs and IPs
// (detectors/network.ts), encoded payloads judged by what they decode to (detectors/encoded.ts),
// escape runs. Decoded text goes through the code layers again, at most MAX_DECODE_LEVEL deep.
import type { RuleId } from '../rules';
import type { Severity } from '../types';
import { CODE_PATTERNS, type StringPattern } from './patterns';
import { findIpAddresses, findUrls } from './network';
import { MAX_DECODE_LEVEL, findEncodedPayloads, findEscapeRun, unescapeText } from './encoded';
import { findSecrets } from './secrets';

export interface StringHit {
  ruleId: RuleId;
  message: string;
  evidence: string;
  severity?: Severity;
  severityReason?: string;
}

/** Matches a pattern may reject (accept() false) before it gives up: bounds work on hostile text. */
const MAX_REJECTED_MATCHES = 1000;
/** Context kept around a match for evidence (the orchestrator clips the total). */
const EVIDENCE_BEFORE = 30;
const EVIDENCE_AFTER = 90;

const PREFIX: Partial<Record<RuleId, string>> = {
  'strings/shell-command': 'Shell command',
  'strings/python-code': 'Python code',
  'strings/script-markup': 'Script markup',
};

function firstMatch(p: StringPattern, text: string): RegExpExecArray | null {
  p.re.lastIndex = 0;
  let rejected = 0;
  for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
    if (!p.accept || p.accept(m)) return m;
    if (++rejected >= MAX_REJECTED_MATCHES) return null;
    if (m[0].length === 0) p.re.lastIndex++;
  }
  return null;
}

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - EVIDENCE_BEFORE);
  const end = Math.min(text.length, index + length + EVIDENCE_AFTER);
  return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
}

/** Shell, Python and markup patterns: one hit per pattern; weak ones only when nothing strong hit. */
function codeHits(text: string): StringHit[] {
  const strong: StringHit[] = [];
  const weak: Array<{ hit: StringHit; rule: RuleId }> = [];
  for (const p of CODE_PATTERNS) {
    const m = firstMatch(p, text);
    if (!m) continue;
    const hit: StringHit = {
      ruleId: p.ruleId,
      message: `${PREFIX[p.ruleId] ?? 'Code'}: ${p.what}`,
      evidence: excerpt(text, m.index, m[0].length),
    };
    if (p.weak) {
      hit.severity = p.weak.severity;
      hit.severityReason = p.weak.reason;
      weak.push({ hit, rule: p.ruleId });
    } else {
      strong.push(hit);
    }
  }
  for (const w of weak) if (!strong.some((s) => s.ruleId === w.rule)) strong.push(w.hit);
  return strong;
}

/** Hits that say "this text is code" (what a decoded blob must show to count as a payload). */
function isCodeVerdict(h: StringHit): boolean {
  return h.severity === undefined && h.ruleId !== 'strings/url' && h.ruleId !== 'strings/url-known-host'
    && h.ruleId !== 'strings/ip-address' && h.ruleId !== 'strings/escaped-text';
}

function describeCode(text: string, level: number): string[] {
  return inspect(text, level).filter(isCodeVerdict).map((h) => h.message);
}

function inspect(text: string, level: number): StringHit[] {
  if (text.length === 0) return [];
  const hits = codeHits(text);
  if (level === 0) hits.push(...findUrls(text), ...findIpAddresses(text), ...findSecrets(text));
  if (level < MAX_DECODE_LEVEL) {
    hits.push(...findEncodedPayloads(text, level, describeCode));
    const run = findEscapeRun(text);
    if (run) {
      if (level === 0) {
        hits.push({ ruleId: 'strings/escaped-text', message: 'Text written as \\x/\\u escape sequences',
          evidence: excerpt(text, run[0], run[1] - run[0]) });
      }
      // What the escapes hide counts only when the plain text did not already say it.
      const known = new Set(hits.map((h) => h.message));
      const hidden = describeCode(unescapeText(text), level + 1).filter((l) => !known.has(l));
      if (hidden.length) {
        hits.push({ ruleId: 'strings/encoded-payload', message: `Escaped text decodes to ${hidden.slice(0, 3).join('; ')}`,
          evidence: excerpt(text, run[0], run[1] - run[0]) });
      }
    }
  }
  return hits;
}

/** Runs every string detector over one untrusted string. Pure; linear in the text's length. */
export function inspectText(text: string): StringHit[] {
  return inspect(text, 0);
}
