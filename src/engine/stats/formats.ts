// Adapters from the format scanners' parsed headers to the tensors the statistics read. Only tensors
// the scanner's own checks would accept are taken: in bounds, size exactly dtype × shape.
import type { ScanContext } from '../types';
import type { SafetensorsHeader } from '../formats/safetensors/parse';
import type { NpyHeader } from '../formats/numpy/parse';
import { pointerToken } from '../io/json';
import { STATS_MAX_TENSORS_PER_NODE, analyseWeights, type StatsTensor } from './analyse';
import { FLOAT_BYTES, type FloatKind } from './sample';
import { floatKindOf, isContiguous, type PickledTensor } from '../formats/pytorch/tensors';

/** safetensors dtype names (safetensors/src/tensor.rs Dtype); stored little-endian by the format. */
const SAFETENSORS_FLOATS: ReadonlyMap<string, FloatKind> = new Map([['F16', 'f16'], ['BF16', 'bf16'], ['F32', 'f32'], ['F64', 'f64']]);

export async function safetensorsWeightStats(ctx: ScanContext<unknown>, h: SafetensorsHeader): Promise<void> {
  if (ctx.options.weightStats === false) return;
  const dataSize = ctx.source.size - h.dataStart;
  const tensors: StatsTensor[] = [];
  for (const t of h.tensors) {
    // analyseWeights reads the first STATS_MAX_TENSORS_PER_NODE non-empty ones: a header of a million
    // tensors must not become a million objects first.
    if (tensors.length >= STATS_MAX_TENSORS_PER_NODE) break;
    const kind = SAFETENSORS_FLOATS.get(t.dtype);
    if (!kind) continue;
    const elements = product(t.shape);
    if (!elements || t.begin < 0 || t.end > dataSize || t.end - t.begin !== elements * FLOAT_BYTES[kind]) continue;
    tensors.push({ name: t.name, pointer: `/tensors/${pointerToken(t.name)}`, shape: t.shape, rowMajor: true,
      bytes: { kind, littleEndian: true, offset: h.dataStart + t.begin, elements } });
  }
  await analyseWeights(ctx, tensors);
}

/** numpy float descr: byte order ('<' little, '>' big, '=' native: little on every platform we serve) + f2/f4/f8. */
const NPY_FLOAT = /^([<>=])f([248])$/;
const NPY_KIND: Record<string, FloatKind> = { 2: 'f16', 4: 'f32', 8: 'f64' };

export async function npyWeightStats(ctx: ScanContext<unknown>, h: NpyHeader): Promise<void> {
  if (ctx.options.weightStats === false) return;
  const m = typeof h.descr === 'string' ? NPY_FLOAT.exec(h.descr) : null;
  if (!m) return;
  const kind = NPY_KIND[m[2]!]!;
  const elements = product(h.shape);
  if (elements === null || h.dataOffset + elements * FLOAT_BYTES[kind] > ctx.source.size) return;
  await analyseWeights(ctx, [{
    name: ctx.head.name, pointer: '/data', shape: h.shape, rowMajor: !h.fortranOrder,
    bytes: { kind, littleEndian: m[1] !== '>', offset: h.dataOffset, elements },
  }]);
}

function product(shape: readonly number[]): number | null {
  let n = 1;
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) return null;
    n *= d;
    if (n > Number.MAX_SAFE_INTEGER) return null;
  }
  return n;
}

/** Where one storage's raw bytes sit in the node's source (a stored zip member, or a legacy storage). */
export interface StorageSpan { offset: number; bytes: number }

/**
 * PyTorch (zip and legacy): the tensors the main pickle builds (formats/pytorch/tensors.ts), each a view
 * into a storage. Only row-major contiguous views are read (one byte range); other views (a transpose
 * sharing a storage) are counted in the `weightStatsNotContiguous` note and skipped, as are views that
 * reach past their storage. Tensor names are the state-dict keys.
 */
export async function torchWeightStats(ctx: ScanContext<unknown>, tensors: readonly PickledTensor[],
  storage: (key: string) => StorageSpan | null, littleEndian: boolean): Promise<void> {
  if (ctx.options.weightStats === false) return;
  const out: StatsTensor[] = [];
  let notContiguous = 0;
  for (const t of tensors) {
    const kind = floatKindOf(t.storageType);
    const span = kind ? storage(t.storageKey) : null;
    const elements = product(t.size);
    if (!kind || !span || elements === null || elements === 0) continue;
    if (!isContiguous(t.size, t.stride)) { notContiguous++; continue; }
    const size = FLOAT_BYTES[kind];
    if ((t.offset + elements) * size > span.bytes || span.offset + span.bytes > ctx.source.size) continue;
    out.push({ name: t.name, pointer: `/tensors/${pointerToken(t.name)}`, shape: t.size, rowMajor: true,
      bytes: { kind, littleEndian, offset: span.offset + t.offset * size, elements } });
  }
  if (notContiguous) ctx.note('weightStatsNotContiguous', notContiguous);
  await analyseWeights(ctx, out);
}
