// Pickles that start inside a bytes constant rather than at its byte 0: how a serialiser that frames
// its own data carries a Python object (polars pickles a LazyFrame's plan as its own binary format with
// each Python UDF inside as a cloudpickle, after a `PLPYFN` tag), and how an attacker hides one after
// harmless-looking array bytes. Constants up to MAX_KEPT_ARG_BYTES are in memory (embeddedPickleAt);
// larger ones were skipped by offset while the stream was parsed and are read again in chunks once it is
// done (searchRange). Every candidate offset (PROTO 2-5, 0x80 0x02..0x05) first passes a walk of opcode
// lengths that allocates nothing (plausibleOps); only then is it parsed strictly (sniffPickle), at most
// MAX_EMBED_SNIFFS times per file.
import { PICKLE_OPS } from './opcodes';
import { compressedMagic, hasPickleMagic, pickleStartsAt, sniffPickle } from './nested';
import { decodeBase64, decodeHex } from '../../detectors/encoded';

/** Smallest constant searched for a pickle inside it (a pickle with a call needs more). */
export const MIN_EMBED_SEARCH = 32;
/** Ops a pickle found inside a constant must parse before it is claimed (random bytes fail in a few). */
export const EMBED_MIN_OPS = 8;
/**
 * Strict parses of candidate offsets per file. A strict parse costs ~20 µs (a machine and its memo);
 * bytes crafted so that every third offset passes the length walk and then fails would otherwise cost
 * seconds per MiB. Random and weight bytes reach a handful per GiB; a file that exhausts this is
 * reported incomplete, never clean.
 */
export const MAX_EMBED_SNIFFS = 4096;
/** Bytes read per step when a large constant is searched again from the source (bounds memory). */
export const EMBED_SEARCH_CHUNK = 1024 * 1024;
/** Bytes past a chunk kept so that a candidate near its end is parsed with what follows it. */
const EMBED_LOOKAHEAD = 64 * 1024;
/** A text argument (GLOBAL's module and name) longer than this is not what a pickler writes. */
const MAX_LINE = 256;

/** Per-file state of the search: the strict parses spent, and whether the bound was hit. */
export class EmbedSearch {
  sniffs = 0;
  exhausted = false;
}

/**
 * Whether the EMBED_MIN_OPS ops at `at` (after PROTO) are valid opcodes whose arguments fit, without
 * simulating the stack: random bytes fail within two or three ops (about a quarter of the byte values
 * are opcodes). A second PROTO right after the first is refused: no pickler writes it, and uint16 data
 * full of 640 (80 02 80 02 ...) would otherwise parse as a long run of PROTOs.
 */
export function plausibleOps(b: Uint8Array, at: number): boolean {
  let p = at + 2;
  for (let n = 1; n < EMBED_MIN_OPS; n++) {
    if (p >= b.length) return true; // cut by the window: the strict parse decides
    const code = b[p]!;
    const info = PICKLE_OPS[code];
    if (!info || code === 0x80) return false;
    if (code === 0x2e) return n >= 2; // STOP
    const len = argLength(b, p + 1, info.arg);
    if (len < 0) return false;
    p += 1 + len;
  }
  return true;
}

/** Bytes of an argument of kind `kind` at `i` (past the window: a large number, the parse decides); -1 when invalid. */
function argLength(b: Uint8Array, i: number, kind: string): number {
  const u32 = (k: number) => (b[k] ?? 0) + (b[k + 1] ?? 0) * 0x100 + (b[k + 2] ?? 0) * 0x10000 + (b[k + 3] ?? 0) * 0x1000000;
  switch (kind) {
    case 'none': return 0;
    case 'uint1': return 1;
    case 'uint2': return 2;
    case 'uint4': case 'int4': return 4;
    case 'uint8': case 'float8': return 8;
    case 'long1': case 'string1': case 'bytes1': case 'unicode1': return 1 + (b[i] ?? 0);
    case 'long4': case 'string4': case 'bytes4': case 'unicode4': return 4 + u32(i);
    case 'bytes8': case 'bytearray8': case 'unicode8': return 8 + u32(i) + u32(i + 4) * 0x1_0000_0000;
    case 'stringnl_noescape_pair': {
      const e1 = lineEnd(b, i);
      if (e1 === 0) return -1;
      const e2 = e1 < 0 ? e1 : lineEnd(b, i + e1 + 1);
      return e1 < 0 || e2 < 0 ? b.length : e2 === 0 ? -1 : e1 + e2 + 2;
    }
    default: { // text arguments ending in '\n'
      const e = lineEnd(b, i);
      return e < 0 ? b.length : e + 1;
    }
  }
}

/** Length of the line at `i` (without its '\n'); -1 when no '\n' within MAX_LINE (or the window). */
function lineEnd(b: Uint8Array, i: number): number {
  const e = b.indexOf(0x0a, i);
  return e < 0 || e - i > MAX_LINE ? -1 : e - i;
}

/**
 * Offset of a pickle (PROTO 2-5) starting inside `b` at or after `from`, parsing at most up to
 * `total` (the bytes the data really has from b[0]; more than b.length when b is a window). Null when
 * none parses or the search bound is spent (then `search.exhausted`).
 */
function findIn(b: Uint8Array, from: number, until: number, total: number, search: EmbedSearch): number | null {
  // indexOf is a native scan: array data is most of the bytes searched.
  for (let i = b.indexOf(0x80, from); i >= 0 && i < until && i + 2 < b.length; i = b.indexOf(0x80, i + 1)) {
    const v = b[i + 1]!;
    if (v < 2 || v > 5 || !plausibleOps(b, i)) continue;
    if (search.sniffs >= MAX_EMBED_SNIFFS) { search.exhausted = true; return null; }
    search.sniffs++;
    const s = sniffPickle(b, i, total, EMBED_MIN_OPS);
    if (s && s.ops >= EMBED_MIN_OPS) return i;
  }
  return null;
}

/**
 * Whether the kept prefix of a constant too large to keep (`total` bytes) starts a pickle: PROTO 2-5,
 * a plausible opcode walk, and a strict parse that fails nowhere in the prefix (it may stop for lack of
 * bytes: a payload that opens with a string of megabytes parses one op before the prefix ends).
 */
export function pickleHeadAt0(b: Uint8Array, total: number): boolean {
  return hasPickleMagic(b) && plausibleOps(b, 0) && sniffPickle(b, 0, total, 1) !== null;
}

/**
 * Whether the kept UTF-8 prefix of a string constant too large to keep opens an encoded pickle that
 * nestedPickle would decode: a latin-1 string (U+0080 then PROTO's version, c2 80 0X in UTF-8), or a
 * prefix entirely of hex or base64 whose decoded bytes parse as the start of a pickle (or open zlib).
 * A strict parse, not a first-byte test: big base64 blobs (images, weights) would otherwise be read
 * again whole once in fifteen.
 */
export function encodedPickleHead(b: Uint8Array, total: number): boolean {
  if (b.length < 64) return false;
  if (b[0] === 0xc2 && b[1] === 0x80 && b[2]! >= 2 && b[2]! <= 5) return true;
  let t = '';
  for (let i = 0; i < b.length; i++) t += String.fromCharCode(b[i]!);
  t = t.trim();
  let head: Uint8Array;
  if (/^(0x)?[0-9a-fA-F]+$/.test(t)) {
    const h = t.replace(/^0x/, '');
    head = decodeHex(h.slice(0, h.length & ~1));
  } else if (/^[A-Za-z0-9+/_\-\s]+$/.test(t)) {
    const c = t.replace(/\s+/g, '');
    head = decodeBase64(c.slice(0, c.length & ~3));
  } else return false;
  // The decoded prefix must parse as the start of a pickle (its data goes on), or open a zlib stream.
  const zlib = head.length >= 2 && (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | head[1]!) % 31 === 0;
  // `total` (the text's length) bounds what the text decodes to: the parse may stop for lack of bytes.
  // Or a bz2, xz, lz4, zstd, gzip or lzma stream's magic: encodedCompressed decodes it once the stream is done.
  return zlib || compressedMagic(head) || pickleHeadAt0(head, total) || pickleStartsAt(head, 0, total);
}

/** A pickle starting inside an in-memory constant (not at its byte 0), or null. */
export function embeddedPickleAt(b: Uint8Array, search: EmbedSearch): number | null {
  if (b.length < MIN_EMBED_SEARCH) return null;
  return findIn(b, 1, b.length, b.length, search);
}

/**
 * The same search over the source bytes [start, end) of a constant too large to keep (read again in
 * chunks of EMBED_SEARCH_CHUNK): the offset of the pickle relative to `start`, or null.
 */
export async function searchRange(read: (off: number, len: number) => Promise<Uint8Array>, start: number, end: number,
  search: EmbedSearch, checkAborted: () => void = () => {}): Promise<number | null> {
  for (let pos = start; pos < end && !search.exhausted; pos += EMBED_SEARCH_CHUNK) {
    checkAborted();
    const buf = await read(pos, Math.min(EMBED_SEARCH_CHUNK + EMBED_LOOKAHEAD, end - pos));
    const at = findIn(buf, pos === start ? 1 : 0, Math.min(EMBED_SEARCH_CHUNK, buf.length), end - pos, search);
    if (at !== null) return pos - start + at;
  }
  return null;
}
