// Bounded sampling of float tensor bytes. A tensor no larger than the whole-tensor limit is read in
// full; a larger one is read as evenly spaced windows. Every read goes through ctx.read, so the file's
// budget and progress count it, and a per-file cap (shared by every node of the file) stops a header
// listing 100k tensors from turning the statistics into a full read of a 100 GB model.
import type { Budget } from '../limits';
import type { ScanContext } from '../types';

export type FloatKind = 'f16' | 'bf16' | 'f32' | 'f64';
export const FLOAT_BYTES: Readonly<Record<FloatKind, number>> = { f16: 2, bf16: 2, f32: 4, f64: 8 };

/** Tensors at most this many bytes are read whole (and only those get the per-row head analysis). */
export const STATS_WHOLE_TENSOR_BYTES = 1024 * 1024;
/** Windows read from a larger tensor, spread from its first to its last byte. */
export const STATS_SAMPLE_WINDOWS = 16;
/** Bytes per window: 16 × 16 KiB = 256 KiB per large tensor. */
export const STATS_WINDOW_BYTES = 16 * 1024;
/** Bytes the statistics may read across one top-level file (all its nodes): keeps them off the hot path. */
export const STATS_MAX_BYTES_PER_FILE = 32 * 1024 * 1024;

export interface SampleLimits { wholeTensorBytes: number; windows: number; windowBytes: number; maxBytesPerFile: number }
export const DEFAULT_SAMPLE_LIMITS: Readonly<SampleLimits> = Object.freeze({
  wholeTensorBytes: STATS_WHOLE_TENSOR_BYTES, windows: STATS_SAMPLE_WINDOWS,
  windowBytes: STATS_WINDOW_BYTES, maxBytesPerFile: STATS_MAX_BYTES_PER_FILE,
});

/**
 * On a sequential source (a member of a streamed tar.gz: ByteSource.sequential) the windows stay in
 * the node's first bytes: windows spread over a 250 MB tensor would make the stream hold all of it.
 */
export const STATS_SEQUENTIAL_SPAN_BYTES = 16 * 1024 * 1024;

/** Bounds of ScanOptions.statsSampleBytes: a sample below 1 KiB says nothing; above the per-file cap it means nothing. */
export const STATS_MIN_SAMPLE_BYTES = 1024;

/** The sample limits of a scan: the defaults, or ScanOptions.statsSampleBytes spread over the windows. */
export function sampleLimits(options: { statsSampleBytes?: number }): SampleLimits {
  const want = options.statsSampleBytes;
  if (want === undefined || !Number.isFinite(want)) return DEFAULT_SAMPLE_LIMITS;
  const bytes = Math.min(STATS_MAX_BYTES_PER_FILE, Math.max(STATS_MIN_SAMPLE_BYTES, Math.floor(want)));
  return {
    windows: STATS_SAMPLE_WINDOWS,
    windowBytes: Math.max(8, Math.floor(bytes / STATS_SAMPLE_WINDOWS)),
    wholeTensorBytes: Math.max(STATS_WHOLE_TENSOR_BYTES, bytes),
    maxBytesPerFile: STATS_MAX_BYTES_PER_FILE,
  };
}

/** Where a tensor's elements sit in the node's bytes (already validated against the node size). */
export interface TensorBytes { kind: FloatKind; littleEndian: boolean; offset: number; elements: number }

export interface Sample {
  values: Float64Array;
  /** The whole tensor was read (so per-row analysis is exact). */
  whole: boolean;
  bytesRead: number;
}

/** Statistics bytes already read per top-level file: the Budget object is per file and shared by nodes. */
const spent = new WeakMap<Budget, number>();

export function statsBytesSpent(budget: Budget): number {
  return spent.get(budget) ?? 0;
}

/** Counts bytes a format read for the statistics by its own means (HDF5 through h5wasm) against the per-file cap. */
export function chargeStatsBytes(budget: Budget, bytes: number): void {
  spent.set(budget, statsBytesSpent(budget) + bytes);
}

/**
 * Reads and decodes a bounded sample, or returns null when the per-file cap leaves no room for it
 * (the caller notes the tensor as skipped).
 */
export async function sampleTensor(ctx: ScanContext<unknown>, t: TensorBytes, lim: SampleLimits = DEFAULT_SAMPLE_LIMITS): Promise<Sample | null> {
  const size = FLOAT_BYTES[t.kind];
  const total = t.elements * size;
  if (t.elements <= 0) return null;
  const left = lim.maxBytesPerFile - statsBytesSpent(ctx.budget);
  // Window length in whole elements, at least one element.
  const win = Math.max(size, Math.floor(lim.windowBytes / size) * size);
  // The tensor's bytes the windows may reach: all of them, or what lies in a sequential source's span.
  const reach = ctx.source.sequential ? STATS_SEQUENTIAL_SPAN_BYTES - t.offset : Infinity;
  const extent = Math.min(total, Math.floor(Math.max(0, reach) / size) * size);
  if (extent < win && extent < total) return null;
  const whole = total <= lim.wholeTensorBytes && extent === total;
  const windows = whole ? 1 : Math.max(1, lim.windows);
  const want = whole ? total : Math.min(extent, windows * win);
  if (want > left) return null;

  const ranges: Array<[number, number]> = [];
  if (whole || want === extent) {
    ranges.push([0, extent]);
  } else {
    // Evenly spaced starts from 0 to extent − win, each on an element boundary.
    const span = extent - win;
    for (let i = 0; i < windows; i++) {
      const at = windows === 1 ? 0 : Math.floor((span * i) / (windows - 1) / size) * size;
      ranges.push([at, win]);
    }
  }
  const values = new Float64Array(ranges.reduce((n, [, len]) => n + len / size, 0));
  let filled = 0;
  let read = 0;
  for (const [at, len] of ranges) {
    ctx.checkAborted();
    const bytes = await ctx.read(t.offset + at, len);
    read += bytes.length;
    filled = decodeInto(bytes, t.kind, t.littleEndian, values, filled);
  }
  spent.set(ctx.budget, statsBytesSpent(ctx.budget) + read);
  return { values: filled === values.length ? values : values.subarray(0, filled), whole: whole && filled === t.elements, bytesRead: read };
}

/** Decodes whole elements of `bytes` into `out` from `at`; returns the next free index. */
export function decodeInto(bytes: Uint8Array, kind: FloatKind, le: boolean, out: Float64Array, at: number): number {
  const size = FLOAT_BYTES[kind];
  const n = Math.min(Math.floor(bytes.length / size), out.length - at);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    const o = i * size;
    let v: number;
    switch (kind) {
      case 'f64': v = dv.getFloat64(o, le); break;
      case 'f32': v = dv.getFloat32(o, le); break;
      case 'f16': v = halfToFloat(dv.getUint16(o, le)); break;
      // bfloat16 is the top half of a float32 (same sign, exponent, 7-bit mantissa).
      case 'bf16': v = bf16ToFloat(dv.getUint16(o, le)); break;
    }
    out[at + i] = v;
  }
  return at + n;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function bf16ToFloat(h: number): number {
  u32[0] = h << 16;
  return f32[0]!;
}

/** IEEE 754 binary16: 1 sign, 5 exponent (bias 15), 10 mantissa bits. */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;          // zero and subnormals
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;  // Inf and NaN
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
