// Re-opening a node (navigate.ts: the pickle view and "Show bytes"). Under a compressed stream (a member
// of a large tar.gz, a large compressed joblib): with the sizes of the report's path (nodeAddress), the
// stream is decoded once as it is read, not counted by a whole decoding pass first. Under a member
// whose name the report clipped (over 4,096 characters): the container matches its members through
// the same clipping, so the clipped name still leads back to the member.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { scan, fromBytes, type ByteSource } from '../../src/engine';
import { Budget } from '../../src/engine/limits';
import { windowOf } from '../../src/engine/io/byte-source';
import { nodeAddress, openNode } from '../../src/engine/navigate';
import { buildTar } from '../builders/tar';
import { buildZip } from '../builders/zip';
import { noise } from '../helpers/bytes';
import { isClippedName, MAX_NODE_NAME_CHARS, nodeName } from '../../src/engine/formats/child-names';
import { notFound } from '../../workers/inspect';

const MiB = 1024 * 1024;
const EVIL_PICKLE = new Uint8Array([...'\x80\x02cposix\nsystem\nX\x02\x00\x00\x00id\x85R.'].map((c) => c.charCodeAt(0)));
/** The compressed file, counting the bytes every reader takes from it. */
function counted(bytes: Uint8Array, name: string): { root: ByteSource; read: () => number } {
  const inner = fromBytes(bytes, name);
  let n = 0;
  const root: ByteSource = { name, size: inner.size,
    read: async (o, l) => { const b = await inner.read(o, l); n += b.length; return b; },
    slice: (s, e, nm) => windowOf(root, s, e, nm) };
  return { root, read: () => n };
}

const TGZ = gzipSync(buildTar({ members: [...Array.from({ length: 4 }, (_, i) => ({ name: `w/shard-${i}.bin`, data: noise(MiB, i + 3) })),
  { name: 'w/extra.pkl', data: EVIL_PICKLE }] }), { level: 1, mtime: 0 });
const LIMITS = { maxMemberBytes: MiB };

describe('re-opening a member of a tar.gz too large to keep', () => {
  it('decodes the stream once when the path carries the sizes of the report: the compressed bytes are read once, not twice', async () => {
    const report = await scan(fromBytes(TGZ, 'm.tar.gz'), { limits: LIMITS });
    const i = report.nodes.findIndex((n) => n.path.at(-1) === 'w/extra.pkl');
    expect(i).toBeGreaterThan(0);
    const path = nodeAddress(report.nodes, i)!;
    expect(path[1]!.size).toBeGreaterThan(4 * MiB);

    const once = counted(TGZ, 'm.tar.gz');
    const node = await openNode(once.root, path, new Budget(LIMITS));
    expect(node?.size).toBe(EVIL_PICKLE.length);
    expect(await node!.read(0, node!.size)).toEqual(EVIL_PICKLE);
    // Once, plus the first MiB the sniff of the decoded head reads (codecs.ts: one input chunk).
    expect(once.read()).toBeLessThan(TGZ.length + 1.1 * MiB);

    // Without the sizes (bare names), as before: a counting pass first, then the stream's own.
    const twice = counted(TGZ, 'm.tar.gz');
    const again = await openNode(twice.root, path.map(({ name, nth }) => ({ name, nth })), new Budget(LIMITS));
    expect(await again!.read(0, again!.size)).toEqual(EVIL_PICKLE);
    expect(twice.read()).toBeGreaterThan(1.9 * TGZ.length);
  });

  it('does not trust a size past the limits: a path claiming more than the ratio and budget allow is counted, and opens the same bytes', async () => {
    const report = await scan(fromBytes(TGZ, 'm.tar.gz'), { limits: LIMITS });
    const i = report.nodes.findIndex((n) => n.path.at(-1) === 'w/extra.pkl');
    const path = nodeAddress(report.nodes, i)!;
    const claimed = path.map((s, k) => (k === 1 ? { ...s, size: 1e15 } : s));
    const node = await openNode(fromBytes(TGZ, 'm.tar.gz'), claimed, new Budget(LIMITS));
    expect(await node!.read(0, node!.size)).toEqual(EVIL_PICKLE);
  });
});

describe('re-opening a member whose name the report clipped', () => {
  const long = (tail: string) => `${'dir/'.repeat(1500)}${tail}`; // 6,000+ characters
  const critical = (r: Awaited<ReturnType<typeof scan>>) => r.findings.find((f) => f.severity === 'critical')!;

  it('finds the 6,006-character pax-named pickle of a tar from the clipped name of its finding, and not its same-prefixed twin', async () => {
    const tar = buildTar({ members: [
      { name: 'a', pax: { path: long('benign.pkl') }, data: new Uint8Array([0x80, 0x02, 0x4e, 0x2e]) },
      { name: 'b', pax: { path: long('evil.pkl') }, data: EVIL_PICKLE },
    ] });
    const report = await scan(fromBytes(tar, 'names.tar'));
    const where = critical(report).location.path;
    expect(where.at(-1)).toHaveLength(MAX_NODE_NAME_CHARS);
    expect(isClippedName(where.at(-1)!)).toBe(true);
    const i = report.nodes.findIndex((n) => n.path.length === where.length && n.path.every((x, k) => x === where[k]));
    const node = await openNode(fromBytes(tar, 'names.tar'), nodeAddress(report.nodes, i)!);
    expect(node && await node.read(0, node.size)).toEqual(EVIL_PICKLE);
  });

  it('finds a zip member named with 5,000 characters, the nth of two that clip to the same name', async () => {
    const name = `${'x'.repeat(5000)}.pkl`;
    const zip = buildZip({ members: [{ name, data: new Uint8Array([0x80, 0x02, 0x4e, 0x2e]) }, { name, data: EVIL_PICKLE }] });
    const report = await scan(fromBytes(zip, 'names.zip'));
    const where = critical(report).location.path;
    expect(isClippedName(where.at(-1)!)).toBe(true);
    const nodes = report.nodes.map((n, k) => ({ n, k })).filter(({ n }) => n.path.at(-1) === where.at(-1));
    expect(nodes).toHaveLength(2);
    const second = await openNode(fromBytes(zip, 'names.zip'), nodeAddress(report.nodes, nodes[1]!.k)!);
    expect(second && await second.read(0, second.size)).toEqual(EVIL_PICKLE);
  });

  it('says plainly why when a clipped name cannot be found again, and names nothing clipped when none is', () => {
    const file = new File([new Uint8Array(1)], 'x.tar');
    const clipped = nodeName(`${'d'.repeat(9000)}.pkl`);
    expect(isClippedName(clipped)).toBe(true);
    expect(isClippedName('d'.repeat(MAX_NODE_NAME_CHARS))).toBe(false);
    expect(notFound({ file, key: 'k', path: [{ name: 'x.tar', nth: 0 }, { name: clipped, nth: 0 }] }))
      .toMatch(/named with more than 4,096 characters, and the report keeps only the start and end of such names .*cannot find its member by the clipped name/);
    expect(notFound({ file, key: 'k', path: [{ name: 'x.tar', nth: 0 }, { name: 'gone.pkl', nth: 0 }] })).toBe('"x.tar › gone.pkl" could not be found in the file again');
  });
});
