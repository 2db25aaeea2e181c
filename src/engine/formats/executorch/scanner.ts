// ExecuTorch scanner: judges what parse.ts reads from a .pte program. What runs when a program loads:
// the kernels its operators name (core ATen/ExecuTorch kernels, or whatever a custom kernel library
// registered under a name) and the backends its delegates name, each handed a blob from the file. The
// blobs (inline or in segments), segments nothing references and bytes outside every structure go back
// through the orchestrator as children, so an executable or archive hidden there is found by content;
// the flatbuffer's own bytes are swept for native executables. Not read: tensor data (constant and
// mutable segments, named data, inline constant buffers), EValue contents and debug stack frames.
import { FormatError, type OpenContext, type OpenedChild, type ScanContext, type Scanner } from '../../types';
import { clip, hex } from '../../io/text';
import { EXEC_HEADER_REACH, findExecutables } from '../../detectors/executables';
import type { RuleId } from '../../rules';
import { byteRangeName, openByteRange } from '../child-names';
import type { RandomAccess } from '../tflite/checked-buffer';
import { HEAD_BYTES, parseHeader } from './header';
import type { PteProblem, PteProgram } from './parse';
import { classifyBackend, classifyOperator, qualifiedName } from './policy';
import { executorchSniffer } from './sniff';

type ParseModule = typeof import('./parse');

/** program.fbs file_identifier: the schema the generated accessors decode. */
const SCHEMA_IDENTIFIER = 'ET12';
/** Operators and delegates reported one by one; the rest are counted in the summary. */
const MAX_REPORTED = 64;
/** Gaps between structures up to this size are read and skipped when all zero (alignment padding,
 * _program.py pads to 128-byte segment alignment); anything else is scanned as a child. */
const MAX_PADDING_READ = 64 * 1024;
/** Window of the program sweep for executables (the flatbuffer itself: unreferenced bytes between tables). */
const SWEEP_WINDOW = 4 * 1024 * 1024;
const EXEC_RULE = { pe: 'executable/pe', elf: 'executable/elf', macho: 'executable/macho' } as const satisfies Record<string, RuleId>;
/** Strings of the program (plan names, backend ids, compile spec keys) handed to the string detectors. */
const MAX_INSPECTED_STRINGS = 10_000;

async function scan(ctx: ScanContext): Promise<void> {
  const lib: ParseModule = await import('./parse');
  const header = parseHeader(await ctx.read(0, HEAD_BYTES));
  const program = lib.parseProgram(await randomAccess(ctx, lib), header, () => ctx.checkAborted());
  if (header.identifier !== SCHEMA_IDENTIFIER) {
    ctx.report({ ruleId: 'executorch/other-schema', offset: 4, evidence: header.identifier,
      message: `The file identifier is ${header.identifier}; this scanner decodes the ${SCHEMA_IDENTIFIER} schema, so fields may be misread` });
    ctx.limited(`schema ${header.identifier} decoded as ${SCHEMA_IDENTIFIER}`);
  }
  const bounds = judgeProblems(ctx, program.problems, program);
  if (program.droppedProblems > 0) ctx.limited(`${program.droppedProblems} further structural problems not listed`);
  if (program.clippedStrings > 0) ctx.limited(`${program.clippedStrings} strings only partly read`);
  judgeOperators(ctx, program);
  judgeDelegates(ctx, program);
  inspectStrings(ctx, program);
  summarize(ctx, program);
  await scanRegions(ctx, program);
  if (bounds > 0) throw new FormatError(`${bounds} reference${bounds === 1 ? '' : 's'} outside the file or its tables (see executorch/out-of-bounds)`);
}

async function randomAccess(ctx: ScanContext, lib: ParseModule): Promise<RandomAccess> {
  const size = ctx.source.size;
  const readSync = ctx.source.readSync?.bind(ctx.source);
  if (size > lib.MAX_FLATBUFFER_WINDOW && readSync) {
    ctx.note('reading', 'paged');
    return lib.paged(readSync, size, (n) => { ctx.budget.chargeRead(n); ctx.checkAborted(); });
  }
  const held = Math.min(size, lib.MAX_FLATBUFFER_WINDOW);
  const bytes = await ctx.read(0, held);
  if (bytes.length < held) throw new FormatError(`short read: ${bytes.length} of ${held} bytes`);
  return lib.inMemory(bytes, size);
}

/** Reports the parser's problems; returns how many were references outside the file or its tables. */
function judgeProblems(ctx: ScanContext, problems: readonly PteProblem[], program: PteProgram): number {
  let bounds = 0;
  let unread = 0;
  for (const p of problems) {
    switch (p.kind) {
      case 'absurd':
        ctx.report({ ruleId: 'executorch/absurd-count', pointer: p.pointer, evidence: `${p.count} (limit ${p.limit})`,
          message: `The ${p.what} ${p.count} is beyond any real program; only ${p.limit} were checked` });
        ctx.limited(`${p.what} ${p.count} above ${p.limit}`);
        break;
      case 'dangling':
        bounds++;
        ctx.report({ ruleId: 'executorch/out-of-bounds', pointer: p.pointer, offset: p.offset, evidence: `${p.index} of ${p.count}`,
          message: `The ${p.what} ${p.index} points past the ${p.count} entries it indexes` });
        break;
      case 'out-of-bounds':
        bounds++;
        ctx.report({ ruleId: 'executorch/out-of-bounds', pointer: p.pointer, evidence: `${p.start}+${p.length} > ${p.limit}`,
          message: `The ${p.what} at ${p.start} (${p.length} bytes) ends past byte ${p.limit}` });
        break;
      case 'broken':
        ctx.report({ ruleId: 'format/malformed', pointer: p.pointer, offset: p.offset, message: `Malformed ExecuTorch table: ${p.reason}` });
        ctx.limited(`table ${p.pointer} unreadable`);
        break;
      case 'unread':
        unread++;
        break;
    }
  }
  if (unread > 0) {
    ctx.report({ ruleId: 'scan/limit-reached', offset: program.held,
      message: `${unread} tables lie past the first ${program.held} bytes of this ${ctx.source.size}-byte program and were not read` });
    ctx.limited(`${unread} tables past the ${program.held}-byte window`);
  }
  return bounds;
}

function judgeOperators(ctx: ScanContext, program: PteProgram): void {
  const seen = new Set<string>();
  let reported = 0;
  for (const op of program.operators) {
    const name = qualifiedName(op.name, op.overload);
    if (seen.has(name)) continue;
    seen.add(name);
    const kind = classifyOperator(op.name);
    if (kind.tier === 'core') continue;
    if (++reported > MAX_REPORTED) continue;
    const pointer = `/execution_plan/${op.plan}/operators/${op.index}`;
    const shown = clip(name, 160);
    if (kind.tier === 'extension') {
      ctx.report({ ruleId: 'executorch/extension-op', pointer, offset: op.offset, evidence: shown,
        message: `The program calls ${shown} from ExecuTorch's ${kind.library} kernel library` });
    } else {
      ctx.report({ ruleId: 'executorch/custom-op', pointer, offset: op.offset, evidence: shown,
        message: `The program calls ${shown}, which only a custom kernel library linked into the app provides${kind.suspicious ? ` (its name suggests ${kind.suspicious})` : ''}` });
    }
  }
  if (reported > MAX_REPORTED) ctx.note('operatorsNotReported', reported - MAX_REPORTED);
}

function judgeDelegates(ctx: ScanContext, program: PteProgram): void {
  for (const d of program.delegates.slice(0, MAX_REPORTED)) {
    const pointer = `/execution_plan/${d.plan}/delegates/${d.index}`;
    const id = d.id === null ? '(no id)' : clip(d.id, 120);
    const where = d.blob ? `${d.blob.length}-byte ${d.location} blob at ${d.blob.start}` : 'no readable blob';
    if (d.id !== null && classifyBackend(d.id)) {
      ctx.report({ ruleId: 'executorch/delegate', pointer, offset: d.offset, evidence: id, message: `Part of the program runs on the ${id} backend (${where})` });
    } else {
      ctx.report({ ruleId: 'executorch/unknown-backend', pointer, offset: d.offset, evidence: id,
        message: `A delegate names the backend ${id}, which no ExecuTorch backend registers (${where})` });
    }
  }
}

function inspectStrings(ctx: ScanContext, program: PteProgram): void {
  let left = MAX_INSPECTED_STRINGS;
  const inspect = (text: string | null, pointer: string, offset?: number) => {
    if (text && left-- > 0) ctx.inspectString(text, { pointer, offset });
  };
  for (const p of program.plans) inspect(p.name, `/execution_plan/${p.index}/name`);
  for (const d of program.delegates) {
    for (const [k, s] of d.compileSpecs.entries()) inspect(s.key, `/execution_plan/${d.plan}/delegates/${d.index}/compile_specs/${k}/key`, d.offset);
  }
  for (const [i, n] of program.namedData.entries()) inspect(n.key, `/named_data/${i}/key`);
}

function summarize(ctx: ScanContext, program: PteProgram): void {
  ctx.note('identifier', program.header.identifier);
  ctx.note('version', program.version);
  if (program.header.extended) ctx.note('extendedHeader', { ...program.header.extended });
  ctx.note('plans', program.plans.slice(0, MAX_REPORTED).map((p) => ({ name: p.name, operators: p.operators, delegates: p.delegates, instructions: p.instructions })));
  ctx.note('operators', [...new Set(program.operators.map((o) => qualifiedName(o.name, o.overload)))].slice(0, MAX_REPORTED * 4));
  ctx.note('delegates', program.delegates.slice(0, MAX_REPORTED).map((d) => ({ id: d.id, location: d.location, index: d.dataIndex, blob: d.blob ? { ...d.blob } : null })));
  ctx.note('segments', program.segments.length);
  if (program.constantBuffers > 0) ctx.note('constantBuffers', program.constantBuffers);
  if (program.constantSegment) ctx.note('constantSegment', { ...program.constantSegment });
  if (program.namedData.length) ctx.note('namedData', program.namedData.length);
}

/**
 * Sends to the orchestrator: every delegate blob (inline or segment), every segment nothing references,
 * and every stretch of the file outside the program and its segments that is not zero padding. Tensor
 * data (constant and mutable segments, named data) is not read, as for every other weights format.
 */
async function scanRegions(ctx: ScanContext, program: PteProgram): Promise<void> {
  const size = ctx.source.size;
  const children = new Map<number, number>(); // start -> end
  const add = (start: number, length: number) => { if (length > 0 && start + length <= size && !children.has(start)) children.set(start, start + length); };
  for (const d of program.delegates) if (d.blob) add(d.blob.start, d.blob.length);
  // Inline delegate data no delegate points at is still bytes the file carries: scanned all the same.
  for (const x of program.inlineData) add(x.start, x.length);
  const referenced = new Set<number>();
  for (const d of program.delegates) if (d.location === 'segment') referenced.add(d.dataIndex);
  if (program.constantSegment && program.constantSegment.offsets > 0) referenced.add(program.constantSegment.segment);
  for (const n of program.namedData) referenced.add(n.segment);
  for (const m of program.mutableSegments) referenced.add(m);
  for (const s of program.segments) if (!referenced.has(s.index)) add(s.start, s.length);

  // Covered: the program itself and every segment; the rest of the file is gaps.
  const covered = [[0, Math.min(program.programSize, size)] as [number, number], ...program.segments.map((s) => [s.start, s.start + s.length] as [number, number])]
    .sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end] of [...covered, [size, size] as [number, number]]) {
    if (start > at) await gap(at, start);
    at = Math.max(at, end);
  }
  async function gap(start: number, end: number): Promise<void> {
    if (end - start <= MAX_PADDING_READ) {
      const bytes = await ctx.read(start, end - start);
      if (bytes.every((x) => x === 0)) return;
    }
    add(start, end - start);
  }
  const ordered = [...children].sort((a, b) => a[0] - b[0]);
  await sweepProgram(ctx, Math.min(program.programSize, size), ordered);
  for (const [start, end] of ordered) {
    ctx.checkAborted();
    await ctx.scanChild(byteRangeName(start, end), ctx.source.slice(start, end));
  }
}

/**
 * The flatbuffer's own bytes swept for native executables: bytes between tables that no field points at
 * can carry a payload the tables never mention. Hits inside a child (a delegate blob) are left to the
 * child's scan. Only PE/ELF/Mach-O headers: strings here include debug frames with Python source, which
 * the string detectors would misread as a payload.
 */
async function sweepProgram(ctx: ScanContext, end: number, children: ReadonlyArray<[number, number]>): Promise<void> {
  const limit = Math.min(end, ctx.budget.limits.maxSweepBytes);
  for (let start = 0; start < limit; start += SWEEP_WINDOW) {
    ctx.checkAborted();
    const own = Math.min(SWEEP_WINDOW, limit - start);
    const bytes = await ctx.read(start, Math.min(end - start, own + EXEC_HEADER_REACH));
    for (const hit of findExecutables(bytes, start)) {
      if (hit.offset >= start + own || hit.kind === 'script') continue;
      if (children.some(([a, b]) => hit.offset >= a && hit.offset < b)) continue;
      ctx.report({ ruleId: EXEC_RULE[hit.kind], offset: hit.offset, evidence: hex(bytes.subarray(hit.offset - start, hit.offset - start + 16), 16),
        message: `Embedded in the program's flatbuffer at offset ${hit.offset}: ${hit.description}` });
    }
  }
  if (limit < end) ctx.limited(`program swept for executables in its first ${limit} of ${end} bytes (maxSweepBytes)`);
}

async function open(ctx: OpenContext, name: string): Promise<OpenedChild | null> {
  return openByteRange(ctx.source, name);
}

export const executorchScanner: Scanner = {
  ...executorchSniffer,
  scan,
  open,
};
