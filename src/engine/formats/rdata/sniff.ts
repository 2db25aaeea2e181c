// Which nodes the R scanner takes, from the head alone: save() workspaces and serialize() streams by
// their headers, lazy-load databases (.rdb) by their first entry header. Kept apart from the parser,
// the judge and the entry decoders (xz, bzip2) so the registry can choose without loading them.
import type { Head, Sniff, Sniffer } from '../../types';
import { startsWith } from '../../io/text';

export interface RState { kind: 'stream' | 'workspace' | 'workspace-v1' | 'lazyload'; start: number }

const EXTENSIONS = ['.rds', '.rda', '.rdata', '.rdx', '.rdb'];

function sniff(head: Head): Sniff<RState> | null {
  const b = head.bytes;
  // save(): "RDX2\n" XDR, "RDA2\n" ASCII, "RDB2\n" binary; 3 since R 3.5 (saveload.c R_WriteMagic).
  if (b.length >= 5 && b[0] === 0x52 && b[1] === 0x44 && (b[2] === 0x58 || b[2] === 0x41 || b[2] === 0x42) && b[4] === 0x0a) {
    if (b[3] === 0x32 || b[3] === 0x33) return { confidence: 'magic', state: { kind: 'workspace', start: 5 } };
    if (b[3] === 0x31) return { confidence: 'magic', state: { kind: 'workspace-v1', start: 5 } };
  }
  if (streamHeader(b, 0)) return { confidence: 'magic', state: { kind: 'stream', start: 0 } };
  if (head.ext === '.rdb' && isLazyLoadDb(b)) return { confidence: 'structure', state: { kind: 'lazyload', start: 0 } };
  return null;
}

/** 'X\n' + big-endian 2|3, 'B\n' + native 2|3, 'A\n' + "2\n"|"3\n" + a writer version line. */
export function streamHeader(b: Uint8Array, at: number): boolean {
  if (b[at + 1] !== 0x0a) return false;
  if (b[at] === 0x58) return startsWith(b, [0, 0, 0], at + 2) && (b[at + 5] === 2 || b[at + 5] === 3);
  if (b[at] === 0x42) return (startsWith(b, [0, 0, 0], at + 3) && (b[at + 2] === 2 || b[at + 2] === 3))
    || (startsWith(b, [0, 0, 0], at + 2) && (b[at + 5] === 2 || b[at + 5] === 3));
  if (b[at] === 0x41) return (b[at + 2] === 0x32 || b[at + 2] === 0x33) && b[at + 3] === 0x0a && b[at + 4]! >= 0x30 && b[at + 4]! <= 0x39;
  return false;
}

// ---- lazy-load database entries (lazyload.ts walks them; the first one is the sniff)

/** Smallest serialized object: header (14 bytes) plus one item. */
const MIN_ENTRY_BYTES = 18;
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const BZH = [0x42, 0x5a, 0x68];

type EntryCodec = 'zlib' | 'xz' | 'bz2' | 'stored' | 'lzma2-raw';
export interface EntryHeader { offset: number; length: number; codec: EntryCodec; dataAt: number }

/** RFC 1950 2.2 header check (CM 8, FCHECK, no preset dictionary). */
function zlibAt(b: Uint8Array, at: number): boolean {
  const cmf = b[at], flg = b[at + 1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && (cmf * 256 + flg) % 31 === 0 && (flg & 0x20) === 0;
}

export function entryAt(b: Uint8Array, p: number, maxLength: number): EntryHeader | null {
  if (p + 6 > b.length) return null;
  const length = ((b[p]! << 24) >>> 0) + (b[p + 1]! << 16) + (b[p + 2]! << 8) + b[p + 3]!;
  if (length < MIN_ENTRY_BYTES || length > maxLength) return null;
  if (zlibAt(b, p + 4)) return { offset: p, length, codec: 'zlib', dataAt: p + 6 };
  const type = b[p + 4];
  if (type === 0x5a && startsWith(b, XZ, p + 5)) return { offset: p, length, codec: 'xz', dataAt: p + 5 };
  // R_compress3 (makeLazyLoadDB(compress = 3)) writes a raw LZMA2 stream (lzma_raw_encoder), no xz
  // container: its first byte is an LZMA2 chunk control byte (0x01 stored, 0xe0-0xff LZMA with a
  // dictionary reset, as a stream's first chunk must be). lzma2.ts wraps it for the xz decoder.
  if (type === 0x5a && (b[p + 5]! >= 0xe0 || b[p + 5] === 0x01)) return { offset: p, length, codec: 'lzma2-raw', dataAt: p + 5 };
  if (type === 0x32 && startsWith(b, BZH, p + 5)) return { offset: p, length, codec: 'bz2', dataAt: p + 5 };
  if (type === 0x31 && zlibAt(b, p + 5)) return { offset: p, length, codec: 'zlib', dataAt: p + 7 };
  if (type === 0x30 && b[p + 5] === 0x58 && b[p + 6] === 0x0a) return { offset: p, length, codec: 'stored', dataAt: p + 5 };
  return null;
}

export function isLazyLoadDb(head: Uint8Array): boolean {
  return entryAt(head, 0, 0x7fffffff) !== null;
}

export const rdataSniffer: Sniffer<RState> = { id: 'rdata', extensions: EXTENSIONS, sniff };
