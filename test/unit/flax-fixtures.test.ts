// Real files written by flax 0.12.8 / orbax-checkpoint 0.12.4 (fixtures/flax/generate.py, MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { openNode, nodeAddress } from '../../src/engine/navigate';
import { reportProblems } from '../helpers/schema';

const DIR = 'fixtures/flax';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
async function scanFixture(rel: string): Promise<FileReport> {
  const r = await scan(fromBytes(load(rel), basename(rel)));
  expect(reportProblems(scanReport([r], { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} }))).toEqual([]);
  return r;
}
const ids = (r: FileReport) => r.findings.map((f) => f.ruleId).sort();

describe('flax fixtures: benign', () => {
  it('reads flax.serialization.to_bytes of a two-layer MLP as clean, with the tree summary', async () => {
    const r = await scanFixture('benign/flax_model.msgpack');
    expect(r.format).toBe('flax');
    expect(r.status).toBe('clean');
    expect(r.complete).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ arrays: 4, parameters: 26, dtypes: { float32: 4 }, topLevelKeys: ['params'] });
  });

  it('accepts a train state with npscalar, complex, bfloat16, None and lists', async () => {
    const r = await scanFixture('benign/train_state.flax');
    expect(r.status).toBe('clean');
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ dtypes: { bfloat16: 1, float16: 1, int64: 1, int32: 1, float32: 4 } });
    expect((r.nodes[0]!.notes!['topLevelKeys'] as string[]).sort()).toEqual(['meta', 'opt_state', 'params', 'schedule', 'step']);
  });

  it('counts arrays Flax split into __msgpack_chunked_array__ chunks', async () => {
    const r = await scanFixture('benign/chunked.msgpack');
    expect(r.status).toBe('clean');
    expect(r.nodes[0]!.notes).toMatchObject({ chunkedArrays: 1, parameters: 40 });
  });

  it('claims the legacy aggregate `checkpoint` file by name and structure', async () => {
    const r = await scanFixture('benign/orbax-legacy/checkpoint');
    expect(r.format).toBe('flax');
    expect(r.status).toBe('clean');
    expect(r.nodes[0]!.notes).toMatchObject({ parameters: 10 });
  });

  it('notes the tree of an Orbax StandardCheckpointer _METADATA and its handler', async () => {
    const m = await scanFixture('benign/orbax-ocdbt/_METADATA');
    expect(m.format).toBe('flax');
    expect(m.findings).toEqual([]);
    expect(m.nodes[0]!.notes).toMatchObject({ leaves: 3, valueTypes: { 'np.ndarray': 3 }, use_ocdbt: true });
    const c = await scanFixture('benign/orbax-ocdbt/_CHECKPOINT_METADATA');
    expect(c.nodes[0]!.notes!['itemHandlers']).toMatch(/StandardCheckpointHandler$/);
    expect(c.findings).toEqual([]);
  });

  it('recognises OCDBT files by magic and says they were not decoded (INFO only)', async () => {
    const r = await scanFixture('benign/orbax-ocdbt/manifest.ocdbt');
    expect(r.format).toBe('flax');
    expect(r.status).toBe('clean');
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['flax/ocdbt-opaque', 'info']]);
    expect(r.nodes[0]!.notes).toMatchObject({ ocdbt: 'manifest', compression: 'zstd', declaredLength: 113 });
  });

  it('reads numeric zarr .zarray metadata of an Orbax checkpoint without OCDBT as clean', async () => {
    const r = await scanFixture('benign/orbax-zarr/params.Dense_0.kernel/.zarray');
    expect(r.format).toBe('flax');
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ dtype: '<f4', shape: [2, 3], codecs: ['zstd'] });
    const meta = await scanFixture('benign/orbax-zarr/_METADATA');
    expect(meta.nodes[0]!.notes).toMatchObject({ leaves: 4, use_ocdbt: false });
  });
});

describe('flax fixtures: malicious', () => {
  it('finds os.system in a pickle stored as a bin leaf, at its pointer and offset', async () => {
    const r = await scanFixture('malicious/pickle-in-bin-leaf.msgpack');
    const leaf = r.findings.find((f) => f.ruleId === 'flax/embedded-payload')!;
    expect(leaf.severity).toBe('warning');
    expect(leaf.location).toEqual({ path: ['pickle-in-bin-leaf.msgpack'], pointer: '/extra/hook', offset: 235 });
    const crit = r.findings.find((f) => f.severity === 'critical')!;
    expect(crit.ruleId).toBe('pickle/dangerous-call');
    expect(crit.location.path).toEqual(['pickle-in-bin-leaf.msgpack', '/extra/hook [bytes 235-303]']);
    expect(r.status).toBe('issues');
  });

  it('scans the buffer of an object-dtype ndarray extension as a pickle', async () => {
    const r = await scanFixture('malicious/object-ndarray-ext.msgpack');
    expect(ids(r)).toEqual(['flax/object-array', 'pickle/dangerous-call']);
    const obj = r.findings.find((f) => f.ruleId === 'flax/object-array')!;
    expect(obj.location.pointer).toBe('/params/Dense_0/kernel');
    expect(obj.evidence).toBe('object');
    expect(r.findings.find((f) => f.ruleId === 'pickle/dangerous-call')!.severity).toBe('critical');
  });

  it('flags a msgpack-numpy object array whose data msgpack_numpy.decode would unpickle', async () => {
    const r = await scanFixture('malicious/msgpack-numpy-object.msgpack');
    expect(ids(r)).toEqual(['flax/embedded-payload', 'flax/object-array', 'pickle/dangerous-call']);
    expect(r.findings.find((f) => f.ruleId === 'flax/object-array')!.location.pointer).toBe('/weights');
  });

  it('flags a zarr array with dtype |O and the pickle codec, and the chunk as a pickle', async () => {
    const z = await scanFixture('malicious/zarr-object/params.w/.zarray');
    expect(z.findings.map((f) => [f.ruleId, f.severity, f.location.pointer])).toEqual([['flax/zarr-object-array', 'warning', '/filters']]);
    const chunk = await scanFixture('malicious/zarr-object/params.w/0');
    expect(chunk.findings.some((f) => f.ruleId === 'pickle/dangerous-call' && f.severity === 'critical')).toBe(true);
  });

  it('leads a payload finding back to its bytes (Scanner.open)', async () => {
    const bytes = load('malicious/pickle-in-bin-leaf.msgpack');
    const r = await scan(fromBytes(bytes, 'pickle-in-bin-leaf.msgpack'));
    const i = r.nodes.findIndex((n) => n.format === 'pickle');
    const src = await openNode(fromBytes(bytes, 'pickle-in-bin-leaf.msgpack'), nodeAddress(r.nodes, i)!);
    expect(src).not.toBeNull();
    const got = await src!.read(0, src!.size);
    expect([got[0], got[1], got.length]).toEqual([0x80, 4, 68]);
  });
});

describe('flax fixtures: malformed', () => {
  it('reports a truncated checkpoint as malformed with the lying length, never clean', async () => {
    const r = await scanFixture('malformed/truncated.msgpack');
    expect(ids(r)).toEqual(['flax/absurd-length', 'format/malformed']);
    expect(r.findings.every((f) => f.severity !== 'critical')).toBe(true);
    expect(r.findings[0]!.location.offset).toBe(95);
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
  });
});
