// Recognising pickles: at the head of a node (sniff), after a STOP (stacked streams, resync), and inside
// constants (raw bytes, latin-1 strings, base64, hex, zlib; pickles that start further in: embedded.ts).
// Every check is a bounded strict parse.
import { Gunzip, Unzlib } from 'fflate';
import { CODEC_MAGIC, sniffCompressed } from '../compressed/sniff';
import { FormatError, LimitExceeded } from '../../types';
import { decodeBase64, decodeHex } from '../../detectors/encoded';
import { OpReader } from './disasm';
import { Machine, type MachineHooks } from './machine';

/** Ops a sniff parses before deciding. */
const SNIFF_OPS = 256;
/** A protocol 0/1 pickle cut by the head must have parsed at least this many ops to be claimed. */
const SNIFF_MIN_OPS = 24;
/** Bytes a nested constant may decode or inflate to. Bounds memory per nested payload. */
export const MAX_NESTED_BYTES = 16 * 1024 * 1024;
/** Encoded text shorter than this is not decoded (hashes, ids). */
const MIN_ENCODED = 16;

const NULL_HOOKS: MachineHooks = {
  onImport() {}, onUnresolvedImport() {}, onCall() {}, onBuild: () => null, onMutate() {}, onExt() {},
  onConst() {}, onProto() {}, onEmbeddedPickle: async (s) => s, charge() {}, afterOp() {},
};

/** PROTO 2..5 (0x80 0x02..0x05): the magic of every pickle written since Python 2.3 by default. */
export function hasPickleMagic(b: Uint8Array, at = 0): boolean {
  return b.length >= at + 3 && b[at] === 0x80 && b[at + 1]! >= 2 && b[at + 1]! <= 5;
}

export interface PickleSniff { stop: boolean; ops: number; protocol: number }

/**
 * Strict parse of the bytes at `at` as a pickle: every op valid, the stack consistent. `total` is the
 * real length of the data (the bytes may be a head); a parse that runs out of bytes before STOP is
 * accepted only when the data goes on and enough ops parsed. Returns null when it is not a pickle.
 */
export function sniffPickle(b: Uint8Array, at = 0, total = b.length, minOps = SNIFF_MIN_OPS): PickleSniff | null {
  if (at >= b.length) return null;
  const m = new Machine(NULL_HOOKS);
  const r = OpReader.overBytes(b, at, total);
  try {
    const res = m.runSync(r, SNIFF_OPS);
    if (res === 'stop') return m.ops >= 2 ? { stop: true, ops: m.ops, protocol: m.protocol } : null;
    if (m.ops >= minOps) return { stop: false, ops: m.ops, protocol: m.protocol };
    return null;
  } catch (e) {
    if (e instanceof FormatError || e instanceof LimitExceeded) {
      // Cut by the end of the head, not malformed: judge what parsed.
      if (total > b.length && r.pos >= b.length - 64 && m.ops >= minOps) return { stop: false, ops: m.ops, protocol: m.protocol };
      return null;
    }
    throw e;
  }
}

/** Offset just past the STOP of the pickle at `at` when it ends inside `b` within SNIFF_OPS ops, else null. */
export function pickleEndIn(b: Uint8Array, at: number): number | null {
  const m = new Machine(NULL_HOOKS);
  const r = OpReader.overBytes(b, at, b.length);
  try {
    return m.runSync(r, SNIFF_OPS) === 'stop' ? r.pos : null;
  } catch (e) {
    if (e instanceof FormatError || e instanceof LimitExceeded) return null;
    throw e;
  }
}

/** A pickle start at `at`: magic, or a protocol 0/1 parse that reaches STOP or runs long. */
export function pickleStartsAt(b: Uint8Array, at: number, total = b.length): boolean {
  if (hasPickleMagic(b, at)) return sniffPickle(b, at, total, 8) !== null;
  const c = b[at];
  // Protocol 0/1 pickles open with a container, a MARK, a GLOBAL/INST or a value.
  if (c === undefined || !P0_START.has(c)) return false;
  return sniffPickle(b, at, total) !== null;
}

/** Inflates a gzip member (1f 8b 08) up to MAX_NESTED_BYTES (gzip.compress(pickle.dumps(x)) kept as a value); null when it is not gzip, corrupt or too large. */
export function inflateGzip(b: Uint8Array, max = MAX_NESTED_BYTES): Uint8Array | null {
  if (b.length < 18 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return null;
  return inflateWith(b, max, (push) => new Gunzip((chunk) => push(chunk)));
}

/** Inflates a zlib stream up to MAX_NESTED_BYTES; null when it is not zlib or too large. */
export function inflateZlib(b: Uint8Array, max = MAX_NESTED_BYTES): Uint8Array | null {
  if (b.length < 6 || (b[0]! & 0x0f) !== 8 || ((b[0]! << 8) | b[1]!) % 31 !== 0) return null;
  const parts: Uint8Array[] = [];
  let size = 0;
  let over = false;
  try {
    const z = new Unzlib((chunk) => {
      size += chunk.length;
      if (size > max) { over = true; throw new Error('too large'); }
      parts.push(chunk);
    });
    z.push(b, true);
  } catch {
    if (over || size === 0) return null;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Runs a streaming fflate inflater over b, bounded by max; null when corrupt (nothing out) or too large. */
function inflateWith(b: Uint8Array, max: number, make: (push: (c: Uint8Array) => void) => { push(d: Uint8Array, final: boolean): void }): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let size = 0;
  let over = false;
  try {
    const z = make((chunk) => {
      size += chunk.length;
      if (size > max) { over = true; throw new Error('too large'); }
      parts.push(chunk);
    });
    z.push(b, true);
  } catch {
    return null;
  }
  if (over || size === 0) return null;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function latin1Bytes(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
}

/** Bytes a pickle can start with when it has no PROTO (pickleStartsAt's protocol 0/1 openers). */
const P0_START = new Set([...'(cdl}])NIJKSVXUFGi'].map((c) => c.charCodeAt(0)));

/** Whether decoded data starting with these bytes could be a pickle (PROTO 2-5 or a protocol 0/1 opener) or zlib. */
function plausibleHead(h: Uint8Array): boolean {
  if (h.length < 2) return false;
  const b0 = h[0]!, b1 = h[1]!;
  return (b0 === 0x80 && b1 >= 2 && b1 <= 5) || P0_START.has(b0) || ((b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0);
}

/**
 * Input of a gzip constant inflated to prove it is one (its 3-byte magic alone matches array data), pushed
 * GZIP_PROOF_STEP at a time until GZIP_PROOF_OUTPUT comes out. A stored block (what deflate writes for
 * incompressible data: a pickle followed by random bytes) holds up to 65,535 bytes and the inflater emits
 * it only whole (RFC 1951 3.2.4), after a header whose optional fields (RFC 1952 2.3: FEXTRA up to 64 KiB,
 * FNAME, FCOMMENT) come first: the bound covers both. Random bytes behind a gzip magic fail within a few
 * bytes, so the cost is at most this much inflating per constant the file holds.
 */
export const DEFLATE_PROOF_INPUT = 192 * 1024;
const GZIP_PROOF_STEP = 4096;
/** Output that proves it (or a clean end with some output, for a short member). */
const GZIP_PROOF_OUTPUT = 256;

/**
 * The codec of a compressed stream at the start of a constant (bz2.compress(pickle.dumps(x)) kept as
 * bytes), by the compressed scanner's own sniff, or null. `b` may be a prefix of the constant.
 * LZMA-alone only in the unknown-size form liblzma's alone encoder always writes (its other forms are
 * a byte 0x5d and a power of two, which int32 arrays match); gzip only when its first bytes inflate.
 */
export function compressedHead(b: Uint8Array): string | null {
  const codec = sniffCompressed({ bytes: b, size: b.length, name: '', ext: '' })?.state?.codec ?? null;
  if (codec === 'lzma') {
    for (let i = 5; i < 13; i++) if (b[i] !== 0xff) return null;
  }
  if (codec === 'gzip') {
    let out = 0, done = false;
    try {
      const g = new Gunzip((chunk, final) => { out += chunk.length; if (final) done = true; });
      const end = Math.min(b.length, DEFLATE_PROOF_INPUT);
      for (let i = 0; i < end && out < GZIP_PROOF_OUTPUT && !done; i += GZIP_PROOF_STEP) {
        const to = Math.min(end, i + GZIP_PROOF_STEP);
        g.push(b.subarray(i, to), to >= b.length);
      }
    } catch {
      return null;
    }
    if (out < GZIP_PROOF_OUTPUT && !(done && out > 0)) return null;
  }
  return codec;
}

/**
 * The opening of a zlib stream (RFC 1950 2.2: CM 8, CINFO <= 7, FCHECK, no preset dictionary) or of a gzip
 * member (1f 8b 08): what a constant too large to keep is proved as again from the source, since its kept
 * prefix may end inside the first stored block (compressedHead cannot prove it from there).
 */
export function deflateWrapperHead(b: Uint8Array): boolean {
  if (b.length < 3) return false;
  const cmf = b[0]!, flg = b[1]!;
  return ((cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0 && (flg & 0x20) === 0)
    || CODEC_MAGIC.gzip.every((x, i) => b[i] === x);
}

export type NestedHow = 'raw' | 'latin-1 string' | 'base64' | 'hex' | 'zlib' | 'gzip' | 'base64+zlib' | 'hex+zlib';

/** The pickle a constant carries, decoded; null when it carries none. */
export function nestedPickle(v: string | Uint8Array): { how: NestedHow; bytes: Uint8Array } | null {
  const isPickle = (b: Uint8Array) => (hasPickleMagic(b) || pickleStartsAt(b, 0)) && sniffPickle(b, 0, b.length, 4) !== null;
  if (v instanceof Uint8Array) {
    if (isPickle(v)) return { how: 'raw', bytes: v };
    const z = inflateZlib(v);
    if (z && isPickle(z)) return { how: 'zlib', bytes: z };
    const g = inflateGzip(v);
    return g && isPickle(g) ? { how: 'gzip', bytes: g } : null;
  }
  if (v.length < MIN_ENCODED) return null;
  const c0 = v.charCodeAt(0);
  if (c0 === 0x80 || (v.length > 2 && v.charCodeAt(v.length - 1) === 0x2e)) {
    const raw = latin1Bytes(v);
    if (raw && isPickle(raw)) return { how: 'latin-1 string', bytes: raw };
  }
  const t = v.trim();
  let decoded: Uint8Array | null = null;
  let how: 'base64' | 'hex' | null = null;
  // Identifiers and numbers pass the alphabet tests; their first decoded bytes rule them out without
  // decoding the rest (the same bytes isPickle and inflateZlib would look at first).
  if (/^(0x)?[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0) {
    if (!plausibleHead(decodeHex(t.slice(0, t.startsWith('0x') ? 6 : 4)))) return null;
    decoded = decodeHex(t, MAX_NESTED_BYTES * 2); how = 'hex';
  } else if (/^[A-Za-z0-9+/_\-\s]+={0,2}$/.test(t) && t.length >= 20) {
    const clean = t.replace(/\s+/g, '');
    if (!plausibleHead(decodeBase64(clean.slice(0, 4)))) return null;
    decoded = decodeBase64(clean, MAX_NESTED_BYTES * 2); how = 'base64';
  }
  if (!decoded || !how || decoded.length < 2) return null;
  if (isPickle(decoded)) return { how, bytes: decoded };
  const z = inflateZlib(decoded);
  return z && isPickle(z) ? { how: how === 'hex' ? 'hex+zlib' : 'base64+zlib', bytes: z } : null;
}

// First bytes of the compressed streams compressedHead recognises (the compressed sniff's table), cut to
// the 3 bytes that 4 base64 characters decode to.
const COMPRESSED_MAGICS = Object.values(CODEC_MAGIC).map((m) => m.slice(0, 3));

/** Whether decoded bytes open with the magic of a codec compressedHead recognises. */
export function compressedMagic(h: Uint8Array): boolean {
  return COMPRESSED_MAGICS.some((m) => m.every((x, i) => h[i] === x));
}

/**
 * A compressed stream carried as base64 or hex text (base64 of bz2.compress(pickle.dumps(x)) in a
 * string), decoded; null otherwise. Its first decoded bytes must be a codec's magic before the rest is
 * decoded (identifiers and hashes pass the alphabet tests), and the whole must pass compressedHead; the
 * caller scans the stream as a child by content, under the same bounds as a compressed bytes constant.
 */
export function encodedCompressed(v: string): { how: 'base64' | 'hex'; codec: string; bytes: Uint8Array } | null {
  if (v.length < MIN_ENCODED) return null;
  const t = v.trim();
  const magic = compressedMagic;
  let decoded: Uint8Array | null = null;
  let how: 'base64' | 'hex';
  if (/^(0x)?[0-9a-fA-F]+$/.test(t) && t.length % 2 === 0) {
    const h = t.startsWith('0x') ? t.slice(2) : t;
    if (!magic(decodeHex(h.slice(0, 6)))) return null;
    decoded = decodeHex(h, MAX_NESTED_BYTES * 2); how = 'hex';
  } else if (/^[A-Za-z0-9+/_\-\s]+={0,2}$/.test(t) && t.length >= 20) {
    const clean = t.replace(/\s+/g, '');
    if (!magic(decodeBase64(clean.slice(0, 4)))) return null;
    decoded = decodeBase64(clean, MAX_NESTED_BYTES * 2); how = 'base64';
  } else return null;
  const codec = decoded ? compressedHead(decoded) : null;
  return codec && decoded ? { how, codec, bytes: decoded } : null;
}
