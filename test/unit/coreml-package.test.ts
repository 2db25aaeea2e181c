// Core ML ML Programs and .mlpackage folders (fixtures/coreml, built by generate.py from MIL.proto,
// ModelPackage.cpp and the MIL blob storage format): blob-file references resolved against
// weights/weight.bin, paths that leave the package, corrupted weight files and manifests.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { parseSpec } from '../../src/engine/formats/coreml/spec';
import { readBlobHeader, readBlobMetadata, blobFilePath, leavesBase } from '../../src/engine/formats/coreml/package';

const DIR = 'fixtures/coreml';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = async (rel: string): Promise<FileReport> => ({ ...(await scan(fromBytes(load(rel), rel.split('/').pop()!))), path: rel });
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const PKG = ['Manifest.json', 'Data/com.apple.CoreML/model.mlmodel', 'Data/com.apple.CoreML/weights/weight.bin'];
const folder = async (pkg: string, parts = PKG) => scanReport(await Promise.all(parts.map((p) => run(`${pkg}/${p}`))),
  { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });

describe('coreml: ML Program fixtures follow MIL.proto and the blob storage format', () => {
  it('decodes the program: one function, three operations, two blob references into weight.bin', async () => {
    const s = await parseSpec(load('benign/linear.mlpackage/Data/com.apple.CoreML/model.mlmodel'), () => {});
    expect(s.version).toBe(6);
    expect(s.modelTypes).toEqual(['mlProgram']);
    expect(s.operations).toBe(3);
    expect(Object.fromEntries(s.opTypes)).toEqual({ const: 2, linear: 1 });
    expect(s.blobRefs.map((r) => [r.fileName, r.offset])).toEqual([['@model_path/weights/weight.bin', 64], ['@model_path/weights/weight.bin', 192]]);
  });

  it('walks weight.bin: version 2, two blobs whose data lies inside the file', () => {
    const b = load('benign/linear.mlpackage/Data/com.apple.CoreML/weights/weight.bin');
    expect(readBlobHeader(b)).toEqual({ count: 2, version: 2 });
    expect(readBlobMetadata(b.subarray(64, 128), 64, b.length)).toEqual({ at: 64, dtype: 2, size: 16, offset: 128, paddingBits: 0 });
    expect(readBlobMetadata(b.subarray(192, 256), 192, b.length)).toMatchObject({ dtype: 1, size: 8, offset: 256 });
  });

  it('resolves @model_path and refuses paths that climb out', () => {
    expect(blobFilePath('@model_path/weights/weight.bin')).toBe('weights/weight.bin');
    expect(blobFilePath('@model_path/../../../../etc/passwd')).toBeNull();
    expect(blobFilePath('/Users/victim/.ssh/id_rsa')).toBeNull();
    expect(leavesBase('com.apple.CoreML/weights')).toBe(false);
    expect(leavesBase('com.apple.CoreML/../../x')).toBe(true);
    expect(leavesBase('file:///etc/passwd')).toBe(true);
  });
});

describe('coreml: .mlpackage scanning', () => {
  it('reports the benign package clean, file by file and as a folder, with every reference resolved', async () => {
    const rep = await folder('benign/linear.mlpackage');
    for (const f of rep.files) {
      expect(f.format).toBe('coreml');
      expect(f.findings).toEqual([]);
    }
    const [manifest, spec, weights] = rep.files;
    expect(manifest!.nodes[0]!.notes!.referencesResolved).toEqual([{ path: 'benign/linear.mlpackage/Data/com.apple.CoreML/model.mlmodel', kind: 'root model', found: true }]);
    expect(spec!.nodes[0]!.notes!.referencesResolved).toEqual([{ path: 'benign/linear.mlpackage/Data/com.apple.CoreML/weights/weight.bin', kind: 'weight file', found: true }]);
    expect(weights!.nodes[0]!.notes!.blobOffsets).toEqual([64, 192]);
    expect(spec!.nodes[0]!.notes!.operationTypes).toEqual({ const: 2, linear: 1 });
  });

  it('reports ML Program constants read through "@model_path/../.." or an absolute path as CRITICAL', async () => {
    const r = await run('malicious/mlprogram_weights_escape.mlmodel');
    const esc = r.findings.filter((f) => f.ruleId === 'coreml/path-escape');
    expect(esc.map((f) => f.severity)).toEqual(['critical', 'critical', 'critical']);
    expect(esc.map((f) => f.evidence)).toEqual(['@model_path/../../../../../../etc/passwd', '@model_path/../../../../../../etc/passwd', '/Users/victim/.ssh/id_rsa']);
    expect(esc[2]!.location.pointer).toBe('/mlProgram/functions/main/block_specializations/CoreML5/operations/3/attributes/val');
  });

  it('reports a Manifest.json item whose path climbs out of the package as CRITICAL', async () => {
    const r = await run('malicious/manifest_escape.mlpackage/Manifest.json');
    const f = r.findings.find((x) => x.ruleId === 'coreml/path-escape')!;
    expect(f.severity).toBe('critical');
    expect(f.evidence).toBe('../../../../Library/Keychains');
  });

  it('sends ML Program string constants through the detectors', async () => {
    const r = await run('malicious/mlprogram_string_command.mlmodel');
    expect(aboveInfo(r).map((f) => f.ruleId)).toEqual(expect.arrayContaining(['strings/python-code', 'strings/shell-command']));
    expect(aboveInfo(r)[0]!.location.pointer).toMatch(/^\/mlProgram\/functions\/main\/.*\/operations\/3\/attributes\/val\/strings\/0$/);
  });

  it('reports a constant pointing between the blobs of weight.bin as a WARNING in a folder scan', async () => {
    const rep = await folder('malformed/bad_blob_offset.mlpackage');
    const f = rep.files[1]!.findings.find((x) => x.ruleId === 'coreml/bad-blob-reference')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('weights/weight.bin offsets 200');
  });

  it('reports a package dropped without its weight file as a missing reference on the model', async () => {
    const rep = await folder('benign/linear.mlpackage', PKG.slice(0, 2));
    expect(rep.files[1]!.findings.map((f) => [f.ruleId, f.evidence])).toEqual([['folder/missing-reference', 'weights/weight.bin']]);
    expect(rep.files[0]!.findings).toEqual([]);
  });

  it('reports a package scanned without the root model its manifest names as a missing reference', async () => {
    const rep = await folder('benign/linear.mlpackage', [PKG[0]!, PKG[2]!]);
    expect(rep.files[0]!.findings.map((f) => [f.ruleId, f.evidence])).toEqual([['folder/missing-reference', 'Data/com.apple.CoreML/model.mlmodel']]);
  });

  for (const name of ['weight_bad_sentinel.bin', 'weight_past_end.bin', 'weight_truncated.bin', 'Manifest.json']) {
    it(`reports ${name} malformed, not malicious`, async () => {
      const r = await run(`malformed/${name}`);
      expect(r.format).toBe('coreml');
      expect(r.nodes[0]!.status).toBe('malformed');
      expect(aboveInfo(r).map((f) => f.ruleId)).toEqual(['format/malformed']);
    });
  }

  it('reads a zipped .mlpackage member by member: the escaping manifest item is still CRITICAL', async () => {
    const pkg = 'malicious/manifest_escape.mlpackage';
    const zip = zipSync(Object.fromEntries(PKG.map((p) => [`Model.mlpackage/${p}`, load(`${pkg}/${p}`)])));
    const r = await scan(fromBytes(zip, 'Model.mlpackage.zip'));
    expect(r.nodes.filter((n) => n.format === 'coreml').length).toBe(3);
    const f = r.findings.find((x) => x.ruleId === 'coreml/path-escape')!;
    expect(f.severity).toBe('critical');
    expect(f.location.path).toEqual(['Model.mlpackage.zip', 'Model.mlpackage/Manifest.json']);
  });

  it('leaves other Manifest.json files and .bin files to other scanners', async () => {
    const other = await scan(fromBytes(new TextEncoder().encode('{"name": "app", "version": "1.0"}'), 'Manifest.json'));
    expect(other.format).not.toBe('coreml');
    const bin = await scan(fromBytes(new Uint8Array(256), 'weight.bin'));
    expect(bin.format).not.toBe('coreml');
  });
});
