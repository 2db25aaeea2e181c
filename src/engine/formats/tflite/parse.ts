// TFLite model parser (schema: schema/schema.fbs, reconstructed from tensorflow 2.21's schema). Reads
// the flatbuffer through the flatc-generated accessors over a CheckedByteBuffer, so every offset is
// bounds-checked. Returns plain data plus the structural problems it met; it judges nothing.
// One broken element (a table whose offsets point outside the file) is recorded and skipped so the
// rest of the model is still read; too many of them and the file is malformed as a whole.
import { FormatError } from '../../types';
import { CheckedByteBuffer, inMemory, OutsideWindow, type RandomAccess } from './checked-buffer';
import { BuiltinOperator, Model, TensorType } from './schema/generated';

/** Bytes of a .tflite read into memory when the source cannot be read synchronously page by page
 * (checked-buffer.ts: paged). Flatbuffers need random access; past this window tables are reported
 * unread. Stops a multi-GB model from being copied into memory. */
export const MAX_FLATBUFFER_WINDOW = 64 * 1024 * 1024;
/** Counts beyond these are absurd for a real model (the largest LLM exports hold a few thousand
 * tensors per subgraph) and only this many are walked: bounds CPU and memory on hostile counts. */
export const MAX_SUBGRAPHS = 10_000;
export const MAX_TENSORS = 1_000_000;
export const MAX_OPERATORS = 1_000_000;
export const MAX_OPERATOR_CODES = 100_000;
export const MAX_BUFFERS = 1_000_000;
export const MAX_METADATA = 10_000;
export const MAX_SIGNATURES = 10_000;
/** Tensor rank: TFLite kernels handle at most 6-8 dimensions; the interpreter keeps shapes in int arrays. */
export const MAX_RANK = 64;
/** STRING tensors whose constant values are kept for inspection (paths and URLs baked into a graph). */
export const MAX_STRING_TENSORS = 10_000;
/** Problems kept per model: a hostile model with a million dangling indexes must not hold a million records. */
export const MAX_PROBLEMS = 10_000;
/** Custom operators whose custom_options (and large custom options) are kept for inspection. */
export const MAX_CUSTOM_OPTIONS = 10_000;
/** Vector elements read for index and shape checks across the model. Tables may share one long
 * vector (flatbuffers deduplicate nothing, but a hand-made file can point a million operators at the
 * same million-entry inputs vector): this bounds the CPU of the checks, not the model's size. */
export const MAX_ELEMENT_READS = 20_000_000;
/** Broken elements tolerated before the file counts as malformed as a whole. */
export const MAX_BROKEN = 100;

const CUSTOM = BuiltinOperator.CUSTOM;
const SAFE = Number.MAX_SAFE_INTEGER;

export interface TfliteOpcode {
  index: number; builtin: number; version: number; offset: number;
  /** builtin === CUSTOM: the operator's code comes from the application, named by `custom`. */
  isCustom: boolean;
  custom: string | null;
  /** BuiltinOperator name, null when the code is past the enum this schema knows. */
  builtinName: string | null;
}
export interface TfliteBuffer {
  index: number; offset: number;
  /** Inline data vector, absolute position in the file (null when absent or unread). */
  data: { start: number; length: number } | null;
  /** Data outside the flatbuffer (models > 2 GB): schema.fbs says offset > 1 means external. */
  external: { offset: number; size: number } | null;
}
export interface TfliteSubgraph { index: number; name: string | null; tensors: number; operators: number; offset: number }
export interface TfliteMetadata { index: number; name: string | null; buffer: number; offset: number }
export interface TfliteSignature { index: number; key: string | null; subgraph: number; inputs: string[]; outputs: string[]; offset: number }
export interface TfliteCustomOptions { subgraph: number; operator: number; offset: number; size: number; pointer: string }

export type TfliteProblem =
  | { kind: 'absurd'; what: string; count: number; limit: number; pointer: string; offset?: number }
  | { kind: 'dangling'; what: string; index: number; count: number; pointer: string; offset?: number }
  | { kind: 'bad-shape'; dims: number[]; pointer: string; offset?: number }
  | { kind: 'broken'; reason: string; pointer: string; offset?: number }
  | { kind: 'unread'; pointer: string; offset?: number };

export interface TfliteModel {
  version: number;
  description: string | null;
  opcodes: TfliteOpcode[];
  /** Operator uses per opcode index (same length as opcodes). */
  opUses: number[];
  subgraphs: TfliteSubgraph[];
  buffers: TfliteBuffer[];
  metadata: TfliteMetadata[];
  signatures: TfliteSignature[];
  externalGroups: string[];
  largeCustomOptions: TfliteCustomOptions[];
  /** STRING-typed tensors (first MAX_STRING_TENSORS) and the buffer holding their constant value. */
  stringTensors: Array<{ pointer: string; buffer: number }>;
  /** custom_options of CUSTOM operators (first MAX_CUSTOM_OPTIONS), absolute position in the file. */
  customOptions: Array<{ pointer: string; start: number; length: number }>;
  problems: TfliteProblem[];
  /** Problems beyond MAX_PROBLEMS, counted only. */
  droppedProblems: number;
  /** Strings cut short (checked-buffer.ts: MAX_STRING_BYTES, MAX_DECODED_STRING_BYTES). */
  clippedStrings: number;
  /** Bytes held in memory (the whole file or the window). */
  held: number;
}

export { inMemory, paged } from './checked-buffer';

/** Parses a model held in memory (all of it, or the first bytes of a larger file of `fileSize`). */
export function parseTfliteBytes(bytes: Uint8Array, fileSize = bytes.length, onStep?: () => void): TfliteModel {
  return parseTflite(inMemory(bytes, fileSize), onStep);
}

/** Parses a model from random-access bytes (in memory, or pages read on demand). */
export function parseTflite(access: RandomAccess, onStep: () => void = () => {}): TfliteModel {
  if (access.held < 8) throw new FormatError(`too small for a TFLite flatbuffer (${access.held} bytes)`);
  const bb = new CheckedByteBuffer(access);
  if (!Model.bufferHasIdentifier(bb)) throw new FormatError('no "TFL3" file identifier at bytes 4..8', 4);
  const model = Model.getRootAsModel(bb);
  bb.check(model.bb_pos, 4); // the root table itself (FlatBuffers: uoffset at 0 → root)
  const out: TfliteModel = {
    version: 0, description: null, opcodes: [], opUses: [], subgraphs: [], buffers: [], metadata: [],
    signatures: [], externalGroups: [], largeCustomOptions: [], stringTensors: [], customOptions: [], problems: [], droppedProblems: 0, clippedStrings: 0, held: access.held,
  };
  const add = (...found: TfliteProblem[]): void => {
    for (const p of found) {
      if (out.problems.length < MAX_PROBLEMS) out.problems.push(p);
      else out.droppedProblems++;
    }
  };
  let work = 0;
  /** Charges `n` element reads; false (and one absurd problem) once the budget is spent. */
  const charge = (n: number, pointer: string): boolean => {
    if (work > MAX_ELEMENT_READS) return false;
    work += n;
    if (work <= MAX_ELEMENT_READS) return true;
    add({ kind: 'absurd', what: 'number of vector elements to check', count: work, limit: MAX_ELEMENT_READS, pointer });
    return false;
  };
  let broken = 0;
  /** Runs one element's read; records what breaks it instead of giving up on the whole model. */
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
  /** A vector's length, capped at `limit` (an absurd count is a problem, only `limit` are walked). */
  const counted = (what: string, pointer: string, n: number, limit: number): number => {
    if (n <= limit) return n;
    add({ kind: 'absurd', what, count: n, limit, pointer });
    return limit;
  };

  guard('/version', model.bb_pos, () => { out.version = model.version(); });
  guard('/description', model.bb_pos, () => { out.description = model.description(); });
  guard('/operator_codes', model.bb_pos, () => {
    const n = counted('operator code count', '/operator_codes', model.operatorCodesLength(), MAX_OPERATOR_CODES);
    for (let i = 0; i < n; i++) {
      guard(`/operator_codes/${i}`, undefined, () => {
        const c = model.operatorCodes(i)!;
        // GetBuiltinCode (schema_utils.cc): the larger of the two fields (deprecated_builtin_code is a
        // byte that saturates at 127, PLACEHOLDER_FOR_GREATER_OP_CODES).
        const builtin = Math.max(c.builtinCode(), c.deprecatedBuiltinCode());
        const isCustom = builtin === CUSTOM;
        out.opcodes.push({ index: i, builtin, isCustom, custom: isCustom ? c.customCode() : null,
          builtinName: BuiltinOperator[builtin] ?? null, version: c.version(), offset: c.bb_pos });
      });
    }
  });
  out.opUses = out.opcodes.map(() => 0);
  const byIndex = new Map(out.opcodes.map((c, k) => [c.index, k]));
  const declaredOpcodes = safeLength(() => model.operatorCodesLength());

  let tensorsLeft = MAX_TENSORS;
  let operatorsLeft = MAX_OPERATORS;
  guard('/subgraphs', model.bb_pos, () => {
    const n = counted('subgraph count', '/subgraphs', model.subgraphsLength(), MAX_SUBGRAPHS);
    for (let s = 0; s < n; s++) {
      onStep();
      const sp = `/subgraphs/${s}`;
      guard(sp, undefined, () => {
        const g = model.subgraphs(s)!;
        const tensorCount = g.tensorsLength();
        const info: TfliteSubgraph = { index: s, name: null, tensors: tensorCount, operators: g.operatorsLength(), offset: g.bb_pos };
        out.subgraphs.push(info);
        guard(`${sp}/name`, g.bb_pos, () => { info.name = g.name(); });
        const nt = Math.min(counted('tensor count', `${sp}/tensors`, tensorCount, tensorsLeft), tensorsLeft);
        tensorsLeft -= nt;
        for (let t = 0; t < nt; t++) {
          guard(`${sp}/tensors/${t}`, undefined, () => {
            const tensor = g.tensors(t)!;
            const pointer = `${sp}/tensors/${t}`;
            const rank = tensor.shapeLength();
            if (rank > MAX_RANK) add({ kind: 'absurd', what: 'tensor rank', count: rank, limit: MAX_RANK, pointer, offset: tensor.bb_pos });
            else if (charge(rank, pointer)) {
              const dims = Array.from({ length: rank }, (_, d) => tensor.shape(d)!);
              // shape holds real dimensions (>= 0); -1 (dynamic) lives in shape_signature only.
              if (dims.some((d) => d < 0) || product(dims) > SAFE) add({ kind: 'bad-shape', dims, pointer, offset: tensor.bb_pos });
            }
            const buffer = tensor.buffer();
            // Buffer 0 is the empty sentinel (schema.fbs): a tensor without constant data.
            if (tensor.type() === TensorType.STRING && buffer > 0 && out.stringTensors.length < MAX_STRING_TENSORS) {
              out.stringTensors.push({ pointer, buffer });
            }
            add(...dangling('buffer index', buffer, safeLength(() => model.buffersLength()), pointer, tensor.bb_pos));
          });
        }
        const no = Math.min(counted('operator count', `${sp}/operators`, info.operators, operatorsLeft), operatorsLeft);
        operatorsLeft -= no;
        for (let o = 0; o < no; o++) {
          if ((o & 0xfff) === 0) onStep();
          const pointer = `${sp}/operators/${o}`;
          guard(pointer, undefined, () => {
            const op = g.operators(o)!;
            const opcode = op.opcodeIndex();
            const k = byIndex.get(opcode);
            if (k !== undefined) out.opUses[k]!++;
            else add(...dangling('opcode index', opcode, declaredOpcodes, pointer, op.bb_pos));
            for (const [what, len, get] of [['input', op.inputsLength(), (j: number) => op.inputs(j)!],
              ['output', op.outputsLength(), (j: number) => op.outputs(j)!]] as const) {
              if (!charge(len, pointer)) break;
              for (let j = 0; j < len; j++) {
                const ti = get(j);
                // -1 marks an omitted optional input (kTfLiteOptionalTensor).
                if (ti !== -1) add(...dangling(`${what} tensor index`, ti, tensorCount, pointer, op.bb_pos));
              }
            }
            const options = op.customOptionsLength();
            if (options > 0 && k !== undefined && out.opcodes[k]!.isCustom && out.customOptions.length < MAX_CUSTOM_OPTIONS) {
              // 14: custom_options' vtable offset (field 5, schema.fbs); the accessor above already checked it.
              out.customOptions.push({ pointer, start: bb.__vector(op.bb_pos + bb.__offset(op.bb_pos, 14)), length: options });
            }
            const largeSize = bigToNumber(op.largeCustomOptionsSize());
            if (largeSize > 0 && out.largeCustomOptions.length < MAX_CUSTOM_OPTIONS) {
              out.largeCustomOptions.push({ subgraph: s, operator: o, offset: bigToNumber(op.largeCustomOptionsOffset()), size: largeSize, pointer });
            }
          });
        }
      });
    }
  });

  guard('/buffers', model.bb_pos, () => {
    const n = counted('buffer count', '/buffers', model.buffersLength(), MAX_BUFFERS);
    for (let i = 0; i < n; i++) {
      if ((i & 0xfff) === 0) onStep();
      guard(`/buffers/${i}`, undefined, () => {
        const b = model.buffers(i)!;
        const entry: TfliteBuffer = { index: i, offset: b.bb_pos, data: null, external: null };
        out.buffers.push(entry);
        const length = b.dataLength();
        // 4: data's vtable offset (field 0, schema.fbs); dataLength() above already checked the vector.
        if (length > 0) entry.data = { start: bb.__vector(b.bb_pos + bb.__offset(b.bb_pos, 4)), length };
        const offset = bigToNumber(b.offset());
        if (offset > 1) entry.external = { offset, size: bigToNumber(b.size()) };
      });
    }
  });

  const bufferCount = safeLength(() => model.buffersLength());
  guard('/metadata', model.bb_pos, () => {
    const n = counted('metadata count', '/metadata', model.metadataLength(), MAX_METADATA);
    for (let i = 0; i < n; i++) {
      const pointer = `/metadata/${i}`;
      guard(pointer, undefined, () => {
        const m = model.metadata(i)!;
        const entry: TfliteMetadata = { index: i, name: m.name(), buffer: m.buffer(), offset: m.bb_pos };
        out.metadata.push(entry);
        add(...dangling('metadata buffer index', entry.buffer, bufferCount, pointer, m.bb_pos));
      });
    }
  });

  guard('/signature_defs', model.bb_pos, () => {
    const n = counted('signature count', '/signature_defs', model.signatureDefsLength(), MAX_SIGNATURES);
    for (let i = 0; i < n; i++) {
      const pointer = `/signature_defs/${i}`;
      guard(pointer, undefined, () => {
        const d = model.signatureDefs(i)!;
        const sig: TfliteSignature = { index: i, key: d.signatureKey(), subgraph: d.subgraphIndex(), inputs: [], outputs: [], offset: d.bb_pos };
        out.signatures.push(sig);
        const sub = out.subgraphs.find((g) => g.index === sig.subgraph);
        add(...dangling('signature subgraph index', sig.subgraph, safeLength(() => model.subgraphsLength()), pointer, d.bb_pos));
        for (const [names, len, get] of [[sig.inputs, d.inputsLength(), (j: number) => d.inputs(j)!],
          [sig.outputs, d.outputsLength(), (j: number) => d.outputs(j)!]] as const) {
          const m = counted('signature tensor count', pointer, len, MAX_SIGNATURES);
          if (!charge(m, pointer)) break;
          for (let j = 0; j < m; j++) {
            const t = get(j);
            names.push(t.name() ?? '');
            if (sub) add(...dangling('signature tensor index', t.tensorIndex(), sub.tensors, pointer, t.bb_pos));
          }
        }
      });
    }
  });

  guard('/external_buffer_groups', model.bb_pos, () => {
    const n = counted('external buffer group count', '/external_buffer_groups', model.externalBufferGroupsLength(), MAX_METADATA);
    for (let i = 0; i < n; i++) out.externalGroups.push(model.externalBufferGroups(i)!.name() ?? '');
  });
  out.clippedStrings = bb.clippedStrings;
  return out;
}

/** `count` null: the indexed vector could not be read (recorded as broken already), so no verdict. */
function dangling(what: string, index: number, count: number | null, pointer: string, offset: number): TfliteProblem[] {
  return count === null || (index >= 0 && index < count) ? [] : [{ kind: 'dangling', what, index, count, pointer, offset }];
}

/** A vector length whose read may itself be broken (recorded where that vector is walked): null then. */
function safeLength(read: () => number): number | null {
  try { return read(); } catch { return null; }
}

function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** u64 fields: exact below 2^53, Infinity above (never a bounds check that wraps). */
function bigToNumber(v: bigint): number {
  return v <= BigInt(SAFE) ? Number(v) : Infinity;
}
