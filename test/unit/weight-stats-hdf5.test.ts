// Weight statistics on HDF5 (h5py files, Keras .h5, model.weights.h5 inside .keras): float datasets
// sampled through h5wasm after the security checks. Planted anomalies in a real h5py file (a NaN, an
// all-zero chunked matrix, a constant and a 50× neuron in a big-endian Keras-layout kernel, where
// neurons are columns) come back as INFO at the dataset path; a clean real Keras model stays quiet;
// large gzip-chunked datasets are sampled in windows; options.weightStats === false switches it off.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport, type ScanOptions } from '../../src/engine';
import { SEVERITY_RANK } from '../../src/engine/types';
import { STATS_SAMPLE_WINDOWS, STATS_WINDOW_BYTES } from '../../src/engine/stats/sample';
import { columnNeurons, isKerasKernel } from '../../src/engine/formats/keras/weights';

const read = (rel: string) => new Uint8Array(readFileSync(join(process.cwd(), 'fixtures', rel)));
const scanFixture = (rel: string, options: ScanOptions = {}) => scan(fromBytes(read(rel), rel.split('/').pop()!), options);
const stats = (r: FileReport) => r.findings.filter((f) => f.ruleId.startsWith('stats/'));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK.info);
const note = (r: FileReport) => r.nodes[0]!.notes?.weightStats as Record<string, number> | undefined;
const at = (r: FileReport, id: string, pointer: string) => r.findings.find((f) => f.ruleId === id && f.location.pointer === pointer);

describe('planted anomalies in a real h5py file', () => {
  it('NaN, all-zero chunked matrix, constant and 50× neurons (columns of a big-endian [in, out] kernel) → INFO at the dataset paths', async () => {
    const r = await scanFixture('stats/malicious/planted-anomalies.h5');
    expect(aboveInfo(r)).toEqual([]);
    expect(at(r, 'stats/non-finite', '/encoder/dense/kernel')?.message).toBe('Tensor "/encoder/dense/kernel" holds 1 NaN among 2048 values read (the whole tensor)');
    expect(at(r, 'stats/constant-tensor', '/zeros/kernel')?.message).toBe('Weight matrix "/zeros/kernel" [16, 16] is all zeros (the whole tensor)');
    expect(at(r, 'stats/constant-tensor', '/fc/dense/kernel/*/3')?.message).toBe('Column 3 of head "/fc/dense/kernel" [64, 16] holds the single value 0.25 in all 64 rows');
    const outlier = at(r, 'stats/outlier-neuron', '/fc/dense/kernel/*/7');
    expect(outlier?.severity).toBe('info');
    expect(outlier?.message).toMatch(/^Column 7 of head "\/fc\/dense\/kernel" \[64, 16\] has L2 norm 20\.12, 50\.02× the median 0\.4022 of 16 columns/);
    expect(stats(r).map((f) => f.location.pointer).sort()).toEqual(
      ['/encoder/dense/kernel', '/fc/dense/kernel/*/3', '/fc/dense/kernel/*/3', '/fc/dense/kernel/*/7', '/zeros/kernel']);
    // int32 /labels is not a float dataset; the f8 bias is read.
    expect(note(r)).toEqual({ tensorsSampled: 4, tensorsReadWhole: 4, tensorsSkipped: 0, headsAnalysed: 1, bytesRead: (32 * 64 + 16 * 16 + 64 * 16) * 4 + 16 * 8 });
  });

  it('the same file with options.weightStats === false → no stats findings and no note', async () => {
    const r = await scanFixture('stats/malicious/planted-anomalies.h5', { weightStats: false });
    expect(stats(r)).toEqual([]);
    expect(note(r)).toBeUndefined();
  });

  it('8 MiB gzip-chunked datasets → 16 windows each (whole rows of a tall kernel, first columns of wide rows), said to be samples', async () => {
    const r = await scanFixture('stats/malicious/large-sampled.h5');
    expect(aboveInfo(r)).toEqual([]);
    expect(at(r, 'stats/non-finite', '/tall/kernel')?.message).toBe(`Tensor "/tall/kernel" holds 1 +Inf among ${STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES / 4} values read (a sample of 65536 of 2097152 values)`);
    expect(at(r, 'stats/constant-tensor', '/wide/embeddings')?.message).toBe('Weight matrix "/wide/embeddings" [16, 65536] holds the single value 0.5 (a sample of 32768 of 1048576 values)');
    // /huge-chunk/kernel is one 64 MiB chunk: reading any window would inflate it whole, so it is skipped.
    expect(at(r, 'stats/constant-tensor', '/huge-chunk/kernel')).toBeUndefined();
    expect(note(r)).toEqual({ tensorsSampled: 2, tensorsReadWhole: 0, tensorsSkipped: 1, headsAnalysed: 0, bytesRead: 2 * STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES });
  });
});

describe('planted head in a real Keras 3 .keras archive', () => {
  it('model.weights.h5 kernel layers/dense_1/vars/0 [in, out] → constant and 50× columns reported in the member node', async () => {
    const r = await scanFixture('stats/malicious/planted-head.keras');
    expect(aboveInfo(r)).toEqual([]);
    const s = stats(r);
    expect(s.map((f) => [f.ruleId, f.severity, f.location.path, f.location.pointer])).toEqual([
      ['stats/constant-tensor', 'info', ['planted-head.keras', 'model.weights.h5'], '/layers/dense_1/vars/0/*/3'],
      ['stats/outlier-neuron', 'info', ['planted-head.keras', 'model.weights.h5'], '/layers/dense_1/vars/0/*/3'],
      ['stats/outlier-neuron', 'info', ['planted-head.keras', 'model.weights.h5'], '/layers/dense_1/vars/0/*/7'],
    ]);
    expect(s[2]!.message).toContain('50.02× the median 0.4022 of 16 columns');
  });
});

describe('clean real models stay quiet', () => {
  it('a Keras 3 Sequential of Dense layers saved as .h5 → no findings, 4 datasets read whole, head analysed', async () => {
    const r = await scanFixture('stats/benign/sequential.h5');
    expect(r.findings).toEqual([]);
    expect(note(r)).toEqual({ tensorsSampled: 4, tensorsReadWhole: 4, tensorsSkipped: 0, headsAnalysed: 1, bytesRead: (32 * 64 + 64 + 64 * 10 + 10) * 4 });
  });

  it.each(readdirSync(join(process.cwd(), 'fixtures/keras/benign')))('committed keras fixture benign/%s → no stats finding above INFO, nothing new above INFO', async (n) => {
    const r = await scanFixture(`keras/benign/${n}`);
    expect(aboveInfo(r)).toEqual([]);
    expect(stats(r).every((f) => f.severity === 'info')).toBe(true);
  });

  it('model.weights.h5 inside a .keras archive is analysed in its own node', async () => {
    const r = await scanFixture('keras/benign/sequential.keras');
    const weights = r.nodes.find((n) => n.path[n.path.length - 1] === 'model.weights.h5');
    expect(weights?.notes?.weightStats).toMatchObject({ tensorsSkipped: 0 });
    expect((weights?.notes?.weightStats as Record<string, number>).tensorsSampled).toBeGreaterThan(0);
  });
});

describe('layout', () => {
  it('Keras kernels (neurons are columns) are told by the dataset name', () => {
    expect(isKerasKernel('/model_weights/dense_1/dense_1/kernel:0')).toBe(true);
    expect(isKerasKernel('/layers/dense/vars/0')).toBe(false);
    expect(isKerasKernel('/fc/weight')).toBe(false);
  });

  it('Keras 3 vars/0 kernels are told by their bias: [in, out] beside a bias of out → columns; [out, in] beside a bias of out → rows', () => {
    const d = (path: string, ...shape: number[]) => ({ path, shape, size: 4 });
    const cols = columnNeurons([d('/layers/dense/vars/0', 64, 16), d('/layers/dense/vars/1', 16),
      d('/torch/fc/weight', 16, 64), d('/torch/fc/bias', 16), d('/k/kernel', 8, 8), d('/k/bias', 8)]);
    expect([...cols].sort()).toEqual(['/k/kernel', '/layers/dense/vars/0']);
  });
});
