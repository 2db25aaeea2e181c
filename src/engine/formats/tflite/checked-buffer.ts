// A flatbuffers ByteBuffer whose every read is bounds-checked. The flatc-generated accessors trust
// the bytes: the npm runtime reads `bytes_[i]` unchecked, so an offset past the buffer silently yields
// 0 (undefined | 0) and a hostile file steers them anywhere. Every accessor we call funnels through
// the read*/__string/__vector_len methods overridden here, so hostile offsets become errors instead.
// (The generated *Array() accessors read bytes() directly: parse.ts never calls them.)
//
// The bytes come from a RandomAccess: the file in memory (or its first bytes), or pages read on
// demand with ByteSource.readSync, so a multi-GB model is parsed without being copied into memory.
import { ByteBuffer } from 'flatbuffers';
import { FormatError, LimitExceeded } from '../../types';
import { utf8 } from '../../io/text';

/** A read inside the file but past the bytes held in memory (the window of a large file). */
export class OutsideWindow extends Error {
  constructor(readonly offset: number) {
    super(`offset ${offset} lies past the bytes read into memory`);
    this.name = 'OutsideWindow';
  }
}

export interface RandomAccess {
  /** Size of the whole file. */
  readonly size: number;
  /** Bytes [0, held) are readable; reads past it but inside `size` are OutsideWindow. */
  readonly held: number;
  byte(offset: number): number;
  /** Copy or view of [offset, offset + n), already bounds-checked by the caller. */
  slice(offset: number, n: number): Uint8Array;
}

export function inMemory(data: Uint8Array, fileSize: number): RandomAccess {
  return { size: fileSize, held: data.length, byte: (o) => data[o]!, slice: (o, n) => data.subarray(o, o + n) };
}

/** Page of a lazily read file. Small pages keep a scattered walk cheap. */
export const PAGE_BYTES = 64 * 1024;
/** Pages kept (64 MiB): bounds memory whatever the file size. */
export const MAX_PAGES = 1024;
/** Page loads per file (4 GiB of reads): bounds the time a hostile file that scatters its tables
 * across a huge file can cost; a converter-written model loads each page about once. */
export const MAX_PAGE_LOADS = 65_536;

/** Reads pages with a synchronous reader (ByteSource.readSync) as the accessors touch them. */
export function paged(readSync: (offset: number, length: number) => Uint8Array, size: number,
  onLoad: (bytes: number) => void = () => {}): RandomAccess {
  const cache = new Map<number, Uint8Array>();
  let loads = 0;
  let lastIndex = -1;
  let last: Uint8Array = new Uint8Array(0);
  const page = (index: number): Uint8Array => {
    if (index === lastIndex) return last;
    let p = cache.get(index);
    if (!p) {
      if (++loads > MAX_PAGE_LOADS) throw new LimitExceeded('tflitePageLoads', `more than ${MAX_PAGE_LOADS} page reads of ${PAGE_BYTES} bytes`);
      p = readSync(index * PAGE_BYTES, Math.min(PAGE_BYTES, size - index * PAGE_BYTES));
      onLoad(p.length);
      if (cache.size >= MAX_PAGES) cache.delete(cache.keys().next().value!);
      cache.set(index, p);
    }
    lastIndex = index;
    last = p;
    return p;
  };
  const byte = (o: number): number => {
    const p = page(Math.floor(o / PAGE_BYTES));
    const v = p[o % PAGE_BYTES];
    if (v === undefined) throw new FormatError(`short read at offset ${o}`, o);
    return v;
  };
  return {
    size, held: size, byte,
    slice(o, n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = byte(o + i);
      return out;
    },
  };
}

/** Bytes of one string decoded (names, custom codes); the rest is dropped. Bounds a hostile 2 GB name. */
export const MAX_STRING_BYTES = 1024 * 1024;
/** Bytes of strings decoded per model. Past it strings are cut to CLIPPED_STRING_BYTES: a file (or
 * its window) can hold millions of long names, and parse.ts keeps the ones it reports. */
export const MAX_DECODED_STRING_BYTES = 64 * 1024 * 1024;
export const CLIPPED_STRING_BYTES = 256;
/** Strings at least this long are decoded once per offset: tables may all share one long string. */
const CACHED_STRING_BYTES = 4096;

export class CheckedByteBuffer extends ByteBuffer {
  /** Strings cut short because MAX_DECODED_STRING_BYTES was spent or they exceed MAX_STRING_BYTES. */
  clippedStrings = 0;
  private decoded = 0;
  private readonly cache = new Map<number, string>();

  constructor(private readonly access: RandomAccess) {
    super(new Uint8Array(0));
  }

  /** Throws unless [offset, offset + n) lies inside the bytes held. */
  check(offset: number, n: number): void {
    const { held, size } = this.access;
    if (Number.isInteger(offset) && offset >= 0 && offset + n <= held) return;
    if (Number.isInteger(offset) && offset >= 0 && offset + n <= size) throw new OutsideWindow(offset);
    throw new FormatError(`flatbuffer offset ${offset} (+${n}) points outside the ${size}-byte file`, offset >= 0 ? offset : undefined);
  }

  override capacity(): number { return this.access.held; }

  // The base class builds every other read (signed, 64-bit, float) on these three.
  override readUint8(offset: number): number { this.check(offset, 1); return this.access.byte(offset); }
  override readUint16(offset: number): number {
    this.check(offset, 2);
    return this.access.byte(offset) | (this.access.byte(offset + 1) << 8);
  }
  override readInt32(offset: number): number {
    this.check(offset, 4);
    const b = this.access;
    return b.byte(offset) | (b.byte(offset + 1) << 8) | (b.byte(offset + 2) << 16) | (b.byte(offset + 3) << 24);
  }
  override readInt8(offset: number): number { this.check(offset, 1); return super.readInt8(offset); }
  override readInt16(offset: number): number { this.check(offset, 2); return super.readInt16(offset); }
  override readUint32(offset: number): number { this.check(offset, 4); return super.readUint32(offset); }
  override readInt64(offset: number): bigint { this.check(offset, 8); return super.readInt64(offset); }
  override readUint64(offset: number): bigint { this.check(offset, 8); return super.readUint64(offset); }
  override readFloat32(offset: number): number { this.check(offset, 4); return super.readFloat32(offset); }
  override readFloat64(offset: number): number { this.check(offset, 8); return super.readFloat64(offset); }

  /**
   * Vector length (flatbuffers: a uoffset to a u32 count followed by the elements). The count is
   * checked against the bytes left so no caller loops or allocates by a count the file cannot hold
   * (elements are at least one byte each).
   */
  override __vector_len(offset: number): number {
    const start = this.__vector(offset);
    const n = this.readUint32(start - 4);
    this.check(start, n);
    return n;
  }

  /** Strings: a uoffset to a u32 length and the UTF-8 bytes, all inside the file; decoded leniently. */
  override __string(offset: number): string {
    const at = offset + this.readInt32(offset);
    const length = this.readUint32(at);
    this.check(at + 4, length);
    const cached = this.cache.get(at);
    if (cached !== undefined) return cached;
    let n = Math.min(length, MAX_STRING_BYTES);
    if (this.decoded + n > MAX_DECODED_STRING_BYTES) n = Math.min(n, CLIPPED_STRING_BYTES);
    if (n < length) this.clippedStrings++;
    this.decoded += n;
    const text = utf8(this.access.slice(at + 4, n));
    if (n >= CACHED_STRING_BYTES) this.cache.set(at, text);
    return text;
  }
}
