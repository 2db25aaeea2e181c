// What the bytes and 7-Zip's own listing say about a 7z archive, as data (no judgement here).
// The start header is read directly (7zFormat.txt, "SignatureHeader"); members come from
// `7zz l -slt -ba`, whose records are "Key = Value" lines separated by blank lines. 7-Zip 24 prints
// control characters in names as '_', so a name cannot forge extra lines (see the listing test).
import { FormatError } from '../../types';

/** '7z' BC AF 27 1C (7zFormat.txt: kSignature). */
export const SIGNATURE = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
export const START_HEADER_BYTES = 32;
/** kEncodedHeader: the real header is packed (and possibly encrypted) in a stream of its own. */
const K_ENCODED_HEADER = 0x17;
/** 7zAES coder id 06 F1 07 01 (7-Zip DOC/Methods.txt). */
const AES_CODER_ID = [0x06, 0xf1, 0x07, 0x01];

export interface StartHeader {
  version: [number, number];
  nextHeaderOffset: number;
  nextHeaderSize: number;
  /** Where the archive ends: 32 + NextHeaderOffset + NextHeaderSize. */
  end: number;
}

const u64 = (b: Uint8Array, at: number): number => {
  let v = 0;
  for (let i = 7; i >= 0; i--) v = v * 256 + b[at + i]!;
  return v; // exact below 2^53; anything larger is past any real file and fails the size check
};

/** SignatureHeader: signature, version, StartHeaderCRC, NextHeaderOffset, NextHeaderSize, NextHeaderCRC. */
export function parseStartHeader(b: Uint8Array, fileSize: number): StartHeader {
  if (b.length < START_HEADER_BYTES) throw new FormatError('truncated 7z start header', 0);
  for (let i = 0; i < SIGNATURE.length; i++) if (b[i] !== SIGNATURE[i]) throw new FormatError('no 7z signature', 0);
  const nextHeaderOffset = u64(b, 12), nextHeaderSize = u64(b, 20);
  const end = START_HEADER_BYTES + nextHeaderOffset + nextHeaderSize;
  if (end > fileSize) throw new FormatError(`the 7z header ends at byte ${end}, past the end of the ${fileSize}-byte file`, 12);
  return { version: [b[6]!, b[7]!], nextHeaderOffset, nextHeaderSize, end };
}

/**
 * Whether the next header is an encoded header whose coders include 7zAES: the member list itself is
 * encrypted (`7z a -mhe=on`). `header` is the next header's bytes (small: it only describes one stream).
 */
export function headerIsEncrypted(header: Uint8Array): boolean {
  if (header[0] !== K_ENCODED_HEADER) return false;
  outer: for (let i = 1; i + AES_CODER_ID.length <= header.length; i++) {
    for (let k = 0; k < AES_CODER_ID.length; k++) if (header[i + k] !== AES_CODER_ID[k]) continue outer;
    return true;
  }
  return false;
}

export interface SevenZipEntry {
  /** 0-based position in the listing (= archive item order). */
  index: number;
  path: string;
  size?: number;
  /** Only on the first file of each block (folder): the block's packed bytes. */
  packedSize?: number;
  isDir: boolean;
  isSymlink: boolean;
  encrypted: boolean;
  method: string;
  /** Solid block (7z folder) the member's data sits in; undefined for empty files and directories. */
  block?: number;
  attributes: string;
}

const num = (v: string | undefined): number | undefined => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

/** Unix mode string at the end of 7-Zip's Attributes column ("A -rw-r--r--", "A lrwxrwxrwx"). */
const UNIX_MODE = /([-dlcbps])[-rwxsStT]{9}$/;

/**
 * Records of `7zz l -slt -ba` output. `maxEntries` bounds what is kept (the listing of a hostile
 * archive can be millions of records); `truncated` says more were printed.
 */
export function parseListing(lines: readonly string[], maxEntries: number): { entries: SevenZipEntry[]; truncated: boolean } {
  const entries: SevenZipEntry[] = [];
  let rec: Map<string, string> | null = null;
  let truncated = false;
  const flush = () => {
    if (!rec) return;
    if (entries.length >= maxEntries) { truncated = true; rec = null; return; }
    const attributes = rec.get('Attributes') ?? '';
    const mode = UNIX_MODE.exec(attributes)?.[1];
    entries.push({
      index: entries.length,
      path: rec.get('Path')!,
      size: num(rec.get('Size')),
      packedSize: num(rec.get('Packed Size')),
      isDir: rec.get('Folder') === '+' || attributes.startsWith('D') || mode === 'd',
      isSymlink: mode === 'l',
      encrypted: rec.get('Encrypted') === '+',
      method: rec.get('Method') ?? '',
      block: num(rec.get('Block')),
      attributes,
    });
    rec = null;
  };
  for (const line of lines) {
    if (line.trim() === '') { flush(); continue; }
    const eq = line.indexOf(' = ');
    const key = eq < 0 ? line.replace(/ =$/, '') : line.slice(0, eq);
    const value = eq < 0 ? '' : line.slice(eq + 3);
    if (key === 'Path') { flush(); rec = new Map(); }
    if (!rec) throw new FormatError(`unexpected line in the 7-Zip listing: ${line.slice(0, 80)}`);
    if (rec.has(key)) throw new FormatError(`repeated "${key}" in one record of the 7-Zip listing`);
    rec.set(key, value);
  }
  flush();
  return { entries, truncated };
}
