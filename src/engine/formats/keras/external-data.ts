// Datasets whose DATA lives in other files, found by the structural pre-check (precheck.ts) without
// opening those files. Two object header messages do it:
// - External Data Files (IV.A.2.h, type 0x0007): slots of (name offset in a local heap, offset, size);
//   libhdf5 reads the dataset from those files (h5py: create_dataset(..., external=[(name, off, size)])).
// - Data Layout (IV.A.2.i) version 4, class 3 (virtual): a global heap object listing, per mapping, a
//   source file name and source dataset name and two serialized selections (H5Olayout.c, encoding
//   version 0); libhdf5 opens each source file on read (h5py: create_virtual_dataset). "." is the file itself.
// A name that is absolute, climbs with "..", or is a UNC/URL path reaches outside the model's folder
// (a UNC path on Windows sends the user's NTLM credentials to that host). This file returns the names;
// the scanner judges them (judgeExternalName).
// Spec: HDF5 File Format Specification 3.0 — III.D local heap, III.E global heap, IV.A.2.h, IV.A.2.i;
// selections as H5S_SELECT_SERIALIZE writes them (H5Sall.c, H5Shyper.c, H5Spoint.c, H5Snone.c).
import { utf8 } from '../../io/text';
import { Unsupported, signed, u16, u32, u64, uint, type H5Reader } from './dense';
import { escapesFolder } from '../../folder/references';

export const EXTERNAL_DATA_FILES = 0x07, DATA_LAYOUT = 0x08;
/** Bytes of one file name read (Linux PATH_MAX): a longer one is cut, and still judged by its start. */
const MAX_NAME_BYTES = 4096;
/** Distinct file names kept per dataset: one is enough to judge, a few name the rest. */
export const MAX_FILES_PER_DATASET = 32;
/** Datasets with external data recorded per file: the report stays bounded however many the file declares. */
export const MAX_EXTERNAL_DATASETS = 1000;
/** Virtual mappings read per dataset (each at least 34 bytes of its heap object, which is bounded too). */
const MAX_VDS_MAPPINGS = 100_000;

/** A dataset's object header and the other files its data is read from. */
export interface ExternalData {
  object: number;
  /** The dataset's HDF5 path, by the first link that reached it ('' until the walk names it). */
  path: string;
  kind: 'external' | 'virtual';
  /** Distinct file names, as stored (the file itself, ".", left out), first MAX_FILES_PER_DATASET. */
  files: string[];
  /** Set when more names were listed than kept. */
  more?: boolean;
}

/** Reads the object `index` of the global heap collection at `addr` (checked for libhdf5's loops first). */
export type HeapObject = (addr: number, index: number) => Promise<Uint8Array | null>;

/** The file names of an External Data Files message (IV.A.2.h), read from its local heap (III.D). */
export async function externalFileNames(r: H5Reader, m: Uint8Array): Promise<string[]> {
  if (m[0] !== 1 || m.length < 16) throw new Unsupported(); // libhdf5 knows version 1 only
  const used = u16(m, 6), heapAddr = u64(m, 8);
  if (16 + used * 24 > m.length) throw new Unsupported(); // more slots than the message holds: libhdf5 rejects it
  const names = new Map<number, string>();
  for (let i = 0; i < used; i++) {
    const off = u64(m, 16 + i * 24);
    if (names.size > MAX_FILES_PER_DATASET + 1) break; // enough to judge and to tell there are more
    if (!names.has(off)) names.set(off, await localHeapName(r, heapAddr, off));
  }
  return [...names.values()];
}

/** The NUL-terminated name at `off` in the local heap at `heapAddr` (III.D): a file name, or a link name of an old-style group. */
export async function localHeapName(r: H5Reader, heapAddr: number, off: number): Promise<string> {
  const h = await r.bytes(r.abs(heapAddr), 32);
  signed(h, 'HEAP');
  const segment = u64(h, 8), data = r.abs(u64(h, 24));
  if (off >= segment) throw new Unsupported(); // a name outside its heap: libhdf5 fails to read it
  const b = await r.bytes(data + off, Math.min(MAX_NAME_BYTES, segment - off));
  const end = b.indexOf(0);
  return utf8(end < 0 ? b : b.subarray(0, end));
}

/** The source file names of a virtual Data Layout message (IV.A.2.i v4 class 3), or null for any other layout. */
export async function virtualSourceNames(m: Uint8Array, heapObject: HeapObject): Promise<string[] | null> {
  if (m[0] !== 4 || m[1] !== 3) return null;
  if (m.length < 14) throw new Unsupported();
  const obj = await heapObject(u64(m, 2), u32(m, 10));
  if (!obj) throw new Unsupported(); // no such heap object: libhdf5 fails to read the layout
  if (obj[0] !== 0 || obj.length < 9) throw new Unsupported(); // encoding version 0 only (H5O_LAYOUT_VDS_GH_ENC_VERS)
  const n = u64(obj, 1);
  if (n > MAX_VDS_MAPPINGS) throw new Unsupported();
  // Distinct names only, a few past what is kept (so `more` is told): mappings repeat their file.
  const names = new Set<string>();
  let p = 9;
  for (let i = 0; i < n; i++) {
    const file = cString(obj, p);
    const dset = cString(obj, file.end + 1);
    p = selection(obj, selection(obj, dset.end + 1));
    if (names.size <= MAX_FILES_PER_DATASET + 1) names.add(file.text);
  }
  return [...names];
}

function cString(b: Uint8Array, at: number): { text: string; end: number } {
  const end = b.indexOf(0, at);
  if (at >= b.length || end < 0) throw new Unsupported(); // a name without its terminator: libhdf5 overruns or rejects
  return { text: utf8(b.subarray(at, Math.min(end, at + MAX_NAME_BYTES))), end };
}

/** The offset past a serialized dataspace selection starting at `at` (H5S_SELECT_SERIALIZE). */
function selection(b: Uint8Array, at: number): number {
  const need = (n: number) => { if (n > b.length) throw new Unsupported(); return n; };
  need(at + 8);
  const type = u32(b, at), version = u32(b, at + 4);
  if (type > 3) throw new Unsupported();
  if (version === 1) return need(at + 16 + u32(b, need(at + 16) - 4)); // type, version, reserved, length, body
  if (type === 2 && version === 2) return need(at + 13 + u32(b, need(at + 13) - 4)); // flags, length, body
  if (type === 2 && version === 3) {                     // flags, encoding size, rank, then regular or block lists
    need(at + 14);
    const flags = b[at + 8]!, enc = b[at + 9]!, rank = u32(b, at + 10);
    if (![2, 4, 8].includes(enc) || rank > 32) throw new Unsupported();
    if (flags & 1) return need(at + 14 + 4 * rank * enc);
    const blocks = uint(b, need(at + 14 + enc) - enc, enc);
    return need(at + 14 + enc + blocks * 2 * rank * enc);
  }
  if (type === 1 && version === 2) {                     // encoding size, rank, count, points
    need(at + 13);
    const enc = b[at + 8]!, rank = u32(b, at + 9);
    if (![2, 4, 8].includes(enc) || rank > 32) throw new Unsupported();
    const points = uint(b, need(at + 13 + enc) - enc, enc);
    return need(at + 13 + enc + points * rank * enc);
  }
  throw new Unsupported();
}

/** How a data file name reaches: 'outside' the model's folder (absolute, "..", UNC, URL) or 'beside' it (relative). */
export function judgeExternalName(name: string): 'outside' | 'beside' {
  return escapesFolder(name) || /^[a-z][a-z0-9+.-]*:/i.test(name) ? 'outside' : 'beside';
}

/** Keeps distinct names (not the file itself) up to MAX_FILES_PER_DATASET. */
export function keepNames(object: number, kind: ExternalData['kind'], names: string[]): ExternalData | null {
  const distinct = [...new Set(names.filter((n) => n !== '.'))];
  if (!distinct.length) return null;
  const files = distinct.slice(0, MAX_FILES_PER_DATASET);
  return { object, path: '', kind, files, ...(distinct.length > files.length ? { more: true } : {}) };
}
