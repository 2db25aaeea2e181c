// Triage first (issue 16): the verdict names the worst severity and what to do, the worst file is the
// first row, floods of one rule are grouped for reading (never in the JSON), a report of one folder
// compares cleanly with the same folder scanned under another leading path, and a partial report is
// never a verdict.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { toJson, scanReport } from '../../src/engine';
import { groupFindings, FLOOD_MIN } from '../../src/engine/export/group';
import { describeRule, explainModelAuditCode, rulesForAlias } from '../../src/engine/rules-doc';
import { fileTriage, verdictText, worstFirst } from '../../src/app/triage';
import { alignPaths, diffReports, sharedPrefixes } from '../../src/app/compare';
import { buildPartialReport } from '../../src/app/download';
import { parseReport } from '../../src/app/report-file';
import { file, finding, report } from '../builders/reports';

const schema = JSON.parse(readFileSync('src/engine/export/report.schema.json', 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true }).compile(schema);

const crit = (p: string) => finding('pickle/dangerous-call', 'critical', 'Pickle calls posix.system', [p], { offset: 2 });
const warn = (p: string) => finding('strings/url', 'warning', 'A URL', [p]);
const info = (p: string) => finding('file/empty', 'info', 'Empty', [p]);

describe('the verdict names the worst severity and what to do', () => {
  it('one CRITICAL pickle among warnings: "CRITICAL: do not load these files"', () => {
    const r = report([file('a/url.json', [warn('a/url.json')]), file('a/evil.pkl', [crit('a/evil.pkl')])]);
    expect(verdictText(r)).toMatchObject({ level: 'critical', title: 'CRITICAL: do not load these files' });
  });

  it('one URL warning only: "WARNING: review before loading", not the CRITICAL wording', () => {
    expect(verdictText(report([file('u.json', [warn('u.json')])]))).toMatchObject({ level: 'warning', title: 'WARNING: review before loading' });
  });

  it('an incomplete file beats a warning (it may hide worse) and is never called clean', () => {
    const r = report([file('u.json', [warn('u.json')]), file('cut.zip', [], { complete: false })]);
    expect(verdictText(r).level).toBe('incomplete');
    expect(verdictText(report([file('ok.json', [info('ok.json')])])).level).toBe('clean');
  });
});

describe('the file list sorts worst first, then by path', () => {
  it('puts the only CRITICAL file (row 150 in input order) first, incomplete before info, unfinished last', () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const p = `f/${String(i).padStart(3, '0')}.bin`;
      const findings = i === 150 ? [crit(p)] : i % 50 === 3 ? [warn(p)] : i % 7 === 0 ? [info(p)] : [];
      return { path: p, status: 'done' as const, triage: fileTriage(file(p, findings, { complete: i !== 10 })) };
    });
    rows.push({ path: 'a/scanning.bin', status: 'done' as const, triage: undefined as never });
    const sorted = worstFirst([...rows, { path: '0-queued', status: 'queued' as const }]);
    expect(sorted[0]!.path).toBe('f/150.bin');
    expect(sorted.slice(1, 5).map((r) => r.path)).toEqual(['f/003.bin', 'f/053.bin', 'f/103.bin', 'f/153.bin']);
    expect(sorted[5]!.path).toBe('a/scanning.bin'); // finished without triage counts as incomplete
    expect(sorted[6]!.path).toBe('f/010.bin');
    expect(sorted.at(-1)!.path).toBe('0-queued');
  });

  it('counts each severity of a file and names its highest', () => {
    const t = fileTriage(file('m.pkl', [crit('m.pkl'), crit('m.pkl'), warn('m.pkl')]));
    expect(t).toMatchObject({ rank: 0, worst: 'critical', counts: { critical: 2, warning: 1, info: 0, debug: 0 } });
  });
});

describe('floods of one rule in one file are grouped for reading', () => {
  it('361 compression-bomb findings are one group among singles; the JSON keeps all 361', () => {
    const bomb = Array.from({ length: 361 }, (_, i) => finding('archive/compression-bomb', 'warning', `Member ${i} inflates 1000:1`, ['b.zip', `m${i}`]));
    const findings = [crit('b.zip'), ...bomb, warn('b.zip')];
    const rows = groupFindings(findings);
    expect(rows.map((r) => (r.kind === 'group' ? `${r.ruleId} × ${r.findings.length}` : r.finding.ruleId)))
      .toEqual(['pickle/dangerous-call', 'archive/compression-bomb × 361', 'strings/url']);
    const r = scanReport([file('b.zip', findings)], { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, options: {} });
    expect(JSON.parse(toJson(r)).files[0].findings).toHaveLength(363);
  });

  it(`leaves two findings of one rule apart (grouping starts at ${FLOOD_MIN})`, () => {
    expect(groupFindings([crit('m'), crit('m')]).every((r) => r.kind === 'one')).toBe(true);
  });
});

describe('comparing a browser report with a CLI report of the same folder', () => {
  const files = (prefix: string) => ['evil.pkl', 'sub/model.safetensors', 'sub/config.json'].map((p) =>
    file(prefix + p, p === 'evil.pkl' ? [crit(prefix + p)] : [], { sha256: 'c'.repeat(64) }));

  it('drops the CLI\'s leading folders up to the browser\'s "corpus/" and finds 0 changes, saying what it aligned', () => {
    const browser = report(files('corpus/'), { startedAt: '2026-01-01T10:00:00.000Z' });
    const cli = report(files('/home/me/models/corpus/'), { startedAt: '2026-01-01T11:00:00.000Z' });
    const d = diffReports(browser, cli);
    // The shortest drop that lines them up: the shared "corpus/" stays in the names shown.
    expect(d.alignment).toEqual({ before: '', after: '/home/me/models/' });
    expect(d.totals).toEqual({ filesAdded: 0, filesRemoved: 0, added: 0, gone: 0, fixed: 0, goneWithFile: 0, changed: 0 });
    expect(d.shared).toBe(3);
  });

  it('drops the browser\'s folder when the CLI report names files below it', () => {
    const d = diffReports(report(files('corpus/'), { startedAt: '2026-01-01T10:00:00.000Z' }), report(files(''), { startedAt: '2026-01-01T11:00:00.000Z' }));
    expect(d.alignment).toEqual({ before: 'corpus/', after: '' });
    expect(d.totals.added + d.totals.gone + d.totals.changed).toBe(0);
  });

  it('leaves paths alone when they already match (a shared folder is kept)', () => {
    expect(alignPaths(['m/a', 'm/b'], ['m/a', 'm/c'])).toBeNull();
    expect(sharedPrefixes(['x/y/a', 'x/y/b', 'x/z'])).toEqual(['', 'x/']);
  });

  it('two reports of different folders share no file: shared is 0 and every CRITICAL is "file no longer in the report", not fixed', () => {
    const d = diffReports(report([file('a/evil.pkl', [crit('a/evil.pkl')])], { startedAt: '2026-01-01T10:00:00.000Z' }),
      report([file('b/other.json', [])], { startedAt: '2026-01-01T11:00:00.000Z' }));
    expect(d.shared).toBe(0);
    expect(d.totals).toMatchObject({ gone: 1, fixed: 0, goneWithFile: 1 });
  });
});

describe('a partial report saved while scanning', () => {
  it('is marked partial, lists unfinished files as incomplete, has exit code 2, matches the schema and reopens', () => {
    const done = [file('a.json', [])];
    const r = buildPartialReport(done, [{ path: 'slow.zip', size: 1234 }], new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:05Z'), {});
    expect(r.partial).toBe(true);
    expect(r.exitCode).toBe(2);
    expect(r.files.find((f) => f.path === 'slow.zip')).toMatchObject({ status: 'error', complete: false });
    expect(ajv(JSON.parse(toJson(r))), JSON.stringify(ajv.errors)).toBe(true);
    const opened = parseReport(toJson(r));
    expect(opened.ok && opened.report.partial).toBe(true);
  });

  it('a report claiming partial with exit code 0 is refused as contradictory', () => {
    const r = { ...scanReport([file('a.json', [])], { startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, options: {} }), partial: true as const };
    const opened = parseReport(toJson(r));
    expect(opened.ok).toBe(false);
  });
});

describe('rule pages', () => {
  it('describe a rule from the catalogue with its CWE link and its ModelAudit code explained', () => {
    const doc = describeRule('pickle/dangerous-call')!;
    expect(doc.title.length).toBeGreaterThan(3);
    expect(doc.references.some((r) => r.id === 'CWE-502' && r.url?.includes('cwe.mitre.org'))).toBe(true);
    expect(explainModelAuditCode('S201')).toMatch(/ModelAudit check code S201: pickle opcodes, REDUCE/);
    expect(rulesForAlias('S405').length).toBeGreaterThan(0);
    expect(describeRule('no/such-rule')).toBeUndefined();
    expect(describeRule('__proto__')).toBeUndefined();
  });
});

describe('one clear sentence per finding', () => {
  it('names a repeated callable once, at display time', async () => {
    const { tidyMessage } = await import('../../src/app/finding-text');
    expect(tidyMessage('Pickle calls subprocess.Popen: subprocess.Popen starts a process')).toBe('Pickle calls subprocess.Popen, which starts a process');
    expect(tidyMessage('Pickle calls a.b: a.b: os.system runs a shell command')).toBe('Pickle calls a.b: os.system runs a shell command');
    expect(tidyMessage('Pickle calls builtins.eval, which is not on the known-safe list')).toBe('Pickle calls builtins.eval, which is not on the known-safe list');
    expect(tidyMessage('The file is 5 bytes, above the limit of 4; it was not scanned')).toBe('The file is 5 bytes, above the limit of 4; it was not scanned');
  });
});

describe('message tidying stays linear on hostile text', () => {
  it('a 200 KB message of repeated "a: a" is handled without quadratic blow-up and unchanged past the first colon', async () => {
    const { tidyMessage } = await import('../../src/engine/export/message');
    const hostile = 'Pickle calls ' + 'a: '.repeat(70_000) + 'b';
    const t = Date.now();
    const out = tidyMessage(hostile);
    expect(Date.now() - t).toBeLessThan(2000); // hang guard: quadratic would take minutes
    expect(out.length).toBeLessThanOrEqual(hostile.length);
  });
});
