// ExecuTorch program parser (schema: schema/program.fbs from pytorch/executorch). Reads the Program
// flatbuffer through the flatc-generated accessors over tflite's CheckedByteBuffer, so every offset is
// bounds-checked, and places each segment, constant and delegate blob in the file. Returns plain data
// plus the structural problems it met; it judges nothing (scanner.ts does).
import { FormatError } from '../../types';
import { CheckedByteBuffer, OutsideWindow, type RandomAccess } from '../tflite/checked-buffer';
import {
  type BackendDelegate, BackendDelegateDataReference, DataLocation, DataSegment, DelegateCall, InstructionArguments, KernelCall, Program,
} from './schema/generated';
import type { PteHeader } from './header';
import { checkConstants, type ConstantStore } from './values';

export { inMemory, paged } from '../tflite/checked-buffer';

/** Flatbuffer bytes held in memory when the source cannot be read page by page (Buffer constants of old
 * programs sit inline; newer ones keep them in segments). Stops a multi-GB file being copied. */
export const MAX_FLATBUFFER_WINDOW = 64 * 1024 * 1024;
/** Counts beyond these are absurd for a real program (an LLM export has a few methods, thousands of
 * operators and a handful of delegates); only this many are walked: bounds CPU and memory. */
export const MAX_PLANS = 10_000;
export const MAX_OPERATORS = 100_000;
export const MAX_DELEGATES = 10_000;
export const MAX_COMPILE_SPECS = 1_000;
export const MAX_SEGMENTS = 1_000_000;
export const MAX_NAMED_DATA = 1_000_000;
/** Instructions and offsets checked across the program: bounds the CPU a hostile vector costs. */
export const MAX_ELEMENT_READS = 20_000_000;
/** Problems kept: a file with a million dangling indexes must not hold a million records. */
export const MAX_PROBLEMS = 1_000;
/** Broken tables tolerated before the file counts as malformed as a whole. */
export const MAX_BROKEN = 100;

export interface PteOperator { plan: number; index: number; name: string | null; overload: string | null; offset: number }
export interface PteDelegate {
  plan: number; index: number; id: string | null; offset: number;
  /** Where the processed blob lives (program.fbs BackendDelegateDataReference). */
  location: 'inline' | 'segment' | null; dataIndex: number;
  /** Absolute position of the blob in the file, null when the reference dangles. */
  blob: { start: number; length: number } | null;
  compileSpecs: Array<{ key: string | null; length: number }>;
}
export interface PteSegment { index: number; start: number; length: number }
export interface PtePlan { index: number; name: string | null; values: number; instructions: number; operators: number; delegates: number }

export type PteProblem =
  | { kind: 'absurd'; what: string; count: number; limit: number; pointer: string }
  | { kind: 'dangling'; what: string; index: number; count: number; pointer: string; offset?: number }
  | { kind: 'out-of-bounds'; what: string; start: number; length: number; limit: number; pointer: string }
  | { kind: 'broken'; reason: string; pointer: string; offset?: number }
  | { kind: 'unread'; pointer: string; offset?: number };

export interface PteProgram {
  header: PteHeader;
  version: number;
  /** Bytes of the flatbuffer (extended header's program_size, else the whole file). */
  programSize: number;
  segmentBase: number;
  plans: PtePlan[];
  operators: PteOperator[];
  delegates: PteDelegate[];
  segments: PteSegment[];
  /** Deprecated inline constants (Program.constant_buffer) and the constant segment's offsets. */
  constantBuffers: number;
  constantSegment: { segment: number; offsets: number } | null;
  /** Segment indexes of Program.mutable_data_segments (initial values of trainable tensors). */
  mutableSegments: number[];
  namedData: Array<{ key: string | null; segment: number }>;
  /** Every Program.backend_delegate_data entry (referenced or not), absolute position in the file. */
  inlineData: Array<{ index: number; start: number; length: number }>;
  problems: PteProblem[];
  droppedProblems: number;
  clippedStrings: number;
  held: number;
}

/** Parses the program whose header has been read; `access` holds the file (or its first bytes). */
export function parseProgram(access: RandomAccess, header: PteHeader, onStep: () => void = () => {}): PteProgram {
  const size = access.size;
  const bb = new CheckedByteBuffer(access);
  const out: PteProgram = {
    header, version: 0, programSize: size, segmentBase: 0, plans: [], operators: [], delegates: [], segments: [],
    constantBuffers: 0, constantSegment: null, mutableSegments: [], namedData: [], inlineData: [], problems: [], droppedProblems: 0, clippedStrings: 0, held: access.held,
  };
  const add = (p: PteProblem): void => { if (out.problems.length < MAX_PROBLEMS) out.problems.push(p); else out.droppedProblems++; };
  const inFile = (what: string, start: number, length: number, limit: number, pointer: string): boolean => {
    if (start >= 0 && length >= 0 && start + length <= limit) return true;
    add({ kind: 'out-of-bounds', what, start, length, limit, pointer });
    return false;
  };
  /** False when the header's segment base is unusable: segments are then not placed in the file at all. */
  let placeable = true;
  if (header.extended) {
    const { programSize, segmentBaseOffset } = header.extended;
    // _program.py: program_size covers the flatbuffer with the header inserted; segments start at or
    // after it (segment_base_offset = program_size aligned up), and both lie inside the file.
    if (inFile('program_size', 0, programSize, size, '/header/program_size')) out.programSize = programSize;
    if (inFile('segment_base_offset', segmentBaseOffset, 0, size, '/header/segment_base_offset')) out.segmentBase = segmentBaseOffset;
    else placeable = false;
    if (segmentBaseOffset !== 0 && segmentBaseOffset < programSize) {
      placeable = false;
      add({ kind: 'out-of-bounds', what: 'segment_base_offset inside the program', start: segmentBaseOffset, length: 0, limit: programSize, pointer: '/header/segment_base_offset' });
    }
  }
  const program = Program.getRootAsProgram(bb);
  bb.check(program.bb_pos, 4);
  if (program.bb_pos >= out.programSize) throw new FormatError(`root table at ${program.bb_pos} lies past the ${out.programSize}-byte program`, 0);

  let work = 0;
  const charge = (n: number, pointer: string): boolean => {
    if (work > MAX_ELEMENT_READS) return false;
    work += n;
    if (work <= MAX_ELEMENT_READS) return true;
    add({ kind: 'absurd', what: 'number of elements to check', count: work, limit: MAX_ELEMENT_READS, pointer });
    return false;
  };
  let broken = 0;
  const guard = (pointer: string, offset: number | undefined, read: () => void): void => {
    try {
      read();
    } catch (e) {
      if (e instanceof OutsideWindow) { add({ kind: 'unread', pointer, offset: e.offset }); return; }
      if (!(e instanceof FormatError || e instanceof RangeError)) throw e;
      add({ kind: 'broken', reason: e.message, pointer, offset: e instanceof FormatError ? e.offset ?? offset : offset });
      if (++broken > MAX_BROKEN) throw new FormatError(`more than ${MAX_BROKEN} broken tables; giving up`, offset);
    }
  };
  const counted = (what: string, pointer: string, n: number, limit: number): number => {
    if (n <= limit) return n;
    add({ kind: 'absurd', what, count: n, limit, pointer });
    return limit;
  };
  const dangling = (what: string, index: number, count: number, pointer: string, offset?: number): boolean => {
    if (index >= 0 && index < count) return false;
    add({ kind: 'dangling', what, index, count, pointer, offset });
    return true;
  };
  const big = (v: bigint): number => (v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v));

  guard('/version', program.bb_pos, () => { out.version = program.version(); });

  // Segments first: delegates and constants point into them.
  guard('/segments', program.bb_pos, () => {
    const n = counted('segment count', '/segments', program.segmentsLength(), MAX_SEGMENTS);
    if (n > 0 && !header.extended) {
      add({ kind: 'out-of-bounds', what: 'segment table without an extended header (no base offset)', start: 0, length: 0, limit: 0, pointer: '/segments' });
      return;
    }
    if (!placeable) return;
    const seg = new DataSegment();
    let previousEnd = out.segmentBase;
    for (let i = 0; i < n; i++) {
      if (i % 4096 === 0) onStep();
      guard(`/segments/${i}`, undefined, () => {
        program.segments(i, seg);
        const start = out.segmentBase + big(seg.offset());
        const length = big(seg.size());
        if (!inFile('segment', start, length, size, `/segments/${i}`)) return;
        // program.fbs: "sorted by offset"; an overlap lets one blob be read as two different things.
        if (start < previousEnd) add({ kind: 'out-of-bounds', what: 'segment overlapping the one before', start, length, limit: previousEnd, pointer: `/segments/${i}` });
        previousEnd = Math.max(previousEnd, start + length);
        out.segments.push({ index: i, start, length });
      });
    }
  });
  const segmentCount = safe(() => program.segmentsLength());
  const segmentAt = new Map(out.segments.map((s) => [s.index, s]));

  guard('/constant_buffer', program.bb_pos, () => { out.constantBuffers = program.constantBufferLength(); });
  let constants: ConstantStore | null = null;
  guard('/constant_segment', program.bb_pos, () => {
    const cs = program.constantSegment();
    if (!cs) return;
    const segment = cs.segmentIndex();
    const offsets = cs.offsetsLength();
    out.constantSegment = { segment, offsets };
    subsegments('/constant_segment', segment, offsets, (k) => cs.offsets(k)!);
    const s = segmentAt.get(segment);
    if (offsets > 0 && s) constants = { kind: 'segment', count: offsets, segmentLength: s.length, offset: (k) => big(cs.offsets(k)!) };
  });
  if (out.constantBuffers > 0) {
    // program.fbs: constant_buffer and constant_segment.offsets are never both used; the buffers win.
    constants = { kind: 'buffers', count: out.constantBuffers, sizes: (k) => program.constantBuffer(k)!.storageLength() };
  }
  guard('/mutable_data_segments', program.bb_pos, () => {
    const n = counted('mutable data segment count', '/mutable_data_segments', program.mutableDataSegmentsLength(), MAX_SEGMENTS);
    for (let i = 0; i < n; i++) {
      guard(`/mutable_data_segments/${i}`, undefined, () => {
        const ms = program.mutableDataSegments(i)!;
        out.mutableSegments.push(ms.segmentIndex());
        subsegments(`/mutable_data_segments/${i}`, ms.segmentIndex(), ms.offsetsLength(), (k) => ms.offsets(k)!);
      });
    }
  });
  /** A SubsegmentOffsets table: its segment exists and each offset falls inside it. */
  function subsegments(pointer: string, segment: number, offsets: number, at: (k: number) => bigint): void {
    if (offsets === 0) return;
    if (dangling('segment index', segment, segmentCount, `${pointer}/segment_index`)) return;
    const s = segmentAt.get(segment);
    if (!s || !charge(offsets, pointer)) return;
    for (let k = 0; k < offsets; k++) {
      const o = big(at(k));
      // offsets[0] is reserved for non-constant tensors; every offset starts data inside the segment.
      if (o > s.length) { add({ kind: 'out-of-bounds', what: 'tensor offset in its segment', start: o, length: 0, limit: s.length, pointer: `${pointer}/offsets/${k}` }); return; }
    }
  }
  guard('/named_data', program.bb_pos, () => {
    const n = counted('named data count', '/named_data', program.namedDataLength(), MAX_NAMED_DATA);
    for (let i = 0; i < n; i++) {
      guard(`/named_data/${i}`, undefined, () => {
        const nd = program.namedData(i)!;
        const entry = { key: null as string | null, segment: nd.segmentIndex() };
        guard(`/named_data/${i}/key`, nd.bb_pos, () => { entry.key = nd.key(); });
        out.namedData.push(entry);
        dangling('segment index', entry.segment, segmentCount, `/named_data/${i}/segment_index`, nd.bb_pos);
      });
    }
  });

  const inlineCount = safe(() => program.backendDelegateDataLength());
  guard('/backend_delegate_data', program.bb_pos, () => {
    const n = counted('inline delegate data count', '/backend_delegate_data', inlineCount, MAX_DELEGATES);
    for (let i = 0; i < n; i++) {
      guard(`/backend_delegate_data/${i}`, undefined, () => {
        const inline = program.backendDelegateData(i)!;
        const o = bb.__offset(inline.bb_pos, 4);
        if (o) out.inlineData.push({ index: i, start: bb.__vector(inline.bb_pos + o), length: inline.dataLength() });
      });
    }
  });
  guard('/execution_plan', program.bb_pos, () => {
    const plans = counted('execution plan count', '/execution_plan', program.executionPlanLength(), MAX_PLANS);
    for (let p = 0; p < plans; p++) {
      onStep();
      const pp = `/execution_plan/${p}`;
      guard(pp, undefined, () => {
        const plan = program.executionPlan(p)!;
        const info: PtePlan = { index: p, name: null, values: plan.valuesLength(), instructions: 0, operators: plan.operatorsLength(), delegates: plan.delegatesLength() };
        out.plans.push(info);
        guard(`${pp}/name`, plan.bb_pos, () => { info.name = plan.name(); });
        const nOps = counted('operator count', `${pp}/operators`, info.operators, MAX_OPERATORS);
        for (let i = 0; i < nOps; i++) {
          guard(`${pp}/operators/${i}`, undefined, () => {
            const op = plan.operators(i)!;
            out.operators.push({ plan: p, index: i, name: op.name(), overload: op.overload(), offset: op.bb_pos });
          });
        }
        const nDel = counted('delegate count', `${pp}/delegates`, info.delegates, MAX_DELEGATES);
        for (let i = 0; i < nDel; i++) guard(`${pp}/delegates/${i}`, undefined, () => out.delegates.push(readDelegate(plan.delegates(i)!, p, i, `${pp}/delegates/${i}`)));
        const store = constants;
        guard(`${pp}/values`, plan.bb_pos, () => checkConstants(plan, pp, store, charge, (v) => add(v.kind === 'dangling'
          ? { kind: 'dangling', what: 'constant data index', index: v.index, count: v.count, pointer: v.pointer, offset: v.offset }
          : { kind: 'out-of-bounds', what: 'constant tensor data', start: v.start, length: v.length, limit: v.limit, pointer: v.pointer })));
        guard(`${pp}/chains`, plan.bb_pos, () => {
          for (let c = 0; c < plan.chainsLength(); c++) {
            const chain = plan.chains(c)!;
            const n = chain.instructionsLength();
            info.instructions += n;
            if (!charge(n, `${pp}/chains/${c}`)) return;
            const kc = new KernelCall();
            const dc = new DelegateCall();
            for (let k = 0; k < n; k++) {
              const ins = chain.instructions(k)!;
              const where = `${pp}/chains/${c}/instructions/${k}`;
              const type = ins.instrArgsType();
              if (type === InstructionArguments.KernelCall && ins.instrArgs(kc)) dangling('operator index', kc.opIndex(), info.operators, where, ins.bb_pos);
              else if (type === InstructionArguments.DelegateCall && ins.instrArgs(dc)) dangling('delegate index', dc.delegateIndex(), info.delegates, where, ins.bb_pos);
            }
          }
        });
      });
    }
  });

  function readDelegate(d: BackendDelegate, plan: number, index: number, pointer: string): PteDelegate {
    const out1: PteDelegate = { plan, index, id: d.id(), offset: d.bb_pos, location: null, dataIndex: -1, blob: null, compileSpecs: [] };
    const ref = d.processed(new BackendDelegateDataReference());
    if (!ref) { add({ kind: 'broken', reason: 'delegate without processed data', pointer: `${pointer}/processed`, offset: d.bb_pos }); return out1; }
    out1.dataIndex = ref.index();
    const location = ref.location();
    if (location === DataLocation.INLINE) {
      out1.location = 'inline';
      if (!dangling('inline delegate data index', out1.dataIndex, inlineCount, `${pointer}/processed`, ref.bb_pos)) {
        const inline = program.backendDelegateData(out1.dataIndex)!;
        const o = bb.__offset(inline.bb_pos, 4);
        if (o) {
          const length = inline.dataLength();
          out1.blob = { start: bb.__vector(inline.bb_pos + o), length };
        } else out1.blob = { start: inline.bb_pos, length: 0 };
      }
    } else if (location === DataLocation.SEGMENT) {
      out1.location = 'segment';
      if (!dangling('delegate segment index', out1.dataIndex, segmentCount, `${pointer}/processed`, ref.bb_pos)) {
        const s = segmentAt.get(out1.dataIndex);
        if (s) out1.blob = { start: s.start, length: s.length };
      }
    } else add({ kind: 'broken', reason: `unknown delegate data location ${location}`, pointer: `${pointer}/processed`, offset: ref.bb_pos });
    const specs = counted('compile spec count', `${pointer}/compile_specs`, d.compileSpecsLength(), MAX_COMPILE_SPECS);
    for (let k = 0; k < specs; k++) {
      const cs = d.compileSpecs(k)!;
      out1.compileSpecs.push({ key: cs.key(), length: cs.valueLength() });
    }
    return out1;
  }

  out.clippedStrings = bb.clippedStrings;
  return out;
}

function safe(read: () => number): number {
  try { return read(); } catch { return 0; }
}
