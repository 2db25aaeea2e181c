// LZMA "alone" decoder (the .lzma format that Python's lzma.FORMAT_ALONE and joblib's 'lzma' compressor
// write), following Igor Pavlov's reference LzmaSpec.cpp (LZMA SDK, public domain) step by step. No
// maintained eval-free package decodes this format with an output cap, so it lives here: output grows
// in one buffer and decoding stops at `limit` (the sink's cap) however much the stream claims.
// Arithmetic stays in doubles below 2^32 (no signed 32-bit wrap-around).

export class LzmaError extends Error {}

const PROB_INIT = 1024;           // kBitModelTotal / 2
const TOP = 2 ** 24;              // kTopValue
const STATES = 12;
const POS_STATES_MAX = 16;        // 1 << kNumPosBitsMax
const END_POS_MODEL_INDEX = 14;
const FULL_DISTANCES = 128;
const ALIGN_BITS = 4;
const MATCH_MIN_LEN = 2;
/** Iterations between abort polls (the decoder is synchronous). */
const ABORT_POLL = 1 << 20;

class RangeDecoder {
  range = 0xffffffff;
  code = 0;
  pos: number;
  constructor(private readonly input: Uint8Array, start: number) {
    if (input[start] !== 0) throw new LzmaError('range coder does not start with 0');
    this.pos = start + 1;
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + this.byte();
    if (this.code === this.range) throw new LzmaError('corrupt range coder state');
  }
  private byte(): number {
    if (this.pos >= this.input.length) throw new LzmaError('truncated LZMA data');
    return this.input[this.pos++]!;
  }
  private normalize(): void {
    if (this.range < TOP) { this.range *= 256; this.code = this.code * 256 + this.byte(); }
  }
  bit(probs: Uint16Array, i: number): number {
    const p = probs[i]!;
    const bound = Math.floor(this.range / 2048) * p;
    let bit: number;
    if (this.code < bound) { probs[i] = p + ((2048 - p) >> 5); this.range = bound; bit = 0; }
    else { probs[i] = p - (p >> 5); this.code -= bound; this.range -= bound; bit = 1; }
    this.normalize();
    return bit;
  }
  direct(n: number): number {
    let res = 0;
    for (let i = 0; i < n; i++) {
      this.range = Math.floor(this.range / 2);
      let bit = 0;
      if (this.code >= this.range) { this.code -= this.range; bit = 1; }
      this.normalize();
      res = res * 2 + bit;
    }
    return res;
  }
  tree(probs: Uint16Array, base: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) + this.bit(probs, base + m);
    return m - (1 << bits);
  }
  reverse(probs: Uint16Array, base: number, bits: number): number {
    let m = 1, sym = 0;
    for (let i = 0; i < bits; i++) { const b = this.bit(probs, base + m); m = (m << 1) + b; sym |= b << i; }
    return sym;
  }
}

const probs = (n: number) => new Uint16Array(n).fill(PROB_INIT);

class LenDecoder {
  private choice = probs(2);
  private low = probs(POS_STATES_MAX << 3);
  private mid = probs(POS_STATES_MAX << 3);
  private high = probs(256);
  decode(rc: RangeDecoder, posState: number): number {
    if (rc.bit(this.choice, 0) === 0) return rc.tree(this.low, posState << 3, 3);
    if (rc.bit(this.choice, 1) === 0) return 8 + rc.tree(this.mid, posState << 3, 3);
    return 16 + rc.tree(this.high, 0, 8);
  }
}

export interface LzmaResult { bytes: Uint8Array; /** Output stopped at `limit` before the stream ended. */ cut: boolean }

/** Decodes a whole .lzma stream (13-byte header, then data); output is cut after `limit` bytes. */
export function decodeLzmaAlone(input: Uint8Array, limit: number, checkAborted: () => void): LzmaResult {
  if (input.length < 13) throw new LzmaError('too short for an LZMA header');
  let d = input[0]!;
  if (d >= 9 * 5 * 5) throw new LzmaError(`invalid properties byte ${d}`);
  const lc = d % 9; d = Math.floor(d / 9);
  const lp = d % 5, pb = Math.floor(d / 5);
  const dictSize = Math.max(4096, (input[1]! | (input[2]! << 8) | (input[3]! << 16)) + input[4]! * 0x1000000);
  let known = false, unpackSize = 0;
  for (let i = 12; i >= 5; i--) { if (input[i] !== 0xff) known = true; unpackSize = unpackSize * 256 + input[i]!; }

  const rc = new RangeDecoder(input, 13);
  const literals = probs(0x300 << (lc + lp));
  const isMatch = probs(STATES << 4), isRep0Long = probs(STATES << 4);
  const isRep = probs(STATES), isRepG0 = probs(STATES), isRepG1 = probs(STATES), isRepG2 = probs(STATES);
  const posSlot = probs(4 << 6), posDecoders = probs(1 + FULL_DISTANCES - END_POS_MODEL_INDEX), align = probs(1 << ALIGN_BITS);
  const lenDecoder = new LenDecoder(), repLenDecoder = new LenDecoder();

  let out = new Uint8Array(Math.min(limit + 1, 1 << 20));
  let pos = 0;
  const put = (b: number) => {
    if (pos === out.length) {
      const grown = new Uint8Array(Math.min(limit + 1, out.length * 2));
      grown.set(out);
      out = grown;
    }
    out[pos++] = b;
  };
  let state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  const remaining = () => (known ? unpackSize - pos : Infinity);

  for (let iter = 0; ; iter++) {
    if (iter % ABORT_POLL === 0) checkAborted();
    if (pos > limit) return { bytes: out.subarray(0, limit), cut: true };
    if (known && remaining() === 0) break; // the end marker is optional when the size is known
    const posState = pos & ((1 << pb) - 1);
    if (rc.bit(isMatch, (state << 4) + posState) === 0) {
      const prev = pos > 0 ? out[pos - 1]! : 0;
      const base = 0x300 * (((pos & ((1 << lp) - 1)) << lc) + (prev >> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = out[pos - rep0 - 1]!;
        do {
          const matchBit = (matchByte >> 7) & 1;
          matchByte <<= 1;
          const bit = rc.bit(literals, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | bit;
          if (matchBit !== bit) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(literals, base + symbol);
      put(symbol - 0x100);
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len: number;
    if (rc.bit(isRep, state) !== 0) {
      if (pos === 0) throw new LzmaError('repeated match before any output');
      if (rc.bit(isRepG0, state) === 0) {
        if (rc.bit(isRep0Long, (state << 4) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          put(out[pos - rep0 - 1]!);
          continue;
        }
      } else {
        let dist: number;
        if (rc.bit(isRepG1, state) === 0) dist = rep1;
        else {
          if (rc.bit(isRepG2, state) === 0) dist = rep2;
          else { dist = rep3; rep3 = rep2; }
          rep2 = rep1;
        }
        rep1 = rep0; rep0 = dist;
      }
      len = repLenDecoder.decode(rc, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2; rep2 = rep1; rep1 = rep0;
      len = lenDecoder.decode(rc, posState);
      state = state < 7 ? 7 : 10;
      rep0 = distance(rc, len, posSlot, posDecoders, align);
      if (rep0 === 0xffffffff) break; // end marker
      if (rep0 >= dictSize || rep0 >= pos) throw new LzmaError(`match distance ${rep0 + 1} reaches before the data`);
    }
    len += MATCH_MIN_LEN;
    if (len > remaining()) throw new LzmaError('match runs past the declared size');
    for (let k = 0; k < len; k++) put(out[pos - rep0 - 1]!);
  }
  return { bytes: out.subarray(0, pos), cut: false };
}

function distance(rc: RangeDecoder, len: number, posSlot: Uint16Array, posDecoders: Uint16Array, align: Uint16Array): number {
  const lenState = Math.min(len, 3);
  const slot = rc.tree(posSlot, lenState << 6, 6);
  if (slot < 4) return slot;
  const directBits = (slot >> 1) - 1;
  let dist = (2 | (slot & 1)) * 2 ** directBits;
  if (slot < END_POS_MODEL_INDEX) return dist + rc.reverse(posDecoders, dist - slot, directBits);
  dist += rc.direct(directBits - ALIGN_BITS) * 16;
  return dist + rc.reverse(align, 0, ALIGN_BITS);
}
