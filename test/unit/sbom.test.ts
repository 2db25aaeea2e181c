// CycloneDX 1.6 ML-BOM: built with the CycloneDX library and validated against its bundled 1.6 JSON
// schema (the library's strict validator, ajv + formats, devDependencies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { fileReport, scanReport, type FileReport, type JsonValue } from '../../src/engine';
import { main } from '../../src/cli/main';
import { toCycloneDxJson } from '../../src/cli/sbom';

const EVIL = "cos\nsystem\n(S'echo pwned'\ntR.";
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'mg-sbom-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function schemaErrors(json: string): Promise<unknown> {
  return new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json);
}

function onnx(path: string, references?: Array<{ path: string; kind: string }>): FileReport {
  const notes: Record<string, JsonValue> = references ? { references } : {};
  return fileReport({ path, size: 4, findings: [], durationMs: 0, verbose: false, sha256: 'ab'.repeat(32),
    nodes: [{ path: [path], format: 'onnx', size: 4, status: 'scanned', notes }] });
}

describe('CycloneDX ML-BOM', () => {
  it('an ONNX model and its external data: model components, SHA-256, a dependency, valid CycloneDX 1.6', async () => {
    const report = scanReport([onnx('m/model.onnx', [{ path: 'weights.bin', kind: 'external data' }]), onnx('m/weights.bin')],
      { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    const json = toCycloneDxJson(report);
    expect(await schemaErrors(json)).toBeNull();
    const bom = JSON.parse(json);
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    expect(bom.metadata.tools.components[0]).toMatchObject({ type: 'application', name: 'modelgate' });
    const model = bom.components.find((c: { name: string }) => c.name === 'm/model.onnx');
    expect(model).toMatchObject({ type: 'machine-learning-model', hashes: [{ alg: 'SHA-256', content: 'ab'.repeat(32) }] });
    expect(model.properties).toContainEqual({ name: 'modelgate:verdict', value: 'clean' });
    const weights = bom.components.find((c: { name: string }) => c.name === 'm/weights.bin');
    expect(bom.dependencies).toContainEqual({ ref: model['bom-ref'], dependsOn: [weights['bom-ref']] });
  });

  it('--sbom beside a text report: archive members nest, the verdict is recorded, and it validates', async () => {
    writeFileSync(join(dir, 'bundle.zip'), zipSync({ 'inner/evil.pkl': strToU8(EVIL), 'README.md': strToU8('hello') }));
    let out = '';
    const code = await main(['scan', '--sbom', 'bom.json', 'bundle.zip'], { stdout: { write: (s: string) => { out += s; } }, stderr: { write: () => {} }, env: {}, cwd: dir });
    expect(code).toBe(1);
    expect(out).toMatch(/ISSUES FOUND/);
    const json = readFileSync(join(dir, 'bom.json'), 'utf8');
    expect(await schemaErrors(json)).toBeNull();
    const [zip] = JSON.parse(json).components;
    expect(zip).toMatchObject({ type: 'file', name: 'bundle.zip' });
    expect(zip.hashes[0].alg).toBe('SHA-256');
    expect(zip.properties).toContainEqual({ name: 'modelgate:verdict', value: 'issues' });
    expect(zip.components.map((c: { name: string }) => c.name).sort()).toEqual(['README.md', 'inner/evil.pkl']);
    let stdout = '';
    await main(['scan', '--format', 'cyclonedx', 'bundle.zip'], { stdout: { write: (s: string) => { stdout += s; } }, stderr: { write: () => {} }, env: {}, cwd: dir });
    expect(await schemaErrors(stdout)).toBeNull();
  });
});

describe('the app\'s Download SBOM', () => {
  it('writes the same CycloneDX 1.6 document as the CLI for the same report, up to the serial number', async () => {
    const { sbomJson } = await import('../../src/app/download');
    const report = scanReport([onnx('m/model.onnx', [{ path: 'weights.bin', kind: 'external data' }]), onnx('m/weights.bin')],
      { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    const app = await sbomJson(report);
    const cli = toCycloneDxJson(report);
    expect(await schemaErrors(app)).toBeNull();
    const strip = (s: string) => ({ ...JSON.parse(s), serialNumber: undefined });
    expect(JSON.parse(app).serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(JSON.parse(app).serialNumber).not.toBe(JSON.parse(cli).serialNumber);
    expect(strip(app)).toEqual(strip(cli));
  });
});
