// Weight statistics (src/engine/stats): planted anomalies in real float layouts come back as INFO
// findings naming the tensor; ordinary random weights and the committed fixtures stay quiet; the bytes
// read stay bounded on huge files; options.weightStats === false switches it all off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport, type ScanOptions } from '../../src/engine';
import { SEVERITY_RANK } from '../../src/engine/types';
import { bf16ToFloat, halfToFloat, STATS_MAX_BYTES_PER_FILE, STATS_SAMPLE_WINDOWS, STATS_WINDOW_BYTES } from '../../src/engine/stats/sample';
import { analyseRows } from '../../src/engine/stats/stats';
import { encode, normal, toHalf, weightsFile } from '../builders/weights';
import { fromHeaderText } from '../builders/safetensors';
import { npy } from '../builders/numpy';
import { counting, withSparseFile } from '../helpers/sources';

const scanOf = (bytes: Uint8Array, name = 'model.safetensors', options: ScanOptions = {}) => scan(fromBytes(bytes, name), options);
const stats = (r: FileReport) => r.findings.filter((f) => f.ruleId.startsWith('stats/'));
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const aboveInfo = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK.info);
const note = (r: FileReport) => r.nodes[0]!.notes?.weightStats as Record<string, number> | undefined;
const fixture = (rel: string) => new Uint8Array(readFileSync(join(process.cwd(), 'fixtures', rel)));

/** A small transformer-ish checkpoint of N(0, 0.02²) weights with a [16, 64] classifier head. */
function model(plant: (t: Record<string, Float64Array>) => void = () => {}, dtype: 'F16' | 'BF16' | 'F32' | 'F64' = 'F32'): Uint8Array {
  const t: Record<string, Float64Array> = {
    'encoder.layer.0.weight': normal(64 * 64, 1), 'encoder.layer.0.bias': normal(64, 2),
    'classifier.weight': normal(16 * 64, 3), 'classifier.bias': normal(16, 4),
  };
  plant(t);
  const shape: Record<string, number[]> = { 'encoder.layer.0.weight': [64, 64], 'encoder.layer.0.bias': [64], 'classifier.weight': [16, 64], 'classifier.bias': [16] };
  return weightsFile(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { dtype, shape: shape[k]!, values: v }])));
}

describe('float decoding', () => {
  it('decodes binary16 and bfloat16 bit patterns, including Inf, NaN and subnormals', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(bf16ToFloat(0x3f80)).toBe(1);
    expect(bf16ToFloat(0x7f80)).toBe(Infinity);
    expect(bf16ToFloat(0x7fc0)).toBeNaN();
    expect(toHalf(0.5)).toBe(0x3800);
  });
});

describe('clean weights stay quiet', () => {
  it.each(['F16', 'BF16', 'F32', 'F64'] as const)('random %s weights with a classifier head → no stats findings, head analysed', async (dtype) => {
    const r = await scanOf(model(undefined, dtype));
    expect(r.findings).toEqual([]);
    expect(note(r)).toMatchObject({ tensorsSampled: 4, tensorsReadWhole: 4, tensorsSkipped: 0, headsAnalysed: 1 });
    expect(note(r)!.bytesRead).toBe((64 * 64 + 64 + 16 * 64 + 16) * { F16: 2, BF16: 2, F32: 4, F64: 8 }[dtype]);
  });

  it.each(['safetensors/benign/mixed-dtypes.safetensors', 'safetensors/benign/numpy-no-metadata.safetensors', 'pickle-family/benign/numeric.npy'])(
    'committed fixture %s → nothing above INFO and no stats findings', async (rel) => {
      const r = await scanOf(fixture(rel), rel.split('/').pop());
      expect(aboveInfo(r)).toEqual([]);
      expect(stats(r)).toEqual([]);
    });

  it('the real mixed-dtypes file has its BF16, F32 and F16 tensors sampled whole', async () => {
    const r = await scanOf(fixture('safetensors/benign/mixed-dtypes.safetensors'));
    expect(note(r)).toMatchObject({ tensorsSampled: 3, tensorsReadWhole: 3, tensorsSkipped: 0 });
  });
});

describe('planted anomalies → INFO findings naming the tensor', () => {
  it('one NaN in a hidden layer → stats/non-finite at /tensors/encoder.layer.0.weight', async () => {
    const r = await scanOf(model((t) => { t['encoder.layer.0.weight']![1234] = NaN; }));
    const [f, ...rest] = only(r, 'stats/non-finite');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', location: { pointer: '/tensors/encoder.layer.0.weight' }, evidence: '1/4096' });
    expect(f!.message).toContain('1 NaN among 4096 values read (the whole tensor)');
    expect(aboveInfo(r)).toEqual([]);
  });

  it.each(['F16', 'BF16'] as const)('+Inf and −Inf in a %s bias → stats/non-finite with both counts', async (dtype) => {
    const r = await scanOf(model((t) => { t['classifier.bias']![0] = Infinity; t['classifier.bias']![5] = -Infinity; t['classifier.bias']![6] = -Infinity; }, dtype));
    const f = only(r, 'stats/non-finite');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: { pointer: '/tensors/classifier.bias' } });
    expect(f[0]!.message).toContain('1 +Inf, 2 −Inf');
  });

  it('an all-zero weight matrix → stats/constant-tensor "all zeros"', async () => {
    const r = await scanOf(model((t) => { t['encoder.layer.0.weight']!.fill(0); }));
    const f = only(r, 'stats/constant-tensor');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: { pointer: '/tensors/encoder.layer.0.weight' } });
    expect(f[0]!.message).toContain('[64, 64] is all zeros');
  });

  it('a constant non-zero weight matrix → stats/constant-tensor with its value; a constant 1-D bias is exempt', async () => {
    const r = await scanOf(model((t) => { t['encoder.layer.0.weight']!.fill(0.5); t['encoder.layer.0.bias']!.fill(1); }));
    expect(stats(r).map((f) => [f.ruleId, f.location.pointer, f.evidence])).toEqual([['stats/constant-tensor', '/tensors/encoder.layer.0.weight', '0.5']]);
  });

  it('one constant row (a zeroed neuron) in the classifier head → stats/constant-tensor at the row', async () => {
    const r = await scanOf(model((t) => { t['classifier.weight']!.fill(0.01, 3 * 64, 4 * 64); }));
    const f = only(r, 'stats/constant-tensor');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: { pointer: '/tensors/classifier.weight/3' } });
    expect(f[0]!.message).toContain('Row 3 of head "classifier.weight" [16, 64] holds the single value 0.01');
  });

  it('one neuron with 50× the others\' norm in the head → stats/outlier-neuron at that row, with figures', async () => {
    const r = await scanOf(model((t) => { const w = t['classifier.weight']!; for (let c = 0; c < 64; c++) w[7 * 64 + c]! *= 50; }));
    const f = only(r, 'stats/outlier-neuron');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: { pointer: '/tensors/classifier.weight/7' } });
    expect(f[0]!.message).toMatch(/^Row 7 of head "classifier\.weight" \[16, 64\] has L2 norm [\d.]+, (4\d|5\d)(\.\d+)?× the median/);
    expect(aboveInfo(r)).toEqual([]);
  });

  it('the same outlier in a non-head hidden layer (not the last 2-D weight) → no outlier finding', async () => {
    const r = await scanOf(model((t) => { const w = t['encoder.layer.0.weight']!; for (let c = 0; c < 64; c++) w[7 * 64 + c]! *= 50; }));
    expect(stats(r)).toEqual([]);
  });

  it('the last 2-D weight counts as the head even without a telling name', async () => {
    const w = normal(12 * 32, 9);
    for (let c = 0; c < 32; c++) w[2 * 32 + c]! *= 50;
    const r = await scanOf(weightsFile({ 'a.weight': { dtype: 'F32', shape: [32, 32], values: normal(1024, 8) }, 'z.proj': { dtype: 'F32', shape: [12, 32], values: w } }));
    expect(only(r, 'stats/outlier-neuron').map((f) => f.location.pointer)).toEqual(['/tensors/z.proj/2']);
  });

  it('a weight of 1e6 → stats/extreme-magnitude with max |x|', async () => {
    const r = await scanOf(model((t) => { t['encoder.layer.0.weight']![9] = -1e6; }));
    const f = only(r, 'stats/extreme-magnitude');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: { pointer: '/tensors/encoder.layer.0.weight' }, evidence: 'max |x| = 1.000e+6' });
  });

  it('robust row test: a low-norm (disabled) neuron is an outlier, heavy-ish normal spread is not', () => {
    const v = normal(32 * 256, 5, 1);
    for (let c = 0; c < 256; c++) v[4 * 256 + c]! /= 100;
    expect(analyseRows(v, 32, 256, 10, 3).outliers.map((o) => o.row)).toEqual([4]);
    expect(analyseRows(normal(32 * 256, 6, 1), 32, 256, 10, 3).outliers).toEqual([]);
    // Few columns: norms spread too widely for a near-zero row to be 10 robust σ away (no false certainty).
    const narrow = normal(32 * 16, 5, 1);
    for (let c = 0; c < 16; c++) narrow[4 * 16 + c]! /= 100;
    expect(analyseRows(narrow, 32, 16, 10, 3).outliers).toEqual([]);
  });
});

describe('.npy arrays', () => {
  it('a big-endian float64 array with a NaN → stats/non-finite at /data', async () => {
    const vals = normal(40, 11);
    vals[17] = NaN;
    const r = await scanOf(npy({ descr: "'>f8'", shape: [5, 8], data: encode(vals, 'F64', false) }), 'w.npy');
    const f = only(r, 'stats/non-finite');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', location: { pointer: '/data' } });
    expect(f[0]!.message).toContain('1 NaN among 40 values read');
  });

  it('a little-endian float16 array of random values → quiet; with an outlier row of a [10, 8] head → found', async () => {
    const vals = normal(80, 12, 1);
    const clean = await scanOf(npy({ descr: "'<f2'", shape: [10, 8], data: encode(vals, 'F16') }), 'w.npy');
    expect(clean.findings).toEqual([]);
    expect(note(clean)).toMatchObject({ tensorsSampled: 1, headsAnalysed: 1, bytesRead: 160 });
    for (let c = 0; c < 8; c++) vals[9 * 8 + c]! *= 50;
    const r = await scanOf(npy({ descr: "'<f2'", shape: [10, 8], data: encode(vals, 'F16') }), 'w.npy');
    expect(only(r, 'stats/outlier-neuron').map((f) => f.location.pointer)).toEqual(['/data/9']);
  });

  it('a Fortran-order array gets value statistics but no per-row analysis (its rows are not contiguous)', async () => {
    const vals = normal(80, 13, 1);
    vals[0] = Infinity;
    const r = await scanOf(npy({ descr: "'<f4'", shape: [10, 8], fortran: true, data: encode(vals, 'F32') }), 'w.npy');
    expect(only(r, 'stats/non-finite')).toHaveLength(1);
    expect(note(r)).toMatchObject({ headsAnalysed: 0 });
  });
});

describe('off switch and bounds', () => {
  it('options.weightStats === false → no stats findings and no note, even on planted anomalies', async () => {
    const r = await scanOf(model((t) => { t['classifier.weight']![0] = NaN; t['encoder.layer.0.weight']!.fill(0); }), 'model.safetensors', { weightStats: false });
    expect(stats(r)).toEqual([]);
    expect(note(r)).toBeUndefined();
  });

  it('a sparse 2 GiB F32 tensor is sampled in windows: bytes read stay at header + 16 windows', async () => {
    const elements = 512 * 1024 * 1024;
    const head = fromHeaderText(JSON.stringify({ 'lm_head.weight': { dtype: 'F32', shape: [elements / 4096, 4096], data_offsets: [0, elements * 4] } }));
    await withSparseFile('huge.safetensors', head, head.length + elements * 4, async (file) => {
      const { source, stats: io } = counting(file);
      const r = await scan(source);
      expect(aboveInfo(r)).toEqual([]);
      expect(r.complete).toBe(true);
      // The hole reads as zeros: a constant matrix, said to be a sample.
      expect(only(r, 'stats/constant-tensor')[0]!.message).toContain(`a sample of ${STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES / 4} of ${elements} values`);
      expect(note(r)).toMatchObject({ tensorsSampled: 1, tensorsReadWhole: 0, headsAnalysed: 0, bytesRead: STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES });
      expect(io.bytesRead).toBeLessThanOrEqual(64 * 1024 + head.length + STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES);
    });
  });

  it('a header listing 200 × 1 MiB tensors → the per-file cap stops the reads and the rest are noted as skipped', async () => {
    const n = 200, bytes = 1024 * 1024;
    const hdr: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) hdr[`w${i}`] = { dtype: 'F32', shape: [bytes / 4], data_offsets: [i * bytes, (i + 1) * bytes] };
    const head = fromHeaderText(JSON.stringify(hdr));
    await withSparseFile('many.safetensors', head, head.length + n * bytes, async (file) => {
      const { source, stats: io } = counting(file);
      const r = await scan(source);
      expect(aboveInfo(r)).toEqual([]);
      const s = note(r)!;
      expect(s.bytesRead).toBeLessThanOrEqual(STATS_MAX_BYTES_PER_FILE);
      expect(s.tensorsSampled).toBe(STATS_MAX_BYTES_PER_FILE / bytes);
      expect(s.tensorsSkipped).toBe(n - s.tensorsSampled!);
      expect(io.bytesRead).toBeLessThanOrEqual(64 * 1024 + head.length + STATS_MAX_BYTES_PER_FILE);
    });
  });
});
