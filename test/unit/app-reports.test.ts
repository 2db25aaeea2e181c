// Opening, comparing and sharing reports in the app (src/app/report-file.ts, compare.ts, share.ts).
// Reports are untrusted input: hostile files and links are built here and must be refused with a
// message, never crash or render a verdict that contradicts the findings.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { deflateSync } from 'fflate';
import { fromBytes, scan, scanReport, toJson, VERSION, type ScanReport } from '../../src/engine';
import { checkStructure, compareVersions, isReportFile, looksLikeReport, MAX_REPORT_BYTES, parseReport,
  readReportFile, validateReport } from '../../src/app/report-file';
import { diffReports, inTimeOrder } from '../../src/app/compare';
import { base64url, encodeReport, FRAGMENT_PREFIX, fromBase64url, inflateBounded, MAX_LINK_CHARS,
  MAX_LINK_REPORT_BYTES, reportFromHash, shareLink } from '../../src/app/share';
import { file, finding, folderBeforeAfter, report } from '../builders/reports';

const schema = JSON.parse(readFileSync('src/engine/export/report.schema.json', 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true }).compile(schema);

/** A real report: the e2e fixtures scanned by the engine. */
async function realReport(): Promise<ScanReport> {
  const names = ['model.safetensors', 'empty.bin', 'config.json', 'zip-slip.zip'];
  const files = [];
  for (const n of names) files.push(await scan(fromBytes(new Uint8Array(readFileSync(`fixtures/e2e/${n}`)), n)));
  return scanReport(files, { startedAt: '2026-03-04T05:06:07.089Z', durationMs: 42, options: { verbose: false } });
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const reasonOf = (r: ReturnType<typeof parseReport>) => (r.ok ? '' : r.reason);

describe('opening a report file', () => {
  it('reopens a real JSON export unchanged, made by this version', async () => {
    const r = await realReport();
    const opened = parseReport(toJson(r));
    expect(opened).toEqual({ ok: true, report: r, newerTool: false });
  });

  it('recognises a dropped export by its first KiB, re-indented too, but not a model config.json', async () => {
    const r = await realReport();
    const json = (text: string, name = 'modelgate-report.json') => new File([text], name);
    expect(await isReportFile(json(toJson(r)))).toBe(true);
    expect(await isReportFile(json(JSON.stringify(r)))).toBe(true);
    expect(await isReportFile(json(toJson(r), 'report.txt'))).toBe(false);
    expect(await isReportFile(json(readFileSync('fixtures/e2e/config.json', 'utf8'), 'config.json'))).toBe(false);
    expect(looksLikeReport('{"tool":{"name":"modelgate"},"schemaVersion":1}')).toBe(false);
  });

  it('refuses a report from a newer schema version, naming both versions', () => {
    const r = clone(report([])) as unknown as Record<string, unknown>;
    r.schemaVersion = 2;
    (r.tool as Record<string, unknown>).version = '3.0.0';
    r.newField = true;
    expect(reasonOf(validateReport(r))).toBe(`This report was made by modelgate 3.0.0 with report schema 2; this is modelgate ${VERSION}, which reads schema 1: open it with a newer modelgate.`);
  });

  it('opens a schema-1 report from a newer tool and says so; unknown rule ids still open', () => {
    const r = report([file('m.pkl', [finding('pickle/some-future-rule', 'warning', 'new check', ['m.pkl'])])], { version: '9.1.0' });
    const opened = validateReport(clone(r));
    expect(opened.ok && opened.newerTool).toBe(true);
    expect(compareVersions('0.1.0', '0.1.0')).toBe(0);
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
  });

  it('says "not a modelgate report" for other JSON, broken JSON and non-UTF-8 bytes', async () => {
    expect(reasonOf(parseReport('{"name": "bert"}'))).toMatch(/^This is not a modelgate report: the report has an unknown field "name"/);
    expect(reasonOf(parseReport('[1,2]'))).toMatch(/^This is not a modelgate report: the report is not an object/);
    expect(reasonOf(parseReport('{"schemaVersion": 1, "tool"'))).toBe('This is not a modelgate report: it is not valid JSON.');
    expect(reasonOf(await readReportFile(new Blob([new Uint8Array([0x7b, 0xff, 0x7d])])))).toMatch(/not UTF-8/);
  });

  it('refuses a file above MAX_REPORT_BYTES before reading it', async () => {
    let read = false;
    const huge = { size: MAX_REPORT_BYTES + 1, arrayBuffer: () => { read = true; return Promise.resolve(new ArrayBuffer(0)); } } as unknown as Blob;
    expect(reasonOf(await readReportFile(huge))).toBe('This file is 64 MB; reports up to 64 MB can be opened.');
    expect(read).toBe(false);
  });

  it('refuses an edited report whose verdict contradicts its findings (exit code 0 over a CRITICAL)', () => {
    const r = clone(report([file('evil.pkl', [finding('pickle/dangerous-call', 'critical', 'posix.system', ['evil.pkl'])])]));
    r.exitCode = 0;
    r.summary.critical = 0;
    expect(reasonOf(validateReport(r))).toMatch(/^This report contradicts itself \(summary\.critical is 0 but the files hold 1\)/);
    const s = clone(report([file('evil.pkl', [finding('pickle/dangerous-call', 'critical', 'posix.system', ['evil.pkl'])])]));
    s.files[0]!.status = 'clean';
    expect(reasonOf(validateReport(s))).toMatch(/files\[0\]\.status says "clean" but its findings say "issues"/);
  });

  it('refuses a __proto__ key, a hostile rule id and options nested 10,000 deep, naming the field', () => {
    const proto = JSON.parse(toJson(report([])).replace('"durationMs"', '"__proto__": {"polluted": 1}, "durationMs"'));
    expect(reasonOf(validateReport(proto))).toMatch(/has an unknown field "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const rule = clone(report([file('a.pkl', [finding('pickle/x', 'info', 'm', ['a.pkl'])])]));
    (rule.files[0]!.findings[0]!.ruleId as string) = '<img src=x onerror=alert(1)>';
    expect(reasonOf(validateReport(rule))).toMatch(/files\[0\]\.findings\[0\]\.ruleId has an unexpected form/);
    const deep = toJson(report([])).replace('"options": {', `"options": {"a": ${'['.repeat(10_000)}${']'.repeat(10_000)},`);
    expect(reasonOf(parseReport(deep))).toBe('This is not a modelgate report: options is nested deeper than 64 levels.');
  });

  it('agrees with the JSON Schema (Ajv) on 300 mutated reports', async () => {
    const base = await realReport();
    // Small JSON values: Ajv counts 1e300 as an integer, the app wants safe integers; both refuse it anyway.
    const small = fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).match(/\d{10,}|e[+-]?\d/i));
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), small, fc.boolean()), { minLength: 1, maxLength: 3 }), (edits) => {
      const r = clone(base) as unknown;
      for (const [pick, keyPick, value, remove] of edits) mutate(r, pick, keyPick, value, remove);
      let mine = true;
      try { checkStructure(r); } catch { mine = false; }
      expect(mine, JSON.stringify(ajv.errors)).toBe(ajv(r));
    }), { numRuns: 300, seed: 6 });
  });
});

/** Replaces, deletes or adds one field somewhere in the tree (depth-first pick). */
function mutate(root: unknown, pick: number, keyPick: number, value: unknown, remove: boolean): void {
  const containers: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    containers.push(v as Record<string, unknown>);
    for (const c of Object.values(v)) walk(c);
  };
  walk(root);
  const c = containers[pick % containers.length]!;
  const keys = Object.keys(c);
  if (Array.isArray(c)) {
    if (keys.length === 0 || !remove) c.push(value);
    else c[keyPick % c.length] = value;
  } else if (remove && keys.length > 0) {
    delete c[keys[keyPick % keys.length]!];
  } else {
    c[keys.length > 0 && keyPick % 2 === 0 ? keys[keyPick % keys.length]! : `k${keyPick % 3}`] = value;
  }
}

describe('comparing two reports of one folder', () => {
  it('lists added and removed files, new, gone and changed findings; a moved offset is unchanged', () => {
    const { before, after } = folderBeforeAfter();
    const d = diffReports(...inTimeOrder(after, before));
    expect(d.before).toBe(before);
    expect(d.totals).toEqual({ filesAdded: 1, filesRemoved: 1, added: 2, gone: 2, fixed: 1, goneWithFile: 1, changed: 1 });
    const a = d.files.find((f) => f.path === 'model/a.pkl')!;
    expect(a.contentChanged).toBe(true);
    expect(a.unchanged).toBe(1); // posix.system moved from offset 10 to 99
    expect(a.added.map((f) => f.message)).toEqual(['builtins.exec is called']);
    expect(a.changed.map((c) => [c.before.severity, c.after.severity, c.fields])).toEqual([['warning', 'critical', ['severity']]]);
    expect(d.files.find((f) => f.path === 'model/b.pkl')!.gone.map((f) => f.message)).toEqual(['x.y is imported']);
    expect(d.files.find((f) => f.path === 'model/new.safetensors')).toMatchObject({ state: 'added', added: [{ ruleId: 'file/git-lfs-pointer' }] });
    expect(d.files.find((f) => f.path === 'model/old.bin')).toMatchObject({ state: 'removed', gone: [{ ruleId: 'file/empty' }] });
  });

  it('pairs duplicates of one key by offset: two identical calls and one reworded is one change', () => {
    const f = (msg: string, offset: number) => finding('pickle/dangerous-call', 'critical', msg, ['m.pkl'], { offset, pointer: 'op' });
    const d = diffReports(report([file('m.pkl', [f('os.system', 1), f('os.system', 50), f('eval', 90)])]),
      report([file('m.pkl', [f('os.system', 3), f('os.system', 52), f('exec', 95)])]));
    expect(d.totals).toEqual({ filesAdded: 0, filesRemoved: 0, added: 0, gone: 0, fixed: 0, goneWithFile: 0, changed: 1 });
    expect(d.files[0]!.changed[0]!.fields).toEqual(['message']);
    expect(d.files[0]!.unchanged).toBe(2);
  });

  it('finds nothing between a report and itself, and stays fast on 20,000 duplicates of one key', () => {
    const { before } = folderBeforeAfter();
    expect(diffReports(before, clone(before)).totals).toEqual({ filesAdded: 0, filesRemoved: 0, added: 0, gone: 0, fixed: 0, goneWithFile: 0, changed: 0 });
    const many = (sev: 'warning' | 'critical') => report([file('m.pkl', Array.from({ length: 20_000 },
      (_, i) => finding('pickle/dangerous-call', sev, `call ${i % 7}`, ['m.pkl'], { offset: i })))]);
    const t = Date.now();
    expect(diffReports(many('warning'), many('critical')).totals.changed).toBe(20_000);
    expect(Date.now() - t).toBeLessThan(3000);
  });
});

describe('sharing a report as a link', () => {
  it('round-trips a real report through the URL fragment', async () => {
    const r = await realReport();
    const link = shareLink(r, 'https://example.test/app/');
    if (!link.ok) throw new Error(link.reason);
    expect(link.url.startsWith('https://example.test/app/#report=')).toBe(true);
    expect(link.chars).toBeLessThanOrEqual(MAX_LINK_CHARS);
    expect(reportFromHash(new URL(link.url).hash)).toEqual({ ok: true, report: r, newerTool: false });
    expect(reportFromHash('#settings')).toBeNull();
  });

  it('refuses to make a link for a report too large to travel, and says to download the file', () => {
    // Incompressible evidence: 40,000 random bytes as hex.
    let seed = 1;
    const noise = Array.from({ length: 40_000 }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24).toString(16)).join('');
    const r = report([file('big.pkl', [finding('pickle/dangerous-call', 'critical', 'm', ['big.pkl'], { evidence: noise })])]);
    const link = shareLink(r, 'https://example.test/');
    expect(link.ok).toBe(false);
    expect(!link.ok && link.reason).toMatch(/^This report is \d+ KB compressed; links hold up to 32 KB\. Download the JSON file instead\.$/);
  });

  it('stops inflating a decompression-bomb link at MAX_LINK_REPORT_BYTES', () => {
    const bomb = base64url(deflateSync(new Uint8Array(MAX_LINK_REPORT_BYTES * 2), { level: 9 }));
    expect(bomb.length).toBeLessThan(60_000);
    expect(reasonOf(reportFromHash(FRAGMENT_PREFIX + bomb)!)).toBe('This report link expands beyond 16 MB; it is not opened.');
    expect(inflateBounded(deflateSync(new Uint8Array(1000)), 999)).toBe('too-large');
    expect(inflateBounded(deflateSync(new Uint8Array(1000)), 1000)).toEqual(new Uint8Array(1000));
  });

  it('says a cut or edited link is damaged, and refuses a schema-2 report in a link', () => {
    const good = encodeReport(report([]));
    expect(reasonOf(reportFromHash(FRAGMENT_PREFIX + good.slice(0, good.length - 9))!)).toMatch(/damaged \(it does not decompress\)/);
    expect(reasonOf(reportFromHash(FRAGMENT_PREFIX + 'ab$d')!)).toMatch(/damaged \(it is not base64url\)/);
    const v2 = { ...report([]), schemaVersion: 2 };
    const link = base64url(deflateSync(new TextEncoder().encode(JSON.stringify(v2))));
    expect(reasonOf(reportFromHash(FRAGMENT_PREFIX + link)!)).toMatch(/report schema 2; .* open it with a newer modelgate\.$/);
  });

  it('base64url round-trips any bytes and rejects padding and foreign characters', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      expect(fromBase64url(base64url(b))).toEqual(b);
    }), { numRuns: 200, seed: 7 });
    expect(fromBase64url('AAAA=')).toBeNull();
    expect(fromBase64url('A+/A')).toBeNull();
    expect(fromBase64url('A')).toBeNull();
  });
});
