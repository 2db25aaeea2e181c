// Summary statistics of decoded tensor values, and the per-row (neuron) norm test for classifier heads.
// Pure functions over numbers: the analyser (analyse.ts) decides what is worth a finding.

export interface TensorStats {
  count: number;
  nan: number;
  posInf: number;
  negInf: number;
  zeros: number;
  /** Over the finite values; null when there are none. */
  min: number | null;
  max: number | null;
  maxAbs: number | null;
  mean: number | null;
  std: number | null;
  /** Every finite value equal, and no non-finite ones. */
  constant: boolean;
}

export function summarize(v: ArrayLike<number>): TensorStats {
  let nan = 0, posInf = 0, negInf = 0, zeros = 0, finite = 0;
  let min = Infinity, max = -Infinity, sum = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x !== x) { nan++; continue; }
    if (x === Infinity) { posInf++; continue; }
    if (x === -Infinity) { negInf++; continue; }
    finite++;
    if (x === 0) zeros++;
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
  }
  if (finite === 0) {
    return { count: v.length, nan, posInf, negInf, zeros, min: null, max: null, maxAbs: null, mean: null, std: null, constant: false };
  }
  const mean = sum / finite;
  // Second pass for the variance: stable where a one-pass sum of squares cancels catastrophically.
  let sq = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (Number.isFinite(x)) sq += (x - mean) * (x - mean);
  }
  return {
    count: v.length, nan, posInf, negInf, zeros, min, max, maxAbs: Math.max(Math.abs(min), Math.abs(max)),
    mean, std: Math.sqrt(sq / finite), constant: min === max && finite === v.length,
  };
}

export interface RowOutlier { row: number; norm: number; ratio: number; z: number }

export interface RowAnalysis {
  rows: number;
  medianNorm: number;
  /** Median absolute deviation of the norms (unscaled). */
  mad: number;
  outliers: RowOutlier[];
  /** Rows whose values are all equal (e.g. a zeroed or overwritten neuron). */
  constantRows: number[];
}

/** Consistency constant: 1.4826 × MAD estimates σ for normally distributed norms. */
const MAD_TO_SIGMA = 1.4826;

/**
 * L2 norm of each row of a row-major [rows, cols] matrix, and the rows whose norm is an outlier: at
 * least `k` robust σ (median ± k·1.4826·MAD) from the median AND at least `minRatio` times above (or
 * below) it. The ratio guard keeps heavy-tailed but ordinary heads quiet; the MAD test keeps a
 * uniformly noisy head quiet. Non-finite rows are left to the non-finite count.
 */
export function analyseRows(v: ArrayLike<number>, rows: number, cols: number, k: number, minRatio: number): RowAnalysis {
  const norms = new Float64Array(rows);
  const constantRows: number[] = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const base = r * cols;
    const first = v[base]!;
    let same = true;
    for (let c = 0; c < cols; c++) {
      const x = v[base + c]!;
      s += x * x;
      if (x !== first) same = false;
    }
    norms[r] = Math.sqrt(s);
    if (same && cols > 1) constantRows.push(r);
  }
  const finite = Array.from(norms).filter(Number.isFinite);
  const med = median(finite);
  const mad = median(finite.map((n) => Math.abs(n - med)));
  const sigma = MAD_TO_SIGMA * mad;
  const outliers: RowOutlier[] = [];
  for (let r = 0; r < rows; r++) {
    const n = norms[r]!;
    if (!Number.isFinite(n)) continue;
    const dev = Math.abs(n - med);
    const z = sigma > 0 ? dev / sigma : dev > 0 ? Infinity : 0;
    const ratio = med > 0 ? n / med : n > 0 ? Infinity : 1;
    const farAbove = ratio >= minRatio;
    const farBelow = n * minRatio <= med && med > 0;
    if (z >= k && (farAbove || farBelow)) outliers.push({ row: r, norm: n, ratio, z });
  }
  // Uniform constant rows (a whole constant tensor) are the constant-tensor finding, not per-row ones.
  return { rows, medianNorm: med, mad, outliers, constantRows: constantRows.length === rows ? [] : constantRows };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
