// A minimal 7z writer for attack variants `7z a` will not produce ('..' names, declared sizes that
// lie, member floods, trailing data). Every member is its own folder with the Copy coder and the
// header is written plain (no kEncodedHeader), following 7zFormat.txt (7-Zip DOC) field by field.
import { crc32 } from '../../src/engine/io/crc32';
import { encodeUtf8 } from '../../src/engine/io/text';

export interface SevenZipMember {
  name: string;
  data: Uint8Array | string;
  /** Declared unpacked size when it should differ from the stored bytes (the Copy coder then fails). */
  declaredSize?: number;
  /** A symbolic link: `data` is the target. */
  symlink?: boolean;
}

/** 7z NUMBER: the first byte's leading 1-bits count the extra little-endian bytes. */
export function number7z(value: number): number[] {
  for (let n = 0; n <= 8; n++) {
    const bits = n === 8 ? 64 : 8 * n + (7 - n);
    if (n < 8 && value >= 2 ** bits) continue;
    const low: number[] = [];
    let v = value;
    for (let i = 0; i < n; i++) { low.push(v % 256); v = Math.floor(v / 256); }
    const first = n === 8 ? 0xff : ((0xff << (8 - n)) & 0xff) | v;
    return [first, ...low];
  }
  throw new Error('unreachable');
}

const u32le = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64le = (v: number) => [...u32le(v >>> 0), ...u32le(Math.floor(v / 2 ** 32))];
const utf16z = (s: string) => { const out: number[] = []; for (const c of s) { const u = c.charCodeAt(0); out.push(u & 0xff, u >> 8); } return [...out, 0, 0]; };

export function buildSevenZip(members: readonly SevenZipMember[], opts: { trailing?: Uint8Array } = {}): Uint8Array {
  const datas = members.map((m) => (typeof m.data === 'string' ? encodeUtf8(m.data) : m.data));
  const n = members.length;
  const h: number[] = [0x01, 0x04];                                    // kHeader, kMainStreamsInfo
  h.push(0x06, ...number7z(0), ...number7z(n), 0x09);                  // kPackInfo: pos 0, n streams, kSize
  for (const d of datas) h.push(...number7z(d.length));
  h.push(0x00);
  h.push(0x07, 0x0b, ...number7z(n), 0x00);                            // kUnPackInfo, kFolder, n, not external
  for (let i = 0; i < n; i++) h.push(0x01, 0x01, 0x00);                // 1 coder: id size 1, simple; id 00 = Copy
  h.push(0x0c);                                                        // kCodersUnPackSize
  members.forEach((m, i) => h.push(...number7z(m.declaredSize ?? datas[i]!.length)));
  h.push(0x00);
  h.push(0x08, 0x0a, 0x01);                                            // kSubStreamsInfo, kCRC, all defined
  for (const d of datas) h.push(...u32le(crc32(d)));
  h.push(0x00, 0x00);                                                  // end substreams, end streams info
  h.push(0x05, ...number7z(n));                                        // kFilesInfo
  const names = [0x00, ...members.flatMap((m) => utf16z(m.name))];     // external = 0
  h.push(0x11, ...number7z(names.length), ...names);                   // kName
  const attrs = [0x01, 0x00, ...members.flatMap((m) => u32le(m.symlink ? (0x8000 | (0o120777 << 16)) >>> 0 : 0x20))];
  h.push(0x15, ...number7z(attrs.length), ...attrs);                   // kWinAttributes (unix mode in the high half)
  h.push(0x00, 0x00);                                                  // end files info, end header

  const packed = datas.reduce((a, d) => a + d.length, 0);
  const header = new Uint8Array(h);
  const tail = [...u64le(packed), ...u64le(header.length), ...u32le(crc32(header))];
  const start = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04, ...u32le(crc32(new Uint8Array(tail))), ...tail];
  const trailing = opts.trailing ?? new Uint8Array(0);
  const out = new Uint8Array(32 + packed + header.length + trailing.length);
  out.set(start, 0);
  let at = 32;
  for (const d of datas) { out.set(d, at); at += d.length; }
  out.set(header, at);
  out.set(trailing, at + header.length);
  return out;
}
