// A small tar writer for attack variants (POSIX ustar / pax, GNU long names, v7): every header field a
// test may want to lie about can be set per member. Real, tool-made tars live in fixtures/tar.
import { encodeUtf8 } from '../../src/engine/io/text';

export interface TarMemberSpec {
  name: string;
  data?: Uint8Array | string;
  type?: string;                       // typeflag character; default '0' ('\0' for v7)
  linkName?: string;
  mode?: number;
  /** Header format: 'ustar' (default, "ustar\0" "00"), 'gnu' ("ustar  \0"), 'v7' (no magic). */
  format?: 'ustar' | 'gnu' | 'v7';
  /** Write the size field in GNU base-256 instead of octal. */
  base256Size?: boolean;
  /** Override the size field (data is still written as given). */
  size?: number;
  /** Pax records written in an 'x' header before this member. */
  pax?: Record<string, string>;
  /** A GNU 'L' long-name header before this member carrying this name. */
  gnuLongName?: string;
  /** Add this to the (correct) checksum. */
  checksumDelta?: number;
}

export interface TarSpec {
  members: TarMemberSpec[];
  /** Pax records written in a 'g' global header before the first member. */
  globalPax?: Record<string, string>;
  /** Leave out the two zero blocks. */
  noEnd?: boolean;
  /** Bytes after the end blocks. */
  trailing?: Uint8Array | string;
}

const bytesOf = (d: Uint8Array | string | undefined) => (typeof d === 'string' ? encodeUtf8(d) : d ?? new Uint8Array(0));
const pad = (n: number) => Math.ceil(n / 512) * 512;

function octal(h: Uint8Array, at: number, len: number, v: number) {
  const s = v.toString(8).padStart(len - 1, '0');
  h.set(encodeUtf8(s.slice(-(len - 1))), at);
  h[at + len - 1] = 0;
}

export function tarHeader(m: TarMemberSpec & { dataLength: number }): Uint8Array {
  const h = new Uint8Array(512);
  const format = m.format ?? 'ustar';
  h.set(encodeUtf8(m.name).subarray(0, 100), 0);
  octal(h, 100, 8, m.mode ?? 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  const size = m.size ?? m.dataLength;
  if (m.base256Size) {
    h[124] = 0x80;
    let v = size;
    for (let i = 135; i > 124; i--) { h[i] = v % 256; v = Math.floor(v / 256); }
  } else octal(h, 124, 12, size);
  octal(h, 136, 12, 1704067200);
  h[156] = (m.type ?? (format === 'v7' ? '\0' : '0')).charCodeAt(0);
  h.set(encodeUtf8(m.linkName ?? '').subarray(0, 100), 157);
  if (format === 'ustar') { h.set(encodeUtf8('ustar\0'), 257); h.set(encodeUtf8('00'), 263); }
  if (format === 'gnu') h.set(encodeUtf8('ustar  \0'), 257);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  sum += m.checksumDelta ?? 0;
  const s = sum.toString(8).padStart(6, '0');
  h.set(encodeUtf8(s), 148);
  h[154] = 0; h[155] = 0x20;
  return h;
}

function paxData(recs: Record<string, string>): Uint8Array {
  let out = '';
  for (const [k, v] of Object.entries(recs)) {
    const body = ` ${k}=${v}\n`;
    let len = encodeUtf8(body).length + 1;
    while (String(len).length + encodeUtf8(body).length !== len) len++;
    out += `${len}${body}`;
  }
  return encodeUtf8(out);
}

export function buildTar(spec: TarSpec): Uint8Array {
  const parts: Uint8Array[] = [];
  const entry = (m: TarMemberSpec, data: Uint8Array) => {
    parts.push(tarHeader({ ...m, dataLength: data.length }));
    const block = new Uint8Array(pad(data.length));
    block.set(data);
    parts.push(block);
  };
  if (spec.globalPax) entry({ name: 'pax_global_header', type: 'g' }, paxData(spec.globalPax));
  for (const m of spec.members) {
    if (m.pax) entry({ name: 'PaxHeader/x', type: 'x' }, paxData(m.pax));
    if (m.gnuLongName !== undefined) entry({ name: '././@LongLink', type: 'L', format: 'gnu' }, encodeUtf8(m.gnuLongName + '\0'));
    entry(m, bytesOf(m.data));
  }
  if (!spec.noEnd) parts.push(new Uint8Array(1024));
  if (spec.trailing !== undefined) parts.push(bytesOf(spec.trailing));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}
