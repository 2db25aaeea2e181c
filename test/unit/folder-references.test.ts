// The generic cross-reference check (src/engine/folder/references.ts) over reports whose scanners
// noted `references`: what resolves, what is missing, and what is not this check's business.
import { describe, expect, it } from 'vitest';
import { fileReport, scanReport, type FileReport, type JsonValue } from '../../src/engine';
import { resolveReference } from '../../src/engine/folder/references';

function file(path: string, references?: Array<{ path: string; kind: string }>): FileReport {
  const notes: Record<string, JsonValue> = references ? { references } : {};
  return fileReport({ path, size: 1, findings: [], durationMs: 0, verbose: false,
    nodes: [{ path: [path], format: 'onnx', size: 1, status: 'scanned', notes }] });
}
const report = (files: FileReport[]) => scanReport(files, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
const missing = (r: ReturnType<typeof report>) => r.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'folder/missing-reference').map((x) => [f.path, x.evidence]));

describe('folder references', () => {
  it('notes which files an ONNX model loads and that each was scanned, on both sides', async () => {
    const r = report([file('m/model.onnx', [{ path: 'weights.bin', kind: 'external data' }, { path: './data/w2.bin', kind: 'external data' }]),
      file('m/weights.bin'), file('m/data/w2.bin')]);
    expect(missing(r)).toEqual([]);
    expect(r.files[0]!.nodes[0]!.notes?.referencesResolved).toEqual([
      { path: 'm/weights.bin', kind: 'external data', found: true }, { path: 'm/data/w2.bin', kind: 'external data', found: true }]);
    expect(r.files[1]!.nodes[0]!.notes?.referencedBy).toEqual(['m/model.onnx']);
    expect(r.exitCode).toBe(0);
  });

  it('reports a piece that is not among the scanned files as a WARNING on the referencing file', async () => {
    const r = report([file('m/saved_model.pb', [{ path: 'variables/variables.index', kind: 'SavedModel variables' },
      { path: 'variables/variables.data-00000-of-00001', kind: 'SavedModel variables' }]), file('m/variables/variables.index')]);
    expect(missing(r)).toEqual([['m/saved_model.pb', 'variables/variables.data-00000-of-00001']]);
    expect(r.files[0]!.findings[0]).toMatchObject({ severity: 'warning', location: { path: ['m/saved_model.pb'] } });
    expect(r.files[0]!.status).toBe('issues');
    expect(r.exitCode).toBe(1);
  });

  it('resolves ".." inside the folder and leaves escapes and absolute paths to the referencing scanner', async () => {
    const r = report([file('m/sub/model.onnx', [{ path: '../w.bin', kind: 'external data' }, { path: '../../../etc/passwd', kind: 'external data' },
      { path: '/etc/shadow', kind: 'external data' }]), file('m/w.bin'), file('m/sub/other.txt')]);
    expect(missing(r)).toEqual([]);
    expect(r.files[0]!.nodes[0]!.notes?.referencesResolved).toEqual([{ path: 'm/w.bin', kind: 'external data', found: true }]);
  });

  it('says nothing is missing when the model file was scanned alone, not its folder', async () => {
    expect(missing(report([file('m/model.onnx', [{ path: 'weights.bin', kind: 'external data' }])]))).toEqual([]);
    expect(missing(report([file('m/model.onnx', [{ path: 'weights.bin', kind: 'external data' }]), file('other/x.bin')]))).toEqual([]);
  });

  it('reports each missing piece once however often one file names it, and bounds a flood of them', async () => {
    const refs = [...Array(200).keys()].map((i) => ({ path: `w${i % 120}.bin`, kind: 'external data' }));
    const r = report([file('m/model.onnx', refs), file('m/w0.bin')]);
    const m = missing(r);
    expect(m).toHaveLength(51);
    expect(m.at(-1)).toEqual(['m/model.onnx', '69 more']);
  });

  it('does not mutate the reports it was given', async () => {
    const a = file('m/model.onnx', [{ path: 'w.bin', kind: 'external data' }]);
    report([a, file('m/w.bin')]);
    expect(a.nodes[0]!.notes?.referencesResolved).toBeUndefined();
  });

  it('resolveReference: relative in, null for escapes, schemes and drives', () => {
    expect(resolveReference('a/b/', 'c/../d')).toBe('a/b/d');
    expect(resolveReference('', '../x')).toBeNull();
    expect(resolveReference('a/', 'https://example.com/x')).toBeNull();
    expect(resolveReference('a/', 'C:\\x')).toBeNull();
    expect(resolveReference('a/', 'x\\y')).toBe('a/x/y');
  });
});
