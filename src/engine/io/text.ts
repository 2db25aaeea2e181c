// Text helpers. TextDecoder exists in every runtime we target (browsers, workers, Node) but not in the
// ES2022 lib the engine compiles against, so it is reached through a structural type.
interface TextDecoderLike { decode(input?: Uint8Array): string }
type TextDecoderCtor = new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;
interface TextEncoderLike { encode(input?: string): Uint8Array }

const g = globalThis as unknown as { TextDecoder: TextDecoderCtor; TextEncoder: new () => TextEncoderLike };
const lenient = new g.TextDecoder('utf-8');
const strict = new g.TextDecoder('utf-8', { fatal: true });
const latin1 = new g.TextDecoder('latin1');
const encoder = new g.TextEncoder();

/** UTF-8 with U+FFFD for invalid sequences. */
export function utf8(bytes: Uint8Array): string { return lenient.decode(bytes); }

/** UTF-8 or null when the bytes are not valid UTF-8. */
export function utf8Strict(bytes: Uint8Array): string | null {
  try { return strict.decode(bytes); } catch { return null; }
}

/** One char per byte: for magic numbers and printable-run extraction in binary data. */
export function latin1Text(bytes: Uint8Array): string { return latin1.decode(bytes); }

export function encodeUtf8(text: string): Uint8Array { return encoder.encode(text); }

export function startsWith(bytes: Uint8Array, magic: ArrayLike<number>, at = 0): boolean {
  if (at < 0 || at + magic.length > bytes.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Lower-case hex of a byte window, for evidence. */
export function hex(bytes: Uint8Array, max = 32): string {
  let s = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) s += bytes[i]!.toString(16).padStart(2, '0') + (i + 1 < n ? ' ' : '');
  return bytes.length > max ? s + ' …' : s;
}

/** Evidence is untrusted and shown to people: cut it short and make control characters visible. */
export function clip(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > max ? safe.slice(0, max) + '…' : safe;
}

/** Text is "printable" when almost all bytes are UTF-8 text characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  let bad = 0;
  let high = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) bad++;
    else if (b >= 0x80 && high < 0) high = i;
  }
  if (bad / bytes.length > 0.01) return false;
  // ASCII is valid UTF-8; past it, validated without decoding: a TextDecoder call costs ~15 µs however
  // short the text, a rejection more (it throws), and a 64 KiB head decoded is a 64 KiB string thrown away.
  if (high < 0) return true;
  // A multi-byte sequence may be cut at the window's end: allow up to 3 trailing bytes.
  for (let cut = 0; cut <= Math.min(3, bytes.length - 1); cut++) {
    if (isUtf8(bytes, high, bytes.length - cut)) return true;
  }
  return false;
}

/**
 * Whether bytes[start, end) is well-formed UTF-8 (RFC 3629 §4; the WHATWG decoder's fatal mode accepts
 * exactly this): no overlong forms, no surrogates, nothing past U+10FFFF, no sequence cut at `end`.
 * `start` must not fall inside a sequence. Allocates nothing.
 */
export function isUtf8(b: Uint8Array, start = 0, end = b.length): boolean {
  let i = start;
  while (i < end) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let n: number, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) { n = 2; if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f; }
    else return false;
    if (i + n >= end) return false; // cut at the end
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return false;
    for (let k = 2; k <= n; k++) { const ck = b[i + k]!; if (ck < 0x80 || ck > 0xbf) return false; }
    i += n + 1;
  }
  return true;
}
