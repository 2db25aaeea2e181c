// Decoders of opcode arguments (CPython Lib/pickletools.py: uint*, long1/4, string*, unicodestring*,
// decimalnl_*), shared by the disassembler, the memo and the shape checks.
import { FormatError } from '../../types';
import { utf8Strict } from '../../io/text';

/** Decodes little-endian unsigned integers without DataView allocation. */
export function uintLE(b: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = v * 256 + b[i + k]!;
  return v;
}

/** Two's-complement little-endian integer (LONG1/LONG4); a number when it fits, else a bigint. */
export function longLE(b: Uint8Array, i: number, n: number): number | bigint {
  if (n === 0) return 0;
  if (n <= 6) {
    const v = uintLE(b, i, n);
    return b[i + n - 1]! & 0x80 ? v - 2 ** (8 * n) : v;
  }
  let v = 0n;
  for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[i + k]!);
  if (b[i + n - 1]! & 0x80) v -= 1n << BigInt(8 * n);
  return v;
}

/**
 * One char per byte (py2 str / latin-1). Short strings (dict keys, str(i)) are most of an object-dense
 * pickle: one fromCharCode call builds them without the intermediate strings of `+=`.
 */
export function bytesToLatin1(b: Uint8Array, i: number, n: number): string {
  const f = String.fromCharCode;
  switch (n) {
    case 0: return '';
    case 1: return f(b[i]!);
    case 2: return f(b[i]!, b[i + 1]!);
    case 3: return f(b[i]!, b[i + 1]!, b[i + 2]!);
    case 4: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);
    case 5: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!);
    case 6: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!);
    case 7: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!);
    case 8: return f(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!, b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
  }
  let s = '';
  for (let k = 0; k < n; k += 8192) s += String.fromCharCode.apply(null, b.subarray(i + k, i + Math.min(n, k + 8192)) as unknown as number[]);
  return s;
}

/** Longest string checked for pure ASCII before TextDecoder (native decoding wins above it). */
const ASCII_FAST = 64;

export function utf8At(b: Uint8Array, i: number, n: number): string {
  if (n <= ASCII_FAST) {
    let or = 0;
    for (let k = 0; k < n; k++) or |= b[i + k]!;
    if (or < 0x80) return bytesToLatin1(b, i, n);
  }
  // Python decodes with 'surrogatepass'; invalid UTF-8 fails the load. Keep a lossless view for analysis.
  return utf8Strict(b.subarray(i, i + n)) ?? bytesToLatin1(b, i, n);
}

/** STRING's argument: a Python repr, quoted, with backslash escapes (codecs.escape_decode). */
export function decodeStringnl(raw: string, offset: number): string {
  const q = raw[0];
  if (raw.length < 2 || (q !== "'" && q !== '"') || raw[raw.length - 1] !== q) {
    throw new FormatError('the STRING opcode argument must be quoted', offset);
  }
  const s = raw.slice(1, -1);
  if (!s.includes('\\')) return s;
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '\n': '' };
  return s.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|[\s\S])/g, (m, e: string) => {
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (e === 'x') throw new FormatError('invalid \\x escape in STRING', offset);
    return simple[e] ?? m; // unknown escapes stay as written, as in Python
  });
}

/** UNICODE's argument: raw-unicode-escape (only \uXXXX and \UXXXXXXXX are escapes). */
export function decodeRawUnicodeEscape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  return raw.replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_m, u: string | undefined, U: string | undefined) => {
    const cp = parseInt((u ?? U)!, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : _m;
  });
}

export function parseDecimal(line: string, offset: number, long: boolean): number | bigint | boolean {
  if (!long && line === '00') return false; // INT 00/01 are protocol-0 booleans
  if (!long && line === '01') return true;
  const t = long && line.endsWith('L') ? line.slice(0, -1) : line;
  if (!/^\s*[+-]?\d+\s*$/.test(t)) throw new FormatError(`invalid ${long ? 'LONG' : 'INT'} argument ${JSON.stringify(t.slice(0, 40))}`, offset);
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : BigInt(t.trim());
}

