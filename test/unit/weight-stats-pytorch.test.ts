// Weight statistics on PyTorch checkpoints (zip and legacy): tensors named by their state-dict keys
// (data.pkl / the main pickle), read from their storages. Real torch-made files with planted anomalies
// (a NaN, an all-zero matrix, a constant head row, a 50× neuron) come back as INFO findings naming the
// tensor; clean real models stay quiet; non-contiguous views are skipped and noted; a sparse multi-GB
// legacy checkpoint is sampled within the byte caps; options.weightStats === false switches it off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport, type ScanOptions } from '../../src/engine';
import { SEVERITY_RANK } from '../../src/engine/types';
import { DEFAULT_SAMPLE_LIMITS, STATS_MAX_BYTES_PER_FILE, STATS_SAMPLE_WINDOWS, STATS_WHOLE_TENSOR_BYTES, STATS_WINDOW_BYTES, sampleLimits } from '../../src/engine/stats/sample';
import { isContiguous, pickledTensors } from '../../src/engine/formats/pytorch/tensors';
import { legacyHead, tensorDictPickle } from '../builders/weights-torch';
import { torchZip } from '../builders/pytorch';
import { counting, withSparseFile } from '../helpers/sources';
import { main, type CliIo } from '../../src/cli/main';
import { USAGE, parseArgs } from '../../src/cli/args';
import { DEFAULT_SETTINGS, engineOptions, normalizeSettings, reportOptions } from '../../src/app/settings';

const fixture = (rel: string) => new Uint8Array(readFileSync(join(process.cwd(), 'fixtures/stats', rel)));
const scanFixture = (rel: string, options: ScanOptions = {}) => scan(fromBytes(fixture(rel), rel.split('/').pop()!), options);
const stats = (r: FileReport) => r.findings.filter((f) => f.ruleId.startsWith('stats/'));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK.info);
const note = (r: FileReport) => r.nodes[0]!.notes?.weightStats as Record<string, number> | undefined;
const at = (r: FileReport, id: string, pointer: string) => r.findings.find((f) => f.ruleId === id && f.location.pointer === pointer);

describe('planted anomalies in real torch.save files', () => {
  it.each(['malicious/planted-anomalies.pt', 'malicious/planted-anomalies-legacy.pt'])(
    '%s → NaN, all-zero matrix, constant head row and 50× neuron reported as INFO at their state-dict keys', async (rel) => {
      const r = await scanFixture(rel);
      expect(aboveInfo(r)).toEqual([]);
      expect(stats(r).every((f) => f.severity === 'info')).toBe(true);
      const nan = at(r, 'stats/non-finite', '/tensors/encoder.weight');
      expect(nan?.message).toBe('Tensor "encoder.weight" holds 1 NaN among 2048 values read (the whole tensor)');
      expect(nan?.evidence).toBe('1/2048');
      expect(at(r, 'stats/constant-tensor', '/tensors/zeros.weight')?.message).toBe('Weight matrix "zeros.weight" [16, 16] is all zeros (the whole tensor)');
      expect(at(r, 'stats/constant-tensor', '/tensors/fc.weight/3')?.message).toContain('Row 3 of head "fc.weight" [16, 64] holds the single value 0.25 in all 64 columns');
      const outlier = at(r, 'stats/outlier-neuron', '/tensors/fc.weight/7');
      expect(outlier?.message).toMatch(/^Row 7 of head "fc\.weight" \[16, 64\] has L2 norm 20\.12, 50\.02× the median 0\.4022 of 16 rows/);
      // Nothing on the bias; the constant row (norm 2, 5× the median) is also an outlier, rightly.
      expect(stats(r).map((f) => f.location.pointer).sort()).toEqual(
        ['/tensors/encoder.weight', '/tensors/fc.weight/3', '/tensors/fc.weight/3', '/tensors/fc.weight/7', '/tensors/zeros.weight']);
      expect(note(r)).toEqual({ tensorsSampled: 4, tensorsReadWhole: 4, tensorsSkipped: 0, headsAnalysed: 1, bytesRead: (64 * 32 + 16 * 16 + 16 * 64 + 16) * 4 });
    });

  it.each(['malicious/planted-anomalies.pt', 'malicious/planted-anomalies-legacy.pt'])(
    '%s with options.weightStats === false → no stats findings and no note', async (rel) => {
      const r = await scanFixture(rel, { weightStats: false });
      expect(stats(r)).toEqual([]);
      expect(note(r)).toBeUndefined();
    });
});

describe('tensor names follow state_dict() in whole modules and training checkpoints', () => {
  it.each([['malicious/planted-full-module.pt', '/tensors/2.weight/4'], ['malicious/planted-checkpoint.pt', '/tensors/model.2.weight/4']])(
    '%s (head row 4 × 60) → one INFO outlier-neuron at %s, nothing else', async (rel, pointer) => {
      const r = await scanFixture(rel);
      expect(r.findings.map((f) => [f.ruleId, f.severity, f.location.pointer])).toEqual([['stats/outlier-neuron', 'info', pointer]]);
      expect(note(r)).toMatchObject({ tensorsSampled: 4, tensorsReadWhole: 4, headsAnalysed: 1 });
    });
});

describe('clean real models stay quiet', () => {
  it.each(['benign/sequential.pt', 'benign/sequential-legacy.pt'])(
    '%s (nn.Sequential of Linear layers, random init) → no findings, all 4 tensors read whole, head analysed', async (rel) => {
      const r = await scanFixture(rel);
      expect(r.findings).toEqual([]);
      expect(note(r)).toEqual({ tensorsSampled: 4, tensorsReadWhole: 4, tensorsSkipped: 0, headsAnalysed: 1, bytesRead: (32 * 64 + 64 + 64 * 10 + 10) * 4 });
    });

  it('float64 and float16 storages are read; a transposed view sharing a storage is skipped and noted', async () => {
    const r = await scanFixture('benign/dtypes-views.pt');
    expect(r.findings).toEqual([]);
    expect(note(r)).toMatchObject({ tensorsSampled: 2, tensorsReadWhole: 2, bytesRead: 24 * 16 * 8 + 24 * 16 * 2 });
    expect(r.nodes[0]!.notes?.weightStatsNotContiguous).toBe(1);
  });

  it.each(['pytorch/benign', 'pickle-family/benign'])('committed torch fixtures under %s gain nothing above INFO', async (dir) => {
    const { readdirSync } = await import('node:fs');
    const base = join(process.cwd(), 'fixtures', dir);
    let names: string[] = [];
    try { names = readdirSync(base).filter((n) => /\.(pt|pth|ckpt|bin)$/.test(n)); } catch { /* folder absent */ }
    for (const n of names) {
      const r = await scan(fromBytes(new Uint8Array(readFileSync(join(base, n))), n));
      expect(stats(r).filter((f) => f.severity !== 'info'), n).toEqual([]);
    }
  });
});

describe('tensor walk', () => {
  it('a state dict of _rebuild_tensor_v2 calls → names, storage keys, offsets, sizes and strides', async () => {
    const bytes = tensorDictPickle([
      { name: 'a.weight', key: '0', numel: 12, size: [3, 4] },
      { name: 'a.weight_t', key: '0', numel: 12, size: [4, 3], stride: [1, 4] },
      { name: 'b', key: '1', type: 'HalfStorage', numel: 8, offset: 2, size: [6] },
    ]);
    const t = await pickledTensors(fromBytes(bytes), 0, bytes.length, () => {});
    expect(t).toEqual([
      { name: 'a.weight', storageKey: '0', storageType: 'torch.FloatStorage', offset: 0, size: [3, 4], stride: [4, 1] },
      { name: 'a.weight_t', storageKey: '0', storageType: 'torch.FloatStorage', offset: 0, size: [4, 3], stride: [1, 4] },
      { name: 'b', storageKey: '1', storageType: 'torch.HalfStorage', offset: 2, size: [6], stride: [1] },
    ]);
    expect(isContiguous([3, 4], [4, 1])).toBe(true);
    expect(isContiguous([4, 3], [1, 4])).toBe(false);
    expect(isContiguous([1, 5], [99, 1])).toBe(true); // size-1 dimensions may have any stride
  });

  it('a tensor view reaching past its storage (offset + numel > storage) is not read', async () => {
    const zip = torchZip({ dataPkl: tensorDictPickle([{ name: 'w', key: '0', numel: 16, offset: 8, size: [4, 4] }]), storages: { '0': new Uint8Array(64) } });
    const r = await scan(fromBytes(zip, 'model.pt'));
    expect(stats(r)).toEqual([]);
    expect(note(r)).toBeUndefined();
  });

  it('a zip storage planted with NaN bytes is found through data.pkl → non-finite at the key', async () => {
    const data = new Float32Array(64).map((_, i) => Math.sin(i) * 0.1);
    data[9] = NaN;
    const zip = torchZip({ dataPkl: tensorDictPickle([{ name: 'layer.weight', key: '0', numel: 64, size: [8, 8] }]), storages: { '0': new Uint8Array(data.buffer) } });
    const r = await scan(fromBytes(zip, 'model.pt'));
    expect(stats(r).map((f) => [f.ruleId, f.severity, f.location.pointer])).toEqual([['stats/non-finite', 'info', '/tensors/layer.weight']]);
  });
});

describe('bounds on huge legacy checkpoints', () => {
  it('a sparse 2 GiB legacy storage behind one [131072, 4096] tensor → 16 windows read, said to be a sample', async () => {
    const rows = 131_072, cols = 4096, elements = rows * cols;
    const head = legacyHead([{ name: 'lm_head.weight', key: '0', numel: elements, size: [rows, cols] }], elements);
    await withSparseFile('huge.pt', head, head.length + elements * 4, async (file) => {
      const { source, stats: io } = counting(file);
      const r = await scan(source);
      expect(aboveInfo(r)).toEqual([]);
      const c = r.findings.find((f) => f.ruleId === 'stats/constant-tensor');
      expect(c?.location.pointer).toBe('/tensors/lm_head.weight');
      expect(c?.message).toContain(`a sample of ${STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES / 4} of ${elements} values`);
      expect(note(r)).toMatchObject({ tensorsSampled: 1, tensorsReadWhole: 0, headsAnalysed: 0, bytesRead: STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES });
      // The statistics' share: what the scan reads beyond the same scan without them (the pickles' 1 MiB read chunks).
      const base = counting(file);
      await scan(base.source, { weightStats: false });
      // ...the windows, plus the main pickle walked a second time for the tensor names.
      expect(io.bytesRead - base.stats.bytesRead).toBeLessThanOrEqual(STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES + head.length);
    });
  });

  it('statsSampleBytes: 64 KiB → the same sparse tensor is read as 16 windows of 4 KiB', async () => {
    const rows = 4096, cols = 4096, elements = rows * cols;
    const head = legacyHead([{ name: 'lm_head.weight', key: '0', numel: elements, size: [rows, cols] }], elements);
    await withSparseFile('big.pt', head, head.length + elements * 4, async (file) => {
      const r = await scan(file, { statsSampleBytes: 64 * 1024 });
      expect(note(r)).toMatchObject({ tensorsSampled: 1, tensorsReadWhole: 0, bytesRead: 64 * 1024 });
      expect(r.findings.find((f) => f.ruleId === 'stats/constant-tensor')?.message).toContain(`a sample of ${16 * 1024} of ${elements} values`);
    });
  });

  it('sample limits from options: defaults, clamped below 1 KiB and above the per-file cap, whole-tensor size raised past 1 MiB', () => {
    expect(sampleLimits({})).toBe(DEFAULT_SAMPLE_LIMITS);
    expect(sampleLimits({ statsSampleBytes: 10 })).toMatchObject({ windowBytes: 1024 / STATS_SAMPLE_WINDOWS, wholeTensorBytes: STATS_WHOLE_TENSOR_BYTES });
    expect(sampleLimits({ statsSampleBytes: 4 * 1024 * 1024 })).toMatchObject({ windowBytes: 256 * 1024, wholeTensorBytes: 4 * 1024 * 1024 });
    expect(sampleLimits({ statsSampleBytes: 1e12 })).toMatchObject({ wholeTensorBytes: STATS_MAX_BYTES_PER_FILE, maxBytesPerFile: STATS_MAX_BYTES_PER_FILE });
  });

  it('200 tensors of 4 MiB over one sparse storage → the per-file cap stops the reads, the rest noted as skipped', async () => {
    const n = 200, per = 1024 * 1024;
    const tensors = Array.from({ length: n }, (_, i) => ({ name: `w${i}`, key: '0', numel: n * per, offset: i * per, size: [1024, 1024] }));
    const head = legacyHead(tensors, n * per);
    await withSparseFile('many.pt', head, head.length + n * per * 4, async (file) => {
      const { source, stats: io } = counting(file);
      const r = await scan(source);
      expect(aboveInfo(r)).toEqual([]);
      const s = note(r)!;
      expect(s.tensorsSampled).toBe(STATS_MAX_BYTES_PER_FILE / (STATS_SAMPLE_WINDOWS * STATS_WINDOW_BYTES));
      expect(s.tensorsSkipped).toBe(n - s.tensorsSampled!);
      expect(s.bytesRead).toBeLessThanOrEqual(STATS_MAX_BYTES_PER_FILE);
      const base = counting(file);
      await scan(base.source, { weightStats: false });
      expect(io.bytesRead - base.stats.bytesRead).toBeLessThanOrEqual(s.bytesRead + head.length);
    });
  });
});

describe('switches', () => {
  const cliJson = async (...argv: string[]) => {
    let out = '';
    const code = await main(['scan', '--format', 'json', '--no-progress', ...argv], {
      stdout: { write: (s: string) => { out += s; } }, stderr: { write: () => {} }, env: {}, cwd: join(process.cwd(), 'fixtures/stats'),
    } as unknown as CliIo);
    return { code, report: JSON.parse(out) as { options: Record<string, unknown>; files: FileReport[] } };
  };

  it('CLI: planted-anomalies.pt → INFO stats findings, exit 0; --no-weight-stats → none, and the options block says so', async () => {
    const on = await cliJson('malicious/planted-anomalies.pt');
    expect(on.code).toBe(0);
    expect(on.report.options.weightStats).toBe(true);
    expect(stats(on.report.files[0]!).length).toBe(5);
    const off = await cliJson('--no-weight-stats', 'malicious/planted-anomalies.pt');
    expect(off.code).toBe(0);
    expect(off.report.options.weightStats).toBe(false);
    expect(stats(off.report.files[0]!)).toEqual([]);
  });

  it('CLI usage names --no-weight-stats and --stats-sample-bytes; a bad size is a usage error', async () => {
    expect(USAGE).toContain('--no-weight-stats');
    expect(USAGE).toContain('--stats-sample-bytes SIZE');
    expect(parseArgs(['scan', '--stats-sample-bytes', '1MiB', 'x'])).toMatchObject({ kind: 'scan', args: { statsSampleBytes: 1024 * 1024 } });
    expect(parseArgs(['scan', '--stats-sample-bytes', '12', 'x'])).toMatchObject({ kind: 'usage-error' });
    const r = await cliJson('--stats-sample-bytes', '64KiB', 'malicious/planted-anomalies.pt');
    expect(r.report.options.statsSampleBytes).toBe(64 * 1024);
    expect(stats(r.report.files[0]!).length).toBe(5); // small tensors are still read whole
  });

  it('app settings: weightStats defaults to true, survives normalisation, reaches engine and report options', () => {
    expect(DEFAULT_SETTINGS.weightStats).toBe(true);
    expect(normalizeSettings({}).weightStats).toBe(true);
    expect(normalizeSettings({ weightStats: 'no' }).weightStats).toBe(true);
    const off = normalizeSettings({ weightStats: false });
    expect(off.weightStats).toBe(false);
    expect(engineOptions(off, 'a.pt').weightStats).toBe(false);
    expect(reportOptions(off).weightStats).toBe(false);
    expect(engineOptions(DEFAULT_SETTINGS, 'a.pt').weightStats).toBe(true);
  });
});
