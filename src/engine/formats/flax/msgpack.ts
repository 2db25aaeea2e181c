// MessagePack headers (https://github.com/msgpack/msgpack/blob/master/spec.md, "Formats"). A header is
// the type byte plus at most 8 bytes of length or value; every length it declares is untrusted and is
// checked against the bytes left before anything is read or skipped. Nothing here allocates by a
// declared length: payloads stay in the file and are read by window.
import { FormatError } from '../../types';

export type MsgKind = 'nil' | 'bool' | 'int' | 'float' | 'str' | 'bin' | 'array' | 'map' | 'ext';

export interface MsgHeader {
  kind: MsgKind;
  /** Absolute offset of the type byte. */
  offset: number;
  /** Bytes of the header itself (type byte + length / value / ext type). */
  headerSize: number;
  /** str/bin/ext: payload bytes; array: items; map: entries; scalars: 0 (the value is in the header). */
  length: number;
  /** nil/bool/int/float value (ints past 2^53 lose precision; only shown, never used as a size). */
  value?: number | boolean | null;
  /** ext: the application type (-128..127). */
  extType?: number;
}

/**
 * Header bytes after the type byte, per type byte (spec table); -1 for 0xc1, which the spec says is
 * never used. fixint/fixmap/fixarray/fixstr/nil/bool carry everything in the type byte itself.
 */
const EXTRA = new Int8Array(256);
for (let b = 0xc0; b <= 0xdf; b++) {
  EXTRA[b] = ({
    0xc0: 0, 0xc1: -1, 0xc2: 0, 0xc3: 0, 0xc4: 1, 0xc5: 2, 0xc6: 4, 0xc7: 2, 0xc8: 3, 0xc9: 5, 0xca: 4, 0xcb: 8,
    0xcc: 1, 0xcd: 2, 0xce: 4, 0xcf: 8, 0xd0: 1, 0xd1: 2, 0xd2: 4, 0xd3: 8, 0xd4: 2, 0xd5: 2, 0xd6: 2, 0xd7: 2, 0xd8: 2,
    0xd9: 1, 0xda: 2, 0xdb: 4, 0xdc: 2, 0xdd: 4, 0xde: 2, 0xdf: 4,
  } as Record<number, number>)[b]!;
}

/** Most bytes a header occupies (type byte + ext32 length + ext type). */
export const MAX_HEADER_BYTES = 6;
/** Most bytes a header occupies including float64/uint64 values. */
export const MAX_HEADER_SPAN = 9;

/** Header bytes (type byte included) of the value starting with `type`. Throws on 0xc1. */
export function headerSize(type: number, offset: number): number {
  const extra = EXTRA[type]!;
  if (extra < 0) throw new FormatError(`byte 0x${type.toString(16)} is not a MessagePack type`, offset);
  return 1 + extra;
}

function beUint(b: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + b[at + i]!;
  return v;
}

function beInt(b: Uint8Array, at: number, n: number): number {
  const u = beUint(b, at, n);
  const half = 2 ** (8 * n - 1);
  return u >= half ? u - 2 * half : u;
}

/**
 * Decodes the header at b[at]. `offset` is its absolute position (for errors and findings). The caller
 * guarantees headerSize(b[at]) bytes are present.
 */
export function decodeHeader(b: Uint8Array, at: number, offset: number): MsgHeader {
  const t = b[at]!;
  const h = (kind: MsgKind, headerSize: number, length: number, value?: number | boolean | null): MsgHeader =>
    ({ kind, offset, headerSize, length, value });
  if (t <= 0x7f) return h('int', 1, 0, t);
  if (t <= 0x8f) return h('map', 1, t & 0x0f);
  if (t <= 0x9f) return h('array', 1, t & 0x0f);
  if (t <= 0xbf) return h('str', 1, t & 0x1f);
  if (t >= 0xe0) return h('int', 1, 0, t - 0x100);
  const size = headerSize(t, offset);
  const n = size - 1;
  switch (t) {
    case 0xc0: return h('nil', 1, 0, null);
    case 0xc2: return h('bool', 1, 0, false);
    case 0xc3: return h('bool', 1, 0, true);
    case 0xc4: case 0xc5: case 0xc6: return h('bin', size, beUint(b, at + 1, n));
    case 0xc7: case 0xc8: case 0xc9: {
      const e = h('ext', size, beUint(b, at + 1, n - 1));
      e.extType = beInt(b, at + n, 1);
      return e;
    }
    case 0xca: return h('float', size, 0, new DataView(b.buffer, b.byteOffset + at + 1, 4).getFloat32(0, false));
    case 0xcb: return h('float', size, 0, new DataView(b.buffer, b.byteOffset + at + 1, 8).getFloat64(0, false));
    case 0xcc: case 0xcd: case 0xce: case 0xcf: return h('int', size, 0, beUint(b, at + 1, n));
    case 0xd0: case 0xd1: case 0xd2: case 0xd3: return h('int', size, 0, beInt(b, at + 1, n));
    case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: {
      // fixext 1/2/4/8/16: the payload length is in the type byte, the ext type follows it.
      const e = h('ext', 2, 1 << (t - 0xd4));
      e.extType = beInt(b, at + 1, 1);
      return e;
    }
    case 0xd9: case 0xda: case 0xdb: return h('str', size, beUint(b, at + 1, n));
    case 0xdc: case 0xdd: return h('array', size, beUint(b, at + 1, n));
    default: return h('map', size, beUint(b, at + 1, n)); // 0xde, 0xdf
  }
}

/** Bytes the header's payload occupies after the header (str/bin/ext), 0 for the rest. */
export function payloadBytes(h: MsgHeader): number {
  return h.kind === 'str' || h.kind === 'bin' || h.kind === 'ext' ? h.length : 0;
}

/**
 * The least number of bytes the items a container declares can occupy (each value ≥ 1 byte, so a map
 * entry ≥ 2). A count above the bytes left is a lie: checked before walking, nothing is allocated.
 */
export function minimumBytes(h: MsgHeader): number {
  if (h.kind === 'array') return h.length;
  if (h.kind === 'map') return 2 * h.length;
  return payloadBytes(h);
}

/** Synchronous cursor over bytes already in memory (a head, an ext payload window). */
export class SyncCursor {
  pos: number;
  constructor(readonly bytes: Uint8Array, readonly base: number, start = 0) { this.pos = start; }

  get remaining(): number { return this.bytes.length - this.pos; }

  /** Next header, or null when the window ends inside it. Throws FormatError on a never-used byte. */
  header(): MsgHeader | null {
    if (this.pos >= this.bytes.length) return null;
    const size = headerSize(this.bytes[this.pos]!, this.base + this.pos);
    if (this.pos + size > this.bytes.length) return null;
    const h = decodeHeader(this.bytes, this.pos, this.base + this.pos);
    this.pos += h.headerSize;
    return h;
  }

  /** The payload of a str/bin/ext header when it is wholly in the window, else null. */
  payload(h: MsgHeader): Uint8Array | null {
    const n = payloadBytes(h);
    if (this.pos + n > this.bytes.length) return null;
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}
