// Turns swept windows into strings for the string detectors: text content as blocks of whole lines,
// binary content as its printable ASCII runs (what strings(1) shows). Pure helpers, no I/O.

/** Control characters above this share of a window make it binary (same bar as io/text looksLikeText). */
const MAX_CONTROL_SHARE = 0.01;

/** Text in the sense of "a person wrote lines": no NUL, almost no control bytes. UTF-8 may be cut at the edges. */
export function isTextual(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  if (bytes.indexOf(0) !== -1) return false;
  let bad = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) bad++;
  }
  return bad / bytes.length <= MAX_CONTROL_SHARE;
}

export interface TextBlock {
  /** Offset of the block's first byte in the node. */
  offset: number;
  /** 1-based line number of the block's first line. */
  line: number;
  bytes: Uint8Array;
}

/**
 * Cuts text into blocks of at most `maxBlock` bytes that end at a line end where possible, so a
 * finding can say "line N" and no line is split between two detector calls unless it is longer
 * than a block. `flush` also emits the trailing partial line; otherwise it is returned as carry.
 */
export class LineBlocker {
  private carry = new Uint8Array(0);
  private carryOffset = 0;
  private line = 1;

  constructor(private readonly maxBlock: number) {}

  push(bytes: Uint8Array, offset: number, flush: boolean): TextBlock[] {
    let buf = bytes;
    let base = offset;
    if (this.carry.length) {
      buf = new Uint8Array(this.carry.length + bytes.length);
      buf.set(this.carry);
      buf.set(bytes, this.carry.length);
      base = this.carryOffset;
    }
    const blocks: TextBlock[] = [];
    let start = 0;
    while (start < buf.length) {
      const limit = Math.min(buf.length, start + this.maxBlock);
      let end: number;
      if (limit === buf.length && flush) end = limit;
      else {
        const nl = buf.lastIndexOf(0x0a, limit - 1);
        if (nl >= start) end = nl + 1;
        else if (limit - start >= this.maxBlock) end = limit; // one line longer than a block: cut it
        else break; // an incomplete last line: wait for more bytes
      }
      const block = buf.subarray(start, end);
      blocks.push({ offset: base + start, line: this.line, bytes: block });
      for (let i = block.indexOf(0x0a); i !== -1; i = block.indexOf(0x0a, i + 1)) this.line++;
      start = end;
    }
    this.carry = buf.slice(start);
    this.carryOffset = base + start;
    return blocks;
  }
}

export interface PrintableRun { offset: number; text: string }

/**
 * Printable ASCII runs (0x20-0x7e, tab) of at least `minRun` bytes that START in [0, own). A run
 * that starts inside the owned part may continue into the overlap; runs starting in the overlap
 * belong to the next window. Runs are cut at `maxRun` bytes.
 */
export function printableRuns(bytes: Uint8Array, own: number, base: number, continued: boolean, minRun: number, maxRun: number): PrintableRun[] {
  const runs: PrintableRun[] = [];
  let i = 0;
  // `continued`: the byte before this window was printable, so the run at bytes[0] began in the
  // previous window, which read it to its end through the overlap. Skip its tail.
  if (continued) while (i < own && isPrintable(bytes[i]!)) i++;
  // Invariant: bytes[i - 1] is not printable (or i is 0). A run of minRun bytes starting in
  // [i, i + minRun) must cover bytes[i + minRun - 1], so probing that one byte skips minRun bytes of
  // binary at a time (like Boyer-Moore), which keeps the sweep fast on tensor data.
  while (i < own) {
    const probe = i + minRun - 1;
    if (probe >= bytes.length) break;
    if (!isPrintable(bytes[probe]!)) { i = probe + 1; continue; }
    let s = probe;
    while (s > i && isPrintable(bytes[s - 1]!)) s--;
    if (s >= own) break;
    let e = probe + 1;
    while (e < bytes.length && e - s < maxRun && isPrintable(bytes[e]!)) e++;
    if (e - s >= minRun) {
      let text = '';
      for (let k = s; k < e; k++) text += String.fromCharCode(bytes[k]!);
      runs.push({ offset: base + s, text });
    }
    while (e < bytes.length && isPrintable(bytes[e]!)) e++; // the rest of an over-long run
    i = e + 1;
  }
  return runs;
}

export function isPrintable(b: number): boolean {
  return (b >= 0x20 && b <= 0x7e) || b === 0x09;
}
