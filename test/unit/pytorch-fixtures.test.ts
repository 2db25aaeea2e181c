// The container scanners over real files made by torch, numpy and joblib (fixtures/pickle-family, see
// its MANIFEST.md): layouts recognised, facts noted, every codec joblib writes decoded, payloads found
// in the right member.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';

const DIR = 'fixtures/pickle-family';
const present = existsSync(`${DIR}/MANIFEST.md`);
const load = (p: string) => scan(fromBytes(new Uint8Array(readFileSync(`${DIR}/${p}`)), p.split('/').pop()!));
const alarms = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const criticalAt = (r: FileReport, member: string) => r.findings.some((f) => f.severity === 'critical' && f.location.path.slice(1).join('>') === member);

describe.skipIf(!present)('containers over real torch / numpy / joblib files', () => {
  it('torch.save state_dict (zip): notes version and storages, scans data.pkl only, finds nothing', async () => {
    const r = await load('benign/state-dict.pt');
    expect(r.format).toBe('pytorch');
    expect(r.nodes[0]!.notes).toMatchObject({ format: 'pytorch-zip', archiveName: 'state-dict', version: 3, storages: 4, storageBytes: 232 });
    expect(r.nodes.slice(1).map((n) => [n.path[1], n.format])).toEqual([['state-dict/data.pkl', 'pickle']]);
    expect(alarms(r)).toEqual([]);
  });

  it('torch.save legacy state_dict: five pickles, four storages stepped over, nothing found', async () => {
    const r = await load('benign/state-dict-legacy.pt');
    expect(r.format).toBe('pytorch-legacy');
    expect(r.nodes[0]!.notes).toMatchObject({ protocolVersion: 1001, storages: 4, storageBytes: 232 });
    expect(r.nodes.slice(1).map((n) => n.format)).toEqual(['pickle', 'pickle', 'pickle', 'pickle', 'pickle']);
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('torch.jit.save: TorchScript INFO with forward, code scanned, nothing above INFO', async () => {
    const r = await load('benign/torchscript.pt');
    expect(r.nodes[0]!.notes).toMatchObject({ format: 'torchscript' });
    expect(r.findings.find((f) => f.ruleId === 'pytorch/torchscript-module')?.message).toMatch(/forward/);
    expect(r.nodes.some((n) => n.path[1]?.endsWith('.py'))).toBe(true);
    expect(alarms(r)).toEqual([]);
  });

  it('finds the eval gadget in data.pkl (zip) and in the main pickle (legacy)', async () => {
    expect(criticalAt(await load('malicious/state-dict-eval.pt'), 'state-dict-eval/data.pkl')).toBe(true);
    const legacy = await load('malicious/state-dict-eval-legacy.pt');
    expect(legacy.findings.some((f) => f.severity === 'critical' && /^pickle#3@\d+$/.test(f.location.path[1] ?? ''))).toBe(true);
  });

  it('np.save: numeric array clean, object array INFO, object gadget CRITICAL in its pickle', async () => {
    expect((await load('benign/numeric.npy')).findings).toEqual([]);
    const objects = await load('benign/object-tuples.npy');
    expect(alarms(objects)).toEqual([]);
    expect(objects.findings.map((f) => f.ruleId)).toContain('numpy/object-array');
    expect(criticalAt(await load('malicious/object-gadget.npy'), 'pickle@128')).toBe(true);
  });

  it.each(['gz', 'bz2', 'xz', 'lzma', 'lz4', 'z'])('joblib.dump(compress=...) .%s: decoded, the forest pickle inside is clean', async (ext) => {
    const r = await load(`benign/forest.joblib.${ext}`);
    expect(r.format).toBe('compressed');
    expect(r.complete).toBe(true);
    expect(r.nodes[1]!.format).toBe('pickle');
    expect(r.nodes[1]!.size).toBe(readFileSync(`${DIR}/benign/forest.joblib`).length);
    expect(alarms(r)).toEqual([]);
  });

  it('joblib zlib gadget: CRITICAL in the decompressed pickle', async () => {
    expect(criticalAt(await load('malicious/gadget.joblib.z'), 'gadget.joblib.z (decompressed)')).toBe(true);
  });
});
