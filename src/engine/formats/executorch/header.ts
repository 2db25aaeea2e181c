// The head of an ExecuTorch .pte file (executorch/schema/extended_header.{h,cpp} and
// exir/_serialize/_program.py): a FlatBuffers root offset at bytes 0..4, the file_identifier "ET" + two
// alphanumerics at 4..8 (program.fbs: "ET12"), then, when the program has segments, an "extended header"
// inserted at byte 8: magic "eh00", u32 header length (>= 24), u64 program_size (bytes of the flatbuffer
// from offset 0, header included), u64 segment_base_offset (where segment offsets count from) and, from a
// 32-byte header on, u64 segment_data_size. All little-endian.
import { FormatError } from '../../types';

/** ExtendedHeader::kNumHeadBytes: the runtime reads this many bytes to find the header. */
export const HEAD_BYTES = 64;
/** ExtendedHeader kMinimumHeaderLength: magic + length + program_size + segment_base_offset. */
const MIN_EXTENDED_LENGTH = 24;
/** With segment_data_size (kHeaderLengthWithSegmentDataSize). */
const EXTENDED_WITH_DATA_SIZE = 32;

export interface PteHeader {
  /** The 4-character file_identifier ("ET12"). */
  identifier: string;
  extended: {
    length: number; programSize: number; segmentBaseOffset: number;
    /** 0 when the header predates the field. */
    segmentDataSize: number;
  } | null;
}

/** "ET" followed by two ASCII letters or digits (the runtime's magic regex: ET[0-9a-zA-Z]{2}). */
export function hasIdentifier(b: Uint8Array): boolean {
  return b.length >= 8 && b[4] === 0x45 && b[5] === 0x54 && isAlnum(b[6]!) && isAlnum(b[7]!);
}

function isAlnum(x: number): boolean {
  return (x >= 0x30 && x <= 0x39) || (x >= 0x41 && x <= 0x5a) || (x >= 0x61 && x <= 0x7a);
}

function u64(b: Uint8Array, at: number): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength).getBigUint64(at, true);
  // Offsets past 2^53 cannot be in any file this scanner reads: treat them as out of bounds.
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** Parses the identifier and the optional extended header from the first bytes of the file. */
export function parseHeader(head: Uint8Array): PteHeader {
  if (!hasIdentifier(head)) throw new FormatError('no "ET.." file identifier at bytes 4..8', 4);
  const identifier = String.fromCharCode(...head.subarray(4, 8));
  if (head.length < 16 || head[8] !== 0x65 || head[9] !== 0x68 || head[10] !== 0x30 || head[11] !== 0x30) return { identifier, extended: null };
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const length = dv.getUint32(12, true);
  if (length < MIN_EXTENDED_LENGTH) throw new FormatError(`extended header length ${length} < ${MIN_EXTENDED_LENGTH}`, 12);
  if (head.length < 8 + MIN_EXTENDED_LENGTH) throw new FormatError('file ends inside the extended header', 8);
  const segmentDataSize = length >= EXTENDED_WITH_DATA_SIZE && head.length >= 8 + EXTENDED_WITH_DATA_SIZE ? u64(head, 32) : 0;
  return { identifier, extended: { length, programSize: u64(head, 16), segmentBaseOffset: u64(head, 24), segmentDataSize } };
}
