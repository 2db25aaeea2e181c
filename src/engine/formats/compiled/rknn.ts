// RKNN container (Rockchip NPU models, rknn-toolkit's export_rknn). No official specification; the
// layout below is the one public readers of the format agree on (community parsers and write-ups of
// real files): "RKNN" magic, 4 zero bytes, u64 LE file-format version, u64 LE model-data length; a
// version <= 1 header is padded to 64 bytes, later ones end at 24; then the model data (a flatbuffer in
// recent versions, not decoded here), then a u64 LE length and that many bytes of model-info JSON.
// "CYPTRKNN" marks an encrypted model, which can only be swept.
import { FormatError, type JsonValue } from '../../types';
import { isJsonObject, parseJson } from '../../io/json';

/** Model-info JSON read: real ones are a few KB (target platform, tensor attributes, versions). */
export const MAX_RKNN_JSON_BYTES = 16 * 1024 * 1024;

export interface RknnLayout {
  encrypted: boolean;
  version?: number;
  headerBytes?: number;
  dataBytes?: number;
  /** Offset and length of the model-info JSON. */
  jsonAt?: number;
  jsonBytes?: number;
  /** Bytes after the JSON (0 in files rknn-toolkit writes). */
  trailingBytes?: number;
}

const u64 = (b: Uint8Array, at: number): number => {
  const v = new DataView(b.buffer, b.byteOffset + at, 8);
  const hi = v.getUint32(4, true);
  if (hi >= 0x200000) throw new FormatError('a 64-bit length beyond 2^53', at);
  return hi * 0x100000000 + v.getUint32(0, true);
};

/** Reads the header and checks every declared length against the file size (head = first 64 bytes). */
export function rknnLayout(head: Uint8Array, size: number): RknnLayout {
  const ascii = String.fromCharCode(...head.subarray(0, 8));
  if (ascii === 'CYPTRKNN') return { encrypted: true };
  if (!ascii.startsWith('RKNN')) throw new FormatError('no RKNN magic', 0);
  if (head.length < 24) throw new FormatError('header shorter than 24 bytes', 0);
  const version = u64(head, 8);
  const dataBytes = u64(head, 16);
  const headerBytes = version <= 1 ? 64 : 24;
  const jsonLenAt = headerBytes + dataBytes;
  if (jsonLenAt + 8 > size) throw new FormatError(`model data of ${dataBytes} bytes runs past the end of the file`, 16);
  return { encrypted: false, version, headerBytes, dataBytes, jsonAt: jsonLenAt + 8 };
}

/** Completes the layout with the JSON length read at jsonAt - 8. */
export function rknnJsonLength(layout: RknnLayout, lenBytes: Uint8Array, size: number): RknnLayout {
  const jsonBytes = u64(lenBytes, 0);
  const end = layout.jsonAt! + jsonBytes;
  if (end > size) throw new FormatError(`model-info JSON of ${jsonBytes} bytes runs past the end of the file`, layout.jsonAt! - 8);
  return { ...layout, jsonBytes, trailingBytes: size - end };
}

/** The model-info JSON as an object; malformed JSON or a non-object is a FormatError. */
export function rknnInfo(bytes: Uint8Array, at: number, maxDepth: number): Record<string, JsonValue> {
  // Some writers end the text with NULs; JSON does not allow them.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  const v = parseJson(bytes.subarray(0, end), { maxDepth }).value;
  if (!isJsonObject(v)) throw new FormatError('model-info is not a JSON object', at);
  return v;
}
