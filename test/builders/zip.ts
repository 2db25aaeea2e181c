// A small zip writer for attack variants (PKWARE APPNOTE 4.3): every field a test may want to lie about
// can be overridden per member. Real, tool-made zips live in fixtures/zip; this builds the rest.
import { deflateSync } from 'fflate';
import { crc32 } from '../../src/engine/io/crc32';
import { encodeUtf8 } from '../../src/engine/io/text';

export interface MemberSpec {
  name: string | Uint8Array;
  data?: Uint8Array | string;
  method?: number;                 // 0 stored (default), 8 deflate; others written as given (data as-is)
  flags?: number;                  // general purpose flags, both headers unless localFlags
  localFlags?: number;
  crc?: number;                    // override the (correct) CRC-32 in both headers
  compressed?: Uint8Array;         // raw bytes written as the member data (e.g. a crafted bomb stream)
  uncompressedSize?: number;       // override the declared size
  madeBy?: number;                 // default 0x0314 (Unix, 2.0)
  externalAttrs?: number;          // default 0o100644 << 16
  localName?: string;              // a different name in the local header
  localMethod?: number;
  extra?: Uint8Array;              // central extra field
  /** Point this central entry at an earlier member's local header (overlapping-files bomb). */
  reuseLocalOf?: number;
  /** Write the local header and data but leave the member out of the central directory. */
  hiddenFromCentral?: boolean;
  /** Write crc/sizes in a data descriptor (flag bit 3) after the data; local header fields zero. */
  dataDescriptor?: boolean;
}

export interface ZipSpec {
  members: MemberSpec[];
  comment?: string | Uint8Array;
  prepend?: Uint8Array;            // bytes before the first member; offsets include them (like `cat stub a.zip` + `zip -A`)
  prependUnadjusted?: Uint8Array;  // bytes before the archive with offsets NOT adjusted (`cat stub a.zip`)
  gapAfter?: Record<number, Uint8Array>; // bytes written after member i
  declaredEntries?: number;        // override the EOCD entry counts
  trailing?: Uint8Array;           // bytes after the EOCD comment (comment length not covering them)
}

const bytesOf = (d: Uint8Array | string | undefined) => (typeof d === 'string' ? encodeUtf8(d) : d ?? new Uint8Array(0));

class Out {
  private parts: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array) { this.parts.push(b); this.length += b.length; return this; }
  u16(v: number) { return this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff])); }
  u32(v: number) { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v >>> 0, true); return this.bytes(b); }
  done(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) { out.set(p, at); at += p.length; }
    return out;
  }
}

export function buildZip(spec: ZipSpec): Uint8Array {
  const out = new Out();
  if (spec.prependUnadjusted) out.bytes(spec.prependUnadjusted);
  const base = out.length;
  if (spec.prepend) out.bytes(spec.prepend);
  const central: Array<{ m: MemberSpec; name: Uint8Array; crc: number; csize: number; usize: number; offset: number }> = [];
  const offsets: number[] = [];
  spec.members.forEach((m, i) => {
    const name = typeof m.name === 'string' ? encodeUtf8(m.name) : m.name;
    const data = bytesOf(m.data);
    const method = m.method ?? 0;
    const payload = m.compressed ?? (method === 8 ? deflateSync(data) : data);
    const crc = m.crc ?? crc32(data);
    const usize = m.uncompressedSize ?? data.length;
    const flags = (m.flags ?? 0) | (m.dataDescriptor ? 0x0008 : 0);
    if (m.reuseLocalOf !== undefined) {
      const prev = central.find((c) => c.m === spec.members[m.reuseLocalOf!])!;
      offsets.push(prev.offset);
      central.push({ ...prev, m: { ...prev.m, ...m, name: m.name } , name });
      return;
    }
    const offset = out.length - base;
    offsets.push(offset);
    const localName = m.localName !== undefined ? encodeUtf8(m.localName) : name;
    out.u32(0x04034b50).u16(20).u16(m.localFlags ?? flags).u16(m.localMethod ?? method).u16(0).u16(0x21)
      .u32(m.dataDescriptor ? 0 : crc).u32(m.dataDescriptor ? 0 : payload.length).u32(m.dataDescriptor ? 0 : usize)
      .u16(localName.length).u16(0).bytes(localName).bytes(payload);
    if (m.dataDescriptor) out.u32(0x08074b50).u32(crc).u32(payload.length).u32(usize);
    if (spec.gapAfter?.[i]) out.bytes(spec.gapAfter[i]!);
    if (!m.hiddenFromCentral) central.push({ m, name, crc, csize: payload.length, usize, offset });
  });
  const cdOffset = out.length - base;
  for (const c of central) {
    const m = c.m;
    const flags = (m.flags ?? 0) | (m.dataDescriptor ? 0x0008 : 0);
    const extra = m.extra ?? new Uint8Array(0);
    out.u32(0x02014b50).u16(m.madeBy ?? 0x0314).u16(20).u16(flags).u16(m.method ?? 0).u16(0).u16(0x21)
      .u32(c.crc).u32(c.csize).u32(c.usize).u16(c.name.length).u16(extra.length).u16(0).u16(0).u16(0)
      .u32(m.externalAttrs ?? (0o100644 << 16) >>> 0).u32(c.offset).bytes(c.name).bytes(extra);
  }
  const cdSize = out.length - base - cdOffset;
  const comment = bytesOf(spec.comment);
  const n = spec.declaredEntries ?? central.length;
  out.u32(0x06054b50).u16(0).u16(0).u16(n).u16(n).u32(cdSize).u32(cdOffset).u16(comment.length).bytes(comment);
  if (spec.trailing) out.bytes(spec.trailing);
  return out.done();
}

/** Unix external attributes for a symbolic link (S_IFLNK | 0777), as Info-ZIP and zipfile write them. */
export const SYMLINK_ATTRS = (0o120777 << 16) >>> 0;

/** A zip nested `depth` times: level 1 holds `leaf`, level k holds level k-1 as "level{k-1}.zip". */
export function nestedZip(depth: number, leaf: MemberSpec): Uint8Array {
  let z = buildZip({ members: [leaf] });
  for (let k = 2; k <= depth; k++) z = buildZip({ members: [{ name: `level${k - 1}.zip`, data: z }] });
  return z;
}
