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
import { NPY_MAGIC } from '../numpy/parse';
import { MAGIC_OFFSET, MAGIC_USTAR } from '../tar/sniff';
import { embeddedPickleAt, type EmbedSearch } from './embedded';
import { compressedMagic, pickleStartsAt } from './nested';

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
  // Content a format scanner reads whole is the child scan's: a pickle at byte 0 (its own constants and
  // trailing bytes are searched there), a zip or tar (torch.save into a BytesIO: its data.pkl sits at an
  // offset and is judged as the member it is), an .npy (its object array's pickle follows the header),
  // another compressed stream (decompressed in turn by the child).
  if (readWhole(bytes)) return { hit: null, cut: false };
  const at = embeddedPickleAt(bytes, search);
  return { hit: at === null ? null : { bytes, at }, cut: sink.full };
}

/** Whether the decompressed bytes are a format whose scanner reads them whole (see inflatedPickleAt). */
function readWhole(b: Uint8Array): boolean {
  const at = (sig: number[], off = 0) => sig.every((x, i) => b[off + i] === x);
  return pickleStartsAt(b, 0) || (b[0] === 0x50 && b[1] === 0x4b) || at(NPY_MAGIC) || at(MAGIC_USTAR, MAGIC_OFFSET) || compressedMagic(b);
}
