// Weight statistics for PyTorch checkpoints (issue 6), run by the zip and legacy scanners after their
// security checks. Both the main pickle (which says which tensors exist) and the raw storages (their
// bytes) are in the checkpoint node's own source, so the statistics read the storages straight from
// ctx.source: a stored zip member's data is a plain byte range of the archive, and a legacy storage
// is a byte range after its 8-byte element count. No child node is made for them (storages are never
// scanned as content; see zip.ts).
import { FormatError, type ScanContext } from '../../types';
import { METHOD_STORED, readMember, type ZipEntry } from '../../containers/zip';
import { fromBytes } from '../../io/byte-source';
import { utf8 } from '../../io/text';
import { torchWeightStats, type StorageSpan } from '../../stats/formats';
import { countedSource } from '../zip/members';
import { splitTop } from './layout';
import { tensorsOf } from './tensors';
import { mainPickle, type MainPickle } from './structure';
import type { V } from './pickle-walk';

/** data.pkl read into memory for the tensor walk: a 100k-tensor state dict's pickle is ~20 MB. */
export const MAX_DATA_PKL_BYTES = 64 * 1024 * 1024;

/**
 * The single data.pkl of a PyTorch zip, read into memory and walked once (structure.ts mainPickle):
 * its storage references feed the size check (storages.ts) and its value the weight statistics.
 * Null when there is none, several (no unambiguous storage map), or it cannot be read or walked.
 */
export interface ZipMain { top: string; main: MainPickle }

export async function walkZipMain(ctx: ScanContext, entries: readonly ZipEntry[]): Promise<ZipMain | null> {
  const pkls = entries.filter((e) => !e.isDir && splitTop(e.name)?.rest === 'data.pkl');
  if (pkls.length !== 1) return null;
  const pkl = pkls[0]!;
  if (pkl.encrypted || pkl.uncompressedSize > MAX_DATA_PKL_BYTES) return null;
  try {
    const data = await readMember(countedSource(ctx), pkl, ctx.budget, { maxBytes: MAX_DATA_PKL_BYTES, checkAborted: ctx.checkAborted });
    if (data.cut || data.error !== undefined) return null;
    const main = await mainPickle(fromBytes(data.bytes, pkl.name), 0, data.bytes.length, ctx.checkAborted);
    return main ? { top: splitTop(pkl.name)!.top, main } : null;
  } catch (e) {
    // The member scan reports a malformed data.pkl; these structural reads step aside.
    if (e instanceof FormatError) return null;
    throw e;
  }
}

/** PyTorch zip: <top>/data.pkl names the tensors; <top>/data/<key> (stored, torch never compresses) holds each storage. */
export async function torchZipWeightStats(ctx: ScanContext, entries: readonly ZipEntry[], walked: ZipMain | null): Promise<void> {
  if (ctx.options.weightStats === false) return;
  if (!walked) { ctx.note('weightStatsSkipped', 'data.pkl not modelled'); return; }
  const top = walked.top;
  const storages = new Map<string, StorageSpan>();
  let byteorder: ZipEntry | undefined;
  for (const e of entries) {
    const s = splitTop(e.name);
    if (!s || s.top !== top || e.isDir) continue;
    if (s.rest === 'byteorder') byteorder = e;
    const key = /^data\/([^/]+)$/.exec(s.rest)?.[1];
    // Only stored, unencrypted members are byte ranges of the archive; torch writes nothing else.
    if (key !== undefined && e.method === METHOD_STORED && !e.encrypted && e.dataOffset !== null && e.compressedSize === e.uncompressedSize) {
      storages.set(key, { offset: e.dataOffset, bytes: e.uncompressedSize });
    }
  }
  try {
    // torch writes 'little' or 'big' (serialization.py _save); files without the record are little-endian.
    let little = true;
    if (byteorder && byteorder.uncompressedSize <= 16) {
      const b = await readMember(countedSource(ctx), byteorder, ctx.budget, { maxBytes: 16 });
      little = utf8(b.bytes).trim() !== 'big';
    }
    await torchWeightStats(ctx, tensorsOf(walked.main.root), (key) => storages.get(key) ?? null, little);
  } catch (e) {
    // The statistics only hint, so they step aside.
    if (e instanceof FormatError) return;
    throw e;
  }
}

/**
 * PyTorch legacy: `root` is the main pickle's value as legacy.ts walked it (for its storage ids; a
 * pickle it could not walk has no delimited storages and never gets here); `storages` are the spans
 * legacy.ts delimited.
 */
export async function torchLegacyWeightStats(ctx: ScanContext<unknown>, root: V,
  storages: ReadonlyMap<string, StorageSpan>, littleEndian: boolean): Promise<void> {
  if (ctx.options.weightStats === false) return;
  try {
    await torchWeightStats(ctx, tensorsOf(root), (key) => storages.get(key) ?? null, littleEndian);
  } catch (e) {
    if (e instanceof FormatError) return;
    throw e;
  }
}
