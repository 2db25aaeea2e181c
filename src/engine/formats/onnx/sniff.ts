// Recognising an ONNX model without magic bytes. A ModelProto serialised by protobuf starts with
// ir_version (field 1, varint) and then its other fields in field-number order; the sniff walks the
// top-level fields the head holds and requires every one to be a ModelProto field of the right wire
// type whose length fits the file. TF SavedModel also starts `08 01 12`, but its field 2 is a
// MetaGraphDef message where ONNX has producer_name: a short printable string is required there.
// Pickles start with 0x80 or an ASCII opcode and text files with a printable byte, never with 0x08.
import type { Head, Sniff, Sniffer } from '../../types';

/** Highest IR version accepted by the sniff: onnx 1.23 writes 14 (onnx.proto enum Version); spare for new releases. */
export const MAX_SNIFF_IR_VERSION = 32;
/** producer_name/producer_version/domain longer than this are not what exporters write. */
const MAX_HEADER_STRING = 1024;

export interface OnnxSniff { ort?: boolean }

/** ModelProto field number → wire type (onnx.proto). */
const MODEL_FIELDS = new Map<number, number>([
  [1, 0], [2, 2], [3, 2], [4, 2], [5, 0], [6, 2], [7, 2], [8, 2], [14, 2], [20, 2], [25, 2], [26, 2],
]);
const TEXT_FIELDS = new Set([2, 3, 4]);

function varint(b: Uint8Array, i: number): [number, number] | null {
  let v = 0;
  let mul = 1;
  for (let k = 0; k < 10; k++) {
    if (i >= b.length) return null;
    const x = b[i++]!;
    v += (x & 0x7f) * mul;
    mul *= 128;
    if (x < 0x80) return [v, i];
  }
  return null;
}

function printable(b: Uint8Array): boolean {
  for (const x of b) if (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d) return false;
  return true;
}

/** True when the head's bytes parse as the start of a ModelProto. */
export function looksLikeModel(head: Head): boolean {
  const b = head.bytes;
  if (b.length < 4 || b[0] !== 0x08) return false;
  const ir = varint(b, 1);
  if (!ir || ir[0] < 1 || ir[0] > MAX_SNIFF_IR_VERSION) return false;
  let i = ir[1];
  let fields = 1;
  let sawBody = false;
  while (i < b.length) {
    const tag = varint(b, i);
    if (!tag) break; // the head ends inside a tag: judge on what was seen
    const no = Math.floor(tag[0] / 8);
    const wire = tag[0] & 7;
    if (MODEL_FIELDS.get(no) !== wire) return false;
    i = tag[1];
    const v = varint(b, i);
    if (!v) break;
    i = v[1];
    fields++;
    if (no === 7 || no === 8 || no === 25) sawBody = true;
    if (wire === 2) {
      if (i + v[0] > head.size) return false;
      if (TEXT_FIELDS.has(no)) {
        if (v[0] > MAX_HEADER_STRING) return false;
        if (i + v[0] <= b.length && !printable(b.subarray(i, i + v[0]))) return false;
      }
      if (no === 7 && i < b.length) {
        // GraphProto's first field: node (1), name (2), initializer (5), doc (10), inputs (11) ...
        const g = varint(b, i);
        if (g && (g[0] & 7) !== 2) return false;
      }
      i += v[0];
    }
  }
  // A lone ir_version (2 bytes) is too little to claim a file; a model has a graph or functions.
  return fields >= 2 && (sawBody || i >= b.length);
}

/** ORT format (onnxruntime/core/flatbuffers/schema/ort.fbs): flatbuffer with file identifier "ORTM". */
function isOrt(head: Head): boolean {
  const b = head.bytes;
  return b.length >= 8 && b[4] === 0x4f && b[5] === 0x52 && b[6] === 0x54 && b[7] === 0x4d;
}

export function sniffOnnx(head: Head): Sniff<OnnxSniff> | null {
  if (isOrt(head) && (head.ext === '.ort' || head.hint === 'onnx')) return { confidence: 'magic', state: { ort: true } };
  if (looksLikeModel(head)) return { confidence: 'structure', state: {} };
  if (head.ext === '.onnx' || head.hint === 'onnx') return { confidence: 'name', state: {} };
  return null;
}

export const onnxSniffer: Sniffer<OnnxSniff> = { id: 'onnx', extensions: ['.onnx', '.ort'], sniff: sniffOnnx };
