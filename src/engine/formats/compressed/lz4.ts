// LZ4 frame decoder (lz4 Frame Format Description 1.6.x and Block Format Description), reading one
// block at a time from the source and writing into the bounded Sink. Written here rather than pulled
// in: it is small, and the npm decoders allocate the declared output size up front. Checksums are not
// verified (they protect against corruption, not attackers: the output is scanned either way).
import type { ByteSource } from '../../types';
import { readExact } from '../../io/byte-source';
import type { Sink } from './sink';

const FRAME_MAGIC = 0x184d2204;
/** Skippable frames: magic 0x184D2A50-0x184D2A5F, then a u32 length (Frame format 'Skippable Frames'). */
const SKIPPABLE_MASK = 0xfffffff0, SKIPPABLE = 0x184d2a50;
/** Block maximum sizes by BD bits 6-4 (4: 64 KiB ... 7: 4 MiB). */
const BLOCK_MAX: Record<number, number> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 };
/** Matches reach back at most 64 KiB (Block format: offset is 16 bits). */
const HISTORY = 64 * 1024;

export class Lz4Error extends Error {}

const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;

/** Decodes every frame in `src`; returns the offset where decoding stopped. Throws Lz4Error when malformed. */
export async function decodeLz4(src: ByteSource, sink: Sink, checkAborted: () => void): Promise<number> {
  let pos = 0;
  while (pos + 4 <= src.size && !sink.full) {
    checkAborted();
    const magic = u32(await readExact(src, pos, 4), 0);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE) {
      if (pos + 8 > src.size) throw new Lz4Error(`truncated skippable frame at ${pos}`);
      pos += 8 + u32(await readExact(src, pos + 4, 4), 0);
      continue;
    }
    if (magic !== FRAME_MAGIC) {
      if (pos === 0) throw new Lz4Error('no LZ4 frame magic');
      return pos; // not another frame: the caller judges the rest
    }
    pos = await decodeFrame(src, pos + 4, sink, checkAborted);
  }
  return Math.min(pos, src.size);
}

async function decodeFrame(src: ByteSource, at: number, sink: Sink, checkAborted: () => void): Promise<number> {
  if (at + 3 > src.size) throw new Lz4Error('truncated frame descriptor');
  const d = await readExact(src, at, Math.min(src.size - at, 15));
  const flg = d[0]!, bd = d[1]!;
  if (flg >> 6 !== 1) throw new Lz4Error(`unsupported frame version ${flg >> 6}`);
  const blockChecksum = (flg & 0x10) !== 0, contentSize = (flg & 0x08) !== 0;
  const contentChecksum = (flg & 0x04) !== 0, dictId = (flg & 0x01) !== 0;
  const blockMax = BLOCK_MAX[(bd >> 4) & 7];
  if (blockMax === undefined) throw new Lz4Error(`invalid block maximum size code ${(bd >> 4) & 7}`);
  if (dictId) throw new Lz4Error('frames that need a preset dictionary are not supported');
  let pos = at + 2 + (contentSize ? 8 : 0) + 1; // FLG, BD, [content size], HC
  let history: Uint8Array = new Uint8Array(0);
  for (;;) {
    checkAborted();
    if (pos + 4 > src.size) throw new Lz4Error(`truncated block header at ${pos}`);
    const word = u32(await readExact(src, pos, 4), 0);
    pos += 4;
    if (word === 0) break; // EndMark
    const size = word & 0x7fffffff;
    if (size > blockMax || pos + size > src.size) throw new Lz4Error(`block of ${size} bytes at ${pos - 4} is too large or truncated`);
    const block = await readExact(src, pos, size);
    pos += size + (blockChecksum ? 4 : 0);
    let out: Uint8Array;
    if (word & 0x80000000) {
      out = block; // stored uncompressed
    } else {
      const buf = new Uint8Array(history.length + blockMax);
      buf.set(history);
      const end = decodeBlock(block, buf, history.length);
      out = buf.subarray(history.length, end);
      history = buf.subarray(Math.max(0, end - HISTORY), end).slice();
    }
    if (word & 0x80000000) history = concatTail(history, out);
    if (!sink.push(out)) return pos;
  }
  return pos + (contentChecksum ? 4 : 0);
}

function concatTail(history: Uint8Array, out: Uint8Array): Uint8Array {
  const joined = new Uint8Array(Math.min(HISTORY, history.length + out.length));
  const fromOut = Math.min(out.length, joined.length);
  const fromHist = joined.length - fromOut;
  joined.set(history.subarray(history.length - fromHist), 0);
  joined.set(out.subarray(out.length - fromOut), fromHist);
  return joined;
}

/** One LZ4 block into dst from `start`; matches may reach into dst[0..start) (the previous blocks). */
function decodeBlock(src: Uint8Array, dst: Uint8Array, start: number): number {
  let s = 0, o = start;
  while (s < src.length) {
    const token = src[s++]!;
    let lit = token >> 4;
    if (lit === 15) { let b; do { b = src[s++]; if (b === undefined) throw new Lz4Error('truncated literal length'); lit += b; } while (b === 255); }
    if (s + lit > src.length || o + lit > dst.length) throw new Lz4Error('literals run past the block');
    dst.set(src.subarray(s, s + lit), o);
    s += lit; o += lit;
    if (s === src.length) break; // the last sequence has literals only
    if (s + 2 > src.length) throw new Lz4Error('truncated match offset');
    const offset = src[s]! | (src[s + 1]! << 8);
    s += 2;
    if (offset === 0 || offset > o) throw new Lz4Error(`match offset ${offset} reaches before the data`);
    let len = (token & 15) + 4;
    if ((token & 15) === 15) { let b; do { b = src[s++]; if (b === undefined) throw new Lz4Error('truncated match length'); len += b; } while (b === 255); }
    if (o + len > dst.length) throw new Lz4Error('match runs past the block maximum size');
    for (let k = 0; k < len; k++, o++) dst[o] = dst[o - offset]!;
  }
  return o;
}
