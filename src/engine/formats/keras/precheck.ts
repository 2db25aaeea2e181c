// HDF5 structural pre-check, run before libhdf5 (h5wasm) touches the file. libhdf5 trusts its input:
// a global heap collection whose free-space object has size 0 makes H5HG__cache_heap_deserialize
// loop forever without reading (fixtures/cli/hdf5-attribute-loop.h5; h5py hangs on it too), and
// h5wasm runs synchronously, so nothing but killing the thread stops it. So the object headers the
// scan will read are walked here first, with bounds, counts and cycle checks: superblock → object
// headers (v1 and v2, with continuation blocks) → attribute messages → the global heap collections
// their variable-length values point into (vlen-heaps.ts); groups are followed through symbol tables
// (v1 B-trees) and link messages, and through dense storage (dense.ts: link info → fractal heap + v2
// B-trees of names); dense attribute storage (attribute info) is walked the same way. The whole reachable graph
// is walked (libhdf5 opens every child of each group the scan lists), up to MAX_PRECHECK_OBJECTS.
// What this walk does not understand (other offset sizes, filtered fractal heaps, attributes in the
// shared-message heap) is left to libhdf5: only what is certainly broken is reported.
// Spec: HDF5 File Format Specification 3.0 — II.A superblock, III.A.1 v1 B-trees, III.B symbol table
// nodes, III.E global heap, IV.A object headers, IV.A.2.b dataspace, IV.A.2.c link info,
// IV.A.2.d datatype, IV.A.2.g link, IV.A.2.m attribute, IV.A.2.q continuation, IV.A.2.r symbol table
// message, IV.A.2.v attribute info.
import { LimitExceeded, type ByteSource } from '../../types';
import { utf8 } from '../../io/text';
import { Broken, FractalHeap, Unsupported, UNDEFINED_ADDRESS, sameCount, signed, skipUnsupported, tooManyNodes, u16, u32, u64, walkBt2, type H5Reader } from './dense';
import { MAX_ATTRS, MAX_PRECHECK_LINKS, MAX_PRECHECK_OBJECTS } from './limits';
import { relistingBound, type Group } from './paths';
import { PagedReader } from './pages';
import { VlenHeaps } from './vlen-heaps';
import { DATA_LAYOUT, EXTERNAL_DATA_FILES, MAX_EXTERNAL_DATASETS, externalFileNames, keepNames, localHeapName, virtualSourceNames, type ExternalData } from './external-data';

/** Continuation blocks per object header, and bytes per block read. */
const MAX_BLOCKS_PER_HEADER = 64;
const MAX_BLOCK_BYTES = 1024 * 1024;
const MAX_BTREE_NODES = 10_000;
/**
 * Links one group may list. libhdf5 lists a group whole (h5wasm get_names builds every name in one
 * array) before the scan can count anything, and a v1 B-tree whose nodes all point at the same child
 * lists 32^levels × 8 links from a few KB (fixtures/keras/malformed/group-link-bomb.hdf5: 8.4 M).
 * Keras writes a group per layer and a few weights in each: thousands at most.
 */
export const MAX_GROUP_LINKS = 100_000;
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
/** Message types (IV.A.2). */
const LINK_INFO = 0x02, ATTRIBUTE = 0x0c, LINK = 0x06, CONTINUATION = 0x10, SYMBOL_TABLE = 0x11, ATTRIBUTE_INFO = 0x15;

/**
 * Why the file cannot safely go to libhdf5, or null when nothing certainly broken was found. Datasets
 * whose data is read from other files (external-data.ts) are added to `external`.
 */
export async function precheckHdf5(source: ByteSource, external?: ExternalData[]): Promise<string | null> {
  try {
    return await new Walker(source, external ?? []).run();
  } catch (e) {
    if (e instanceof Broken) return e.message;
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** A block of object header messages; `crt`: v2 messages carry a creation order (header flag bit 2). */
interface Block { start: number; len: number; v2: boolean; ochk: boolean; crt: boolean }

class Walker implements H5Reader {
  private base = 0;
  private readonly objects = new Set<number>();
  private btreeNodes = 0;
  private readonly bt2 = { nodes: 0 };
  private readonly queue: number[] = [];
  private readonly groupTrees: Array<{ tree: number; owner: number; heap: number }> = [];
  /** How each object was first reached (its parent group and link name), to name datasets with external data. */
  private readonly origin = new Map<number, { parent: number; name: string | { heap: number; offset: number } }>();
  private root = 0;
  /** Every group read: what it lists (links) and the objects its hard links name (children, repeated as listed). */
  private readonly groups = new Map<number, Group>();
  private totalLinks = 0;

  private readonly pages: PagedReader;
  /** The variable-length values of the attributes read, followed into their global heap collections. */
  private readonly vlen: VlenHeaps;

  constructor(private readonly src: ByteSource, private readonly external: ExternalData[]) {
    this.pages = new PagedReader(src);
    this.vlen = new VlenHeaps(this, src.size);
  }

  /**
   * Bytes of a structure. A structure past the end of the file (a truncated download) is libhdf5's to
   * report, with its own message: it fails on those, it does not loop, so the walk just stops.
   */
  async bytes(at: number, n: number): Promise<Uint8Array> {
    if (!Number.isFinite(at) || at < 0 || at + n > this.src.size) throw new Unsupported();
    const b = await this.pages.read(at, n);
    if (b.length < n) throw new Unsupported();
    return b;
  }

  abs(addr: number): number {
    const a = this.base + addr;
    if (addr === UNDEFINED_ADDRESS || a >= this.src.size) throw new Unsupported();
    return a;
  }

  async run(): Promise<string | null> {
    let sb = -1;
    for (let at = 0; at < Math.min(this.src.size, 1 << 20); at = at ? at * 2 : 512) {
      const b = await this.src.read(at, 8);
      if (SIGNATURE.every((x, i) => b[i] === x)) { sb = at; break; }
    }
    if (sb < 0) return null; // not found where libhdf5 looks first: leave it to libhdf5
    const h = await this.bytes(sb, Math.min(128, this.src.size - sb));
    const version = h[8]!;
    let root: number;
    if (version <= 1) {
      if (h[13] !== 8 || h[14] !== 8) throw new Unsupported();
      const at = version === 0 ? 24 : 28;
      this.base = u64(h, at);
      root = u64(h, at + 32 + 8);
    } else if (version <= 3) {
      if (h[9] !== 8 || h[10] !== 8) throw new Unsupported();
      this.base = u64(h, 12);
      root = u64(h, 12 + 24);
    } else {
      throw new Unsupported();
    }
    this.root = root;
    this.queue.push(root);
    while (this.queue.length) {
      const addr = this.queue.pop()!;
      if (this.objects.has(addr)) continue;
      if (this.objects.size >= MAX_PRECHECK_OBJECTS) {
        throw new LimitExceeded('hdf5Objects', `the HDF5 file holds more than ${MAX_PRECHECK_OBJECTS} objects (MAX_PRECHECK_OBJECTS); the file was not handed to libhdf5`);
      }
      this.objects.add(addr);
      // A structure this walk cannot read (or libhdf5 would reject) ends only its own branch.
      await skipUnsupported(() => this.objectHeader(addr));
      while (this.groupTrees.length) {
        const { tree, owner, heap } = this.groupTrees.shift()!;
        await skipUnsupported(() => this.btree(tree, 0, this.group(owner), owner, heap));
      }
    }
    relistingBound(root, this.groups);
    for (const e of this.external) e.path = await this.pathOf(e.object);
    return null;
  }

  /** One object header and its continuation blocks; every message is checked against its block. */
  private async objectHeader(addr: number): Promise<void> {
    const at = this.abs(addr);
    const first = await this.bytes(at, Math.min(16, this.src.size - at));
    const blocks: Block[] = [];
    const seen = new Set<number>();
    if (first[0] === 1) {
      const size = u32(first, 8);
      if (size > MAX_BLOCK_BYTES) throw new Unsupported();
      blocks.push({ start: at + 16, len: size, v2: false, ochk: false, crt: false });
    } else if (first[0] === 0x4f && first[1] === 0x48 && first[2] === 0x44 && first[3] === 0x52) { // OHDR
      const flags = first[5]!;
      let p = 6 + (flags & 0x20 ? 16 : 0) + (flags & 0x10 ? 4 : 0);
      const w = 1 << (flags & 3);
      const hb = await this.bytes(at, p + w);
      let size = 0;
      for (let i = w - 1; i >= 0; i--) size = size * 256 + hb[p + i]!;
      p += w;
      if (size > MAX_BLOCK_BYTES) throw new Unsupported();
      blocks.push({ start: at + p, len: size, v2: true, ochk: false, crt: (flags & 0x04) !== 0 });
    } else {
      throw new Unsupported(); // neither version 1 nor OHDR: libhdf5 rejects it
    }
    for (let k = 0; k < blocks.length; k++) {
      if (k >= MAX_BLOCKS_PER_HEADER) throw new Broken(`the object header at ${addr} has more than ${MAX_BLOCKS_PER_HEADER} continuation blocks`);
      const block = blocks[k]!;
      if (seen.has(block.start)) throw new Broken(`the object header at ${addr} continues into a block it already holds (a cycle)`);
      seen.add(block.start);
      const b = await this.bytes(block.start, block.len);
      await this.messages(b, block, addr, blocks);
    }
  }

  private async messages(b: Uint8Array, block: Block, addr: number, blocks: Block[]): Promise<void> {
    const { start, v2, ochk, crt } = block;
    const hdr = v2 ? (crt ? 6 : 4) : 8;
    // v2: chunk 0's size counts its messages only; an OCHK block holds its signature and checksum too.
    if (ochk) signed(b, 'OCHK');
    const end = ochk ? b.length - 4 : b.length;
    let p = ochk ? 4 : 0;
    while (p + hdr <= end) {
      const type = v2 ? b[p]! : u16(b, p);
      const size = v2 ? u16(b, p + 1) : u16(b, p + 2);
      const body = p + hdr;
      if (body + size > end) throw new Broken(`a message of the object header at ${addr} runs past its block (${size} bytes at ${start + body})`);
      const m = b.subarray(body, body + size);
      if (type === CONTINUATION && size >= 16) {
        const len = u64(m, 8);
        if (len > MAX_BLOCK_BYTES) throw new Unsupported();
        blocks.push({ start: this.abs(u64(m, 0)), len, v2, ochk: v2, crt });
      } else if (type === ATTRIBUTE) {
        await this.vlen.attribute(m, addr);
      } else if (type === SYMBOL_TABLE && size >= 16) {   // an old-style group, walked after the attributes
        this.group(addr);
        this.groupTrees.push({ tree: u64(m, 0), owner: addr, heap: u64(m, 8) });
      } else if (type === LINK) {                         // a link of a new-style group kept in its header
        const g = this.listed(addr, 1);
        if (g.links > MAX_GROUP_LINKS) throw tooManyLinks(`the group at ${addr}`);
        this.link(m, g, addr);
      } else if (type === EXTERNAL_DATA_FILES) {          // the dataset's data is read from other files
        await skipUnsupported(async () => this.externalData(addr, 'external', await externalFileNames(this, m)));
      } else if (type === DATA_LAYOUT) {                  // a virtual dataset maps other files' datasets
        await skipUnsupported(async () => {
          const names = await virtualSourceNames(m, (heap, index) => this.vlen.object(heap, index));
          if (names) this.externalData(addr, 'virtual', names);
        });
      } else if (type === LINK_INFO) {                    // a new-style group: its links may be in dense storage
        this.group(addr);
        await skipUnsupported(() => this.denseLinks(m, addr));
      } else if (type === ATTRIBUTE_INFO) {               // attributes that may be in dense storage
        await skipUnsupported(() => this.denseAttributes(m, addr));
      }
      p = body + size;
    }
  }

  private externalData(addr: number, kind: ExternalData['kind'], names: string[]): void {
    const e = keepNames(addr, kind, names);
    if (e && this.external.length < MAX_EXTERNAL_DATASETS) this.external.push(e);
  }

  private reached(child: number, parent: number, name: string | { heap: number; offset: number }): void {
    if (child !== this.root && !this.origin.has(child)) this.origin.set(child, { parent, name });
  }

  /** An object's path by the links that first reached it ('…' where a name cannot be read). */
  private async pathOf(addr: number): Promise<string> {
    const parts: string[] = [];
    for (let at = addr, k = 0; at !== this.root; k++) {
      const o = this.origin.get(at);
      if (!o || k > 64) { parts.push('…'); break; }
      const stored = o.name;
      let name = '…';
      if (typeof stored === 'string') name = stored;
      else await skipUnsupported(async () => { name = await localHeapName(this, stored.heap, stored.offset); });
      parts.push(name);
      at = o.parent;
    }
    return `/${parts.reverse().join('/')}`;
  }

  private group(addr: number): Group {
    let g = this.groups.get(addr);
    if (!g) this.groups.set(addr, g = { links: 0, children: [] });
    return g;
  }

  /** `n` more links listed by the group at `addr`: each costs libhdf5 a name built and a child opened. */
  private listed(addr: number, n: number): Group {
    const g = this.group(addr);
    g.links += n;
    this.countLinks(n);
    return g;
  }

  private countLinks(n: number): void {
    if ((this.totalLinks += n) > MAX_PRECHECK_LINKS) {
      throw new LimitExceeded('hdf5GroupLinks', `the HDF5 groups list more than ${MAX_PRECHECK_LINKS} links in all (MAX_PRECHECK_LINKS); the file was not handed to libhdf5`);
    }
  }

  /** A link message (IV.A.2.g): a hard link's object is walked and recorded as a child of its group. */
  private link(m: Uint8Array, g: Group, parent: number): void {
    if (m[0] !== 1) return;
    const flags = m[1]!;
    let p = 2;
    let kind = 0;
    if (flags & 0x08) kind = m[p++]!;
    if (flags & 0x04) p += 8;
    if (flags & 0x10) p += 1;
    const w = 1 << (flags & 3);
    let n = 0;
    for (let i = w - 1; i >= 0; i--) n = n * 256 + (m[p + i] ?? 0);
    const name = m.subarray(p + w, Math.min(p + w + n, m.length));
    p += w + n;
    if (kind === 0 && p + 8 <= m.length) {
      const child = u64(m, p);
      this.reached(child, parent, utf8(name));
      g.children.push(child);
      this.queue.push(child);
    }
  }

  /** v1 B-tree of a group: internal nodes, then symbol table nodes whose entries are object headers. */
  private async btree(addr: number, depth: number, listed: Group, owner: number, heap: number): Promise<void> {
    // Past the node budget the links this tree lists are unknown: refused, not handed to libhdf5.
    if (++this.btreeNodes > MAX_BTREE_NODES) throw new LimitExceeded('hdf5GroupLinks', `the HDF5 group B-trees have more than ${MAX_BTREE_NODES} nodes; their groups were not listed`);
    if (depth > 64) throw new Broken(`a group B-tree is deeper than 64 levels (a cycle)`);
    const at = this.abs(addr);
    const h = await this.bytes(at, 24);
    signed(h, 'TREE');
    if (h[4] !== 0) return; // a chunk index, not a group
    const level = h[5]!, used = u16(h, 6);
    const body = await this.bytes(at + 24, (2 * used + 1) * 8);
    for (let i = 0; i < used; i++) {
      const child = u64(body, 8 + i * 16);
      if (level > 0) await this.btree(child, depth + 1, listed, owner, heap);
      else await this.symbolNode(child, listed, owner, heap);
    }
  }

  /** Symbol table node: its entries count toward the group's links, each visit again (libhdf5 lists them each time). */
  private async symbolNode(addr: number, listed: Group, owner: number, heap: number): Promise<void> {
    const at = this.abs(addr);
    const h = await this.bytes(at, 8);
    signed(h, 'SNOD');
    const n = u16(h, 6);
    if ((listed.links += n) > MAX_GROUP_LINKS) throw tooManyLinks('a group');
    this.countLinks(n);
    const e = await this.bytes(at + 8, n * 40);
    for (let i = 0; i < n; i++) {
      const child = u64(e, i * 40 + 8);
      this.reached(child, owner, { heap, offset: u64(e, i * 40) });
      listed.children.push(child);
      this.queue.push(child);
    }
  }

  /**
   * A Link Info message (IV.A.2.c): with a fractal heap address, the group's links are heap objects
   * indexed by a v2 B-tree of names (records: hash, heap ID) and maybe one of creation order
   * (records: creation order, heap ID). libhdf5 sizes its listing by the name index's count and fills
   * it from whichever index it iterates, so both are walked and must agree.
   */
  private async denseLinks(m: Uint8Array, addr: number): Promise<void> {
    if (m[0] !== 0 || m.length < 2) return;
    const flags = m[1]!;
    const p = 2 + (flags & 1 ? 8 : 0);
    if (m.length < p + 16 + (flags & 2 ? 8 : 0)) return;
    const heapAddr = u64(m, p), names = u64(m, p + 8), order = flags & 2 ? u64(m, p + 16) : UNDEFINED_ADDRESS;
    if (heapAddr === UNDEFINED_ADDRESS) return; // compact: the links are messages of this header
    const heap = await FractalHeap.open(this, heapAddr, this.bt2);
    const what = `the group at ${addr}`;
    const tooMany = (n: number) => Number.isNaN(n) ? tooManyNodes() : tooManyLinks(what);
    const g = this.group(addr);
    const n = await walkBt2(this, names, 5, MAX_GROUP_LINKS, this.bt2, tooMany, async (rec) => {
      const link = await heap.object(rec.subarray(4));
      if (link) this.link(link, g, addr);
    });
    this.listed(addr, n);
    if (order !== UNDEFINED_ADDRESS) await sameCount(this, order, 6, n, what, 'links', this.bt2);
  }

  /** An Attribute Info message (IV.A.2.v): dense attributes, indexed like dense links (records: heap ID, flags, creation order, hash). */
  private async denseAttributes(m: Uint8Array, addr: number): Promise<void> {
    if (m[0] !== 0 || m.length < 2) return;
    const flags = m[1]!;
    const p = 2 + (flags & 1 ? 2 : 0);
    if (m.length < p + 16 + (flags & 2 ? 8 : 0)) return;
    const heapAddr = u64(m, p), names = u64(m, p + 8), order = flags & 2 ? u64(m, p + 16) : UNDEFINED_ADDRESS;
    if (heapAddr === UNDEFINED_ADDRESS) return;
    const heap = await FractalHeap.open(this, heapAddr, this.bt2);
    const what = `the object header at ${addr}`;
    const tooMany = (n: number) => Number.isNaN(n) ? tooManyNodes()
      : new LimitExceeded('hdf5Attributes', `${what} declares ${n} attributes in dense storage, more than ${MAX_ATTRS} (MAX_ATTRS); the file was not handed to libhdf5`);
    const n = await walkBt2(this, names, 8, MAX_ATTRS, this.bt2, tooMany, async (rec) => {
      if (rec[8]! & 1) return; // a shared attribute: its message lives in the shared-message heap, not walked here
      const attr = await heap.object(rec.subarray(0, 8));
      if (attr) await this.vlen.attribute(attr, addr);
    });
    if (order !== UNDEFINED_ADDRESS) await sameCount(this, order, 9, n, what, 'attributes', this.bt2);
  }
}

function tooManyLinks(what: string): LimitExceeded {
  return new LimitExceeded('hdf5GroupLinks', `${what} lists more than ${MAX_GROUP_LINKS} links (MAX_GROUP_LINKS); the file was not handed to libhdf5`);
}
