// A pickle that starts inside the decompressed bytes of a compressed constant, not at their byte 0
// (bz2.compress(header + pickle.dumps(x)) kept as bytes). The compressed constant itself is scanned as a
// child by content (the compressed scanner finds a pickle, zip or tar at byte 0); a pickle further in is
// searched for here as it is in a plain bytes constant (embedded.ts), with the file's embedded-pickle
// search bound. The constant is decompressed again under the same caps as that child (Sink: ratio,
// member and the file's inflation budget, charged), one constant at a time, after its child scan.
import type { Budget } from '../../limits';
import type { ByteSource } from '../../types';
import { DECODERS } from '../compressed/codecs';
import type { Codec } from '../compressed/sniff';
import { Sink } from '../compressed/sink';
import { embeddedPickleAt, type EmbedSearch } from './embedded';
import { pickleStartsAt } from './nested';

export interface InflatedHit { bytes: Uint8Array; at: number }

/**
 * Decompresses `input` (a `codec` stream) and searches it for a pickle that starts past byte 0. `cut`
 * says the output went on past what the caps allowed, so past what was searched (the caller reports
 * the file incomplete).
 */
export async function inflatedPickleAt(codec: string, input: ByteSource, budget: Budget, search: EmbedSearch,
  checkAborted: () => void): Promise<{ hit: InflatedHit | null; cut: boolean }> {
  const decode = DECODERS[codec as Codec];
  if (!decode) return { hit: null, cut: false };
  const sink = new Sink(budget, input.size);
  await decode(input, sink, checkAborted, budget.limits.maxMemberBytes);
  budget.chargeInflated(sink.total);
  if (sink.total === 0) return { hit: null, cut: false };
  const bytes = sink.bytes();
  // A pickle at byte 0 is the child scan's (its own constants and trailing bytes are searched there).
  if (pickleStartsAt(bytes, 0)) return { hit: null, cut: false };
  const at = embeddedPickleAt(bytes, search);
  return { hit: at === null ? null : { bytes, at }, cut: sink.full };
}
