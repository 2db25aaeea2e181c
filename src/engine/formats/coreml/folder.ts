// An ML Program's constants live in the package's weight file (Data/com.apple.CoreML/weights/
// weight.bin), named by BlobFileValue { fileName: "@model_path/weights/weight.bin", offset } where
// the offset is that of a blob_metadata record (coremltools MILBlob StorageReader::GetMetadata).
// When the spec and the weight file are scanned together, every offset the spec names must be one
// the weight file's walk found. A missing weight file is folder/missing-reference: references.ts
// reports it when another file of the spec's folder was scanned; when only the package's
// Manifest.json shows that the package was dropped as a folder, this check does.
import type { FolderCheck } from '../../registry';
import { RULES } from '../../rules';
import type { FileReport, Finding, JsonValue } from '../../types';
import { dirOf, normalizePath, resolveReference } from '../../folder/references';

/** Offsets listed in one finding's evidence. */
const MAX_LISTED = 5;

function blobReferences(f: FileReport): Array<{ path: string; offsets: number[] }> {
  const v = f.nodes[0]?.format === 'coreml' ? f.nodes[0].notes?.blobReferences : undefined;
  if (!Array.isArray(v)) return [];
  const out: Array<{ path: string; offsets: number[] }> = [];
  for (const r of v as JsonValue[]) {
    if (r && typeof r === 'object' && !Array.isArray(r) && typeof r.path === 'string' && Array.isArray(r.offsets)) {
      out.push({ path: r.path, offsets: r.offsets.filter((x): x is number => typeof x === 'number') });
    }
  }
  return out;
}

/** `<pkg>/Data/com.apple.CoreML/model.mlmodel` scanned with `<pkg>/Manifest.json` and nothing else of its folder. */
function droppedAsPackage(spec: FileReport, byPath: Map<string, FileReport>): boolean {
  const dir = dirOf(normalizePath(spec.path));
  const m = /^((?:.*\/)?)Data\/[^/]+\/$/.exec(dir);
  if (!m || !byPath.has(`${m[1]}Manifest.json`)) return false;
  for (const p of byPath.keys()) if (p !== normalizePath(spec.path) && p.startsWith(dir)) return false; // references.ts reports it
  return true;
}

export const coremlBlobsCheck: FolderCheck = {
  id: 'coreml-blobs',
  check(files) {
    const out: ReturnType<FolderCheck['check']> = [];
    const byPath = new Map<string, FileReport>();
    for (const f of files) byPath.set(normalizePath(f.path), f);
    for (const f of files) {
      for (const ref of blobReferences(f)) {
        const target = resolveReference(dirOf(normalizePath(f.path)), ref.path);
        const w = target === null ? undefined : byPath.get(target);
        if (target !== null && !w && droppedAsPackage(f, byPath)) {
          const rule = 'folder/missing-reference' as const;
          out.push({ file: f.path, finding: { ruleId: rule, severity: RULES[rule].severity, location: { path: [f.path] }, evidence: ref.path,
            message: `The package's model needs the weight file "${ref.path}", which is not among the scanned files` } });
          continue;
        }
        const notes = w?.nodes[0]?.format === 'coreml' ? w.nodes[0].notes : undefined;
        if (!w || !notes || !Array.isArray(notes.blobOffsets)) continue; // not scanned, or not a weight file we could read
        const known = new Set(notes.blobOffsets as number[]);
        const complete = notes.blobOffsetsTruncated !== true && w.nodes[0]!.status === 'scanned';
        const bad = ref.offsets.filter((o) => (complete ? !known.has(o) : o >= w.size));
        if (bad.length === 0) continue;
        const rule = 'coreml/bad-blob-reference' as const;
        const finding: Finding = { ruleId: rule, severity: RULES[rule].severity, location: { path: [f.path] },
          evidence: `${ref.path} offsets ${bad.slice(0, MAX_LISTED).join(', ')}${bad.length > MAX_LISTED ? ` and ${bad.length - MAX_LISTED} more` : ''}`,
          message: `${bad.length} ML Program constants point at offsets of ${ref.path} where the weight file has no blob` };
        out.push({ file: f.path, finding });
      }
    }
    return out;
  },
};
