// diffusers pipeline folders (fixtures/diffusers, JSON in the shape diffusers writes; see its MANIFEST.md):
// a folder is scanned file by file, then scanReport's folder checks link the config to the code it loads.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';

const ROOT = 'fixtures/diffusers';
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}
async function folder(name: string): Promise<FileReport[]> {
  const dir = join(ROOT, name);
  const files = await Promise.all(walk(dir).map(async (p) => {
    const rel = `${name}/${relative(dir, p)}`;
    return scan(fromBytes(new Uint8Array(readFileSync(p)), rel), { displayPath: rel });
  }));
  return scanReport(files, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} }).files;
}
const index = (files: FileReport[]) => files.find((f) => f.path.endsWith('model_index.json'))!;
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const alarms = (files: FileReport[]) => files.flatMap((f) => f.findings.filter((x) => x.severity === 'critical' || x.severity === 'warning'));

describe('diffusers: model_index.json and component configs', () => {
  it('keeps stable-diffusion-v1-5\'s pipeline (diffusers, transformers, stable_diffusion components) clean', async () => {
    for (const name of ['benign/sd15', 'benign/sd15-v0.29']) {
      const files = await folder(name);
      expect(index(files).format).toBe('diffusers');
      expect(alarms(files)).toEqual([]);
    }
  });

  it('makes a custom component whose code file runs subprocess CRITICAL, linked to unet/my_unet.py', async () => {
    const files = await folder('malicious/custom-component');
    const r = index(files);
    const hits = find(r, 'diffusers/remote-code');
    expect(hits.map((h) => h.severity).sort()).toEqual(['critical', 'warning']);
    expect(hits.find((h) => h.severity === 'critical')).toMatchObject({ evidence: 'malicious/custom-component/unet/my_unet.py' });
    expect(r.nodes[0]!.notes!.referencesResolved).toEqual([{ path: 'malicious/custom-component/unet/my_unet.py', kind: 'diffusers custom component', found: true }]);
    const code = files.find((f) => f.path.endsWith('my_unet.py'))!;
    expect(code.nodes[0]!.notes!.referencedBy).toEqual(['malicious/custom-component/model_index.json']);
  });

  it('warns (not CRITICAL) about a custom pipeline class whose file uses no OS calls', async () => {
    const files = await folder('malicious/custom-pipeline-class');
    const hits = find(index(files), 'diffusers/remote-code');
    expect(hits.map((h) => [h.severity, h.evidence])).toEqual([['warning', 'pipeline.MyPipeline']]);
  });

  it('flags custom_pipeline from another repository CRITICAL', async () => {
    const r = await scan(fromBytes(new Uint8Array(readFileSync(join(ROOT, 'malicious/custom-pipeline-repo/model_index.json'))), 'model_index.json'));
    expect(find(r, 'diffusers/remote-code')[0]).toMatchObject({ severity: 'critical', evidence: 'attacker/sd-helpers' });
  });

  it('reports a custom component as WARNING when the folder was not scanned with its code file', async () => {
    const r = await scan(fromBytes(new Uint8Array(readFileSync(join(ROOT, 'malicious/custom-component/model_index.json'))), 'model_index.json'));
    expect(find(r, 'diffusers/remote-code').map((h) => h.severity)).toEqual(['warning']);
  });

  it('reports a cut model_index.json as malformed, never clean', async () => {
    const r = await scan(fromBytes(new Uint8Array(readFileSync(join(ROOT, 'malformed/model_index.json'))), 'model_index.json'));
    expect(r.format).toBe('diffusers');
    expect(r.complete).toBe(false);
  });
});
