// Zip members compressed with a method whose data is, or becomes with a header, a stream the compressed
// scanner reads on its own (APPNOTE 4.4.5): bzip2 (12) and XZ (95) hold a whole .bz2 / .xz stream,
// Zstandard (93) a zstd frame, and LZMA (14) the raw LZMA data after a 4-byte version/size prefix and the
// 5 properties bytes (APPNOTE 5.8.8), which become an LZMA-alone stream with its 13-byte header. Python's
// zipfile writes bzip2 and LZMA members (numpy .npz, Keras .keras and joblib archives may hold them), so the
// member is decoded with the compressed scanner's codecs, under the same caps as an inflated member, and
// scanned under its own name (a .keras config.json keeps its hint) instead of being skipped.
import type { ByteSource } from '../../types';
import type { Budget } from '../../limits';
import type { InflateCut } from '../../io/inflate';
import { windowOf } from '../../io/byte-source';
import { sniffCompressed, type Codec } from '../compressed/sniff';
import { memberData, type ZipEntry } from '../../containers/zip';

/** Methods handed to the compressed scanner, and the codec its sniff must find in the member's first bytes. */
const WRAPPED: ReadonlyMap<number, Codec> = new Map([[12, 'bz2'], [14, 'lzma'], [93, 'zstd'], [95, 'xz']]);
/** Bytes of a member's head the codec is sniffed from (each codec's magic or header is within a few). */
const SNIFF_BYTES = 64;
/** APPNOTE 4.4.4 bit 1 with method 14: the LZMA data ends with an end-of-stream marker. */
const LZMA_EOS_FLAG = 0x02;

/** `head`, then `rest`, as one source (an LZMA-alone header before a member's raw LZMA data). */
function prefixed(head: Uint8Array, rest: ByteSource, name: string): ByteSource {
  const source: ByteSource = {
    name, size: head.length + rest.size,
    async read(offset, length) {
      const s = Math.max(0, Math.min(offset, source.size)), e = Math.min(source.size, s + Math.max(0, length));
      if (e <= s) return new Uint8Array(0);
      if (e <= head.length) return head.subarray(s, e);
      const tail = await rest.read(Math.max(0, s - head.length), e - Math.max(s, head.length));
      if (s >= head.length) return tail;
      const out = new Uint8Array(head.length - s + tail.length);
      out.set(head.subarray(s));
      out.set(tail, head.length - s);
      return out;
    },
    slice: (s, e, n) => windowOf(source, s, e, n),
  };
  return source;
}

/**
 * The member's data as a stream the compressed scanner recognises, or null when its method is not one of
 * these or its first bytes are not that codec's (then it stays an unsupported method).
 */
async function wrappedStream(source: ByteSource, entry: ZipEntry, name: string): Promise<ByteSource | null> {
  const codec = WRAPPED.get(entry.method);
  if (!codec || entry.encrypted) return null;
  let data = memberData(source, entry);
  if (entry.method === 14) {
    const h = await data.read(0, 9);
    const propsSize = h.length === 9 ? h[2]! | (h[3]! << 8) : 0;
    if (propsSize !== 5) return null;
    const size = new Uint8Array(8).fill(0xff);
    if (!(entry.flags & LZMA_EOS_FLAG)) new DataView(size.buffer).setBigUint64(0, BigInt(entry.uncompressedSize), true);
    const header = new Uint8Array(13);
    header.set(h.subarray(4, 9));
    header.set(size, 5);
    data = prefixed(header, data.slice(9, data.size), name);
  }
  const head = await data.read(0, SNIFF_BYTES);
  const found = sniffCompressed({ bytes: head, size: data.size, name, ext: '' })?.state?.codec;
  return found === codec ? data : null;
}

/** A wrapped member's decoded bytes: `cut` where a cap stopped the decoder, `error` for corrupt data. */
export interface WrappedBytes { bytes: Uint8Array; codec: Codec; cut?: InflateCut; error?: string }

/**
 * Decodes a bzip2, LZMA, Zstandard or XZ member under the budget's caps (the compressed scanner's Sink:
 * ratio, member and the file's inflation total, charged); null when the member is not one of these.
 * The codecs load on first use, out of the CLI's core chunk (vite.cli.config.ts).
 */
export async function decodeWrapped(source: ByteSource, entry: ZipEntry, budget: Budget, checkAborted: () => void): Promise<WrappedBytes | null> {
  const data = await wrappedStream(source, entry, entry.name);
  const codec = WRAPPED.get(entry.method);
  if (!data || !codec) return null;
  const [{ DECODERS }, { Sink }] = await Promise.all([import('../compressed/codecs'), import('../compressed/sink')]);
  const decode = DECODERS[codec];
  if (!decode) return null;
  const sink = new Sink(budget, data.size);
  const res = await decode(data, sink, checkAborted, budget.limits.maxMemberBytes);
  budget.chargeInflated(sink.total);
  const error = res.error ?? res.unsupported ?? res.windowTooLarge?.message;
  return { bytes: sink.bytes(), codec, ...(sink.cut ? { cut: sink.cut } : {}), ...(error !== undefined ? { error } : {}) };
}
