// Streaming pickle disassembler. Reads a bounded window (PICKLE_CHUNK) at a time and refills, so a
// multi-GB stream is never held whole; counted arguments above MAX_KEPT_ARG_BYTES are skipped by
// offset (a 2 GB BINBYTES8 costs nothing), and a declared length past the end of the source is a
// truncation found before any read. Argument encodings: CPython Lib/pickletools.py.
import { FormatError, LimitExceeded, type ByteSource } from '../../types';
import { utf8Strict } from '../../io/text';
import { PICKLE_OPS, type ArgKind } from './opcodes';
import { bytesToLatin1, decodeRawUnicodeEscape, decodeStringnl, longLE, parseDecimal, uintLE, utf8At } from './args';

export { bytesToLatin1, decodeStringnl, utf8At } from './args';

export { PICKLE_OPS } from './opcodes';

/** Bytes read per refill. Bounds the memory of the disassembler to about one chunk. */
export const PICKLE_CHUNK = 1024 * 1024;
/** Counted arguments longer than this are skipped, not materialised (a prefix is kept). */
export const MAX_KEPT_ARG_BYTES = 1024 * 1024;
/** Bytes of a skipped argument kept for analysis (nested-pickle and executable sniffing). */
export const SKIPPED_ARG_PREFIX = 4096;
/** Chunks read ahead while skipping arrays (two keep both of a small machine's I/O threads busy); one otherwise. */
const READ_AHEAD = 2;
/** Bytes read after a jump past the buffer (skipped joblib array data), before chunked reading resumes. */
export const SKIP_WINDOW = 64 * 1024;
/** Bytes of a read-ahead chunk copied behind the unread tail of the last one (see refill). */
const BRIDGE = 64 * 1024;
/** Longest text-line argument (protocol 0). A longer line is refused rather than buffered. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

export type OpArg = string | number | bigint | boolean | null | Uint8Array;

export interface PickleOp {
  offset: number;           // absolute in the node
  code: number;
  name: string;
  arg?: OpArg;
  length: number;           // bytes of opcode + argument
  /** Absolute offset and length of a counted argument's data (bytes, strings). */
  argOffset?: number;
  argLength?: number;
  /** The argument was too long to keep: `arg` holds its first SKIPPED_ARG_PREFIX bytes. */
  partial?: boolean;
}

export type FrameIssue = { kind: 'straddle' | 'nested-frame' | 'overrun'; offset: number; detail: string; frameEnd: number };

/** Argument kinds as small integers, by opcode byte: the hot loop switches on these, not on strings. */
const K_NONE = 0, K_U1 = 1, K_U2 = 2, K_U4 = 3, K_I4 = 4, K_U8 = 5, K_F8 = 6, K_COUNTED = 7, K_TEXT = 8, K_BAD = 9;
const KIND = new Uint8Array(256).fill(K_BAD);
/** Counted arguments: width of the length field, and what the data is (0 long, 1 latin-1, 2 UTF-8, 3 bytes). */
const WIDTH = new Uint8Array(256);
const CTYPE = new Uint8Array(256);
for (const info of PICKLE_OPS) {
  if (!info) continue;
  const a = info.arg;
  KIND[info.code] = a === 'none' ? K_NONE : a === 'uint1' ? K_U1 : a === 'uint2' ? K_U2 : a === 'uint4' ? K_U4 : a === 'int4' ? K_I4
    : a === 'uint8' ? K_U8 : a === 'float8' ? K_F8 : /^(long|string|bytes|bytearray|unicode)\d$/.test(a) ? K_COUNTED : K_TEXT;
  if (KIND[info.code] === K_COUNTED) {
    WIDTH[info.code] = a.endsWith('1') ? 1 : a.endsWith('4') ? 4 : 8;
    CTYPE[info.code] = a.startsWith('long') ? 0 : a.startsWith('string') ? 1 : a.startsWith('unicode') ? 2 : 3;
  }
}

/** FRAME and its 8-byte length (PEP 3154). */
const FRAME_OP_BYTES = 9;

type ReadFn = (offset: number, length: number) => Promise<Uint8Array>;
const EMPTY = new Uint8Array(0);

/**
 * Decodes opcodes from a source window [start, end). `next()` is synchronous: it decodes the next
 * op when all its bytes are buffered, else returns false and the caller awaits `refill()`. Fields of
 * the current op live on the reader (no object per op: the machine runs millions of them).
 */
export class OpReader {
  // buf, base, view and frameEnd are read by the machine's fast path (fast.ts); only refill() sets them.
  buf: Uint8Array = EMPTY;
  base = 0;                     // absolute offset of buf[0]
  view: DataView<ArrayBufferLike> = new DataView(EMPTY.buffer);
  private need = 1;             // bytes from `pos` the pending op needs buffered
  pos: number;                  // absolute offset of the next op
  code = 0; off = 0; len = 0;
  arg: OpArg = null;
  arg2: string | null = null;   // second line of GLOBAL / INST
  argOff = -1; argLen = 0; partial = false;
  frameEnd = -1;
  /** The current FRAME op's offset and whether its overrun was reported (see lateOverrun). */
  private frameAt = -1;
  private frameOverrun = false;
  /** The chunk after buf, being read (see refill). */
  private readonly ahead: Array<{ off: number; len: number; p: Promise<Uint8Array> }> = [];
  /** Near jumps were seen: the CPU consumes chunks faster than one read at a time supplies them. */
  private jumped = false;
  private refills = 0;
  /** Frame-boundary disagreements between CPython's C and Python unpicklers (first few kept). */
  frameIssues: FrameIssue[] = [];

  /** `end`: where the data ends; lowered by a short read (see refill). */
  constructor(private readonly read: ReadFn, start: number, public end: number) {
    this.pos = start;
  }

  static over(source: ByteSource, start: number, end = source.size): OpReader {
    return new OpReader((o, l) => source.read(o, l), start, Math.min(end, source.size));
  }

  /** Over bytes already in memory (a sniffed head): `end` may exceed them, then next() returns false at their end. */
  static overBytes(bytes: Uint8Array, start: number, end = bytes.length): OpReader {
    const r = new OpReader(async (o, l) => bytes.subarray(o, o + l), start, end);
    r.buf = bytes; r.base = 0; r.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return r;
  }

  /** Buffers at least `this.need` bytes from `pos` (fewer only at the end of the window). */
  async refill(): Promise<void> {
    const oldEnd = this.base + this.buf.length;
    const pos = this.pos, need = Math.min(this.need, this.end - pos);
    // A jump past the buffer (joblib array data skipped by offset). A near one (arrays of a few hundred
    // KB between short runs of ops) keeps streaming by chunks with read-ahead, which costs less than a
    // waited read per array; a far one reads a small window, as the ops up to the next array are
    // usually a few hundred bytes and a chunk there would be read for nothing.
    const jump = pos > oldEnd || pos < this.base;
    const far = jump && (pos < this.base || pos - oldEnd > PICKLE_CHUNK);
    const want = Math.min(Math.max(far ? SKIP_WINDOW : PICKLE_CHUNK, this.need), this.end - pos);
    // Chunks read ahead that end before `pos` were skipped over.
    const q = this.ahead;
    while (q.length && q[0]!.off + q[0]!.len <= pos) q.shift();
    let buf: Uint8Array | null = null;
    // A chunk read ahead that already holds the op (the rest of a chunk after its bridge, below): used in place.
    const covering = q.length && !jump && q[0]!.off < pos && pos + need <= q[0]!.off + q[0]!.len;
    const first = q.length && (jump || covering ? q[0]!.off <= pos : q[0]!.off === oldEnd) ? q.shift()! : null;
    if (first !== null && !jump && !covering) {
      // Sequential: the unread tail of this chunk, then the chunk read ahead while it was decoded. Only
      // the tail and the chunk's first BRIDGE bytes are copied (the op that straddles the two is
      // rarely longer); the chunk itself is used in place from the next refill on.
      const next = await first.p;
      const keep = oldEnd - pos;
      if (keep === 0 && next.length >= want) buf = next;
      else if (keep + next.length >= want) {
        const copied = keep < BRIDGE && next.length > 2 * BRIDGE ? BRIDGE : next.length;
        buf = new Uint8Array(keep + copied);
        buf.set(this.buf.subarray(pos - this.base));
        buf.set(copied === next.length ? next : next.subarray(0, copied), keep);
        if (copied < next.length) q.unshift({ off: first.off, len: first.len, p: Promise.resolve(next) });
      }
    } else if (first !== null) {
      // A jump into a chunk being read ahead: its tail from `pos`, when that holds the op.
      const next = await first.p;
      if (pos - first.off + need <= next.length) buf = next.subarray(pos - first.off);
    }
    if (buf === null) {
      q.length = 0;
      buf = want > 0 ? await this.read(pos, want) : EMPTY;
      // A short read is where the data ends: a source sized by a bound until read to its end (a
      // compressed pickle decoded in one pass, compressed/unsized.ts). An op past it is then truncated.
      if (buf.length < want) { this.end = pos + buf.length; this.lateOverrun(); }
    }
    this.buf = buf;
    this.base = pos;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    // A stream past its second chunk is a long one: read the next chunks while this one is decoded (the
    // CPU would otherwise wait for every read). Not after a far jump: the next one may land anywhere.
    // The caught copy only keeps an abandoned read quiet.
    if (far || ++this.refills < 2) { q.length = 0; return; }
    let next = q.length ? q[q.length - 1]!.off + q[q.length - 1]!.len : this.base + buf.length;
    if (jump) this.jumped = true;
    while (q.length < (this.jumped ? READ_AHEAD : 1) && next < this.end) {
      const len = Math.min(PICKLE_CHUNK, this.end - next);
      const p = this.read(next, len);
      p.catch(() => undefined);
      q.push({ off: next, len, p });
      next += len;
    }
  }

  private truncated(what: string): never {
    throw new FormatError(`pickle truncated: ${what} at ${this.off} runs past the end (${this.end})`, this.off);
  }

  /** Needs `n` bytes from the op start; true when buffered, false when a refill is needed. */
  private have(n: number): boolean {
    if (this.off + n > this.end) this.truncated(`${PICKLE_OPS[this.code]?.name ?? 'opcode'} argument`);
    if (this.off + n <= this.base + this.buf.length) return true;
    this.need = n;
    return false;
  }

  /** Finds the '\n' ending a text argument that starts `from` bytes after the op start. */
  private lineEnd(from: number): number {
    const b = this.buf, i0 = this.off - this.base + from;
    const nl = b.indexOf(0x0a, i0);
    if (nl >= 0) return nl;
    const buffered = this.base + b.length - this.off;
    if (buffered >= MAX_LINE_BYTES) throw new LimitExceeded('pickleLine', `a protocol-0 text argument at ${this.off} is longer than ${MAX_LINE_BYTES} bytes`);
    if (this.base + b.length >= this.end) this.truncated('text argument without a newline');
    this.need = Math.min(buffered + PICKLE_CHUNK, MAX_LINE_BYTES + 1);
    return -1;
  }

  /** Decodes the op at `pos`. Throws FormatError on an unknown opcode or a truncated argument. */
  next(): boolean {
    const off = this.pos;
    this.off = off;
    if (off >= this.end) this.truncated('pickle without STOP');
    if (off >= this.base + this.buf.length) { this.need = 1; return false; }
    const b = this.buf, i = off - this.base;
    const code = b[i]!;
    const k = KIND[code]!;
    if (k === K_BAD) throw new FormatError(`invalid opcode 0x${code.toString(16).padStart(2, '0')} at ${off}`, off);
    this.code = code;
    if (k === K_NONE) {
      // Most ops of an object-dense pickle take no argument: skip the field resets (the machine does not
      // read arg fields for them, and the evidence ring does not render them).
      this.len = 1;
      this.pos = off + 1;
      const fe0 = this.frameEnd;
      if (fe0 > off && off + 1 > fe0) this.checkFrame(off, 1);
      return true;
    }
    this.arg = null; this.arg2 = null; this.argOff = -1; this.argLen = 0; this.partial = false;
    let len = 1;
    switch (k) {
      case K_NONE: break;
      case K_U1: if (!this.have(2)) return false; this.arg = b[i + 1]!; len = 2; break;
      case K_U2: if (!this.have(3)) return false; this.arg = b[i + 1]! | (b[i + 2]! << 8); len = 3; break;
      case K_U4: if (!this.have(5)) return false; this.arg = uintLE(b, i + 1, 4); len = 5; break;
      case K_I4: if (!this.have(5)) return false; this.arg = uintLE(b, i + 1, 4) | 0; len = 5; break;
      case K_U8: {
        if (!this.have(9)) return false;
        const hi = uintLE(b, i + 5, 4);
        this.arg = hi >= 0x200000 ? Infinity : hi * 0x1_0000_0000 + uintLE(b, i + 1, 4);
        len = 9; break;
      }
      case K_F8: {
        if (!this.have(9)) return false;
        this.arg = this.view.getFloat64(i + 1, false); len = 9; break;
      }
      case K_COUNTED: {
        const w = WIDTH[code]!, ct = CTYPE[code]!;
        if (!this.have(1 + w)) return false;
        let n = w === 1 ? b[i + 1]! : w === 4 ? uintLE(b, i + 1, 4) : (uintLE(b, i + 5, 4) >= 0x200000 ? Infinity : uintLE(b, i + 1, 8));
        if (code === 0x54 && n >= 0x80000000) throw new FormatError(`BINSTRING pickle has negative byte count at ${off}`, off);
        if (!Number.isFinite(n)) n = Number.MAX_SAFE_INTEGER;
        const total = 1 + w + n;
        if (off + total > this.end) this.truncated(`${PICKLE_OPS[code]!.name} of ${n} bytes`);
        this.argOff = off + 1 + w; this.argLen = n; len = total;
        if (n > MAX_KEPT_ARG_BYTES) {
          // Not materialised: keep a prefix for sniffing and skip the rest by offset.
          if (!this.have(1 + w + SKIPPED_ARG_PREFIX)) return false;
          this.partial = true;
          this.arg = ct === 0 ? null : b.subarray(i + 1 + w, i + 1 + w + SKIPPED_ARG_PREFIX);
          break;
        }
        if (!this.have(total)) return false;
        const a = i + 1 + w;
        this.arg = ct === 0 ? longLE(b, a, n) : ct === 1 ? bytesToLatin1(b, a, n) : ct === 2 ? utf8At(b, a, n) : b.subarray(a, a + n);
        break;
      }
      default: {
        // Text arguments ('\n'-terminated). GLOBAL/INST carry two lines.
        const info = PICKLE_OPS[code]!;
        const kind: ArgKind = info.arg;
        const e1 = this.lineEnd(1);
        if (e1 < 0) return false;
        const line1 = b.subarray(i + 1, e1);
        len = e1 - i + 1;
        if (kind === 'stringnl_noescape_pair') {
          const e2 = this.lineEnd(len);
          if (e2 < 0) return false;
          const mod = utf8Strict(line1), name = utf8Strict(b.subarray(e1 + 1, e2));
          if (mod === null || name === null) throw new FormatError(`${info.name} at ${off} has a name that is not valid UTF-8`, off);
          this.arg = mod; this.arg2 = name; len = e2 - i + 1;
        } else {
          const text = bytesToLatin1(line1, 0, line1.length);
          if (kind === 'stringnl') this.arg = decodeStringnl(text.endsWith('\r') ? text.slice(0, -1) : text, off);
          else if (kind === 'unicodestringnl') this.arg = decodeRawUnicodeEscape(text);
          else if (kind === 'stringnl_noescape') this.arg = text;
          else if (kind === 'floatnl') {
            const f = Number(text.trim());
            if (Number.isNaN(f) && !/^\s*[+-]?(nan|inf)/i.test(text)) throw new FormatError(`invalid FLOAT argument at ${off}`, off);
            this.arg = f;
          } else this.arg = parseDecimal(text, off, kind === 'decimalnl_long');
        }
      }
    }
    this.len = len;
    this.pos = off + len;
    const fe = this.frameEnd;
    if (code === 0x95 || (fe > off && off + len > fe)) this.checkFrame(off, len);
    return true;
  }

  /** PEP 3154 framing: CPython's C unpickler treats FRAME as a prefetch hint; the Python one enforces it. */
  private checkFrame(off: number, len: number): void {
    const fe = this.frameEnd;
    if (fe > off && off + len > fe && this.frameIssues.length < 8) {
      this.frameIssues.push({ kind: 'straddle', offset: off, detail: `opcode at ${off} runs past the end of its frame at ${fe}`, frameEnd: fe });
    }
    if (this.code !== 0x95) return; // FRAME
    if (fe > off && this.frameIssues.length < 8) {
      this.frameIssues.push({ kind: 'nested-frame', offset: off, detail: `a new FRAME at ${off} starts before the previous frame ends at ${fe}`, frameEnd: fe });
    }
    const size = this.arg as number;
    this.frameEnd = off + len + size;
    this.frameAt = off;
    this.frameOverrun = false;
    this.lateOverrun();
  }

  /**
   * A FRAME that declares more bytes than the data holds. Checked at the FRAME, and again when a short read
   * lowers `end`: a stream sized by a bound (a zlib or gzip pickle decoded in one pass) learns its real end
   * only there, after the FRAME was read against the bound.
   */
  private lateOverrun(): void {
    if (this.frameAt < 0 || this.frameOverrun || this.frameEnd <= this.end || this.frameIssues.length >= 8) return;
    this.frameOverrun = true;
    const at = this.frameAt, size = this.frameEnd - at - FRAME_OP_BYTES;
    this.frameIssues.push({ kind: 'overrun', offset: at, detail: `FRAME at ${at} declares ${size} bytes but only ${this.end - at - FRAME_OP_BYTES} remain`, frameEnd: this.frameEnd });
  }

  /** Moves past bytes that are not opcodes (joblib's inline array data). */
  skipTo(pos: number): void {
    if (pos > this.end) throw new FormatError(`data at ${this.pos} runs past the end (${this.end})`, this.pos);
    this.pos = pos;
  }

  /** Reads raw bytes at the current position (joblib's padding-length byte); null past the end. */
  async rawBytes(n: number): Promise<Uint8Array | null> {
    if (this.pos + n > this.end) return null;
    const i = this.pos - this.base;
    if (i >= 0 && i + n <= this.buf.length) return this.buf.subarray(i, i + n); // buffered: no read
    return this.read(this.pos, n);
  }

  /** The current op as a plain object (for the public disassembler and evidence). */
  snapshot(): PickleOp {
    const op: PickleOp = { offset: this.off, code: this.code, name: PICKLE_OPS[this.code]!.name, length: this.len };
    if (KIND[this.code] === K_NONE) return op;
    if (this.arg2 !== null) op.arg = `${this.arg as string} ${this.arg2}`;
    else op.arg = this.arg instanceof Uint8Array ? this.arg.slice() : this.arg;
    if (this.argOff >= 0) { op.argOffset = this.argOff; op.argLength = this.argLen; }
    if (this.partial) op.partial = true;
    return op;
  }
}

/** Streams the ops of the pickle at `start`; stops after STOP, throws FormatError with the offset. */
export async function* disassemble(source: ByteSource, start: number, opts: { end?: number; maxOps?: number } = {}): AsyncGenerator<PickleOp> {
  const r = OpReader.over(source, start, opts.end);
  const max = opts.maxOps ?? Infinity;
  for (let n = 0; n < max; n++) {
    while (!r.next()) await r.refill();
    yield r.snapshot();
    if (r.code === 0x2e) return; // STOP
  }
}

/** Offset just past the STOP of the pickle at `start`, or null when truncated or invalid. */
export async function findPickleEnd(source: ByteSource, start: number, opts: { end?: number; maxOps?: number } = {}): Promise<number | null> {
  const r = OpReader.over(source, start, opts.end);
  const max = opts.maxOps ?? Infinity;
  try {
    for (let n = 0; n < max; n++) {
      while (!r.next()) await r.refill();
      if (r.code === 0x2e) return r.pos;
    }
  } catch (e) {
    if (e instanceof FormatError || e instanceof LimitExceeded) return null;
    throw e;
  }
  return null;
}
