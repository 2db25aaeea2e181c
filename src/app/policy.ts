// The app's side of the team policy: the same .modelgate.toml the CLI reads, parsed and hashed here,
// applied to the finished report by the engine's pure applyPolicy (the CLI uses the same function).
import { applyPolicy, formatPolicyError, fromBytes, parsePolicy, sha256Of, todayUtc, type Policy, type ScanReport } from '../engine';

export async function readPolicyFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<{ policy: Policy } | { error: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = parsePolicy(new TextDecoder().decode(bytes), file.name, { pyproject: /(^|\/)pyproject\.toml$/.test(file.name) });
  if ('errors' in parsed) return { error: parsed.errors.map(formatPolicyError).join('\n') };
  const sha256 = await sha256Of(fromBytes(bytes, file.name));
  if (sha256) parsed.policy.sha256 = sha256;
  return { policy: parsed.policy };
}

/** The report as the policy judges it (or as it is, without a policy). */
export function withPolicy(report: ScanReport, policy: Policy | null, now = new Date()): ScanReport {
  return policy ? applyPolicy(report, { policy, today: todayUtc(now) }) : report;
}

type PolicyCandidate = { file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }; path: string };

const depth = (path: string) => path.split('/').length;
const TOOL_SECTION = /^\s*\[\[?\s*tool\.modelgate\b/m; // the CLI's test for a pyproject.toml (cli/policy-file.ts)

/**
 * A policy dropped with the models: a `.modelgate.toml`, or a `pyproject.toml` holding [tool.modelgate],
 * among the dropped files. Such files are taken out of the scan (they are configuration, not models) and
 * the shallowest one, the folder root's as the CLI would find it from there, is the policy; at equal
 * depth `.modelgate.toml` wins, as in the CLI's search. A pyproject.toml without the section is scanned
 * like any other file.
 */
export async function splitDroppedPolicy<T extends PolicyCandidate>(files: readonly T[]): Promise<{ policy?: T; rest: T[] }> {
  const policies: T[] = [];
  const rest: T[] = [];
  for (const f of files) {
    const name = f.path.split('/').at(-1);
    if (name === '.modelgate.toml') policies.push(f);
    else if (name === 'pyproject.toml' && TOOL_SECTION.test(new TextDecoder().decode(await f.file.arrayBuffer()))) policies.push(f);
    else rest.push(f);
  }
  policies.sort((a, b) => depth(a.path) - depth(b.path) || Number(b.path.endsWith('.modelgate.toml')) - Number(a.path.endsWith('.modelgate.toml')));
  return { policy: policies[0], rest };
}
