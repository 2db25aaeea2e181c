// Where every decoder writes: output is kept up to one cap (the lowest of the ratio, member and
// per-file inflation limits, the same caps as io/inflate.ts) and the decoder is told to stop there.
import type { Budget } from '../../limits';
import type { ByteSource } from '../../types';
import { fromChunks } from '../../io/byte-source';
import { RATIO_FLOOR_BYTES, type InflateCut } from '../../io/inflate';

export class Sink {
  readonly limit: number;
  readonly limitReason: InflateCut;
  private chunks: Uint8Array[] = [];
  total = 0;
  cut?: InflateCut;

  constructor(budget: Budget, compressedSize: number) {
    const { maxMemberBytes, maxCompressionRatio } = budget.limits;
    const caps: Array<[number, InflateCut]> = [
      [Math.max(RATIO_FLOOR_BYTES, maxCompressionRatio * Math.max(1, compressedSize)), 'ratio'],
      [maxMemberBytes, 'member-cap'],
      [budget.inflatedRemaining, 'budget'],
    ];
    [this.limit, this.limitReason] = caps.reduce((a, b) => (b[0] < a[0] ? b : a));
  }

  /**
   * Keeps what fits (by reference: every decoder hands over fresh arrays); returns false once the cap
   * is reached (the decoder should stop).
   */
  push(chunk: Uint8Array): boolean {
    if (this.cut) return false;
    const room = this.limit - this.total;
    const keep = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (keep.length) { this.chunks.push(keep); this.total += keep.length; }
    if (chunk.length > room) this.cut = this.limitReason;
    return !this.cut;
  }

  /** A decoder that bounds itself by `limit` reports that it had more to give. */
  overflowed(): void { this.cut ??= this.limitReason; }

  get full(): boolean { return this.cut !== undefined; }

  /** The output as a source, without copying it into one buffer. */
  source(name: string): ByteSource {
    return fromChunks(this.chunks, name);
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) { out.set(c, at); at += c.length; }
    this.chunks = [out];
    return out;
  }
}

/** Thrown inside synchronous decoders to stop them at the cap. */
export class SinkFull extends Error {}
