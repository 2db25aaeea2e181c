// The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml), run for real: the
// action's `run:` scripts with bash and the GitHub environment variables a runner sets; the hook's
// entry on a clean and a malicious file, and through pre-commit itself when it is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { main } from '../../src/cli/main';

const ROOT = resolve(__dirname, '../..');
const EVIL = "cos\nsystem\n(S'echo pwned'\ntR.";
const built = existsSync(join(ROOT, 'dist-cli/modelgate.js'));
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'mg-ci-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Step { name: string; id?: string; run?: string; env?: Record<string, string> }

/** Runs the composite action's steps like a runner: ${{ }} expressions resolved into env, scripts in bash. */
function runAction(inputs: Record<string, string>, workspace: string) {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { steps: Step[] } };
  const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const temp = mkdtempSync(join(dir, 'runner-'));
  const files = { GITHUB_OUTPUT: join(temp, 'output'), GITHUB_STEP_SUMMARY: join(temp, 'summary.md') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const outputs: Record<string, Record<string, string>> = {};
  const results: Array<{ name: string; status: number | null; stdout: string; stderr: string }> = [];
  for (const step of action.runs.steps) {
    const expr = (v: string) => v.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
      if (e === 'github.action_path') return ROOT;
      if (e.startsWith('inputs.')) return values[e.slice(7)] ?? '';
      const m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
      if (m) return outputs[m[1]!]?.[m[2]!] ?? '';
      throw new Error(`unknown expression ${e}`);
    });
    writeFileSync(files.GITHUB_OUTPUT, '');
    const env = { PATH: process.env.PATH!, HOME: process.env.HOME ?? temp, RUNNER_TEMP: temp, GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: ROOT, GITHUB_ACTIONS: 'true', ...files,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expr(String(v))])) };
    const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
    results.push({ name: step.name, status: r.status, stdout: r.stdout, stderr: r.stderr });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(readFileSync(files.GITHUB_OUTPUT, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    }
    if (r.status !== 0) break;
  }
  return { results, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

describe.skipIf(!built)('GitHub Action (needs the built CLI: npm run build:cli)', () => {
  it('on a planted malicious pickle: annotations, a summary table, SARIF, outputs, and a failed gate', () => {
    const ws = join(dir, 'ws-evil');
    mkdirSync(join(ws, 'models'), { recursive: true });
    writeFileSync(join(ws, 'models/evil.pkl'), EVIL);
    writeFileSync(join(ws, 'models/notes.txt'), 'fine');
    const { results, outputs, summary } = runAction({ paths: 'models' }, ws);
    const scan = results.find((r) => r.name === 'Scan')!;
    expect(scan.status).toBe(0);
    expect(scan.stdout).toMatch(/^::error file=models\/evil\.pkl,title=modelgate CRITICAL pickle\//m);
    expect(outputs.scan).toMatchObject({ 'exit-code': '1', 'sarif-file': 'modelgate.sarif' });
    expect(Number(outputs.scan!.critical)).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(join(ws, 'modelgate.sarif'), 'utf8'));
    expect(sarif.runs[0].results.some((r: { level: string }) => r.level === 'error')).toBe(true);
    expect(summary).toMatch(/## modelgate: ❌ issues found/);
    expect(results.at(-1)).toMatchObject({ name: 'Gate', status: 1 });
  });

  it('on clean files the gate passes, and a path with shell characters is taken literally', () => {
    const ws = join(dir, 'ws-clean');
    mkdirSync(join(ws, 'a $(touch pwned) b'), { recursive: true });
    writeFileSync(join(ws, 'a $(touch pwned) b/readme.txt'), 'hello');
    const { results, outputs } = runAction({ paths: 'a $(touch pwned) b' }, ws);
    expect(existsSync(join(ws, 'pwned'))).toBe(false);
    // "a", "$(touch", "pwned)", "b": split on spaces, none exists → exit 2, the gate fails on errors.
    expect(outputs.scan!['exit-code']).toBe('2');
    const ok = join(dir, 'ws-ok');
    mkdirSync(ok);
    writeFileSync(join(ok, 'readme.txt'), 'hello');
    const clean = runAction({ paths: 'readme.txt' }, ok);
    expect(clean.outputs.scan!['exit-code']).toBe('0');
    expect(clean.results.every((r) => r.status === 0)).toBe(true);
    expect(results.at(-1)!.status).toBe(2);
  });
});

describe('pre-commit hook', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string }>;
  const hook = hooks.find((h) => h.id === 'modelgate')!;
  const files = new RegExp(hook.files.replace(/^\(\?i\)/, ''), 'i');

  it('selects model files and leaves source files alone', () => {
    for (const f of ['m/model.PT', 'a.safetensors', 'x.pkl', 'w.gguf', 'g.onnx', 'k.keras']) expect(files.test(f)).toBe(true);
    for (const f of ['README.md', 'train.py', 'setup.cfg']) expect(files.test(f)).toBe(false);
  });

  it('its entry passes a clean file and blocks a malicious one', async () => {
    writeFileSync(join(dir, 'ok.safetensors'), Buffer.concat([Buffer.from([2, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]));
    writeFileSync(join(dir, 'evil.pkl'), EVIL);
    const argv = hook.entry.split(' ').slice(1);
    const run = (f: string) => main([...argv, f], { stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, cwd: dir });
    expect(await run('ok.safetensors')).toBe(0);
    expect(await run('evil.pkl')).toBe(1);
  });

  const preCommit = ['pre-commit', '/work/venv/bin/pre-commit'].find((p) => spawnSync(p, ['--version']).status === 0);
  it.skipIf(!preCommit || !built)(`runs under pre-commit in a scratch repository${preCommit ? '' : ' (skipped: pre-commit is not installed)'}`, () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const git = (...a: string[]) => spawnSync('git', a, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    // A local hook with this repository's id, entry options and file pattern; the entry runs the built CLI.
    writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: local\n    hooks:\n      - id: ${hook.id}\n        name: modelgate\n`
      + `        entry: node ${join(ROOT, 'bin/modelgate.js')} ${hook.entry.split(' ').slice(1).join(' ')}\n        language: system\n        files: '${hook.files}'\n`);
    writeFileSync(join(repo, 'ok.safetensors'), Buffer.concat([Buffer.from([2, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]));
    git('add', '.');
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, 'pc-home') };
    const clean = spawnSync(preCommit!, ['run', '--all-files'], { cwd: repo, encoding: 'utf8', env, timeout: 120_000 });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    writeFileSync(join(repo, 'evil.pkl'), EVIL);
    git('add', 'evil.pkl');
    const evil = spawnSync(preCommit!, ['run', '--all-files'], { cwd: repo, encoding: 'utf8', env, timeout: 120_000 });
    expect(evil.status).toBe(1);
    expect(evil.stdout).toMatch(/evil\.pkl/);
  });

  // The real path: `repo:` is a git repository holding this tree at a commit, and pre-commit installs the
  // hook the way it installs every `language: node` hook, `npm install -g git+file://<its clone>`. npm
  // builds the CLI there through the `prepare` script (tools/prepare-cli.mjs) when it runs a git
  // dependency's prepare: npm 10 does; npm 11 with its install-script policy (allow-scripts) does not,
  // and then the hook must fail closed with the "not built" message, never pass a file unscanned.
  it.skipIf(!preCommit)('installs from a git repository of this tree at a commit (repo: PATH, rev: SHA) and blocks a malicious file, or fails closed', () => {
    const hookRepo = join(dir, 'hook-repo');
    const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n')
      .filter((f) => f && !/^(fixtures|test|docs)\//.test(f) && existsSync(join(ROOT, f)));
    for (const f of listed) { mkdirSync(join(hookRepo, f, '..'), { recursive: true }); copyFileSync(join(ROOT, f), join(hookRepo, f)); }
    const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    const git = (cwd: string, ...a: string[]) => spawnSync('git', a, { cwd, encoding: 'utf8', env: gitEnv });
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-qm', 'hook');
    const rev = git(hookRepo, 'rev-parse', 'HEAD').stdout.trim();
    const user = join(dir, 'user-repo');
    mkdirSync(user);
    git(user, 'init', '-q');
    writeFileSync(join(user, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks: [{ id: modelgate }]\n`);
    writeFileSync(join(user, 'ok.safetensors'), Buffer.concat([Buffer.from([2, 0, 0, 0, 0, 0, 0, 0]), Buffer.from('{}')]));
    git(user, 'add', '.');
    const env = { ...process.env, PRE_COMMIT_HOME: join(dir, 'pc-home-git') };
    const clean = spawnSync(preCommit!, ['run', '--all-files'], { cwd: user, encoding: 'utf8', env, timeout: 900_000 });
    const npmMajor = Number(spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.split('.')[0]);
    if (clean.status !== 0) {
      expect(clean.stdout + clean.stderr).toMatch(/exit code: 2[\s\S]*the CLI is not built/);
      expect(npmMajor, 'npm before 11 runs a git dependency\'s prepare: the hook should have been built').toBeGreaterThanOrEqual(11);
      return;
    }
    writeFileSync(join(user, 'evil.pkl'), EVIL);
    git(user, 'add', 'evil.pkl');
    const evil = spawnSync(preCommit!, ['run', '--all-files'], { cwd: user, encoding: 'utf8', env, timeout: 120_000 });
    expect(evil.status).toBe(1);
    expect(evil.stdout).toMatch(/evil\.pkl/);
  }, 1_000_000);
});
