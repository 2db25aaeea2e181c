// A pickle that starts inside the decompressed bytes of a compressed constant, not at their byte 0
// (bz2.compress(header + pickle.dumps(x)) kept as bytes). The compressed constant itself is scanned as a
// child by content (the compressed scanner finds a pickle, zip or tar at byte 0); a pickle further in is
// searched for here as it is in a plain bytes constant (embedded.ts), with the file's embedded-pickle
// search bound, the constant's decompressed bytes capped at MAX_NESTED_BYTES and charged to the file's
// inflation budget.
import type { Budget } from '../../limits';
import type { ByteSource } from '../../types';
import { DECODERS } from '../compressed/codecs';
import type { Codec } from '../compressed/sniff';
import { Sink } from '../compressed/sink';
import { embeddedPickleAt, type EmbedSearch } from './embedded';
import { MAX_NESTED_BYTES, pickleStartsAt } from './nested';

/** A Sink that also stops at `cap` (a nested constant's bound), whatever the file's own caps allow. */
class CappedSink extends Sink {
  constructor(budget: Budget, compressedSize: number, private readonly cap: number) { super(budget, compressedSize); }

  override push(chunk: Uint8Array): boolean {
    const room = this.cap - this.total;
    if (chunk.length <= room) return super.push(chunk);
    if (room > 0) super.push(chunk.subarray(0, room));
    this.cut ??= 'member-cap';
    return false;
  }
}

export interface InflatedHit { bytes: Uint8Array; at: number }

/**
 * Decompresses `input` (a `codec` stream) up to MAX_NESTED_BYTES and searches it for a pickle that starts
 * past byte 0. `cut` says the output went on past what was searched (the caller reports the file incomplete).
 */
export async function inflatedPickleAt(codec: string, input: ByteSource, budget: Budget, search: EmbedSearch,
  checkAborted: () => void): Promise<{ hit: InflatedHit | null; cut: boolean }> {
  const decode = DECODERS[codec as Codec];
  if (!decode) return { hit: null, cut: false };
  const sink = new CappedSink(budget, input.size, MAX_NESTED_BYTES);
  await decode(input, sink, checkAborted, budget.limits.maxMemberBytes);
  budget.chargeInflated(sink.total);
  if (sink.total === 0) return { hit: null, cut: false };
  const bytes = sink.bytes();
  // A pickle at byte 0 is the child scan's (its own constants and trailing bytes are searched there).
  if (pickleStartsAt(bytes, 0)) return { hit: null, cut: false };
  const at = embeddedPickleAt(bytes, search);
  return { hit: at === null ? null : { bytes, at }, cut: sink.full };
}
