// An archive is a folder in a file: a zipped .mlpackage, a tarred Hugging Face repository, a 7z of an
// OpenVINO model. The cross-file checks (registry.ts FOLDER_CHECKS) judge files scanned together; here
// they also judge the members of each plain archive together, as if the archive had been unpacked and
// its folder dropped. This runs when the archive's own report is assembled (report.ts fileReport), so it
// needs nothing from other files and a streamed run (jsonl, skeletons) gets the same findings.
import type { FileReport, Finding, JsonValue, NodeReport } from '../types';
import type { FolderCheck } from './checks';
import { statusOf } from '../report';

/** Formats that are only containers of files (not a model format that happens to be a zip, like torch). */
const FOLDER_ARCHIVES: ReadonlySet<string> = new Set(['zip', 'tar', 'sevenzip', 'rar']);
/** An archive with more members than this is not checked as a folder (the checks are linear, the
 * re-rooting is not free); the members are still scanned one by one, as before. */
export const MAX_FOLDER_ARCHIVE_MEMBERS = 20_000;
/** Nor one whose member names add up to more than this many characters: 20,000 real members are named
 * in ~2 MB, and every check walks every name (1,117 members named with 60 KB each made them take 30 s). */
export const MAX_FOLDER_ARCHIVE_NAME_CHARS = 8 * 1024 * 1024;

const keyOf = (path: readonly string[]): string => path.join('\u0000');

/** Each member of `archive` as the report of a file named by its member path, its subtree re-rooted.
 * `children` maps a node's path key to its child nodes; `found` maps a node's path key to its findings. */
function memberReports(archive: NodeReport, children: Map<string, NodeReport[]>, found: Map<string, Finding[]>): FileReport[] {
  const depth = archive.path.length;
  const reroot = (p: readonly string[]) => p.slice(depth);
  return (children.get(keyOf(archive.path)) ?? []).map((member) => {
    const own: NodeReport[] = [];
    const mine: Finding[] = [];
    for (const stack = [member]; stack.length > 0;) {
      const n = stack.pop()!;
      own.push({ ...n, path: reroot(n.path) });
      for (const f of found.get(keyOf(n.path)) ?? []) mine.push({ ...f, location: { ...f.location, path: reroot(f.location.path) } });
      stack.push(...(children.get(keyOf(n.path)) ?? []));
    }
    const complete = own.every((n) => n.status === 'scanned');
    return { path: member.path[depth]!, size: member.size, format: member.format, status: statusOf(complete, mine), complete,
      findings: mine, nodes: own, durationMs: 0 };
  });
}

/**
 * Runs `checks` over the members of every plain archive in one file's node tree. Returns the findings
 * to add (their locations pointing into the archive) and the notes to set on member nodes.
 */
export function archiveFolderResults(nodes: readonly NodeReport[], findings: readonly Finding[], checks: readonly FolderCheck[]):
  { findings: Finding[]; notes: Array<{ node: readonly string[]; key: string; value: JsonValue }> } {
  const out: ReturnType<typeof archiveFolderResults> = { findings: [], notes: [] };
  if (!nodes.some((n) => FOLDER_ARCHIVES.has(n.format))) return out;
  const children = new Map<string, NodeReport[]>();
  for (const n of nodes) {
    const parent = keyOf(n.path.slice(0, -1));
    const list = children.get(parent);
    if (list) list.push(n); else children.set(parent, [n]);
  }
  const found = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = keyOf(f.location.path);
    const list = found.get(k);
    if (list) list.push(f); else found.set(k, [f]);
  }
  for (const archive of nodes) {
    if (!FOLDER_ARCHIVES.has(archive.format)) continue;
    const members = children.get(keyOf(archive.path)) ?? [];
    if (members.length < 2 || members.length > MAX_FOLDER_ARCHIVE_MEMBERS) continue;
    let chars = 0;
    for (const m of members) chars += m.path[m.path.length - 1]!.length;
    if (chars > MAX_FOLDER_ARCHIVE_NAME_CHARS) continue;
    const files = memberReports(archive, children, found);
    for (const r of checks.flatMap((c) => c.check(files))) {
      if ('finding' in r) {
        out.findings.push({ ...r.finding, location: { ...r.finding.location, path: [...archive.path, ...r.finding.location.path] } });
      } else {
        out.notes.push({ node: [...archive.path, r.file], key: r.note.key, value: r.note.value });
      }
    }
  }
  return out;
}
