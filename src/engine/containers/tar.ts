// TAR container: walks the 512-byte headers one at a time, the way Python's tarfile and GNU tar read
// them, and yields members with their data range (no findings here). Formats: POSIX.1-1988 ustar,
// POSIX.1-2001 pax ('x' per member, 'g' global), GNU ('L'/'K' long names, 'S' old sparse), and old v7.
// Spec: POSIX.1-2017 "pax" (ustar Interchange Format, pax Header Block), GNU tar manual "Basic Tar
// Format" (tar.h), CPython Lib/tarfile.py for what the reference extractor actually does.
// Nothing is read but the headers and the meta-data members (pax records, GNU long names), each bounded.
import { FormatError, type ByteSource } from '../types';
import type { Limits } from '../limits';
import { readExact } from '../io/byte-source';
import { utf8 } from '../io/text';

export const BLOCK = 512;
/**
 * Longest pax header or GNU long name/link member read into memory. PATH_MAX is 4096; tarfile has no
 * cap, but a forged size must not make us allocate gigabytes for a "name".
 */
export const MAX_META_BYTES = 1024 * 1024;
/** GNU old sparse: extension blocks after one header. Each maps 21 chunks; a real file needs a few. */
const MAX_SPARSE_EXTENSIONS = 10_000;

export type TarKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

export interface TarEntry {
  index: number;             // position among members (meta headers not counted)
  headerOffset: number;      // where this member's own header starts
  name: string;              // effective name: pax path > GNU 'L' > ustar prefix/name
  headerName: string;        // the name field of the header itself (what an extractor ignoring pax sees)
  linkName: string;          // effective link target
  typeflag: string;          // the raw type byte as a character ('\0' for v7 regular files)
  kind: TarKind;
  mode: number;
  size: number;              // bytes stored in the archive
  dataOffset: number;
  /** GNU sparse member (old 'S' or pax GNU.sparse.*): the size the file has once expanded. */
  sparseRealSize?: number;
  pax: boolean;              // a pax header applied to this member
}

export type TarEvent =
  | { kind: 'entry'; entry: TarEntry }
  /** A header after the first fails its checksum: tarfile stops there, GNU tar skips ahead. */
  | { kind: 'bad-checksum'; offset: number }
  /** More members than limits.maxMembers: listing stopped at `offset`. */
  | { kind: 'limit'; offset: number }
  /** The end: `offset` just past the end-of-archive block (or the file's end). */
  | { kind: 'end'; offset: number; marker: boolean };

const td = (b: Uint8Array, start: number, len: number) => {
  const f = b.subarray(start, start + len);
  const nul = f.indexOf(0);
  return utf8(nul < 0 ? f : f.subarray(0, nul));
};

/**
 * A numeric field: octal ASCII (NUL/space padded), or GNU base-256 when the high bit of the first byte
 * is set (0x80 positive, 0xff negative). tarfile.nti. null when it is not a number.
 */
export function parseNumber(b: Uint8Array, start: number, len: number): number | null {
  const f = b.subarray(start, start + len);
  if (f.length === 0) return null;
  if (f[0]! & 0x80) {
    if (f[0] !== 0x80 && f[0] !== 0xff) return null;
    let n = f[0] === 0xff ? -1 : 0;
    for (let i = 1; i < f.length; i++) {
      n = n * 256 + f[i]!;
      if (!Number.isSafeInteger(n)) return null;
    }
    return n;
  }
  let i = 0;
  while (i < f.length && (f[i] === 0x20 || f[i] === 0)) i++; // leading padding
  let n = 0, digits = 0;
  for (; i < f.length; i++) {
    const c = f[i]!;
    if (c >= 0x30 && c <= 0x37) { n = n * 8 + (c - 0x30); digits++; } else break;
  }
  for (; i < f.length; i++) if (f[i] !== 0 && f[i] !== 0x20) return null; // trailing garbage
  return digits === 0 ? 0 : n;
}

/** ustar: checksum = sum of the header bytes with the chksum field (148..156) taken as spaces. Old tars summed signed bytes; tarfile accepts both. */
export function checksumOk(b: Uint8Array): boolean {
  if (b.length < BLOCK) return false;
  const stored = parseNumber(b, 148, 8);
  if (stored === null) return false;
  let unsigned = 0, signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const v = i >= 148 && i < 156 ? 0x20 : b[i]!;
    unsigned += v;
    signed += v > 127 ? v - 256 : v;
  }
  return stored === unsigned || stored === signed;
}

const isZeroBlock = (b: Uint8Array) => b.every((x) => x === 0);
const padded = (n: number) => Math.ceil(n / BLOCK) * BLOCK;

function kindOf(type: string, name: string): TarKind {
  switch (type) {
    case '0': case '7': return 'file';
    case '\0': return name.endsWith('/') ? 'dir' : 'file'; // v7: a directory is a regular file whose name ends in '/'
    case '1': return 'hardlink';
    case '2': return 'symlink';
    case '3': return 'char';
    case '4': return 'block';
    case '5': case 'D': return 'dir'; // 'D': GNU dumpdir, a directory with a listing as data
    case '6': return 'fifo';
    case 'S': return 'file';
    default: return 'other'; // tarfile extracts unknown types as regular files
  }
}

/** POSIX pax: records "%d %s=%s\n", the length counting the whole record. */
export function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    if (data[at] === 0) break; // NUL padding after the last record
    let sp = at;
    while (sp < data.length && data[sp] !== 0x20) sp++;
    const len = Number(utf8(data.subarray(at, sp)));
    if (sp >= data.length || !Number.isSafeInteger(len) || len <= sp - at + 1 || at + len > data.length || data[at + len - 1] !== 0x0a) {
      throw new FormatError(`invalid pax record at byte ${at} of the extended header`);
    }
    const rec = data.subarray(sp + 1, at + len - 1);
    const eq = rec.indexOf(0x3d);
    if (eq <= 0) throw new FormatError(`pax record without "key=" at byte ${at} of the extended header`);
    out.set(utf8(rec.subarray(0, eq)), utf8(rec.subarray(eq + 1)));
    at += len;
  }
  return out;
}

const paxNumber = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : undefined);

/**
 * Yields the archive's members in order, then one 'end' event (or 'limit'). Throws FormatError when the
 * first header is not a tar header, when a meta header is corrupt, or when the archive is cut short: the
 * members already yielded stay valid, so the caller reports them first.
 */
export async function* readTar(source: ByteSource, limits: Pick<Limits, 'maxMembers'>): AsyncGenerator<TarEvent> {
  const size = source.size;
  const global = new Map<string, string>();
  let local = new Map<string, string>();
  let longName: string | undefined, longLink: string | undefined;
  let index = 0;
  let at = 0;
  const readMeta = async (offset: number, n: number, what: string) => {
    if (n > MAX_META_BYTES) throw new FormatError(`${what} of ${n} bytes is larger than ${MAX_META_BYTES}`, offset);
    if (offset + n > size) throw new FormatError(`${what} runs past the end of the archive`, offset);
    return readExact(source, offset, n);
  };

  for (;;) {
    if (at >= size) { yield { kind: 'end', offset: at, marker: false }; return; } // tarfile accepts a missing end marker
    if (at + BLOCK > size) throw new FormatError(`truncated header: ${size - at} bytes at the end`, at);
    const h = await readExact(source, at, BLOCK);
    if (isZeroBlock(h)) {
      // POSIX: two zero blocks end the archive; tarfile and GNU tar both stop at the first one.
      const next = at + BLOCK;
      const second = next + BLOCK <= size && isZeroBlock(await readExact(source, next, BLOCK));
      yield { kind: 'end', offset: second ? next + BLOCK : next, marker: true };
      return;
    }
    if (!checksumOk(h)) {
      if (at === 0) throw new FormatError('the first header fails its checksum: not a tar archive', 0);
      yield { kind: 'bad-checksum', offset: at };
      return;
    }
    const type = String.fromCharCode(h[156]!);
    const declared = parseNumber(h, 124, 12);
    if (declared === null || declared < 0) throw new FormatError('invalid size field', at + 124);
    const dataOffset = at + BLOCK;

    // Meta headers describe the member that follows them.
    if (type === 'x' || type === 'g') {
      const recs = parsePax(await readMeta(dataOffset, declared, 'pax header'));
      if (type === 'g') for (const [k, v] of recs) global.set(k, v);
      else for (const [k, v] of recs) local.set(k, v);
      at = dataOffset + padded(declared);
      continue;
    }
    if (type === 'L' || type === 'K') {
      const text = td(await readMeta(dataOffset, declared, type === 'L' ? 'GNU long name' : 'GNU long link'), 0, declared);
      if (type === 'L') longName = text; else longLink = text;
      at = dataOffset + padded(declared);
      continue;
    }

    if (index >= limits.maxMembers) { yield { kind: 'limit', offset: at }; return; }
    const pax = new Map([...global, ...local]);
    const headerName = td(h, 0, 100);
    // ustar: the prefix field (345..500) is joined with '/' (tarfile does this for every non-GNU type).
    const prefix = type === 'S' ? '' : td(h, 345, 155);
    let name = longName ?? (prefix ? `${prefix}/${headerName}` : headerName);
    name = pax.get('GNU.sparse.name') ?? pax.get('path') ?? name;
    const linkName = pax.get('linkpath') ?? longLink ?? td(h, 157, 100);
    let memberSize = declared;
    const paxSize = paxNumber(pax.get('size'));
    if (pax.has('size')) {
      if (paxSize === undefined) throw new FormatError(`invalid pax size "${pax.get('size')}"`, at);
      memberSize = paxSize;
    }
    const kind = kindOf(type, name);
    // Links, devices, FIFOs and directories carry no data whatever their size field says (tarfile).
    const hasData = !(kind === 'hardlink' || kind === 'symlink' || kind === 'char' || kind === 'block' || kind === 'fifo' || (kind === 'dir' && type !== 'D'));
    if (!hasData) memberSize = 0;

    let start = dataOffset;
    let sparseRealSize: number | undefined;
    if (type === 'S') {
      // GNU old sparse (tar.h struct sparse_header): realsize at 483, isextended at 482; extension blocks
      // of 21 entries with their own isextended flag at byte 504 sit between the header and the data.
      sparseRealSize = parseNumber(h, 483, 12) ?? undefined;
      let extended = h[482] !== 0;
      for (let n = 0; extended; n++) {
        if (n >= MAX_SPARSE_EXTENSIONS) throw new FormatError(`more than ${MAX_SPARSE_EXTENSIONS} sparse extension blocks`, start);
        if (start + BLOCK > size) throw new FormatError('sparse extension block runs past the end of the archive', start);
        extended = (await readExact(source, start, BLOCK))[504] !== 0;
        start += BLOCK;
      }
    } else if (pax.has('GNU.sparse.realsize') || pax.has('GNU.sparse.size') || pax.has('GNU.sparse.major')) {
      sparseRealSize = paxNumber(pax.get('GNU.sparse.realsize') ?? pax.get('GNU.sparse.size'));
    }

    const entry: TarEntry = {
      index, headerOffset: at, name, headerName, linkName, typeflag: type, kind,
      mode: parseNumber(h, 100, 8) ?? 0, size: memberSize, dataOffset: start, pax: pax.size > 0,
    };
    if (sparseRealSize !== undefined) entry.sparseRealSize = sparseRealSize;
    yield { kind: 'entry', entry };
    index++;
    local = new Map();
    longName = longLink = undefined;
    if (start + memberSize > size) {
      throw new FormatError(`member "${name}" declares ${memberSize} bytes but the archive ends ${size - start} bytes into it`, at);
    }
    at = start + padded(memberSize);
  }
}
