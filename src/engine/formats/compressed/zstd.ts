// Zstandard (RFC 8878) frames, decoded block by block into the bounded Sink by zstd-block.ts (a
// hardened port of fzstd's decoder: fzstd itself looped forever or dropped a corrupt frame silently
// on fuzzed input). Every frame header is parsed and judged HERE, with a named window limit, before a
// byte of that frame is decoded; each block is read whole (at most 128 KiB) and decoded with work
// bounded by its output; the frame's declared content size and its XXH64 checksum are verified, so a
// corrupt frame is malformed, never silently short. Skippable frames (3.1.2) are stepped over.
import type { ByteSource } from '../../types';
import { readExact } from '../../io/byte-source';
import type { Sink } from './sink';
import { ZstdError } from './zstd-entropy';
import { ZstdFrameDecoder } from './zstd-block';
import { Xxh64 } from './xxhash64';

export { ZstdError };

/**
 * Largest window (decoder memory per frame) accepted: zstd's own ZSTD_WINDOWLOG_LIMIT_DEFAULT (2^27),
 * which `zstd -d` enforces unless given --memory / --long=31. A frame may declare up to 3.75 TiB
 * (fzstd: 2 GiB); without this cap a 20-byte file makes the decoder allocate that much.
 */
export const MAX_ZSTD_WINDOW_BYTES = 2 ** 27;
const ZSTD_MAGIC = 0xfd2fb528;
/** Skippable frames: magic 0x184D2A50-0x184D2A5F then a u32 length (RFC 8878 3.1.2). */
const SKIPPABLE_MASK = 0xfffffff0, SKIPPABLE = 0x184d2a50;
/** Input bytes cached per read while walking blocks. */
const WINDOW_BYTES = 1024 * 1024;
/** Block headers walked between abort polls. */
const ABORT_POLL_BLOCKS = 4096;

export interface ZstdFrameHeader {
  headerSize: number;
  windowSize: number;
  contentSize?: number;
  dictionaryId: number;
  checksum: boolean;
}

const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;

/** Frame header after the magic (RFC 8878 3.1.1.1). `b` starts at the magic; throws ZstdError. */
export function parseFrameHeader(b: Uint8Array): ZstdFrameHeader {
  if (b.length < 6) throw new ZstdError('truncated frame header');
  const fhd = b[4]!;
  const fcsFlag = fhd >> 6, single = (fhd & 0x20) !== 0, checksum = (fhd & 0x04) !== 0, dictFlag = fhd & 3;
  if (fhd & 0x08) throw new ZstdError('reserved bit set in the frame header descriptor');
  let at = 5;
  let windowSize = 0;
  if (!single) {
    const wd = b[at++]!;
    const base = 2 ** (10 + (wd >> 3));
    windowSize = base + (base / 8) * (wd & 7);
  }
  const dictBytes = [0, 1, 2, 4][dictFlag]!;
  const fcsBytes = fcsFlag === 0 ? (single ? 1 : 0) : 2 ** fcsFlag;
  if (b.length < at + dictBytes + fcsBytes) throw new ZstdError('truncated frame header');
  let dictionaryId = 0;
  for (let i = dictBytes - 1; i >= 0; i--) dictionaryId = dictionaryId * 256 + b[at + i]!;
  at += dictBytes;
  let contentSize: number | undefined;
  if (fcsBytes) {
    contentSize = 0;
    for (let i = fcsBytes - 1; i >= 0; i--) contentSize = contentSize * 256 + b[at + i]!;
    if (fcsBytes === 2) contentSize += 256;
    at += fcsBytes;
  }
  if (single) windowSize = contentSize!;
  return { headerSize: at, windowSize, contentSize, dictionaryId, checksum };
}

/** A cached read window over the source, so walking tiny block headers does not mean tiny reads. */
class Cursor {
  private start = 0;
  private buf: Uint8Array = new Uint8Array(0);
  constructor(private readonly src: ByteSource) {}
  async get(pos: number, n: number): Promise<Uint8Array> {
    if (pos < this.start || pos + n > this.start + this.buf.length) {
      this.start = pos;
      this.buf = await readExact(this.src, pos, Math.min(Math.max(n, WINDOW_BYTES), this.src.size - pos));
    }
    return this.buf.subarray(pos - this.start, pos - this.start + n);
  }
}

export type ZstdOutcome =
  | { kind: 'done' }
  | { kind: 'window'; offset: number; windowSize: number }
  | { kind: 'dictionary'; offset: number; dictionaryId: number };

/**
 * Decodes every frame of `src` into `sink`; stops early when the sink is full or a frame asks for
 * more than MAX_ZSTD_WINDOW_BYTES or a dictionary. Throws ZstdError (or fzstd's error) when malformed.
 */
export async function decodeZstd(src: ByteSource, sink: Sink, checkAborted: () => void): Promise<ZstdOutcome> {
  const cur = new Cursor(src);
  let pos = 0, frames = 0;
  while (pos < src.size && !sink.full) {
    checkAborted();
    if (pos + 4 > src.size) throw new ZstdError(`${src.size - pos} stray bytes after the frame ending at ${pos}`);
    const magic = u32(await cur.get(pos, 4), 0);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE) {
      if (pos + 8 > src.size) throw new ZstdError(`truncated skippable frame at ${pos}`);
      const len = u32(await cur.get(pos + 4, 4), 0);
      if (pos + 8 + len > src.size) throw new ZstdError(`skippable frame at ${pos} runs past the end`);
      pos += 8 + len;
      continue;
    }
    if (magic !== ZSTD_MAGIC) {
      throw new ZstdError(frames === 0 ? 'no Zstandard frame magic' : `${src.size - pos} bytes after the last frame are not a Zstandard frame`);
    }
    const header = parseFrameHeader(await cur.get(pos, Math.min(18, src.size - pos)));
    if (header.windowSize > MAX_ZSTD_WINDOW_BYTES) return { kind: 'window', offset: pos, windowSize: header.windowSize };
    if (header.dictionaryId !== 0) return { kind: 'dictionary', offset: pos, dictionaryId: header.dictionaryId };
    const end = await decodeFrame(src, cur, pos, header, sink, checkAborted);
    frames++;
    pos = end;
  }
  return { kind: 'done' };
}

/**
 * Decodes the frame at `start` block by block into `sink`, stopping as soon as the sink is full.
 * Returns the frame's end. Throws ZstdError when a block, the content size or the checksum is wrong.
 */
async function decodeFrame(src: ByteSource, cur: Cursor, start: number, h: ZstdFrameHeader, sink: Sink, checkAborted: () => void): Promise<number> {
  const size = src.size;
  const frame = new ZstdFrameDecoder(h.windowSize, h.contentSize);
  const hash = h.checksum ? new Xxh64() : undefined;
  let pos = start + h.headerSize;
  for (let n = 0; ; n++) {
    if (n % ABORT_POLL_BLOCKS === 0) checkAborted();
    if (pos + 3 > size) throw new ZstdError(`truncated block header at ${pos}`);
    const b = await cur.get(pos, 3);
    const word = b[0]! | (b[1]! << 8) | (b[2]! << 16);
    const last = word & 1, type = (word >> 1) & 3, blockSize = word >>> 3;
    if (type === 3) throw new ZstdError(`reserved block type at ${pos}`);
    if (blockSize > frame.blockMax) throw new ZstdError(`block of ${blockSize} bytes at ${pos} exceeds the block maximum ${frame.blockMax}`);
    const stored = type === 1 ? 1 : blockSize; // RLE blocks hold one byte (3.1.1.2.2)
    if (pos + 3 + stored > size) throw new ZstdError(`block at ${pos} runs past the end`);
    let out: Uint8Array;
    try {
      out = frame.block(type, await cur.get(pos + 3, stored), blockSize);
    } catch (e) {
      if (e instanceof ZstdError) throw new ZstdError(`${e.message} (block at ${pos})`);
      throw e;
    }
    pos += 3 + stored;
    hash?.update(out);
    if (out.length && !sink.push(out)) return pos;
    if (last) break;
  }
  frame.finish();
  if (!hash) return pos;
  if (pos + 4 > size) throw new ZstdError('truncated content checksum');
  const c = await cur.get(pos, 4);
  const stored = (c[0]! | (c[1]! << 8) | (c[2]! << 16) | (c[3]! << 24)) >>> 0;
  if (stored !== hash.digestLow32()) throw new ZstdError(`content checksum mismatch for the frame at ${start}`);
  return pos + 4;
}
