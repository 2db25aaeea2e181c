// R lazy-load databases (.rdb): what installed packages keep their R code and data in
// (tools:::makeLazyLoadDB, R src/main/serialize.c R_lazyLoadDBinsertValue / R_decompress1-3). Each entry
// is a 4-byte big-endian uncompressed length, then either a zlib stream (compress = 1, the default) or
// a type byte and data: 'Z' xz, '2' bzip2, '1' zlib, '0' stored (compress = 2 or 3). Entries sit back to
// back at offsets kept in the .rdx index (itself a gzip-wrapped serialization, scanned on its own), so
// the .rdb alone is walked by finding every entry header; each decoded entry goes back through
// scanChild as an R serialization stream.
import type { OpenContext, OpenedChild, ScanContext } from '../../types';
import { fromBytes } from '../../io/byte-source';
import { inflateRawBounded } from '../../io/inflate';
import type { Budget } from '../../limits';
import { DECODERS } from '../compressed/codecs';
import { Sink } from '../compressed/sink';
import type { RState } from './sniff';
import { entryAt, type EntryHeader } from './sniff';
import { lzma2Length, wrapLzma2 } from './lzma2';

const ENTRY_NAME = /^entry@(\d+)$/;
/** Hint on each decoded entry: the rdata judge treats its functions as package code. */
export const LAZYLOAD_ENTRY_HINT = 'rdata-lazyload-entry';

/** Decodes one entry to exactly its declared length, or says why not. */
async function decodeEntry(bytes: Uint8Array, e: EntryHeader, budget: Budget, checkAborted: () => void): Promise<{ data?: Uint8Array; error?: string; end?: number }> {
  if (e.codec === 'lzma2-raw') {
    const n = lzma2Length(bytes, e.dataAt);
    if (n === null) return { error: 'the raw LZMA2 chunks run past the end of the file' };
    const sink = new Sink(budget, n);
    const r = await DECODERS.xz!(fromBytes(wrapLzma2(bytes.subarray(e.dataAt, e.dataAt + n), e.length)), sink, checkAborted, budget.limits.maxMemberBytes);
    budget.chargeInflated(sink.total);
    const out = sink.bytes();
    if ((r.error || r.unsupported) && out.length < e.length) return { error: r.error ?? r.unsupported };
    if (out.length !== e.length) return { error: `decompresses to ${out.length} bytes, not the ${e.length} it declares` };
    return { data: out, end: e.dataAt + n };
  }
  if (e.codec === 'stored') {
    return e.dataAt + e.length <= bytes.length ? { data: bytes.subarray(e.dataAt, e.dataAt + e.length) } : { error: 'stored entry runs past the end of the file' };
  }
  // Deflate never grows data by more than 5 bytes a 64 KiB stored block (RFC 1951 3.2.4): a bound on
  // the compressed bytes to hand over, so one entry never makes the decoder read the whole file.
  const end = Math.min(bytes.length, e.dataAt + e.length + 5 * Math.ceil(e.length / 65535) + 1024);
  const src = fromBytes(bytes.subarray(e.dataAt, e.codec === 'zlib' ? end : bytes.length));
  let out: Uint8Array;
  if (e.codec === 'zlib') {
    const r = await inflateRawBounded(src, budget, { maxBytes: e.length + 1, checkAborted });
    if (r.error && r.bytes.length < e.length) return { error: r.error };
    out = r.bytes;
  } else {
    const sink = new Sink(budget, src.size);
    const r = await DECODERS[e.codec]!(src, sink, checkAborted, budget.limits.maxMemberBytes);
    budget.chargeInflated(sink.total);
    out = sink.bytes();
    if ((r.error || r.unsupported) && out.length < e.length) return { error: r.error ?? r.unsupported };
  }
  if (out.length !== e.length) return { error: `decompresses to ${out.length} bytes, not the ${e.length} it declares` };
  return { data: out.subarray(0, e.length) };
}

/**
 * Where a decoded entry ends, when that can be known: a zlib stream ends with the Adler-32 of its output
 * (RFC 1950 2.2), found right after the deflate data; a stored entry ends after its bytes. xz and bzip2
 * entries are not delimited here (null): the search for the next entry header goes on byte by byte.
 */
function entryEnd(bytes: Uint8Array, e: EntryHeader, data: Uint8Array): number | null {
  if (e.codec === 'stored') return e.dataAt + e.length;
  if (e.codec !== 'zlib') return null;
  let a = 1, b = 0;
  for (let i = 0; i < data.length; i++) { a = (a + data[i]!) % 65521; b = (b + a) % 65521; }
  const adler = [(b >>> 8) & 0xff, b & 0xff, (a >>> 8) & 0xff, a & 0xff];
  const last = Math.min(bytes.length - 4, e.dataAt + e.length + 5 * Math.ceil(e.length / 65535) + 1024);
  for (let q = e.dataAt + 2; q <= last; q++) {
    if (bytes[q] === adler[0] && bytes[q + 1] === adler[1] && bytes[q + 2] === adler[2] && bytes[q + 3] === adler[3]) return q + 4;
  }
  return null;
}

export async function scanLazyLoadDb(ctx: ScanContext<RState>): Promise<void> {
  const cap = ctx.budget.limits.maxMemberBytes;
  const bytes = await ctx.read(0, Math.min(ctx.source.size, cap));
  let entries = 0, broken = 0, gaps = 0;
  // R writes entries back to back from offset 0. Where the previous entry's end is known, the next must
  // start there: a header that does not decode at that spot is a broken entry. Elsewhere (inside
  // compressed bytes, after an undelimited entry) a header-like run that does not decode is a
  // coincidence and is passed over, while one that decodes is scanned wherever it hides.
  let expected = 0;
  let skipUntil = 0;
  for (let p = 0; p + 6 <= bytes.length; p++) {
    if (p < skipUntil) continue;
    const e = entryAt(bytes, p, cap);
    if (!e) {
      if (p === expected) {
        gaps++;
        ctx.report({ ruleId: 'format/malformed', offset: p, message: `The bytes at ${p} do not start a lazy-load entry where the previous one ends` });
        ctx.limited('bytes between lazy-load entries');
        expected = -1;
      }
      continue;
    }
    ctx.checkAborted();
    if (entries >= ctx.budget.limits.maxMembers) {
      ctx.report({ ruleId: 'scan/limit-reached', offset: p, message: `More than ${ctx.budget.limits.maxMembers} lazy-load entries; the rest were not scanned` });
      ctx.limited('maxMembers lazy-load entries');
      break;
    }
    const r = await decodeEntry(bytes, e, ctx.budget, () => ctx.checkAborted());
    if (!r.data || !(r.data[1] === 0x0a && (r.data[0] === 0x58 || r.data[0] === 0x41 || r.data[0] === 0x42))) {
      if (p === expected) {
        broken++;
        ctx.report({ ruleId: 'format/malformed', offset: p, evidence: `${e.codec}, ${e.length} bytes`,
          message: `The lazy-load entry at byte ${p} could not be read: ${r.error ?? 'it is not an R serialization'}` });
        ctx.limited('a lazy-load entry could not be read');
        expected = -1;
      }
      continue;
    }
    entries++;
    await ctx.scanChild(`entry@${p}`, fromBytes(r.data, `entry@${p}`), LAZYLOAD_ENTRY_HINT);
    const end = r.end ?? entryEnd(bytes, e, r.data);
    if (end !== null) { skipUntil = end; expected = end; } else expected = -1;
  }
  if (expected > bytes.length - 6 && expected < bytes.length && expected >= 0) {
    ctx.report({ ruleId: 'format/malformed', offset: expected, message: `${bytes.length - expected} bytes after the last lazy-load entry are too short to be one` });
    ctx.limited('bytes after the last lazy-load entry');
  }
  ctx.note('entries', entries);
  if (gaps) ctx.note('gaps', gaps);
  if (bytes.length < ctx.source.size) {
    ctx.report({ ruleId: 'scan/limit-reached', offset: bytes.length, message: `Only the first ${bytes.length} bytes of the database were read (maxMemberBytes)` });
    ctx.limited('database larger than maxMemberBytes');
  }
  if (entries === 0 && broken === 0) ctx.limited('no lazy-load entry was read');
}

export async function openBlob(ctx: OpenContext<RState>, name: string): Promise<OpenedChild | null> {
  const m = ENTRY_NAME.exec(name);
  if (!m) return null;
  const p = Number(m[1]);
  const cap = ctx.budget.limits.maxMemberBytes;
  const bytes = await ctx.source.read(0, Math.min(ctx.source.size, cap));
  const e = entryAt(bytes, p, cap);
  if (!e) return null;
  const r = await decodeEntry(bytes, e, ctx.budget, () => {});
  return r.data ? { source: fromBytes(r.data, name), hint: LAZYLOAD_ENTRY_HINT } : null;
}
