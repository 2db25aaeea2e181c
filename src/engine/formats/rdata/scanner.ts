// R serialized data: saveRDS/readRDS streams (.rds: 'X\n', 'B\n' or 'A\n' then version 2 or 3),
// save/load workspaces (.RData/.rda: 'RDX2\n'/'RDX3\n' (XDR), 'RDA.'(ASCII), 'RDB.' (binary) in front
// of a stream; R src/main/saveload.c R_ReadMagic) and lazy-load databases (.rdb, lazyload.ts). The
// gzip/bzip2/xz wrappers saveRDS and save() write are opened by the compressed scanner, which hands
// the stream back here through scanChild; the .rdx index is such a gzip-wrapped stream too.
import type { OpenContext, OpenedChild, ScanContext, Scanner } from '../../types';
import { FormatError } from '../../types';
import { byteRangeName, openByteRange } from '../child-names';
import { parseSerialized } from './parse';
import { describe, foreignNamespaces, judgeR } from './judge';
import { rdataSniffer, streamHeader, type RState } from './sniff';
import { LAZYLOAD_ENTRY_HINT, openBlob, scanLazyLoadDb } from './lazyload';

export const rdataScanner: Scanner<RState> = {
  ...rdataSniffer,
  scan,
  async open(ctx: OpenContext<RState>, name: string): Promise<OpenedChild | null> {
    if (ctx.state.kind === 'lazyload') return openBlob(ctx, name);
    return openByteRange(ctx.source, name);
  },
};

async function scan(ctx: ScanContext<RState>): Promise<void> {
  const { kind, start } = ctx.state;
  if (kind === 'lazyload') return scanLazyLoadDb(ctx);
  ctx.note('container', kind === 'stream' ? 'serialize (readRDS)' : 'save (load)');
  if (kind === 'workspace-v1') {
    ctx.report({ ruleId: 'rdata/unsupported-version', message: 'The workspace uses the version-1 save format, which was not decoded' });
    ctx.limited('version-1 workspace not decoded');
    return;
  }
  const cap = ctx.budget.limits.maxMemberBytes;
  const held = Math.min(ctx.source.size, cap);
  const bytes = await ctx.read(0, held);
  if (!streamHeader(bytes, start)) throw new FormatError('no R serialization header after the workspace magic', start);
  const parsed = parseSerialized(bytes, start, () => ctx.checkAborted());
  const h = parsed.header;
  ctx.note('serialization', `${h.format} version ${h.version}`);
  ctx.note('writtenBy', `R ${h.writerVersion}`);
  if (h.encoding) ctx.note('nativeEncoding', h.encoding);
  ctx.note('objects', parsed.nodes);

  const packageCode = ctx.head.hint === LAZYLOAD_ENTRY_HINT;
  const verdict = judgeR(parsed, kind === 'workspace', packageCode);
  for (const f of verdict.findings) ctx.report(f);
  // Package code is full of CRAN, GitHub and documentation links: there they are expected, as in prose.
  for (const s of verdict.codeStrings) ctx.inspectString(s.text, { offset: s.offset, key: 'R code string', ...(packageCode ? { documentation: true } : {}) });
  const c = verdict.counts;
  if (c.closures + c.bytecode > 0) {
    ctx.report({ ruleId: 'rdata/closure', evidence: `${c.closures} closures, ${c.bytecode} bytecode objects`,
      message: `The object holds ${c.closures} R function${c.closures === 1 ? '' : 's'} and ${c.bytecode} byte-compiled code object${c.bytecode === 1 ? '' : 's'}, run only when called` });
  }
  const foreign = foreignNamespaces(verdict);
  if (foreign.length > 0) {
    ctx.report({ ruleId: 'rdata/namespace', evidence: foreign.slice(0, 20).join(', '),
      message: `Loading the object loads the package namespace${foreign.length === 1 ? '' : 's'} ${foreign.slice(0, 8).join(', ')}${foreign.length > 8 ? ', …' : ''}` });
  }
  ctx.note('counts', { ...c });
  if (verdict.namespaces.length > 0) ctx.note('namespaces', verdict.namespaces.slice(0, 50));
  if (verdict.variables.length > 0) ctx.note('variables', verdict.variables.slice(0, 100));
  if (parsed.root?.t === 'lang') ctx.note('topCall', describe(parsed.root));
  if (verdict.cut) ctx.limited('the object graph is larger than the judge walks');

  if (parsed.error) {
    if (parsed.error.kind === 'limit') {
      ctx.report({ ruleId: 'scan/limit-reached', offset: parsed.error.offset, message: `The R object was not read to its end: ${parsed.error.message}` });
      ctx.limited(parsed.error.message);
    } else {
      ctx.report({ ruleId: 'format/malformed', offset: parsed.error.offset, message: `Malformed R serialization: ${parsed.error.message}` });
      ctx.limited('the R serialization stream is broken');
    }
    return;
  }
  if (held < ctx.source.size) {
    ctx.report({ ruleId: 'scan/limit-reached', offset: held, message: `Only the first ${held} bytes were read (maxMemberBytes)` });
    ctx.limited('stream larger than maxMemberBytes');
    return;
  }
  await trailing(ctx, parsed.end, bytes);
}

/** ASCII streams end with a newline; anything else after the object is reported and scanned. */
async function trailing(ctx: ScanContext<RState>, end: number, bytes: Uint8Array): Promise<void> {
  let at = end;
  while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x20 || bytes[at] === 0x0d)) at++;
  if (at >= ctx.source.size) return;
  ctx.report({ ruleId: 'rdata/trailing-data', offset: at, evidence: `${ctx.source.size - at} bytes`,
    message: `${ctx.source.size - at} bytes follow the end of the R object` });
  await ctx.scanChild(byteRangeName(at, ctx.source.size), ctx.source.slice(at, ctx.source.size));
}
