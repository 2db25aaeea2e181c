// NumPy .npy and .npz through the public scan(): headers of each version parsed without eval, numeric
// arrays size-checked, object arrays' pickles handed to the pickle scanner.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { encodeUtf8 } from '../../src/engine/io/text';
import { npy } from '../builders/numpy';
import { concat, op, pickle } from '../builders/pytorch';

const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const warnings = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const EVIL = pickle(op.global('posix', 'system'), op.str('echo pwned'), [0x85], op.reduce());
/** What np.save writes for an object array of two small ints: numpy's _reconstruct, with no gadget. */
const BENIGN_OBJECTS = pickle(op.emptyList(), op.mark(), op.int(1), op.int(2), op.appends());

describe('numpy .npy', () => {
  it.each([1, 2, 3] as const)('parses a version %i.0 header of a float32 array and finds nothing', async (version) => {
    const r = await scan(fromBytes(npy({ descr: "'<f4'", shape: [3, 4], version }), 'w.npy'));
    expect(r.format).toBe('numpy');
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.nodes[0]!.notes).toMatchObject({ version: `${version}.0`, dtype: '<f4', shape: [3, 4] });
    expect(r.nodes).toHaveLength(1);
  });

  it('reads a version 3.0 header in UTF-8 (structured dtype with a non-ASCII field name)', async () => {
    const r = await scan(fromBytes(npy({ descr: "[('température', '<f8'), ('n', '<i2', (2,))]", shape: [5], version: 3, itemSize: 12 }), 's.npy'));
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes?.dtype).toContain('température');
  });

  it('hands an object array\'s pickle to the pickle scanner: INFO for the array, CRITICAL for a gadget', async () => {
    const file = npy({ descr: "'|O'", shape: [1], data: EVIL });
    const r = await scan(fromBytes(file, 'evil.npy'));
    const [info] = find(r, 'numpy/object-array');
    expect(info).toMatchObject({ severity: 'info', location: { path: ['evil.npy'], offset: 128 } });
    expect(r.nodes[1]).toMatchObject({ path: ['evil.npy', 'pickle@128'], format: 'pickle', size: EVIL.length });
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === 'pickle@128')).toBe(true);
  });

  it('treats a structured dtype with an object field as an object array', async () => {
    const r = await scan(fromBytes(npy({ descr: "[('a', '<i4'), ('b', '|O')]", shape: [2], data: BENIGN_OBJECTS }), 'rec.npy'));
    expect(find(r, 'numpy/object-array')).toHaveLength(1);
    expect(r.nodes[1]!.format).toBe('pickle');
  });

  it('reports an array shorter than its header says (truncated)', async () => {
    const full = npy({ descr: "'<f8'", shape: [100] });
    const r = await scan(fromBytes(full.subarray(0, full.length - 8), 't.npy'));
    expect(find(r, 'numpy/size-mismatch')[0]).toMatchObject({ severity: 'warning' });
  });

  it('reports and scans bytes hidden after the array data', async () => {
    const file = concat(npy({ descr: "'<i4'", shape: [4] }), EVIL);
    const r = await scan(fromBytes(file, 'x.npy'));
    const [hit] = find(r, 'numpy/size-mismatch');
    expect(hit).toMatchObject({ severity: 'warning', location: { offset: 128 + 16 } });
    expect(r.nodes[1]!.path).toEqual(['x.npy', `[bytes 144-${file.length}]`]);
  });

  it('never evaluates the header: a call in it is malformed, not run', async () => {
    const r = await scan(fromBytes(npy({ descr: "'<f4'", shape: [1], header: "{'descr': __import__('os').system('id'), 'fortran_order': False, 'shape': (1,), }" }), 'x.npy'));
    expect(find(r, 'format/malformed')).toHaveLength(1);
    expect(r.complete).toBe(false);
  });

  it('refuses deeply nested header literals and over-long headers as malformed', async () => {
    const deep = npy({ descr: "'<f4'", shape: [1], header: `{'descr': ${'['.repeat(100)}${']'.repeat(100)}, 'fortran_order': False, 'shape': (1,)}` });
    expect(find(await scan(fromBytes(deep, 'd.npy')), 'format/malformed')).toHaveLength(1);
    const long = npy({ descr: "'<f4'", shape: [1], version: 2 });
    new DataView(long.buffer).setUint32(8, 0x7fffffff, true);
    const r = await scan(fromBytes(long, 'l.npy'));
    expect(find(r, 'format/malformed')[0]!.message).toMatch(/limit|past the end/);
  });

  it('parses Python 2 style headers (3L longs, double quotes)', async () => {
    const r = await scan(fromBytes(npy({ descr: '"<i8"', shape: [1], itemSize: 8, header: "{\"descr\": \"<i8\", \"fortran_order\": True, \"shape\": (2L, 3L)}" }), 'p.npy'));
    expect(r.nodes[0]!.notes).toMatchObject({ dtype: '<i8', shape: [2, 3], fortranOrder: true });
    expect(find(r, 'numpy/size-mismatch')).toHaveLength(1); // 8 bytes given for 6 elements
  });
});

describe('numpy .npz', () => {
  it('scans every member of an npz (stored and deflated) as .npy by content', async () => {
    const npz = zipSync({
      'weights.npy': [npy({ descr: "'<f4'", shape: [8] }), { level: 0 }],
      'labels.npy': [npy({ descr: "'|O'", shape: [1], data: EVIL }), { level: 6 }],
    });
    const r = await scan(fromBytes(npz, 'arrays.npz'));
    expect(r.format).toBe('zip');
    expect(r.nodes.filter((n) => n.format === 'numpy').map((n) => n.path[1])).toEqual(['weights.npy', 'labels.npy']);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.join('>') === 'arrays.npz>labels.npy>pickle@128')).toBe(true);
    expect(warnings(r).every((f) => f.location.path[1] === 'labels.npy')).toBe(true);
  });

  it('keeps a benign object npz at INFO', async () => {
    const npz = zipSync({ 'o.npy': npy({ descr: "'|O'", shape: [2], data: BENIGN_OBJECTS }) });
    const r = await scan(fromBytes(npz, 'o.npz'));
    expect(warnings(r)).toEqual([]);
    expect(find(r, 'numpy/object-array')).toHaveLength(1);
  });
});

describe('numpy header encoding', () => {
  it('rejects a 3.0 header that is not UTF-8', async () => {
    const file = npy({ descr: "'<f4'", shape: [1], version: 3 });
    file.set(encodeUtf8('\xff').subarray(0, 1), 13); // inside the 'descr' key
    file[13] = 0xff;
    expect(find(await scan(fromBytes(file, 'b.npy')), 'format/malformed')).toHaveLength(1);
  });
});
