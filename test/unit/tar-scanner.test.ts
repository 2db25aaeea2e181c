// The tar scanner through the public scan(): real archives made by Python's tarfile and GNU tar
// (fixtures/tar), then attack variants built in code (test/builders/tar.ts). Each test asserts the
// rule, severity, location and whether the scan stayed complete.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { buildTar, type TarSpec } from '../builders/tar';

const run = (spec: TarSpec | Uint8Array, name = 'x.tar', opts = {}) =>
  scan(fromBytes(spec instanceof Uint8Array ? spec : buildTar(spec), name), opts);
const fixture = (p: string) => scan(fromBytes(new Uint8Array(readFileSync(`fixtures/tar/${p}`)), p.split('/').pop()!));
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const nodePaths = (r: FileReport) => r.nodes.map((n) => n.path.join(' > '));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity !== 'info');
const EVIL_PICKLE = new Uint8Array([...'\x80\x02cposix\nsystem\nX\x02\x00\x00\x00id\x85R.'].map((c) => c.charCodeAt(0)));

describe('tar scanner: real archives (fixtures/tar)', () => {
  it('finds nothing in a tarred model folder and scans each file member, not the directory', async () => {
    const r = await fixture('benign/model-folder.tar');
    expect(r.format).toBe('tar');
    expect(aboveInfo(r)).toEqual([]);
    expect(r.complete).toBe(true);
    expect(nodePaths(r)).toEqual(['model-folder.tar', 'model-folder.tar > model/config.json', 'model-folder.tar > model/weights.bin']);
    expect(r.nodes[0]!.notes).toMatchObject({ members: 3, endMarker: true });
  });

  it('reads plain ustar, pax "path" and GNU "L" long names to the full member name', async () => {
    const long = 'model/' + 'nested-directory/'.repeat(8) + 'config.json';
    for (const f of ['benign/ustar.tar', 'benign/pax-long-name.tar', 'benign/gnu-long-name.tar']) {
      const r = await fixture(f);
      expect(r.format).toBe('tar');
      expect(aboveInfo(r)).toEqual([]);
      expect(r.complete).toBe(true);
      expect(r.nodes[1]!.path[1]).toBe(f === 'benign/ustar.tar' ? 'model/config.json' : long);
      expect(r.nodes[1]!.size).toBe(41);
    }
  });

  it('notes a GNU sparse member and scans its stored bytes, not its expanded size', async () => {
    const r = await fixture('benign/gnu-sparse.tar');
    expect(aboveInfo(r)).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ members: 1, sparseMembers: 1 });
    expect(r.nodes[1]).toMatchObject({ path: ['gnu-sparse.tar', 'sparse.bin'], size: 4096 });
  });

  it('flags a ../ member as CRITICAL path traversal, naming it', async () => {
    const r = await fixture('malicious/traversal.tar');
    expect(find(r, 'archive/path-traversal')).toMatchObject([
      { severity: 'critical', location: { path: ['traversal.tar'], pointer: '../../home/user/.bashrc', offset: 1024 } }]);
  });

  it('flags an absolute member path as CRITICAL', async () => {
    const r = await fixture('malicious/absolute-path.tar');
    expect(find(r, 'archive/absolute-path')).toMatchObject([{ severity: 'critical', evidence: '/etc/cron.d/model-update' }]);
  });

  it('judges symbolic and hard links: /etc and ../ targets CRITICAL, a sibling and an in-archive hard link INFO', async () => {
    const r = await fixture('malicious/links.tar');
    expect(find(r, 'archive/symlink-escape').map((f) => [f.location.pointer, f.severity])).toEqual(
      [['model/passwd', 'critical'], ['model/up', 'critical'], ['model/shadow', 'critical']]);
    expect(find(r, 'archive/symlink-escape').find((f) => f.location.pointer === 'model/shadow')!.message).toContain('hard link');
    expect(find(r, 'archive/symlink').map((f) => [f.location.pointer, f.severity]).sort()).toEqual(
      [['model/config-copy.json', 'info'], ['model/sibling', 'info']]);
    expect(nodePaths(r)).toEqual(['links.tar', 'links.tar > model/config.json']); // links carry no content
  });

  it('flags device nodes and FIFOs as WARNING tar/special-file', async () => {
    const r = await fixture('malicious/special-files.tar');
    expect(find(r, 'tar/special-file').map((f) => [f.location.pointer, f.severity])).toEqual(
      [['model/mem', 'warning'], ['model/disk', 'warning'], ['model/pipe', 'warning']]);
  });

  it('reports duplicate names and scans both copies, finding the pickle in the second', async () => {
    const r = await fixture('malicious/duplicate-names.tar');
    expect(find(r, 'archive/duplicate-name')).toMatchObject([{ severity: 'warning', location: { pointer: 'data.pkl' } }]);
    expect(r.nodes.filter((n) => n.path[1] === 'data.pkl')).toHaveLength(2);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.join('/') === 'duplicate-names.tar/data.pkl')).toBe(true);
  });

  it('scans a pickle member by content and reports its os.system call at the member', async () => {
    const r = await fixture('malicious/pickle-member.tar');
    const crit = r.findings.filter((f) => f.severity === 'critical');
    expect(crit.length).toBeGreaterThan(0);
    expect(crit[0]!.location.path).toEqual(['pickle-member.tar', 'archive/data.pkl']);
  });

  it('sweeps a pickle appended after the end-of-archive blocks as [bytes a-b]', async () => {
    const r = await fixture('malicious/trailing-data.tar');
    expect(find(r, 'archive/hidden-data')).toMatchObject([{ severity: 'warning', location: { path: ['trailing-data.tar'], offset: 10240 } }]);
    expect(nodePaths(r)).toContain('trailing-data.tar > [bytes 10240-10278]');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === '[bytes 10240-10278]')).toBe(true);
  });

  it('scans the members before a cut, then reports the truncated archive as malformed and incomplete', async () => {
    const r = await fixture('malformed/truncated.tar');
    expect(nodePaths(r)).toEqual(['truncated.tar', 'truncated.tar > a.txt', 'truncated.tar > b.bin']);
    expect(r.nodes[2]!.size).toBe(100); // what is there of b.bin is still scanned
    expect(r.nodes[0]!.status).toBe('malformed');
    expect(find(r, 'format/malformed')[0]!.message).toContain('b.bin');
    expect(r.complete).toBe(false);
  });
});

describe('tar scanner: built variants (test/builders/tar.ts)', () => {
  it('finds a traversal inside a .tar.gz through the compressed scanner', async () => {
    const tar = buildTar({ members: [{ name: '../evil', data: 'x' }] });
    const r = await run(gzipSync(tar), 'x.tar.gz');
    expect(find(r, 'archive/path-traversal')).toMatchObject([
      { severity: 'critical', location: { path: ['x.tar.gz', 'x.tar.gz (decompressed)'], pointer: '../evil' } }]);
    expect(nodePaths(r)).toContain('x.tar.gz > x.tar.gz (decompressed) > ../evil');
  });

  it('checks both the pax path and the header name an extractor ignoring pax would use', async () => {
    const r = await run({ members: [{ name: '../../etc/cron.d/x', pax: { path: 'model/config.json' }, data: '{}' }] });
    expect(find(r, 'archive/path-traversal')).toMatchObject([{ severity: 'critical', evidence: '../../etc/cron.d/x', location: { pointer: 'model/config.json' } }]);
  });

  it('honours pax "linkpath" and a GNU "L" name for a link escaping to /etc', async () => {
    const r = await run({ members: [{ name: 'short', gnuLongName: 'model/link', type: '2', pax: { linkpath: '/etc/shadow' } }] });
    expect(find(r, 'archive/symlink-escape')).toMatchObject([{ severity: 'critical', evidence: '/etc/shadow', location: { pointer: 'model/link' } }]);
  });

  it('lets a global pax header rename every following member, as tarfile does', async () => {
    const r = await run({ globalPax: { path: '/root/.ssh/authorized_keys' }, members: [{ name: 'a.txt', data: 'key' }] });
    expect(find(r, 'archive/absolute-path')).toMatchObject([{ severity: 'critical', evidence: '/root/.ssh/authorized_keys' }]);
  });

  it('reads an old v7 header (no magic, sniffed by its checksum) and its base-256 size', async () => {
    const r = await run({ members: [{ name: 'data.pkl', format: 'v7', data: EVIL_PICKLE }, { name: 'b.bin', base256Size: true, data: 'abc' }] }, 'blob.bin');
    expect(r.format).toBe('tar');
    expect(nodePaths(r)).toEqual(['blob.bin', 'blob.bin > data.pkl', 'blob.bin > b.bin']);
    expect(r.nodes[2]!.size).toBe(3);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === 'data.pkl')).toBe(true);
  });

  it('treats a v7 member whose name ends in "/" as a directory and does not scan it', async () => {
    const r = await run({ members: [{ name: 'model/', format: 'v7' }, { name: 'model/a.txt', format: 'v7', data: 'hi' }] });
    expect(nodePaths(r)).toEqual(['x.tar', 'x.tar > model/a.txt']);
  });

  it('stops at maxMembers with archive/too-many-members and an incomplete scan', async () => {
    const members = Array.from({ length: 5 }, (_, i) => ({ name: `m${i}.txt`, data: 'x' }));
    const r = await run({ members }, 'x.tar', { limits: { maxMembers: 3 } });
    expect(find(r, 'archive/too-many-members')).toMatchObject([{ severity: 'warning', location: { offset: 3 * 1024 } }]);
    expect(r.nodes).toHaveLength(4);
    expect(r.complete).toBe(false);
  });

  it('reports a later header with a bad checksum as malformed and sweeps the rest', async () => {
    const r = await run({ members: [{ name: 'a.txt', data: 'a' }, { name: 'b.pkl', data: EVIL_PICKLE, checksumDelta: 1 }] });
    expect(find(r, 'format/malformed')).toMatchObject([{ severity: 'warning', location: { offset: 1024 } }]);
    expect(nodePaths(r)).toContain('x.tar > [bytes 1536-3072]');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === '[bytes 1536-3072]')).toBe(true);
    expect(r.complete).toBe(false);
  });

  it('rejects a .tar whose first header fails its checksum as malformed, never clean', async () => {
    const r = await run({ members: [{ name: 'a.txt', data: 'a', checksumDelta: 5 }] });
    expect(r.format).toBe('tar'); // the ustar magic still claims it
    expect(find(r, 'format/malformed')).toHaveLength(1);
    expect(r.status).not.toBe('clean');
    expect(r.complete).toBe(false);
  });

  it('accepts an archive without end blocks and zero record padding without findings', async () => {
    expect(aboveInfo(await run({ members: [{ name: 'a.txt', data: 'a' }], noEnd: true }))).toEqual([]);
    expect(aboveInfo(await run({ members: [{ name: 'a.txt', data: 'a' }], trailing: new Uint8Array(8192) }))).toEqual([]);
  });

  it('refuses a pax header larger than the meta-data cap instead of allocating it', async () => {
    const r = await run({ members: [{ name: 'a.txt', pax: { comment: 'x'.repeat(1024 * 1024 + 10) }, data: 'a' }] });
    expect(find(r, 'format/malformed')[0]!.message).toContain('pax header');
    expect(r.complete).toBe(false);
  });

  it('re-opens a member by its report path through Scanner.open', async () => {
    const { tarScanner } = await import('../../src/engine/formats/tar/scanner');
    const { Budget } = await import('../../src/engine/limits');
    const bytes = buildTar({ members: [{ name: 'a.txt', data: 'first' }, { name: 'a.txt', data: 'second' }], trailing: 'tail' });
    const source = fromBytes(bytes, 'x.tar');
    const ctx = { source, head: { bytes, size: bytes.length, name: 'x.tar', ext: '.tar' }, state: undefined, budget: new Budget() };
    const text = async (name: string, nth: number) => {
      const c = await tarScanner.open!(ctx, name, nth);
      return c && new TextDecoder().decode(await c.source.read(0, c.source.size));
    };
    expect(await text('a.txt', 1)).toBe('second');
    expect(await text(`[bytes ${bytes.length - 4}-${bytes.length}]`, 0)).toBe('tail');
    expect(await text('missing', 0)).toBeNull();
  });
});
