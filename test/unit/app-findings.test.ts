// The finding details of the app, as plain functions: the text "Copy as text" writes (hostile text
// stays text, multi-line evidence stays inside its block), the rule references, the hex dump around an
// offset (worker side included: a zip member re-opened and clipped, the radius capped), and the
// report view's filters and sort.
import { describe, expect, it } from 'vitest';
import { RULES, scan, fromBytes, type FileReport, type Finding, type RuleDef } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';
import { findingText, hexOffset, hexRows, ruleRefs } from '../../src/app/finding-text';
import { SHOW_EMPTY_UP_TO, bySeverity, filterFiles, ruleCounts, type ReportFilter } from '../../src/app/report-filter';
import { MAX_HEX_RADIUS, hexAround } from '../../workers/inspect';
import type { PickleTarget } from '../../workers/api';
import { buildZip } from '../builders/zip';

const RULE: RuleDef = {
  severity: 'critical', title: 'Dangerous global', explanation: 'Loading runs code.', remediation: 'Do not load it.',
  cwe: [502, 94], cve: ['CVE-2025-23304', 'not a cve'], aliases: ['S201', 'GHSA-4xqg-m7p2-2vh5'],
};

function finding(over: Partial<Finding> = {}): Finding {
  return { ruleId: 'pickle/dangerous-global' as Finding['ruleId'], severity: 'critical', message: 'calls posix.system',
    location: { path: ['model.pt', 'archive/data.pkl'], offset: 26, pointer: 'op 4' }, ...over };
}

describe('copy as text', () => {
  it('a critical pickle finding copies file, severity, rule, message, location, evidence, why, what and refs', () => {
    const text = findingText('dir/model.pt', finding({ evidence: "posix.system('echo pwned')", severityReason: 'reachable from REDUCE' }), RULE);
    expect(text).toBe([
      'File: dir/model.pt',
      'Severity: CRITICAL (reachable from REDUCE)',
      'Rule: pickle/dangerous-global - Dangerous global',
      'Message: calls posix.system',
      'Location: model.pt > archive/data.pkl',
      'Offset: 26 (0x1a)',
      'Pointer: op 4',
      'Evidence:',
      "  posix.system('echo pwned')",
      'Why it matters:',
      '  Loading runs code.',
      'What to do:',
      '  Do not load it.',
      'References: CWE-502, CWE-94, CVE-2025-23304, not a cve, S201, GHSA-4xqg-m7p2-2vh5',
      '',
    ].join('\n'));
  });

  it('evidence with forged lines ("Severity: INFO") stays indented inside the evidence block', () => {
    const text = findingText('a.pkl', finding({ evidence: 'x\nSeverity: INFO\r\nRule: none' }), RULE);
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('Severity:'))).toEqual(['Severity: CRITICAL']);
    expect(lines).toContain('  Severity: INFO');
    expect(lines).toContain('  Rule: none');
  });

  it('a finding without offset, pointer, evidence or known rule leaves those lines out', () => {
    const text = findingText('a.json', finding({ location: { path: ['a.json'] } }), null);
    expect(text).not.toMatch(/Offset:|Pointer:|Evidence:|Why it matters:|References:/);
    expect(text).toContain('Rule: pickle/dangerous-global\n');
  });

  it('every rule in the catalogue yields text with its title and remediation', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      const text = findingText('f', finding({ ruleId: id as Finding['ruleId'] }), rule);
      expect(text).toContain(rule.title);
      expect(text).toContain(rule.remediation.split('\n')[0]);
    }
  });
});

describe('rule references', () => {
  it('CWE, CVE and GHSA ids link to their public pages; S-codes and malformed ids are text only', () => {
    expect(ruleRefs(RULE)).toEqual([
      { id: 'CWE-502', url: 'https://cwe.mitre.org/data/definitions/502.html' },
      { id: 'CWE-94', url: 'https://cwe.mitre.org/data/definitions/94.html' },
      { id: 'CVE-2025-23304', url: 'https://www.cve.org/CVERecord?id=CVE-2025-23304' },
      { id: 'not a cve' },
      { id: 'S201' },
      { id: 'GHSA-4xqg-m7p2-2vh5', url: 'https://github.com/advisories/GHSA-4xqg-m7p2-2vh5' },
    ]);
    expect(ruleRefs(null)).toEqual([]);
  });
});

describe('hex dump', () => {
  it('rows align on 16 bytes, non-printables show as dots and the offset row is marked', () => {
    const bytes = new Uint8Array(Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwned', 'latin1'));
    const rows = hexRows(bytes.subarray(5), 5, 20);
    expect(rows.map((r) => r.offset)).toEqual([0, 16, 32]);
    expect(rows[0]!.hex).toBe('               73 69 78  0a 73 79 73 74 65 6d 0a');
    expect(rows[0]!.ascii).toBe('     six.system.');
    expect(rows.map((r) => r.marked)).toEqual([false, true, false]);
    expect(rows[2]!.ascii.trimEnd()).toBe('d'); // 33 bytes: the last row holds one
    expect(hexOffset(0x1a)).toBe('0000001a');
  });

  const target = (bytes: Uint8Array, path: string[]): PickleTarget =>
    ({ file: new File([bytes as Uint8Array<ArrayBuffer>], path[0]!), path: path.map((name) => ({ name, nth: 0 })), key: `hex:${path.join('/')}:${bytes.length}` });

  it('the worker re-opens a zip member and returns ±radius bytes around the offset, clipped to the member', async () => {
    const member = new Uint8Array(300).map((_, i) => i & 0xff);
    const zip = buildZip({ members: [{ name: 'pad.txt', data: new Uint8Array(100) }, { name: 'w.bin', data: member }] });
    const win = await hexAround(target(zip, ['b.zip', 'w.bin']), 10, 128);
    expect(win).toMatchObject({ start: 0, size: 300 });
    expect([...win.bytes]).toEqual([...member.subarray(0, 139)]);
    const end = await hexAround(target(zip, ['b.zip', 'w.bin']), 299, 128);
    expect(end.start).toBe(171);
    expect(end.bytes.length).toBe(129);
  });

  it('a huge radius is capped at MAX_HEX_RADIUS; an offset outside the node is refused', async () => {
    const big = new Uint8Array(10_000);
    const win = await hexAround(target(big, ['big.bin']), 5_000, 1e12);
    expect(win.start).toBe(5_000 - MAX_HEX_RADIUS);
    expect(win.bytes.length).toBe(2 * MAX_HEX_RADIUS + 1);
    await expect(hexAround(target(big, ['big.bin']), 10_000, 16)).rejects.toThrow(/outside the node/);
    await expect(hexAround(target(big, ['big.bin']), -1, 16)).rejects.toThrow(/outside the node/);
  });
});

describe('report filters and sort', () => {
  const f = (severity: Finding['severity'], ruleId: string): Finding =>
    ({ ruleId: ruleId as Finding['ruleId'], severity, message: ruleId, location: { path: ['x'] } });
  const file = (path: string, findings: Finding[], status: FileReport['status'] = 'issues'): FileReport =>
    ({ path, size: 1, format: 'x', status, durationMs: 0, findings, nodes: [] } as unknown as FileReport);
  const files = [
    file('b/clean.json', [], 'clean'),
    file('a/warn.bin', [f('warning', 'file/git-lfs-pointer'), f('info', 'file/empty')]),
    file('Z/evil.pkl', [f('info', 'file/empty'), f('critical', 'pickle/dangerous-global')]),
    file('c/broken.zip', [f('warning', 'format/malformed')], 'error'),
  ];
  const all: ReportFilter = { severities: { critical: true, warning: true, info: true, debug: true }, rule: '', path: '', showEmpty: true, sort: 'severity' };
  const paths = (x: ReportFilter) => filterFiles(files, x).map((s) => s.report.path);

  it('sorts the worst finding first, an incomplete scan before a complete one at equal rank, clean files last', () => {
    expect(paths(all)).toEqual(['Z/evil.pkl', 'c/broken.zip', 'a/warn.bin', 'b/clean.json']);
    expect(paths({ ...all, sort: 'path' })).toEqual(['Z/evil.pkl', 'a/warn.bin', 'b/clean.json', 'c/broken.zip']);
  });

  it('hiding CRITICAL re-ranks the pickle by what is left; hiding empty files drops the clean one', () => {
    const x = { ...all, severities: { ...all.severities, critical: false }, showEmpty: false };
    expect(paths(x)).toEqual(['c/broken.zip', 'a/warn.bin', 'Z/evil.pkl']);
    expect(filterFiles(files, x).find((s) => s.report.path === 'Z/evil.pkl')!.findings.map((g) => g.ruleId)).toEqual(['file/empty']);
  });

  it('a rule filter keeps only files with that rule, whatever the empty-files toggle says', () => {
    expect(paths({ ...all, rule: 'file/empty' })).toEqual(['Z/evil.pkl', 'a/warn.bin']);
  });

  it('two files of the same path keep apart keys that do not depend on the order', () => {
    const twice = [file('x.pkl', [f('info', 'file/empty')]), file('x.pkl', [f('critical', 'pickle/dangerous-global')])];
    expect(filterFiles(twice, all).map((s) => s.key)).toEqual(['x.pkl\u00001', 'x.pkl\u00000']);
  });

  it('the path filter is a case-insensitive substring', () => {
    expect(paths({ ...all, path: 'z/EV' })).toEqual(['Z/evil.pkl']);
    expect(paths({ ...all, path: '  ' })).toHaveLength(4);
  });

  it('rule counts list every rule present, most frequent first; groups stay by severity, worst first', () => {
    expect(ruleCounts(files)).toEqual([
      { rule: 'file/empty', count: 2 }, { rule: 'file/git-lfs-pointer', count: 1 },
      { rule: 'format/malformed', count: 1 }, { rule: 'pickle/dangerous-global', count: 1 },
    ]);
    expect(bySeverity(files[2]!.findings).map((g) => g.severity)).toEqual(['critical', 'info']);
    expect(SHOW_EMPTY_UP_TO).toBeGreaterThan(0);
  });

  it('a real scan of an empty file and an LFS pointer sorts the warning first', async () => {
    const lfs = encodeUtf8('version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 12345\n');
    const reports = [await scan(fromBytes(new Uint8Array(0), 'empty.bin')), await scan(fromBytes(lfs, 'model.safetensors'))];
    expect(filterFiles(reports, all).map((s) => s.report.path)).toEqual(['model.safetensors', 'empty.bin']);
  });
});
