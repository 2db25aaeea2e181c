// Storage sizes of PyTorch zip checkpoints against their declarations (CVE-2026-24747 shape). data.pkl
// names each storage with a persistent id ('storage', <storage type>, key, location, numel) and torch
// reads <top>/data/<key> into a storage of numel elements of that type (serialization.py _load,
// load_tensor). torch.save writes exactly numel × element size bytes; a storage declared larger than
// the bytes present makes loaders index past the data they were given.
import type { ScanContext } from '../../types';
import type { ZipEntry } from '../../containers/zip';
import { splitTop } from './layout';
import { elementSize } from './structure';
import type { ZipMain } from './weights';

/** Mismatches reported per checkpoint; the rest are counted in a note. */
const MAX_REPORTED = 20;

export function checkZipStorageSizes(ctx: ScanContext, entries: readonly ZipEntry[], walked: ZipMain): void {
  const members = new Map<string, ZipEntry>();
  for (const e of entries) {
    const s = splitTop(e.name);
    const key = s && s.top === walked.top && !e.isDir ? /^data\/([^/]+)$/.exec(s.rest)?.[1] : undefined;
    if (key !== undefined) members.set(key, e);
  }
  let mismatches = 0;
  for (const ref of walked.main.refs.values()) {
    const e = members.get(ref.key);
    const size = elementSize(ref.type);
    if (!e || size === null || ref.numel === null) continue;
    const declared = ref.numel * size;
    if (declared === e.uncompressedSize) continue;
    if (++mismatches > MAX_REPORTED) continue;
    const over = declared > e.uncompressedSize;
    ctx.report({
      ruleId: 'pytorch/storage-size-mismatch',
      message: `Storage "${ref.key}" (${ref.type}) is declared as ${ref.numel} elements (${declared} bytes) but ${e.name} holds ${e.uncompressedSize} bytes`,
      pointer: e.name,
      ...(over ? { severity: 'critical' as const, severityReason: 'the declaration is larger than the bytes present: loaders index past the storage data (CVE-2026-24747)' } : {}),
    });
  }
  if (mismatches > MAX_REPORTED) ctx.note('storageSizeMismatches', mismatches);
}
