// The variable-length values of HDF5 attributes, for the structural pre-check (precheck.ts): each value
// points into a global heap collection, which libhdf5 loads and walks object by object
// (H5HG__cache_heap_deserialize). A collection whose walk does not advance loops libhdf5 forever, and a
// value declaring more bytes than the file makes it allocate that first; both are found here.
// Spec: HDF5 File Format Specification 3.0 — III.E global heap, IV.A.2.b dataspace, IV.A.2.m attribute.
import { LimitExceeded } from '../../types';
import { Broken, Unsupported, signed, skipUnsupported, u16, u32, u64, type H5Reader } from './dense';

/**
 * Variable-length elements whose heap references are checked, across the file. libhdf5 follows every
 * element of an attribute the scan reads, so past this the file is refused, not half-checked.
 */
const MAX_VLEN_ELEMENTS = 1_000_000;
/** Global heap collections read (each up to MAX_HEAP_BYTES, MAX_HEAP_TOTAL_BYTES in all); refused past it. */
const MAX_HEAPS = 1024;
const MAX_HEAP_TOTAL_BYTES = 256 * 1024 * 1024;
/** A global heap collection read whole (a Keras model_config can be a few MB of JSON in one). */
const MAX_HEAP_BYTES = 64 * 1024 * 1024;

const pad8 = (n: number) => (n + 7) & ~7;

/** Counts and collections across the file: every attribute of the walk goes through one instance. */
export class VlenHeaps {
  private readonly heaps = new Set<number>();
  private heapBytes = 0;
  private vlenElements = 0;

  constructor(private readonly r: H5Reader, private readonly fileSize: number) {}

  /** An attribute message; variable-length values are followed into their global heap collection. */
  async attribute(m: Uint8Array, addr: number): Promise<void> {
    const version = m[0]!;
    if (version < 1 || version > 3 || m.length < 8) return;
    const nameSize = u16(m, 2), dtSize = u16(m, 4), dsSize = u16(m, 6);
    const fit = version === 1 ? pad8 : (n: number) => n;
    let p = version === 3 ? 9 : 8;
    p += fit(nameSize);
    const dt = m.subarray(p, p + dtSize); p += fit(dtSize);
    const ds = m.subarray(p, p + dsSize); p += fit(dsSize);
    if (p > m.length) return; // an attribute larger than its message: libhdf5 rejects it
    if ((dt[0]! & 0x0f) !== 9 || dt.length < 8) return; // only variable-length values point into a heap
    const count = elements(ds);
    if (count === null) return;
    const n = Math.min(count, Math.floor((m.length - p) / 16));
    if ((this.vlenElements += n) > MAX_VLEN_ELEMENTS) {
      throw new LimitExceeded('hdf5VlenValues', `the HDF5 attributes hold more than ${MAX_VLEN_ELEMENTS} variable-length values (MAX_VLEN_ELEMENTS); the file was not handed to libhdf5`);
    }
    for (let i = 0; i < n; i++) {
      const q = p + i * 16;
      const len = u32(m, q), heap = u64(m, q + 4);
      if (len === 0 || heap === 0) continue;
      // libhdf5 allocates a value's declared length before it reads the heap object: a fuzzed 878 MB
      // string pointing outside the file took 32 s, then aborted (test/fuzz/found/hdf5-vlen-878mb.h5).
      // (A heap address past the end alone is a truncated file: libhdf5 reports it, without a loop.)
      if (len > this.fileSize) throw new Broken(`a variable-length value of an attribute of the object header at ${addr} declares ${len} bytes, more than the whole file: libhdf5 would allocate it before failing`);
      await skipUnsupported(async () => { await this.globalHeap(heap); });
    }
  }

  /**
   * A global heap collection walked the way libhdf5 loads it (H5HG__cache_heap_deserialize): each
   * object header (index, refcount, size) then the object aligned to 8; object 0 is free space. A
   * step that does not advance loops libhdf5 forever.
   */
  private async globalHeap(addr: number, want = -1): Promise<Uint8Array | null> {
    let found: Uint8Array | null = null;
    if (!this.heaps.has(addr) || want >= 0) {
      const at = this.r.abs(addr);
      const h = await this.r.bytes(at, 16);
      signed(h, 'GCOL');
      // libhdf5 decodes lengths into a size_t, 32 bits in h5wasm (wasm32): a collection declaring
      // 2^51 + 4,096 bytes is read and walked as 4,096 (fuzz find: test/fuzz/found/hdf5-heap-size-wraps.h5).
      const size = u32(h, 8);
      if (size < 16 || size > MAX_HEAP_BYTES) throw new Unsupported();
      // A collection read again for another virtual dataset's mappings counts again: many datasets over one large collection cost its size each.
      if ((!this.heaps.has(addr) && this.heaps.size >= MAX_HEAPS) || (this.heapBytes += size) > MAX_HEAP_TOTAL_BYTES) {
        throw new LimitExceeded('hdf5GlobalHeaps', `the HDF5 attributes and virtual datasets point into more than ${MAX_HEAPS} global heap collections or ${MAX_HEAP_TOTAL_BYTES} bytes of them (MAX_HEAPS, MAX_HEAP_TOTAL_BYTES); the file was not handed to libhdf5`);
      }
      const b = await this.r.bytes(at, size);
      for (let p = 16; p < size;) {
        if (p + 16 > size) break; // too small for an object header: free space (as libhdf5)
        const idx = u16(b, p), osize = u64(b, p + 8), osize32 = u32(b, p + 8);
        const need = idx > 0 ? 16 + Math.ceil(osize / 8) * 8 : osize;
        const need32 = (idx > 0 ? 16 + Math.ceil(osize32 / 8) * 8 : osize32) % 2 ** 32; // as h5wasm holds it
        if (need <= 0 || need32 === 0) throw new Broken(`the global heap collection at ${addr} holds a zero-sized free-space object at byte ${p}: libhdf5 would loop on it forever`);
        // libhdf5 steps to p + need; in a 32-bit build (h5wasm is wasm32, size_t is 32 bits) a size past
        // the collection wraps the pointer back into memory it then walks as objects, without end.
        if (p + need > size) throw new Broken(`object ${idx} of the global heap collection at ${addr} declares ${osize} bytes, past the end of the collection: libhdf5 would walk outside it`);
        if (idx === want && idx > 0) found = b.subarray(p + 16, p + 16 + osize);
        p += need;
      }
      this.heaps.add(addr);
    }
    return found;
  }

  /**
   * Object `index` of the global heap collection at `addr` (a virtual dataset's mappings), after the
   * collection passed the checks above (libhdf5 loads it the same way), or null when it has none.
   */
  async object(addr: number, index: number): Promise<Uint8Array | null> {
    return this.globalHeap(addr, index);
  }
}

/** Elements of a dataspace message (v1 or v2), or null when it cannot be told. */
function elements(ds: Uint8Array): number | null {
  const version = ds[0], rank = ds[1] ?? 0;
  if (version !== 1 && version !== 2) return null;
  if (version === 2 && ds[3] === 2) return 0;           // null dataspace
  const at = version === 1 ? 8 : 4;
  if (ds.length < at + rank * 8) return null;
  let n = 1;
  for (let i = 0; i < rank; i++) n *= u64(ds, at + i * 8);
  return n;
}
