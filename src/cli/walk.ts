// Expands command-line paths into the files to scan, one at a time (walk() is a generator: a streamed
// run never holds the whole list; memory is one folder's listing plus the folders still to visit).
// Folders are walked in sorted order so two runs over the same tree give the same report. Symbolic links to files are followed (HF cache
// snapshots); links to folders are not (cycles, trees outside the one being vetted): listed as skipped.
import { lstat, readdir, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

export type Entry =
  /** A regular file: `path` opens it, `display` is what the report calls it. */
  | { kind: 'file'; path: string; display: string; size: number }
  /** Something that will not be scanned, with the reason (missing, link, device, unreadable folder). */
  | { kind: 'skip'; path: string; display: string; size: number; reason: string; ruleId: 'scan/unreadable' };

function joinDisplay(dir: string, name: string): string {
  if (dir === '.' || dir === './') return name;
  const base = dir.endsWith('/') || dir.endsWith(sep) ? dir.slice(0, -1) : dir;
  return `${base}/${name}`;
}

function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  return err?.code ?? (e instanceof Error ? e.message : String(e));
}

/** Walks one folder iteratively (no recursion depth limit to hit), sorted by name. */
async function* walkDir(root: string, display: string): AsyncGenerator<Entry> {
  const stack: Array<{ path: string; display: string }> = [{ path: root, display }];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let names: string[];
    try {
      names = (await readdir(dir.path)).sort();
    } catch (e) {
      yield { kind: 'skip', path: dir.path, display: dir.display, size: 0, ruleId: 'scan/unreadable',
        reason: `The folder could not be read (${errText(e)})` };
      continue;
    }
    const subdirs: Array<{ path: string; display: string }> = [];
    for (const name of names) {
      const path = dir.path.endsWith(sep) ? dir.path + name : dir.path + sep + name;
      const shown = joinDisplay(dir.display, name);
      let st;
      try {
        st = await lstat(path);
      } catch (e) {
        yield { kind: 'skip', path, display: shown, size: 0, ruleId: 'scan/unreadable',
          reason: `The file could not be read (${errText(e)})` };
        continue;
      }
      if (st.isDirectory()) subdirs.push({ path, display: shown });
      else if (st.isFile()) yield { kind: 'file', path, display: shown, size: st.size };
      else if (st.isSymbolicLink()) {
        // Links to regular files are followed: Hugging Face cache snapshots are folders of such
        // links. Links to folders are not (cycles, and trees outside the one being vetted).
        const target = await stat(path).catch(() => null);
        if (target?.isFile()) yield { kind: 'file', path, display: shown, size: target.size };
        else yield { kind: 'skip', path, display: shown, size: 0, ruleId: 'scan/unreadable',
          reason: target ? 'Symbolic link to a folder inside a folder: not followed; scan the target by name'
            : 'Dangling symbolic link: its target does not exist' };
      } else {
        yield { kind: 'skip', path, display: shown, size: 0, ruleId: 'scan/unreadable',
          reason: 'Not a regular file (device, socket or pipe): not read' };
      }
    }
    // Files of a folder come before its subfolders; subfolders in sorted order (stack is LIFO).
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}

/**
 * Expands `paths` (as given on the command line) into entries, in order. A path named explicitly is
 * followed even when it is a symbolic link: the user chose it. Duplicates (same absolute path) are
 * dropped; they can only come from several PATHs (one folder's walk never repeats a file), so the set
 * that finds them is kept only then.
 */
export async function* walk(paths: readonly string[], cwd: string): AsyncGenerator<Entry> {
  const seen = paths.length > 1 ? new Set<string>() : undefined;
  const fresh = (e: Entry): boolean => {
    if (!seen) return true;
    const key = e.kind === 'file' ? `f:${e.path}` : `s:${e.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const given of paths) {
    const abs = resolve(cwd, given);
    let st;
    try {
      st = await stat(abs);
    } catch (e) {
      const skip: Entry = { kind: 'skip', path: abs, display: given, size: 0, ruleId: 'scan/unreadable',
        reason: `The path could not be read (${errText(e)})` };
      if (fresh(skip)) yield skip;
      continue;
    }
    if (st.isDirectory()) {
      for await (const e of walkDir(abs, given)) if (fresh(e)) yield e;
    } else {
      const e: Entry = st.isFile() ? { kind: 'file', path: abs, display: given, size: st.size }
        : { kind: 'skip', path: abs, display: given, size: 0, ruleId: 'scan/unreadable', reason: 'Not a regular file (device, socket or pipe): not read' };
      if (fresh(e)) yield e;
    }
  }
}

/** The whole list (a run that needs it up front: the progress line's totals, a report built at the end). */
export async function collect(paths: readonly string[], cwd: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of walk(paths, cwd)) out.push(e);
  return out;
}
