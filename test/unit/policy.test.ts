import { describe, expect, it } from 'vitest';
import { applyPolicy, baselineFingerprints, compileGlob, parsePolicy, type Policy } from '../../src/engine/policy';
import type { FileReport, Finding, ScanReport } from '../../src/engine';

function finding(ruleId: string, severity: Finding['severity'], path: string[]): Finding {
  return { ruleId: ruleId as Finding['ruleId'], severity, message: `${ruleId} here`, location: { path } };
}
function file(path: string, findings: Finding[]): FileReport {
  return { path, size: 10, format: 'pickle', status: 'issues', complete: true, findings,
    nodes: [{ path: [path], format: 'pickle', size: 10, status: 'scanned' }], durationMs: 1 };
}
function report(files: FileReport[]): ScanReport {
  return { schemaVersion: 1, tool: { name: 'modelgate', version: '0' }, startedAt: '2026-12-07T00:00:00Z', durationMs: 1,
    options: {}, summary: { files: files.length, critical: 0, warning: 0, info: 0, errors: 0 }, exitCode: 1, files };
}
function policy(text: string): Policy {
  const r = parsePolicy(text, '.modelgate.toml');
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

const legacy = () => report([file('models/legacy/old.pkl', [finding('pickle/dangerous-call', 'critical', ['models/legacy/old.pkl', 'data.pkl'])])]);

describe('policy file', () => {
  it('a suppressed CRITICAL no longer fails the run but stays in the report with its reason', () => {
    const p = policy(`[[suppress]]\nrule = "pickle/"\npaths = ["models/legacy/**"]\nreason = "reviewed: our own class"\n`);
    const out = applyPolicy(legacy(), { policy: p, today: '2026-12-07' });
    expect(out.exitCode).toBe(0);
    expect(out.files[0]!.status).toBe('clean');
    expect(out.files[0]!.findings[0]!.suppression).toEqual({ kind: 'policy', reason: 'reviewed: our own class', entry: 0 });
    expect(out.summary).toMatchObject({ critical: 0, suppressed: 1 });
    expect(out.policy!.suppress[0]).toMatchObject({ matched: 1, expired: false, line: 1 });
  });

  it('an expired suppression stops applying, fails again and says it expired', () => {
    const p = policy(`[[suppress]]\nrule = "pickle/dangerous-call"\nreason = "temporary"\nexpires = 2026-12-01\n`);
    const out = applyPolicy(legacy(), { policy: p, today: '2026-12-07' });
    expect(out.exitCode).toBe(1);
    expect(out.files[0]!.findings[0]!.suppression).toBeUndefined();
    expect(out.policy!.suppress[0]).toMatchObject({ expired: true, matched: 1, expires: '2026-12-01' });
  });

  it('a suppression on another path does not hide the finding', () => {
    const p = policy(`[[suppress]]\nrule = "pickle/dangerous-call"\npaths = ["models/new/*.pkl"]\nreason = "x"\n`);
    expect(applyPolicy(legacy(), { policy: p, today: '2026-12-07' }).exitCode).toBe(1);
  });

  it('a severity override lowers a rule below the gate and says why', () => {
    const p = policy(`[severity]\n"pickle/dangerous-call" = "info"\n`);
    const out = applyPolicy(legacy(), { policy: p, today: '2026-12-07' });
    expect(out.exitCode).toBe(0);
    expect(out.files[0]!.findings[0]!.severity).toBe('info');
    expect(out.files[0]!.findings[0]!.severityReason).toMatch(/sets pickle\/dangerous-call to info/);
  });

  it('fail-on critical lets a WARNING pass; --strict fails an unknown callable even at INFO', () => {
    const r = report([file('a.pkl', [finding('pickle/non-allowlisted-call', 'warning', ['a.pkl'])])]);
    expect(applyPolicy(r, { today: '2026-12-07' }).exitCode).toBe(1);
    expect(applyPolicy(r, { today: '2026-12-07', failOn: 'critical' }).exitCode).toBe(0);
    expect(applyPolicy(r, { today: '2026-12-07', failOn: 'critical', strict: true }).exitCode).toBe(1);
    const info = report([file('b.bin', [finding('file/unrecognized-format', 'info', ['b.bin'])])]);
    expect(applyPolicy(info, { today: '2026-12-07' }).exitCode).toBe(0);
    expect(applyPolicy(info, { today: '2026-12-07', strict: true }).exitCode).toBe(1);
    expect(applyPolicy(info, { today: '2026-12-07', failOn: 'info' }).exitCode).toBe(1);
  });

  it('a baseline accepts the findings it holds and fails only on a new one', () => {
    const old = legacy();
    const prints = baselineFingerprints(old);
    const now = report([...legacy().files, file('models/new.pkl', [finding('pickle/dangerous-call', 'critical', ['models/new.pkl'])])]);
    const out = applyPolicy(now, { today: '2026-12-07', baseline: { source: 'old.json', fingerprints: prints } });
    expect(out.exitCode).toBe(1);
    expect(out.files[0]!.findings[0]!.suppression?.kind).toBe('baseline');
    expect(out.files[1]!.findings[0]!.suppression).toBeUndefined();
    expect(out.baseline).toEqual({ source: 'old.json', matched: 1 });
    expect(applyPolicy(legacy(), { today: '2026-12-07', baseline: { source: 'old.json', fingerprints: prints } }).exitCode).toBe(0);
  });

  it('rejects unknown keys, rule ids, scanner ids and bad globs with their line', () => {
    const text = 'fail-on = "warning"\nfial-on = "x"\n[[suppress]]\nrule = "pickle/nope"\npaths = ["a/[b"]\n\n[scanners]\nexclude = ["nope"]\n';
    const r = parsePolicy(text, 'p.toml');
    expect('errors' in r).toBe(true);
    const errors = (r as { errors: Array<{ line?: number; message: string }> }).errors;
    expect(errors.map((e) => e.line)).toEqual([2, 4, 3, 5, 8]);
    expect(errors[0]!.message).toMatch(/unknown key "fial-on"/);
    expect(errors[1]!.message).toMatch(/unknown rule id "pickle\/nope"/);
    expect(errors[2]!.message).toMatch(/needs a reason/);
    expect(errors[3]!.message).toMatch(/bad glob "a\/\[b"/);
    expect(errors[4]!.message).toMatch(/unknown scanner id "nope"/);
    const syntax = parsePolicy('a = = 1\n', 'p.toml');
    expect((syntax as { errors: Array<{ line?: number }> }).errors[0]!.line).toBe(1);
    expect(parsePolicy('[[suppress]]\nrule = "pickle/"\n', 'p.toml')).toMatchObject({ errors: [{ line: 1, message: expect.stringMatching(/reason/) }] });
  });

  it('reads [tool.modelgate] from pyproject.toml', () => {
    const r = parsePolicy('[project]\nname = "x"\n[tool.modelgate]\nfail-on = "critical"\n[[tool.modelgate.suppress]]\nrule = "strings/"\nreason = "docs"\n', 'pyproject.toml', { pyproject: true });
    expect(r).toMatchObject({ policy: { failOn: 'critical', suppress: [{ rule: 'strings/', reason: 'docs', line: 5 }] } });
  });

  it('[limits] take sizes with units ("20GB", "512MiB") and durations ("30s", "5m"), or plain numbers', () => {
    const p = policy('[limits]\nmax-file-size = "20GB"\nmax-total-size = "512MiB"\ntimeout = "5m"\nstats-sample-bytes = 65536\n');
    expect(p.limits).toEqual({ maxFileSize: 20e9, maxTotalSize: 512 * 1024 ** 2, timeout: 300, statsSampleBytes: 65536 });
    expect(policy('[limits]\ntimeout = "30s"\n').limits.timeout).toBe(30);
    expect(policy('[limits]\ntimeout = 1.5\n').limits.timeout).toBe(1.5);
  });

  it('[limits] with an unknown unit or a negative number is an error on its line', () => {
    const r = parsePolicy('fail-on = "warning"\n[limits]\nmax-file-size = "10GiBs"\ntimeout = "5 fortnights"\nmax-total-size = -1\n', 'p.toml');
    const errors = (r as { errors: Array<{ line?: number; message: string }> }).errors;
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(errors[0]!.message).toMatch(/max-file-size: unknown unit "GiBs" in "10GiBs" \(use B, KB.*MiB/);
    expect(errors[1]!.message).toMatch(/timeout: unknown unit "fortnights".*\(use ms, s, m \(minutes\) or h\)/);
    expect(errors[2]!.message).toMatch(/max-total-size must be a non-negative size/);
    expect((parsePolicy('[limits]\ntimeout = true\n', 'p.toml') as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/timeout must be a duration such as 120, "30s" or "5m"/);
  });

  it('globs: ** spans directories, * stays in one', () => {
    const g = compileGlob('models/**/*.pkl') as RegExp;
    expect(g.test('models/a.pkl')).toBe(true);
    expect(g.test('models/x/y/a.pkl')).toBe(true);
    expect(g.test('other/a.pkl')).toBe(false);
    expect((compileGlob('*.pkl') as RegExp).test('a/b.pkl')).toBe(false);
  });
});
