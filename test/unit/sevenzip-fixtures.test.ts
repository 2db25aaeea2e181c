// The 7z scanner on real archives made by 7-Zip 26.02 (fixtures/sevenzip, see MANIFEST.md) and on
// the corpus sample picklescan ships (a 7z holding an eval pickle). 7-Zip itself (7z-wasm) reads them.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { nodeAddress, openNode } from '../../src/engine/navigate';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/sevenzip/${p}`));
const fixture = (p: string, opts = {}) => scan(fromBytes(load(p), p.split('/').pop()!), opts);
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const nodePaths = (r: FileReport) => r.nodes.map((n) => n.path.join(' > '));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const criticalAt = (r: FileReport, path: string) => r.findings.filter((f) => f.severity === 'critical' && f.location.path.join(' > ') === path);
const CORPUS = '../shared/corpus/picklescan/tests/data/malicious1.7z';

describe('7z: benign archives', () => {
  it('extracts a safetensors model and its config and finds nothing', async () => {
    const r = await fixture('benign/model.7z');
    expect(r.format).toBe('sevenzip');
    expect(nodePaths(r)).toEqual(['model.7z', 'model.7z > model/config.json', 'model.7z > model/model.safetensors']);
    expect(r.nodes.map((n) => n.format)).toEqual(['sevenzip', 'config', 'safetensors']);
    expect(r.nodes[0]!.notes).toMatchObject({ members: 2, extraction: 'all', blocks: 1 });
    expect(aboveInfo(r)).toEqual([]);
    expect(r.complete).toBe(true);
  });

  it('decodes a solid LZMA2 block once and scans every member, the directory excepted', async () => {
    const r = await fixture('benign/solid-lzma2.7z');
    expect(nodePaths(r).slice(1)).toEqual(['solid-lzma2.7z > model/config.json', 'solid-lzma2.7z > model/model.safetensors', 'solid-lzma2.7z > model/tokenizer.json']);
    expect(r.nodes[0]!.notes).toMatchObject({ members: 4, blocks: 1, extractedBytes: 75 + 88 + 280 });
    expect(r.status).toBe('clean');
  });

  it('reads non-solid Copy-method members (one block each)', async () => {
    const r = await fixture('benign/non-solid-copy.7z');
    expect(r.nodes[0]!.notes).toMatchObject({ members: 2, blocks: 2 });
    expect(r.status).toBe('clean');
  });
});

describe('7z: malicious archives', () => {
  it('flags the corpus 7z holding an eval pickle CRITICAL through its data.pkl member', async () => {
    if (!existsSync(CORPUS)) return;
    const r = await scan(fromBytes(new Uint8Array(readFileSync(CORPUS)), 'malicious1.7z'));
    expect(r.format).toBe('sevenzip');
    expect(criticalAt(r, 'malicious1.7z > data.pkl').length).toBeGreaterThan(0);
  });

  it('finds the os.system pickle in data.pkl (CRITICAL at its member path)', async () => {
    const r = await fixture('malicious/pickle.7z');
    const [f] = criticalAt(r, 'pickle.7z > data.pkl');
    expect(f!.ruleId).toBe('pickle/dangerous-call');
  });

  it('scans an extensionless member by content (ModelAudit extracts only 11 extensions)', async () => {
    const r = await fixture('malicious/extensionless-pickle.7z');
    expect(r.nodes.find((n) => n.path[1] === 'weights')!.format).toBe('pickle');
    expect(criticalAt(r, 'extensionless-pickle.7z > weights').length).toBeGreaterThan(0);
  });

  it('reports a "../../" member CRITICAL at the header, and still scans its content under the stored name', async () => {
    const r = await fixture('malicious/traversal.7z');
    const [f] = find(r, 'archive/path-traversal');
    expect(f).toMatchObject({ severity: 'critical', location: { path: ['traversal.7z'], pointer: '../../evil.pkl' }, evidence: '../../evil.pkl' });
    expect(f!.location.offset).toBeGreaterThan(32);
    expect(criticalAt(r, 'traversal.7z > ../../evil.pkl').some((x) => x.ruleId === 'pickle/dangerous-call')).toBe(true);
  });

  it('reports an absolute member path CRITICAL', async () => {
    const r = await fixture('malicious/absolute-path.7z');
    expect(find(r, 'archive/absolute-path')[0]).toMatchObject({ severity: 'critical', location: { pointer: '/etc/cron.d/model-update' } });
  });

  it('warns on duplicate names and scans both copies; the second one is the payload', async () => {
    const r = await fixture('malicious/duplicate-names.7z');
    expect(find(r, 'archive/duplicate-name')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'data.pkl' } });
    expect(r.nodes.filter((n) => n.path[1] === 'data.pkl').map((n) => n.size)).toEqual([5, 119]);
    expect(criticalAt(r, 'duplicate-names.7z > data.pkl').length).toBeGreaterThan(0);
  });

  it('judges stored symbolic links: /etc and ".." targets CRITICAL, a sibling INFO; links are not content', async () => {
    const r = await fixture('malicious/symlinks.7z');
    const escapes = find(r, 'archive/symlink-escape').map((f) => [f.location.pointer, f.evidence]);
    expect(escapes).toEqual(expect.arrayContaining([['passwd', '/etc/passwd'], ['up', '../../outside']]));
    expect(find(r, 'archive/symlink')).toMatchObject([{ severity: 'info', location: { pointer: 'sibling' }, evidence: 'config.json' }]);
    expect(nodePaths(r)).toEqual(['symlinks.7z', 'symlinks.7z > config.json']);
  });

  it('does not extract a 64 MiB-from-10 KB block: compression-bomb WARNING, incomplete', async () => {
    const r = await fixture('malicious/bomb.7z');
    const [f] = find(r, 'archive/compression-bomb');
    expect(f).toMatchObject({ severity: 'warning', location: { pointer: 'zeros.bin' } });
    expect(f!.message).toContain('67108864');
    expect(r.nodes).toHaveLength(1);
    expect(r.complete).toBe(false);
  });

  it('reports encrypted members as not scanned (incomplete), never clean', async () => {
    const r = await fixture('malicious/encrypted.7z');
    expect(find(r, 'archive/encrypted-member')[0]!.message).toContain('7zAES');
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('reports an encrypted member list (-mhe=on) as its own WARNING, incomplete', async () => {
    const r = await fixture('malicious/encrypted-headers.7z');
    expect(find(r, 'sevenzip/encrypted-headers')[0]).toMatchObject({ severity: 'warning', location: { path: ['encrypted-headers.7z'] } });
    expect(find(r, 'format/malformed')).toEqual([]);
    expect(r.complete).toBe(false);
  });
});

describe('7z: malformed archives', () => {
  it('reports a truncated archive as malformed, not malicious', async () => {
    const r = await fixture('malformed/truncated.7z');
    expect(find(r, 'format/malformed')[0]!.severity).toBe('warning');
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
    expect(r.complete).toBe(false);
  });

  it('reports a CRC mismatch and still scans the bytes 7-Zip extracted', async () => {
    const r = await fixture('malformed/crc-mismatch.7z');
    expect(find(r, 'archive/crc-mismatch')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'data.pkl' } });
    expect(r.nodes[1]!.format).toBe('pickle');
  });
});

describe('7z: report paths lead back to member bytes (Scanner.open)', () => {
  it.each(['benign/solid-lzma2.7z', 'malicious/duplicate-names.7z', 'malicious/traversal.7z'])('re-opens every member of %s at its scanned size', async (p) => {
    const bytes = load(p);
    const name = p.split('/').pop()!;
    const r = await scan(fromBytes(bytes, name));
    for (let i = 1; i < r.nodes.length; i++) {
      const source = await openNode(fromBytes(bytes, name), nodeAddress(r.nodes, i)!);
      expect(source, r.nodes[i]!.path.join(' > ')).not.toBeNull();
      expect(source!.size).toBe(r.nodes[i]!.size);
    }
  });

  it('re-opens the second of two same-named members as the payload', async () => {
    const source = await openNode(fromBytes(load('malicious/duplicate-names.7z'), 'd.7z'), ['d.7z', { name: 'data.pkl', nth: 1 }]);
    expect(source!.size).toBe(119);
  });
});
