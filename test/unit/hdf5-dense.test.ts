// HDF5 dense storage in the pre-check (issue 15): new-style groups and attributes past 8 entries live
// in a fractal heap indexed by v2 B-trees, which libhdf5 lists into a table sized by the name index's
// declared count. fixtures/keras/benign/dense-storage.hdf5 (h5py, libver='latest'; made by
// fixtures/keras/make_dense.py) holds each shape; the attacks are byte patches of it, applied here.
// The pre-check does not verify checksums: what it refuses, it refuses before libhdf5 would read it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { precheckHdf5, MAX_GROUP_LINKS } from '../../src/engine/formats/keras/precheck';
import { LimitExceeded } from '../../src/engine/types';

const FIXTURE = 'fixtures/keras/benign/dense-storage.hdf5';
const load = () => new Uint8Array(readFileSync(FIXTURE));
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function findAll(b: Uint8Array, s: string): number[] {
  const needle = ascii(s), out: number[] = [];
  for (let i = 0; i + needle.length <= b.length; i++) if (needle.every((x, k) => b[i + k] === x)) out.push(i);
  return out;
}
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The v2 B-tree header (BTHD) of record type `type` (5 link names, 6 link creation order, 8 attribute names, 9 attribute creation order) declaring `total` records. */
function bthd(b: Uint8Array, type: number, total: number): number {
  const at = findAll(b, 'BTHD').filter((o) => b[o + 5] === type && Number(view(b).getBigUint64(o + 26, true)) === total);
  expect(at, `one BTHD of type ${type} with ${total} records`).toHaveLength(1);
  return at[0]!;
}

/** The first element of the scalar variable-length string attribute `name` (v3 attribute message, as h5py writes it). */
function vlenElement(b: Uint8Array, name: string): number {
  const [at] = findAll(b, `${name}\0`);
  const v = view(b);
  // version, flags, name/datatype/dataspace sizes (2 bytes each), name encoding, then the name.
  expect(b[at! - 9]).toBe(3);
  const nameSize = v.getUint16(at! - 7, true), dtSize = v.getUint16(at! - 5, true), dsSize = v.getUint16(at! - 3, true);
  expect(b[at! + nameSize] & 0x0f).toBe(9); // a variable-length datatype
  return at! + nameSize + dtSize + dsSize;
}

/** The length of the continuation chunk at `at`, as the continuation message pointing at it declares. */
function chunkLength(b: Uint8Array, at: number): number {
  const v = view(b);
  for (let i = 0; i + 16 <= b.length; i++) if (b[i] === 0x10 && v.getUint16(i + 1, true) === 16 && Number(v.getBigUint64(i + 4, true)) === at) return Number(v.getBigUint64(i + 12, true));
  throw new Error('no continuation message points at the chunk');
}

const scanOf = (b: Uint8Array) => scan(fromBytes(b, 'dense.hdf5'));

describe('HDF5 dense storage in the pre-check', () => {
  it('passes the real h5py file (dense links with an indirect heap root, both indexes, dense attributes, a huge attribute) and scans it clean and complete', async () => {
    expect(await precheckHdf5(fromBytes(load(), 'x.hdf5'))).toBeNull();
    const r = await scanOf(load());
    expect(r.complete).toBe(true);
    expect(r.status).toBe('clean');
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  }, 60_000);

  it('follows dense links into the object they name: a 4 GB string declared by an attribute of a dataset reachable only through them is malformed', async () => {
    const b = load();
    view(b).setUint32(vlenElement(b, 'probe'), 0xfffffff0, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/declares 4294967280 bytes, more than the whole file/);
    const r = await scanOf(b);
    expect(r.status).toBe('error');
    expect(r.findings.find((f) => f.ruleId === 'format/malformed')?.message).toMatch(/not handed to libhdf5/);
  }, 60_000);

  it('reads attributes kept in dense storage: the same 4 GB string in a dense attribute is malformed', async () => {
    const b = load();
    view(b).setUint32(vlenElement(b, 'note_01'), 0xfffffff0, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/declares 4294967280 bytes, more than the whole file/);
  });

  it('reads a dense attribute kept as a huge heap object: a 4 GB string as its 150th element is malformed', async () => {
    const b = load();
    view(b).setUint32(vlenElement(b, 'columns') + 150 * 16, 0xfffffff0, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/declares 4294967280 bytes, more than the whole file/);
  });

  it('reports the global heap collection libhdf5 loops on (a zero-sized free-space object) when only dense storage points at it, without a timeout', async () => {
    const b = load();
    const [gcol] = findAll(b, 'GCOL');
    const v = view(b);
    const size = Number(v.getBigUint64(gcol! + 8, true));
    // Walk the collection's objects to its free-space object (index 0) and make it zero-sized.
    let p = gcol! + 16;
    while (v.getUint16(p, true) !== 0) p += 16 + ((Number(v.getBigUint64(p + 8, true)) + 7) & ~7);
    expect(p).toBeLessThan(gcol! + size);
    v.setBigUint64(p + 8, 0n, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/zero-sized free-space object .* loop on it forever/);
    const started = Date.now();
    const r = await scanOf(b);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.status).toBe('error');
  }, 60_000);

  it('refuses a dense group whose name index declares 5 M links (libhdf5 would allocate the listing first) within its bound', async () => {
    const b = load();
    view(b).setBigUint64(bthd(b, 5, 300) + 26, 5_000_000n, true);
    const started = Date.now();
    await expect(precheckHdf5(fromBytes(b, 'x.hdf5'))).rejects.toBeInstanceOf(LimitExceeded);
    expect(Date.now() - started).toBeLessThan(2_000);
    const r = await scanOf(b);
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
    expect(r.findings.some((f) => f.message.includes('MAX_GROUP_LINKS'))).toBe(true);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
    expect(MAX_GROUP_LINKS).toBe(100_000);
  }, 60_000);

  it('reports a name index that holds more links than it declares (libhdf5 would write past its listing) as malformed', async () => {
    const b = load();
    view(b).setBigUint64(bthd(b, 5, 300) + 26, 299n, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/holds more records than the 299 it declares/);
  });

  it('reports a name index that declares more links than it holds (libhdf5 would list entries it never wrote) as malformed', async () => {
    const b = load();
    view(b).setBigUint64(bthd(b, 5, 300) + 26, 301n, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/declares 301 records but holds 300/);
  });

  it('reports a child pointer that says its leaf holds more records than fit in a node as malformed', async () => {
    const b = load();
    const [btin] = findAll(b, 'BTIN');
    // Internal node of the 300-link index: 6 bytes of prefix, its records (11 bytes each), then child
    // pointers of 8 address bytes and 1 record-count byte; the first child's count becomes 200.
    const root = bthd(b, 5, 300);
    const nrec = view(b).getUint16(root + 24, true);
    b[btin! + 6 + nrec * 11 + 8] = 200;
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/is said to hold 200 records, more than fit in it/);
  });

  it('reports a creation-order index that disagrees with the name index as malformed', async () => {
    const b = load();
    const at = bthd(b, 6, 12);
    view(b).setBigUint64(at + 26, 13n, true);
    view(b).setUint16(at + 24, 13, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/creation-order index of the group at \d+ declares 13 links where its name index declares 12/);
  });

  it('refuses an object declaring a million dense attributes within its bound', async () => {
    const b = load();
    view(b).setBigUint64(bthd(b, 8, 20) + 26, 1_000_000n, true);
    await expect(precheckHdf5(fromBytes(b, 'x.hdf5'))).rejects.toThrow(/declares 1000000 attributes in dense storage, more than 50000 \(MAX_ATTRS\)/);
  });

  it('reports a version 2 object header whose continuation chunk (OCHK) continues into itself (a cycle) as malformed', async () => {
    const b = load();
    const [ochk] = findAll(b, 'OCHK');
    const v = view(b);
    // The chunk's first message (4-byte header: type, size, flags) becomes a continuation to the chunk itself.
    expect(v.getUint16(ochk! + 5, true)).toBeGreaterThanOrEqual(16);
    const len = chunkLength(b, ochk!);
    b[ochk! + 4] = 0x10;
    v.setBigUint64(ochk! + 8, BigInt(ochk!), true);
    v.setBigUint64(ochk! + 16, BigInt(len), true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/continues into a block it already holds \(a cycle\)/);
  });

  it('reports a v2 B-tree deeper than its record count allows as malformed', async () => {
    const b = load();
    view(b).setUint16(bthd(b, 5, 12) + 12, 9, true);
    expect(await precheckHdf5(fromBytes(b, 'x.hdf5'))).toMatch(/is 9 levels deep for 12 records/);
  });
});
