// Bytes before a whole zip archive, named for what they are and for what each reader does with them.
// Python's zipfile finds the archive from its end and shifts every offset by the bytes the end record
// does not account for (CPython Lib/zipfile: `concat = location - size_cd - offset_cd`), so it opens a
// zip behind junk, a self-extractor stub or a program. torch.load does not: torch/serialization.py
// `_is_zipfile` wants 'PK\3\4' at offset 0, else it unpickles the file from offset 0 as a legacy
// checkpoint. A streaming reader (Java's ZipInputStream, `unzip -` style tools) walks local headers from
// offset 0 and, behind another archive, reads that one. Kinds:
//   spanning-marker  'PK\7\8' or 'PK00' alone (APPNOTE 8.5.3-8.5.4): harmless, INFO;
//   archive          a complete zip ends exactly where this one starts (two archives back to back);
//   hidden-members   local headers the central directory does not list (members.ts sweeps them);
//   bytes            anything else: a stub, a program, junk; scanned as a child.
import type { ByteSource, Head, ScanContext } from '../../types';
import { findZipEnd, tailFor } from '../../containers/zip-sniff';
import { listZip, readLocalHeader, type ZipListing } from '../../containers/zip';
import { byteRangeName } from '../child-names';
import { startsWith } from '../../io/text';
import { countedSource } from './members';

const SPANNING = [[0x50, 0x4b, 0x07, 0x08], [0x50, 0x4b, 0x30, 0x30]];
/** Bytes of a prefix read to tell what it is: its first bytes (a local header) and its end (an EOCD). */
const PREFIX_HEAD_BYTES = 4096;
/** Members compared by name and CRC when two archives sit back to back; more are not compared. */
const COMPARE_MAX_MEMBERS = 10_000;

export type PrefixKind = 'spanning-marker' | 'archive' | 'hidden-members' | 'bytes';

export interface PrefixOptions {
  /**
   * What the prefix is, when the format scanning the zip already judged it (the program of a llamafile):
   * it is named in the finding and not scanned again.
   */
  known?: string;
}

export async function prefixKind(source: ByteSource, end: number): Promise<PrefixKind> {
  const first = await source.read(0, Math.min(end, PREFIX_HEAD_BYTES));
  if (end === 4 && SPANNING.some((s) => startsWith(first, s))) return 'spanning-marker';
  const head: Head = { bytes: first, size: end, name: '', ext: '' };
  head.tail = await tailFor(source.slice(0, end), head);
  if (findZipEnd(head)) return 'archive';
  if (await readLocalHeader(source, 0)) return 'hidden-members';
  return 'bytes';
}

/**
 * Reports and scans the bytes before the archive. Returns false when they are members the central
 * directory does not list, which the caller sweeps as hidden data.
 */
export async function judgePrefix(ctx: ScanContext, listing: ZipListing, h: { start: number; end: number },
  opts: PrefixOptions): Promise<boolean> {
  if (h.start !== 0 || h.end <= 0) return false;
  const kind = await prefixKind(countedSource(ctx), h.end);
  const name = byteRangeName(0, h.end);
  const shifted = listing.bias > 0
    ? `its offsets do not count them (Python's zipfile shifts them by ${listing.bias}, as it does after \`cat stub a.zip\`)`
    : 'its offsets count them (as self-extractors and `zip -A` write)';
  switch (kind) {
    case 'hidden-members':
      return false;
    case 'spanning-marker':
      ctx.report({ ruleId: 'zip/spanning-marker', offset: 0,
        message: 'The archive starts with a spanning marker (a split archive written as one piece); readers skip it' });
      return true;
    case 'archive':
      await judgeConcatenated(ctx, listing, h.end, name);
      return true;
    case 'bytes': {
      if (opts.known !== undefined) {
        ctx.report({ ruleId: 'zip/prefixed-data', offset: 0, evidence: `${h.end} bytes`, severity: 'info',
          severityReason: 'the prefix is the program the format is built on, reported on its own',
          message: `${h.end} bytes ${opts.known} precede the archive; ${shifted}` });
      } else {
        ctx.report({ ruleId: 'zip/prefixed-data', offset: 0, evidence: `${h.end} bytes`,
          message: `${h.end} bytes that no member owns (a self-extractor stub, a program or junk) precede the archive; ${shifted}. Python's zipfile opens it; torch.load does not (it needs 'PK\\3\\4' at offset 0 and would unpickle the prefix)` });
      }
      ctx.note('prefixBytes', h.end);
      if (opts.known === undefined) await ctx.scanChild(name, ctx.source.slice(0, h.end, name));
      return true;
    }
  }
}

/** Two archives back to back: zipfile reads the last (this listing), a streaming reader the first. */
async function judgeConcatenated(ctx: ScanContext, last: ZipListing, end: number, name: string): Promise<void> {
  const prefix = ctx.source.slice(0, end, name);
  let first: ZipListing | null = null;
  try {
    first = await listZip(countedSource(ctx).slice(0, end, name), ctx.budget.limits);
  } catch {
    first = null; // the child scan reports why it does not list
  }
  const lastCount = last.entries.length;
  const differs = first === null || listingsDiffer(first, last);
  const firstDesc = first ? `${first.entries.length} members` : 'an archive that does not list';
  ctx.report({ ruleId: 'zip/concatenated', offset: 0, evidence: `first archive: bytes 0-${end}`,
    ...(differs ? { severity: 'critical' as const, severityReason: 'the two archives hold different members: each reader loads different content' } : {}),
    message: `Two zip archives back to back: Python's zipfile reads the last (${lastCount} members), a streaming reader that walks local headers from the start reads the first (${firstDesc})${differs ? '; their members differ' : ''}` });
  ctx.note('concatenatedArchives', 2);
  await ctx.scanChild(name, prefix);
}

function listingsDiffer(a: ZipListing, b: ZipListing): boolean {
  if (a.entries.length !== b.entries.length || a.entries.length > COMPARE_MAX_MEMBERS) return true;
  const crcs = new Map<string, number>();
  for (const e of a.entries) crcs.set(e.name, e.crc32);
  return b.entries.some((e) => crcs.get(e.name) !== e.crc32);
}
