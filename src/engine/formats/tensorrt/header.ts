// The head of a TensorRT engine (plan). NVIDIA does not document the format; what is public:
// - the engine starts with a 4-byte magic tag, "ptrt" or "ftrt" (Netron's tensorrt.js reader; TensorRT
//   itself rejects anything else with "Serialization assertion magicTagRead == kMAGIC_TAG failed");
// - the u32 after the tag, and the one after that, are versions: the plan must be loaded by the TensorRT
//   release that built it ("Serialize Version" errors). NVIDIA/TensorRT#3073 maps one of them to
//   releases (205 = 8.2.1, 213 = 8.4.3, 232 = 8.5.3); Netron reads u32 at 4 as a layout version
//   (0x00, 0x2B, 0x57..0x61). Both are reported as read, not interpreted further.
// - Ultralytics' exporter prepends an int32 LE length and that many bytes of JSON metadata
//   (ultralytics/engine/exporter.py export_engine), so the tag then sits at 4 + length.
// Nothing past these words is decoded: the layer graph, weights, kernels and plugin records are opaque.

export const MAGICS = ['ptrt', 'ftrt'] as const;
/** Longest Ultralytics metadata prefix believed: its JSON is a few hundred bytes (names, args, imgsz). */
export const MAX_METADATA_BYTES = 1024 * 1024;

export interface EngineHeader {
  /** Where the engine proper starts: 0, or after an Ultralytics metadata prefix. */
  engineOffset: number;
  /** Ultralytics metadata JSON position, when present. */
  metadata: { start: number; length: number } | null;
  /** "ptrt"/"ftrt" when found at engineOffset; null when the tag is missing or not in the bytes read. */
  magic: string | null;
  /** The two u32 words after the tag (see above), when read. */
  words: [number, number] | null;
}

function tagAt(b: Uint8Array, at: number): string | null {
  if (at + 4 > b.length) return null;
  const s = String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
  return (MAGICS as readonly string[]).includes(s) ? s : null;
}

/** Reads what the head shows; never throws (the scanner decides what a missing piece means). */
export function readHeader(b: Uint8Array, size: number): EngineHeader {
  let engineOffset = 0;
  let metadata: EngineHeader['metadata'] = null;
  if (b.length >= 5 && b[4] === 0x7b /* { */ && tagAt(b, 0) === null) {
    const length = new DataView(b.buffer, b.byteOffset, b.byteLength).getInt32(0, true);
    if (length > 1 && length <= MAX_METADATA_BYTES && 4 + length + 4 <= size) {
      metadata = { start: 4, length };
      engineOffset = 4 + length;
    }
  }
  const magic = tagAt(b, engineOffset);
  let words: EngineHeader['words'] = null;
  if (magic && engineOffset + 12 <= b.length) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    words = [dv.getUint32(engineOffset + 4, true), dv.getUint32(engineOffset + 8, true)];
  }
  return { engineOffset, metadata, magic, words };
}
