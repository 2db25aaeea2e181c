// Re-opens one child of a zip by the name the scanner gave it (Scanner.open), so a report path leads
// back to bytes (navigate.ts, the pickle view). Children are counted in the order scanZip hands them to
// scanChild: members and stray bytes found where no listed member is (judgeAnomalies runs first), then
// the central directory's members; only those the scan actually sent on are counted.
import type { OpenContext, OpenedChild } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { listZip, memberData, readMember, METHOD_DEFLATE, METHOD_STORED, type ZipEntry } from '../../containers/zip';
import { hiddenParts, memberChildName, plainDespiteFlag } from './members';
import type { MemberRoute } from './scanner';
import { prefixKind } from './prefix';
import { byteRangeName, nodeName } from '../child-names';

/** `route`: the one a format built on zip (PyTorch) gave scanZipListing, so skips and hints agree. */
export async function openZipChild(ctx: OpenContext, name: string, nth: number,
  route?: (entry: ZipEntry) => MemberRoute): Promise<OpenedChild | null> {
  const listing = await listZip(ctx.source, ctx.budget.limits);
  let seen = 0;
  const take = async (entry: ZipEntry, routed: boolean): Promise<OpenedChild | null> => {
    if (nodeName(memberChildName(entry)) !== name) return null;
    const r = routed ? route?.(entry) : undefined;
    if (r?.skip) return null;
    const child = await childOf(ctx, entry);
    if (!child || seen++ !== nth) return null;
    return r?.hint !== undefined ? { ...child, hint: r.hint } : child;
  };
  for (const a of listing.anomalies) {
    if (a.kind !== 'prepended-data' && a.kind !== 'gap' && a.kind !== 'trailing-data') continue;
    if (a.kind === 'prepended-data' && a.start === 0) {
      // Mirrors prefix.ts: a marker is not scanned, a stub or another archive is one child, and only
      // unlisted members fall through to the hidden-data sweep.
      const kind = await prefixKind(ctx.source, a.end);
      if (kind !== 'hidden-members') {
        if (kind !== 'spanning-marker' && name === byteRangeName(0, a.end) && seen++ === nth) {
          return { source: ctx.source.slice(0, a.end, name) };
        }
        continue;
      }
    }
    for await (const part of hiddenParts(ctx.source, a, ctx.budget.limits.maxMembers)) {
      if (part.kind === 'member') {
        const child = await take(part.entry, false); // unlisted members are scanned unrouted
        if (child) return child;
      } else if (part.name === name && seen++ === nth) {
        return { source: ctx.source.slice(part.start, part.end, part.name) };
      }
    }
  }
  for (const entry of listing.entries) {
    const child = await take(entry, true);
    if (child) return child;
  }
  return null;
}

/** The bytes scanMember handed to scanChild for this entry, or null when it scanned none. */
async function childOf(ctx: OpenContext, entry: ZipEntry): Promise<OpenedChild | null> {
  if (entry.dataOffset === null || entry.isSymlink || (entry.isDir && entry.compressedSize === 0)) return null;
  const childName = memberChildName(entry);
  if (entry.encrypted) {
    const plain = await plainDespiteFlag(ctx.source, entry, ctx.budget);
    if (!plain) return null;
    return { source: entry.method === METHOD_STORED ? memberData(ctx.source, entry) : fromBytes(plain.bytes, childName) };
  }
  if (entry.method === METHOD_STORED) return { source: memberData(ctx.source, entry) };
  if (entry.method !== METHOD_DEFLATE) return null;
  const out = await readMember(ctx.source, entry, ctx.budget);
  return { source: fromBytes(out.bytes, childName) };
}
