// The part of a FileReport the cross-file checks (registry.ts FOLDER_CHECKS) read, so a streamed run
// (`--format jsonl`) can drop each report once it is written and still run them at the end: a few
// hundred bytes per file instead of the whole report (its findings, its node tree, every note).
// What each check reads: every check the path; oci-digests the sha256; openvino-weights the size;
// safetensors-index, references, oci, diffusers and coreml-blobs the root node's format (and status) and
// the notes below;
// remote-code a code file's own Python, shell and executable findings (folder/remote-code.ts osUse).
// test/unit/cli-jsonl.test.ts checks that the checks say the same over skeletons as over full reports.
import type { FileReport, JsonValue } from '../types';
import { REMOTE_CODE_NOTE } from './remote-code';

/** Root-node notes a cross-file check reads. */
const NOTES_READ: readonly string[] = [
  'references', 'weightMap', 'weightMapTruncated', 'tensorNames', 'tensorNamesTruncated', 'weightsEnd', REMOTE_CODE_NOTE,
  'blobReferences', 'blobOffsets', 'blobOffsetsTruncated', // coreml-blobs (coreml/folder.ts)
];

/** Findings a cross-file check reads (remote-code: does the code file reach the OS?). */
function findingRead(ruleId: string): boolean {
  return ruleId === 'strings/shell-command' || ruleId === 'strings/python-code' || ruleId.startsWith('executable/');
}

/** Shared by every skeleton with nothing in it: one array, not one per file. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Under 400 bytes of heap for a file with nothing the checks read (its path, size and SHA-256), more only
 * for the files that reference others or that others' notes name (test/bench/jsonl-memory.mjs). */
export function crossFileSkeleton(f: FileReport): FileReport {
  const root = f.nodes[0];
  let notes: Record<string, JsonValue> | undefined;
  for (const key of NOTES_READ) {
    const v = root?.notes?.[key];
    if (v !== undefined) (notes ??= {})[key] = v;
  }
  const findings = f.findings.filter((x) => findingRead(x.ruleId));
  const out: FileReport = {
    path: f.path, size: f.size, format: f.format, status: f.status, complete: f.complete,
    findings: findings.length > 0 ? findings : NONE,
    // The root node only when it carries a note a check reads: every check that looks at a root's format
    // looks at one of those notes too.
    nodes: root && notes ? [{ path: [f.path], format: root.format, size: root.size, status: root.status, notes }] : NONE,
    durationMs: 0,
  };
  if (f.sha256) out.sha256 = f.sha256;
  return out;
}
