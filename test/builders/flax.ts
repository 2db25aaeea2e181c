// A MessagePack writer for Flax checkpoint attack variants (spec: github.com/msgpack/msgpack spec.md).
// Values are built as bytes so a test can lie: any header can declare any length. `ndarrayExt` writes
// Flax's ext 1 layout (flax/serialization.py _ndarray_to_bytes: packb((shape, dtype name, buffer))).

export type Msg = Uint8Array;

const enc = new TextEncoder();

export function cat(...parts: Array<Uint8Array | number[]>): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of arrays) { out.set(a, o); o += a.length; }
  return out;
}

function be(n: number, bytes: number): number[] {
  const out: number[] = [];
  for (let i = bytes - 1; i >= 0; i--) out.push(Math.floor(n / 2 ** (8 * i)) & 0xff);
  return out;
}

export const nil = (): Msg => Uint8Array.of(0xc0);
export const bool = (v: boolean): Msg => Uint8Array.of(v ? 0xc3 : 0xc2);

export function int(n: number): Msg {
  if (n >= 0 && n <= 0x7f) return Uint8Array.of(n);
  if (n < 0 && n >= -32) return Uint8Array.of(n & 0xff);
  if (n >= 0 && n <= 0xffffffff) return Uint8Array.from([0xce, ...be(n, 4)]);
  const b = new Uint8Array(9);
  b[0] = 0xd3;
  new DataView(b.buffer).setBigInt64(1, BigInt(n), false);
  return b;
}

export function f64(x: number): Msg {
  const b = new Uint8Array(9);
  b[0] = 0xcb;
  new DataView(b.buffer).setFloat64(1, x, false);
  return b;
}

/** str header declaring `declared` bytes (default: the real length) followed by the bytes. */
export function str(s: string | Uint8Array, declared?: number): Msg {
  const b = typeof s === 'string' ? enc.encode(s) : s;
  const n = declared ?? b.length;
  const h = n < 32 ? [0xa0 | n] : n <= 0xff ? [0xd9, n] : n <= 0xffff ? [0xda, ...be(n, 2)] : [0xdb, ...be(n, 4)];
  return cat(h, b);
}

export function bin(b: Uint8Array, declared?: number): Msg {
  const n = declared ?? b.length;
  const h = n <= 0xff ? [0xc4, n] : n <= 0xffff ? [0xc5, ...be(n, 2)] : [0xc6, ...be(n, 4)];
  return cat(h, b);
}

export function ext(code: number, payload: Uint8Array, declared?: number): Msg {
  const n = declared ?? payload.length;
  const h = n <= 0xff ? [0xc7, n] : n <= 0xffff ? [0xc8, ...be(n, 2)] : [0xc9, ...be(n, 4)];
  return cat(h, [code & 0xff], payload);
}

export function arrayHeader(n: number): Msg {
  return Uint8Array.from(n < 16 ? [0x90 | n] : n <= 0xffff ? [0xdc, ...be(n, 2)] : [0xdd, ...be(n, 4)]);
}

export function mapHeader(n: number): Msg {
  return Uint8Array.from(n < 16 ? [0x80 | n] : n <= 0xffff ? [0xde, ...be(n, 2)] : [0xdf, ...be(n, 4)]);
}

export const array = (...items: Msg[]): Msg => cat(arrayHeader(items.length), ...items);

/** A map with str keys (insertion order kept, as msgpack-python writes dicts). */
export function map(entries: Record<string, Msg> | Array<[Msg, Msg]>): Msg {
  const pairs = Array.isArray(entries) ? entries : Object.entries(entries).map(([k, v]) => [str(k), v] as [Msg, Msg]);
  return cat(mapHeader(pairs.length), ...pairs.flatMap(([k, v]) => [k, v]));
}

/** Flax's ndarray extension (code 1; 3 for a numpy scalar). */
export function ndarrayExt(shape: number[], dtype: string, buffer: Uint8Array, code = 1): Msg {
  return ext(code, array(array(...shape.map(int)), str(dtype), bin(buffer)));
}

export function float32s(values: number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  const v = new DataView(b.buffer);
  values.forEach((x, i) => v.setFloat32(i * 4, x, true));
  return b;
}

/** A Flax-shaped params tree: {params: {Dense_0: {kernel, bias}}} plus extra top-level entries. */
export function flaxParams(extra: Record<string, Msg> = {}): Msg {
  return map({
    params: map({ Dense_0: map({ kernel: ndarrayExt([2, 2], 'float32', float32s([1, 2, 3, 4])), bias: ndarrayExt([2], 'float32', float32s([0, 0])) }) }),
    ...extra,
  });
}

/** {'a': [[[...]]]}: `depth` nested one-item arrays around a 0 (a decoder stack-exhaustion bomb). */
export function nestingBomb(depth: number): Msg {
  const open = new Uint8Array(depth).fill(0x91);
  return cat(mapHeader(1), str('a'), open, [0x00]);
}

/** Protocol 2 pickle calling os.system('id') (PROTO, GLOBAL, BINUNICODE, TUPLE1, REDUCE, STOP). */
export function systemPickle(cmd = 'id'): Uint8Array {
  const c = enc.encode(cmd);
  return cat([0x80, 0x02], enc.encode('cos\nsystem\n'), [0x58, ...be(c.length, 4).reverse()], c, [0x85, 0x52, 0x2e]);
}
