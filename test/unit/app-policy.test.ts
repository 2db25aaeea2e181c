// The app's "Load policy…": the same .modelgate.toml as the CLI, hashed, applied to the finished report.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readPolicyFile, withPolicy } from '../../src/app/policy';
import { fileReport, scanReport } from '../../src/engine';
import { validateReport } from '../../src/app/report-file';

const TEXT = '[[suppress]]\nrule = "pickle/dangerous-call"\nreason = "reviewed"\n';
const file = (name: string, text: string) => ({ name, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });

describe('app policy', () => {
  it('a loaded policy suppresses a CRITICAL in the downloaded report, records its SHA-256, and the report reader accepts it', async () => {
    const loaded = await readPolicyFile(file('.modelgate.toml', TEXT));
    if (!('policy' in loaded)) throw new Error(loaded.error);
    expect(loaded.policy.sha256).toBe(createHash('sha256').update(TEXT).digest('hex'));
    const report = scanReport([fileReport({ path: 'a.pkl', size: 1, durationMs: 0, verbose: false,
      findings: [{ ruleId: 'pickle/dangerous-call', severity: 'critical', message: 'calls os.system', location: { path: ['a.pkl'] } }],
      nodes: [{ path: ['a.pkl'], format: 'pickle', size: 1, status: 'scanned' }] })], { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    expect(report.exitCode).toBe(1);
    const judged = withPolicy(report, loaded.policy);
    expect(judged.exitCode).toBe(0);
    expect(judged.files[0]!.findings[0]!.suppression?.reason).toBe('reviewed');
    expect(validateReport(JSON.parse(JSON.stringify(judged)))).toMatchObject({ ok: true });
  });

  it('a policy with a typo is refused with its line', async () => {
    expect(await readPolicyFile(file('.modelgate.toml', 'fail_on = "x"\n'))).toEqual({ error: expect.stringMatching(/^\.modelgate\.toml:1: unknown key "fail_on"/) });
  });
});
