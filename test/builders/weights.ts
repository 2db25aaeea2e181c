// Float tensors with chosen values for the weight-statistics tests: seeded normal noise, then planted
// anomalies (NaN, Inf, constant rows, outlier neurons), written as safetensors or .npy bytes.
import { safetensors, type TensorSpec } from './safetensors';

export type FloatDtype = 'F16' | 'BF16' | 'F32' | 'F64';
const BYTES: Record<FloatDtype, number> = { F16: 2, BF16: 2, F32: 4, F64: 8 };

/** Deterministic N(0, sigma²) values (mulberry32 + Box–Muller). */
export function normal(n: number, seed: number, sigma = 0.02): Float64Array {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sigma * Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  return out;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float → binary16 bits (round toward zero; enough for test values). */
export function toHalf(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === Infinity || a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -24) return sign;
  if (a < 2 ** -14) return sign | Math.floor(a / 2 ** -24);
  let e = Math.floor(Math.log2(a));
  if (a / 2 ** e < 1) e--; // log2 rounding just below a power of two
  if (a / 2 ** e >= 2) e++;
  const m = Math.floor((a / 2 ** e - 1) * 1024);
  return sign | ((e + 15) << 10) | m;
}

export function encode(values: ArrayLike<number>, dtype: FloatDtype, littleEndian = true): Uint8Array {
  const size = BYTES[dtype];
  const out = new Uint8Array(values.length * size);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (dtype === 'F64') dv.setFloat64(i * size, v, littleEndian);
    else if (dtype === 'F32') dv.setFloat32(i * size, v, littleEndian);
    else if (dtype === 'F16') dv.setUint16(i * size, toHalf(v), littleEndian);
    else { f32[0] = v; dv.setUint16(i * size, u32[0]! >>> 16, littleEndian); }
  }
  return out;
}

export interface WeightSpec { dtype: FloatDtype; shape: number[]; values: ArrayLike<number> }

/** A well-formed safetensors file (back to back, library layout) holding exactly these values. */
export function weightsFile(specs: Record<string, WeightSpec>): Uint8Array {
  const tensors: Record<string, TensorSpec> = {};
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [name, s] of Object.entries(specs)) {
    const bytes = encode(s.values, s.dtype);
    tensors[name] = { dtype: s.dtype, shape: s.shape, data_offsets: [at, at + bytes.length] };
    parts.push(bytes);
    at += bytes.length;
  }
  const buffer = new Uint8Array(at);
  let o = 0;
  for (const p of parts) { buffer.set(p, o); o += p.length; }
  return safetensors(tensors, { buffer });
}
