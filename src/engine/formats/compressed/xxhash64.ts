// XXH64 (seed 0), streaming: the Zstandard content checksum is its low 32 bits (RFC 8878 3.1.1).
// A corrupt frame that still decodes to something is caught here when the frame carries a checksum
// (zstd writes one by default). 64-bit lanes are kept as two 32-bit halves: BigInt arithmetic per lane
// was an order of magnitude slower.

const P1 = [0x9e3779b1, 0x85ebca87], P2 = [0xc2b2ae3d, 0x27d4eb4f], P3 = [0x165667b1, 0x9e3779f9];
const P4 = [0x85ebca77, 0xc2b2ae63], P5 = [0x27d4eb2f, 0x165667c5];
type U64 = [number, number]; // [high, low], both unsigned 32-bit

function add(a: U64, b: readonly number[]): U64 {
  const lo = (a[1] + b[1]!) >>> 0;
  const carry = lo < a[1] ? 1 : 0;
  return [(a[0] + b[0]! + carry) >>> 0, lo];
}

function mul(a: U64, b: readonly number[]): U64 {
  // 64x64 -> low 64 bits, from 16-bit limbs
  const a0 = a[1] & 0xffff, a1 = a[1] >>> 16, a2 = a[0] & 0xffff, a3 = a[0] >>> 16;
  const b0 = b[1]! & 0xffff, b1 = b[1]! >>> 16, b2 = b[0]! & 0xffff, b3 = b[0]! >>> 16;
  const c0 = a0 * b0;
  const c1 = a1 * b0 + a0 * b1 + Math.floor(c0 / 65536);
  const c2 = a2 * b0 + a1 * b1 + a0 * b2 + Math.floor(c1 / 65536);
  const c3 = a3 * b0 + a2 * b1 + a1 * b2 + a0 * b3 + Math.floor(c2 / 65536);
  return [(((c3 & 0xffff) << 16) | (c2 & 0xffff)) >>> 0, (((c1 & 0xffff) << 16) | (c0 & 0xffff)) >>> 0];
}

function rotl(a: U64, r: number): U64 {
  if (r >= 32) { a = [a[1], a[0]]; r -= 32; }
  if (!r) return a;
  return [((a[0] << r) | (a[1] >>> (32 - r))) >>> 0, ((a[1] << r) | (a[0] >>> (32 - r))) >>> 0];
}

const xor = (a: U64, b: U64): U64 => [(a[0] ^ b[0]) >>> 0, (a[1] ^ b[1]) >>> 0];
const shr = (a: U64, r: number): U64 => (r >= 32 ? [0, a[0] >>> (r - 32)] : [a[0] >>> r, ((a[1] >>> r) | (a[0] << (32 - r))) >>> 0]);
const lane = (d: Uint8Array, i: number): U64 => [
  (d[i + 4]! | (d[i + 5]! << 8) | (d[i + 6]! << 16) | (d[i + 7]! << 24)) >>> 0,
  (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0];
const round = (acc: U64, input: U64): U64 => mul(rotl(add(acc, mul(input, P2)), 31), P1);
const merge = (acc: U64, v: U64): U64 => add(mul(xor(acc, round([0, 0], v)), P1), P4);

export class Xxh64 {
  private v: [U64, U64, U64, U64] = [add([P1[0]!, P1[1]!], P2), [P2[0]!, P2[1]!], [0, 0], [(~P1[0]! + (P1[1] ? 0 : 1)) >>> 0, (-P1[1]!) >>> 0]];
  private total = 0;
  private tail = new Uint8Array(32);
  private tailLen = 0;

  update(d: Uint8Array): void {
    this.total += d.length;
    let i = 0;
    if (this.tailLen) {
      const take = Math.min(32 - this.tailLen, d.length);
      this.tail.set(d.subarray(0, take), this.tailLen);
      this.tailLen += take; i = take;
      if (this.tailLen < 32) return;
      this.stripe(this.tail, 0);
      this.tailLen = 0;
    }
    for (; i + 32 <= d.length; i += 32) this.stripe(d, i);
    this.tail.set(d.subarray(i), 0);
    this.tailLen = d.length - i;
  }

  private stripe(d: Uint8Array, i: number): void {
    const v = this.v;
    v[0] = round(v[0], lane(d, i)); v[1] = round(v[1], lane(d, i + 8));
    v[2] = round(v[2], lane(d, i + 16)); v[3] = round(v[3], lane(d, i + 24));
  }

  /** The low 32 bits of the digest (what a Zstandard frame stores). */
  digestLow32(): number {
    const v = this.v;
    let h: U64;
    if (this.total >= 32) {
      h = add(add(add(rotl(v[0], 1), rotl(v[1], 7)), rotl(v[2], 12)), rotl(v[3], 18));
      for (const x of v) h = merge(h, x);
    } else h = [P5[0]!, P5[1]!];
    h = add(h, [Math.floor(this.total / 2 ** 32) >>> 0, this.total >>> 0]);
    const t = this.tail;
    let i = 0;
    for (; i + 8 <= this.tailLen; i += 8) h = add(mul(rotl(xor(h, round([0, 0], lane(t, i))), 27), P1), P4);
    if (i + 4 <= this.tailLen) {
      const w = (t[i]! | (t[i + 1]! << 8) | (t[i + 2]! << 16) | (t[i + 3]! << 24)) >>> 0;
      h = add(mul(rotl(xor(h, mul([0, w], P1)), 23), P2), P3);
      i += 4;
    }
    for (; i < this.tailLen; i++) h = mul(rotl(xor(h, mul([0, t[i]!], P5)), 11), P1);
    h = mul(xor(h, shr(h, 33)), P2);
    h = mul(xor(h, shr(h, 29)), P3);
    h = xor(h, shr(h, 32));
    return h[1];
  }
}
