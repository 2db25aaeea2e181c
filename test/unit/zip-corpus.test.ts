// Other scanners' zip samples (../shared/corpus, present in CI): the zip-level verdicts each must get.
// Pickle payloads inside are judged by the pickle scanner; here it is enough that the member is reached.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';

const CORPUS = join(process.cwd(), '..', 'shared', 'corpus');
const present = existsSync(join(CORPUS, 'picklescan'));

const scanCorpus = (rel: string) => scan(fromBytes(new Uint8Array(readFileSync(join(CORPUS, rel))), basename(rel)));
const ids = (r: FileReport) => r.findings.map((f) => f.ruleId);
const aboveInfo = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK.info);
const hasNode = (r: FileReport, path: string[]) => r.nodes.some((n) => n.path.join('\0') === path.join('\0'));

describe.skipIf(!present)('zip corpus samples', () => {
  it.each([
    'picklescan/tests/data/benign_password_protected.zip',
    'modelscan/tests/data/password_protected.zip',
  ])('%s: a really encrypted member is INFO only, unscanned', async (rel) => {
    const r = await scanCorpus(rel);
    expect(aboveInfo(r)).toEqual([]);
    expect(ids(r)).toContain('archive/encrypted-member');
    expect(r.complete).toBe(false);
  });

  it.each(['malicious1_0x1.zip', 'malicious1_0x40.zip'])('%s: encryption flag on plain data is flagged and the member scanned', async (f) => {
    const r = await scanCorpus(`picklescan/tests/data/${f}`);
    expect(r.findings.find((x) => x.ruleId === 'archive/false-encryption-flag')).toMatchObject({ severity: 'warning', location: { pointer: 'model/config.pkl' } });
    expect(ids(r)).not.toContain('archive/encrypted-member');
    expect(hasNode(r, [f, 'model/config.pkl'])).toBe(true);
  });

  it('malicious1_0x20.zip: the "patched data" flag does not stop the member being scanned', async () => {
    const r = await scanCorpus('picklescan/tests/data/malicious1_0x20.zip');
    expect(hasNode(r, ['malicious1_0x20.zip', 'model/config.pkl'])).toBe(true);
  });

  it('malicious1_central_directory.zip: the corrupted local name is a name mismatch', async () => {
    const r = await scanCorpus('picklescan/tests/data/malicious1_central_directory.zip');
    expect(r.findings.find((x) => x.ruleId === 'archive/name-mismatch')).toMatchObject({ severity: 'warning', evidence: 'local name: datap.kl' });
    expect(hasNode(r, ['malicious1_central_directory.zip', 'data.pkl'])).toBe(true);
  });

  it('malicious1_crc.zip: CRC mismatch reported and data.pkl still scanned', async () => {
    const r = await scanCorpus('picklescan/tests/data2/malicious1_crc.zip');
    expect(r.findings.find((x) => x.ruleId === 'archive/crc-mismatch')).toMatchObject({ severity: 'warning', location: { pointer: 'data.pkl' } });
    expect(hasNode(r, ['malicious1_crc.zip', 'data.pkl'])).toBe(true);
  });

  it.each(['malicious1.zip', 'malicious1_wrong_ext.zip'])('%s: the member is reached', async (f) => {
    const r = await scanCorpus(`picklescan/tests/data/${f}`);
    expect(r.nodes.length).toBe(2);
    expect(r.nodes[1]!.path[0]).toBe(f);
  });

  it('path_traversal.zip: CRITICAL traversal for ../../../etc/evil.txt', async () => {
    const r = await scanCorpus('modelaudit/tests/assets/samples/archives/path_traversal.zip');
    expect(r.findings.find((x) => x.ruleId === 'archive/path-traversal')).toMatchObject({ severity: 'critical', location: { pointer: '../../../etc/evil.txt' } });
  });

  it('safe_model.zip: nothing above INFO, complete', async () => {
    const r = await scanCorpus('modelaudit/tests/assets/samples/archives/safe_model.zip');
    expect(aboveInfo(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });
});
