// Reads for the HDF5 pre-check (precheck.ts) through a small page cache. The walk makes several small
// reads per object (header prefix, message block, continuation chunk, B-tree node, heap block),
// clustered in the file's metadata; as one asynchronous file read each they cost far more than the
// walk (25,000 objects of an h5py file: 8.8 s, measured), so pages are read once, synchronously when
// the source can (the sources handed to libhdf5 always can: io/emfs.ts needs readSync).
import type { ByteSource } from '../../types';

/** Bytes per cached page, and pages kept (4 MiB): HDF5 metadata sits in a few clusters. */
const PAGE = 16 * 1024;
const MAX_PAGES = 256;
/** Reads this large (global heap collections, huge objects) bypass the cache. */
const DIRECT = 64 * 1024;

export class PagedReader {
  private readonly pages = new Map<number, Uint8Array>();

  constructor(private readonly src: ByteSource) {}

  /** `n` bytes at `at` (inside the source), or fewer when the source came back short. */
  async read(at: number, n: number): Promise<Uint8Array> {
    if (n >= DIRECT) return this.raw(at, n);
    const first = Math.floor(at / PAGE), last = Math.floor((at + Math.max(n, 1) - 1) / PAGE);
    if (first === last) {
      const p = await this.page(first);
      return p.subarray(at - first * PAGE, at - first * PAGE + n);
    }
    const out = new Uint8Array(n);
    for (let k = first; k <= last; k++) {
      const p = await this.page(k);
      const from = Math.max(at, k * PAGE), to = Math.min(at + n, (k + 1) * PAGE);
      if (p.length < to - k * PAGE) return out.subarray(0, 0);
      out.set(p.subarray(from - k * PAGE, to - k * PAGE), from - at);
    }
    return out;
  }

  private async page(k: number): Promise<Uint8Array> {
    let p = this.pages.get(k);
    if (!p) {
      if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
      p = await this.raw(k * PAGE, Math.min(PAGE, this.src.size - k * PAGE));
      this.pages.set(k, p);
    }
    return p;
  }

  private async raw(at: number, n: number): Promise<Uint8Array> {
    return this.src.readSync ? this.src.readSync(at, n) : this.src.read(at, n);
  }
}
