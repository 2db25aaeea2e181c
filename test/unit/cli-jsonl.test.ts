// --format jsonl as a registry-scale stream: each file's line is written when the file is done and the
// report dropped (a reader that stops reading holds the scan back instead of filling memory), the
// cross-file checks still run (over skeletons) and say what a whole --format json report says, and
// `modelgate merge` reads the stream back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { crossFileResults, crossFileSkeleton, scanReport, type FileReport, type ScanReport } from '../../src/engine';

/** Protocol-0 pickle that calls os.system on load. */
const EVIL = "cos\nsystem\n(S'echo pwned'\ntR.";
let base: string;
beforeAll(() => { base = mkdtempSync(join(tmpdir(), 'mg-jsonl-')); });
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function cli(cwd: string, argv: string[], stdout?: CliIo['stdout']) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: stdout ?? { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => { err += s; } }, env: {}, cwd });
  return { code, stdout: out, stderr: err };
}

type Line = FileReport & { type?: string; finding?: FileReport['findings'][number]; note?: unknown; exitCode?: number; summary?: ScanReport['summary'] };
const parse = (text: string): Line[] => text.trim().split('\n').map((l) => JSON.parse(l) as Line);
const key = (path: string, f: { ruleId: string; severity: string; message: string }) => `${path} ${f.ruleId} ${f.severity} ${f.message}`;

/** Every finding a JSONL stream reports, file lines and cross-file lines together. */
function streamFindings(lines: Line[]): string[] {
  return lines.flatMap((l) => (l.type === 'cross-file' ? (l.finding ? [key(l.path, l.finding)] : [])
    : l.type === 'summary' ? [] : l.findings.map((f) => key(l.path, f)))).sort();
}

describe('--format jsonl streams', () => {
  it('a reader that stops reading holds the scan back: no report piles up behind a full pipe', async () => {
    const dir = join(base, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.pkl`), i % 10 === 0 ? EVIL : `text ${i}`);
    const lines: string[] = [];
    const drains: Array<() => void> = [];
    // A pipe whose reader is stuck: every write says "full" until the test lets it drain.
    const stdout = {
      write: (s: string) => { lines.push(s); return false; },
      once: (_event: 'drain', fn: () => void) => { drains.push(fn); },
    };
    const run = cli(dir, ['scan', '--format', 'jsonl', '--no-progress', '.'], stdout);
    for (let t = 0; lines.length === 0 && t < 600; t++) await new Promise((r) => setTimeout(r, 100));
    // At most one line per scanning slot (4 at most) is written: each slot then waits for the reader
    // and takes no further file, however long we wait (a slot still scanning may add its one line).
    for (const wait of [1500, 2500]) {
      await new Promise((r) => setTimeout(r, wait));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(4);
    }
    // Let the reader go: every write drains at once from now on.
    stdout.write = (s: string) => { lines.push(s); return true; };
    for (const d of drains.splice(0)) d();
    const r = await run;
    const parsed = lines.map((l) => JSON.parse(l) as Line);
    expect(r.code, r.stderr + JSON.stringify(parsed.filter((l) => l.status === 'error' || l.type))).toBe(1);
    expect(parsed.filter((l) => l.type === undefined)).toHaveLength(40);
    expect(parsed.at(-1)).toMatchObject({ type: 'summary', exitCode: 1, summary: { files: 40, errors: 0 } });
    expect(parsed.at(-1)!.summary!.critical).toBeGreaterThanOrEqual(4);
  });

  it('keeps only each file\'s skeleton: the cross-file checks say the same over skeletons as over whole reports', async () => {
    const dirs = ['fixtures/diffusers/malicious/custom-component', 'fixtures/safetensors/malicious/sharded-shadow',
      'fixtures/oci/malicious/tampered-layout', 'fixtures/openvino', 'fixtures/coreml/malformed/bad_blob_offset.mlpackage'];
    const r = await cli(resolve('.'), ['scan', '--format', 'json', '--no-progress', ...dirs]);
    const files = (JSON.parse(r.stdout) as ScanReport).files;
    // The files already carry the cross-file results; no check reads those, so they can stay.
    const raw = files;
    const whole = crossFileResults(raw);
    expect(whole.filter((x) => 'finding' in x).length).toBeGreaterThanOrEqual(4);
    expect(whole.some((x) => 'finding' in x && x.finding.ruleId === 'coreml/bad-blob-reference')).toBe(true);
    expect(crossFileResults(raw.map(crossFileSkeleton))).toEqual(whole);
    const skeletonBytes = JSON.stringify(raw.map(crossFileSkeleton)).length;
    expect(skeletonBytes).toBeLessThan(JSON.stringify(raw).length / 2);
  });

  it('says what --format json says: the same findings (cross-file ones too), summary and exit code; merge reads it back', async () => {
    const root = resolve('.');
    const dirs = ['fixtures/diffusers/malicious/custom-component', 'fixtures/safetensors/malicious/sharded-shadow', 'fixtures/oci/malicious/tampered-layout'];
    const json = JSON.parse((await cli(root, ['scan', '--format', 'json', '--no-progress', ...dirs])).stdout) as ScanReport;
    const out = join(base, 'fixtures.jsonl');
    const jl = await cli(root, ['scan', '--format', 'jsonl', '--no-progress', '-o', out, ...dirs]);
    expect(jl.code).toBe(json.exitCode);
    const lines = parse(readFileSync(out, 'utf8'));
    expect(lines.some((l) => l.type === 'cross-file' && l.finding?.ruleId === 'diffusers/remote-code')).toBe(true);
    expect(streamFindings(lines)).toEqual(json.files.flatMap((f) => f.findings.map((x) => key(f.path, x))).sort());
    expect(lines.at(-1)!.summary).toEqual(json.summary);
    const merged = await cli(root, ['merge', out, '-o', join(base, 'merged.json')]);
    expect(merged.code).toBe(json.exitCode);
    const m = JSON.parse(readFileSync(join(base, 'merged.json'), 'utf8')) as ScanReport;
    expect(m.summary).toMatchObject({ files: json.summary.files, critical: json.summary.critical, warning: json.summary.warning });
    // A whole JSON report already carries the cross-file findings: merging it does not add them twice.
    writeFileSync(join(base, 'whole.json'), JSON.stringify(json));
    const again = JSON.parse((await cli(root, ['merge', join(base, 'whole.json')])).stdout) as ScanReport;
    expect(again.summary).toEqual(json.summary);
    expect(again.files.flatMap((f) => f.findings.map((x) => key(f.path, x))).sort()).toEqual(json.files.flatMap((f) => f.findings.map((x) => key(f.path, x))).sort());
  });

  it('a suppression and a baseline judge streamed lines as they judge a whole report', async () => {
    const dir = join(base, 'policy');
    mkdirSync(join(dir, 'models/legacy'), { recursive: true });
    writeFileSync(join(dir, '.modelgate.toml'), '[[suppress]]\nrule = "pickle/"\npaths = ["models/legacy/**"]\nreason = "reviewed"\n');
    writeFileSync(join(dir, 'models/legacy/old.pkl'), EVIL);
    writeFileSync(join(dir, 'models/a.pkl'), EVIL);
    const first = await cli(dir, ['scan', '--format', 'jsonl', '--no-progress', '--write-baseline', 'base.json', 'models']);
    expect(first.code).toBe(1);
    const lines = parse(first.stdout);
    const legacy = lines.find((l) => l.path === 'models/legacy/old.pkl')!;
    expect(legacy.status).toBe('clean');
    expect(legacy.findings.find((f) => f.severity === 'critical')!.suppression).toMatchObject({ kind: 'policy', reason: 'reviewed' });
    const summary = lines.at(-1)!;
    expect((summary as unknown as ScanReport).policy!.suppress[0]!.matched).toBeGreaterThan(0);
    // The baseline written beside the stream is the whole report: a second run accepts everything in it.
    const again = await cli(dir, ['scan', '--format', 'jsonl', '--no-progress', '--baseline', 'base.json', 'models']);
    expect(again.code).toBe(0);
    expect(parse(again.stdout).at(-1)!.summary).toMatchObject({ critical: 0, baseline: expect.any(Number) });
  });
});
