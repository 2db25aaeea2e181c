// navigate.ts: a report's node path leads back to the same bytes the scan read, through real zips
// (fixtures/zip), nested zips, duplicate member names, deflated members and members hidden from the
// central directory. Every test scans first and re-opens what the report lists, as the pickle view does;
// then the worker side of the pickle view pages through a re-opened pickle.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { Budget } from '../../src/engine/limits';
import { nodeAddress, openNode } from '../../src/engine/navigate';
import { ascii, encodeUtf8, utf8 } from '../../src/engine/io/text';
import { buildZip, nestedZip, type ZipSpec } from '../builders/zip';
import { opsIndex, opsPage, renderArg } from '../../workers/inspect';
import type { PickleTarget } from '../../workers/api';

const fixtureBytes = (p: string) => new Uint8Array(readFileSync(`fixtures/zip/${p}`));
const rootOf = (bytes: Uint8Array, name: string) => fromBytes(bytes, name);

async function textAt(bytes: Uint8Array, name: string, path: Parameters<typeof openNode>[1], budget?: Budget) {
  const node = await openNode(rootOf(bytes, name), path, budget);
  return node ? utf8(await node.read(0, node.size)) : null;
}

/**
 * Re-opens every node below zips only (other containers implement Scanner.open on their own) and
 * checks that its size is the one the scan recorded.
 */
async function reopenAll(bytes: Uint8Array, report: FileReport, name: string): Promise<string[]> {
  const opened: string[] = [];
  const formatOf = new Map(report.nodes.map((n) => [n.path.join('\u0000'), n.format]));
  for (let i = 0; i < report.nodes.length; i++) {
    const node = report.nodes[i]!;
    const parents = node.path.slice(0, -1).map((_, k) => formatOf.get(node.path.slice(0, k + 1).join('\u0000')));
    if (parents.some((f) => f !== 'zip')) continue;
    const address = nodeAddress(report.nodes, i);
    expect(address?.map((s) => s.name)).toEqual(node.path);
    const source = await openNode(rootOf(bytes, name), address!);
    expect(source, node.path.join(' > ')).not.toBeNull();
    expect(source!.size, node.path.join(' > ')).toBe(node.size);
    opened.push(node.path.join(' > '));
  }
  return opened;
}

describe('openNode over real zips (fixtures/zip)', () => {
  it('re-opens a deflated and a stored member of a zipped model folder, byte for byte', async () => {
    const bytes = fixtureBytes('benign/model-folder.zip');
    const config = await textAt(bytes, 'model-folder.zip', ['model-folder.zip', 'model/config.json']);
    expect(config).toContain('{');
    expect(JSON.parse(config!)).toBeTypeOf('object');
    const weights = await openNode(rootOf(bytes, 'model-folder.zip'), ['model-folder.zip', 'model/weights.bin']);
    expect(weights?.size).toBe(256);
  });

  it('re-opens every node the scan of each fixture listed', async () => {
    for (const p of ['benign/model-folder.zip', 'malicious/duplicate-names.zip', 'malicious/nested.zip', 'malicious/zip-slip.zip']) {
      const bytes = fixtureBytes(p);
      const name = p.split('/').pop()!;
      const report = await scan(fromBytes(bytes, name));
      expect(report.format).toBe('zip');
      const members = report.nodes.filter((n) => n.path.length <= 2).map((n) => n.path.join(' > '));
      expect(await reopenAll(bytes, report, name)).toEqual(expect.arrayContaining(members));
    }
  });

  it('tells duplicate member names apart: the second data.pkl is the second node, not the first', async () => {
    const bytes = fixtureBytes('malicious/duplicate-names.zip');
    const report = await scan(fromBytes(bytes, 'duplicate-names.zip'));
    const dups = report.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.path.length === 2 && n.path[1] === 'data.pkl');
    expect(dups.length).toBe(2);
    const texts = [];
    for (const { i } of dups) texts.push(await textAt(bytes, 'duplicate-names.zip', nodeAddress(report.nodes, i)!));
    expect(texts).toEqual(['first copy', 'second copy']);
    // A bare name takes the first; an nth past the last finds nothing.
    expect(await textAt(bytes, 'duplicate-names.zip', ['duplicate-names.zip', 'data.pkl'])).toBe('first copy');
    expect(await openNode(rootOf(bytes, 'duplicate-names.zip'), ['duplicate-names.zip', { name: 'data.pkl', nth: 2 }])).toBeNull();
  });

  it('goes into a zip nested in a zip', async () => {
    const bytes = fixtureBytes('malicious/nested.zip');
    const inner = await textAt(bytes, 'nested.zip', ['nested.zip', 'inner/inner.zip', '../evil.bin']);
    expect(inner).not.toBeNull();
    const report = await scan(fromBytes(bytes, 'nested.zip'));
    expect(await reopenAll(bytes, report, 'nested.zip')).toContain('nested.zip > inner/inner.zip > ../evil.bin');
  });
});

describe('openNode over built zips', () => {
  const payload = 'pickle bytes would be here';

  it('walks four levels of zips, deflated at every level, to the leaf', async () => {
    let z = buildZip({ members: [{ name: 'payload/leaf.bin', data: payload, method: 8 }] });
    for (let k = 1; k <= 3; k++) z = buildZip({ members: [{ name: 'pad.txt', data: 'x' }, { name: `level${k}.zip`, data: z, method: 8 }] });
    const path = ['outer.zip', 'level3.zip', 'level2.zip', 'level1.zip', 'payload/leaf.bin'];
    expect(await textAt(z, 'outer.zip', path)).toBe(payload);
    const report = await scan(fromBytes(z, 'outer.zip'));
    const i = report.nodes.findIndex((n) => n.path.join('/') === path.join('/'));
    expect(i).toBeGreaterThan(0);
    expect(await textAt(z, 'outer.zip', nodeAddress(report.nodes, i)!)).toBe(payload);
  });

  it('stops at the depth limit the scan stopped at, instead of opening deeper than the scan went', async () => {
    const z = nestedZip(4, { name: 'leaf.txt', data: payload });
    const path = ['n.zip', 'level3.zip', 'level2.zip', 'level1.zip', 'leaf.txt'];
    expect(await textAt(z, 'n.zip', path)).toBe(payload);
    expect(await textAt(z, 'n.zip', path, new Budget({ maxDepth: 2 }))).toBeNull();
  });

  it('re-opens a member hidden from the central directory and the stray bytes after it', async () => {
    const spec: ZipSpec = {
      members: [
        { name: 'config.json', data: '{}' },
        { name: 'hidden.pkl', data: payload, hiddenFromCentral: true },
        { name: 'weights.bin', data: 'w'.repeat(64) },
      ],
      gapAfter: { 1: encodeUtf8('stray bytes no member owns') },
    };
    const bytes = buildZip(spec);
    const report = await scan(fromBytes(bytes, 'h.zip'));
    const paths = await reopenAll(bytes, report, 'h.zip');
    expect(paths).toContain('h.zip > hidden.pkl');
    expect(await textAt(bytes, 'h.zip', ['h.zip', 'hidden.pkl'])).toBe(payload);
    const stray = paths.find((p) => p.startsWith('h.zip > [bytes '));
    expect(stray).toBeDefined();
    expect(await textAt(bytes, 'h.zip', stray!.split(' > '))).toBe('stray bytes no member owns');
  });

  it('finds nothing under a node that is not a container, or a member that does not exist', async () => {
    const bytes = buildZip({ members: [{ name: 'a.txt', data: 'hello' }] });
    expect(await openNode(rootOf(bytes, 'a.zip'), ['a.zip', 'missing.txt'])).toBeNull();
    expect(await openNode(rootOf(bytes, 'a.zip'), ['a.zip', 'a.txt', 'below'])).toBeNull();
    expect(await openNode(rootOf(encodeUtf8('plain text'), 'p.txt'), ['p.txt', 'child'])).toBeNull();
    expect(await textAt(bytes, 'a.zip', ['a.zip'])).toContain('a.txt'); // the root is the file itself
  });

  it('charges inflation to the budget: a member larger than maxMemberBytes comes back cut at the cap', async () => {
    const big = 'A'.repeat(200_000);
    const bytes = buildZip({ members: [{ name: 'big.pkl', data: big, method: 8 }] });
    const budget = new Budget({ maxMemberBytes: 1000 });
    const node = await openNode(rootOf(bytes, 'b.zip'), ['b.zip', 'big.pkl'], budget);
    expect(node?.size).toBe(1000);
    expect(budget.inflatedBytes).toBeGreaterThanOrEqual(1000);
  });
});

describe('nodeAddress', () => {
  it('numbers same-named siblings per parent instance, not across the whole report', () => {
    const n = (...path: string[]) => ({ path, format: 'zip', size: 1, status: 'scanned' as const });
    const nodes = [n('r'), n('r', 'a.zip'), n('r', 'a.zip', 'x'), n('r', 'a.zip', 'x'), n('r', 'a.zip'), n('r', 'a.zip', 'x')];
    expect(nodeAddress(nodes, 3)).toEqual([{ name: 'r', nth: 0, size: 1 }, { name: 'a.zip', nth: 0, size: 1 }, { name: 'x', nth: 1, size: 1 }]);
    expect(nodeAddress(nodes, 5)).toEqual([{ name: 'r', nth: 0, size: 1 }, { name: 'a.zip', nth: 1, size: 1 }, { name: 'x', nth: 0, size: 1 }]);
    expect(nodeAddress(nodes, 9)).toBeNull();
  });
});

describe('the pickle view pages (workers/inspect.ts) over a re-opened node', () => {
  // protocol 2: posix.system('echo pwned') — checked with pickletools.dis, never unpickled.
  const EVIL = ascii('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.');
  const target = (bytes: Uint8Array, path: string[], key = path.join('/')): PickleTarget =>
    ({ file: new File([bytes as Uint8Array<ArrayBuffer>], path[0]!), path: path.map((name) => ({ name, nth: 0 })), key });

  it('disassembles a posix.system pickle with REDUCE at offset 38 and the arguments quoted', async () => {
    const page = await opsPage(target(EVIL, ['evil.pkl']), 0, 500);
    expect(page.ops.map((o) => `${o.offset} ${o.name}`)).toEqual(['0 PROTO', '2 GLOBAL', '16 BINPUT', '18 BINUNICODE', '33 BINPUT',
      '35 TUPLE1', '36 BINPUT', '38 REDUCE', '39 BINPUT', '41 STOP']);
    expect(page.ops[1]!.arg).toBe('"posix system"');
    expect(page.ops[3]!.arg).toBe('"echo pwned"');
    expect(page).toMatchObject({ nextOffset: null, size: EVIL.length });
    expect(page.error).toBeUndefined();
  });

  it('reads a pickle inside a deflated zip member, and pages resume where the last one stopped', async () => {
    const zip = buildZip({ members: [{ name: 'bundle/evil.pkl', data: EVIL, method: 8 }] });
    const t = target(zip, ['bundle.zip', 'bundle/evil.pkl']);
    const first = await opsPage(t, 0, 4);
    expect(first.ops.map((o) => o.name)).toEqual(['PROTO', 'GLOBAL', 'BINPUT', 'BINUNICODE']);
    expect(first.nextOffset).toBe(33);
    const rest = await opsPage(t, first.nextOffset!, 500);
    expect(rest.ops.map((o) => o.name)).toEqual(['BINPUT', 'TUPLE1', 'BINPUT', 'REDUCE', 'BINPUT', 'STOP']);
    await expect(opsPage(target(zip, ['bundle.zip', 'missing.pkl']), 0, 10)).rejects.toThrow(/could not be found/);
  });

  it('walks on across STOP into a second stream, and ends at junk with the offset of the bad byte', async () => {
    const two = new Uint8Array([...EVIL, 0x80, 0x02, 0x4e, 0x2e, 0xff, 0xff]);
    const page = await opsPage(target(two, ['two.pkl']), 0, 500);
    expect(page.ops.slice(10).map((o) => `${o.offset} ${o.name}`)).toEqual(['42 PROTO', '44 NONE', '45 STOP']);
    expect(page.error).toMatchObject({ offset: 46 });
    expect(page.nextOffset).toBeNull();
  });

  it('renders hostile text as escaped, clipped text: controls, bidi overrides and long strings', async () => {
    expect(renderArg('a\u202Eb\nc"')).toBe('"a\\u202eb\\nc\\""');
    const long = renderArg('x'.repeat(10_000));
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('(10000 chars)');
    expect(renderArg(new Uint8Array(100).fill(0xab))).toMatch(/^100 bytes: ab ab .* …$/);
    expect(renderArg(12345678901234567890n)).toBe('12345678901234567890');
    expect([renderArg(null), renderArg(true), renderArg(undefined)]).toEqual(['None', 'True', '']);
  });

  it('indexes a stream of 12,005 ops into pages of 500 whose starts open the right ops', async () => {
    // PROTO 2, EMPTY_LIST, MARK, 12,000 × BININT1 n, APPENDS, STOP: 12,005 ops
    const body = [0x80, 0x02, 0x5d, 0x28];
    for (let i = 0; i < 12_000; i++) body.push(0x4b, i & 0xff);
    body.push(0x65, 0x2e);
    const t = target(new Uint8Array(body), ['many.pkl']);
    const index = await opsIndex(t, 0, 500, 1_000_000);
    expect(index.ops).toBe(12_005);
    expect(index.starts.length).toBe(25);
    expect(index.nextOffset).toBeNull();
    const page = await opsPage(t, index.starts[24]!, 500);
    expect(page.ops.length).toBe(5);
    expect(page.ops.at(-1)!.name).toBe('STOP');
    // An index request stops at its cap on a page boundary and says where to go on.
    const part = await opsIndex(t, 0, 500, 1_200);
    expect(part).toMatchObject({ ops: 1_000, nextOffset: index.starts[2] });
  });
});

describe('openNode through PyTorch and NumPy containers (fixtures/pickle-family)', () => {
  it.each(['malicious/state-dict-eval.pt', 'malicious/state-dict-eval-legacy.pt', 'malicious/object-gadget.npy', 'benign/torchscript.pt'])(
    're-opens every pickle node of %s with the size the scan recorded', async (file) => {
      const bytes = new Uint8Array(readFileSync(`fixtures/pickle-family/${file}`));
      const name = file.split('/').pop()!;
      const report = await scan(fromBytes(bytes, name));
      const pickles = report.nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.format === 'pickle' && n.path.length > 1);
      expect(pickles.length).toBeGreaterThan(0);
      for (const { n, i } of pickles) {
        const source = await openNode(rootOf(bytes, name), nodeAddress(report.nodes, i)!);
        expect(source, n.path.join(' > ')).not.toBeNull();
        expect(source!.size, n.path.join(' > ')).toBe(n.size);
      }
    });
});

describe('openNode through compressed wrappers', () => {
  it.each(['forest.joblib.gz', 'forest.joblib.xz', 'forest.joblib.bz2', 'forest.joblib.lz4'])(
    '%s: the decompressed pickle the scan judged re-opens with the same size (the pickle view of a compressed joblib)', async (file) => {
      const bytes = new Uint8Array(readFileSync(`fixtures/pickle-family/benign/${file}`));
      const report = await scan(fromBytes(bytes, file));
      const i = report.nodes.findIndex((n) => n.path.length === 2);
      expect(i, JSON.stringify(report.nodes.map((n) => n.path))).toBeGreaterThan(0);
      const source = await openNode(rootOf(bytes, file), nodeAddress(report.nodes, i)!);
      expect(source?.size).toBe(report.nodes[i]!.size);
      expect((await source!.read(0, 1))[0]).toBe(0x80); // PROTO: the pickle itself
    });

  it('a pickle member of a tar.zst re-opens through the decompressed stream and the tar', async () => {
    const file = 'pickle-member.tar.zst';
    const bytes = new Uint8Array(readFileSync(`fixtures/compressed-zstd/malicious/${file}`));
    const report = await scan(fromBytes(bytes, file));
    const i = report.nodes.findIndex((n) => n.path.length === 3 && n.format === 'pickle');
    expect(i, JSON.stringify(report.nodes.map((n) => [n.path, n.format]))).toBeGreaterThan(0);
    const source = await openNode(rootOf(bytes, file), nodeAddress(report.nodes, i)!);
    expect(source?.size).toBe(report.nodes[i]!.size);
    expect((await source!.read(0, 1))[0]).toBe(0x80);
  });
});
