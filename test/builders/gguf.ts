// Hand-built GGUF files (ggml docs/gguf.md) for variants the real writer refuses to produce: v1/v2
// layouts, lying counts and lengths, deep arrays, out-of-bounds and overlapping tensors.
const enc = new TextEncoder();

export type Kv =
  | { key: string; type: 'u8' | 'i8' | 'u16' | 'i16' | 'u32' | 'i32' | 'f32' | 'bool' | 'u64' | 'i64' | 'f64'; value: number | boolean }
  | { key: string; type: 'string'; value: string }
  | { key: string; type: 'array'; value: ArrayValue };
export interface ArrayValue { itemType: 'string' | 'u32' | 'array'; items: Array<string | number | ArrayValue>; length?: number }
export interface TensorSpec { name: string; dims: number[]; type: number; offset: number }

const TYPE_ID: Record<string, number> = { u8: 0, i8: 1, u16: 2, i16: 3, u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9, u64: 10, i64: 11, f64: 12 };

class Out {
  parts: number[] = [];
  constructor(readonly version: number) {}
  u8(v: number) { this.parts.push(v & 0xff); }
  u32(v: number) { for (let i = 0; i < 4; i++) this.parts.push(Math.floor(v / 2 ** (8 * i)) & 0xff); }
  u64(v: number | bigint) { const b = BigInt(v); for (let i = 0n; i < 8n; i++) this.parts.push(Number((b >> (8n * i)) & 0xffn)); }
  count(v: number | bigint) { if (this.version === 1) this.u32(Number(v)); else this.u64(v); }
  bytes(b: Uint8Array) { for (const x of b) this.parts.push(x); }
  str(s: string, length?: number | bigint) { const b = enc.encode(s); this.count(length ?? b.length); this.bytes(b); }
}

function writeValue(o: Out, type: string, v: unknown): void {
  switch (type) {
    case 'u8': case 'i8': case 'bool': o.u8(Number(v)); break;
    case 'u16': case 'i16': o.u8(Number(v)); o.u8(Number(v) >> 8); break;
    case 'u32': case 'i32': o.u32(Number(v) >>> 0); break;
    case 'f32': { const b = new Uint8Array(4); new DataView(b.buffer).setFloat32(0, Number(v), true); o.bytes(b); break; }
    case 'f64': { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, Number(v), true); o.bytes(b); break; }
    case 'u64': case 'i64': o.u64(BigInt(v as number)); break;
    case 'string': o.str(v as string); break;
    case 'array': {
      const a = v as ArrayValue;
      o.u32(TYPE_ID[a.itemType]!);
      o.count(a.length ?? a.items.length);
      for (const item of a.items) writeValue(o, a.itemType, item);
      break;
    }
  }
}

export interface GgufOptions {
  version?: number;
  kvs?: Kv[];
  tensors?: TensorSpec[];
  /** Bytes of tensor data after the aligned data start. */
  dataBytes?: number;
  alignment?: number;
  tensorCount?: number | bigint;
  kvCount?: number | bigint;
}

/** A GGUF file; counts default to the real ones but can lie. */
export function gguf(opts: GgufOptions = {}): Uint8Array {
  const o = new Out(opts.version ?? 3);
  o.bytes(enc.encode('GGUF'));
  o.u32(opts.version ?? 3);
  const kvs = opts.kvs ?? [];
  const tensors = opts.tensors ?? [];
  o.count(opts.tensorCount ?? tensors.length);
  o.count(opts.kvCount ?? kvs.length);
  for (const kv of kvs) {
    o.str(kv.key);
    o.u32(TYPE_ID[kv.type]!);
    writeValue(o, kv.type, kv.value);
  }
  for (const t of tensors) {
    o.str(t.name);
    o.u32(t.dims.length);
    for (const d of t.dims) o.count(d);
    o.u32(t.type);
    o.u64(t.offset);
  }
  const align = opts.alignment ?? 32;
  while (o.parts.length % align) o.u8(0);
  const out = new Uint8Array(o.parts.length + (opts.dataBytes ?? 0));
  out.set(o.parts);
  return out;
}

/** Nested arrays `depth` deep around one u32. */
export function nestedArray(depth: number): ArrayValue {
  let v: ArrayValue = { itemType: 'u32', items: [7] };
  for (let i = 1; i < depth; i++) v = { itemType: 'array', items: [v] };
  return v;
}
