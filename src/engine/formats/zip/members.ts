// One zip member: links, encryption (real or claimed), method, bombs and checksums are judged here,
// then the content goes back through ctx.scanChild. Stored members travel as zero-copy slices;
// deflated ones are inflated under the budget and held only while their child scan runs.
import type { ByteSource, ScanContext } from '../../types';
import type { Budget } from '../../limits';
import { fromBytes, windowOf } from '../../io/byte-source';
import { utf8 } from '../../io/text';
import { crc32 } from '../../io/crc32';
import { METHOD_DEFLATE, METHOD_STORED, memberData, readLocalHeader, readMember, type MemberBytes, type ZipEntry } from '../../containers/zip';
import { inflateRawBounded, RATIO_FLOOR_BYTES } from '../../io/inflate';
import { BOMB_PREFIX_BYTES, bytesText, declaredBomb, isBombTwin, rememberBombTwin, TWIN_MAX_BYTES, type DeclaredBomb } from '../../io/bomb';
import { INSIDE_LINK, judgeLink } from './paths';
import { decodeWrapped, type WrappedBytes } from './wrapped';

/** PATH_MAX on Linux: a link target longer than this is not a target any system would follow. */
const SYMLINK_TARGET_MAX_BYTES = 4096;
/**
 * Stored members up to this size are read once to check their CRC (pickles, configs, code). Larger
 * stored members are tensor data in multi-GiB checkpoints: reading them just to checksum is not worth it.
 */
const STORED_CRC_MAX_BYTES = 16 * 1024 * 1024;

/** APPNOTE 4.4.5 names for the methods worth naming in a message. */
const METHOD_NAMES: Record<number, string> = {
  1: 'shrink', 6: 'implode', 9: 'deflate64', 12: 'bzip2', 14: 'LZMA', 19: 'LZ77', 93: 'Zstandard', 95: 'XZ', 98: 'PPMd', 99: 'AES',
};

/**
 * The node's bytes read through ctx.read (charged to the budget, progress reported, abort polled):
 * for the listing, CRC checks and inflation. Members handed to scanChild are native zero-copy slices
 * of ctx.source instead; their own reads are charged by their own context.
 */
export function countedSource(ctx: ScanContext): ByteSource {
  const counted: ByteSource = {
    name: ctx.source.name, size: ctx.source.size,
    ...(ctx.source.sequential ? { sequential: true } : {}),
    read: (o, n) => ctx.read(o, n),
    slice: (s, e, n) => windowOf(counted, s, e, n),
  };
  return counted;
}

/** The name a member is scanned (and re-opened) under. */
export function memberChildName(entry: ZipEntry): string {
  return entry.name || `[member ${entry.index}]`;
}

/** Members refused by their declared sizes that get a finding each; the rest are counted in one. */
const REFUSALS_REPORTED = 2;

/** What one archive's earlier members taught the later ones. */
export interface ArchiveState {
  /** Entries whose data overlaps another member's. */
  overlapping: Set<number>;
  /** A member already hit the ratio or total-inflation limit. */
  bombFound: boolean;
  /** Members refused by their declared sizes (each beyond REFUSALS_REPORTED is only counted). */
  refused?: number;
  /** Members not opened because they are byte-for-byte twins of a member that held a bomb. */
  twins?: number;
}

/** One finding for the members refused or skipped in bulk (after the archive's member loop). */
export function reportBombSummary(ctx: ScanContext, state: ArchiveState): void {
  const more = (state.refused ?? 0) - REFUSALS_REPORTED;
  if (more > 0) {
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `${more} more members declare sizes above the ${ctx.budget.limits.maxCompressionRatio}:1 ratio limit; only the first ${bytesText(RATIO_FLOOR_BYTES)} of each was inflated and scanned` });
  }
  if (state.twins) {
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `${state.twins} members are byte-for-byte copies of a member that held a compression bomb; they were not opened` });
    ctx.limited(`${state.twins} copies of a compression bomb not opened`);
  }
}

/** Method, sizes and CRC-32: members that share it are candidates to be the same bytes (Budget.bombTwins). */
const twinKey = (e: ZipEntry) => `${e.method}:${e.compressedSize}:${e.uncompressedSize}:${e.crc32}`;

async function compressedBytes(ctx: ScanContext, entry: ZipEntry): Promise<Uint8Array | null> {
  if (entry.compressedSize > TWIN_MAX_BYTES) return null;
  return memberData(countedSource(ctx), entry).read(0, entry.compressedSize);
}

/**
 * Before anything is read: a twin of a known bomb is skipped ('skip'); a member whose declared sizes
 * make it a bomb is reported here and returned, to be inflated only up to BOMB_PREFIX_BYTES.
 */
async function judgeUpFront(ctx: ScanContext, entry: ZipEntry, state: ArchiveState): Promise<'skip' | DeclaredBomb | null> {
  // The overlapping-files bomb reuses one kernel for thousands of entries: once it has gone off, inflating
  // every alias again would only burn the file's whole inflation budget on the same bytes.
  if (entry.method === METHOD_DEFLATE && state.bombFound && state.overlapping.has(entry.index)) {
    ctx.limited(`member "${entry.name}" not inflated: it overlaps another member of an archive holding a compression bomb`);
    return 'skip';
  }
  const key = twinKey(entry);
  if (ctx.budget.bombTwins.has(key)) {
    const bytes = await compressedBytes(ctx, entry);
    if (bytes && isBombTwin(ctx.budget, key, bytes)) { state.twins = (state.twins ?? 0) + 1; return 'skip'; }
  }
  if (entry.method !== METHOD_DEFLATE) return null;
  const bomb = declaredBomb(ctx.budget, entry.compressedSize, entry.uncompressedSize);
  if (!bomb) return null;
  state.bombFound = true;
  ctx.budget.bombs++;
  state.refused = (state.refused ?? 0) + 1;
  if (state.refused <= REFUSALS_REPORTED) {
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `Member "${entry.name}" declares ${bytesText(bomb.declared)} from ${bytesText(bomb.compressed)} (${bomb.ratio}:1, above the ${ctx.budget.limits.maxCompressionRatio}:1 limit); only its first ${bytesText(BOMB_PREFIX_BYTES)} were inflated and scanned`,
      evidence: `declared size ${bomb.declared}, compressed size ${bomb.compressed}`, pointer: entry.name, offset: entry.localHeaderOffset });
  }
  ctx.limited(`member "${entry.name}" declares a ${bomb.ratio}:1 expansion: only a prefix was inflated`);
  return bomb;
}

export async function scanMember(ctx: ScanContext, entry: ZipEntry, state: ArchiveState, hint?: string): Promise<void> {
  if (entry.dataOffset === null) return; // reported by the listing's anomalies
  const where = { pointer: entry.name, offset: entry.localHeaderOffset };
  const childName = memberChildName(entry);

  if (entry.isSymlink) return judgeSymlink(ctx, entry);
  if (entry.isDir && entry.compressedSize === 0) return;
  const bombsBefore = ctx.budget.bombs;
  const upFront = entry.encrypted ? null : await judgeUpFront(ctx, entry, state);
  if (upFront === 'skip') return;
  await scanMemberContent(ctx, entry, state, hint, upFront ?? undefined);
  // Whatever went off below this member (its own inflation or a nested bomb) marks its bytes.
  if (ctx.budget.bombs > bombsBefore) {
    const bytes = await compressedBytes(ctx, entry);
    if (bytes) rememberBombTwin(ctx.budget, twinKey(entry), bytes);
  }
}

async function scanMemberContent(ctx: ScanContext, entry: ZipEntry, state: ArchiveState, hint?: string, bomb?: DeclaredBomb): Promise<void> {
  const where = { pointer: entry.name, offset: entry.localHeaderOffset };
  const childName = memberChildName(entry);

  let plain: MemberBytes | undefined;
  if (entry.encrypted) {
    plain = await plainDespiteFlag(countedSource(ctx), entry, ctx.budget, ctx.checkAborted);
    if (!plain) {
      ctx.report({ ruleId: 'archive/encrypted-member', message: `Member "${entry.name}" is encrypted and was not scanned`, ...where });
      ctx.limited(`encrypted member "${entry.name}" not scanned`);
      return;
    }
    ctx.report({ ruleId: 'archive/false-encryption-flag',
      message: `Member "${entry.name}" is flagged as encrypted (flags 0x${entry.flags.toString(16)}) but its data is plain; it was scanned`, ...where });
  }

  if (entry.method === METHOD_STORED) {
    if (!plain && entry.compressedSize <= STORED_CRC_MAX_BYTES) {
      const bytes = await memberData(countedSource(ctx), entry).read(0, entry.compressedSize);
      if (crc32(bytes) !== entry.crc32) reportCrc(ctx, entry, crc32(bytes));
    }
    if (entry.compressedSize !== entry.uncompressedSize) {
      ctx.report({ ruleId: 'format/malformed',
        message: `Stored member "${entry.name}" declares ${entry.uncompressedSize} bytes but holds ${entry.compressedSize}`, ...where });
    }
    await ctx.scanChild(childName, memberData(ctx.source, entry), hint);
    return;
  }

  if (entry.method !== METHOD_DEFLATE) {
    // bzip2, LZMA, Zstandard and XZ members: decoded with the compressed scanner's codecs (wrapped.ts).
    const wrapped = plain ? null : await decodeWrapped(countedSource(ctx), entry, ctx.budget, ctx.checkAborted);
    if (wrapped) return scanWrapped(ctx, entry, state, wrapped, hint);
    const label = METHOD_NAMES[entry.method] ? `${METHOD_NAMES[entry.method]} (method ${entry.method})` : `method ${entry.method}`;
    ctx.report({ ruleId: 'archive/unsupported-method', message: `Member "${entry.name}" is compressed with ${label} and was not scanned`, ...where });
    ctx.limited(`member "${entry.name}" uses unsupported method ${entry.method}`);
    return;
  }

  // The first declared bombs of an archive get a generous prefix, the rest (a zip of thousands) 1 MiB each.
  const prefix = (state.refused ?? 0) <= REFUSALS_REPORTED ? BOMB_PREFIX_BYTES : RATIO_FLOOR_BYTES;
  const out = plain ?? await inflateMember(ctx, entry, bomb ? prefix : undefined);
  if (bomb) {
    // Reported up front; only a corrupt stream is worth another word.
    if (out.error !== undefined) judgeInflate(ctx, entry, { ...out, cut: undefined });
  } else {
    if (out.cut === 'ratio' || out.cut === 'budget') { state.bombFound = true; ctx.budget.bombs++; }
    judgeInflate(ctx, entry, out);
  }
  await ctx.scanChild(childName, fromBytes(out.bytes, childName), hint);
}

/** A bzip2/LZMA/Zstandard/XZ member's decoded bytes, judged as an inflated member's are, then scanned under its name. */
async function scanWrapped(ctx: ScanContext, entry: ZipEntry, state: ArchiveState, out: WrappedBytes, hint?: string): Promise<void> {
  if (out.cut === 'ratio' || out.cut === 'budget') { state.bombFound = true; ctx.budget.bombs++; }
  judgeInflate(ctx, entry, { bytes: out.bytes, crcOk: out.cut || out.error !== undefined ? null : crc32(out.bytes) === entry.crc32,
    ...(out.cut ? { cut: out.cut } : {}) });
  if (out.error !== undefined) {
    ctx.report({ ruleId: 'format/malformed', message: `Member "${entry.name}" has corrupt ${out.codec} data (${out.error}); the first ${out.bytes.length} bytes were scanned`,
      pointer: entry.name, offset: entry.localHeaderOffset });
    ctx.limited(`member "${entry.name}" could not be fully decoded`);
  }
  const childName = memberChildName(entry);
  await ctx.scanChild(childName, fromBytes(out.bytes, childName), hint);
}

/** A deflated member, stopped at its declared size as well as at the ratio, member and budget caps. */
async function inflateMember(ctx: ScanContext, entry: ZipEntry, maxBytes?: number): Promise<MemberBytes> {
  const out = await inflateRawBounded(memberData(countedSource(ctx), entry), ctx.budget, {
    checkAborted: ctx.checkAborted, declaredBytes: entry.uncompressedSize, maxBytes, judgedBomb: maxBytes !== undefined });
  const res: MemberBytes = { bytes: out.bytes, crcOk: out.cut || out.error !== undefined ? null : out.crc32 === entry.crc32 };
  if (out.cut) { res.cut = out.cut; res.limit = out.limit; }
  if (out.error !== undefined) res.error = out.error;
  return res;
}

function judgeInflate(ctx: ScanContext, entry: ZipEntry, out: MemberBytes): void {
  const where = { pointer: entry.name, offset: entry.localHeaderOffset };
  const scanned = out.bytes.length ? `the first ${out.bytes.length} bytes were scanned` : 'nothing of it was scanned';
  if (out.cut === 'ratio') {
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `Member "${entry.name}" expands more than ${ctx.budget.limits.maxCompressionRatio}:1 (${entry.compressedSize} compressed bytes, stopped at ${out.bytes.length}); ${scanned}`,
      evidence: `declared size ${entry.uncompressedSize}`, ...where });
    ctx.limited(`member "${entry.name}" stopped at the compression ratio limit`);
  } else if (out.cut === 'budget') {
    ctx.report({ ruleId: 'archive/compression-bomb',
      message: `Decompressing member "${entry.name}" passed the file's total of ${ctx.budget.limits.maxInflatedBytes} inflated bytes; ${scanned}`, ...where });
    ctx.limited(`member "${entry.name}" stopped at maxInflatedBytes`);
  } else if (out.cut === 'declared') {
    ctx.report({ ruleId: 'format/malformed',
      message: `Member "${entry.name}" inflates past the ${entry.uncompressedSize} bytes it declares (extractors stop there); ${scanned}`, ...where });
    ctx.limited(`member "${entry.name}" larger than it declares`);
  } else if (out.cut === 'member-cap') {
    ctx.report({ ruleId: 'scan/limit-reached',
      message: `Member "${entry.name}" inflates past ${out.limit} bytes (maxMemberBytes); ${scanned}`, ...where });
    ctx.limited(`member "${entry.name}" larger than maxMemberBytes`);
  }
  if (out.error !== undefined) {
    ctx.report({ ruleId: 'format/malformed', message: `Member "${entry.name}" has corrupt deflate data (${out.error}); ${scanned}`, ...where });
    ctx.limited(`member "${entry.name}" could not be fully inflated`);
  } else if (!out.cut) {
    if (out.bytes.length !== entry.uncompressedSize) {
      ctx.report({ ruleId: 'format/malformed',
        message: `Member "${entry.name}" declares ${entry.uncompressedSize} bytes but inflates to ${out.bytes.length}`, ...where });
    }
    if (out.crcOk === false) reportCrc(ctx, entry, crc32(out.bytes));
  }
}

function reportCrc(ctx: ScanContext, entry: ZipEntry, actual: number): void {
  const h = (n: number) => n.toString(16).padStart(8, '0');
  ctx.report({ ruleId: 'archive/crc-mismatch', message: `Member "${entry.name}" does not match its CRC-32; it was scanned anyway`,
    pointer: entry.name, offset: entry.localHeaderOffset, evidence: `declared ${h(entry.crc32)}, actual ${h(actual)}` });
}

/**
 * A member flagged encrypted (bit 0 or 6) whose bytes are nevertheless the plain content: stored with
 * equal sizes and a matching CRC, or deflate that inflates cleanly to the declared CRC. Real encryption
 * prepends a 12-byte header (APPNOTE 6.1.3) and scrambles the data, so neither test passes by chance.
 */
export async function plainDespiteFlag(source: ByteSource, entry: ZipEntry, budget: Budget,
  checkAborted?: () => void): Promise<MemberBytes | undefined> {
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.uncompressedSize || entry.compressedSize > STORED_CRC_MAX_BYTES) return undefined;
    const bytes = await memberData(source, entry).read(0, entry.compressedSize);
    return crc32(bytes) === entry.crc32 ? { bytes, crcOk: true } : undefined;
  }
  if (entry.method === METHOD_DEFLATE) {
    const out = await readMember(source, entry, budget, { checkAborted });
    return out.crcOk === true ? out : undefined;
  }
  return undefined;
}

async function judgeSymlink(ctx: ScanContext, entry: ZipEntry): Promise<void> {
  const where = { pointer: entry.name, offset: entry.localHeaderOffset };
  let target = '';
  if (!entry.encrypted && (entry.method === METHOD_STORED || entry.method === METHOD_DEFLATE)) {
    const out = await readMember(countedSource(ctx), entry, ctx.budget, { maxBytes: SYMLINK_TARGET_MAX_BYTES, checkAborted: ctx.checkAborted });
    target = utf8(out.bytes);
  }
  const v = judgeLink(entry.name, target);
  if (v.escapes) {
    const why = v.why === 'system' ? `at the system location ${v.system}` : v.why === 'absolute' ? 'at an absolute path' : 'outside the extraction folder';
    ctx.report({ ruleId: 'archive/symlink-escape', message: `Member "${entry.name}" is a symbolic link pointing ${why}: "${target}"`, evidence: target, ...where });
  } else {
    ctx.report({ ruleId: 'archive/symlink', message: `Member "${entry.name}" is a symbolic link to "${target}"`, evidence: target, ...where,
      ...(target ? INSIDE_LINK : {}) });
  }
}

/** One piece of a run of bytes no member owns: a member the central directory does not list, or the rest. */
export type HiddenPart =
  | { kind: 'member'; entry: ZipEntry }
  | { kind: 'bytes'; start: number; end: number; name: string };

/**
 * Splits a run of unowned bytes the way the scanner reads it (and open.ts re-reads it): local headers
 * the central directory does not list, one after the other, then whatever is left as raw bytes.
 */
export async function* hiddenParts(source: ByteSource, h: { start: number; end: number }, maxMembers: number): AsyncGenerator<HiddenPart> {
  let start = h.start;
  for (let found = 0; start < h.end && found < maxMembers; found++) {
    const local = await readLocalHeader(source, start);
    if (!local || local.compressedSize === 0 || (local.flags & 0x0008) !== 0 || local.dataOffset + local.compressedSize > h.end) break;
    yield { kind: 'member', entry: {
      index: -1, name: local.name, nameBytes: local.nameBytes, utf8: false, method: local.method, flags: local.flags,
      crc32: local.crc32, compressedSize: local.compressedSize, uncompressedSize: local.uncompressedSize,
      centralOffset: -1, localHeaderOffset: start, dataOffset: local.dataOffset, madeBy: 0, externalAttrs: 0,
      isSymlink: false, isDir: false, encrypted: (local.flags & 0x41) !== 0,
    } };
    start = local.dataOffset + local.compressedSize;
  }
  if (start < h.end) yield { kind: 'bytes', start, end: h.end, name: `[bytes ${start}-${h.end}]` };
}
