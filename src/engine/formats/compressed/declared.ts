// What a compressed stream declares about its own output, read before decoding it (io/bomb.ts judges
// it): gzip's ISIZE (RFC 1952 2.3.1: the size modulo 2^32 of the last member, so never more than the
// real output), a Zstandard frame's Frame_Content_Size (RFC 8878 3.1.1.1.4), the LZMA-alone header's
// size (-1 = unknown), and the uncompressed sizes in an xz index (xz-file-format 4: the Index, found
// through the Stream Footer's Backward Size). Nothing is returned when the stream does not say.
import type { ByteSource } from '../../types';
import type { Codec } from './sniff';
import { parseFrameHeader } from './zstd';

/** xz indexes larger than this are not read for the arithmetic (a real one is 12 bytes per block). */
const XZ_INDEX_MAX_BYTES = 1024 * 1024;

/** A lower bound on the decompressed size of `input` as its own headers state it, or undefined. */
export async function declaredOutput(codec: Codec, input: ByteSource): Promise<number | undefined> {
  try {
    switch (codec) {
      case 'gzip': {
        if (input.size < 18) return undefined;
        const t = await input.read(input.size - 4, 4);
        return t.length === 4 ? (t[0]! | (t[1]! << 8) | (t[2]! << 16)) + t[3]! * 0x1000000 : undefined;
      }
      case 'zstd': {
        const b = await input.read(0, 18);
        if (b[0] !== 0x28 || b[1] !== 0xb5 || b[2] !== 0x2f || b[3] !== 0xfd) return undefined;
        return parseFrameHeader(b).contentSize;
      }
      case 'lzma': {
        const b = await input.read(5, 8);
        if (b.length < 8 || b.every((x) => x === 0xff)) return undefined;
        let n = 0;
        for (let i = 7; i >= 0; i--) n = n * 256 + b[i]!;
        return n;
      }
      case 'xz': return await xzIndexTotal(input);
      default: return undefined;
    }
  } catch {
    return undefined; // a header too broken to read is the decoder's to report
  }
}

/** Sum of the Uncompressed Size fields of the last stream's index. */
async function xzIndexTotal(input: ByteSource): Promise<number | undefined> {
  if (input.size < 32) return undefined;
  const footer = await input.read(input.size - 12, 12);
  if (footer[10] !== 0x59 || footer[11] !== 0x5a) return undefined; // 'YZ'
  const backward = ((footer[4]! | (footer[5]! << 8) | (footer[6]! << 16)) + footer[7]! * 0x1000000 + 1) * 4;
  if (backward > XZ_INDEX_MAX_BYTES || backward > input.size - 12) return undefined;
  const idx = await input.read(input.size - 12 - backward, backward);
  if (idx[0] !== 0x00) return undefined;
  let at = 1;
  const varint = (): number => {
    let v = 0, mul = 1;
    for (let i = 0; i < 9; i++) {
      const b = idx[at++];
      if (b === undefined) throw new Error('truncated index');
      v += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return v;
      mul *= 128;
    }
    throw new Error('varint too long');
  };
  const records = varint();
  if (records > backward) return undefined;
  let total = 0;
  for (let i = 0; i < records; i++) { varint(); total += varint(); }
  return total;
}
