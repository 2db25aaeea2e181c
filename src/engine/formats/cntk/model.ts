// CNTK v2 model (`Function::Save`): one protobuf `Dictionary` (schema/CNTK.proto, vendored from
// microsoft/CNTK), decoded with the static protobufjs code generated from it. The dictionary's key
// names are not in the schema but in CNTK's Serialization.h / CompositeFunction.cpp: a composite
// function has "type" = "CompositeFunction", "root", "uid", "inputs" and "primitive_functions", a
// vector of dictionaries, one per function ("type" = "PrimitiveFunction" with an "op" number, or
// "UserDefinedFunction" with a "user_defined_state"). A parser returns data; scanner.ts judges it.
import { FormatError, LimitExceeded } from '../../types';
import { boundedReader } from '../../io/proto-budget';
import { pointerToken as tok } from '../../io/json';
import type { CNTK } from './schema/cntk.js';

type Proto = typeof CNTK.proto;
/** The decoded shape the walk reads (the generated types' oneof unions are too strict to traverse). */
interface Dict { data?: { [k: string]: Value } | null }
interface Value {
  string_value?: string | null; bool_value?: boolean | null; int_value?: number | null; size_t_value?: number | { toNumber(): number } | null;
  axis_value?: { name?: string | null } | null; vector_value?: { value?: Value[] | null } | null; dictionary_value?: Dict | null;
}

/** Strings handed to the detectors: bounds the report on a model with millions of names. */
export const MAX_STRINGS = 4096;
/** Dictionary values visited: a crafted file with millions of tiny entries cannot stall the scan. */
export const MAX_VALUES = 1_000_000;
/** Nesting walked (dictionaries in vectors in dictionaries...): CNTK nests a handful of levels. */
export const MAX_DEPTH = 64;
/** User-defined functions listed. */
export const MAX_UDFS = 256;


export interface CntkUdf {
  pointer: string;
  /** UDFUtils::Serialize's "native" flag: a native UDF's state names a library to load. */
  native: boolean;
  module: string;
  /** Python: the class (`class`); native: the factory function (`deserialize_method`). */
  entry: string;
  op: string;
}
export interface CntkModel {
  type: string;
  primitiveFunctions: number;
  /** PrimitiveFunction "op" numbers (PrimitiveOpType) and how often each occurs. */
  ops: Map<number, number>;
  udfs: CntkUdf[];
  udfsDropped: number;
  strings: Array<{ pointer: string; text: string }>;
  stringsDropped: number;
  /** The walk stopped at MAX_DEPTH or MAX_VALUES. */
  cutShort: string | null;
}

export type Decoders = Proto;
/** The generated decoders, in their own chunk: loaded with the first CNTK model. */
export async function loadDecoders(): Promise<Decoders> {
  return (await import('./schema/cntk.js')).CNTK.proto;
}

const str = (v: Value | undefined): string => (v && typeof v.string_value === 'string' ? v.string_value : '');

/**
 * Decodes and walks a model. Anything the decoder rejects (truncation, a length past the end, invalid
 * UTF-8, nesting past protobufjs' recursion limit) is a FormatError, and so is a dictionary that is
 * not a composite function: CNTK's Function::Load rejects both.
 */
export function decodeModel(P: Decoders, bytes: Uint8Array, tick: () => void): CntkModel {
  let root: Dict;
  try {
    root = P.Dictionary.decode(boundedReader(bytes, 'the CNTK dictionary')) as unknown as Dict;
  } catch (e) {
    if (e instanceof LimitExceeded) throw e;
    throw new FormatError(`cannot decode the CNTK dictionary: ${(e as Error).message}`);
  }
  const type = str(root.data?.['type']);
  const fns = root.data?.['primitive_functions']?.vector_value?.value;
  if (type !== 'CompositeFunction' || !fns) throw new FormatError(`not a CNTK composite function (type "${type.slice(0, 64)}", ${fns ? 'with' : 'no'} primitive_functions)`, 0);
  const m: CntkModel = { type, primitiveFunctions: fns.length, ops: new Map(), udfs: [], udfsDropped: 0, strings: [], stringsDropped: 0, cutShort: null };
  fns.forEach((f, i) => {
    const d = f.dictionary_value?.data;
    if (!d) return;
    const pointer = `/primitive_functions/${i}`;
    const ft = str(d['type']);
    const op = d['op'];
    if (ft === 'PrimitiveFunction' && op) {
      const raw = op.size_t_value ?? op.int_value ?? -1;
      const n = typeof raw === 'number' ? raw : raw.toNumber();
      m.ops.set(n, (m.ops.get(n) ?? 0) + 1);
    }
    if (ft === 'UserDefinedFunction') {
      if (m.udfs.length >= MAX_UDFS) { m.udfsDropped++; return; }
      const state = d['user_defined_state']?.dictionary_value?.data ?? {};
      const native = d['native']?.bool_value === true;
      m.udfs.push({ pointer, native, module: str(state['module']), entry: str(state[native ? 'deserialize_method' : 'class']), op: str(state[native ? 'op' : 'op_name']) });
    }
  });
  walk(root, m, tick);
  return m;
}

/** Every string value (and map key longer than a key name), depth-first with an explicit stack. */
function walk(root: Dict, m: CntkModel, tick: () => void): void {
  const stack: Array<{ v: Value | Dict; pointer: string; depth: number }> = [{ v: root, pointer: '', depth: 0 }];
  let visited = 0;
  const addString = (pointer: string, text: string) => {
    if (!text) return;
    if (m.strings.length < MAX_STRINGS) m.strings.push({ pointer, text });
    else m.stringsDropped++;
  };
  while (stack.length) {
    const { v, pointer, depth } = stack.pop()!;
    if (++visited > MAX_VALUES) { m.cutShort = `more than ${MAX_VALUES} dictionary values`; return; }
    if ((visited & 0xffff) === 0) tick();
    if (depth > MAX_DEPTH) { m.cutShort = `nesting deeper than ${MAX_DEPTH} levels`; continue; }
    const data = 'data' in v ? (v as Dict).data : undefined;
    if (data) {
      for (const [k, child] of Object.entries(data)) {
        const p = `${pointer}/${tok(k)}`;
        if (k.length > 64) addString(`${p}#key`, k);
        stack.push({ v: child, pointer: p, depth: depth + 1 });
      }
      continue;
    }
    const val = v as Value;
    if (typeof val.string_value === 'string') addString(pointer, val.string_value);
    else if (val.axis_value?.name) addString(`${pointer}/name`, val.axis_value.name);
    else if (val.dictionary_value) stack.push({ v: val.dictionary_value, pointer, depth: depth + 1 });
    else if (val.vector_value?.value) {
      const items = val.vector_value.value;
      for (let i = items.length - 1; i >= 0; i--) stack.push({ v: items[i]!, pointer: `${pointer}/${i}`, depth: depth + 1 });
    }
  }
}
