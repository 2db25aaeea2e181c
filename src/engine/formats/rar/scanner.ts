// RAR archives (v1.5-4 and v5), read by the bundled 7-Zip (7z-wasm includes the RAR decoder, see its
// unRarLicense.txt) with the archive type forced by the signature (-trar / -trar5), then judged and
// extracted member by member exactly as 7z archives are (formats/sevenzip: names, links, duplicates,
// encryption, ratio bombs, every member through ctx.scanChild under the budget). RAR lists a packed
// size per member, so each member is its own ratio unit; in a solid archive 7-Zip decodes earlier
// members to reach a later one, which the inflation budget does not see (a known undercount).
// Signatures: RAR 4.x technote "Rar!\x1a\x07\x00", RAR 5.0 technote "Rar!\x1a\x07\x01\x00".
import type { OpenContext, OpenedChild, ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { SevenZipSession, MAX_IN_MEMORY_ARCHIVE_BYTES } from '../sevenzip/session';
import { parseListing, type SevenZipEntry } from '../sevenzip/parse';
import { judgeAndExtract, reopenListed } from '../sevenzip/scanner';
import { rarSniffer, type RarState } from './sniff';

/** RAR 4.x main header (type 0x73) flag MHD_PASSWORD: every later header is encrypted. */
const RAR4_MHD_PASSWORD = 0x0080;
/** RAR 5.0: header type 4 (archive encryption header) right after the signature. */
const RAR5_ENCRYPTION_HEADER = 4;

/** Whether the archive's headers (names included) are encrypted, from its first header. */
function headersEncrypted(b: Uint8Array, version: 4 | 5): boolean {
  if (version === 4) return b.length >= 12 && b[9] === 0x73 && ((b[10]! | (b[11]! << 8)) & RAR4_MHD_PASSWORD) !== 0;
  // CRC32 (4 bytes), header size (vint), header type (vint) after the 8-byte signature.
  let p = 12;
  while (p < b.length && (b[p]! & 0x80) !== 0) p++;
  return b[p + 1] === RAR5_ENCRYPTION_HEADER;
}

/** RAR members are not grouped in 7z folders: each member is its own unit for the ratio check. */
function asUnits(entries: SevenZipEntry[]): SevenZipEntry[] {
  for (const e of entries) if (!e.isDir && e.block === undefined) e.block = e.index;
  return entries;
}

async function list(ctx: ScanContext<RarState> | OpenContext<RarState>, session: SevenZipSession): Promise<SevenZipEntry[] | null> {
  const run = session.list();
  if (run.rc !== 0 || run.crashed) return null;
  const { entries, truncated } = parseListing(run.out, ctx.budget.limits.maxMembers);
  return truncated || run.droppedLines > 0 ? null : asUnits(entries);
}

async function scanRar(ctx: ScanContext<RarState>): Promise<void> {
  const { version } = ctx.state;
  ctx.note('version', version === 5 ? 'RAR 5' : 'RAR 1.5-4');
  const session = await SevenZipSession.open(ctx.source, version === 5 ? 'rar5' : 'rar');
  if (!session) {
    ctx.report({ ruleId: 'scan/limit-reached', message: `The ${ctx.source.size}-byte archive cannot be read lazily here and is above the ${MAX_IN_MEMORY_ARCHIVE_BYTES}-byte limit for an in-memory copy; it was not opened` });
    ctx.limited('RAR archive too large to copy into memory');
    return;
  }
  try {
    const run = session.list();
    if (run.rc !== 0 || run.crashed) {
      if (headersEncrypted(ctx.head.bytes, version)) {
        ctx.report({ ruleId: 'archive/encrypted-member', message: 'The RAR archive\'s headers are encrypted (rar -hp); no member could be listed or scanned' });
        ctx.limited('encrypted RAR headers');
        return;
      }
      const why = run.crashed ?? (run.err.map((l) => l.trim()).filter((l) => l && l !== 'ERRORS:').slice(0, 2).join('; ') || `exit code ${run.rc}`);
      throw new FormatError(`7-Zip cannot open the RAR archive: ${why}`);
    }
    const limit = ctx.budget.limits.maxMembers;
    const { entries, truncated } = parseListing(run.out, limit);
    ctx.note('members', entries.length);
    if (truncated || run.droppedLines > 0) {
      ctx.report({ ruleId: 'archive/too-many-members', message: `The archive holds more than ${limit} members; none were extracted` });
      ctx.limited(`more than ${limit} members`);
      return;
    }
    await judgeAndExtract(ctx, session, asUnits(entries), 0);
  } finally {
    session.close();
  }
}

/** Re-extracts the nth child named `name` (same listing, same plan, same order as the scan). */
async function openRarChild(ctx: OpenContext<RarState>, name: string, nth: number): Promise<OpenedChild | null> {
  const session = await SevenZipSession.open(ctx.source, ctx.state.version === 5 ? 'rar5' : 'rar');
  if (!session) return null;
  try {
    const entries = await list(ctx, session);
    if (!entries) return null;
    return await reopenListed(ctx, session, entries, name, nth);
  } finally {
    session.close();
  }
}

export const rarScanner: Scanner<RarState> = {
  ...rarSniffer,
  scan: scanRar,
  open: openRarChild,
};
