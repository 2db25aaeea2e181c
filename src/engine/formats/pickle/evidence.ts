// The opcode window shown with a finding: a small ring of the last ops (no op is kept beyond it, so
// memory stays flat on a 300 MB pickle), rendered as 'offset: OPNAME arg' lines.
import { PICKLE_OPS } from './opcodes';
import type { OpArg } from './disasm';

/** Ops remembered for evidence windows (a power of two). */
const RING = 16;
export const RING_MASK = RING - 1;
/** Ops shown before and after the flagged one. */
export const WINDOW_BEFORE = 5;
export const WINDOW_AFTER = 3;

function argText(a: OpArg, a2: string | null): string {
  if (a2 !== null) return `${String(a)} ${a2}`;
  if (a === null) return '';
  if (typeof a === 'string') {
    const s = a.length > 60 ? a.slice(0, 60) + '…' : a;
    return `'${s.replace(/\n/g, '\\n')}'`;
  }
  if (a instanceof Uint8Array) {
    let s = '';
    for (let i = 0; i < Math.min(a.length, 24); i++) s += a[i]!.toString(16).padStart(2, '0');
    return `0x${s}${a.length > 24 ? '…' : ''}`;
  }
  return String(a);
}

export class OpRing {
  // Written directly by the machine's fast path (fast.ts), which inlines push(). One store per op:
  // offset × 256 + opcode (exact below 2^53, so for offsets up to 32 TiB).
  readonly at = new Float64Array(RING);
  readonly arg: OpArg[] = new Array<OpArg>(RING).fill(null);
  readonly arg2: Array<string | null> = new Array<string | null>(RING).fill(null);
  /** Ops recorded so far (index of the next op). */
  count = 0;

  push(off: number, code: number, arg: OpArg, arg2: string | null): void {
    const i = this.count++ & RING_MASK;
    this.at[i] = off * 256 + code; this.arg[i] = arg; this.arg2[i] = arg2;
  }

  /** Lines for ops [from, to) by index, those still in the ring. */
  lines(from: number, to: number, mark: number): string[] {
    const out: string[] = [];
    for (let k = Math.max(from, this.count - RING, 0); k < Math.min(to, this.count); k++) {
      const i = k & (RING - 1);
      // The arg slots of ops without an argument are stale (the fast path does not clear them), and
      // arg2 is only meaningful for GLOBAL/INST.
      const at = this.at[i]!, code = at % 256, info = PICKLE_OPS[code]!;
      const kind = info.arg;
      const a = kind === 'none' ? '' : ` ${argText(this.arg[i]!, kind === 'stringnl_noescape_pair' ? this.arg2[i]! : null)}`;
      out.push(`${k === mark ? '>' : ' '}${(at - code) / 256}: ${info.name}${a}`);
    }
    return out;
  }
}
