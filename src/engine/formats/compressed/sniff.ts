// Which compressed wrapper a head starts with. joblib.dump(compress=...) writes exactly these
// (joblib/compressor.py prefixes: zlib 0x78, gzip 1f 8b, bz2 'BZ', xz fd 37 7a 58 5a, lzma 5d 00,
// lz4 04 22 4d 18; joblib < 0.10 wrote 'ZF' + hex length + zlib, numpy_pickle_compat.py).
import { Inflate } from 'fflate';
import type { Head, Sniff, Sniffer } from '../../types';
import { startsWith } from '../../io/text';

export type Codec = 'gzip' | 'zlib' | 'joblib-zfile' | 'bz2' | 'xz' | 'lzma' | 'lz4' | 'zstd';

export interface CompressedState { codec: Codec; /** Bytes before the compressed stream (the ZF header). */ skip: number }

// The first bytes of each codec with a fixed opening (zlib has none; the ZF header is joblib's). One table
// for this sniff and for pickle/nested.ts, which checks the first decoded bytes of base64/hex text against
// it before decoding the rest. LZMA-alone has no magic: its entry is the properties byte 0x5d and the low
// bytes of a dictionary of at least 64 KiB (xz and Python's lzma write 8 MiB); lzmaAloneHeader decides.
// (Line comments: the CLI bundle keeps JSDoc blocks, and this module is in its core chunk.)
export const CODEC_MAGIC = {
  gzip: [0x1f, 0x8b, 0x08],                               // RFC 1952 2.3.1: ID1 ID2 CM=deflate
  xz: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],               // xz-file-format 2.1.1.1
  lz4: [0x04, 0x22, 0x4d, 0x18],                          // lz4 Frame format: magic 0x184D2204 LE
  zstd: [0x28, 0xb5, 0x2f, 0xfd],                         // RFC 8878 3.1.1: magic 0xFD2FB528 LE
  bz2: [0x42, 0x5a, 0x68],                                // 'BZh', then the block size '1'..'9'
  lzma: [0x5d, 0x00, 0x00],
} as const satisfies Partial<Record<Codec, readonly number[]>>;
/** Skippable frames (shared by zstd and lz4): magic 0x184D2A5? LE, u32 length (RFC 8878 3.1.2). */
const SKIPPABLE_FRAMES_IN_HEAD = 4;
const BZ2_BLOCK = [0x31, 0x41, 0x59, 0x26, 0x53, 0x59];     // pi: first block header
const BZ2_EOS = [0x17, 0x72, 0x45, 0x38, 0x50, 0x90];       // sqrt(pi): end of stream (empty input)
/** joblib's ZF header: 'ZF' then hex(length) left-justified to len(hex(2**64)) = 19 characters. */
const ZFILE_LENGTH_CHARS = 19;
/**
 * A 2-byte zlib header matches random data about once in a thousand heads: the deflate data behind it
 * must decode to this many bytes (or end cleanly) before the head is claimed.
 */
const ZLIB_PROOF_BYTES = 512;
/** Input pushed per step while proving a zlib stream: keeps the proof's work small on a bomb. */
const ZLIB_PROOF_STEP = 1024;

export function sniffCompressed(head: Head): Sniff<CompressedState> | null {
  const b = head.bytes;
  const magic = (codec: Codec, skip = 0): Sniff<CompressedState> => ({ confidence: 'magic', state: { codec, skip } });
  if (startsWith(b, CODEC_MAGIC.gzip)) return magic('gzip');
  if (startsWith(b, CODEC_MAGIC.xz)) return magic('xz');
  const at = afterSkippableFrames(b);
  if (at < 0) return null;
  if (startsWith(b, CODEC_MAGIC.lz4, at) && b.length > at + 4 && (b[at + 4]! >> 6) === 1) return magic('lz4');
  // Frame header descriptor bit 3 is reserved and must be zero (RFC 8878 3.1.1.1.1).
  if (startsWith(b, CODEC_MAGIC.zstd, at) && b.length > at + 4 && (b[at + 4]! & 0x08) === 0) return magic('zstd');
  if (at > 0) return null;
  if (startsWith(b, CODEC_MAGIC.bz2) && b[3]! >= 0x31 && b[3]! <= 0x39
    && (startsWith(b, BZ2_BLOCK, 4) || startsWith(b, BZ2_EOS, 4))) return magic('bz2');
  const zf = zfileHeader(b);
  const more = head.size > b.length;
  if (zf > 0 && deflateProves(b, zf + 2, more)) return magic('joblib-zfile', zf);
  if (zlibHeader(b, 0) && deflateProves(b, 2, more)) return magic('zlib');
  if (lzmaAloneHeader(b)) return { confidence: 'structure', state: { codec: 'lzma', skip: 0 } };
  return null;
}

/**
 * Offset of the first frame after any skippable frames (pzstd and the seekable format lead with one),
 * 0 when there are none; -1 when a skippable frame leads to nothing recognisable inside the head.
 */
function afterSkippableFrames(b: Uint8Array): number {
  let at = 0;
  for (let n = 0; n < SKIPPABLE_FRAMES_IN_HEAD; n++) {
    if (b.length < at + 8 || b[at + 1] !== 0x2a || b[at + 2] !== 0x4d || b[at + 3] !== 0x18 || (b[at]! & 0xf0) !== 0x50) return at;
    at += 8 + (b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16)) + b[at + 7]! * 0x1000000;
  }
  return at < b.length ? at : -1;
}

/** RFC 1950 2.2: CM = 8, CINFO <= 7, FCHECK makes CMF*256+FLG a multiple of 31, no preset dictionary. */
function zlibHeader(b: Uint8Array, at: number): boolean {
  if (at + 2 > b.length) return false;
  const cmf = b[at]!, flg = b[at + 1]!;
  return (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** Length of a joblib 'ZF' header ('ZF0x1a2b   ' [+ ' ']) before a zlib stream, or 0. */
function zfileHeader(b: Uint8Array): number {
  if (b[0] !== 0x5a || b[1] !== 0x46 || b.length < 2 + ZFILE_LENGTH_CHARS + 2) return 0;
  let s = '';
  for (let i = 2; i < 2 + ZFILE_LENGTH_CHARS; i++) s += String.fromCharCode(b[i]!);
  if (!/^0x[0-9a-f]{1,17}L? *$/.test(s)) return 0;
  // joblib <= 0.8.4 under Python 2 wrote one more space (read_zfile skips it).
  const at = b[2 + ZFILE_LENGTH_CHARS] === 0x20 ? 3 + ZFILE_LENGTH_CHARS : 2 + ZFILE_LENGTH_CHARS;
  return zlibHeader(b, at) ? at : 0;
}

/**
 * The raw deflate data at `from` decodes ZLIB_PROOF_BYTES bytes, or all of it decodes cleanly, or (`more`:
 * the data goes on past the head) it opens with a stored block that runs past the head. zlib level 0 writes
 * stored blocks of 65,535 bytes, and an inflater emits one only whole: a head of 64 KiB ends inside the
 * first. Its header is proof enough: BTYPE 00, then LEN and NLEN, its ones' complement (RFC 1951 3.2.4).
 */
function deflateProves(b: Uint8Array, from: number, more = false): boolean {
  if (more && from + 5 <= b.length && (b[from]! & 0x06) === 0) {
    const len = b[from + 1]! | (b[from + 2]! << 8);
    if ((len ^ (b[from + 3]! | (b[from + 4]! << 8))) === 0xffff && from + 5 + len > b.length) return true;
  }
  let out = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => { out += chunk.length; if (final) done = true; });
  try {
    for (let i = from; i < b.length && out < ZLIB_PROOF_BYTES && !done; i += ZLIB_PROOF_STEP) {
      const piece = b.subarray(i, Math.min(b.length, i + ZLIB_PROOF_STEP));
      inflater.push(piece, i + piece.length >= b.length);
    }
  } catch {
    return false;
  }
  // An empty final block ends "cleanly" after a few random bits: a proof needs some output.
  return out >= ZLIB_PROOF_BYTES || (done && out > 0);
}

/**
 * LZMA "alone" header (lzma-file-format / LzmaSpec): properties 0x5d (lc=3 lp=0 pb=2, what xz, Python's
 * lzma and joblib write), a dictionary size of 2^n or 2^n + 2^(n-1) (what encoders write), and an
 * uncompressed size that is unknown (all ones) or plausible.
 */
function lzmaAloneHeader(b: Uint8Array): boolean {
  if (b.length < 14 || b[0] !== 0x5d) return false;
  const dict = (b[1]! | (b[2]! << 8) | (b[3]! << 16)) + b[4]! * 0x1000000;
  if (dict < 4096 || dict > 1.5 * 2 ** 30) return false;
  let ok = false;
  for (let n = 12; n <= 30 && !ok; n++) ok = dict === 2 ** n || dict === 2 ** n + 2 ** (n - 1);
  if (!ok) return false;
  let unknown = true;
  for (let i = 5; i < 13; i++) unknown &&= b[i] === 0xff;
  return unknown || b[12] === 0; // a known size below 2^56
}

export const compressedSniffer: Sniffer<CompressedState> = {
  id: 'compressed',
  // R's saveRDS/save write gzip (default), bzip2 or xz around the stream (formats/rdata), and the .rdx
  // lazy-load index is a gzip-wrapped stream: a compressed .rds is what R writes, not a mismatch.
  extensions: ['.gz', '.gzip', '.bz2', '.xz', '.lzma', '.lz4', '.zlib', '.z', '.joblib', '.zst', '.zstd', '.tzst', '.rds', '.rda', '.rdata', '.rdx'],
  sniff: sniffCompressed,
};
