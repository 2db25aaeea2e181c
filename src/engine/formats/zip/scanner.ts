// Zip scanner: judges what containers/zip.ts lists (names, links, encryption, structure) and sends
// every member back through ctx.scanChild, one at a time, so at most one inflated member is held.
import type { ScanContext, Scanner } from '../../types';
import { listZip, type ZipAnomaly, type ZipEntry, type ZipListing } from '../../containers/zip';
import { reportUnsafeNames } from './paths';
import { countedSource, hiddenParts, reportBombSummary, scanMember, type ArchiveState } from './members';
import { openZipChild } from './open';
import { zipSniffer } from './sniff';
import { judgePrefix, type PrefixOptions } from './prefix';
import { NameMap } from '../../io/name-map';

/** Longest comment kept in the notes; the whole comment still goes through the string detectors. */
const COMMENT_NOTE_CHARS = 200;

export const zipScanner: Scanner = { ...zipSniffer, scan: scanZip, open: openZipChild };

async function scanZip(ctx: ScanContext): Promise<void> {
  await scanZipListing(ctx, await listZip(countedSource(ctx), ctx.budget.limits));
}

/**
 * How a format built on zip (PyTorch checkpoints) wants one member handled: not sent to scanChild
 * (raw tensor storages), or sent with a format hint ('pickle' for data.pkl). Default: by content.
 */
export type MemberRoute = { skip: true } | { skip?: false; hint?: string };

/**
 * The generic archive checks (names, anomalies, hidden data, encryption, bombs) and every member
 * through scanChild. Formats built on zip list the archive once, add their own knowledge, and call
 * this with a `route` instead of re-implementing the archive checks.
 */
export async function scanZipListing(ctx: ScanContext, listing: ZipListing, route?: (entry: ZipEntry) => MemberRoute,
  prefix: PrefixOptions = {}): Promise<void> {
  noteListing(ctx, listing);
  // The archive comment is text for people ("made by X, see https://..."): links in it are expected.
  if (listing.comment) ctx.inspectString(listing.comment, { pointer: 'comment', key: 'comment', documentation: true });
  if (listing.truncated) {
    ctx.report({ ruleId: 'archive/too-many-members',
      message: `The archive lists more than ${listing.entries.length} members (declares ${listing.declaredEntries}); only the first ${listing.entries.length} were scanned` });
    ctx.limited(`only the first ${listing.entries.length} members listed`);
  }

  const seen = new NameMap<number>(); // names may be 64 KB long (io/name-map.ts)
  for (const entry of listing.entries) {
    checkNames(ctx, entry);
    const first = seen.get(entry.name);
    if (first === undefined) seen.set(entry.name, entry.index);
    else {
      ctx.report({ ruleId: 'archive/duplicate-name', message: `Member "${entry.name}" appears more than once (entries ${first} and ${entry.index})`,
        pointer: entry.name, offset: entry.localHeaderOffset });
    }
  }
  await judgeAnomalies(ctx, listing, prefix);

  const state: ArchiveState = { overlapping: new Set(), bombFound: false };
  for (const a of listing.anomalies) if (a.kind === 'overlap') state.overlapping.add(a.entry);
  for (const entry of listing.entries) {
    ctx.checkAborted();
    const r = route?.(entry);
    if (r?.skip) continue;
    await scanMember(ctx, entry, state, r?.hint);
  }
  reportBombSummary(ctx, state);
}

function noteListing(ctx: ScanContext, listing: ZipListing): void {
  const methods: Record<string, number> = {};
  let total = 0;
  for (const e of listing.entries) {
    methods[String(e.method)] = (methods[String(e.method)] ?? 0) + 1;
    if (Number.isFinite(e.uncompressedSize)) total += e.uncompressedSize;
  }
  ctx.note('members', listing.entries.length);
  ctx.note('uncompressedBytes', total);
  ctx.note('methods', methods);
  if (listing.zip64) ctx.note('zip64', true);
  if (listing.bias > 0) ctx.note('prependedBytes', listing.bias);
  if (listing.comment) ctx.note('comment', listing.comment.slice(0, COMMENT_NOTE_CHARS));
}

/** Every name an extractor might use for this member: central, local, Unicode Path. */
function checkNames(ctx: ScanContext, entry: ZipEntry): void {
  const names = [entry.name];
  if (entry.local) names.push(entry.local.name);
  if (entry.unicodePath !== undefined) names.push(entry.unicodePath);
  reportUnsafeNames(ctx, names, entry.name, entry.localHeaderOffset);
}

async function judgeAnomalies(ctx: ScanContext, listing: ZipListing, prefix: PrefixOptions): Promise<void> {
  const entryName = (i: number) => listing.entries[i]?.name ?? `#${i}`;
  const hidden: Array<Extract<ZipAnomaly, { start: number }>> = [];
  for (const a of listing.anomalies) {
    switch (a.kind) {
      case 'local-mismatch':
        ctx.report({ ruleId: 'archive/name-mismatch',
          message: `Member "${entryName(a.entry)}": the local header disagrees with the central directory on ${a.fields.join(', ')}`,
          pointer: entryName(a.entry), offset: listing.entries[a.entry]?.localHeaderOffset,
          evidence: a.fields.includes('name') ? `local name: ${a.localName}` : undefined });
        break;
      case 'bad-local-header':
      case 'bad-central-entry':
        ctx.report({ ruleId: 'format/malformed', message: `Member "${entryName(a.entry)}": ${a.reason}; it was not scanned`,
          pointer: entryName(a.entry), offset: a.offset });
        ctx.limited(`member "${entryName(a.entry)}" unreadable`);
        break;
      case 'overlap':
        ctx.report({ ruleId: 'archive/overlapping-members',
          message: `Member "${entryName(a.entry)}" shares bytes ${a.start}-${a.end} with ${a.other === 'central-directory' ? 'the central directory' : `member "${entryName(a.other)}"`}`,
          pointer: entryName(a.entry), offset: a.start });
        break;
      case 'count-mismatch':
        ctx.report({ ruleId: 'archive/inconsistent-directory',
          message: `The end record declares ${a.declared} members but the central directory holds ${a.found}` });
        break;
      case 'multiple-eocd':
        ctx.report({ ruleId: 'archive/inconsistent-directory',
          message: `${a.offsets.length} end-of-central-directory records could each be the real one (at ${a.offsets.join(', ')}); the last was used`,
          offset: a.offsets[0] });
        break;
      default:
        hidden.push(a);
    }
  }
  for (const h of hidden) {
    // Bytes before the whole archive (not a member the directory forgot): a stub, a program, a marker or
    // another archive; prefix.ts names which and says what each reader does with it.
    if (h.kind === 'prepended-data' && await judgePrefix(ctx, listing, h, prefix)) continue;
    await sweepHidden(ctx, h);
  }
}

/**
 * Bytes no member owns. Where they start with a local header the central directory does not list, that
 * member is named and scanned like any other (streaming extractors see it); the rest goes raw to the
 * fallback sweep.
 */
async function sweepHidden(ctx: ScanContext, h: { kind: string; start: number; end: number }): Promise<void> {
  const where = h.kind === 'prepended-data' ? 'before the first member' : h.kind === 'trailing-data' ? 'after the end record' : 'between members';
  for await (const part of hiddenParts(countedSource(ctx), h, ctx.budget.limits.maxMembers)) {
    if (part.kind === 'member') {
      const { entry } = part;
      ctx.report({ ruleId: 'archive/hidden-data',
        message: `Bytes ${where} hold member "${entry.name}", which the central directory does not list`,
        offset: entry.localHeaderOffset, pointer: entry.name, evidence: entry.name });
      checkNames(ctx, entry);
      await scanMember(ctx, entry, { overlapping: new Set(), bombFound: false });
    } else {
      ctx.report({ ruleId: 'archive/hidden-data', message: `${part.end - part.start} bytes ${where} belong to no member`, offset: part.start });
      await ctx.scanChild(part.name, ctx.source.slice(part.start, part.end));
    }
  }
}
