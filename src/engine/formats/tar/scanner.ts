// Tar archives: member names and links judged the way an extractor would resolve them, special files,
// duplicates, limits and bytes after the end marker; every regular member goes back through scanChild
// as a zero-copy slice, one at a time, while the headers are still being read (containers/tar.ts).
import type { ByteSource, OpenContext, OpenedChild, ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { BLOCK, readTar, type TarEntry } from '../../containers/tar';
import { INSIDE_LINK, judgeLink, reportUnsafeNames, trimTrailingSlashes } from '../zip/paths';
import { countedSource } from '../zip/members';
import { byteRangeName, nodeName, openByteRange } from '../child-names';
import { ImageCollector } from '../oci/image';
import { releaseStream } from '../compressed/stream';
import { tarSniffer } from './sniff';
import { NameMap } from '../../io/name-map';

/**
 * Bytes after the end marker read to tell record padding (zeros up to the 10 KiB blocking factor, or
 * more from `tar -b`) from hidden data. A longer tail is handed to the sweep whole, without reading it here.
 */
const TRAILING_ZERO_CHECK_BYTES = 1024 * 1024;

export const tarScanner: Scanner = {
  ...tarSniffer,
  scan: scanTar,
  open: openTarChild,
};

/** The name a member is scanned (and re-opened) under. */
const childName = (e: TarEntry) => e.name || `[member ${e.index}]`;
/** Members whose bytes are content: directories, links, devices and FIFOs have none. Unknown types are extracted as regular files by tarfile. */
const hasContent = (e: TarEntry) => e.kind === 'file' || e.kind === 'other';
const memberSlice = (src: ByteSource, e: TarEntry) =>
  src.slice(e.dataOffset, Math.min(e.dataOffset + e.size, src.size), childName(e));

async function scanTar(ctx: ScanContext): Promise<void> {
  const seen = new NameMap<number>(); // names may be megabytes long (io/name-map.ts)
  let members = 0, dataBytes = 0, sparse = 0;
  const image = new ImageCollector(); // OCI layout / docker save: judged once the walk ends
  try {
    for await (const ev of readTar(countedSource(ctx), ctx.budget.limits)) {
      ctx.checkAborted();
      if (ev.kind === 'entry') {
        const e = ev.entry;
        members++;
        dataBytes += e.size;
        if (e.sparseRealSize !== undefined) sparse++;
        // Extractors that ignore pax use the header's own name field: judge both.
        reportUnsafeNames(ctx, [e.name, e.headerName], e.name, e.headerOffset);
        const key = trimTrailingSlashes(e.name);
        const first = seen.claim(key, e.index);
        if (first !== undefined && e.kind !== 'dir') {
          ctx.report({ ruleId: 'archive/duplicate-name', message: `Member "${e.name}" appears more than once (members ${first} and ${e.index})`,
            pointer: e.name, offset: e.headerOffset });
        }
        await judgeMember(ctx, e);
        if (hasContent(e)) await image.member(ctx, { name: e.name, dataOffset: e.dataOffset, size: e.size, headerOffset: e.headerOffset });
        releaseStream(ctx.source, e.dataOffset + e.size); // a streamed .tar.gz drops the member's bytes now
      } else if (ev.kind === 'limit') {
        ctx.report({ ruleId: 'archive/too-many-members', message: `The archive holds more than ${members} members; only the first ${members} were scanned`, offset: ev.offset });
        ctx.limited(`only the first ${members} members listed`);
      } else if (ev.kind === 'bad-checksum') {
        // tarfile ends the archive at a bad header; GNU tar skips ahead to the next good one. Whatever
        // follows is invisible to one and extracted by the other: sweep it, from after the bad header
        // (which would only fail its checksum again if swept as a tar).
        const rest = Math.min(ev.offset + BLOCK, ctx.source.size);
        ctx.report({ ruleId: 'format/malformed', message: `The header at byte ${ev.offset} fails its checksum; the ${ctx.source.size - rest} bytes after it were swept as raw bytes`, offset: ev.offset });
        ctx.limited(`bad header checksum at ${ev.offset}`);
        if (rest < ctx.source.size) await ctx.scanChild(byteRangeName(rest, ctx.source.size), ctx.source.slice(rest, ctx.source.size));
      } else {
        ctx.note('endMarker', ev.marker);
        await checkTrailing(ctx, ev.offset);
        await image.finish(ctx);
      }
    }
  } finally {
    ctx.note('members', members);
    ctx.note('dataBytes', dataBytes);
    if (sparse > 0) ctx.note('sparseMembers', sparse);
  }
}

async function judgeMember(ctx: ScanContext, e: TarEntry): Promise<void> {
  const where = { pointer: e.name, offset: e.headerOffset };
  switch (e.kind) {
    case 'symlink':
    case 'hardlink': {
      const what = e.kind === 'symlink' ? 'a symbolic link' : 'a hard link';
      const v = judgeLink(e.name, e.linkName, e.kind === 'symlink' ? 'symbolic' : 'hard');
      if (v.escapes) {
        const why = v.why === 'system' ? `at the system location ${v.system}` : v.why === 'absolute' ? 'at an absolute path' : 'outside the extraction folder';
        ctx.report({ ruleId: 'archive/symlink-escape', message: `Member "${e.name}" is ${what} pointing ${why}: "${e.linkName}"`, evidence: e.linkName, ...where });
      } else if (e.kind === 'symlink') {
        ctx.report({ ruleId: 'archive/symlink', message: `Member "${e.name}" is a symbolic link to "${e.linkName}"`, evidence: e.linkName, ...where,
          ...(e.linkName ? INSIDE_LINK : {}) });
      } else {
        ctx.report({ ruleId: 'archive/symlink', message: `Member "${e.name}" is a hard link to member "${e.linkName}"`, evidence: e.linkName,
          severity: 'info', severityReason: 'a hard link to another member inside the archive (tar stores repeated inodes this way)', ...where });
      }
      return;
    }
    case 'char':
    case 'block':
    case 'fifo': {
      const what = e.kind === 'fifo' ? 'a named pipe (FIFO)' : `a ${e.kind === 'char' ? 'character' : 'block'} device`;
      ctx.report({ ruleId: 'tar/special-file', message: `Member "${e.name}" is ${what}`, evidence: `type ${e.typeflag}`, ...where });
      return;
    }
    case 'dir':
      return;
    default:
      await ctx.scanChild(childName(e), memberSlice(ctx.source, e));
  }
}

/** Bytes after the end-of-archive blocks: zeros are record padding, anything else is hidden from extractors. */
async function checkTrailing(ctx: ScanContext, end: number): Promise<void> {
  const size = ctx.source.size;
  if (end >= size) return;
  let start = end;
  if (size - end <= TRAILING_ZERO_CHECK_BYTES) {
    const tail = await ctx.read(end, size - end);
    const i = tail.findIndex((b) => b !== 0);
    if (i < 0) return;
    start = end + i;
  }
  ctx.report({ ruleId: 'archive/hidden-data', message: `${size - start} bytes after the end-of-archive marker belong to no member`, offset: start });
  await ctx.scanChild(byteRangeName(start, size), ctx.source.slice(start, size));
}

/** Re-opens a child scanTar handed to scanChild, by name (the nth of that name). */
async function openTarChild(ctx: OpenContext, name: string, nth: number): Promise<OpenedChild | null> {
  let seen = 0;
  try {
    for await (const ev of readTar(ctx.source, ctx.budget.limits)) {
      if (ev.kind === 'entry' && hasContent(ev.entry) && nodeName(childName(ev.entry)) === name && seen++ === nth) {
        return { source: memberSlice(ctx.source, ev.entry) };
      }
    }
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
  }
  return openByteRange(ctx.source, name);
}
