// The two other files of an .mlpackage folder (coremltools modelpackage/src/ModelPackage.cpp):
// Manifest.json at the package root, whose itemInfoEntries name the items under Data/ (the root
// model spec is Data/com.apple.CoreML/model.mlmodel), and the ML Program weight file
// Data/com.apple.CoreML/weights/weight.bin in the MIL blob storage format
// (coremltools mlmodel/src/MILBlob/Blob/StorageFormat.hpp, StorageReader.cpp): a 64-byte
// storage_header { u32 count; u32 version = 2; u64 reserved[7] } and, for each blob, a 64-byte
// blob_metadata { u32 sentinel = 0xDEADBEEF; u32 mil_dtype; u64 sizeInBytes; u64 offset;
// u64 padding_size_in_bits; u64 reserved[4] } followed by its data; the next metadata starts at the
// data's end rounded up to 64. All little-endian. The ML Program's BlobFileValue.offset is the
// offset of a blob_metadata.
import { FormatError, type JsonValue } from '../../types';

export const BLOB_HEADER_BYTES = 64;
export const BLOB_METADATA_BYTES = 64;
export const BLOB_SENTINEL = 0xdeadbeef;
export const BLOB_ALIGNMENT = 64;
/** Blobs walked: one metadata read each, so a count of 4 billion in a small file cannot spin. */
export const MAX_BLOBS = 200_000;
/** MIL BlobDataType values (BlobDataType.hpp): Float16 = 1 ... Float8E5M2 = 17. */
const MAX_DTYPE = 17;

export interface BlobHeader { count: number; version: number }
export interface BlobMetadata { at: number; dtype: number; size: number; offset: number; paddingBits: number }

export function readBlobHeader(b: Uint8Array): BlobHeader {
  if (b.length < BLOB_HEADER_BYTES) throw new FormatError(`weight file of ${b.length} bytes is shorter than its ${BLOB_HEADER_BYTES}-byte header`, 0);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const header = { count: v.getUint32(0, true), version: v.getUint32(4, true) };
  // StorageReader: "Storage Reader expects file format version 2."
  if (header.version !== 2) throw new FormatError(`weight file version ${header.version}; Core ML reads version 2 only`, 4);
  return header;
}

/** Reads and checks one blob_metadata at `at` of a file of `fileSize` bytes (`b` holds its 64 bytes). */
export function readBlobMetadata(b: Uint8Array, at: number, fileSize: number): BlobMetadata {
  if (b.length < BLOB_METADATA_BYTES) throw new FormatError(`blob metadata at ${at} runs past the end of the file`, at);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sentinel = v.getUint32(0, true);
  if (sentinel !== BLOB_SENTINEL) throw new FormatError(`blob metadata at ${at} has sentinel 0x${sentinel.toString(16)}, not 0xdeadbeef`, at);
  const dtype = v.getUint32(4, true);
  if (dtype < 1 || dtype > MAX_DTYPE) throw new FormatError(`blob at ${at} has unknown data type ${dtype}`, at + 4);
  const size = v.getBigUint64(8, true);
  const offset = v.getBigUint64(16, true);
  const padding = v.getBigUint64(24, true);
  const end = offset + size;
  if (end > BigInt(fileSize)) throw new FormatError(`blob at ${at} claims ${size} bytes at offset ${offset}, past the end of the ${fileSize}-byte file`, at + 8);
  // The writer puts the data right after its metadata; data over the header or its own metadata
  // would make one byte range mean two things.
  if (offset < BigInt(at + BLOB_METADATA_BYTES)) throw new FormatError(`blob at ${at} places its data at ${offset}, over its own metadata or an earlier blob`, at + 16);
  // padding_size_in_bits is not checked here: it was a reserved field, uninitialized before iOS 18
  // (StorageFormat.hpp), and StorageReader checks it only for sub-byte data types.
  return { at, dtype, size: Number(size), offset: Number(offset), paddingBits: Number(padding) };
}

/** Offset of the metadata after a blob's data (StorageReader: aligned up to 64). */
export function nextMetadataOffset(m: BlobMetadata): number {
  const end = m.offset + m.size;
  return end % BLOB_ALIGNMENT === 0 ? end : end + BLOB_ALIGNMENT - (end % BLOB_ALIGNMENT);
}

export interface ManifestItem { id: string; path: string; name: string; author: string; description: string; isRoot: boolean }
export interface Manifest { version: string; rootId: string; items: ManifestItem[] }

const text = (v: JsonValue | undefined): string => (typeof v === 'string' ? v : '');

/** Manifest.json: { fileFormatVersion, itemInfoEntries: { <id>: { path, name, author, description } }, rootModelIdentifier }. */
export function readManifest(doc: JsonValue): Manifest {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new FormatError('Manifest.json is not a JSON object');
  const entries = doc.itemInfoEntries;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) throw new FormatError('Manifest.json has no itemInfoEntries object');
  const rootId = text(doc.rootModelIdentifier);
  const items: ManifestItem[] = [];
  for (const [id, e] of Object.entries(entries)) {
    if (!e || typeof e !== 'object' || Array.isArray(e)) throw new FormatError(`item ${id} of Manifest.json is not an object`);
    items.push({ id, path: text(e.path), name: text(e.name), author: text(e.author), description: text(e.description), isRoot: id === rootId });
  }
  return { version: text(doc.fileFormatVersion), rootId, items };
}

/** A package-relative path that is absolute, has a drive or scheme, or climbs above its base with "..". */
export function leavesBase(rel: string): boolean {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || r.startsWith('~') || /^[A-Za-z]:/.test(r) || /^[a-z][a-z0-9+.-]*:/i.test(r)) return true;
  let depth = 0;
  for (const seg of r.split('/')) {
    if (seg === '..') { if (--depth < 0) return true; } else if (seg !== '' && seg !== '.') depth++;
  }
  return false;
}

/** `@model_path/weights/weight.bin` → `weights/weight.bin` (relative to the spec's folder); null when it leaves it. */
export function blobFilePath(fileName: string): string | null {
  const rel = fileName.startsWith('@model_path/') ? fileName.slice('@model_path/'.length) : fileName;
  return rel === '' || leavesBase(rel) ? null : rel;
}
