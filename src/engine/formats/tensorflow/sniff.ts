// Protobuf has no magic number: a TensorFlow file is recognised by its name and by a cheap walk of the
// wire format in the head that must look like one of the messages below (field numbers and wire types
// from the descriptors in schema/: saved_model.proto, meta_graph.proto, graph.proto, node_def.proto,
// keras saved_metadata.proto). Only the head is read; a message cut by the end of the head is fine
// when the file goes on.
import type { Head, Sniffer } from '../../types';
import { latin1Text } from '../../io/text';
import { looksLikePbtxt } from './text';

export type TfKind = 'saved-model' | 'meta-graph' | 'graph-def' | 'keras-metadata' | 'variables-index' | 'variables-data' | 'pbtxt';

/** Fields walked per message in the head. Bounds sniff CPU on heads of tiny fields. */
const MAX_SNIFF_FIELDS = 4096;

const VARINT = 0, I64 = 1, LEN = 2, I32 = 5;

interface Field { num: number; wire: number; start: number; end: number; cut: boolean }

/** Walks the fields of [start, end) of `b`. Returns null when the bytes are not protobuf; `cut` marks a
 * field that runs past the head when the head is not the whole file (`open`). */
function fields(b: Uint8Array, start: number, end: number, open: boolean): Field[] | null {
  const out: Field[] = [];
  let p = start;
  while (p < end && out.length < MAX_SNIFF_FIELDS) {
    const tag = varint(b, p, end);
    if (!tag) return open && p + 10 > end ? out : null;
    const num = Math.floor(tag.v / 8), wire = tag.v % 8;
    if (num === 0 || num > 536_870_911) return null;
    p = tag.p;
    if (wire === VARINT) {
      const v = varint(b, p, end);
      if (!v) return open ? out : null;
      out.push({ num, wire, start: p, end: v.p, cut: false });
      p = v.p;
    } else if (wire === LEN) {
      const n = varint(b, p, end);
      if (!n) return open ? out : null;
      const e = n.p + n.v;
      if (e > end) {
        if (!open) return null;
        out.push({ num, wire, start: n.p, end, cut: true });
        return out;
      }
      out.push({ num, wire, start: n.p, end: e, cut: false });
      p = e;
    } else if (wire === I64 || wire === I32) {
      const e = p + (wire === I64 ? 8 : 4);
      if (e > end) return open ? out : null;
      out.push({ num, wire, start: p, end: e, cut: false });
      p = e;
    } else {
      return null; // groups (3, 4) never appear in TensorFlow's proto3 messages; 6, 7 do not exist
    }
  }
  return out;
}

function varint(b: Uint8Array, p: number, end: number): { v: number; p: number } | null {
  let v = 0, mul = 1;
  for (let i = 0; i < 10 && p < end; i++) {
    const x = b[p++]!;
    v += (x & 0x7f) * mul;
    mul *= 128;
    if (x < 0x80) return { v, p };
  }
  return null;
}

type Shape = Record<number, number>; // field number → wire type

const SAVED_MODEL: Shape = { 1: VARINT, 2: LEN };
const META_GRAPH: Shape = { 1: LEN, 2: LEN, 3: LEN, 4: LEN, 5: LEN, 6: LEN, 7: LEN };
const GRAPH: Shape = { 1: LEN, 2: LEN, 3: VARINT, 4: LEN, 5: LEN };
const NODE: Shape = { 1: LEN, 2: LEN, 3: LEN, 4: LEN, 5: LEN, 6: LEN, 7: LEN };
// MetaInfoDef: meta_graph_version, stripped_op_list, any_info, tags, tensorflow_version,
// tensorflow_git_version, stripped_default_attrs, function_aliases (map entries).
const META_INFO: Shape = { 1: LEN, 2: LEN, 3: LEN, 4: LEN, 5: LEN, 6: LEN, 7: VARINT, 8: LEN };
const KERAS_METADATA: Shape = { 1: LEN };
const KERAS_OBJECT: Shape = { 2: VARINT, 3: LEN, 4: LEN, 5: LEN, 6: LEN };

function fits(fs: Field[] | null, shape: Shape): fs is Field[] {
  return fs !== null && fs.length > 0 && fs.every((f) => shape[f.num] === f.wire);
}

/** Op names are identifiers (ops, or library function names): `[A-Za-z0-9_>.-]`, as TF's op registry
 * and function names allow. */
const OP_NAME = /^[A-Za-z_][A-Za-z0-9_>.\-/]{0,200}$/;

function str(b: Uint8Array, f: Field): string {
  let s = '';
  for (let i = f.start; i < f.end && i < f.start + 256; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** A NodeDef whose op (if it lies in the head) is an identifier. */
function looksLikeNode(b: Uint8Array, f: Field, open: boolean): boolean {
  const fs = fields(b, f.start, f.end, open && f.cut);
  if (!fits(fs, NODE)) return false;
  const op = fs.find((x) => x.num === 2);
  if (!op) return f.cut; // the op may lie past the head
  return op.cut || OP_NAME.test(str(b, op));
}

function looksLikeGraph(b: Uint8Array, start: number, end: number, open: boolean): boolean {
  const fs = fields(b, start, end, open);
  if (!fits(fs, GRAPH)) return false;
  const node = fs.find((x) => x.num === 1);
  if (node) return looksLikeNode(b, node, open);
  // No node in the head: a library-only graph or versions first; require a versions/library field.
  return fs.some((x) => x.num === 2 || x.num === 4);
}

function looksLikeMetaGraph(b: Uint8Array, start: number, end: number, open: boolean): boolean {
  const fs = fields(b, start, end, open);
  if (!fits(fs, META_GRAPH)) return false;
  const graph = fs.find((x) => x.num === 2);
  if (graph) return looksLikeGraph(b, graph.start, graph.end, open && graph.cut);
  // meta_info_def first, graph past the head. It must itself parse as a MetaInfoDef: a message whose
  // field 1 is a string (GraphDebugInfo's file paths in debug/saved_model_debug_info.pb) does not.
  const info = fs.find((x) => x.num === 1);
  return info !== undefined && fits(fields(b, info.start, info.end, open && info.cut), META_INFO);
}

function looksLikeSavedModel(b: Uint8Array, open: boolean): boolean {
  const fs = fields(b, 0, b.length, open);
  if (!fits(fs, SAVED_MODEL)) return false;
  const mg = fs.find((x) => x.num === 2);
  return mg !== undefined && looksLikeMetaGraph(b, mg.start, mg.end, open && mg.cut);
}

function looksLikeKerasMetadata(b: Uint8Array, open: boolean): boolean {
  const fs = fields(b, 0, b.length, open);
  if (!fits(fs, KERAS_METADATA)) return false;
  const obj = fields(b, fs[0]!.start, fs[0]!.end, open && fs[0]!.cut);
  const id = obj && fits(obj, KERAS_OBJECT) ? obj.find((x) => x.num === 4) : undefined;
  return id !== undefined && (id.cut || /^_tf_keras_/.test(str(b, id)));
}

export interface TfSniff { kind: TfKind; byName: boolean }

/**
 * Decides what a head holds. The name picks the message when it names one (saved_model.pb,
 * keras_metadata.pb, *.meta) and the content fits; otherwise the content decides, SavedModel first
 * (its wrapper is the most specific), then GraphDef, then MetaGraphDef.
 */
export function sniffTensorflow(head: Head): TfSniff | null {
  const b = head.bytes;
  if (b.length === 0) return null;
  const open = b.length < head.size;
  const name = head.name.toLowerCase();
  if (head.ext === '.pbtxt') {
    return looksLikePbtxt(latin1Text(b.subarray(0, 4096))) ? { kind: 'pbtxt', byName: false } : null;
  }
  if (name === 'keras_metadata.pb') {
    return looksLikeKerasMetadata(b, open) ? { kind: 'keras-metadata', byName: false } : { kind: 'keras-metadata', byName: true };
  }
  if (head.ext === '.meta') {
    if (looksLikeMetaGraph(b, 0, b.length, open)) return { kind: 'meta-graph', byName: false };
    return binaryish(b) ? { kind: 'meta-graph', byName: true } : null;
  }
  if (looksLikeSavedModel(b, open)) return { kind: 'saved-model', byName: false };
  if (looksLikeGraph(b, 0, b.length, open) && fields(b, 0, b.length, open)!.some((x) => x.num === 1)) {
    return { kind: 'graph-def', byName: false };
  }
  if (looksLikeMetaGraph(b, 0, b.length, open) && (head.ext === '.pb' || head.ext === '.pbtxt')) {
    return { kind: 'meta-graph', byName: false };
  }
  if (looksLikeKerasMetadata(b, open)) return { kind: 'keras-metadata', byName: false };
  if (name === 'saved_model.pb' && binaryish(b)) return { kind: 'saved-model', byName: true };
  // A SavedModel's variables (tensor bundle, tensorflow/core/util/tensor_bundle): by name only, after
  // every content-based format had its chance.
  if (name === 'variables.index' || /^variables\.data-\d{5}-of-\d{5}$/.test(name)) {
    return { kind: name === 'variables.index' ? 'variables-index' : 'variables-data', byName: true };
  }
  return null;
}

/** Name-only claims stay off text and pickles (0x80 PROTO opcode), which their own scanners take. */
function binaryish(b: Uint8Array): boolean {
  if (b[0] === 0x80) return false;
  let text = 0;
  const n = Math.min(b.length, 512);
  for (let i = 0; i < n; i++) { const c = b[i]!; if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13) text++; }
  return text < n * 0.95;
}

export const tensorflowSniffer: Sniffer<TfSniff> = {
  id: 'tensorflow',
  extensions: [],
  sniff(head) {
    const s = sniffTensorflow(head);
    return s ? { confidence: s.byName ? 'name' : 'structure', state: s } : null;
  },
};
