// Cross-references of a dropped folder: scanners record what a file loads from beside it as
// ctx.note('references', [{ path, kind }]) on the file's root node (path relative to the file's own
// folder: ONNX external data, SavedModel variables, image layers named by an OCI index or a
// docker-save manifest.json, ...). This check resolves them against the files scanned together:
// each referencing file gets a `referencesResolved` note, each referenced file a `referencedBy` note,
// and a reference to a file that was not scanned is a finding, because whatever fills that gap later
// was never checked. A reference that leaves the folder (absolute, climbing above the scan's root) is
// the referencing scanner's business: it is judged there, and skipped here.
import type { FolderCheck } from '../registry';
import { RULES } from '../rules';
import type { FileReport, Finding, JsonValue } from '../types';

/** References resolved and noted per file, and missing pieces reported per file: bounds the report. */
const MAX_REFERENCES_PER_FILE = 1000;
const MAX_MISSING_REPORTED = 50;
/** Files named in one `referencedBy` note. */
const MAX_REFERRERS_NOTED = 100;

export interface Reference { path: string; kind: string }

/** Forward slashes, no empty or "." segments. */
export function normalizePath(path: string): string {
  // Most paths are normal already: one linear test instead of splitting a name of 30,000 segments.
  if (!NOT_NORMAL.test(path)) return path;
  return path.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.').join('/');
}
/** A backslash, an empty segment ('//', leading or trailing '/') or a '.' segment. */
const NOT_NORMAL = /\\|\/\/|^\/|\/$|(?:^|\/)\.(?:\/|$)/;

/** The folder part of a normalized path, with its trailing slash ('' at the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** A reference that is absolute (`/`, `\\`, a UNC path, a drive letter), holds a NUL or has a `..` segment. */
export function escapesFolder(file: string): boolean {
  if (file.startsWith('/') || file.startsWith('\\') || /^[A-Za-z]:/.test(file) || file.includes('\u0000')) return true;
  return file.split(/[\\/]/).some((seg) => seg === '..');
}

/** `rel` against folder `dir`, ".." applied; null when it is absolute or climbs above the root. */
export function resolveReference(dir: string, rel: string): string | null {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[A-Za-z]:/.test(r) || /^[a-z][a-z0-9+.-]*:\/\//i.test(r)) return null;
  const out = dir.split('/').filter((s) => s !== '');
  for (const seg of r.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.length ? out.join('/') : null;
}

/** The references a scanner noted on a file's root node (malformed entries ignored). */
export function referencesOf(f: FileReport): Reference[] {
  const v = f.nodes[0]?.notes?.references;
  if (!Array.isArray(v)) return [];
  const out: Reference[] = [];
  for (const r of v) {
    if (r && typeof r === 'object' && !Array.isArray(r) && typeof r.path === 'string') {
      out.push({ path: r.path, kind: typeof r.kind === 'string' ? r.kind : 'file' });
    }
  }
  return out;
}

type Result = ReturnType<FolderCheck['check']>[number];

function missing(file: string, message: string, evidence: string): Result {
  const rule = 'folder/missing-reference' as const;
  const finding: Finding = { ruleId: rule, severity: RULES[rule].severity, message, location: { path: [file] }, evidence };
  return { file, finding };
}

export const referencesCheck: FolderCheck = {
  id: 'references',
  check(files) {
    // One file alone is not a folder: its references cannot be resolved, only guessed at.
    if (files.length < 2) return [];
    const byPath = new Map<string, FileReport>();
    for (const f of files) byPath.set(normalizePath(f.path), f);
    // Files at or below a folder, counted in the sorted paths when a referencing file asks. (A map of
    // every ancestor prefix of every path cost O(length²) per path: an archive of 4,000 members named
    // with 30,000 slashes each took minutes.)
    const sorted = [...byPath.keys()].sort();
    const underDir = (dir: string): number => {
      const from = lowerBound(sorted, dir);
      let lo = from, hi = sorted.length; // the paths from `from` on start with dir, then none do
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]!.startsWith(dir)) lo = mid + 1; else hi = mid;
      }
      return lo - from;
    };
    const out: Result[] = [];
    const referrers = new Map<FileReport, string[]>();
    for (const f of files) {
      const refs = referencesOf(f);
      if (refs.length === 0) continue;
      const self = normalizePath(f.path);
      const dir = dirOf(self);
      // Only a folder that was dropped as a folder: another file of this one's folder (or below) was scanned.
      const folderScanned = underDir(dir) > 1;
      const seen = new Set<string>();
      const resolved: JsonValue[] = [];
      let reported = 0, unreported = 0;
      for (const ref of refs.slice(0, MAX_REFERENCES_PER_FILE)) {
        const target = resolveReference(dir, ref.path);
        if (target === null || target === self || seen.has(target)) continue;
        seen.add(target);
        const hit = byPath.get(target);
        resolved.push({ path: hit?.path ?? target, kind: ref.kind, found: hit !== undefined });
        if (hit) {
          const list = referrers.get(hit) ?? [];
          if (list.length < MAX_REFERRERS_NOTED) list.push(f.path);
          referrers.set(hit, list);
        } else if (folderScanned) {
          if (reported++ < MAX_MISSING_REPORTED) {
            out.push(missing(f.path, `${baseName(self)} needs the ${ref.kind} "${ref.path}", which is not among the scanned files`, ref.path));
          } else unreported++;
        }
      }
      if (unreported > 0) {
        out.push(missing(f.path, `${baseName(self)} needs ${unreported} more missing files (first ${MAX_MISSING_REPORTED} listed)`, `${unreported} more`));
      }
      if (refs.length > MAX_REFERENCES_PER_FILE) resolved.push({ truncated: refs.length - MAX_REFERENCES_PER_FILE });
      out.push({ file: f.path, note: { key: 'referencesResolved', value: resolved } });
    }
    for (const [f, list] of referrers) out.push({ file: f.path, note: { key: 'referencedBy', value: list } });
    return out;
  },
};

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The first index of sorted `xs` whose value is not below `x` (code-unit order, as Array.prototype.sort). */
function lowerBound(xs: readonly string[], x: string): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
