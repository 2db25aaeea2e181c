// Digest verification across a dropped image folder. The CLI and the worker hash every file
// (FileReport.sha256); a blob stored as blobs/<alg>/<hex> must hash to its own name, and a file a
// manifest names with a digest (a docker-save <hex>.json config) to that digest (image-spec
// descriptor.md, "Verification"). Missing blobs are the generic references check's (folder/references.ts).
import type { FolderCheck } from '../../registry';
import { RULES } from '../../rules';
import type { FileReport, Finding } from '../../types';
import { dirOf, normalizePath, resolveReference } from '../../folder/references';
import { BLOB_PATH, parseDigest } from './parse';

type Result = ReturnType<FolderCheck['check']>[number];

function mismatch(f: FileReport, expected: string, why: string): Result {
  const rule = 'oci/digest-mismatch' as const;
  const finding: Finding = { ruleId: rule, severity: RULES[rule].severity, location: { path: [f.path] },
    message: `"${f.path}" hashes to sha256:${f.sha256!.slice(0, 16)}…, not to ${expected} ${why}`, evidence: `sha256:${f.sha256}` };
  return { file: f.path, finding };
}

export const ociDigestCheck: FolderCheck = {
  id: 'oci-digests',
  check(files) {
    const out: Result[] = [];
    const byPath = new Map<string, FileReport>();
    for (const f of files) byPath.set(normalizePath(f.path), f);
    const checked = new Set<FileReport>();
    // Blobs named by their digest. Only sha256 can be compared: that is the hash the scan computes.
    for (const [p, f] of byPath) {
      const b = BLOB_PATH.exec(p);
      if (!b || b[1] !== 'sha256' || !f.sha256) continue;
      checked.add(f);
      if (f.sha256 !== b[2]) out.push(mismatch(f, `the digest in its name`, '(tampered or corrupt blob)'));
    }
    // Files a manifest names with a digest: docker-save configs (<hex>.json), blobs named elsewhere.
    for (const f of files) {
      const refs = f.nodes[0]?.format === 'oci' ? f.nodes[0].notes?.references : undefined;
      if (!Array.isArray(refs)) continue;
      const dir = dirOf(normalizePath(f.path));
      for (const r of refs) {
        if (!r || typeof r !== 'object' || Array.isArray(r) || typeof r.path !== 'string' || typeof r.digest !== 'string') continue;
        const target = resolveReference(dir, r.path);
        const hit = target === null ? undefined : byPath.get(target);
        const d = parseDigest(r.digest);
        if (!hit?.sha256 || checked.has(hit) || d?.algorithm !== 'sha256') continue;
        checked.add(hit);
        if (hit.sha256 !== d.encoded) out.push(mismatch(hit, r.digest, `as ${normalizePath(f.path).slice(dir.length)} says`));
      }
    }
    return out;
  },
};
