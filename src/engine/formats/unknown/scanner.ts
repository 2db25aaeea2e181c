// The fallback: content no format scanner claims, at the top level or a hidden region another
// scanner sent through ctx.scanChild (trailing bytes, unknown archive members, ...). Nothing is
// known about its structure, so it is swept in bounded windows for executable headers and its
// strings go through the shared string detectors. The sweep stops at limits.maxSweepBytes and says so.
import type { ScanContext, Scanner } from '../../types';
import { EXEC_HEADER_REACH, executableAt, findExecutables, type ExecKind } from '../../detectors/executables';
import { hex, looksLikeText, utf8 } from '../../io/text';
import { LineBlocker, isPrintable, isTextual, printableRuns } from './blocks';
import type { RuleId } from '../../rules';
import { unknownSniffer } from './sniff';

/** Bytes examined per step: bounds memory to one window plus its overlap. */
export const SWEEP_WINDOW = 4 * 1024 * 1024;
/**
 * Bytes each window reads past its own range, so a header (or a printable run) that starts near the
 * end of a window is judged with all the bytes its validation needs. Each offset is owned by exactly
 * one window, so nothing is reported twice.
 */
export const SWEEP_OVERLAP = EXEC_HEADER_REACH;
/** Text lines are handed to the string detectors in blocks of about this size (location = first line). */
const TEXT_BLOCK_BYTES = 16 * 1024;
/** Printable runs shorter than this in binary data are noise (random bytes make 8-byte runs often). */
const MIN_PRINTABLE_RUN = 16;
/** Longest printable run taken from binary data; must not exceed the overlap (see printableRuns). */
const MAX_PRINTABLE_RUN = 64 * 1024;
/** Binary strings are joined into detector calls of about this size (one call per run would be slow). */
const RUN_BLOCK_CHARS = 16 * 1024;

const EXEC_RULE: Record<ExecKind, RuleId> = {
  pe: 'executable/pe', elf: 'executable/elf', macho: 'executable/macho', script: 'executable/script',
};

/** Names that announce a script: a file like this at the top of a folder is shown, not hidden. */
const SCRIPT_EXTENSIONS = new Set(['', '.sh', '.bash', '.zsh', '.py', '.pl', '.rb', '.js', '.mjs', '.command']);

/** Prose for people: links are expected there (see StringWhere.documentation). */
const DOC_EXTENSIONS = new Set(['.md', '.markdown', '.rst', '.txt', '.html', '.htm']);
const DOC_NAMES = /^(readme|licen[cs]e|notice|copying|changelog|authors|citation|contributing)\b/i;

export function isDocumentation(name: string, ext: string): boolean {
  return DOC_EXTENSIONS.has(ext) || DOC_NAMES.test(name);
}

function reportExecutable(ctx: ScanContext, kind: ExecKind, offset: number, description: string, bytes: Uint8Array, at: number): void {
  const where = offset === 0 ? 'This content is' : `Embedded at offset ${offset}:`;
  // A script file handed over on its own and named as one (convert.sh beside the weights) is something
  // to review; a script inside model content (an archive member, a hidden region, past offset 0) or
  // named like something else (setup.bin) is a payload.
  const standalone = kind === 'script' && offset === 0 && ctx.depth === 0 && SCRIPT_EXTENSIONS.has(ctx.head.ext);
  ctx.report({ ruleId: EXEC_RULE[kind], message: `${where} ${description}`, offset, evidence: hex(bytes.subarray(at, at + 16), 16),
    ...(standalone ? { severity: 'warning' as const, severityReason: 'a standalone script file, not embedded in model content' } : {}) });
}

export const unknownScanner: Scanner = {
  ...unknownSniffer,

  scan: (ctx) => sweep(ctx, false),
};

/**
 * The generic sweep for a scanner that recognised its format but cannot decode all of it (data it
 * skips, an undocumented layout): executables and strings, without the "format not recognised" note.
 */
export function sweepRecognised(ctx: ScanContext): Promise<void> {
  return sweep(ctx, true);
}

async function sweep(ctx: ScanContext, recognised: boolean): Promise<void> {
  const { size } = ctx.source;
  const limits = ctx.budget.limits;
  const sweepEnd = Math.min(size, limits.maxSweepBytes);
  const textFile = looksLikeText(ctx.head.bytes);
  const documentation = textFile && isDocumentation(ctx.head.name, ctx.head.ext);
  const whole = executableAt(ctx.head.bytes, 0);
  ctx.note('content', textFile ? 'text' : 'binary');
  if (whole) ctx.note('detected', whole.description);
  else if (!textFile && !recognised) {
    ctx.report({ ruleId: 'file/unrecognized-format', message: 'No scanner recognised this content; it was swept for executables and strings only',
      evidence: hex(ctx.head.bytes, 16) });
  }

  const blocker = new LineBlocker(Math.min(TEXT_BLOCK_BYTES, limits.maxStringBytes));
  const inspectBlocks = (blocks: ReturnType<LineBlocker['push']>) => {
    for (const b of blocks) ctx.inspectString(utf8(b.bytes), { pointer: `line:${b.line}`, offset: b.offset, documentation });
  };
  let previousLast = -1; // last owned byte of the previous window

  for (let start = 0; start < sweepEnd; start += SWEEP_WINDOW) {
    ctx.checkAborted();
    const own = Math.min(SWEEP_WINDOW, sweepEnd - start);
    const bytes = await ctx.read(start, Math.min(size - start, own + SWEEP_OVERLAP));
    const isLast = start + own >= sweepEnd;

    for (const hit of findExecutables(bytes, start, { startIsLineStart: start === 0 })) {
      if (hit.offset >= start + own) continue; // the next window owns it (and has its full header)
      // In text, "#!/bin/sh" after a newline is documentation (a README's code block); only a
      // text file that starts with one is a script.
      if (hit.kind === 'script' && textFile && hit.offset !== 0) continue;
      reportExecutable(ctx, hit.kind, hit.offset, hit.description, bytes, hit.offset - start);
    }

    const owned = bytes.subarray(0, own);
    if (isTextual(owned)) {
      inspectBlocks(blocker.push(owned, start, isLast));
    } else {
      inspectBlocks(blocker.push(new Uint8Array(0), start, true)); // text before this binary stretch
      sweepStrings(ctx, bytes, own, start, previousLast >= 0 && isPrintable(previousLast));
    }
    previousLast = owned[own - 1] ?? -1;
  }
  ctx.note('sweptBytes', sweepEnd);

  if (sweepEnd < size) {
    ctx.limited(`swept ${sweepEnd} of ${size} bytes (maxSweepBytes)`);
    ctx.report({ ruleId: 'scan/limit-reached',
      message: `Only the first ${sweepEnd} of ${size} bytes were swept for executables and strings (limit maxSweepBytes)`,
      offset: sweepEnd });
  }
}

/** Printable runs of a binary window, joined into blocks for the string detectors. */
function sweepStrings(ctx: ScanContext, bytes: Uint8Array, own: number, start: number, continued: boolean): void {
  const runs = printableRuns(bytes, own, start, continued, MIN_PRINTABLE_RUN, MAX_PRINTABLE_RUN);
  let parts: string[] = [];
  let chars = 0;
  let first = -1;
  const flush = () => {
    if (parts.length) ctx.inspectString(parts.join('\n'), { offset: first });
    parts = []; chars = 0; first = -1;
  };
  for (const r of runs) {
    if (chars + r.text.length > RUN_BLOCK_CHARS) flush();
    if (first < 0) first = r.offset;
    parts.push(r.text);
    chars += r.text.length + 1;
  }
  flush();
}
