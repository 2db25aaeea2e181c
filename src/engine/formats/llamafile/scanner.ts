// llamafile and other Actually Portable Executables (Cosmopolitan Libc, ape/ape.S): a DOS/PE header
// whose first bytes are also a shell assignment (`MZqFpD='`), the program, and a zip at the end that
// Cosmopolitan reads as /zip/ and llamafile's zipalign extends with the GGUF weights and `.args`.
// The file is reported as the program it is; the zip, found from its end like every zip, goes through
// the shared archive checks and each member back through ctx.scanChild (the GGUF to the GGUF scanner,
// its chat templates on to the template scanner). The program bytes before the archive are not swept
// again: they are the executable already reported.
import type { Head, ScanContext, Scanner } from '../../types';
import { findZipEnd, tailFor } from '../../containers/zip-sniff';
import { listZip } from '../../containers/zip';
import { clip, startsWith } from '../../io/text';
import { countedSource } from '../zip/members';
import { scanZipListing } from '../zip/scanner';
import { openZipChild } from '../zip/open';
import { llamafileSniffer, type ApeState } from './sniff';

const CENTRAL_SIG = [0x50, 0x4b, 0x01, 0x02]; // APPNOTE 4.3.12
/** Members named in the finding; the note lists them all. */
const NAMED_MEMBERS = 5;

function indexOf(b: Uint8Array, sig: number[]): number {
  for (let i = b.length - sig.length; i >= 0; i--) if (startsWith(b, sig, i)) return i;
  return -1;
}

async function scanApe(ctx: ScanContext<ApeState>): Promise<void> {
  ctx.note('executable', ctx.state.label);
  // The APE magic settles the format from the head, so the orchestrator read no tail: read it here.
  const head: Head = { ...ctx.head, tail: await tailFor(countedSource(ctx), ctx.head) };
  if (!findZipEnd(head)) {
    ctx.note('zip', false);
    // Central directory records in the last bytes but no end record: the archive was cut short.
    const end = head.tail ?? head.bytes;
    const cut = indexOf(end, CENTRAL_SIG) >= 0;
    if (cut) {
      ctx.report({ ruleId: 'format/malformed', message: 'The zip archive at the end of the program is cut short (central directory records but no end record); its members were not scanned' });
      ctx.limited('zip archive at the end is cut short');
    }
    ctx.report({ ruleId: 'llamafile/executable', offset: 0, evidence: ctx.state.label,
      message: `This file is a program (${ctx.state.label}) ${cut ? 'whose zip archive is cut short' : 'with no zip archive at its end, so no model weights'}; running it runs its native code` });
    return;
  }
  const listing = await listZip(countedSource(ctx), ctx.budget.limits);
  const ggufs = listing.entries.filter((e) => /\.gguf$/i.test(e.name)).map((e) => e.name);
  ctx.note('gguf', ggufs);
  if (listing.entries.some((e) => e.name === '.args')) ctx.note('defaultArgs', true);
  const named = ggufs.slice(0, NAMED_MEMBERS).map((n) => `"${clip(n, 80)}"`).join(', ');
  ctx.report({ ruleId: 'llamafile/executable', offset: 0, evidence: ctx.state.label,
    message: ggufs.length
      ? `This file is a llamafile: a program (${ctx.state.label}) carrying ${named}${ggufs.length > NAMED_MEMBERS ? ', ...' : ''}; running it runs its native code`
      : `This file is a program (${ctx.state.label}) with a zip of ${listing.entries.length} members at its end; running it runs its native code` });
  await scanZipListing(ctx, listing, undefined, { known: `of the program (${ctx.state.label})` });
}

export const llamafileScanner: Scanner<ApeState> = {
  ...llamafileSniffer,
  scan: scanApe,
  open: (ctx, name, nth) => openZipChild(ctx, name, nth),
};
