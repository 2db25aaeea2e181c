// 7z archives, read by 7-Zip itself (7z-wasm, loaded on first use). The listing is judged the way
// the zip and tar scanners judge theirs (shared member-name rules, duplicates, links, member counts,
// ratio bombs per solid block, encryption); then EVERY regular member is extracted into memory under
// the limits and handed to scanChild by content, whatever its name (ModelAudit extracts only 11
// extensions). Bytes after the archive's end are hidden data and swept.
import type { OpenContext, OpenedChild, ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { fromBytes, readExact } from '../../io/byte-source';
import { INSIDE_LINK, judgeLink, reportUnsafeNames, trimTrailingSlashes } from '../zip/paths';
import { NameMap } from '../../io/name-map';
import { byteRangeName, nodeName, openByteRange } from '../child-names';
import { START_HEADER_BYTES, headerIsEncrypted, parseListing, parseStartHeader, type SevenZipEntry, type StartHeader } from './parse';
import { SevenZipSession, MAX_IN_MEMORY_ARCHIVE_BYTES, MAX_SEVENZIP_HEAP_BYTES, type RunResult } from './session';
import { sevenzipSniffer } from './sniff';
import { extractPlanned, planExtraction, type ExtractReport } from './plan';

/** An encoded header is a few dozen bytes (one stream's description); more is read only by 7-Zip. */
const MAX_HEADER_PROBE_BYTES = 64 * 1024;
/** 7-Zip error lines turned into findings per archive; a flood only repeats itself. */
const MAX_ERROR_FINDINGS = 20;

export const sevenzipScanner: Scanner = {
  ...sevenzipSniffer,
  scan: scanSevenZip,
  open: openSevenZipChild,
};

async function scanSevenZip(ctx: ScanContext): Promise<void> {
  const start = parseStartHeader(await ctx.read(0, START_HEADER_BYTES), ctx.source.size);
  ctx.note('version', `${start.version[0]}.${start.version[1]}`);
  const session = await SevenZipSession.open(ctx.source);
  if (!session) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${ctx.source.size}-byte archive cannot be read lazily here and is above the ${MAX_IN_MEMORY_ARCHIVE_BYTES}-byte limit for an in-memory copy; it was not opened` });
    ctx.limited('7z archive too large to copy into memory');
    return;
  }
  try {
    const entries = await listOrExplain(ctx, session, start);
    if (entries) await judgeAndExtract(ctx, session, entries, headerOffset(start));
  } finally {
    session.close();
  }
  await checkTrailing(ctx, start.end);
}

/** Lists the archive; null (after reporting) when the member list itself is encrypted. */
async function listOrExplain(ctx: ScanContext, session: SevenZipSession, start: StartHeader): Promise<SevenZipEntry[] | null> {
  const run = session.list();
  if (run.rc !== 0 || run.crashed) {
    if (await encryptedHeader(ctx, start)) {
      ctx.report({ ruleId: 'sevenzip/encrypted-headers', message: 'The 7z member list is encrypted (header encryption); no member could be listed or scanned', offset: headerOffset(start) });
      ctx.limited('encrypted 7z headers');
      return null;
    }
    throw new FormatError(`7-Zip cannot open the archive: ${explain(run)}`);
  }
  const limit = ctx.budget.limits.maxMembers;
  const { entries, truncated } = parseListing(run.out, limit);
  ctx.note('members', entries.length);
  if (truncated || run.droppedLines > 0) {
    ctx.report({ ruleId: 'archive/too-many-members', message: `The archive holds more than ${limit} members; none were extracted` });
    ctx.limited(`more than ${limit} members`);
    judgeNames(ctx, entries, headerOffset(start));
    return null;
  }
  return entries;
}

async function encryptedHeader(ctx: ScanContext, start: StartHeader): Promise<boolean> {
  if (start.nextHeaderSize === 0 || start.nextHeaderSize > MAX_HEADER_PROBE_BYTES) return false;
  return headerIsEncrypted(await ctx.read(START_HEADER_BYTES + start.nextHeaderOffset, start.nextHeaderSize));
}

/** Where the member list (the next header) starts: the offset names are reported at. */
const headerOffset = (start: StartHeader) => START_HEADER_BYTES + start.nextHeaderOffset;

function judgeNames(ctx: ScanContext, entries: readonly SevenZipEntry[], offset: number): void {
  const seen = new NameMap<number>(); // names may be long (io/name-map.ts)
  for (const e of entries) {
    const pointer = e.path;
    reportUnsafeNames(ctx, [e.path], pointer, offset);
    const key = trimTrailingSlashes(e.path);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, e.index);
    else if (!e.isDir) {
      ctx.report({ ruleId: 'archive/duplicate-name', message: `Member "${e.path}" appears more than once (members ${first} and ${e.index})`, pointer });
    }
    if (e.encrypted) {
      ctx.report({ ruleId: 'archive/encrypted-member', message: `Member "${e.path}" is encrypted (${e.method}) and was not scanned`, pointer });
      ctx.limited(`encrypted member "${e.path}" not scanned`);
    }
  }
}

/** Judges a listing and extracts its members through scanChild (shared with formats/rar, same session). */
export async function judgeAndExtract(ctx: ScanContext, session: SevenZipSession, entries: SevenZipEntry[], offset: number): Promise<void> {
  judgeNames(ctx, entries, offset);
  const limits = ctx.budget.limits;
  const plan = planExtraction(entries, limits, ctx.budget.inflatedRemaining);
  ctx.note('extraction', plan.mode);
  ctx.note('blocks', plan.blocks.length);
  for (const b of plan.blocks.filter((s) => s.bomb)) {
    const names = entries.filter((e) => e.block === b.block).map((e) => e.path);
    ctx.report({ ruleId: 'archive/compression-bomb', message: `Solid block ${b.block} (${names.length} member${names.length === 1 ? '' : 's'}) declares ${b.unpacked} bytes from ${b.packed} packed bytes, more than ${limits.maxCompressionRatio}:1; it was not extracted`,
      pointer: names[0], evidence: names.slice(0, 5).join(', ') });
    ctx.limited(`compression bomb in block ${b.block}`);
    ctx.budget.bombs++;
  }
  for (const s of plan.skipped) {
    if (s.why === 'too-large') {
      ctx.report({ ruleId: 'scan/limit-reached', message: `Member "${s.entry.path}" is ${s.entry.size} bytes, above maxMemberBytes (${limits.maxMemberBytes}); it was not extracted`, pointer: s.entry.path });
      ctx.limited(`member "${s.entry.path}" larger than maxMemberBytes`);
    } else if (s.why === 'unknown-size') {
      ctx.report({ ruleId: 'sevenzip/not-extracted', message: `Member "${s.entry.path}" has no declared size; it was not extracted`, pointer: s.entry.path });
      ctx.limited(`member "${s.entry.path}" has no size`);
    }
  }

  const report: ExtractReport = { runs: [], links: [], missing: [] };
  let extracted = 0;
  for await (const child of extractPlanned(session, plan, entries, (n) => ctx.budget.chargeInflated(n), report)) {
    ctx.checkAborted();
    extracted += child.bytes.length;
    await ctx.scanChild(child.name, fromBytes(child.bytes, child.name));
  }
  ctx.note('extractedBytes', extracted);
  judgeLinks(ctx, plan.links, report);
  for (const e of report.missing) {
    ctx.report({ ruleId: 'sevenzip/not-extracted', message: `Member "${e.path}" produced no file when extracted; it was not scanned`, pointer: e.path });
    ctx.limited(`member "${e.path}" not extracted`);
  }
  reportRunErrors(ctx, report.runs);
}

function judgeLinks(ctx: ScanContext, listed: readonly SevenZipEntry[], report: ExtractReport): void {
  const judged = new Set<string>();
  for (const l of report.links) {
    const name = l.entry?.path ?? l.name;
    judged.add(name);
    const v = judgeLink(name, l.target, 'symbolic');
    const where = { pointer: name, evidence: l.target };
    if (v.escapes) {
      const why = v.why === 'system' ? `at the system location ${v.system}` : v.why === 'absolute' ? 'at an absolute path' : 'outside the extraction folder';
      ctx.report({ ruleId: 'archive/symlink-escape', message: `Member "${name}" is a symbolic link pointing ${why}: "${l.target}"`, ...where });
    } else {
      ctx.report({ ruleId: 'archive/symlink', message: `Member "${name}" is a symbolic link to "${l.target}"`, ...where,
        ...(l.target ? INSIDE_LINK : {}) });
    }
  }
  for (const e of listed) {
    if (judged.has(e.path)) continue;
    ctx.report({ ruleId: 'archive/symlink', message: `Member "${e.path}" is a symbolic link (its target could not be read)`, pointer: e.path });
  }
}

/** 7-Zip's per-member errors ("ERROR: CRC Failed : name") as findings; link refusals are judged above. */
function reportRunErrors(ctx: ScanContext, runs: readonly RunResult[]): void {
  let n = 0;
  for (const run of runs) {
    if (run.heapRefused) {
      ctx.report({ ruleId: 'scan/limit-reached', message: `7-Zip needed more than ${MAX_SEVENZIP_HEAP_BYTES / 1024 ** 2} MiB of memory (MAX_SEVENZIP_HEAP_BYTES) to decode this archive; what it could not decode was not scanned` });
      ctx.limited('7-Zip heap limit');
    }
    if (run.crashed) {
      ctx.report({ ruleId: 'format/malformed', message: `7-Zip failed while extracting (${run.crashed})` });
      ctx.limited('7-Zip failed while extracting');
    }
    for (const line of run.err) {
      const m = /^ERROR: (.*?)(?: : (.*))?$/.exec(line);
      if (!m || /^Dangerous link path/.test(m[1]!) || n >= MAX_ERROR_FINDINGS) continue;
      if (run.heapRefused && /allocate/i.test(m[1]!)) continue; // the limit, reported above
      n++;
      const what = m[1]!, name = m[2];
      const where = name !== undefined ? { pointer: name } : {};
      if (/^CRC Failed/.test(what)) {
        ctx.report({ ruleId: 'archive/crc-mismatch', message: `Member "${name ?? '?'}" fails its CRC check (it was scanned as extracted)`, ...where });
      } else if (/^Unsupported Method/i.test(what)) {
        ctx.report({ ruleId: 'archive/unsupported-method', message: `Member "${name ?? '?'}" uses a method 7-Zip does not support here; it was not scanned`, ...where });
        ctx.limited('unsupported 7z method');
      } else {
        ctx.report({ ruleId: 'format/malformed', message: `7-Zip: ${what}${name !== undefined ? ` (member "${name}")` : ''}`, ...where });
        ctx.limited('7-Zip reported an extraction error');
      }
    }
  }
}

function explain(run: RunResult): string {
  if (run.crashed) return run.crashed;
  const lines = run.err.map((l) => l.trim()).filter((l) => l && l !== 'ERRORS:' && !l.startsWith('ERROR: /'));
  return lines.slice(0, 3).join('; ') || `exit code ${run.rc}`;
}

/** Bytes after the end header: no extractor shows them. */
async function checkTrailing(ctx: ScanContext, end: number): Promise<void> {
  const size = ctx.source.size;
  if (end >= size) return;
  ctx.report({ ruleId: 'archive/hidden-data', message: `${size - end} bytes after the end of the 7z archive belong to no member`, offset: end });
  await ctx.scanChild(byteRangeName(end, size), ctx.source.slice(end, size));
}

/**
 * Extracts the nth member named `name` again from a listed archive, with the scan's own plan and order, so
 * the name a report holds finds the same bytes (7z and RAR share it: one session, one extraction path).
 */
export async function reopenListed(ctx: OpenContext, session: SevenZipSession, entries: SevenZipEntry[], name: string, nth: number): Promise<OpenedChild | null> {
  const plan = planExtraction(entries, ctx.budget.limits, ctx.budget.inflatedRemaining);
  const report: ExtractReport = { runs: [], links: [], missing: [] };
  let seen = 0;
  for await (const child of extractPlanned(session, plan, entries, (n) => ctx.budget.chargeInflated(n), report)) {
    if (nodeName(child.name) === name && seen++ === nth) return { source: fromBytes(child.bytes, name) };
  }
  return null;
}

/** Re-extracts the nth child named `name` (same listing, same plan, same order as the scan). */
async function openSevenZipChild(ctx: OpenContext, name: string, nth: number): Promise<OpenedChild | null> {
  const byRange = openByteRange(ctx.source, name);
  if (byRange) return byRange;
  parseStartHeader(await readExact(ctx.source, 0, Math.min(START_HEADER_BYTES, ctx.source.size)), ctx.source.size);
  const session = await SevenZipSession.open(ctx.source);
  if (!session) return null;
  try {
    const run = session.list();
    if (run.rc !== 0 || run.crashed) return null;
    const { entries, truncated } = parseListing(run.out, ctx.budget.limits.maxMembers);
    if (truncated) return null;
    return await reopenListed(ctx, session, entries, name, nth);
  } catch (e) {
    if (e instanceof FormatError) return null;
    throw e;
  } finally {
    session.close();
  }
}
