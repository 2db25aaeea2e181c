// HDF5 dense storage, read for the pre-check (precheck.ts): version 2 B-trees and fractal heaps. A
// new-style group with more than a few links (8 by default), and an object with many or large
// attributes, keep them in a fractal heap indexed by a v2 B-tree of names (and one of creation order).
// libhdf5 lists them by building a table sized by the name index's declared record count
// (H5G__dense_build_table, H5A__dense_build_table) and copies every record the index holds into it
// without checking the count again, so the declared count, the records actually held and the two
// indexes must agree before libhdf5 may walk them.
// Spec: HDF5 File Format Specification 3.0 — III.A.2 (v2 B-trees), III.G (fractal heap),
// IV.A.2.c (link info), IV.A.2.v (attribute info); sizes as libhdf5 derives them (H5B2hdr.c, H5HFhdr.c).
import { LimitExceeded } from '../../types';

/** Certainly broken: libhdf5 would loop, overrun or allocate on it. */
export class Broken extends Error {}
/** Not understood here, or rejected by libhdf5 with an error (no loop): left to libhdf5. */
export class Unsupported extends Error {}

/** What the pre-check's walker offers: bounded reads and address translation. */
export interface H5Reader {
  bytes(at: number, n: number): Promise<Uint8Array>;
  abs(addr: number): number;
}

export const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
export const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;
export const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
/** Little-endian unsigned integer of `n` bytes. */
export function uint(b: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = v * 256 + (b[i + k] ?? 0);
  return v;
}
export const UNDEFINED_ADDRESS = 2 ** 64 - 1;

/** v2 B-tree nodes read across the file: bounds the work of trees whose nodes share children. */
export const MAX_BT2_NODES = 20_000;
/** A node of a v2 B-tree larger than this is not one libhdf5 wrote (it uses 512 to 4096 bytes). */
const MAX_BT2_NODE_BYTES = 1024 * 1024;
/** v2 B-tree: signature, version, type and checksum around each node (H5B2_METADATA_PREFIX_SIZE). */
const BT2_PREFIX = 10;
/** Indirect blocks followed from a fractal heap's root to the direct block of one object. */
const MAX_HEAP_LEVELS = 32;
/** Huge objects (kept outside a heap's blocks) one heap may index, and bytes read of one. */
const MAX_HUGE_OBJECTS = 100_000;
const MAX_HUGE_BYTES = 64 * 1024 * 1024;

const bits = (n: number) => { let b = 0; while (2 ** (b + 1) <= n) b++; return b; }; // floor(log2 n), n >= 1
/** Bytes libhdf5 uses to store a count up to n (H5VM_limit_enc_size). */
const encSize = (n: number) => Math.floor(bits(Math.max(n, 1)) / 8) + 1;
const isPow2 = (n: number) => n >= 1 && 2 ** bits(n) === n;
/** A structure without its signature: libhdf5 rejects it (no loop), so the walk stops there. */
export const signed = (b: Uint8Array, sig: string) => { for (let i = 0; i < 4; i++) if (b[i] !== sig.charCodeAt(i)) throw new Unsupported(); };
/** One branch of the walk: a structure it cannot read (or libhdf5 would reject) ends only that branch. */
export async function skipUnsupported(f: () => Promise<void>): Promise<void> {
  try { await f(); } catch (e) { if (!(e instanceof Unsupported)) throw e; }
}

/**
 * Visits every record of the v2 B-tree at `addr` in the order libhdf5 iterates it (a node shared by
 * several parents once per parent) and returns how many there were. `tooMany` is thrown when the
 * declared count is past `maxRecords` (libhdf5 would allocate a table that size first); a tree holding
 * more records than it declares (libhdf5 would write past that table) or fewer (it would read
 * entries never written) is Broken.
 */
export async function walkBt2(r: H5Reader, addr: number, type: number, maxRecords: number, budget: { nodes: number },
  tooMany: (declared: number) => Error, onRecord: (rec: Uint8Array) => Promise<void>): Promise<number> {
  const at = r.abs(addr);
  const h = await r.bytes(at, 38);
  signed(h, 'BTHD');
  if (h[4] !== 0 || h[5] !== type) throw new Unsupported();
  const nodeSize = u32(h, 6), recSize = u16(h, 10), depth = u16(h, 12);
  const root = u64(h, 16), rootNrec = u16(h, 24), total = u64(h, 26);
  if (total > maxRecords) throw tooMany(total);
  if (recSize === 0 || nodeSize <= BT2_PREFIX + recSize || nodeSize > MAX_BT2_NODE_BYTES) throw new Unsupported();
  if (root === UNDEFINED_ADDRESS) {
    if (total !== 0) throw new Broken(`a v2 B-tree at ${addr} declares ${total} records but has no root node`);
    return 0;
  }
  // Every internal node holds at least one record, so a tree of depth d holds 2^d - 1 or more.
  if (2 ** depth - 1 > total) throw new Broken(`a v2 B-tree at ${addr} is ${depth} levels deep for ${total} records`);
  // Per depth: most records a node holds, and the byte widths of its child pointers (H5B2__hdr_init).
  const maxNrec = [Math.floor((nodeSize - BT2_PREFIX) / recSize)];
  const cum = [maxNrec[0]!];
  const cumSize = [0];
  const nrecSize = encSize(maxNrec[0]!);
  const ptrSize = (d: number) => 8 + nrecSize + (d > 1 ? cumSize[d - 1]! : 0);
  for (let d = 1; d <= depth; d++) {
    const n = Math.floor((nodeSize - BT2_PREFIX - ptrSize(d)) / (recSize + ptrSize(d)));
    if (n < 1) throw new Unsupported();
    maxNrec.push(n);
    cum.push((n + 1) * cum[d - 1]! + n);
    cumSize.push(encSize(cum[d]!));
  }
  let seen = 0;
  const visit = async (node: number, nrec: number, d: number): Promise<void> => {
    if (++budget.nodes > MAX_BT2_NODES) throw tooMany(NaN);
    if (nrec > maxNrec[d]!) throw new Broken(`a v2 B-tree node at ${node} is said to hold ${nrec} records, more than fit in it (${maxNrec[d]})`);
    if ((seen += nrec) > total) throw new Broken(`the v2 B-tree at ${addr} holds more records than the ${total} it declares: libhdf5 would write past the table it sizes by that count`);
    const b = await r.bytes(r.abs(node), nodeSize);
    signed(b, d > 0 ? 'BTIN' : 'BTLF');
    const recs = 6;
    if (d === 0) {
      for (let i = 0; i < nrec; i++) await onRecord(b.subarray(recs + i * recSize, recs + (i + 1) * recSize));
      return;
    }
    const ptrs = recs + nrec * recSize, ps = ptrSize(d);
    for (let i = 0; i <= nrec; i++) {
      const p = ptrs + i * ps;
      await visit(u64(b, p), uint(b, p + 8, nrecSize), d - 1);
      if (i < nrec) await onRecord(b.subarray(recs + i * recSize, recs + (i + 1) * recSize));
    }
  };
  await visit(root, rootNrec, depth);
  if (seen !== total) throw new Broken(`the v2 B-tree at ${addr} declares ${total} records but holds ${seen}: libhdf5 would read table entries it never wrote`);
  return seen;
}

/** The creation-order index of a dense group or attribute set must hold exactly its name index's count `n`. */
export async function sameCount(r: H5Reader, addr: number, type: number, n: number, what: string, items: string, budget: { nodes: number }): Promise<void> {
  const overrun = (d: number) => Number.isNaN(d) ? tooManyNodes()
    : new Broken(`the creation-order index of ${what} declares ${d} ${items} where its name index declares ${n}: libhdf5 would write past the listing it sizes by the name index`);
  const c = await walkBt2(r, addr, type, n, budget, overrun, async () => {});
  if (c !== n) throw new Broken(`the creation-order index of ${what} holds ${c} ${items} where its name index holds ${n}: libhdf5 would list entries it never wrote`);
}

export function tooManyNodes(): LimitExceeded {
  return new LimitExceeded('hdf5GroupLinks', `the HDF5 v2 B-trees have more than ${MAX_BT2_NODES} nodes (MAX_BT2_NODES); their links and attributes were not counted and the file was not handed to libhdf5`);
}

/** A fractal heap (III.G) whose managed, tiny and huge objects can be read by heap ID. */
export class FractalHeap {
  /** Huge object ID → [address, length], from the heap's v2 B-tree of huge objects (read when first needed). */
  private huge: Map<number, [number, number]> | null = null;

  private constructor(private readonly r: H5Reader, private readonly addr: number, private readonly budget: { nodes: number }, private readonly h: {
    idLen: number; filtered: boolean; width: number; start: number; maxDirect: number; offSize: number; lenSize: number;
    root: number; rows: number; maxDirectRows: number; firstRowBits: number; hugeBt: number;
  }) {}

  static async open(r: H5Reader, addr: number, budget: { nodes: number }): Promise<FractalHeap> {
    const b = await r.bytes(r.abs(addr), 142);
    signed(b, 'FRHP');
    if (b[4] !== 0) throw new Unsupported();
    const maxManaged = u32(b, 10), width = u16(b, 110), start = u64(b, 112), maxDirect = u64(b, 120);
    const maxHeapBits = u16(b, 128), root = u64(b, 132), rows = u16(b, 140);
    if (!isPow2(width) || !isPow2(start) || !isPow2(maxDirect) || maxDirect < start || maxHeapBits < 1 || maxHeapBits > 64) throw new Unsupported();
    return new FractalHeap(r, addr, budget, {
      idLen: u16(b, 5), filtered: u16(b, 7) > 0, width, start, maxDirect, root, rows, hugeBt: u64(b, 22),
      offSize: Math.ceil(maxHeapBits / 8),
      lenSize: Math.min(Math.ceil(bits(maxDirect) / 8), encSize(maxManaged)),
      maxDirectRows: bits(maxDirect) - bits(start) + 2,
      firstRowBits: bits(start) + bits(width),
    });
  }

  private rowSize(row: number): number { return row === 0 ? this.h.start : this.h.start * 2 ** (row - 1); }
  private rowOffset(row: number): number { return row === 0 ? 0 : this.h.start * this.h.width * 2 ** (row - 1); }

  /** The object a heap ID names, or null for one in a filtered heap (compressed, not read here). */
  async object(id: Uint8Array): Promise<Uint8Array | null> {
    const kind = (id[0]! >> 4) & 3;
    if (kind === 2 && this.h.idLen <= 18) return id.subarray(1, 1 + (id[0]! & 0x0f) + 1); // tiny: inside the ID
    if (kind === 1 && !this.h.filtered) return this.hugeObject(id);
    if (kind !== 0 || this.h.filtered) return null;
    const off = uint(id, 1, this.h.offSize), len = uint(id, 1 + this.h.offSize, this.h.lenSize);
    const { width, root } = this.h;
    let rows = this.h.rows, block = root, blockOff = 0, size = this.h.start;
    for (let level = 0; rows > 0; level++) {
      // An indirect block: its entries are child blocks laid out by the doubling table.
      if (level >= MAX_HEAP_LEVELS) throw new Unsupported();
      const rel = off - blockOff;
      const row = rel < this.h.start * width ? 0 : bits(rel) - this.h.firstRowBits + 1;
      const col = Math.floor((rel - this.rowOffset(row)) / this.rowSize(row));
      if (row >= rows || col >= width) throw new Unsupported();
      const head = 4 + 1 + 8 + this.h.offSize;
      const direct = Math.min(rows, this.h.maxDirectRows) * width;
      const entry = row < this.h.maxDirectRows ? head + (row * width + col) * 8 : head + direct * 8 + ((row - this.h.maxDirectRows) * width + col) * 8;
      const ib = await this.r.bytes(this.r.abs(block), entry + 8);
      signed(ib, 'FHIB');
      block = u64(ib, entry);
      blockOff += this.rowOffset(row) + col * this.rowSize(row);
      size = this.rowSize(row);
      rows = row < this.h.maxDirectRows ? 0 : bits(size) - this.h.firstRowBits + 1;
    }
    const at = this.r.abs(block);
    const inBlock = off - blockOff;
    if (inBlock < 0 || inBlock + len > size) throw new Unsupported(); // libhdf5 reports the overrun
    signed(await this.r.bytes(at, 4), 'FHDB');
    return this.r.bytes(at + inBlock, len);
  }

  /**
   * A huge object: its address and length are in the ID when the ID is long enough (H5HF__huge_init:
   * 1 + address + length bytes), else the ID holds a key into the heap's v2 B-tree of huge objects
   * (records of type 1: address, length, key).
   */
  private async hugeObject(id: Uint8Array): Promise<Uint8Array> {
    let at: number, len: number;
    if (this.h.idLen - 1 >= 16) {
      at = u64(id, 1); len = u64(id, 9);
    } else {
      if (!this.huge) {
        const map = new Map<number, [number, number]>();
        const tooMany = (n: number) => Number.isNaN(n) ? tooManyNodes()
          : new LimitExceeded('hdf5Attributes', `the ${this} indexes ${n} huge objects, more than ${MAX_HUGE_OBJECTS} (MAX_HUGE_OBJECTS); the file was not handed to libhdf5`);
        await walkBt2(this.r, this.h.hugeBt, 1, MAX_HUGE_OBJECTS, this.budget, tooMany, async (rec) => {
          map.set(uint(rec, 16, Math.min(rec.length - 16, 8)), [u64(rec, 0), u64(rec, 8)]);
        });
        this.huge = map;
      }
      const found = this.huge.get(uint(id, 1, Math.min(this.h.idLen - 1, 8)));
      if (!found) throw new Unsupported(); // libhdf5 reports the missing object
      [at, len] = found;
    }
    if (len > MAX_HUGE_BYTES) throw new Unsupported();
    return this.r.bytes(this.r.abs(at), len);
  }

  toString(): string { return `fractal heap at ${this.addr}`; }
}
