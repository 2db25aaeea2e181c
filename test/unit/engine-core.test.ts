import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, scanReport, fromBytes, VERSION, RULES } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';

const enc = (s: string) => encodeUtf8(s);

describe('engine core', () => {
  it('keeps VERSION equal to package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('reports an empty file as empty, complete and clean', async () => {
    const r = await scan(fromBytes(new Uint8Array(0), 'notes.txt'));
    expect(r.format).toBe('empty');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['file/empty']);
    expect(r.status).toBe('clean');
    expect(r.complete).toBe(true);
  });

  it('reports an empty file named like a model format (model.safetensors, weights.pt) as malformed: an error, not INFO', async () => {
    for (const [name, format] of [['model.safetensors', 'safetensors'], ['weights.pt', 'pytorch'], ['model.pkl', 'pickle'], ['model.gguf', 'gguf']] as const) {
      const r = await scan(fromBytes(new Uint8Array(0), name));
      expect(r.findings.map((f) => f.ruleId)).toEqual(['format/malformed', 'file/empty']);
      expect(r.findings[0]!.message).toMatch(/^The file is empty, but its name \(".*"\) says .*: there is no model in it to load or scan$/);
      expect(r.nodes[0]).toMatchObject({ status: 'malformed', format });
      expect(r.status).toBe('error');
    }
    // Empty configs and templates are ordinary (an empty added_tokens.json): they stay INFO.
    expect((await scan(fromBytes(new Uint8Array(0), 'added_tokens.json'))).status).toBe('clean');
  });

  it('says a Git LFS pointer is a pointer, not the model', async () => {
    const ptr = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 4966\n';
    const r = await scan(fromBytes(enc(ptr), 'model.safetensors'));
    expect(r.format).toBe('git-lfs-pointer');
    expect(r.findings[0]?.ruleId).toBe('file/git-lfs-pointer');
    expect(r.findings[0]?.message).toMatch(/pointer, not the model/);
    expect(r.status).toBe('issues');
  });

  it('flags an HTML error page saved as a model', async () => {
    const r = await scan(fromBytes(enc('<!DOCTYPE html><html><head><title>404 Not Found</title>'), 'pytorch_model.bin'));
    expect(r.format).toBe('html');
    expect(r.findings[0]?.ruleId).toBe('file/html-document');
    expect(r.findings[0]?.evidence).toContain('404 Not Found');
  });

  it('refuses a file above maxFileSize and marks the scan incomplete', async () => {
    const r = await scan(fromBytes(new Uint8Array(100), 'big.bin'), { maxFileSize: 10 });
    expect(r.findings[0]?.ruleId).toBe('file/too-large');
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
  });

  it('flags a file name matching a blacklist pattern as CRITICAL', async () => {
    const r = await scan(fromBytes(new Uint8Array([1, 2, 3]), 'evil_model.bin'), { blacklist: ['evil_*'] });
    const hit = r.findings.find((f) => f.ruleId === 'supply-chain/blacklisted-name');
    expect(hit?.severity).toBe('critical');
  });

  it('reports a cancelled scan as incomplete, never clean', async () => {
    const r = await scan(fromBytes(new Uint8Array(10), 'x.bin'), {}, { signal: { aborted: true, reason: 'timeout' } });
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
    expect(r.findings.some((f) => f.ruleId === 'scan/timeout')).toBe(true);
  });

  it('derives exit codes: 2 for no files or errors, 1 for warnings, 0 otherwise', async () => {
    const meta = { startedAt: new Date().toISOString(), durationMs: 1, options: {} };
    expect(scanReport([], meta).exitCode).toBe(2);
    const clean = await scan(fromBytes(new Uint8Array(0), 'a.bin'));
    expect(scanReport([clean], meta).exitCode).toBe(0);
    const lfs = await scan(fromBytes(enc('version https://git-lfs.github.com/spec/v1\n'), 'b.bin'));
    expect(scanReport([clean, lfs], meta).exitCode).toBe(1);
    const big = await scan(fromBytes(new Uint8Array(5), 'c.bin'), { maxFileSize: 1 });
    const report = scanReport([clean, lfs, big], meta);
    expect(report.exitCode).toBe(2);
    expect(report.summary).toEqual({ files: 3, critical: 0, warning: 2, info: 1, errors: 1 });
  });

  it('gives every rule a title, explanation and remediation', () => {
    for (const [id, r] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect(r.title.length).toBeGreaterThan(3);
      expect(r.explanation.length).toBeGreaterThan(20);
      expect(r.remediation.length).toBeGreaterThan(5);
    }
  });
});

describe('report schema', () => {
  it('accepts a real report and rejects a broken one', async () => {
    const { reportProblems } = await import('../helpers/schema');
    const files = [await scan(fromBytes(new Uint8Array(0), 'a.bin')), await scan(fromBytes(new Uint8Array(5), 'b.bin'), { maxFileSize: 1 })];
    const report = scanReport(files, { startedAt: new Date().toISOString(), durationMs: 3, options: { blacklist: [] } });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    const broken = JSON.parse(JSON.stringify(report));
    broken.files[0].findings[0].severity = 'high';
    delete broken.summary.errors;
    expect(reportProblems(broken).length).toBeGreaterThanOrEqual(2);
  });
});

describe('content beats names', () => {
  it('scans a zip named .safetensors as a zip and reports the mismatch', async () => {
    const zip = readFileSync('fixtures/e2e/zip-slip.zip');
    const r = await scan(fromBytes(new Uint8Array(zip), 'model.safetensors'));
    expect(r.format).toBe('zip');
    const mismatch = r.findings.find((f) => f.ruleId === 'file/extension-mismatch');
    expect(mismatch).toMatchObject({ severity: 'warning', location: { path: ['model.safetensors'] } });
    expect(mismatch?.message).toMatch(/safetensors.*zip/);
    expect(r.findings.some((f) => f.ruleId === 'archive/path-traversal' && f.severity === 'critical')).toBe(true);
  });

  it('finds a safetensors file by its header whatever its name, with no mismatch for a generic .bin', async () => {
    const st = readFileSync('fixtures/safetensors/benign/mixed-dtypes.safetensors');
    const r = await scan(fromBytes(new Uint8Array(st), 'weights.bin'));
    expect(r.format).toBe('safetensors');
    expect(r.findings.filter((f) => f.ruleId === 'file/extension-mismatch')).toEqual([]);
  });

  it('reports a file named .safetensors whose header is garbage as malformed and incomplete, never clean', async () => {
    const r = await scan(fromBytes(encodeUtf8('\x00\x01\x02 not a model at all'), 'model.safetensors'));
    expect(r.status).toBe('error');
    expect(r.complete).toBe(false);
    expect(r.findings.some((f) => f.severity === 'warning')).toBe(true);
  });
});
