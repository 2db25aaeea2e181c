// Reads an HDF5 file's structure and string attributes through h5wasm (the HDF5 C library in WASM),
// lazily: the source is mounted read-only in h5wasm's file system (io/emfs.ts) so HDF5 reads the
// superblock, object headers and attribute heaps it needs, never the datasets' data. Returns data; the
// scanner judges it. Everything between open and close is synchronous, so two scans sharing the one
// h5wasm module in a worker never interleave inside it.
import { precheckHdf5 } from './precheck';
import type { ExternalData } from './external-data';
import { FormatError, LimitExceeded, type ByteSource } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { canMount, mountSource, type EmscriptenFS } from '../../io/emfs';
import type { SampledTensor } from '../../stats/analyse';
import { H5T_FLOAT, sampleH5Datasets, type H5FloatDataset, type H5WeightsRequest } from './weights';
import { MAX_ATTRS, MAX_HDF5_DEPTH, MAX_HDF5_LISTED_LINKS, MAX_HDF5_OBJECTS } from './limits';
import { enterH5Section, h5, leaveH5Section, loadH5Runtime, MAX_HDF5_HEAP_BYTES, type H5Runtime } from './h5runtime';

export { MAX_ATTRS, MAX_HDF5_DEPTH, MAX_HDF5_LISTED_LINKS, MAX_HDF5_OBJECTS };
/** Bytes one attribute may need (size × elements). model_config of big models is a few MiB. */
export const MAX_ATTR_BYTES = 64 * 1024 * 1024;
/** Bytes of attribute values read across the file: bounds the copies a file of many attributes makes. */
export const MAX_ATTR_TOTAL_BYTES = 256 * 1024 * 1024;
/** Sources without a synchronous reader are copied into memory up to this size (the browser without FileReaderSync). */
export const MAX_HDF5_IN_MEMORY = 256 * 1024 * 1024;

const H5T_STRING = 3;

export interface H5StringAttr {
  /** HDF5 object path ('/' for the root) and attribute name. */
  path: string;
  name: string;
  /** One string, or each element of a string array. */
  values: string[];
  /** A scalar fixed-length string's bytes as stored (values[0] stops at its first NUL). */
  raw?: Uint8Array;
}

export interface H5Structure {
  attrs: H5StringAttr[];
  groups: number;
  datasets: number;
  /** Datasets' paths with shape and dtype size, first few only (notes). */
  datasetSample: Array<{ path: string; shape: number[] | null }>;
  externalLinks: Array<{ path: string; file: string; target: string }>;
  /** Datasets whose data is read from other files (External Data Files, virtual datasets), found by the pre-check. */
  externalData: ExternalData[];
  softLinks: number;
  /** Non-string attributes (counted, not read). */
  otherAttrs: number;
  /** Why the walk stopped early, when it did. */
  cut?: string;
  /** Float datasets sampled for the weight statistics (only when requested). */
  weights?: SampledTensor[];
}

/** Only the functions of h5wasm's module this file calls (typed loosely: it is generated code). */
interface H5Module {
  FS: unknown;
  get_attribute_names(fileId: bigint, path: string): string[];
  get_attribute_metadata(fileId: bigint, path: string, name: string): { type: number; size: number; total_size: number; shape: number[] | null; vlen: boolean };
  get_attribute_data(fileId: bigint, path: string, name: string, ptr: bigint): number;
  _malloc(n: number): number;
  _free(ptr: number): void;
  HEAPU8: Uint8Array;
  get_names(fileId: bigint, path: string, recursive: boolean): string[];
  get_type(fileId: bigint, path: string): number;
  get_external_link(fileId: bigint, path: string): { filename: string; obj_path: string };
  get_dataset_metadata(fileId: bigint, path: string): { shape: number[] | null; type?: number; size?: number; chunks?: number[] | null };
  H5G_GROUP: number; H5G_DATASET: number; H5G_LINK: number; H5G_UDLINK: number; H5G_TYPE: number;
}

const DATASET_SAMPLE = 12;

/**
 * Opens `source` as HDF5 and walks it. Throws FormatError when HDF5 cannot open it. Datasets with
 * external data found by the pre-check go to `externalData` first, so they are known even when libhdf5
 * then fails on the file.
 */
export async function readHdf5(source: ByteSource, checkAborted: () => void, weights?: H5WeightsRequest, externalData: ExternalData[] = []): Promise<H5Structure> {
  let src = source;
  if (!canMount(src)) {
    if (src.size > MAX_HDF5_IN_MEMORY) {
      throw new LimitExceeded('hdf5InMemory', `HDF5 file of ${src.size} bytes without a synchronous reader (limit ${MAX_HDF5_IN_MEMORY} bytes in memory)`);
    }
    src = fromBytes(await src.read(0, src.size), src.name);
  }
  // libhdf5 loops forever on some corrupt structures (a zero-sized global heap object): walk them first.
  const broken = await precheckHdf5(src, externalData);
  if (broken) throw new FormatError(`HDF5 structure check: ${broken}; the file was not handed to libhdf5`);
  const rt = await loadH5Runtime();
  const ns = rt.ns;
  const h5wasm = ns.default;
  const Module = rt.Module as unknown as H5Module;
  checkAborted();
  const mount = mountSource(Module.FS as EmscriptenFS, src, 'model.h5');
  let file: InstanceType<typeof h5wasm.File> | null = null;
  const section = enterH5Section(rt);
  const refused = rt.heap.refused;
  try {
    try {
      file = h5(rt, () => new h5wasm.File(mount.path, 'r'));
      if (typeof file.file_id !== 'bigint' || file.file_id < 0n) throw new Error('H5Fopen failed');
    } catch (e) {
      throw new FormatError(`HDF5 could not open the file: ${errorText(e)}`);
    }
    // libhdf5 reads an external or virtual dataset from the files it names (in h5wasm's file system,
    // where other scans' sources are mounted too): in such a file no dataset's values are read.
    const sampling = externalData.length ? undefined : weights;
    const floats: H5FloatDataset[] | undefined = sampling ? [] : undefined;
    const out = walk(checked(rt, Module), ns.Attribute as unknown as AttrCtor, file.file_id, checkAborted, floats, rt);
    out.externalData = externalData;
    // Weight statistics sample while the file is open; the scanner judges them after its checks.
    const f = file;
    if (sampling && floats) out.weights = sampleH5Datasets((p) => checkedDataset(rt, h5(rt, () => f.get(p)) as never), floats, sampling, checkAborted);
    return out;
  } catch (e) {
    // An allocation refused by the heap limit fails inside libhdf5 as an ordinary HDF5 error: a limit, not malformed.
    if (e instanceof FormatError && rt.heap.refused > refused) {
      throw new LimitExceeded('hdf5Heap', `libhdf5 needed more than ${MAX_HDF5_HEAP_BYTES / 1024 ** 2} MiB of memory (MAX_HDF5_HEAP_BYTES) to read this file`);
    }
    throw e;
  } finally {
    try { if (file) h5(rt, () => file!.close()); } catch { /* a file HDF5 half-opened: closing may fail, the unmount still runs */ }
    // An HDF5 error threw out of C frames: undo what it left in the instance (h5runtime.ts).
    leaveH5Section(rt, section);
    mount.unmount();
  }
}

function walk(M: H5Module, Attr: AttrCtor, fileId: bigint, checkAborted: () => void, floats: H5FloatDataset[] | undefined, rt: H5Runtime): H5Structure {
  const out: H5Structure = { attrs: [], groups: 0, datasets: 0, datasetSample: [], externalLinks: [], externalData: [], softLinks: 0, otherAttrs: 0 };
  let objects = 0, attrCount = 0, attrBytes = 0, listed = 0;
  const stack: Array<{ path: string; depth: number }> = [{ path: '/', depth: 0 }];
  const readAttrs = (path: string) => {
    let names: string[];
    try { names = M.get_attribute_names(fileId, path); } catch (e) { throw new FormatError(`attributes of ${path}: ${errorText(e)}`); }
    for (const name of names) {
      if (++attrCount > MAX_ATTRS) { out.cut ??= `more than ${MAX_ATTRS} attributes`; return; }
      let md;
      try { md = M.get_attribute_metadata(fileId, path, name); } catch (e) { throw new FormatError(`attribute ${path}@${name}: ${errorText(e)}`); }
      if (md.type !== H5T_STRING || !md.shape) { out.otherAttrs++; continue; }
      const need = md.size * md.total_size;
      if (need > MAX_ATTR_BYTES || attrBytes + need > MAX_ATTR_TOTAL_BYTES) {
        out.cut ??= `attribute ${path}@${name} needs ${need} bytes (limit ${MAX_ATTR_BYTES}, ${MAX_ATTR_TOTAL_BYTES} in all)`;
        continue;
      }
      attrBytes += need;
      const value = readStringAttr(rt, Attr, fileId, path, name);
      const raw = !md.vlen && md.total_size === 1 && md.size > 0 ? rawAttr(M, fileId, path, name, md.size) : undefined;
      if (value.length) out.attrs.push({ path, name, values: value, ...(raw ? { raw } : {}) });
    }
  };
  while (stack.length) {
    checkAborted();
    const { path, depth } = stack.pop()!;
    if (++objects > MAX_HDF5_OBJECTS) { out.cut = `more than ${MAX_HDF5_OBJECTS} objects`; break; }
    out.groups++;
    readAttrs(path);
    let keys: string[];
    try { keys = M.get_names(fileId, path, false); } catch (e) { throw new FormatError(`members of ${path}: ${errorText(e)}`); }
    // Before libhdf5 opens each child: a group reached by many paths is listed again on each.
    if ((listed += keys.length) > MAX_HDF5_LISTED_LINKS) { out.cut = `more than ${MAX_HDF5_LISTED_LINKS} links listed (groups reached by many paths are listed on each)`; break; }
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = path === '/' ? `/${keys[i]}` : `${path}/${keys[i]}`;
      let type: number;
      try { type = M.get_type(fileId, child); } catch { continue; } // a dangling entry: nothing to read
      if (type === M.H5G_GROUP) {
        if (depth + 1 > MAX_HDF5_DEPTH) { out.cut ??= `groups nested deeper than ${MAX_HDF5_DEPTH}`; continue; }
        stack.push({ path: child, depth: depth + 1 });
      } else if (type === M.H5G_DATASET) {
        if (++objects > MAX_HDF5_OBJECTS) { out.cut = `more than ${MAX_HDF5_OBJECTS} objects`; break; }
        out.datasets++;
        if (out.datasetSample.length < DATASET_SAMPLE) {
          let shape: number[] | null = null;
          try { shape = M.get_dataset_metadata(fileId, child).shape; } catch { /* shape is a note only */ }
          out.datasetSample.push({ path: child, shape });
        }
        if (floats) {
          try {
            const md = M.get_dataset_metadata(fileId, child);
            // f4/f8 only: h5wasm cannot decode half floats.
            if (md.type === H5T_FLOAT && (md.size === 4 || md.size === 8) && md.shape) floats.push({ path: child, shape: md.shape, size: md.size, chunks: md.chunks ?? null });
          } catch { /* statistics skip what they cannot describe */ }
        }
        readAttrs(child);
      } else if (type === M.H5G_UDLINK) {
        try {
          const l = M.get_external_link(fileId, child);
          out.externalLinks.push({ path: child, file: l.filename, target: l.obj_path });
        } catch { out.externalLinks.push({ path: child, file: '?', target: '?' }); }
      } else if (type === M.H5G_LINK) {
        out.softLinks++;
      }
    }
    if (out.cut?.startsWith('more than') && out.cut.endsWith('objects')) break;
  }
  return out;
}

type AttrCtor = new (fileId: bigint, path: string, name: string) => { json_value: unknown };

/** Reads a string attribute (scalar or array, fixed or variable length) with h5wasm's decoder. */
function readStringAttr(rt: H5Runtime, Attr: AttrCtor, fileId: bigint, path: string, name: string): string[] {
  let v: unknown;
  try { v = h5(rt, () => new Attr(fileId, path, name).json_value); } catch (e) { throw new FormatError(`attribute ${path}@${name}: ${errorText(e)}`); }
  const flat: string[] = [];
  const visit = (x: unknown) => {
    if (typeof x === 'string') flat.push(x);
    else if (Array.isArray(x)) for (const y of x) visit(y);
  };
  visit(v);
  return flat;
}

/** The stored bytes of a scalar fixed-length attribute (size checked against MAX_ATTR_BYTES by the caller). */
function rawAttr(M: H5Module, fileId: bigint, path: string, name: string, size: number): Uint8Array | undefined {
  const ptr = M._malloc(size);
  if (!ptr) return undefined;
  try {
    M.get_attribute_data(fileId, path, name, BigInt(ptr));
    return M.HEAPU8.slice(ptr, ptr + size);
  } catch {
    return undefined; // the string value is still judged
  } finally {
    M._free(ptr);
  }
}

/** The module's functions this file calls, each through h5(): an HDF5 error throws after the call, with nothing left open. */
function checked(rt: H5Runtime, M: H5Module): H5Module {
  return new Proxy(M, {
    get(target, key) {
      const v = (target as unknown as Record<string | symbol, unknown>)[key];
      return typeof v === 'function' ? (...args: unknown[]) => h5(rt, () => (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
    },
  });
}

/** A dataset whose reads go through h5() (weights.ts samples it; a read HDF5 fails on skips the dataset). */
function checkedDataset(rt: H5Runtime, ds: { value: unknown; slice(r: Array<[number, number]>): unknown }) {
  return { get value() { return h5(rt, () => ds.value); }, slice: (r: Array<[number, number]>) => h5(rt, () => ds.slice(r)) };
}

/** HDF5's error stack as thrown by h5wasm: the innermost frame says what was wrong ("bad superblock version number"). */
function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  const frames = [...s.matchAll(/in ([A-Za-z0-9_]+)\(\): ([^\n]+)/g)];
  const last = frames[frames.length - 1];
  const text = last ? `${last[2]!.trim()} (${last[1]})` : s;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
