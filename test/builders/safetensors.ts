// Hand-built SafeTensors files for attack variants the real library refuses to write. Layout per
// https://huggingface.co/docs/safetensors: u64 LE header length N, N bytes of JSON, then the buffer.

export interface TensorSpec { dtype: string; shape: number[]; data_offsets: [number, number] }

const enc = new TextEncoder();

export const DTYPE_BYTES: Record<string, number> = { BOOL: 1, U8: 1, I8: 1, F16: 2, BF16: 2, I32: 4, F32: 4, I64: 8, F64: 8 };

/** File bytes from raw header text (anything, even invalid JSON) and a buffer. Pads like the library. */
export function fromHeaderText(text: string, buffer: Uint8Array | number = 0, opts: { pad?: boolean; length?: number } = {}): Uint8Array {
  let raw = enc.encode(text);
  if (opts.pad !== false && raw.length % 8) {
    const padded = new Uint8Array(raw.length + (8 - (raw.length % 8)));
    padded.set(raw);
    padded.fill(0x20, raw.length);
    raw = padded;
  }
  const buf = typeof buffer === 'number' ? new Uint8Array(buffer) : buffer;
  const out = new Uint8Array(8 + raw.length + buf.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(opts.length ?? raw.length), true);
  out.set(raw, 8);
  out.set(buf, 8 + raw.length);
  return out;
}

/**
 * A file whose header lists `tensors` (with explicit offsets, so they can lie) and whose buffer is
 * `buffer` bytes, or exactly the bytes the offsets cover when omitted.
 */
export function safetensors(tensors: Record<string, TensorSpec>, opts: { metadata?: Record<string, unknown>; buffer?: Uint8Array | number } = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (opts.metadata) header.__metadata__ = opts.metadata;
  Object.assign(header, tensors);
  const covered = Math.max(0, ...Object.values(tensors).map((t) => t.data_offsets[1]));
  return fromHeaderText(JSON.stringify(header), opts.buffer ?? covered);
}

/** A well-formed file: tensors laid back to back in the given order, as the library writes them. */
export function packed(specs: Record<string, { dtype: string; shape: number[] }>, metadata?: Record<string, string>): Uint8Array {
  let at = 0;
  const tensors: Record<string, TensorSpec> = {};
  for (const [name, s] of Object.entries(specs)) {
    const n = s.shape.reduce((a, b) => a * b, 1) * (DTYPE_BYTES[s.dtype] ?? 1);
    tensors[name] = { ...s, data_offsets: [at, at + n] };
    at += n;
  }
  return safetensors(tensors, { metadata });
}

