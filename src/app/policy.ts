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
