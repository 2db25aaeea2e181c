// 7z attack variants built in code (test/builders/sevenzip.ts: Copy-method members, plain header):
// what `7z a` will not write. Each test names the attack and asserts rule, severity, location and
// completeness. Plus the listing parser and header probe on their own.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport, type ByteSource } from '../../src/engine';
import { FormatError } from '../../src/engine/types';
import { buildSevenZip, number7z, type SevenZipMember } from '../builders/sevenzip';
import { headerIsEncrypted, parseListing, parseStartHeader } from '../../src/engine/formats/sevenzip/parse';
import { SevenZipSession, MAX_IN_MEMORY_ARCHIVE_BYTES } from '../../src/engine/formats/sevenzip/session';
import { setSevenZipLocator } from '../../src/engine/formats/sevenzip/loader';

const EVIL = new Uint8Array([...'\x80\x02cposix\nsystem\nX\x02\x00\x00\x00id\x85R.'].map((c) => c.charCodeAt(0)));
const CONFIG = '{"model_type": "bert", "hidden_size": 8}\n';
const run = (members: SevenZipMember[], opts = {}, name = 'x.7z', trailing?: Uint8Array) =>
  scan(fromBytes(buildSevenZip(members, { trailing }), name), opts);
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const critical = (r: FileReport, path: string) => r.findings.some((f) => f.severity === 'critical' && f.location.path.join(' > ') === path);
const withoutReadSync = (s: ByteSource): ByteSource => ({ name: s.name, size: s.size, read: (o, l) => s.read(o, l), slice: (a, b, n) => s.slice(a, b, n) });

describe('7z attacks (built archives)', () => {
  it('a pickle member is found CRITICAL in a hand-built archive (sanity of the builder)', async () => {
    const r = await run([{ name: 'config.json', data: CONFIG }, { name: 'data.pkl', data: EVIL }]);
    expect(r.nodes.map((n) => n.format)).toEqual(['sevenzip', 'config', 'pickle']);
    expect(critical(r, 'x.7z > data.pkl')).toBe(true);
    expect(r.nodes[0]!.notes).toMatchObject({ extraction: 'all', members: 2 });
  });

  it('a declared size that lies (5 MB from 3 bytes) is a ratio bomb: not extracted; the rest goes member by member', async () => {
    const r = await run([{ name: 'config.json', data: CONFIG }, { name: 'big.bin', data: 'xyz', declaredSize: 5_000_000 }, { name: 'data.pkl', data: EVIL }]);
    expect(find(r, 'archive/compression-bomb')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'big.bin' } });
    expect(r.nodes[0]!.notes).toMatchObject({ extraction: 'each' });
    expect(r.nodes.map((n) => n.path[1]).slice(1)).toEqual(['config.json', 'data.pkl']);
    expect(critical(r, 'x.7z > data.pkl')).toBe(true);
    expect(r.complete).toBe(false);
  });

  it('member by member, a "../../" member is still selected by its stored name and scanned (CRITICAL twice)', async () => {
    const r = await run([{ name: 'big.bin', data: 'xyz', declaredSize: 5_000_000 }, { name: '../../evil.pkl', data: EVIL }]);
    expect(r.nodes[0]!.notes).toMatchObject({ extraction: 'each' });
    expect(find(r, 'archive/path-traversal')[0]!.severity).toBe('critical');
    expect(critical(r, 'x.7z > ../../evil.pkl')).toBe(true);
  });

  it('a member 7-Zip cannot select by its listed name (control characters print as "_") is reported as not extracted', async () => {
    const r = await run([{ name: 'big.bin', data: 'xyz', declaredSize: 5_000_000 }, { name: 'evil\n.pkl', data: EVIL }]);
    expect(find(r, 'sevenzip/not-extracted')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'evil_.pkl' } });
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('a member above maxMemberBytes is not extracted (limit-reached); the others still are', async () => {
    const r = await run([{ name: 'big.bin', data: new Uint8Array(4096).fill(0x41) }, { name: 'data.pkl', data: EVIL }], { limits: { maxMemberBytes: 1024 } });
    expect(find(r, 'scan/limit-reached')[0]).toMatchObject({ location: { pointer: 'big.bin' } });
    expect(critical(r, 'x.7z > data.pkl')).toBe(true);
    expect(r.complete).toBe(false);
  });

  it('a solid archive under a small member limit goes member by member and charges the decoded prefix', async () => {
    const bytes = new Uint8Array(readFileSync('fixtures/sevenzip/benign/solid-lzma2.7z'));
    const r = await scan(fromBytes(bytes, 's.7z'), { limits: { maxMemberBytes: 200 } });
    expect(r.nodes[0]!.notes).toMatchObject({ extraction: 'each' });
    expect(r.nodes.map((n) => n.path[1]).slice(1)).toEqual(['model/config.json', 'model/model.safetensors']);
    expect(find(r, 'scan/limit-reached')[0]!.location.pointer).toBe('model/tokenizer.json');
  });

  it('solid-block prefixes are charged to the inflated budget: a tight budget stops the scan incomplete, not hung', async () => {
    const bytes = new Uint8Array(readFileSync('fixtures/sevenzip/benign/model.7z'));
    const r = await scan(fromBytes(bytes, 'm.7z'), { limits: { maxInflatedBytes: 100 } });
    expect(r.nodes[0]!.notes).toMatchObject({ extraction: 'each' });
    expect(r.nodes[0]!.status).toBe('limited');
    expect(r.complete).toBe(false);
  });

  it('a 7-Zip that cannot be loaded (wrong locator) fails the node, never passes it as clean', async () => {
    setSevenZipLocator(() => '/nonexistent/7zz.wasm');
    try {
      const r = await run([{ name: 'data.pkl', data: EVIL }]);
      expect(r.status).not.toBe('clean');
      expect(r.complete).toBe(false);
    } finally {
      setSevenZipLocator(undefined);
    }
  });

  it('a member flood beyond maxMembers is reported and nothing is extracted', async () => {
    const members = Array.from({ length: 30 }, (_, i) => ({ name: `m${i}.bin`, data: 'x' }));
    const r = await run(members, { limits: { maxMembers: 10 } });
    expect(find(r, 'archive/too-many-members')[0]!.severity).toBe('warning');
    expect(r.nodes).toHaveLength(1);
    expect(r.complete).toBe(false);
  });

  it('a pickle appended after the end header is hidden data, swept and found CRITICAL', async () => {
    const archive = buildSevenZip([{ name: 'config.json', data: CONFIG }]);
    const r = await run([{ name: 'config.json', data: CONFIG }], {}, 'x.7z', EVIL);
    const [f] = find(r, 'archive/hidden-data');
    expect(f).toMatchObject({ severity: 'warning', location: { offset: archive.length } });
    expect(critical(r, `x.7z > [bytes ${archive.length}-${archive.length + EVIL.length}]`)).toBe(true);
  });

  it('a symlink with a ".." target escapes (CRITICAL); its target is not scanned as content', async () => {
    const r = await run([{ name: 'model/link', data: '../../../home/user/.ssh/authorized_keys', symlink: true }, { name: 'config.json', data: CONFIG }]);
    expect(find(r, 'archive/symlink-escape')[0]).toMatchObject({ severity: 'critical', location: { pointer: 'model/link' } });
    expect(r.nodes.map((n) => n.path[1]).slice(1)).toEqual(['config.json']);
  });

  it('control characters in a member name cannot forge listing records', async () => {
    const r = await run([{ name: 'x\nSize = 1\nEncrypted = +', data: EVIL }, { name: 'config.json', data: CONFIG }]);
    expect(r.nodes[0]!.notes).toMatchObject({ members: 2, extraction: 'all' });
    expect(find(r, 'archive/encrypted-member')).toEqual([]);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1]!.startsWith('x_Size = 1'))).toBe(true);
  });

  it('a header whose CRC does not match is malformed, not malicious', async () => {
    const bytes = buildSevenZip([{ name: 'data.pkl', data: EVIL }]);
    bytes[bytes.length - 3] ^= 0xff; // inside the header
    const r = await scan(fromBytes(bytes, 'bad.7z'));
    expect(find(r, 'format/malformed')).toHaveLength(1);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
    expect(r.complete).toBe(false);
  });

  it('a source without a synchronous reader is copied into memory below the limit and scanned', async () => {
    const source = withoutReadSync(fromBytes(buildSevenZip([{ name: 'data.pkl', data: EVIL }]), 'x.7z'));
    const r = await scan(source);
    expect(critical(r, 'x.7z > data.pkl')).toBe(true);
  });

  it('refuses to copy a source without a synchronous reader above the in-memory limit', async () => {
    const small = fromBytes(new Uint8Array(64), 'big.7z');
    const huge: ByteSource = { name: 'big.7z', size: MAX_IN_MEMORY_ARCHIVE_BYTES + 1, read: (o, l) => small.read(0, Math.min(l, 64)), slice: () => small };
    expect(await SevenZipSession.open(huge)).toBeNull();
  });
});

describe('7z parsing', () => {
  it('encodes 7z NUMBERs as 7zFormat.txt says (builder self-check)', () => {
    expect(number7z(0x7f)).toEqual([0x7f]);
    expect(number7z(0x80)).toEqual([0x80, 0x80]);
    expect(number7z(0x3fff)).toEqual([0xbf, 0xff]);
    expect(number7z(0x4000)).toEqual([0xc0, 0x00, 0x40]);
  });

  it('reads the start header and refuses a next header past the end of the file', () => {
    const bytes = buildSevenZip([{ name: 'a', data: 'x' }]);
    expect(parseStartHeader(bytes, bytes.length)).toMatchObject({ version: [0, 4], nextHeaderOffset: 1, end: bytes.length });
    expect(() => parseStartHeader(bytes, bytes.length - 1)).toThrow(FormatError);
  });

  it('tells an AES-encoded header from an LZMA-encoded one', () => {
    const probe = (p: string) => {
      const b = new Uint8Array(readFileSync(`fixtures/sevenzip/${p}`));
      const h = parseStartHeader(b, b.length);
      return headerIsEncrypted(b.subarray(32 + h.nextHeaderOffset, h.end));
    };
    expect(probe('malicious/encrypted-headers.7z')).toBe(true);
    expect(probe('benign/model.7z')).toBe(false);
    expect(probe('malicious/encrypted.7z')).toBe(false); // content encrypted, names readable
  });

  it('parses listing records and keeps at most maxEntries of them', () => {
    const lines = ['Path = a', 'Size = 3', 'Packed Size = 9', 'Attributes = A -rw-r--r--', 'Encrypted = -', 'Method = LZMA2:12', 'Block = 0', '',
      'Path = d', 'Size = 0', 'Attributes = D drwxr-xr-x', '', 'Path = l', 'Size = 4', 'Attributes = A lrwxrwxrwx', 'Encrypted = +', 'Block = 0', ''];
    const { entries, truncated } = parseListing(lines, 10);
    expect(truncated).toBe(false);
    expect(entries.map((e) => [e.path, e.size, e.packedSize, e.isDir, e.isSymlink, e.encrypted, e.block])).toEqual([
      ['a', 3, 9, false, false, false, 0], ['d', 0, undefined, true, false, false, undefined], ['l', 4, undefined, false, true, true, 0]]);
    expect(parseListing(lines, 2)).toMatchObject({ truncated: true });
  });

  it('refuses listing lines outside a record and repeated keys', () => {
    expect(() => parseListing(['Size = 1'], 10)).toThrow(FormatError);
    expect(() => parseListing(['Path = a', 'Size = 1', 'Size = 2'], 10)).toThrow(FormatError);
  });
});
