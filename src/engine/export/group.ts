// Floods grouped for reading: one bomb or one tool can raise the same rule hundreds of times in one
// file (361 archive/compression-bomb findings drowned the rest of a 219-file folder). Readers (the
// app, the CLI's text output) show such a run as one line "rule × N" that opens to the findings;
// the JSON and SARIF exports keep every finding. Pure: no DOM, no Node.
import type { Finding } from '../types';

/** A rule raised this many times or more (at one severity, in one file) is shown as one group. */
export const FLOOD_MIN = 3;

export type FindingRow =
  | { kind: 'one'; finding: Finding }
  | { kind: 'group'; ruleId: string; severity: Finding['severity']; findings: Finding[] };

/**
 * The findings of one file as rows: a rule with FLOOD_MIN or more findings at one severity becomes one
 * group, placed where its first finding was; the others stay single. Order is otherwise kept.
 */
export function groupFindings(findings: readonly Finding[], min = FLOOD_MIN): FindingRow[] {
  const byKey = new Map<string, Finding[]>();
  const keyOf = (f: Finding) => `${f.ruleId}\u0000${f.severity}`;
  for (const f of findings) {
    const list = byKey.get(keyOf(f));
    if (list) list.push(f);
    else byKey.set(keyOf(f), [f]);
  }
  const rows: FindingRow[] = [];
  const placed = new Set<string>();
  for (const f of findings) {
    const k = keyOf(f);
    const list = byKey.get(k)!;
    if (list.length < min) { rows.push({ kind: 'one', finding: f }); continue; }
    if (placed.has(k)) continue;
    placed.add(k);
    rows.push({ kind: 'group', ruleId: f.ruleId, severity: f.severity, findings: list });
  }
  return rows;
}
