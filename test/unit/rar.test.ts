// RAR v4 and v5 through the bundled 7-Zip (fixtures/rar: WinRAR-made archives from the npm package
// unrar-promise and stored archives written from RARLAB's technotes; see its MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { openNode, nodeAddress } from '../../src/engine/navigate';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/rar/${p}`));
const fixture = (p: string) => scan(fromBytes(load(p), p.split('/').pop()!));
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const alarms = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const members = (r: FileReport) => r.nodes.slice(1).map((n) => n.path.slice(1).join(' > '));

describe('RAR', () => {
  it('lists and scans every member of WinRAR-made RAR 4 archives, names in any script, nothing above INFO', async () => {
    const r = await fixture('benign/example.rar');
    expect(r.format).toBe('rar');
    expect(members(r)).toEqual(['example/foo/bar.txt', 'example/hoge.txt']);
    expect(alarms(r)).toEqual([]);
    expect(r.complete).toBe(true);
    const jp = await fixture('benign/cp932-names.rar');
    expect(members(jp)).toEqual(['ディレクトリ/テキストファイル.txt']);
  });

  it('reads RAR 5 and scans a zipped-folder look-alike clean', async () => {
    const r = await fixture('benign/v5-model-folder.rar');
    expect(r.nodes[0]!.notes).toMatchObject({ version: 'RAR 5', members: 2 });
    expect(alarms(r)).toEqual([]);
  });

  it('finds the os.system pickle inside RAR 5 and RAR 4 archives CRITICAL', async () => {
    for (const f of ['malicious/v5-pickle.rar', 'malicious/v4-pickle.rar']) {
      const r = await fixture(f);
      expect(find(r, 'pickle/dangerous-call')[0]!.severity).toBe('critical');
    }
  });

  it('flags a ../ member name CRITICAL (rar slip)', async () => {
    const r = await fixture('malicious/v5-path-traversal.rar');
    expect(find(r, 'archive/path-traversal')[0]).toMatchObject({ severity: 'critical', evidence: '../../.bashrc' });
  });

  it('re-opens a RAR member from its report path', async () => {
    const bytes = load('malicious/v5-pickle.rar');
    const r = await scan(fromBytes(bytes, 'x.rar'));
    const i = r.nodes.findIndex((n) => n.path.join('>') === 'x.rar>model/model.pkl');
    const src = await openNode(fromBytes(bytes, 'x.rar'), nodeAddress(r.nodes, i)!);
    expect((await src!.read(0, 1))[0]).toBe(0x80);
  });

  it('reports encrypted headers and truncated archives as incomplete, never clean', async () => {
    const enc = await fixture('malformed/encrypted-headers.rar');
    expect(find(enc, 'archive/encrypted-member')[0]!.message).toMatch(/headers are encrypted/);
    expect(enc.complete).toBe(false);
    const cut = await fixture('malformed/v5-truncated.rar');
    expect(find(cut, 'format/malformed').length).toBeGreaterThan(0);
    expect(cut.complete).toBe(false);
  });
});
