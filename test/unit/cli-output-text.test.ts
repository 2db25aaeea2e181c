import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES, type FileReport, type Finding, type RuleId, type ScanReport } from '../../src/engine';
import { main } from '../../src/cli/main';
import { renderText } from '../../src/cli/output-text';

const PLAIN = { color: false };
const LOUD = { quiet: false, verbose: false };

function finding(ruleId: RuleId, path: string[], extra: Partial<Finding> = {}): Finding {
  return { ruleId, severity: RULES[ruleId].severity, message: `${ruleId} hit`, location: { path }, ...extra };
}

function file(path: string, findings: Finding[], status: FileReport['status'] = findings.length ? 'issues' : 'clean'): FileReport {
  return { path, size: 10, format: 'pickle', status, complete: status !== 'error', findings,
    nodes: [{ path: [path], format: 'pickle', size: 10, status: status === 'error' ? 'failed' : 'scanned' }], durationMs: 1 };
}

function report(files: FileReport[]): ScanReport {
  const summary = { files: files.length, critical: 0, warning: 0, info: 0, errors: 0 };
  for (const f of files) {
    if (f.status === 'error') summary.errors++;
    for (const x of f.findings) if (x.severity !== 'debug') summary[x.severity]++;
  }
  return { schemaVersion: 1, tool: { name: 'modelgate', version: '0.1.0' }, startedAt: '2026-11-21T10:00:00.000Z', durationMs: 100,
    options: {}, summary, exitCode: summary.errors ? 2 : summary.critical + summary.warning ? 1 : 0, files };
}

const mixed = file('model.pkl', [
  finding('pickle/dangerous-call', ['model.pkl']),
  finding('file/git-lfs-pointer', ['model.pkl']),
  finding('file/git-lfs-pointer', ['model.pkl'], { message: 'second pointer' }),
  finding('numpy/object-array', ['model.pkl']),
]);

describe('text output: grouping', () => {
  it('a file with CRITICAL, WARNING and INFO findings → one heading with counts, then severity groups most severe first', () => {
    const text = renderText(report([mixed]), PLAIN, LOUD);
    expect(text).toMatch(/^model\.pkl {2}\(pickle, 10 B\) {2}ISSUES {2}1 critical, 2 warning, 1 info\n/);
    const order = ['  CRITICAL (1)\n    [CRITICAL] pickle/dangerous-call', '  WARNING (2)\n    [WARNING] file/git-lfs-pointer',
      '    [WARNING] file/git-lfs-pointer  second pointer', '  INFO (1)\n    [INFO] numpy/object-array'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('--quiet → the INFO group and its count are left out', () => {
    const text = renderText(report([mixed]), PLAIN, { quiet: true, verbose: false });
    expect(text).toContain('ISSUES  1 critical, 2 warning\n');
    expect(text).not.toContain('INFO (1)');
    expect(text).not.toContain('numpy/object-array');
  });

  it('a bomb with 361 compression-bomb findings → one "× 361" line and three examples; --verbose prints all; the count stays 361', () => {
    const bomb = file('bomb.zip', Array.from({ length: 361 }, (_, i) =>
      finding('archive/compression-bomb', ['bomb.zip', `m${i}.bin`], { message: `member ${i} inflates 1000:1` })));
    const text = renderText(report([bomb]), PLAIN, LOUD);
    expect(text).toContain('[WARNING] archive/compression-bomb × 361  361 findings of one rule; 3 shown, the JSON report lists all 361');
    expect(text.match(/inflates 1000:1/g)).toHaveLength(3);
    expect(text).toContain('ISSUES  361 warning');
    expect(renderText(report([bomb]), PLAIN, { quiet: false, verbose: true }).match(/inflates 1000:1/g)).toHaveLength(361);
  });

  it('a clean file says "no findings"', () => {
    expect(renderText(report([file('ok.safetensors', [])]), PLAIN, LOUD)).toMatch(/^ok\.safetensors .* OK {2}no findings\n/);
  });
});

describe('text output: summary', () => {
  it('lists error and issues files by name, counts clean ones, and the rules hit most severe first', () => {
    const files = [mixed, file('broken.bin', [finding('scan/unreadable', ['broken.bin'])], 'error'), file('a.safetensors', []), file('b.safetensors', [])];
    const text = renderText(report(files), PLAIN, LOUD);
    expect(text).toContain('  Files by status\n    error        1\n                broken.bin\n    issues       1\n                model.pkl\n    clean        2\n');
    expect(text).not.toMatch(/^ {16}a\.safetensors/m);
    const rules = text.slice(text.indexOf('  Rules hit\n'));
    expect(rules).toMatch(/^ {2}Rules hit\n {4}pickle\/dangerous-call +1 {2}CRITICAL\n {4}file\/git-lfs-pointer +2 {2}WARNING\n {4}scan\/unreadable +1 {2}WARNING\n {4}numpy\/object-array +1 {2}INFO\n/);
    expect(text).toMatch(/ERROR: 1 file could not be fully scanned \(exit 2\)\n$/);
  });

  it('twenty files with issues → ten named, "… 10 more"', () => {
    const files = Array.from({ length: 20 }, (_, i) => file(`f${String(i).padStart(2, '0')}.pkl`, [finding('pickle/dangerous-call', [`f${i}.pkl`])]));
    const text = renderText(report(files), PLAIN, { quiet: true, verbose: false });
    expect(text).toContain('                f09.pkl\n                … 10 more\n');
    expect(text).not.toContain('                f10.pkl\n');
    expect(text).toMatch(/pickle\/dangerous-call +20 {2}CRITICAL/);
  });
});

describe('text output: colour and terminal safety', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'mg-text-'));
    writeFileSync(join(root, 'model.safetensors'), 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 4966\n');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function run(env: Record<string, string>, tty: boolean): Promise<string> {
    let out = '';
    await main(['scan', '--no-hash', 'model.safetensors'], { stdout: { write: (s: string) => { out += s; }, isTTY: tty },
      stderr: { write: () => true }, env, cwd: root });
    return out;
  }

  it('NO_COLOR=1 on a terminal → not one ESC byte; FORCE_COLOR=1 into a pipe → colour on the severity heading', async () => {
    expect(await run({ NO_COLOR: '1' }, true)).not.toContain('\x1b');
    const forced = await run({ FORCE_COLOR: '1' }, false);
    expect(forced).toContain('\x1b[33mWARNING\x1b[0m (1)');
    expect(forced).toContain('\x1b[33m[WARNING]\x1b[0m');
  });

  it('hostile file name, member name and message with ANSI and bidi controls → printed escaped everywhere, even in colour', () => {
    const evil = 'evil\x1b]0;owned\x07\u202e.pkl';
    const f = file(evil, [finding('pickle/dangerous-call', [evil, 'inner\x1b[2J.pkl'], { message: 'calls \x1b[31mos.system\x1b[0m', evidence: 'x\x9by' })]);
    const text = renderText(report([f]), { color: true }, LOUD);
    const visible = text.replace(/\x1b\[[0-9;]*m/g, ''); // our own SGR colour codes only
    expect(visible).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(visible).toContain('evil\\x1b]0;owned\\x07\\u202e.pkl  (pickle');
    expect(visible).toContain('at inner\\x1b[2J.pkl');
    expect(visible).toContain('calls \\x1b[31mos.system\\x1b[0m');
    expect(visible).toContain('evidence: x\\x9by');
    expect(visible).toContain('                evil\\x1b]0;owned\\x07\\u202e.pkl\n'); // in the status table too
  });
});
