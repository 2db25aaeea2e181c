// Strict JSON (RFC 8259) over UTF-8 bytes, for untrusted headers and config files. Why not JSON.parse:
// it silently keeps the last of duplicate keys (a parser differential attackers use to show a scanner
// one tensor and a loader another), it recurses without a bound, and it reports no byte offsets.
// This parser is iterative (an explicit stack, so no input can exhaust the call stack), bounds depth,
// records every duplicate key with its JSON pointer, and throws FormatError(byteOffset) on anything
// RFC 8259 does not allow. Like serde_json (the safetensors loader) and JSON.parse, the LAST value of
// a duplicate key wins in the returned value.
import { FormatError, LimitExceeded, type JsonValue } from '../types';
import { encodeUtf8, utf8Strict } from './text';
import { MAX_CONTENT_HASHED_CHARS } from './name-map';

export interface JsonParseOptions {
  /** Deepest nesting of arrays/objects allowed (limits.maxJsonDepth). */
  maxDepth: number;
}

export interface JsonDuplicate {
  /** RFC 6901 pointer of the repeated member. */
  pointer: string;
  /** Byte offset of the repeated key. */
  offset: number;
}

export interface JsonDocument {
  value: JsonValue;
  duplicates: JsonDuplicate[];
  /** Duplicates beyond MAX_DUPLICATES_RECORDED, counted but not listed. */
  duplicatesDropped: number;
}

/** A header stuffed with millions of repeated keys must not grow an unbounded list. */
export const MAX_DUPLICATES_RECORDED = 1000;
/**
 * Keys longer than V8 hashes by content (io/name-map.ts) that one document may give the objects it
 * builds. Every property key is interned in V8's one string table, where such keys of one length all
 * collide: 4,000 keys of 20 KB in a safetensors __metadata__ took 20 s (quadratic; JSON.parse too).
 * No real document has one; the members parseJsonMembers streams are not objects and are not counted.
 */
export const MAX_LONG_OBJECT_KEYS = 256;

export type JsonObject = { [k: string]: JsonValue };

export interface Frame {
  container: JsonValue[] | JsonObject;
  /** The enclosing container, and where this one sits in it: its pointer is built only when a duplicate needs it. */
  parent: Frame | undefined;
  slot: string | number;
  /** Key awaiting its value (objects only). */
  key?: string;
}

/** RFC 6901: '~' → '~0', '/' → '~1'. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The keys of an RFC 6901 pointer ('' is the root), each token unescaped (pointerToken's inverse). */
export function pointerKeys(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `keys` under `root` (array indexes are decimal digits), or undefined. */
export function valueAt(root: JsonValue, keys: readonly string[]): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const k of keys) {
    if (Array.isArray(node)) node = /^\d+$/.test(k) ? node[Number(k)] : undefined;
    else if (isJsonObject(node)) node = Object.prototype.hasOwnProperty.call(node, k) ? node[k] : undefined;
    else return undefined;
  }
  return node;
}

export function parseJsonText(text: string, options: JsonParseOptions): JsonDocument {
  return parseJson(encodeUtf8(text), options);
}

/** Parses one JSON text from UTF-8 bytes. Leading/trailing JSON whitespace is allowed, nothing else. */
export function parseJson(bytes: Uint8Array, options: JsonParseOptions): JsonDocument {
  const p = new Parser(bytes, options.maxDepth);
  return p.document();
}

const WS = new Uint8Array(256);
WS[0x20] = 1; WS[0x09] = 1; WS[0x0a] = 1; WS[0x0d] = 1;

/** Runs of at most this many bytes go through the run cache; longer ones are rarely repeated. */
const SHORT_RUN = 32;
const RUN_CACHE_SIZE = 1024;

function sameAscii(s: string, b: Uint8Array, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = start; i < end; i++) if (s.charCodeAt(i - start) !== b[i]) return false;
  return true;
}

/** The parser of whole documents; json-members.ts extends it to read one object member by member. */
export class Parser {
  protected pos = 0;
  private readonly runs: Array<string | undefined> = new Array(RUN_CACHE_SIZE);
  protected readonly duplicates: JsonDuplicate[] = [];
  protected dropped = 0;
  private longKeys = 0;

  constructor(protected readonly b: Uint8Array, protected readonly maxDepth: number) {}

  protected fail(message: string, at = this.pos): never {
    throw new FormatError(`invalid JSON at byte ${at}: ${message}`, at);
  }

  protected ws(): void {
    const b = this.b;
    while (this.pos < b.length && WS[b[this.pos]!]) this.pos++;
  }

  protected expect(ch: number, what: string): void {
    this.ws();
    if (this.b[this.pos] !== ch) this.fail(this.pos >= this.b.length ? `unexpected end, expected ${what}` : `expected ${what}`);
    this.pos++;
  }

  document(): JsonDocument {
    const value = this.value();
    this.ws();
    if (this.pos !== this.b.length) this.fail('trailing data after the JSON value');
    return { value, duplicates: this.duplicates, duplicatesDropped: this.dropped };
  }

  protected duplicate(pointer: string, offset: number): void {
    if (this.duplicates.length < MAX_DUPLICATES_RECORDED) this.duplicates.push({ pointer, offset });
    else this.dropped++;
  }

  /**
   * The iterative core: `stack` holds the open containers, so depth costs heap, not call stack.
   * `outer`: the object whose member this value is (parseJsonMembers), which counts as one level.
   */
  protected value(outer?: Frame, base = outer ? 1 : 0): JsonValue {
    const stack: Frame[] = [];
    let result: JsonValue | undefined;
    for (;;) {
      // Read one value start: a scalar, or open a container.
      this.ws();
      let v: JsonValue;
      let opened = false;
      const c = this.b[this.pos];
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        if (stack.length + base >= this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth}`);
        this.pos++;
        const container: JsonValue[] | JsonObject = c === 0x5b ? [] : (Object.create(null) as JsonObject);
        const parent = stack[stack.length - 1] ?? outer;
        const slot = parent === undefined ? '' : Array.isArray(parent.container) ? parent.container.length : parent.key ?? '';
        const frame: Frame = { container, parent, slot };
        stack.push(frame);
        this.ws();
        const close = c === 0x5b ? 0x5d : 0x7d;
        if (this.b[this.pos] === close) {
          this.pos++;
          stack.pop();
          v = container;
        } else {
          if (c === 0x7b) this.key(frame);
          opened = true;
          v = null; // unused
        }
      } else {
        v = this.scalar();
      }
      if (opened) continue;

      // Attach v to its parent and close every container that ends here.
      for (;;) {
        const top = stack[stack.length - 1];
        if (!top) { result = v; break; }
        this.attach(top, v);
        this.ws();
        const ch = this.b[this.pos];
        const isArray = Array.isArray(top.container);
        if (ch === 0x2c /* , */) {
          this.pos++;
          if (!isArray) this.key(top);
          break; // read the next element
        }
        if (ch === (isArray ? 0x5d : 0x7d)) {
          this.pos++;
          stack.pop();
          v = top.container;
          continue;
        }
        this.fail(this.pos >= this.b.length ? 'unexpected end inside a container' : `expected ',' or '${isArray ? ']' : '}'}'`);
      }
      if (result !== undefined) return result;
    }
  }

  private attach(frame: Frame, v: JsonValue): void {
    if (Array.isArray(frame.container)) { frame.container.push(v); return; }
    frame.container[frame.key!] = v;
    frame.key = undefined;
  }

  /** Reads `"key" :` into the frame, recording a duplicate when the key is already present. */
  private key(frame: Frame): void {
    this.ws();
    const at = this.pos;
    if (this.b[this.pos] !== 0x22) this.fail('expected a string key');
    const k = this.string();
    if (k.length > MAX_CONTENT_HASHED_CHARS && ++this.longKeys > MAX_LONG_OBJECT_KEYS) {
      throw new LimitExceeded('maxLongJsonKeys', `more than ${MAX_LONG_OBJECT_KEYS} object keys of over ${MAX_CONTENT_HASHED_CHARS} characters in one JSON document`);
    }
    const obj = frame.container as JsonObject;
    if (Object.prototype.hasOwnProperty.call(obj, k)) this.duplicate(`${framePointer(frame)}/${pointerToken(k)}`, at);
    frame.key = k;
    this.expect(0x3a, "':'");
  }

  private scalar(): JsonValue {
    const c = this.b[this.pos];
    if (c === 0x22) return this.string();
    if (c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) return this.number();
    if (this.word('true')) return true;
    if (this.word('false')) return false;
    if (this.word('null')) return null;
    this.fail(c === undefined ? 'unexpected end, expected a value' : 'expected a value');
  }

  private word(w: string): boolean {
    for (let i = 0; i < w.length; i++) if (this.b[this.pos + i] !== w.charCodeAt(i)) return false;
    this.pos += w.length;
    return true;
  }

  /** RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
  private number(): number {
    const b = this.b;
    const start = this.pos;
    const digit = (i: number) => b[i] !== undefined && b[i]! >= 0x30 && b[i]! <= 0x39;
    if (b[this.pos] === 0x2d) this.pos++;
    if (b[this.pos] === 0x30) this.pos++;
    else if (digit(this.pos)) while (digit(this.pos)) this.pos++;
    else this.fail('invalid number');
    if (b[this.pos] === 0x2e) {
      this.pos++;
      if (!digit(this.pos)) this.fail('digit expected after the decimal point');
      while (digit(this.pos)) this.pos++;
    }
    if (b[this.pos] === 0x65 || b[this.pos] === 0x45) {
      this.pos++;
      if (b[this.pos] === 0x2b || b[this.pos] === 0x2d) this.pos++;
      if (!digit(this.pos)) this.fail('digit expected in the exponent');
      while (digit(this.pos)) this.pos++;
    }
    const n = this.pos - start <= 15 ? smallNumber(b, start, this.pos) : Number(String.fromCharCode(...b.subarray(start, this.pos)));
    // RFC 8259 §9 lets a parser limit the range; like serde_json, refuse what does not fit a double.
    if (!Number.isFinite(n)) this.fail('number out of range', start);
    return n;
  }

  /** RFC 8259 §7. Unescaped runs are decoded as strict UTF-8; escapes are checked one by one. */
  protected string(): string {
    const b = this.b;
    const open = this.pos;
    this.pos++; // opening quote
    let out = '';
    let run = this.pos;
    for (;;) {
      if (this.pos >= b.length) this.fail('unterminated string', open);
      const c = b[this.pos]!;
      if (c === 0x22) {
        out += this.decodeRun(run, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('control character in a string');
      if (c !== 0x5c) { this.pos++; continue; }
      out += this.decodeRun(run, this.pos);
      out += this.escape();
      run = this.pos;
    }
  }

  private decodeRun(start: number, end: number): string {
    if (end <= start) return '';
    const b = this.b;
    if (end - start <= SHORT_RUN) {
      // Keys and enum values repeat in every member of a big header ("dtype", "shape", "F32"): a
      // short ASCII run is looked up by its hash before it is decoded again.
      let h = end - start;
      let i = start;
      for (; i < end && b[i]! < 0x80; i++) h = Math.imul(h, 31) + b[i]! | 0;
      if (i === end) {
        const slot = h & (RUN_CACHE_SIZE - 1);
        const hit = this.runs[slot];
        if (hit !== undefined && sameAscii(hit, b, start, end)) return hit;
        return this.runs[slot] = String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
      }
    }
    let ascii = true;
    for (let i = start; i < end; i++) if (b[i]! >= 0x80) { ascii = false; break; }
    if (ascii && end - start <= 1024) return String.fromCharCode(...b.subarray(start, end));
    const s = utf8Strict(this.b.subarray(start, end));
    if (s === null) this.fail('invalid UTF-8 in a string', start);
    return s;
  }

  private escape(): string {
    const at = this.pos;
    const e = this.b[this.pos + 1];
    this.pos += 2;
    switch (e) {
      case 0x22: return '"';
      case 0x5c: return '\\';
      case 0x2f: return '/';
      case 0x62: return '\b';
      case 0x66: return '\f';
      case 0x6e: return '\n';
      case 0x72: return '\r';
      case 0x74: return '\t';
      case 0x75: {
        const hi = this.hex4(at);
        if (hi >= 0xdc00 && hi <= 0xdfff) this.fail('lone low surrogate escape', at);
        if (hi < 0xd800 || hi > 0xdbff) return String.fromCharCode(hi);
        // A high surrogate must be followed by an escaped low surrogate (serde_json rejects lone ones).
        if (this.b[this.pos] !== 0x5c || this.b[this.pos + 1] !== 0x75) this.fail('lone high surrogate escape', at);
        this.pos += 2;
        const lo = this.hex4(at);
        if (lo < 0xdc00 || lo > 0xdfff) this.fail('high surrogate not followed by a low surrogate', at);
        return String.fromCharCode(hi, lo);
      }
      default:
        this.fail('invalid escape', at);
    }
  }

  private hex4(at: number): number {
    let v = 0;
    for (let i = 0; i < 4; i++) {
      const c = this.b[this.pos + i];
      let d: number;
      if (c !== undefined && c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c !== undefined && c >= 0x41 && c <= 0x46) d = c - 0x37;
      else if (c !== undefined && c >= 0x61 && c <= 0x66) d = c - 0x57;
      else this.fail('invalid \\u escape', at);
      v = v * 16 + d;
    }
    this.pos += 4;
    return v;
  }
}

/**
 * The value of a validated number literal of at most 15 bytes. A plain integer of up to 15 digits is
 * exact in a double, so it is summed digit by digit (most numbers in headers are offsets and shapes);
 * anything else goes through Number().
 */
function smallNumber(b: Uint8Array, start: number, end: number): number {
  let i = b[start] === 0x2d ? start + 1 : start;
  let v = 0;
  for (; i < end; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) return Number(String.fromCharCode(...b.subarray(start, end)));
    v = v * 10 + d;
  }
  return b[start] === 0x2d ? -v : v;
}

/** RFC 6901 pointer of a container, from the slots of its ancestors (depth is bounded by maxDepth). */
export function framePointer(frame: Frame): string {
  const tokens: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) tokens.push(typeof f.slot === 'number' ? String(f.slot) : pointerToken(f.slot));
  return tokens.length ? `/${tokens.reverse().join('/')}` : '';
}

/** A plain-object check that also accepts the null-prototype objects this parser builds. */
export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
