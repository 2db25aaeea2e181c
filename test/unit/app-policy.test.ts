// The app's "Load policy…": the same .modelgate.toml as the CLI, hashed, applied to the finished report.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readPolicyFile, splitDroppedPolicy, withPolicy } from '../../src/app/policy';
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

  it('a .modelgate.toml dropped with the models is the policy, is not scanned, and suppresses the CRITICAL', async () => {
    const dropped = [
      { path: 'models/a.pkl', file: file('a.pkl', 'x') },
      { path: 'models/.modelgate.toml', file: file('.modelgate.toml', TEXT) },
      { path: 'models/sub/.modelgate.toml', file: file('.modelgate.toml', 'fail-on = "info"\n') },
      { path: 'models/pyproject.toml', file: file('pyproject.toml', '[project]\nname = "x"\n') },
    ];
    const { policy, rest } = await splitDroppedPolicy(dropped);
    expect(policy?.path).toBe('models/.modelgate.toml');
    expect(rest.map((r) => r.path)).toEqual(['models/a.pkl', 'models/pyproject.toml']);
    const loaded = await readPolicyFile({ name: policy!.path, arrayBuffer: () => policy!.file.arrayBuffer() });
    if (!('policy' in loaded)) throw new Error(loaded.error);
    const report = scanReport([fileReport({ path: 'models/a.pkl', size: 1, durationMs: 0, verbose: false,
      findings: [{ ruleId: 'pickle/dangerous-call', severity: 'critical', message: 'calls os.system', location: { path: ['models/a.pkl'] } }],
      nodes: [{ path: ['models/a.pkl'], format: 'pickle', size: 1, status: 'scanned' }] })], { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    expect(withPolicy(report, loaded.policy).exitCode).toBe(0);
  });

  it('a pyproject.toml with [tool.modelgate] dropped with the models is the policy', async () => {
    const py = '[project]\nname = "x"\n\n[[tool.modelgate.suppress]]\nrule = "pickle/dangerous-call"\nreason = "ok"\n';
    const { policy, rest } = await splitDroppedPolicy([{ path: 'r/pyproject.toml', file: file('pyproject.toml', py) }, { path: 'r/m.pkl', file: file('m.pkl', 'x') }]);
    expect(policy?.path).toBe('r/pyproject.toml');
    expect(rest).toHaveLength(1);
    const loaded = await readPolicyFile({ name: policy!.path, arrayBuffer: () => policy!.file.arrayBuffer() });
    expect(loaded).toHaveProperty('policy');
  });
});
