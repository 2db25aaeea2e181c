// Weight statistics for HDF5 files (Keras .h5, model.weights.h5 inside .keras, plain h5py files),
// issue 6. The scanner's security checks come first; then, while hdf5.ts still has the file open in
// h5wasm, float datasets are sampled through h5wasm's own reader (Dataset.slice on the first
// dimension), so contiguous, chunked and compressed storage and either byte order read the same way
// (h5wasm converts to native order). Reads happen inside h5wasm, not through ctx.read: the bytes are
// charged to the per-file statistics cap by hand (chargeStatsBytes).
import type { ScanContext } from '../../types';
import { analyseSampled, STATS_MAX_TENSORS_PER_NODE, type SampledTensor } from '../../stats/analyse';
import { sampleLimits, chargeStatsBytes, statsBytesSpent, type Sample, type SampleLimits } from '../../stats/sample';

/** H5T_FLOAT (H5Tpublic.h H5T_class_t). */
export const H5T_FLOAT = 1;

/** A float dataset found by the walk: path, shape and bytes per element (4 or 8; h5wasm cannot decode 2). */
export interface H5FloatDataset { path: string; shape: number[]; size: number; chunks?: number[] | null }

/**
 * Largest chunk (uncompressed bytes) the statistics let HDF5 decode: reading any window of a chunked
 * dataset inflates whole chunks in WASM memory, and a hostile file can declare 4 GiB chunks of zeros.
 * Keras and h5py chunks are KiBs to a few MiB.
 */
export const MAX_STATS_CHUNK_BYTES = 16 * 1024 * 1024;

/** What the scanner asks hdf5.ts to sample while the file is open. */
export interface H5WeightsRequest { limits: SampleLimits; bytesLeft: number }

/** The minimal h5wasm Dataset surface used here. */
interface H5Dataset { slice(ranges: Array<[number, number]>): unknown; value: unknown }

export function weightsRequest(ctx: ScanContext<unknown>): H5WeightsRequest | undefined {
  if (ctx.options.weightStats === false) return undefined;
  const limits = sampleLimits(ctx.options);
  return { limits, bytesLeft: limits.maxBytesPerFile - statsBytesSpent(ctx.budget) };
}

/** Keras Dense kernels are [in, out]: output neurons are columns. Name test: the dataset is a 'kernel'. */
export function isKerasKernel(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return /^kernel(:\d+)?$/.test(last);
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

/**
 * Which 2-D datasets hold their neurons in columns. Keras 2 / legacy .h5 name the kernel 'kernel';
 * Keras 3's model.weights.h5 names it 'vars/0' (saving_lib), so the layout is also told by the bias
 * beside it: a 1-D sibling as long as the matrix's second dimension (and not its first) is the bias
 * of [in, out] neurons; as long as the first, of PyTorch-style [out, in] rows.
 */
export function columnNeurons(floats: readonly H5FloatDataset[]): Set<string> {
  const biases = new Map<string, Set<number>>();
  for (const d of floats) {
    if (d.shape.length !== 1) continue;
    const p = parentOf(d.path);
    if (!biases.has(p)) biases.set(p, new Set());
    biases.get(p)!.add(d.shape[0]!);
  }
  const out = new Set<string>();
  for (const d of floats) {
    if (d.shape.length !== 2) continue;
    const [rows, cols] = d.shape as [number, number];
    const b = biases.get(parentOf(d.path));
    const byBias = b !== undefined && b.has(cols) && !b.has(rows);
    const rowBias = b !== undefined && b.has(rows) && !b.has(cols);
    if (byBias || (!rowBias && isKerasKernel(d.path))) out.add(d.path);
  }
  return out;
}

/**
 * Samples each float dataset under the byte limits (synchronous: it runs between h5wasm's open and
 * close). `get` opens a dataset by path. Datasets past the byte cap, or whose layout cannot be
 * windowed within the window size, get a null sample (counted as skipped).
 */
export function sampleH5Datasets(get: (path: string) => H5Dataset, floats: readonly H5FloatDataset[],
  req: H5WeightsRequest, checkAborted: () => void): SampledTensor[] {
  const out: SampledTensor[] = [];
  let left = req.bytesLeft;
  const columns = columnNeurons(floats);
  for (const d of floats.slice(0, STATS_MAX_TENSORS_PER_NODE)) {
    checkAborted();
    if (d.shape.some((x) => x === 0)) continue; // empty: nothing to judge
    const tensor = { name: d.path, pointer: d.path, shape: d.shape, rowMajor: true, neuronsAreColumns: columns.has(d.path) };
    let sample: Sample | null = null;
    try {
      sample = sampleOne(get(d.path), d, req.limits, left);
    } catch {
      sample = null; // h5wasm could not read it (unsupported filter, damaged chunk): the dataset is skipped
    }
    if (sample) left -= sample.bytesRead;
    out.push({ tensor, sample });
  }
  return out;
}

function sampleOne(ds: H5Dataset, d: H5FloatDataset, lim: SampleLimits, left: number): Sample | null {
  const elements = d.shape.reduce((n, x) => n * x, 1);
  if (!Number.isSafeInteger(elements) || elements <= 0) return null;
  if (d.chunks && d.chunks.reduce((n, x) => n * x, d.size) > MAX_STATS_CHUNK_BYTES) return null;
  const total = elements * d.size;
  if (total <= lim.wholeTensorBytes) {
    if (total > left) return null;
    const v = toFloats(d.shape.length === 0 ? ds.value : ds.slice([]));
    return v && v.length === elements ? { values: v, whole: true, bytesRead: total } : null;
  }
  // Windows along the first dimension (HDF5 hyperslabs), evenly spaced from the first row to the last.
  const rows = d.shape[0]!;
  const rowElems = elements / rows;
  const rowBytes = rowElems * d.size;
  const windows = Math.max(1, lim.windows);
  const ranges: Array<Array<[number, number]>> = [];
  if (rowBytes <= lim.windowBytes) {
    const k = Math.max(1, Math.floor(lim.windowBytes / rowBytes));
    for (let i = 0; i < windows; i++) {
      const s = windows === 1 ? 0 : Math.floor(((rows - k) * i) / (windows - 1));
      ranges.push([[Math.max(0, s), Math.min(rows, Math.max(0, s) + k)]]);
    }
  } else {
    // One row is larger than a window: take the first columns of evenly spaced rows (2-D and up).
    const rest = rowElems / d.shape[1]!;
    const cols = Math.min(d.shape[1]!, Math.floor(lim.windowBytes / (rest * d.size)));
    if (d.shape.length < 2 || cols < 1) return null;
    for (let i = 0; i < windows; i++) {
      const r = windows === 1 ? 0 : Math.floor(((rows - 1) * i) / (windows - 1));
      ranges.push([[r, r + 1], [0, cols]]);
    }
  }
  const parts: Float64Array[] = [];
  let bytes = 0;
  for (const r of ranges) {
    const v = toFloats(ds.slice(r));
    if (!v) return null;
    bytes += v.length * d.size;
    if (bytes > left) return null;
    parts.push(v);
  }
  const values = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { values.set(p, at); at += p.length; }
  return { values, whole: false, bytesRead: bytes };
}

function toFloats(v: unknown): Float64Array | null {
  if (v instanceof Float64Array) return v;
  if (v instanceof Float32Array) return Float64Array.from(v);
  return null;
}

/** Judges the samples (after the scanner's security checks) and charges their bytes to the per-file cap. */
export async function hdf5WeightStats(ctx: ScanContext<unknown>, items: readonly SampledTensor[] | undefined): Promise<void> {
  if (!items || ctx.options.weightStats === false) return;
  chargeStatsBytes(ctx.budget, items.reduce((n, i) => n + (i.sample?.bytesRead ?? 0), 0));
  await analyseSampled(ctx, items);
}
