// An archive is a folder in a file: the cross-file checks judge the members of a zip or tar together, as
// they judge the files of a dropped folder (src/engine/folder/members.ts). A zipped .mlpackage whose
// program points at a blob its weight file lacks is as wrong zipped as unpacked; a zipped sharded
// checkpoint that shadows a tensor is as wrong; the benign package and shards stay silent zipped.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { scan, scanReport, fromBytes, crossFileSkeleton, type FileReport } from '../../src/engine';
import { buildTar } from '../builders/tar';
import { archiveFolderResults } from '../../src/engine/folder/members';
import { FOLDER_CHECKS } from '../../src/engine/folder/checks';

/** Every file under `dir`, keyed by its path relative to dir's parent (the folder's own name first). */
function tree(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(join(dir, '..'), p)] = new Uint8Array(readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const zipOf = (dir: string) => zipSync(tree(dir), { level: 0 });
const atLeastWarning = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const alone = (r: FileReport) => scanReport([r], { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} }).files[0]!;

describe('archives are judged as folders: the cross-file checks run over their members', () => {
  it('a zipped .mlpackage whose ML Program names a blob offset weight.bin does not have: coreml/bad-blob-reference WARNING inside the zip', async () => {
    const r = await scan(fromBytes(zipOf('fixtures/coreml/malformed/bad_blob_offset.mlpackage'), 'bad.mlpackage.zip'));
    const bad = r.findings.filter((f) => f.ruleId === 'coreml/bad-blob-reference');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.severity).toBe('warning');
    expect(bad[0]!.location.path).toEqual(['bad.mlpackage.zip', 'bad_blob_offset.mlpackage/Data/com.apple.CoreML/model.mlmodel']);
    expect(r.status).toBe('issues');
    // Judged when the file's report is made: a report on its own (a streamed run's line) says the same.
    expect(alone(r).findings.filter((f) => f.ruleId === 'coreml/bad-blob-reference')).toHaveLength(1);
  });

  it('the same package unpacked and dropped as a folder says the same thing (the check is the folder check)', async () => {
    const files = tree('fixtures/coreml/malformed/bad_blob_offset.mlpackage');
    const reports = await Promise.all(Object.entries(files).map(async ([p, b]) => ({ ...(await scan(fromBytes(b, p.split('/').pop()!))), path: p })));
    const rep = scanReport(reports, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    expect(rep.files.flatMap((f) => f.findings).filter((f) => f.ruleId === 'coreml/bad-blob-reference')).toHaveLength(1);
  });

  it('a tarred .mlpackage with the same bad offset: the same WARNING inside the tar', async () => {
    const members = Object.entries(tree('fixtures/coreml/malformed/bad_blob_offset.mlpackage')).map(([name, data]) => ({ name, data }));
    const r = await scan(fromBytes(buildTar({ members }), 'bad.mlpackage.tar'));
    expect(r.findings.filter((f) => f.ruleId === 'coreml/bad-blob-reference').map((f) => f.location.path))
      .toEqual([['bad.mlpackage.tar', 'bad_blob_offset.mlpackage/Data/com.apple.CoreML/model.mlmodel']]);
  });

  it('a benign .mlpackage stays below WARNING zipped and tarred', async () => {
    const zipped = await scan(fromBytes(zipOf('fixtures/coreml/benign/linear.mlpackage'), 'linear.mlpackage.zip'));
    expect(atLeastWarning(zipped)).toEqual([]);
    expect(zipped.status).toBe('clean');
    const members = Object.entries(tree('fixtures/coreml/benign/linear.mlpackage')).map(([name, data]) => ({ name, data }));
    const tarred = await scan(fromBytes(buildTar({ members }), 'linear.mlpackage.tar'));
    expect(atLeastWarning(tarred)).toEqual([]);
    expect(tarred.status).toBe('clean');
  });

  it('a zipped sharded checkpoint whose second shard shadows a tensor of the first is flagged inside the zip; the skeleton keeps it', async () => {
    const dir = 'fixtures/safetensors/malicious/sharded-shadow';
    const asFolder = scanReport(await Promise.all(Object.entries(tree(dir)).map(async ([p, b]) => ({ ...(await scan(fromBytes(b, p.split('/').pop()!))), path: p }))),
      { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
    const folderRules = asFolder.files.flatMap((f) => atLeastWarning(f).map((x) => x.ruleId)).sort();
    expect(folderRules.length).toBeGreaterThan(0);
    const r = await scan(fromBytes(zipOf(dir), 'shards.zip'));
    expect(atLeastWarning(r).map((x) => x.ruleId).sort()).toEqual(folderRules);
    expect(crossFileSkeleton(r).status).toBe('issues');
  });

  it('a zip holding one shard of a set is not a folder to judge (nothing to compare it with): no cross-file finding', async () => {
    const one = zipSync({ 'a/model-00001-of-00002.safetensors': new Uint8Array(readFileSync('fixtures/safetensors/malicious/sharded-shadow/model-00001-of-00002.safetensors')) });
    const r = await scan(fromBytes(one, 'one.zip'));
    expect(atLeastWarning(r)).toEqual([]);
  });

  it('a torch checkpoint (a model format that is a zip) is judged as a checkpoint, not as a folder of its records', async () => {
    const pt = new Uint8Array(readFileSync('fixtures/stats/benign/sequential.pt'));
    const r = await scan(fromBytes(pt, 'sequential.pt'));
    expect(r.format).not.toBe('zip');
    expect(atLeastWarning(r)).toEqual([]);
  });

  // Benign look-alikes: every fixtures/<format>/benign tree (files made by the real tools, folders such
  // as a sharded checkpoint, an OCI layout, a SavedModel, Orbax checkpoints), zipped whole: judging the
  // members together adds nothing at WARNING or above.
  const benignTrees = readdirSync('fixtures').map((f) => join('fixtures', f, 'benign')).filter((d) => { try { return statSync(d).isDirectory(); } catch { return false; } });
  it.each(benignTrees)('%s zipped whole: the checks over its members raise nothing at WARNING', async (dir) => {
    const r = await scan(fromBytes(zipOf(dir), 'benign.zip'));
    const inside = archiveFolderResults(r.nodes, r.findings, FOLDER_CHECKS).findings;
    expect(inside.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
  });
});
