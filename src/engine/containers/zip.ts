// ZIP container: lists members from the central directory, the way Python's zipfile and PyTorch's
// miniz read archives, and records structural facts (anomalies) for the scanner to judge. No findings
// here. Spec: PKWARE APPNOTE.TXT 6.3.x (section numbers cited at each decode site).
// Reads only the tail (EOCD search), the ZIP64 records, the central directory (one bounded read) and
// one local header per member: listing a 4 GiB archive costs a few KiB per member, never the data.
import { FormatError, type ByteSource } from '../types';
import type { Budget, Limits } from '../limits';
import { Reader, u16leAt, u32leAt } from '../io/reader';
import { readExact } from '../io/byte-source';
import { utf8, utf8Strict } from '../io/text';
import { crc32 } from '../io/crc32';
import { inflateRawBounded, type InflateCut } from '../io/inflate';
import { findLayoutAnomalies } from './zip-layout';

const SIG_LOCAL = 0x04034b50;        // 4.3.7 local file header
const SIG_CENTRAL = 0x02014b50;      // 4.3.12 central directory file header
const SIG_EOCD = 0x06054b50;         // 4.3.16 end of central directory record
const SIG_ZIP64_EOCD = 0x06064b50;   // 4.3.14 zip64 end of central directory record
const SIG_ZIP64_LOCATOR = 0x07064b50; // 4.3.15 zip64 end of central directory locator
const EOCD_SIZE = 22;
const ZIP64_EOCD_SIZE = 56;
const ZIP64_LOCATOR_SIZE = 20;
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
/** 4.3.16: the EOCD comment is at most 65535 bytes, so the record starts within the last 65535+22. */
const EOCD_SEARCH_BYTES = 0xffff + EOCD_SIZE;
/**
 * Most central-directory bytes read in one go. Real archives need ~100 bytes per member (a
 * 10,000-tensor checkpoint: ~1.5 MiB); a forged cd size must not make us allocate gigabytes.
 */
export const MAX_CENTRAL_DIRECTORY_BYTES = 64 * 1024 * 1024;

export const FLAG_ENCRYPTED = 0x0001;        // 4.4.4 bit 0
export const FLAG_DATA_DESCRIPTOR = 0x0008;  // 4.4.4 bit 3: crc/sizes follow the data
export const FLAG_STRONG_ENCRYPTION = 0x0040; // 4.4.4 bit 6
export const FLAG_UTF8 = 0x0800;             // 4.4.4 bit 11: name and comment are UTF-8
export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;
const HOST_UNIX = 3;                         // 4.4.2.2 "version made by" upper byte
const S_IFMT = 0o170000, S_IFLNK = 0o120000, S_IFDIR = 0o040000;

export interface ZipLocalHeader {
  name: string; method: number; flags: number; crc32: number; compressedSize: number; uncompressedSize: number;
}

export interface ZipEntry {
  index: number;               // position in the central directory
  name: string;                // decoded: UTF-8 when flagged (or valid), else CP437 like Python's zipfile
  nameBytes: Uint8Array;
  utf8: boolean;               // general purpose bit 11
  unicodePath?: string;        // Info-ZIP Unicode Path extra (0x7075): some extractors use it instead
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  centralOffset: number;       // where this entry's central record starts
  localHeaderOffset: number;   // absolute (prepended-data bias applied)
  dataOffset: number | null;   // null when the local header is missing or the data runs past the end
  madeBy: number;
  externalAttrs: number;
  isSymlink: boolean;
  isDir: boolean;
  encrypted: boolean;          // bit 0 or bit 6
  local?: ZipLocalHeader;
}

export type ZipAnomaly =
  | { kind: 'local-mismatch'; entry: number; fields: string[]; localName: string }
  | { kind: 'bad-local-header'; entry: number; offset: number; reason: string }
  | { kind: 'prepended-data' | 'gap' | 'trailing-data'; start: number; end: number }
  | { kind: 'overlap'; entry: number; other: number | 'central-directory'; start: number; end: number }
  | { kind: 'count-mismatch'; declared: number; found: number }
  | { kind: 'multiple-eocd'; offsets: number[] }
  | { kind: 'bad-central-entry'; entry: number; offset: number; reason: string };

export interface ZipListing {
  entries: ZipEntry[];
  cdOffset: number;            // absolute
  cdSize: number;
  eocdOffset: number;
  zip64: boolean;
  comment: string;
  /** Entries the end records declare. */
  declaredEntries: number;
  /** True when more entries existed than limits.maxMembers (or the CD read cap) allowed to list. */
  truncated: boolean;
  /** Bytes prepended before the archive proper (self-extractor stubs); added to every stored offset. */
  bias: number;
  anomalies: ZipAnomaly[];
}

// CP437, upper half (APPNOTE appendix D: names without bit 11 are IBM code page 437).
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

export function decodeZipText(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return utf8(bytes);
  const strict = utf8Strict(bytes);
  if (strict !== null) return strict; // many tools write UTF-8 without the flag
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80]!;
  return s;
}

/** Lists a zip. Throws FormatError when the bytes cannot be a zip at all. */
export async function listZip(source: ByteSource, limits: Pick<Limits, 'maxMembers'>): Promise<ZipListing> {
  const size = source.size;
  if (size < EOCD_SIZE) throw new FormatError(`too small for a zip (${size} bytes)`);
  const anomalies: ZipAnomaly[] = [];

  // 4.3.16: find the EOCD by scanning back. A comment can hold a fake record: prefer the last one whose
  // comment ends exactly at the end of the file (Python's zipfile and miniz also take the last one).
  const tailStart = Math.max(0, size - EOCD_SEARCH_BYTES);
  const tail = await readExact(source, tailStart, size - tailStart);
  const found: number[] = [];
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (u32leAt(tail, i) !== SIG_EOCD) continue;
    found.push(i);
    if (at < 0 && i + EOCD_SIZE + u16leAt(tail, i + 20) === tail.length) at = i;
  }
  if (found.length === 0) throw new FormatError('no end of central directory record');
  if (at < 0) at = found[0]!;
  // A record inside the chosen one's comment is one that tools taking the last signature would use.
  const rivals = found.filter((i) => i > at || (i < at && i + EOCD_SIZE + u16leAt(tail, i + 20) === tail.length));
  if (rivals.length) anomalies.push({ kind: 'multiple-eocd', offsets: [at, ...rivals].map((i) => tailStart + i) });
  const eocdOffset = tailStart + at;
  const e = new Reader(tail.subarray(at), eocdOffset).skip(4);
  e.skip(4); // disk numbers (multi-disk archives are read as one disk, like zipfile)
  e.u16le();
  let declaredEntries = e.u16le();
  let cdSize = e.u32le();
  let cdOffset = e.u32le();
  const commentLength = e.u16le();
  const commentBytes = tail.subarray(at + EOCD_SIZE, Math.min(tail.length, at + EOCD_SIZE + commentLength));
  const eocdEnd = eocdOffset + EOCD_SIZE + commentBytes.length;
  if (eocdEnd < size) anomalies.push({ kind: 'trailing-data', start: eocdEnd, end: size });

  // 4.3.14/4.3.15: ZIP64. Like zipfile, also look for the record right before the locator, where it
  // always sits in a single-disk archive, when the locator's offset is wrong.
  let zip64 = false;
  let cdEnd = eocdOffset; // where the CD must end (start of the zip64 record or of the EOCD)
  if (eocdOffset >= ZIP64_LOCATOR_SIZE) {
    const loc = await readExact(source, eocdOffset - ZIP64_LOCATOR_SIZE, ZIP64_LOCATOR_SIZE);
    if (u32leAt(loc, 0) === SIG_ZIP64_LOCATOR) {
      const stated = new Reader(loc, eocdOffset - ZIP64_LOCATOR_SIZE).skip(8).u64le();
      const beside = eocdOffset - ZIP64_LOCATOR_SIZE - ZIP64_EOCD_SIZE;
      for (const pos of [stated, beside]) {
        if (!(pos >= 0 && pos + ZIP64_EOCD_SIZE <= eocdOffset)) continue;
        const rec = await readExact(source, pos, ZIP64_EOCD_SIZE);
        if (u32leAt(rec, 0) !== SIG_ZIP64_EOCD) continue;
        const r = new Reader(rec, pos).skip(4 + 8 + 2 + 2 + 4 + 4 + 8);
        declaredEntries = r.u64le();
        cdSize = r.u64le();
        cdOffset = r.u64le();
        zip64 = true;
        cdEnd = pos;
        break;
      }
    }
  }
  if (!zip64 && (cdSize === 0xffffffff || cdOffset === 0xffffffff)) {
    throw new FormatError('end record needs ZIP64 values but there is no ZIP64 end record', eocdOffset);
  }
  if (!Number.isFinite(cdSize) || !Number.isFinite(cdOffset) || cdSize > cdEnd || cdOffset > cdEnd - cdSize) {
    throw new FormatError(`central directory (offset ${cdOffset}, ${cdSize} bytes) does not fit before the end record`, eocdOffset);
  }

  // Bytes between the CD's stated end and the end record: either data prepended to the whole archive
  // (self-extractor stub; zipfile shifts every offset by it) or a gap. The CD signature decides.
  let bias = cdEnd - cdSize - cdOffset;
  if (cdSize > 0 && bias > 0) {
    const sig = await readExact(source, cdOffset + bias, 4);
    if (u32leAt(sig, 0) !== SIG_CENTRAL) bias = 0;
  }
  const cdStart = cdOffset + bias;
  let truncated = false;
  const readLength = Math.min(cdSize, MAX_CENTRAL_DIRECTORY_BYTES);
  if (readLength < cdSize) truncated = true;
  const cd = cdSize > 0 ? await readExact(source, cdStart, readLength) : new Uint8Array(0);
  if (cd.length >= 4 && u32leAt(cd, 0) !== SIG_CENTRAL) {
    throw new FormatError(`no central directory at offset ${cdStart}`, cdStart);
  }

  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + CENTRAL_SIZE <= cd.length && u32leAt(cd, p) === SIG_CENTRAL) {
    if (entries.length >= limits.maxMembers) { truncated = true; break; }
    const entry = parseCentral(cd, p, cdStart, entries.length, bias, anomalies);
    if (!entry) break;
    entries.push(entry.entry);
    p = entry.next;
  }
  if (!truncated && entries.length !== declaredEntries) {
    anomalies.push({ kind: 'count-mismatch', declared: declaredEntries, found: entries.length });
  }

  for (const entry of entries) await readLocal(source, entry, anomalies);
  anomalies.push(...findLayoutAnomalies(entries, { cdStart, cdSize, cdEnd: cdEnd, truncated }));

  return {
    entries, cdOffset: cdStart, cdSize, eocdOffset, zip64, declaredEntries, truncated, bias, anomalies,
    comment: decodeZipText(commentBytes, false),
  };
}

/** 4.3.12 central directory file header, with the 4.5.3 ZIP64 and Info-ZIP 0x7075 extra fields. */
function parseCentral(cd: Uint8Array, p: number, cdStart: number, index: number, bias: number,
  anomalies: ZipAnomaly[]): { entry: ZipEntry; next: number } | null {
  const r = new Reader(cd, cdStart).seek(p + 4);
  const madeBy = r.u16le();
  r.u16le(); // version needed
  const flags = r.u16le();
  const method = r.u16le();
  r.skip(4); // dos time, date
  const crc = r.u32le();
  let compressedSize = r.u32le();
  let uncompressedSize = r.u32le();
  const nameLength = r.u16le(), extraLength = r.u16le(), commentLength = r.u16le();
  const diskStart = r.u16le();
  r.u16le(); // internal attributes
  const externalAttrs = r.u32le();
  let localHeaderOffset = r.u32le();
  if (r.remaining < nameLength + extraLength + commentLength) {
    anomalies.push({ kind: 'bad-central-entry', entry: index, offset: cdStart + p, reason: 'name, extra and comment run past the central directory' });
    return null;
  }
  const nameBytes = r.bytesN(nameLength);
  const extra = r.bytesN(extraLength);
  r.skip(commentLength);

  let unicodePath: string | undefined;
  for (let x = 0; x + 4 <= extra.length;) {
    const id = u16leAt(extra, x), len = u16leAt(extra, x + 2);
    const body = extra.subarray(x + 4, x + 4 + len);
    x += 4 + len;
    if (body.length < len) break;
    if (id === 0x0001) {
      // 4.5.3: only the fields whose header value is saturated are present, in this order.
      const z = new Reader(body);
      try {
        if (uncompressedSize === 0xffffffff) uncompressedSize = z.u64le();
        if (compressedSize === 0xffffffff) compressedSize = z.u64le();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = z.u64le();
        if (diskStart === 0xffff) z.u32le();
      } catch {
        anomalies.push({ kind: 'bad-central-entry', entry: index, offset: cdStart + p, reason: 'ZIP64 extra field too short' });
      }
    } else if (id === 0x7075 && body.length > 5 && body[0] === 1) {
      unicodePath = utf8(body.subarray(5)); // version 1, CRC-32 of the header name, UTF-8 name
    }
  }

  const utf8Flag = (flags & FLAG_UTF8) !== 0;
  const name = decodeZipText(nameBytes, utf8Flag);
  const unix = madeBy >> 8 === HOST_UNIX;
  const mode = externalAttrs >>> 16;
  const entry: ZipEntry = {
    index, name, nameBytes, utf8: utf8Flag, method, flags, crc32: crc, compressedSize, uncompressedSize,
    centralOffset: cdStart + p, localHeaderOffset: localHeaderOffset + bias, dataOffset: null,
    madeBy, externalAttrs,
    isSymlink: unix && (mode & S_IFMT) === S_IFLNK,
    isDir: name.endsWith('/') || (unix && (mode & S_IFMT) === S_IFDIR) || (!unix && (externalAttrs & 0x10) !== 0),
    encrypted: (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0,
  };
  if (unicodePath !== undefined) entry.unicodePath = unicodePath;
  return { entry, next: r.pos };
}

export interface LocalRecord extends ZipLocalHeader { nameBytes: Uint8Array; offset: number; dataOffset: number }

/**
 * 4.3.7 local file header at `off`, or null when there is none. `nameLength` (the central record's)
 * lets the usual case read header and name in one request.
 */
export async function readLocalHeader(source: ByteSource, off: number, nameLength = 0): Promise<LocalRecord | null> {
  if (!Number.isFinite(off) || off < 0 || off + LOCAL_SIZE > source.size) return null;
  const head = await source.read(off, LOCAL_SIZE + nameLength);
  if (head.length < LOCAL_SIZE || u32leAt(head, 0) !== SIG_LOCAL) return null;
  const r = new Reader(head, off).skip(4);
  r.u16le(); // version needed
  const flags = r.u16le(), method = r.u16le();
  r.skip(4); // dos time, date
  const crc = r.u32le(), compressedSize = r.u32le(), uncompressedSize = r.u32le();
  const localNameLength = r.u16le(), extraLength = r.u16le();
  const nameBytes = head.length >= LOCAL_SIZE + localNameLength
    ? head.subarray(LOCAL_SIZE, LOCAL_SIZE + localNameLength)
    : await source.read(off + LOCAL_SIZE, localNameLength);
  return {
    name: decodeZipText(nameBytes, (flags & FLAG_UTF8) !== 0), nameBytes, method, flags, crc32: crc,
    compressedSize, uncompressedSize, offset: off, dataOffset: off + LOCAL_SIZE + localNameLength + extraLength,
  };
}

/** Finds where the member's data starts, and whether the local header agrees with the central record. */
async function readLocal(source: ByteSource, entry: ZipEntry, anomalies: ZipAnomaly[]): Promise<void> {
  const off = entry.localHeaderOffset;
  const bad = (reason: string) => anomalies.push({ kind: 'bad-local-header', entry: entry.index, offset: off, reason });
  const local = await readLocalHeader(source, off, entry.nameBytes.length);
  if (!local) return void bad('no local header at the offset the central directory gives');
  entry.local = { name: local.name, method: local.method, flags: local.flags, crc32: local.crc32,
    compressedSize: local.compressedSize, uncompressedSize: local.uncompressedSize };
  const fields: string[] = [];
  if (!sameBytes(local.nameBytes, entry.nameBytes)) fields.push('name');
  if (local.method !== entry.method) fields.push('method');
  if ((local.flags & FLAG_ENCRYPTED) !== (entry.flags & FLAG_ENCRYPTED)) fields.push('encryption flag');
  // With a data descriptor (bit 3) the local crc/sizes may be zero; ZIP64 locals store 0xFFFFFFFF.
  if (!(local.flags & FLAG_DATA_DESCRIPTOR) && !(entry.flags & FLAG_DATA_DESCRIPTOR)) {
    if (local.crc32 !== entry.crc32) fields.push('crc32');
    if (local.compressedSize !== 0xffffffff && local.compressedSize !== entry.compressedSize) fields.push('compressed size');
    if (local.uncompressedSize !== 0xffffffff && local.uncompressedSize !== entry.uncompressedSize) fields.push('uncompressed size');
  }
  if (fields.length) anomalies.push({ kind: 'local-mismatch', entry: entry.index, fields, localName: local.name });
  if (local.dataOffset + entry.compressedSize > source.size) return void bad('member data runs past the end of the file');
  entry.dataOffset = local.dataOffset;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The member's stored bytes (compressed or not) as a zero-copy slice. */
export function memberData(source: ByteSource, entry: ZipEntry): ByteSource {
  if (entry.dataOffset === null) throw new FormatError(`member "${entry.name}" has no readable data`, entry.localHeaderOffset);
  return source.slice(entry.dataOffset, entry.dataOffset + entry.compressedSize, entry.name);
}

export interface MemberBytes {
  bytes: Uint8Array;
  /** true/false when checked; null when not checkable (cut short, or not decodable). */
  crcOk: boolean | null;
  cut?: InflateCut;
  limit?: number;
  error?: string;
}

/**
 * Reads a stored or deflated member into memory under the budget (inflated bytes charged, bombs cut).
 * `maxBytes` lowers the cap for callers that need only a little (a symlink target).
 */
export async function readMember(source: ByteSource, entry: ZipEntry, budget: Budget,
  opts: { maxBytes?: number; checkAborted?: () => void } = {}): Promise<MemberBytes> {
  const data = memberData(source, entry);
  const cap = Math.min(opts.maxBytes ?? Infinity, budget.limits.maxMemberBytes);
  if (entry.method === METHOD_STORED) {
    const n = Math.min(data.size, cap);
    const bytes = await data.read(0, n);
    if (n < data.size) return { bytes, crcOk: null, cut: 'member-cap', limit: cap };
    return { bytes, crcOk: crc32(bytes) === entry.crc32 };
  }
  if (entry.method === METHOD_DEFLATE) {
    const out = await inflateRawBounded(data, budget, { maxBytes: cap, checkAborted: opts.checkAborted });
    const res: MemberBytes = { bytes: out.bytes, crcOk: out.cut || out.error !== undefined ? null : out.crc32 === entry.crc32 };
    if (out.cut) { res.cut = out.cut; res.limit = out.limit; }
    if (out.error !== undefined) res.error = out.error;
    return res;
  }
  throw new FormatError(`member "${entry.name}" uses unsupported compression method ${entry.method}`, entry.localHeaderOffset);
}
