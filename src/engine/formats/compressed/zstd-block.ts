// Zstandard blocks (RFC 8878 3.1.1.2-3.1.1.4): the block decoder of fzstd 0.1.1 (MIT, (c) 2020 Arjun
// Barrett), ported to TypeScript and hardened. fzstd trusts its input: sequences whose lengths run
// past the block were copied byte by byte into nothing (one 191-byte frame took 20 s and then yielded
// no bytes, test/fuzz/found/zstd-slow-second-frame.pkl.zst, so its payload went unscanned), offsets
// before the first byte read zeros, and a bitstream left half read passed. Here the work per block is
// bounded by its output: every literal and match must fit BLOCK_SIZE_MAX (what the RFC allows a
// block to produce), every offset must point into output already produced within the window, and the
// sequence bitstream must be consumed exactly; anything else throws ZstdError (malformed).
import { DEFAULT_LL, DEFAULT_ML, DEFAULT_OF, LL_BASE, LL_BITS, ML_BASE, ML_BITS, fail, huffmanLiterals, msb,
  readFse, readHuffman, type FseTable, type HufTable } from './zstd-entropy';

/**
 * Block_Maximum_Size is min(Window_Size, 128 KiB) (RFC 8878 3.1.1.2.4): the most one block may
 * produce, so the cap on the work (and memory) a block of at most 128 KiB of input can cause.
 */
export const BLOCK_SIZE_MAX = 128 * 1024;
/** Largest symbols of the literal-length, match-length and offset codes (RFC 8878 3.1.1.3.2.1.1). */
const LL_MAX = 35, ML_MAX = 52, OF_MAX = 31;
/** Offset codes above this point past any window the scanner accepts (2^27, MAX_ZSTD_WINDOW_BYTES). */
const OF_CODE_MAX = 27;

/** `n` bits (at most 32) of a little-endian bitstream at bit `pos`; bytes outside it read as zero. */
function bits(d: Uint8Array, pos: number, n: number): number {
  if (n <= 24) {
    const c = pos >> 3;
    return (((d[c]! | (d[c + 1]! << 8) | (d[c + 2]! << 16) | (d[c + 3]! << 24)) >>> (pos & 7)) & ((2 ** n) - 1)) >>> 0;
  }
  return bits(d, pos, 16) + bits(d, pos + 16, n - 16) * 65536;
}

/** One frame's decoding state: history window, repeat offsets, the last Huffman and FSE tables. */
export class ZstdFrameDecoder {
  readonly blockMax: number;
  /** History kept: the window, or less when the frame declares less content. */
  private readonly ws: number;
  /** Ring buffer of the last `ws` bytes (byte p of the frame at p % ws), grown as output arrives. */
  private hist = new Uint8Array(0);
  private readonly rep = [1, 4, 8];
  private huf?: HufTable;
  private tables?: [FseTable, FseTable, FseTable];
  /** Bytes produced by the frame so far. */
  produced = 0;

  constructor(windowSize: number, private readonly contentSize?: number) {
    this.blockMax = Math.min(windowSize, BLOCK_SIZE_MAX);
    this.ws = Math.min(windowSize, contentSize ?? windowSize);
  }

  /** Decodes one block's content (`dat`: the payload after the 3-byte header) into a fresh array. */
  block(type: number, dat: Uint8Array, blockSize: number): Uint8Array {
    let out: Uint8Array;
    if (type === 0) out = dat.slice(0, blockSize);
    else if (type === 1) out = new Uint8Array(blockSize).fill(dat[0]!);
    else if (type === 2) out = this.compressed(dat);
    else return fail('reserved block type');
    if (out.length > this.blockMax) fail(`a block decodes to ${out.length} bytes, above the block maximum ${this.blockMax}`);
    const start = this.produced;
    this.produced += out.length;
    if (this.contentSize !== undefined && this.produced > this.contentSize) fail(`the frame decodes past its declared ${this.contentSize} bytes`);
    this.remember(out, start);
    return out;
  }

  /** At the frame's end: what it produced must be what its header declared. */
  finish(): void {
    if (this.contentSize !== undefined && this.produced !== this.contentSize) {
      fail(`the frame decodes to ${this.produced} bytes, not its declared ${this.contentSize}`);
    }
  }

  /**
   * Keeps the block in the history ring: each block costs its own length, not the window's (a 128 MiB
   * window shifted per block made one fuzzed frame take 7 s). While the frame is younger than the
   * window the ring is linear (p % ws === p) and grows by doubling, so a small frame with a large
   * declared window never allocates the window.
   */
  private remember(out: Uint8Array, start: number): void {
    const ws = this.ws;
    if (!ws) return;
    const need = Math.min(ws, start + out.length);
    if (this.hist.length < need) {
      const grown = new Uint8Array(Math.min(ws, Math.max(need, this.hist.length * 2, 65536)));
      grown.set(this.hist);
      this.hist = grown;
    }
    let src = out, at = start;
    if (src.length > ws) { at += src.length - ws; src = src.subarray(src.length - ws); }
    const i = at % ws, first = Math.min(src.length, ws - i);
    this.hist.set(src.subarray(0, first), i);
    if (first < src.length) this.hist.set(src.subarray(first), 0);
  }

  private compressed(dat: Uint8Array): Uint8Array {
    const ebt = dat.length, m = this.blockMax;
    if (ebt < 2) fail('truncated compressed block');
    // Literals section header (RFC 8878 3.1.1.3.1.1)
    let bt = 0;
    const b3 = dat[0]!, lbt = b3 & 3, sf = (b3 >> 2) & 3;
    let lss = b3 >> 4, lcs = 0;
    if (lbt < 2) {
      if (sf & 1) lss |= (dat[++bt]! << 4) | ((sf & 2) && (dat[++bt]! << 12));
      else lss = b3 >> 3;
    } else if (sf < 2) {
      lss |= (dat[++bt]! & 63) << 4; lcs = (dat[bt]! >> 6) | (dat[++bt]! << 2);
    } else if (sf === 2) {
      lss |= (dat[++bt]! << 4) | ((dat[++bt]! & 3) << 12); lcs = (dat[bt]! >> 2) | (dat[++bt]! << 6);
    } else {
      lss |= (dat[++bt]! << 4) | ((dat[++bt]! & 63) << 12); lcs = (dat[bt]! >> 6) | (dat[++bt]! << 2) | (dat[++bt]! << 10);
    }
    ++bt;
    if (bt > ebt) fail('truncated literals section header');
    if (lss > m) fail(`${lss} literals are more than a block may hold (${m})`);
    // Literals go at the end of the block buffer; output is written from the start (fzstd's layout).
    const buf = new Uint8Array(m);
    let spl = m - lss;
    if (lbt === 0) {
      if (bt + lss > ebt) fail('raw literals run past the block');
      buf.set(dat.subarray(bt, bt += lss), spl);
    } else if (lbt === 1) {
      if (bt >= ebt) fail('truncated RLE literals');
      buf.fill(dat[bt++]!, spl);
    } else {
      if (bt + lcs > ebt) fail('compressed literals run past the block');
      const lend = bt + lcs;
      let hu = this.huf;
      if (lbt === 2) {
        const [next, table] = readHuffman(dat, bt, lend);
        bt = next;
        this.huf = hu = table;
      } else if (!hu) fail('treeless literals with no previous Huffman table');
      huffmanLiterals(dat.subarray(bt, lend), buf.subarray(spl), hu!, sf !== 0);
      bt = lend;
    }
    // Sequences section header (RFC 8878 3.1.1.3.2.1)
    if (bt >= ebt) fail('missing sequences section');
    let ns = dat[bt++]!;
    if (!ns) {
      if (bt !== ebt) fail('bytes after an empty sequences section');
      return buf.slice(spl);
    }
    if (ns === 255) { ns = (dat[bt]! | (dat[bt + 1]! << 8)) + 0x7f00; bt += 2; } else if (ns > 127) ns = ((ns - 128) << 8) | dat[bt++]!;
    const scm = dat[bt++]!;
    if (bt > ebt || scm & 3) fail('corrupt sequences section header');
    const dts = this.tableSet(dat, scm, bt, ebt);
    bt = dts[3];
    const [mlt, oct, llt] = this.tables = [dts[0], dts[1], dts[2]];
    const lb = dat[ebt - 1]!;
    if (bt >= ebt || !lb) fail('sequence bitstream has no end mark');
    const start = bt << 3;
    let spos = (ebt << 3) - 8 + msb(lb) - llt.b;
    let lst = bits(dat, spos, llt.b);
    let ost = bits(dat, spos -= oct.b, oct.b);
    let mst = bits(dat, spos -= mlt.b, mlt.b);
    const o = this.rep, ws = this.ws, history = Math.min(this.produced, ws);
    let oubt = 0;
    for (let left = ns; left > 0; left--) {
      const llc = llt.s[lst]!, mlc = mlt.s[mst]!, ofc = oct.s[ost]!;
      if (ofc > OF_CODE_MAX) fail(`offset code ${ofc} points past the window`);
      let off = 2 ** ofc + bits(dat, spos -= ofc, ofc);
      let ml = ML_BASE[mlc]! + bits(dat, spos -= ML_BITS[mlc]!, ML_BITS[mlc]!);
      const ll = LL_BASE[llc]! + bits(dat, spos -= LL_BITS[llc]!, LL_BITS[llc]!);
      if (left > 1) { // no state update after the last sequence (RFC 8878 3.1.1.3.2.2)
        const lbtr = llt.n[lst]!, mbtr = mlt.n[mst]!, obtr = oct.n[ost]!;
        lst = llt.t[lst]! + bits(dat, spos -= lbtr, lbtr);
        mst = mlt.t[mst]! + bits(dat, spos -= mbtr, mbtr);
        ost = oct.t[ost]! + bits(dat, spos -= obtr, obtr);
      }
      if (spos < start) fail('sequence bitstream read past its start');
      if (off > 3) { o[2] = o[1]!; o[1] = o[0]!; o[0] = off -= 3; } else {
        const idx = off - (ll !== 0 ? 1 : 0);
        if (idx) {
          off = idx === 3 ? o[0]! - 1 : o[idx]!;
          if (idx > 1) o[2] = o[1]!;
          o[1] = o[0]!; o[0] = off;
        } else off = o[0]!;
      }
      if (spl + ll > m) fail('a sequence uses more literals than were decoded');
      buf.copyWithin(oubt, spl, spl + ll);
      oubt += ll; spl += ll;
      // output + literals still to come must fit the block (this also bounds each copy below)
      if (oubt + ml > spl) fail(`a block decodes past the block maximum ${m}`);
      if (off < 1 || off > oubt + history || off > ws) fail(`match offset ${off} points before the data`);
      let from = oubt - off;
      if (from < 0) { // from the history ring: frame byte produced + from onwards
        const len = Math.min(-from, ml), h = this.hist;
        let p = (this.produced + from) % ws;
        for (let i = 0; i < len; ++i) { buf[oubt + i] = h[p]!; if (++p === ws) p = 0; }
        oubt += len; ml -= len; from = 0;
      }
      for (let i = 0; i < ml; ++i) buf[oubt + i] = buf[from + i]!; // may overlap forward: byte by byte
      oubt += ml;
    }
    if (spos !== start) fail('sequence bitstream not consumed exactly');
    if (oubt !== spl) buf.copyWithin(oubt, spl, m);
    return buf.slice(0, oubt + (m - spl));
  }

  /** The three decoding tables the symbol compression modes select (RFC 8878 3.1.1.3.2.1.2), and the byte after them. */
  private tableSet(dat: Uint8Array, scm: number, bt: number, ebt: number): [FseTable, FseTable, FseTable, number] {
    const dts: FseTable[] = [DEFAULT_ML, DEFAULT_OF, DEFAULT_LL];
    const maxSym = [ML_MAX, OF_MAX, LL_MAX];
    for (let i = 2; i > -1; --i) {
      const md = (scm >> ((i << 1) + 2)) & 3;
      if (md === 1) {
        if (bt >= ebt) fail('truncated RLE sequence table');
        const sym = dat[bt++]!;
        if (sym > maxSym[i]!) fail('RLE sequence symbol out of range');
        dts[i] = { s: new Uint8Array([sym]), n: new Uint8Array(1), t: new Uint16Array(1), b: 0 };
      } else if (md === 2) {
        [bt, dts[i]] = readFse(dat, bt, 9 - (i & 1), maxSym[i]!, ebt);
      } else if (md === 3) {
        if (!this.tables) fail('repeated sequence table with no previous table');
        dts[i] = this.tables![i]!;
      }
    }
    return [dts[0]!, dts[1]!, dts[2]!, bt];
  }
}
