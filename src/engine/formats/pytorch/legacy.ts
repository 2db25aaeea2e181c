// PyTorch legacy checkpoints (torch.save with _use_new_zipfile_serialization=False, and every save
// before 1.6). torch/serialization.py _legacy_save writes five pickles back to back: the magic number,
// the protocol version (1001), sys_info, the object (storages as persistent ids), the sorted storage
// keys; then for each key a u64 little-endian element count and count x element-size raw bytes
// (THPStorage writeFileRaw). Every pickle goes to the pickle scanner; the storages are stepped over by
// their sizes and never read; bytes after the last storage are nobody's and are scanned as such.
import { FormatError, type OpenContext, type OpenedChild, type ScanContext } from '../../types';
import { byteRangeName, offsetInName, openByteRange } from '../child-names';
import { readExact } from '../../io/byte-source';
import { Reader } from '../../io/reader';
import { hex } from '../../io/text';
import { countedSource } from '../zip/members';
import { findPickleEnd } from '../pickle/disasm';
import { LEGACY_MAGIC, type LegacyState } from './sniff';
import { MAX_STRUCTURE_OPS, elementSize, intPickle, mainPickle, storageKeys } from './structure';
import { torchLegacyWeightStats } from './weights';
import type { StorageSpan } from '../../stats/formats';

const PICKLES = ['magic number', 'protocol version', 'sys_info', 'main', 'storage keys'] as const;
/** torch/serialization.py PROTOCOL_VERSION. */
const PROTOCOL_VERSION = 1001;
/** Bytes of the first pickle shown as evidence when it is not the literal magic. */
const EVIDENCE_BYTES = 48;

export async function scanTorchLegacy(ctx: ScanContext<LegacyState>): Promise<void> {
  const src = countedSource(ctx);
  const size = ctx.source.size;
  ctx.note('format', 'pytorch-legacy');
  const spans: Array<[number, number]> = [];
  let pos = 0;
  for (let i = 0; i < PICKLES.length; i++) {
    ctx.checkAborted();
    if (pos >= size) throw new FormatError(`the file ends after ${i} pickles; a legacy checkpoint has ${PICKLES.length} before its storages`, pos);
    const end = await findPickleEnd(src, pos, { maxOps: MAX_STRUCTURE_OPS });
    const name = `pickle#${i}@${pos}`;
    if (end === null) {
      // Whatever the break, the pickle scanner sees the bytes: a call before it is still reported.
      await ctx.scanChild(name, ctx.source.slice(pos, size), 'pickle');
      throw new FormatError(`the ${PICKLES[i]} pickle at offset ${pos} has no valid end`, pos);
    }
    await ctx.scanChild(name, ctx.source.slice(pos, end), 'pickle');
    spans.push([pos, end]);
    pos = end;
  }

  const [magic, version, , main, keys] = spans as [[number, number], [number, number], [number, number], [number, number], [number, number]];
  const magicValue = await intPickle(src, magic[0], magic[1]);
  if (magicValue === null || BigInt(magicValue) !== LEGACY_MAGIC) {
    const head = await readExact(src, 0, Math.min(EVIDENCE_BYTES, magic[1]));
    ctx.report({ ruleId: 'pytorch/legacy-magic-not-literal',
      message: `The first pickle (the legacy magic number) is not the constant torch writes; loading runs it as code (${magic[1]} bytes)`,
      offset: 0, pointer: 'pickle#0@0', evidence: hex(head, EVIDENCE_BYTES) });
  }
  const protocol = await intPickle(src, version[0], version[1]);
  ctx.note('protocolVersion', protocol === null ? null : Number(protocol));
  if (protocol !== null && Number(protocol) !== PROTOCOL_VERSION) ctx.note('unexpectedProtocolVersion', true);

  const walked = await mainPickle(src, main[0], main[1], ctx.checkAborted);
  const order = await storageKeys(src, keys[0], keys[1]);
  if (!walked || !order) {
    return unknownStorages(ctx, pos, walked ? 'the storage keys pickle is not a list of strings' : 'the main pickle\'s storage references could not be read');
  }

  let storageBytes = 0;
  const storageSpans = new Map<string, StorageSpan>();
  for (const key of order) {
    ctx.checkAborted();
    const ref = walked.refs.get(key);
    const itemSize = ref ? elementSize(ref.type) : null;
    if (!ref || itemSize === null) {
      return unknownStorages(ctx, pos, ref ? `storage "${key}" has type ${ref.type || '(not a global)'}, whose element size is unknown`
        : `storage key "${key}" is not referenced by the main pickle`);
    }
    if (pos + 8 > size) throw new FormatError(`storage "${key}" has no element count: the file ends at ${size}`, pos);
    const count = new Reader(await readExact(src, pos, 8), pos).u64le();
    const bytes = count * itemSize;
    if (!Number.isFinite(bytes) || pos + 8 + bytes > size) {
      throw new FormatError(`storage "${key}" declares ${count} elements of ${itemSize} bytes, past the end of the file`, pos);
    }
    if (ref.numel !== null && ref.numel !== count) {
      ctx.report({ ruleId: 'pytorch/storage-size-mismatch',
        message: `Storage "${key}" (${ref.type}) holds ${count} elements but the main pickle declares ${ref.numel}`, offset: pos, pointer: key,
        ...(ref.numel > count ? { severity: 'critical' as const, severityReason: 'the declaration is larger than the elements present: loaders index past the storage data (CVE-2026-24747)' } : {}) });
    }
    storageBytes += bytes;
    storageSpans.set(key, { offset: pos + 8, bytes });
    pos += 8 + bytes;
  }
  ctx.note('storages', order.length);
  ctx.note('storageBytes', storageBytes);

  if (pos < size) {
    ctx.report({ ruleId: 'pytorch/trailing-data',
      message: `${size - pos} bytes follow the last storage; torch.load never reads them`, offset: pos });
    await ctx.scanChild(byteRangeName(pos, size), ctx.source.slice(pos, size));
  }
  // Weight statistics after the security checks; legacy storages are written little-endian on every
  // platform torch ships for (sys_info's little_endian), which is what is assumed here.
  await torchLegacyWeightStats(ctx, walked.root, storageSpans, true);
}

/** The storages cannot be stepped over: say so, and scan the rest as unknown content rather than skip it. */
async function unknownStorages(ctx: ScanContext, pos: number, why: string): Promise<void> {
  ctx.report({ ruleId: 'pytorch/unknown-storage-layout',
    message: `The raw storages after offset ${pos} cannot be delimited: ${why}; the rest of the file was scanned as unknown content`, offset: pos });
  ctx.limited('legacy storages not delimited');
  if (pos < ctx.source.size) await ctx.scanChild(byteRangeName(pos, ctx.source.size), ctx.source.slice(pos, ctx.source.size));
}

/** Scanner.open for legacy checkpoints: `pickle#n@offset` (to its STOP) and `[bytes a-b]` children. */
export async function openTorchLegacyChild(ctx: OpenContext, name: string): Promise<OpenedChild | null> {
  const range = openByteRange(ctx.source, name);
  if (range) return range;
  const pos = offsetInName(name, /pickle#\d+/);
  if (pos === null || pos >= ctx.source.size) return null;
  const end = await findPickleEnd(ctx.source, pos, { maxOps: MAX_STRUCTURE_OPS });
  return { source: ctx.source.slice(pos, end ?? ctx.source.size), hint: 'pickle' };
}
