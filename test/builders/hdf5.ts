// Builds minimal HDF5 files for the structural pre-check's bounds (src/engine/formats/keras/precheck.ts):
// a version 2 superblock (II.A; its checksum is left 0, so libhdf5 itself would refuse the file),
// version 1 object headers (IV.A.1) and compact link messages (IV.A.2.g). Only the pre-check reads
// them: what they test is refused before libhdf5 is called.

const UNDEFINED = 0xffffffffffffffffn;
const pad8 = (n: number) => (n + 7) & ~7;

/** An object header of version 1 holding `messages` ([type, body]) in one block. */
function header(messages: Array<[number, Uint8Array]>): Uint8Array {
  const size = messages.reduce((n, [, m]) => n + 8 + pad8(m.length), 0);
  const out = new Uint8Array(16 + size);
  const v = new DataView(out.buffer);
  out[0] = 1;
  v.setUint16(2, messages.length, true);
  v.setUint32(4, 1, true);
  v.setUint32(8, size, true);
  let p = 16;
  for (const [type, body] of messages) {
    v.setUint16(p, type, true);
    v.setUint16(p + 2, pad8(body.length), true);
    out.set(body, p + 8);
    p += 8 + pad8(body.length);
  }
  return out;
}

/** A hard link message named `name` to the object header at `addr`. */
function link(name: string, addr: number): Uint8Array {
  const b = new Uint8Array(3 + name.length + 8);
  b[0] = 1; b[1] = 0; b[2] = name.length;
  for (let i = 0; i < name.length; i++) b[3 + i] = name.charCodeAt(i);
  new DataView(b.buffer).setBigUint64(3 + name.length, BigInt(addr), true);
  return b;
}

/**
 * A root group holding `groups` groups of `children` empty objects each: 1 + groups × (1 + children)
 * object headers. With `brokenFirst`, the first link of the first group names an object header
 * whose only message runs past its block; that object is the last one a depth-first walk reaches.
 */
export function hdf5Fanout(groups: number, children: number, brokenFirst = false): Uint8Array {
  const EMPTY = 16;
  const groupSize = 16 + children * 24;
  const root = 48;
  const rootSize = 16 + groups * 24;
  const firstGroup = root + rootSize;
  const firstChild = firstGroup + groups * groupSize;
  const total = firstChild + groups * children * EMPTY + (brokenFirst ? 24 : 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  out.set([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 2, 8, 8, 0]);
  v.setBigUint64(12, 0n, true);
  v.setBigUint64(20, UNDEFINED, true);
  v.setBigUint64(28, BigInt(total), true);
  v.setBigUint64(36, BigInt(root), true);
  out.set(header(Array.from({ length: groups }, (_, g) => [6, link(`g${g}`, firstGroup + g * groupSize)])), root);
  const broken = total - 24;
  for (let g = 0; g < groups; g++) {
    const msgs: Array<[number, Uint8Array]> = [];
    for (let c = 0; c < children; c++) {
      const addr = brokenFirst && g === 0 && c === 0 ? broken : firstChild + (g * children + c) * EMPTY;
      msgs.push([6, link(`c${c.toString(36)}`, addr)]);
    }
    out.set(header(msgs), firstGroup + g * groupSize);
  }
  for (let i = 0; i < groups * children; i++) out.set(header([]), firstChild + i * EMPTY);
  if (brokenFirst) {
    // A header of 8 bytes of messages whose one message declares 64 bytes of body.
    const h = header([[0, new Uint8Array(0)]]);
    new DataView(h.buffer).setUint16(18, 64, true);
    out.set(h, broken);
  }
  return out;
}

/**
 * A root group of `groups` groups whose headers each hold two continuation messages into the SAME two
 * message blocks of 1 MiB, 43,690 hard links each (all to one empty object): every group lists
 * 87,380 links (under the per-group bound) from a file of about 2 MiB, however many groups there are.
 */
export function hdf5SharedLinkBlocks(groups: number): Uint8Array {
  const perBlock = Math.floor((1024 * 1024) / 24);
  const root = 48, rootSize = 16 + groups * 24;
  const groupSize = 16 + 2 * 24;
  const firstGroup = root + rootSize;
  const child = firstGroup + groups * groupSize;
  const blocks = [child + 16, child + 16 + perBlock * 24];
  const total = blocks[1]! + perBlock * 24;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  out.set([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, 2, 8, 8, 0]);
  v.setBigUint64(20, UNDEFINED, true);
  v.setBigUint64(28, BigInt(total), true);
  v.setBigUint64(36, BigInt(root), true);
  out.set(header(Array.from({ length: groups }, (_, g) => [6, link(`g${g}`, firstGroup + g * groupSize)])), root);
  const cont = (at: number) => {
    const b = new Uint8Array(16);
    new DataView(b.buffer).setBigUint64(0, BigInt(at), true);
    new DataView(b.buffer).setBigUint64(8, BigInt(perBlock * 24), true);
    return b;
  };
  for (let g = 0; g < groups; g++) out.set(header([[0x10, cont(blocks[0]!)], [0x10, cont(blocks[1]!)]]), firstGroup + g * groupSize);
  out.set(header([]), child);
  // The blocks: link messages one after another (8-byte message header, 16-byte body).
  const one = header([[6, link('c', child)]]).subarray(16);
  for (const at of blocks) for (let i = 0; i < perBlock; i++) out.set(one, at + i * 24);
  return out;
}
