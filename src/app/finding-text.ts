// Plain helpers behind a finding's details (no Svelte, no DOM): the rule's references, the finding as
// a plain-text block for "Copy as text", and a classic hex + ASCII dump of the bytes around an offset.
// Everything taken from a file (message, path, pointer, evidence, bytes) stays text: nothing here
// builds markup.
import type { Finding, RuleDef } from '../engine';
import { SEVERITY_LABEL } from './format';
import { tidyMessage } from '../engine/export/message';

export { tidyMessage };

export interface RuleRef {
  /** The id as shown: "CWE-502", "CVE-2024-3660", "GHSA-xxxx-xxxx-xxxx", "S201". */
  id: string;
  /** A public page about it, for ids that have one (opened only when the user follows it). */
  url?: string;
}

// The catalogue is ours, but a link is built only from an id of the expected shape.
const CVE = /^CVE-\d{4}-\d{4,7}$/;
const GHSA = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/;

/** CWE, CVE and alias ids of a rule (aliases: ModelAudit S-codes, GHSA ids), in that order. */
export function ruleRefs(rule: RuleDef | null | undefined): RuleRef[] {
  if (!rule) return [];
  const out: RuleRef[] = [];
  for (const n of rule.cwe ?? []) {
    if (Number.isSafeInteger(n) && n > 0) out.push({ id: `CWE-${n}`, url: `https://cwe.mitre.org/data/definitions/${n}.html` });
  }
  for (const id of rule.cve ?? []) out.push(CVE.test(id) ? { id, url: `https://www.cve.org/CVERecord?id=${id}` } : { id });
  for (const id of rule.aliases ?? []) out.push(GHSA.test(id) ? { id, url: `https://github.com/advisories/${id}` } : { id });
  return out;
}

/** Indents every line of a (possibly multi-line) value under its label. */
function block(label: string, value: string): string[] {
  return [`${label}:`, ...value.split(/\r\n|\r|\n/).map((l) => `  ${l}`)];
}

/**
 * The finding as plain text for the clipboard or a ticket: file, severity, rule, message, location,
 * evidence, the rule's explanation and remediation, and its references.
 */
export function findingText(filePath: string, f: Finding, rule: RuleDef | null | undefined): string {
  const lines: string[] = [];
  lines.push(`File: ${filePath}`);
  lines.push(`Severity: ${SEVERITY_LABEL[f.severity]}${f.severityReason ? ` (${f.severityReason})` : ''}`);
  lines.push(`Rule: ${f.ruleId}${rule ? ` - ${rule.title}` : ''}`);
  lines.push(`Message: ${tidyMessage(f.message)}`);
  lines.push(`Location: ${f.location.path.join(' > ')}`);
  if (f.location.offset !== undefined) lines.push(`Offset: ${f.location.offset} (0x${f.location.offset.toString(16)})`);
  if (f.location.pointer !== undefined) lines.push(`Pointer: ${f.location.pointer}`);
  if (f.evidence !== undefined) lines.push(...block('Evidence', f.evidence));
  if (rule) {
    lines.push(...block('Why it matters', rule.explanation));
    lines.push(...block('What to do', rule.remediation));
  }
  const refs = ruleRefs(rule);
  if (refs.length) lines.push(`References: ${refs.map((r) => r.id).join(', ')}`);
  return lines.join('\n') + '\n';
}

/** Bytes per dump row. */
export const HEX_ROW = 16;

export interface HexRow {
  /** Offset of the row's first byte in the node. */
  offset: number;
  /** "4d 5a 90 00 ..." padded to a full row, with an extra space after the 8th byte. */
  hex: string;
  /** Printable ASCII as itself, everything else as '.'. */
  ascii: string;
  /** The row holds the offset the finding points at. */
  marked: boolean;
}

/**
 * Rows of a hex dump of `bytes`, which start at `start` in the node; rows are aligned on 16-byte
 * boundaries of the node, so the first row may begin with blanks.
 */
export function hexRows(bytes: Uint8Array, start: number, mark?: number): HexRow[] {
  const rows: HexRow[] = [];
  const end = start + bytes.length;
  for (let row = start - (start % HEX_ROW); row < end; row += HEX_ROW) {
    const hex: string[] = [];
    let ascii = '';
    for (let k = 0; k < HEX_ROW; k++) {
      const at = row + k;
      if (at < start || at >= end) { hex.push('  '); ascii += ' '; continue; }
      const b = bytes[at - start]!;
      hex.push(b.toString(16).padStart(2, '0'));
      ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
    }
    rows.push({
      offset: row,
      hex: `${hex.slice(0, 8).join(' ')}  ${hex.slice(8).join(' ')}`,
      ascii,
      marked: mark !== undefined && mark >= row && mark < row + HEX_ROW,
    });
  }
  return rows;
}

/** A row's offset as 8 hex digits (more when the node is larger than 4 GiB). */
export function hexOffset(n: number): string {
  return n.toString(16).padStart(8, '0');
}
