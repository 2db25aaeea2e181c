// Encoded payloads in strings: base64 (RFC 4648 §4 and the URL-safe §5 alphabet), hex, and \xNN /
// \uNNNN escape runs. A blob is reported only for what it DECODES to (a pickle, an executable, a
// script, or text the code detectors flag), never for merely being long: hashes, embedded images
// and tokenizer data are base64/hex too. Decoding is bounded per candidate and nests at most
// MAX_DECODE_LEVEL deep (base64 of hex of a script is found; an unbounded onion is not peeled).
import type { StringHit } from './strings';
import { executableAt, findExecutables } from './executables';
import { Gunzip, Unzlib } from 'fflate';
import { latin1Text, looksLikeText, utf8Strict } from '../io/text';

/** Shortest base64/hex run considered: shorter runs are identifiers and hashes' halves. */
export const MIN_ENCODED_CHARS = 40;
/** Characters of one candidate decoded. Bounds memory and work per blob (≈ 768 KiB out). */
const MAX_DECODE_CHARS = 1024 * 1024;
/** Decoding nests at most this deep: text → decoded (1) → decoded again (2). */
export const MAX_DECODE_LEVEL = 2;
/** Runs of this many consecutive escapes count as escaped text. */
const MIN_X_ESCAPES = 4;
const MIN_U_ESCAPES = 3;
/** Bytes of decoded data searched for an executable header or a pickle's callee. */
const CLASSIFY_WINDOW = 64 * 1024;

/** Base64 (standard and URL-safe) alphabet membership by char code. */
const IN_RUN = (() => {
  const t = new Uint8Array(128);
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') t[c.charCodeAt(0)] = 1;
  return t;
})();

/**
 * Maximal runs of base64/hex alphabet characters of at least MIN_ENCODED_CHARS, with up to two '='
 * of padding. A hand-written single pass: the regex /[A-Za-z0-9+/_-]{40,}/ costs 40 steps per
 * character on text made of short words (tokenizer vocabularies), this costs one.
 */
export function encodedRuns(text: string): Array<{ index: number; run: string }> {
  const runs: Array<{ index: number; run: string }> = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c < 128 && IN_RUN[c] === 1) { if (start < 0) start = i; continue; }
    if (start >= 0 && i - start >= MIN_ENCODED_CHARS) {
      let end = i;
      while (end < text.length && end - i < 2 && text.charCodeAt(end) === 0x3d) end++; // '=' padding
      runs.push({ index: start, run: text.slice(start, end) });
    }
    start = -1;
  }
  return runs;
}
const HEX_ONLY = /^(?:0x)?[0-9a-fA-F]+$/;

/** Labels the code detectors give a decoded text (empty when it is harmless). */
export type DescribeCode = (text: string, level: number) => string[];

const B64 = (() => {
  const t = new Int8Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) t[alphabet.charCodeAt(i)] = i;
  t[0x2d] = 62; // '-' (base64url)
  t[0x5f] = 63; // '_'
  return t;
})();

export function decodeBase64(s: string, maxChars = MAX_DECODE_CHARS): Uint8Array {
  const n = Math.min(s.length, maxChars);
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0, bits = 0, o = 0;
  for (let i = 0; i < n; i++) {
    const v = B64[s.charCodeAt(i) & 0xff]!;
    if (v < 0 || s.charCodeAt(i) > 0xff) break; // '=' or anything else ends the data
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; out[o++] = (acc >> bits) & 0xff; }
  }
  return out.subarray(0, o);
}

export function decodeHex(s: string, maxChars = MAX_DECODE_CHARS): Uint8Array {
  const body = s.startsWith('0x') || s.startsWith('0X') ? s.slice(2) : s;
  const n = Math.min(body.length, maxChars) & ~1;
  const out = new Uint8Array(n / 2);
  for (let i = 0; i < n; i += 2) out[i / 2] = parseInt(body.slice(i, i + 2), 16);
  return out;
}

// Pickle (CPython Lib/pickletools.py): protocol 2+ starts with PROTO 0x80 <n>; protocol 4+ frames
// with FRAME 0x95 next; every pickle ends with STOP '.'. Protocol 0/1 starts with GLOBAL
// "c<module>\n<name>\n", possibly after a MARK '('.
const GLOBAL_RE = /c([A-Za-z_][\w.]{0,100})\n([A-Za-z_]\w{0,100})\n/;
// STACK_GLOBAL fed by two SHORT_BINUNICODE strings, each optionally memoised (MEMOIZE 0x94).
const STACK_GLOBAL_RE = /\x8c[\x01-\x7f]([A-Za-z_][\w.]{0,126})\x94?\x8c[\x01-\x7f]([A-Za-z_]\w{0,126})\x94?\x93/;

function describePickle(b: Uint8Array): string | null {
  if (b.length >= 4 && b[0] === 0x80 && b[1]! >= 2 && b[1]! <= 5) {
    const framed = b[1]! >= 4 && b[2] === 0x95;
    if (!framed && b[b.length - 1] !== 0x2e) return null;
    const head = latin1Text(b.subarray(0, CLASSIFY_WINDOW));
    const g = GLOBAL_RE.exec(head) ?? STACK_GLOBAL_RE.exec(head);
    return `a pickle (protocol ${b[1]})${g ? ` that imports ${g[1]}.${g[2]}` : ''}`;
  }
  if (b[0] !== 0x63 && !(b[0] === 0x28 && b[1] === 0x63)) return null; // 'c' or '(c'
  const m = /^\(?c([A-Za-z_][\w.]{0,100})\n([A-Za-z_]\w{0,100})\n/.exec(latin1Text(b.subarray(0, 256)));
  return m ? `a protocol-0 pickle that imports ${m[1]}.${m[2]}` : null;
}

/**
 * The first CLASSIFY_WINDOW bytes a zlib (RFC 1950 header) or gzip (1f 8b 08) stream inflates to, or
 * null: base64(zlib.compress(pickle.dumps(x))) is how a pickle is usually packed into a text field.
 * Only the window is inflated (a bomb costs at most that), and only once (no onion of inflates).
 */
function inflateWindow(b: Uint8Array): Uint8Array | null {
  const zlib = b.length >= 6 && (b[0]! & 0x0f) === 8 && b[0]! >> 4 <= 7 && ((b[0]! << 8) | b[1]!) % 31 === 0;
  const gzip = b.length >= 18 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 8;
  if (!zlib && !gzip) return null;
  const out = new Uint8Array(CLASSIFY_WINDOW);
  let n = 0;
  const take = (chunk: Uint8Array) => {
    const k = Math.min(chunk.length, out.length - n);
    out.set(chunk.subarray(0, k), n);
    n += k;
    if (n >= out.length) throw new Error('window full');
  };
  try {
    const z = zlib ? new Unzlib(take) : new Gunzip(take);
    for (let i = 0; i < b.length && n < out.length; i += 16 * 1024) z.push(b.subarray(i, i + 16 * 1024), i + 16 * 1024 >= b.length);
  } catch {
    // full window, or corrupt: what inflated so far is judged
  }
  return n > 0 ? out.subarray(0, n) : null;
}

/** What decoded bytes are, when that is dangerous; null when harmless or unknown. */
export function classifyDecoded(b: Uint8Array, level: number, describeCode: DescribeCode, inflated = false): string | null {
  if (b.length === 0) return null;
  const pickle = describePickle(b);
  if (pickle) return pickle;
  const plain = inflated ? null : inflateWindow(b);
  if (plain) {
    const what = classifyDecoded(plain, level, describeCode, true);
    if (what) return `${b[0] === 0x1f ? 'gzip' : 'zlib'} data of ${what}`;
  }
  const window = b.subarray(0, CLASSIFY_WINDOW);
  const exe = executableAt(window, 0) ?? findExecutables(window, 0, { maxHits: 1 })[0];
  if (exe) return exe.offset === 0 ? exe.description : `${exe.description} at decoded offset ${exe.offset}`;
  if (!looksLikeText(window)) return null;
  const text = utf8Strict(b);
  if (text === null) return null;
  const labels = describeCode(text, level + 1);
  return labels.length ? `text with ${labels.slice(0, 3).join('; ')}` : null;
}

/** Base64 and hex runs that decode to something dangerous. */
export function findEncodedPayloads(text: string, level: number, describeCode: DescribeCode): StringHit[] {
  const hits: StringHit[] = [];
  for (const { run } of encodedRuns(text)) {
    let encoding: 'hex' | 'base64' | null = null;
    let what: string | null = null;
    if (HEX_ONLY.test(run) && run.replace(/^0x/i, '').length % 2 === 0) {
      what = classifyDecoded(decodeHex(run), level, describeCode);
      if (what) encoding = 'hex';
    }
    // A run mixing the standard (+/) and URL-safe (-_) alphabets is a path or an identifier.
    if (!what && !(/[+/]/.test(run) && /[-_]/.test(run))) {
      what = classifyDecoded(decodeBase64(run), level, describeCode);
      if (what) encoding = 'base64';
    }
    if (what && encoding) {
      hits.push({ ruleId: 'strings/encoded-payload', message: `A ${encoding} string decodes to ${what}`,
        evidence: `${run.slice(0, 120)}${run.length > 120 ? '…' : ''} (${run.length} chars)` });
    }
  }
  return hits;
}

/** First run of consecutive \xNN (≥4) or \uNNNN (≥3) escapes, as [start, end), or null. */
export function findEscapeRun(text: string): [number, number] | null {
  for (const [marker, digits, min] of [['\\x', 2, MIN_X_ESCAPES], ['\\u', 4, MIN_U_ESCAPES]] as const) {
    let i = text.indexOf(marker);
    while (i !== -1) {
      let j = i, count = 0;
      while (text.startsWith(marker, j) && isHexRun(text, j + 2, digits)) { j += 2 + digits; count++; }
      if (count >= min) return [i, j];
      i = text.indexOf(marker, Math.max(j, i + 1));
    }
  }
  return null;
}

function isHexRun(s: string, at: number, n: number): boolean {
  if (at + n > s.length) return false;
  for (let k = at; k < at + n; k++) {
    const c = s.charCodeAt(k) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

export function unescapeText(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})/g, (_, x?: string, u?: string) => String.fromCharCode(parseInt(x ?? u ?? '0', 16)));
}
