// Zstandard entropy tables (RFC 8878 4.1 FSE, 4.2 Huffman): the table readers of fzstd 0.1.1 (MIT,
// (c) 2020 Arjun Barrett), ported to TypeScript and hardened. fzstd trusts its input: a Huffman
// weight stream whose states consume 0 bits looped forever (test/fuzz/found/zstd-hang-frame.pkl.zst),
// and tables read past their section silently. Here every loop is bounded by a count the RFC fixes
// (at most 255 Huffman weights, 256 FSE symbols) and every description must end inside its section;
// anything else throws ZstdError, which the scanner reports as malformed.

export class ZstdError extends Error {}

export interface FseTable { b: number; s: Uint8Array; n: Uint8Array; t: Uint16Array }
export interface HufTable { n: Uint8Array; b: number; s: Uint8Array }

/** Huffman_Max_Number_of_Bits (RFC 8878 4.2.1): 11. Weights above it are corrupt. */
const HUF_MAX_BITS = 11;
/** At most 255 weights are described; the last symbol's weight is implied (RFC 8878 4.2.1.1). */
const HUF_MAX_WEIGHTS = 255;

export const fail = (why: string): never => { throw new ZstdError(why); };

/** Index of the highest set bit (-1 for 0). */
export const msb = (v: number): number => 31 - Math.clz32(v);

/**
 * Reads an FSE table description at byte `bt` (RFC 8878 4.1.1) that must end by byte `end`; returns
 * the byte after it and the decoding table. `mal` is the largest accuracy log, `maxSym` the largest symbol.
 */
export function readFse(dat: Uint8Array, bt: number, mal: number, maxSym: number, end: number): [number, FseTable] {
  if (bt >= end) fail('FSE table description is missing');
  let tpos = (bt << 3) + 4;
  const al = (dat[bt]! & 15) + 5;
  if (al > mal) fail(`FSE accuracy log ${al} is above ${mal}`);
  const sz = 1 << al;
  let probs = sz, sym = -1, ht = sz;
  const buf = new ArrayBuffer(512 + (sz << 2));
  const freq = new Int16Array(buf, 0, 256);
  const dstate = new Uint16Array(buf, 0, 256);
  const nstate = new Uint16Array(buf, 512, sz);
  const bb1 = 512 + (sz << 1);
  const syms = new Uint8Array(buf, bb1, sz);
  const nbits = new Uint8Array(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    const bits = msb(probs + 1);
    const cbt = tpos >> 3;
    const msk = (1 << (bits + 1)) - 1;
    let val = ((dat[cbt]! | (dat[cbt + 1]! << 8) | (dat[cbt + 2]! << 16)) >> (tpos & 7)) & msk;
    const msk1fb = (1 << bits) - 1;
    const msv = msk - probs - 1;
    const sval = val & msk1fb;
    if (sval < msv) { tpos += bits; val = sval; } else { tpos += bits + 1; if (val > msk1fb) val -= msv; }
    freq[++sym] = --val;
    if (val === -1) { probs += val; syms[--ht] = sym; } else probs -= val;
    if (!val) {
      let re: number;
      do { // zero-probability repeat flags: 2 bits each, bounded because each step moves tpos and sym
        const rbt = tpos >> 3;
        re = ((dat[rbt]! | (dat[rbt + 1]! << 8)) >> (tpos & 7)) & 3;
        tpos += 2;
        sym += re;
      } while (re === 3 && sym <= 255);
    }
  }
  if (sym > maxSym || probs) fail('corrupt FSE table description');
  const next = (tpos + 7) >> 3;
  if (next > end) fail('FSE table description runs past its section');
  let sympos = 0;
  const sstep = (sz >> 1) + (sz >> 3) + 3, smask = sz - 1;
  for (let s = 0; s <= sym; ++s) {
    const sf = freq[s]!;
    if (sf < 1) { dstate[s] = -sf; continue; }
    // ht >= 1 here (a positive count exists), and sstep is odd, so each walk ends within sz steps
    for (let i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do sympos = (sympos + sstep) & smask; while (sympos >= ht);
    }
  }
  if (sympos) fail('corrupt FSE table description');
  for (let i = 0; i < sz; ++i) {
    const ns = dstate[syms[i]!]!++;
    const nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [next, { b: al, s: syms, n: nbits, t: nstate }];
}

/** Reads a Huffman tree description at byte `bt` (RFC 8878 4.2.1) ending by `end`; returns the byte after it. */
export function readHuffman(dat: Uint8Array, bt: number, end: number): [number, HufTable] {
  if (bt >= end) fail('Huffman tree description is missing');
  let wc = -1;
  const buf = new Uint8Array(292), hb = dat[bt]!;
  const hw = buf.subarray(0, 256), rc = buf.subarray(256, 268), ri = new Uint16Array(buf.buffer, 268);
  if (hb < 128) {
    // weights compressed with FSE, in the hb bytes after the header byte
    const wend = bt + 1 + hb;
    if (wend > end) fail('Huffman weights run past the literals section');
    const [ebt, fdt] = readFse(dat, bt + 1, 6, HUF_MAX_WEIGHTS, wend);
    const epos = ebt << 3;
    const lb = dat[wend - 1]!;
    if (!lb) fail('Huffman weight stream has no end mark');
    let st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    let fpos = (wend << 3) - 8 + msb(lb);
    for (;;) {
      fpos -= btr1;
      if (fpos < epos) break;
      let cbt = fpos >> 3;
      st1 += ((dat[cbt]! | (dat[cbt + 1]! << 8)) >> (fpos & 7)) & ((1 << btr1) - 1);
      if (++wc >= HUF_MAX_WEIGHTS) fail('more than 255 Huffman weights');
      hw[wc] = fdt.s[st1]!;
      fpos -= btr2;
      if (fpos < epos) break;
      cbt = fpos >> 3;
      st2 += ((dat[cbt]! | (dat[cbt + 1]! << 8)) >> (fpos & 7)) & ((1 << btr2) - 1);
      if (++wc >= HUF_MAX_WEIGHTS) fail('more than 255 Huffman weights');
      hw[wc] = fdt.s[st2]!;
      btr1 = fdt.n[st1]!; st1 = fdt.t[st1]!;
      btr2 = fdt.n[st2]!; st2 = fdt.t[st2]!;
    }
    ++wc;
    bt = wend;
  } else {
    wc = hb - 127;
    if (bt + 1 + ((wc + 1) >> 1) > end) fail('Huffman weights run past the literals section');
    for (let i = 0; i < wc; i += 2) {
      const byte = dat[++bt]!;
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  let wes = 0;
  for (let i = 0; i < wc; ++i) {
    const wt = hw[i]!;
    if (wt > HUF_MAX_BITS) fail('Huffman weight above the maximum');
    wes += wt && (1 << (wt - 1));
  }
  if (!wes) fail('Huffman weights are all zero');
  const mb = msb(wes) + 1;
  if (mb > HUF_MAX_BITS) fail('Huffman code longer than 11 bits');
  const ts = 1 << mb;
  const rem = ts - wes;
  if (rem & (rem - 1)) fail('Huffman weights do not sum to a power of two');
  hw[wc++] = msb(rem) + 1;
  for (let i = 0; i < wc; ++i) {
    const wt = hw[i]!;
    ++rc[hw[i] = wt && (mb + 1 - wt)];
  }
  const hbuf = new Uint8Array(ts << 1);
  const syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (let i = mb; i > 0; --i) {
    const pv = ri[i]!;
    nb.fill(i, pv, ri[i - 1] = pv + rc[i]! * (1 << (mb - i)));
  }
  if (ri[0] !== ts) fail('corrupt Huffman tree');
  for (let i = 0; i < wc; ++i) {
    const bits = hw[i]!;
    if (bits) {
      const code = ri[bits]!;
      syms.fill(i, code, ri[bits] = code + (1 << (mb - bits)));
    }
  }
  return [bt, { n: nb, b: mb, s: syms }];
}

/** One Huffman stream into `out`, which it must fill exactly (bounded by out.length symbols). */
function huffmanStream(dat: Uint8Array, out: Uint8Array, hu: HufTable): void {
  const len = dat.length, ss = out.length;
  if (!len) fail('empty Huffman stream');
  const lb = dat[len - 1]!, msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb) fail('Huffman stream has no end mark');
  let st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss;) {
    const cbt = pos >> 3;
    const val = (dat[cbt]! | (dat[cbt + 1]! << 8) | (dat[cbt + 2]! << 16)) >> (pos & 7);
    st = ((st << btr) | val) & msk;
    out[++i] = hu.s[st]!;
    pos -= (btr = hu.n[st]!);
  }
  if (pos !== eb || i + 1 !== ss) fail('corrupt Huffman stream');
}

/** Literals from one or four Huffman streams (RFC 8878 3.1.1.3.1.6: a 6-byte jump table for four). */
export function huffmanLiterals(dat: Uint8Array, out: Uint8Array, hu: HufTable, four: boolean): void {
  if (!four) return huffmanStream(dat, out, hu);
  if (dat.length < 6) fail('truncated Huffman jump table');
  const ss = out.length, sz1 = (ss + 3) >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  const l1 = dat[0]! | (dat[1]! << 8), l2 = dat[2]! | (dat[3]! << 8), l3 = dat[4]! | (dat[5]! << 8);
  if (6 + l1 + l2 + l3 >= dat.length || sz3 > ss) fail('Huffman jump table points past the literals');
  let bt = 6;
  huffmanStream(dat.subarray(bt, bt += l1), out.subarray(0, sz1), hu);
  huffmanStream(dat.subarray(bt, bt += l2), out.subarray(sz1, sz2), hu);
  huffmanStream(dat.subarray(bt, bt += l3), out.subarray(sz2, sz3), hu);
  huffmanStream(dat.subarray(bt), out.subarray(sz3), hu);
}

/** Default distributions (RFC 8878 3.1.1.3.2.2), as fzstd encodes them: FSE descriptions of the tables. */
const table = (bytes: number[], al: number, maxSym: number): FseTable => readFse(new Uint8Array(bytes), 0, al, maxSym, bytes.length + 4)[1];
export const DEFAULT_ML = /*#__PURE__*/ table([33, 20, 196, 24, 99, 140, 33, 132, 16, 66, 8, 33, 132, 16, 66, 8, 33, 68, 68, 68, 68, 68, 68, 68, 68, 36, 9], 6, 52);
export const DEFAULT_OF = /*#__PURE__*/ table([32, 132, 16, 66, 102, 70, 68, 68, 68, 68, 36, 73, 2], 5, 31);
export const DEFAULT_LL = /*#__PURE__*/ table([81, 16, 99, 140, 49, 198, 24, 99, 12, 33, 196, 24, 99, 102, 102, 134, 70, 146, 4], 6, 35);

const baselines = (bits: Uint8Array, s: number): Int32Array => {
  const bl = new Int32Array(bits.length);
  for (let i = 0; i < bits.length; ++i) { bl[i] = s; s += 1 << bits[i]!; }
  return bl;
};
/** Extra bits and baselines of literal-length codes 0-35 and match-length codes 0-52 (RFC 8878 3.1.1.3.2.1.1). */
export const LL_BITS = new Uint8Array(new Int32Array([0, 0, 0, 0, 16843009, 50528770, 134678020, 202050057, 269422093]).buffer, 0, 36);
export const LL_BASE = baselines(LL_BITS, 0);
export const ML_BITS = new Uint8Array(new Int32Array([0, 0, 0, 0, 0, 0, 0, 0, 16843009, 50528770, 117769220, 185207048, 252579084, 16]).buffer, 0, 53);
export const ML_BASE = baselines(ML_BITS, 3);
