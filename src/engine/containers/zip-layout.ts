// Where the members of a zip sit in the file, and what lies between them: bytes before the first
// member (polyglots, self-extractor stubs), gaps between members (content no listing shows), and
// overlapping members (the "overlapping files" zip bomb: many central entries sharing one kernel of
// compressed data; also a parser differential). Pure: works on the listing, reads nothing.
import type { ZipAnomaly, ZipEntry } from './zip';

const FLAG_DATA_DESCRIPTOR = 0x0008;
/** APPNOTE 4.3.9: crc + two sizes, 4- or 8-byte sizes (ZIP64), with or without the optional signature. */
const DESCRIPTOR_SIZES = new Set([12, 16, 20, 24]);

interface Extent { start: number; end: number; entry: number; descriptor: boolean }

export function findLayoutAnomalies(entries: readonly ZipEntry[],
  cd: { cdStart: number; cdSize: number; cdEnd: number; truncated: boolean }): ZipAnomaly[] {
  const out: ZipAnomaly[] = [];
  const extents: Extent[] = [];
  for (const e of entries) {
    if (e.dataOffset === null) continue;
    extents.push({ start: e.localHeaderOffset, end: e.dataOffset + e.compressedSize, entry: e.index,
      descriptor: (e.flags & FLAG_DATA_DESCRIPTOR) !== 0 });
  }
  extents.sort((a, b) => a.start - b.start || a.end - b.end);

  // Members not listed (limit reached) leave holes that are not hidden data: report overlaps only.
  const gap = (start: number, end: number, afterDescriptor: boolean, first: boolean) => {
    if (cd.truncated || end <= start) return;
    if (afterDescriptor && DESCRIPTOR_SIZES.has(end - start)) return;
    out.push({ kind: first ? 'prepended-data' : 'gap', start, end });
  };

  let cursor = 0;
  let owner = -1;
  let descriptor = false;
  for (const x of extents) {
    if (x.start < cursor) {
      out.push({ kind: 'overlap', entry: x.entry, other: owner, start: x.start, end: Math.min(cursor, x.end) });
    } else {
      gap(cursor, x.start, descriptor, owner < 0);
    }
    if (x.end >= cursor) { cursor = x.end; owner = x.entry; descriptor = x.descriptor; }
  }
  if (cd.cdStart < cursor && owner >= 0) {
    out.push({ kind: 'overlap', entry: owner, other: 'central-directory', start: cd.cdStart, end: cursor });
  } else {
    gap(cursor, cd.cdStart, descriptor, owner < 0);
  }
  gap(cd.cdStart + cd.cdSize, cd.cdEnd, false, false);
  return out;
}
