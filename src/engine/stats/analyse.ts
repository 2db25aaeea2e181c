// Weight statistics (issue 6): run after a format scanner's security checks, on float tensors the
// scanner has already validated (in bounds, size = dtype × shape). Reads a bounded sample of each
// (sample.ts), summarises it (stats.ts) and reports INFO findings with figures. Method and limits:
// see README.md in this folder. It hints; it proves nothing.
import type { ScanContext } from '../types';
import { sampleLimits, sampleTensor, type Sample, type SampleLimits, type TensorBytes } from './sample';
import { analyseRows, summarize, type TensorStats } from './stats';

/**
 * Magnitude above which a weight is extreme: the largest finite float16 (65504). Trained weights sit
 * orders of magnitude below; anything above turns into Inf when the model is run in half precision.
 */
export const STATS_EXTREME_MAGNITUDE = 65504;
/** Constant and extreme checks skip tensors smaller than this (scalars such as GPT-2's masked_bias). */
export const STATS_MIN_ELEMENTS = 16;
/** Robust z (in MAD-estimated σ) a head row's norm must reach to be an outlier. */
export const HEAD_OUTLIER_K = 10;
/** ...and how many times above (or below) the median norm it must be. */
export const HEAD_OUTLIER_MIN_RATIO = 3;
/** Heads with fewer rows have no meaningful median; more rows than this are not analysed per row. */
export const HEAD_MIN_ROWS = 8;
export const HEAD_MAX_ROWS = 65_536;
/** Tensors analysed per node: bounds CPU and notes on headers listing millions of tiny tensors. */
export const STATS_MAX_TENSORS_PER_NODE = 10_000;

/** Name tokens of classifier / output heads (PyTorch, transformers, timm, torchvision naming). */
const HEAD_TOKENS = new Set(['lm_head', 'classifier', 'fc', 'head', 'heads', 'score', 'logits', 'cls', 'output_layer', 'last_linear', 'embed_out']);

export interface StatsTensorInfo {
  name: string;
  /** JSON-pointer-like location, e.g. /tensors/lm_head.weight. */
  pointer: string;
  shape: readonly number[];
  /** Row-major (C order): rows of a 2-D tensor are contiguous. False for Fortran-order .npy. */
  rowMajor: boolean;
  /**
   * Neurons are the columns of this 2-D matrix (Keras Dense kernels are [in, out]): the head test
   * takes column norms (a logical transpose) and reports columns.
   */
  neuronsAreColumns?: boolean;
}

export interface StatsTensor extends StatsTensorInfo {
  bytes: TensorBytes;
}

/** A tensor sampled by its format's own reader (HDF5 through h5wasm), in file order; null = skipped by the cap. */
export interface SampledTensor { tensor: StatsTensorInfo; sample: Sample | null }

export function looksLikeHead(name: string): boolean {
  const tokens = name.toLowerCase().split(/[./:]/);
  return tokens.some((t) => HEAD_TOKENS.has(t));
}

export async function analyseWeights(ctx: ScanContext<unknown>, tensors: readonly StatsTensor[], lim: SampleLimits = sampleLimits(ctx.options)): Promise<void> {
  if (ctx.options.weightStats === false) return;
  const usable = tensors.filter((t) => t.bytes.elements > 0).slice(0, STATS_MAX_TENSORS_PER_NODE);
  if (usable.length === 0) return;
  // The last 2-D weight in file order is a head candidate even without a telling name.
  let last: StatsTensor | null = null;
  for (const t of usable) if (t.shape.length === 2 && (!last || t.bytes.offset > last.bytes.offset)) last = t;
  await analyseCore(ctx, usable, last, (t) => sampleTensor(ctx, t.bytes, lim));
}

/** Same analysis over samples read by the format (the last 2-D tensor in the list is the head candidate). */
export async function analyseSampled(ctx: ScanContext<unknown>, items: readonly SampledTensor[]): Promise<void> {
  if (ctx.options.weightStats === false) return;
  const usable = items.slice(0, STATS_MAX_TENSORS_PER_NODE);
  if (usable.length === 0) return;
  const samples = new Map(usable.map((i) => [i.tensor, i.sample]));
  const tensors = usable.map((i) => i.tensor);
  const last = [...tensors].reverse().find((t) => t.shape.length === 2) ?? null;
  await analyseCore(ctx, tensors, last, async (t) => samples.get(t) ?? null);
}

async function analyseCore<T extends StatsTensorInfo>(ctx: ScanContext<unknown>, usable: readonly T[], last: T | null,
  sampleOf: (t: T) => Promise<Sample | null>): Promise<void> {
  let sampled = 0, whole = 0, skipped = 0, bytesRead = 0, heads = 0;
  for (const t of usable) {
    ctx.checkAborted();
    const s = await sampleOf(t);
    if (!s) { skipped++; continue; }
    sampled++;
    bytesRead += s.bytesRead;
    if (s.whole) whole++;
    const st = summarize(s.values);
    const scope = s.whole ? 'the whole tensor' : `a sample of ${s.values.length} of ${t.shape.reduce((n, d) => n * d, 1)} values`;
    judge(ctx, t, st, scope);
    const isHead = t === last || looksLikeHead(t.name);
    if (s.whole && isHead && t.rowMajor && t.shape.length === 2 && !st.constant) {
      const [r0, c0] = t.shape as [number, number];
      // Column neurons: analyse the logical transpose, so "rows" below are neurons either way.
      const [rows, cols] = t.neuronsAreColumns ? [c0, r0] : [r0, c0];
      if (rows >= HEAD_MIN_ROWS && rows <= HEAD_MAX_ROWS && cols >= 2 && rows * cols === s.values.length) {
        heads++;
        judgeHead(ctx, t, t.neuronsAreColumns ? transpose(s.values, r0, c0) : s.values, rows, cols);
      }
    }
  }
  ctx.note('weightStats', { tensorsSampled: sampled, tensorsReadWhole: whole, tensorsSkipped: skipped, headsAnalysed: heads, bytesRead });
}

function judge(ctx: ScanContext<unknown>, t: StatsTensorInfo, st: TensorStats, scope: string): void {
  const bad = st.nan + st.posInf + st.negInf;
  if (bad > 0) {
    const parts = [st.nan && `${st.nan} NaN`, st.posInf && `${st.posInf} +Inf`, st.negInf && `${st.negInf} −Inf`].filter(Boolean);
    ctx.report({ ruleId: 'stats/non-finite', pointer: t.pointer, evidence: `${bad}/${st.count}`,
      message: `Tensor "${t.name}" holds ${parts.join(', ')} among ${st.count} values read (${scope})` });
  }
  if (st.count < STATS_MIN_ELEMENTS) return;
  if (st.constant && t.shape.length >= 2) {
    ctx.report({ ruleId: 'stats/constant-tensor', pointer: t.pointer, evidence: fmt(st.min),
      message: st.min === 0
        ? `Weight matrix "${t.name}" [${t.shape.join(', ')}] is all zeros (${scope})`
        : `Weight matrix "${t.name}" [${t.shape.join(', ')}] holds the single value ${fmt(st.min)} (${scope})` });
  }
  if (st.maxAbs !== null && st.maxAbs > STATS_EXTREME_MAGNITUDE) {
    ctx.report({ ruleId: 'stats/extreme-magnitude', pointer: t.pointer, evidence: `max |x| = ${st.maxAbs.toPrecision(4)}`,
      message: `Tensor "${t.name}" reaches |x| = ${st.maxAbs.toPrecision(4)} (above ${STATS_EXTREME_MAGNITUDE}, the float16 maximum; mean ${fmt(st.mean)}, std ${fmt(st.std)}; ${scope})` });
  }
}

/** `v` is neuron-major here ([rows = neurons, cols = inputs]); for column-neuron tensors the pointer names the column. */
function judgeHead(ctx: ScanContext<unknown>, t: StatsTensorInfo, v: Float64Array, rows: number, cols: number): void {
  const a = analyseRows(v, rows, cols, HEAD_OUTLIER_K, HEAD_OUTLIER_MIN_RATIO);
  const col = t.neuronsAreColumns === true;
  const unit = col ? 'Column' : 'Row';
  const shape = `[${t.shape.join(', ')}]`;
  const at = (i: number) => (col ? `${t.pointer}/*/${i}` : `${t.pointer}/${i}`);
  for (const o of a.outliers) {
    ctx.report({ ruleId: 'stats/outlier-neuron', pointer: at(o.row),
      evidence: `norm ${fmt(o.norm)} vs median ${fmt(a.medianNorm)}`,
      message: `${unit} ${o.row} of head "${t.name}" ${shape} has L2 norm ${fmt(o.norm)}, ${fmt(o.ratio)}× the median ${fmt(a.medianNorm)} of ${rows} ${col ? 'columns (neurons of a Keras kernel)' : 'rows'} (robust z ${Number.isFinite(o.z) ? fmt(o.z) : '∞'})` });
  }
  for (const r of a.constantRows) {
    const value = fmt(v[r * cols]!);
    ctx.report({ ruleId: 'stats/constant-tensor', pointer: at(r), evidence: value,
      message: `${unit} ${r} of head "${t.name}" ${shape} holds the single value ${value} in all ${cols} ${col ? 'rows' : 'columns'}` });
  }
}

/** [r, c] row-major → [c, r] row-major. */
function transpose(v: Float64Array, r: number, c: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = v[i * c + j]!;
  return out;
}

function fmt(x: number | null): string {
  return x === null ? 'n/a' : Number(x.toPrecision(4)).toString();
}

