// Finding a zip from its end, the way readers find it: Python's zipfile (_EndRecData) and miniz locate
// the end-of-central-directory record (EOCD) in the last 64 KiB + 22 bytes and never look at offset 0,
// so a zip behind a prefix (self-extractor stub, Actually Portable Executable, junk bytes, another zip)
// opens in Python although it has no 'PK\3\4' at 0. Sniffers only get the head; the orchestrator adds a
// bounded tail (Head.tail, TAIL_BYTES) so they can recognise such a zip. Pure: works on head bytes.
// Spec: PKWARE APPNOTE 6.3.x 4.3.14-4.3.16; offsets shifted as CPython's zipfile computes `concat`.
import type { ByteSource, Head } from '../types';
import { u16leAt, u32leAt } from '../io/reader';

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_SIZE = 22;
/**
 * Bytes at the end of a node read for sniffing (4.3.16: the EOCD comment is at most 65535 bytes, so the
 * record starts within the last 65535 + 22). One bounded read per node larger than its head.
 */
export const TAIL_BYTES = 0xffff + EOCD_SIZE;

/** The last bytes of a node not already in its head (undefined when the head holds the whole node). */
export async function readTail(source: ByteSource, headLength: number): Promise<Uint8Array | undefined> {
  if (source.size <= headLength) return undefined;
  const start = Math.max(headLength, source.size - TAIL_BYTES);
  return source.read(start, source.size - start);
}

/**
 * The tail for Head.tail: the head's own last bytes when it holds the whole node, else one bounded read
 * (`read` is told how many bytes, for the budget). The head's tail when it already has one.
 */
export async function tailFor(source: ByteSource, head: Head, read?: (n: number) => void): Promise<Uint8Array> {
  if (head.tail) return head.tail;
  if (source.size <= head.bytes.length) return head.bytes.subarray(Math.max(0, head.size - TAIL_BYTES), head.size);
  const tail = (await readTail(source, head.bytes.length))!;
  read?.(tail.length);
  return tail;
}

export interface ZipEnd {
  /** Absolute offset of the EOCD record. */
  eocd: number;
  /** Bytes before the archive that its offsets do not count (CPython's `concat`); 0 when offsets are absolute. */
  bias: number;
  /** Absolute start of the central directory. */
  cdStart: number;
  /** Absolute offset of the first central entry's local header, when the head or tail holds that entry. */
  firstLocal?: number;
}

/** Bytes of the node at absolute [at, at+n), from the head or the tail; null when neither holds them. */
function view(head: Head, at: number, n: number): Uint8Array | null {
  if (at < 0 || at + n > head.size) return null;
  if (at + n <= head.bytes.length) return head.bytes.subarray(at, at + n);
  const tail = head.tail;
  if (!tail) return null;
  const tailStart = head.size - tail.length;
  if (at < tailStart) return null;
  return tail.subarray(at - tailStart, at - tailStart + n);
}

/**
 * The zip whose EOCD ends exactly at the end of the node (its comment reaching the last byte), with the
 * central directory where the EOCD (or its ZIP64 record) puts it. Requiring the exact end keeps random
 * 'PK\5\6' bytes in other formats from passing for a zip (one chance in 2^48 per position). null when
 * there is none. The numbers are not validated here: containers/zip.ts lists (or rejects) the archive.
 */
export function findZipEnd(head: Head): ZipEnd | null {
  // Only with a tail: the orchestrator adds one when the head alone did not settle the format, so a
  // format recognised from its head (a msgpack checkpoint whose last leaf is a zip) keeps its scanner.
  const end = head.tail;
  if (!end || head.size < EOCD_SIZE) return null;
  const endStart = head.size - end.length;
  for (let i = end.length - EOCD_SIZE; i >= 0; i--) {
    if (u32leAt(end, i) !== SIG_EOCD || i + EOCD_SIZE + u16leAt(end, i + 20) !== end.length) continue;
    const eocd = endStart + i;
    let cdSize = u32leAt(end, i + 12), cdOffset = u32leAt(end, i + 16), cdEnd = eocd;
    // 4.3.15: a ZIP64 locator before the EOCD (miniz, hence torch.save, always writes one) moves the end
    // of the central directory to the ZIP64 record, which sits right before its locator on one disk.
    const loc = view(head, eocd - 20, 20);
    if (loc && u32leAt(loc, 0) === SIG_ZIP64_LOCATOR) {
      const at = eocd - 20 - 56;
      const rec = view(head, at, 56);
      if (rec && u32leAt(rec, 0) === SIG_ZIP64_EOCD) {
        const dv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
        cdSize = Number(dv.getBigUint64(40, true));
        cdOffset = Number(dv.getBigUint64(48, true));
        cdEnd = at;
      } else if (cdSize === 0xffffffff || cdOffset === 0xffffffff) return null;
    } else if (cdSize === 0xffffffff || cdOffset === 0xffffffff) return null;
    // An end record that ends exactly at the end of the node is a zip even when its numbers are broken:
    // the listing then reports it as malformed (a scan cut short), instead of the fallback calling it unknown.
    let bias = Math.max(0, cdEnd - cdSize - cdOffset);
    // As containers/zip.ts: a shift is believed only where the central directory signature is.
    if (bias > 0 && cdSize > 0) {
      const sig = view(head, cdOffset + bias, 4);
      if (sig && u32leAt(sig, 0) !== SIG_CENTRAL) bias = 0;
    }
    const cdStart = cdOffset + bias;
    const first = cdSize >= 46 ? view(head, cdStart, 46) : null;
    const out: ZipEnd = { eocd, bias, cdStart };
    if (first && u32leAt(first, 0) === SIG_CENTRAL) out.firstLocal = u32leAt(first, 42) + bias;
    return out;
  }
  return null;
}

/**
 * The head seen from the zip's first local header: what layout sniffers (PyTorch, Keras) read to name
 * the first member. The head itself when it starts with a local header; otherwise the head from the
 * first member of a zip found from its end, when that member starts inside the head.
 */
export function zipHeadBytes(head: Head): Uint8Array {
  if (head.bytes[0] === 0x50 && head.bytes[1] === 0x4b && head.bytes[2] === 3 && head.bytes[3] === 4) return head.bytes;
  const z = findZipEnd(head);
  if (z?.firstLocal === undefined || z.firstLocal <= 0 || z.firstLocal + 30 > head.bytes.length) return head.bytes;
  return head.bytes.subarray(z.firstLocal);
}

/**
 * Whether the last central directory record (the one right before the end records) names `name`:
 * archivers that write a manifest last (torch-model-archiver's MAR-INF/MANIFEST.json, skops'
 * schema.json) are recognised by it from the tail alone. Central record: name length at 28, extra
 * at 30, comment at 32, name at 46 (APPNOTE 4.3.12).
 */
export function lastCentralNameIs(head: Head, name: string): boolean {
  const end = findZipEnd(head);
  if (!end) return false;
  const tail = head.tail ?? head.bytes.subarray(0, head.size);
  const tailStart = head.size - tail.length;
  const want = new Uint8Array([...name].map((c) => c.charCodeAt(0) & 0xff));
  const last = end.eocd - tailStart - 46 - want.length;
  for (let i = last; i >= 0 && i >= last - LAST_RECORD_SLACK; i--) {
    if (u32leAt(tail, i) !== SIG_CENTRAL || u16leAt(tail, i + 28) !== want.length) continue;
    let same = true;
    for (let k = 0; k < want.length && same; k++) same = tail[i + 46 + k] === want[k];
    if (!same) continue;
    const after = i + 46 + want.length + u16leAt(tail, i + 30) + u16leAt(tail, i + 32);
    const sig = after + 4 <= tail.length ? u32leAt(tail, after) : 0;
    return sig === SIG_EOCD || sig === SIG_ZIP64_EOCD;
  }
  return false;
}
/** Extra and comment bytes tolerated in the last central record when looking for it. */
const LAST_RECORD_SLACK = 512;
