// R's lazy-load databases compressed with makeLazyLoadDB(compress = 3) store each entry as a raw LZMA2
// stream (R src/main/serialize.c R_compress3: lzma_raw_encoder, LZMA2 filter, preset 9|EXTREME). The
// bundled xz decoder reads only the .xz container, so the raw stream is wrapped in a minimal one
// (xz-file-format 1.0.4: stream header, one block with the LZMA2 filter, no check, index, footer).
// The raw stream's end is found by walking its chunk headers (LZMA2: control byte 0x00 ends it, 0x01/0x02
// are stored chunks, 0x80-0xff LZMA chunks with packed and unpacked sizes), never by decoding.
import { crc32 } from '../../io/crc32';

/** Length of the raw LZMA2 stream starting at `at`, or null when its chunk headers run past `end`. */
export function lzma2Length(b: Uint8Array, at: number, end = b.length): number | null {
  let p = at;
  for (let chunks = 0; p < end && chunks < 1 << 24; chunks++) {
    const c = b[p]!;
    if (c === 0x00) return p + 1 - at;
    if (c === 0x01 || c === 0x02) {
      if (p + 3 > end) return null;
      p += 3 + ((b[p + 1]! << 8) | b[p + 2]!) + 1;
    } else if (c >= 0x80) {
      if (p + 5 > end) return null;
      p += 5 + (c >= 0xc0 ? 1 : 0) + ((b[p + 3]! << 8) | b[p + 4]!) + 1;
    } else return null; // 0x03-0x7f are invalid control bytes
  }
  return null;
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) { out.push((n & 0x7f) | 0x80); n = Math.floor(n / 128); }
  out.push(n);
  return out;
}

function le32(n: number): number[] { return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]; }

/** An .xz file holding `raw` (a complete raw LZMA2 stream) that decodes to `uncompressed` bytes. */
export function wrapLzma2(raw: Uint8Array, uncompressed: number): Uint8Array {
  const flags = [0x00, 0x00]; // check type None
  const streamHeader = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, ...flags, ...le32(crc32(new Uint8Array(flags)))];
  // Block header: size/4-1, flags (one filter, no sizes), LZMA2 filter id 0x21, 1 property byte: the
  // dictionary size 64 MiB (2^(28/2+12)), R's preset 9 dictionary, padded to 8 bytes, then its CRC32.
  const bh = [0x02, 0x00, 0x21, 0x01, 28, 0x00, 0x00, 0x00];
  const blockHeader = [...bh, ...le32(crc32(new Uint8Array(bh)))];
  const unpadded = blockHeader.length + raw.length;
  const blockPadding = (4 - (unpadded % 4)) % 4;
  const index = [0x00, ...varint(1), ...varint(unpadded), ...varint(uncompressed)];
  while (index.length % 4 !== 0) index.push(0);
  const indexFull = [...index, ...le32(crc32(new Uint8Array(index)))];
  const backward = [...le32(indexFull.length / 4 - 1), ...flags];
  const footer = [...le32(crc32(new Uint8Array(backward))), ...backward, 0x59, 0x5a];
  const out = new Uint8Array(streamHeader.length + blockHeader.length + raw.length + blockPadding + indexFull.length + footer.length);
  let at = 0;
  for (const part of [streamHeader, blockHeader]) { out.set(part, at); at += part.length; }
  out.set(raw, at); at += raw.length + blockPadding;
  for (const part of [indexFull, footer]) { out.set(part, at); at += part.length; }
  return out;
}
