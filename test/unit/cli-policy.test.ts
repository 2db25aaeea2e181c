// The CLI as a CI gate: policy file, suppressions, expiry, baselines, fail levels, shards and merge,
// JSONL, GitHub annotations, rules and scanner listing. Each test builds the repository layout it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { inShard } from '../../src/cli/shard';
import type { ScanReport } from '../../src/engine';
import { reportProblems } from '../helpers/schema';
import { sarifProblems } from '../helpers/sarif-schema';

/** Protocol-0 pickle that calls os.system on load. */
const EVIL = "cos\nsystem\n(S'echo pwned'\ntR.";
let base: string;

function repo(name: string, files: Record<string, string>): string {
  const dir = join(base, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

async function cli(cwd: string, argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => { stdout += s; } }, stderr: { write: (s: string) => { stderr += s; } }, env, cwd });
  return { code, stdout, stderr };
}

beforeAll(() => { base = mkdtempSync(join(tmpdir(), 'mg-policy-')); });
afterAll(() => rmSync(base, { recursive: true, force: true }));

const SUPPRESS = `fail-on = "warning"
[[suppress]]
rule = "pickle/"
paths = ["models/legacy/**"]
reason = "reviewed 2026-12: our own class"
`;

describe('policy file', () => {
  it('a suppressed CRITICAL no longer fails the run, and the report keeps it with its reason and the policy hash', async () => {
    const dir = repo('suppressed', { '.modelgate.toml': SUPPRESS, 'models/legacy/old.pkl': EVIL });
    const r = await cli(dir, ['scan', '--format', 'json', '--no-progress', 'models']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ScanReport;
    const f = report.files[0]!.findings.find((x) => x.severity === 'critical')!;
    expect(f.suppression).toMatchObject({ kind: 'policy', reason: 'reviewed 2026-12: our own class' });
    expect(report.policy!.sha256).toBe(createHash('sha256').update(SUPPRESS).digest('hex'));
    expect(report.policy!.suppress[0]!.matched).toBeGreaterThan(0);
    expect(report.summary.critical).toBe(0);
    expect(report.summary.suppressed).toBeGreaterThan(0);
    expect(reportProblems(report)).toEqual([]);
    const text = await cli(dir, ['scan', '--no-progress', 'models']);
    expect(text.stdout).toMatch(/suppressed by the policy/);
    expect(text.stdout).toMatch(/suppressed\s+\d+/);
  });

  it('SARIF carries the suppression natively (kind external, the reason as justification) and stays schema-valid', async () => {
    const dir = join(base, 'suppressed');
    const r = await cli(dir, ['scan', '--format', 'sarif', '--no-progress', 'models']);
    const log = JSON.parse(r.stdout);
    const critical = log.runs[0].results.find((x: { level: string }) => x.level === 'error');
    expect(critical.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'reviewed 2026-12: our own class' }]);
    expect(await sarifProblems(log)).toEqual([]);
  });

  it('an expired suppression fails the run again and says it expired', async () => {
    const dir = repo('expired', { '.modelgate.toml': SUPPRESS + 'expires = 2026-01-31\n', 'models/legacy/old.pkl': EVIL });
    const r = await cli(dir, ['scan', '--no-progress', 'models']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\.modelgate\.toml:2: the suppression of pickle\/ expired on 2026-01-31/);
  });

  it('an unknown rule id in the policy stops the run with exit 2 and the line', async () => {
    const dir = repo('badpolicy', { '.modelgate.toml': 'fail-on = "warning"\n[severity]\n"pickle/no-such-rule" = "info"\n', 'a.pkl': EVIL });
    const r = await cli(dir, ['scan', 'a.pkl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.modelgate\.toml:3: \[severity\]: unknown rule id "pickle\/no-such-rule"/);
  });

  it('finds [tool.modelgate] in pyproject.toml upward; --config and --no-config override it', async () => {
    const dir = repo('pyproj', {
      'pyproject.toml': '[project]\nname = "m"\n[tool.modelgate]\nfail-on = "critical"\n[severity]\n',
      'sub/models/a.pkl': EVIL,
      'strict.toml': '[severity]\n"pickle/dangerous-call" = "info"\n',
    });
    // [severity] here is a top-level table of pyproject, not modelgate's: it is ignored.
    const found = await cli(join(dir, 'sub'), ['scan', '--format', 'json', 'models']);
    expect((JSON.parse(found.stdout) as ScanReport).policy?.failOn).toBe('critical');
    const viaConfig = await cli(dir, ['scan', '--config', 'strict.toml', 'sub/models/a.pkl']);
    expect(viaConfig.code).toBe(0);
    const none = await cli(dir, ['scan', '--no-config', '--format', 'json', 'sub/models/a.pkl']);
    expect((JSON.parse(none.stdout) as ScanReport).policy).toBeUndefined();
  });
});

describe('fail levels, strict, baselines', () => {
  it('a policy limit with a bad unit stops the run with exit 2 and the line; a good one applies', async () => {
    const dir = repo('limits', { '.modelgate.toml': '[limits]\nmax-file-size = "10 parsecs"\n', 'm/big.pkl': 'x'.repeat(2000) });
    const bad = await cli(dir, ['scan', '--no-progress', 'm']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/policy error: \.modelgate\.toml:2: \[limits\] max-file-size: unknown unit "parsecs"/);
    writeFileSync(join(dir, '.modelgate.toml'), '[limits]\nmax-file-size = "1KiB"\ntimeout = "30s"\n');
    const ok = await cli(dir, ['scan', '--no-progress', '--format', 'json', 'm']);
    const report = JSON.parse(ok.stdout) as ScanReport;
    expect(report.options).toMatchObject({ maxFileSize: 1024, timeout: 30 });
    expect(report.files[0]!.complete).toBe(false);
  });

  it('--fail-on critical passes a WARNING-only run; --strict fails an unrecognised file', async () => {
    const dir = repo('levels', { 'lfs/model.safetensors': 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 4966\n', 'blob.xyz': 'some bytes of no format' });
    expect((await cli(dir, ['scan', 'lfs'])).code).toBe(1);
    expect((await cli(dir, ['scan', '--fail-on', 'critical', 'lfs'])).code).toBe(0);
    expect((await cli(dir, ['scan', 'blob.xyz'])).code).toBe(0);
    expect((await cli(dir, ['scan', '--strict', 'blob.xyz'])).code).toBe(1);
    expect((await cli(dir, ['scan', '--fail-on', 'nope', 'blob.xyz'])).code).toBe(2);
  });

  it('a baseline run fails only on a newly planted file', async () => {
    const dir = repo('baseline', { 'models/old.pkl': EVIL });
    const first = await cli(dir, ['scan', '--write-baseline', 'baseline.json', 'models']);
    expect(first.code).toBe(1);
    expect((await cli(dir, ['scan', '--baseline', 'baseline.json', 'models'])).code).toBe(0);
    writeFileSync(join(dir, 'models/new.pkl'), EVIL.replace('echo pwned', 'curl evil'));
    const r = await cli(dir, ['scan', '--format', 'json', '--baseline', 'baseline.json', 'models']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ScanReport;
    const byFile = Object.fromEntries(report.files.map((f) => [f.path, f.status]));
    expect(byFile).toEqual({ 'models/new.pkl': 'issues', 'models/old.pkl': 'clean' });
    expect(report.baseline!.matched).toBeGreaterThan(0);
    expect((await cli(dir, ['scan', '--baseline', 'missing.json', 'models'])).code).toBe(2);
  });
});

describe('registry scale: shards, merge, JSONL', () => {
  it('shards partition the files and merge back to the whole run', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`m/f${i}.pkl`] = i % 4 === 0 ? EVIL : `just text ${i}`;
    const dir = repo('shards', files);
    const whole = JSON.parse((await cli(dir, ['scan', '--format', 'json', 'm'])).stdout) as ScanReport;
    const parts: string[][] = [];
    for (let i = 1; i <= 3; i++) {
      const r = await cli(dir, ['scan', '--format', i === 2 ? 'jsonl' : 'json', '--shard', `${i}/3`, '-o', `part${i}.json`, 'm']);
      expect(r.code).toBeLessThanOrEqual(1);
      const text = readFileSync(join(dir, `part${i}.json`), 'utf8');
      parts.push(i === 2 ? text.trim().split('\n').slice(0, -1).map((l) => JSON.parse(l).path) : (JSON.parse(text) as ScanReport).files.map((f) => f.path));
      for (const p of parts.at(-1)!) expect(inShard(p, { index: i, count: 3 })).toBe(true);
    }
    expect(parts.flat().sort()).toEqual(whole.files.map((f) => f.path).sort());
    const merged = await cli(dir, ['merge', 'part1.json', 'part2.json', 'part3.json', '-o', 'all.json']);
    expect(merged.code).toBe(whole.exitCode);
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as ScanReport;
    expect(all.files.map((f) => f.path)).toEqual(whole.files.map((f) => f.path).sort());
    expect(all.summary).toMatchObject({ files: 12, critical: whole.summary.critical });
    const sarif = await cli(dir, ['merge', '--format', 'sarif', 'part1.json', 'part2.json', 'part3.json']);
    expect(await sarifProblems(JSON.parse(sarif.stdout))).toEqual([]);
  });

  it('--format jsonl writes one file report per line, then a summary line', async () => {
    const dir = join(base, 'shards');
    const r = await cli(dir, ['scan', '--format', 'jsonl', 'm']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(13);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', exitCode: 1, summary: { files: 12 } });
  });
});

describe('integrations', () => {
  it('--format github annotates with escaped workflow commands and writes the job summary', async () => {
    const dir = repo('github', { 'odd,name:x.pkl': EVIL });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = await cli(dir, ['scan', '--format', 'github', 'odd,name:x.pkl'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=odd%2Cname%3Ax\.pkl,title=modelgate CRITICAL pickle\/[a-z-]+::/m);
    expect(readFileSync(summary, 'utf8')).toMatch(/\| files \| critical \|[\s\S]*\| odd,name:x\.pkl \| CRITICAL \|/);
  });

  it('modelgate rules explains a rule, in JSON too, and --list-scanners names the scanners', async () => {
    const r = await cli(base, ['rules', 'pickle/dangerous-call', '--format', 'json']);
    expect(r.code).toBe(0);
    const [doc] = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ id: 'pickle/dangerous-call', severity: 'critical' });
    expect(doc.references.map((x: { id: string }) => x.id)).toContain('CWE-502');
    expect((await cli(base, ['rules', 'pickle/'])).stdout).toMatch(/pickle\/non-allowlisted-call/);
    expect((await cli(base, ['rules', 'nope/'])).code).toBe(2);
    const list = await cli(base, ['scan', '--list-scanners']);
    expect(list.stdout).toMatch(/^pickle\s+pickle opcodes/m);
    expect(list.stdout).toMatch(/^weight-stats/m);
  });

  it('--exclude pickle leaves a pickle to the generic checks; an unknown scanner id is a usage error', async () => {
    const dir = join(base, 'github');
    const r = await cli(dir, ['scan', '--format', 'json', '--exclude', 'pickle', 'odd,name:x.pkl']);
    const report = JSON.parse(r.stdout) as ScanReport;
    expect(report.files[0]!.format).not.toBe('pickle');
    expect(report.files[0]!.findings.some((f) => f.ruleId.startsWith('pickle/'))).toBe(false);
    expect((await cli(dir, ['scan', '--select', 'nope', 'x'])).code).toBe(2);
  });
});
