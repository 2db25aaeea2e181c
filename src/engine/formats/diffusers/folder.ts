// Folder check: a diffusers config that makes diffusers import a code file (REMOTE_CODE_NOTE, written by
// scanner.ts) is CRITICAL when that file was scanned in the same folder and its own scan found it using
// os or subprocess (the string detectors' Python and shell findings). The code file is named, so the
// folder report links the config to it (the references check adds referencesResolved / referencedBy).
import type { FolderCheck } from '../../registry';
import type { FileReport, Finding } from '../../types';
import { dirOf, normalizePath, resolveReference } from '../../folder/references';
import { REMOTE_CODE_NOTE } from './sniff';

/** What in a code file's findings shows it reaching the OS: process, shell or os-module use. */
function osUse(f: FileReport): string | null {
  for (const x of f.findings) {
    if (x.ruleId === 'strings/shell-command' || x.ruleId.startsWith('executable/')) return x.message;
    if (x.ruleId === 'strings/python-code' && (x.severity !== 'info' || /\bos\b|subprocess|process/.test(x.message))) return x.message;
  }
  return null;
}

export const diffusersCodeCheck: FolderCheck = {
  id: 'diffusers-code',
  check(files) {
    const byPath = new Map(files.map((f) => [normalizePath(f.path), f]));
    const out: ReturnType<FolderCheck['check']> = [];
    for (const f of files) {
      const list = f.nodes[0]?.notes?.[REMOTE_CODE_NOTE];
      if (!Array.isArray(list)) continue;
      const dir = dirOf(normalizePath(f.path));
      for (const rel of list) {
        if (typeof rel !== 'string') continue;
        const target = resolveReference(dir, rel);
        const code = target === null ? undefined : byPath.get(target);
        const why = code ? osUse(code) : null;
        if (!code || why === null) continue;
        const finding: Finding = {
          ruleId: 'diffusers/remote-code', severity: 'critical',
          severityReason: 'the code file is in the scanned folder and uses os or subprocess',
          message: `Loading this pipeline imports "${code.path}", which uses the operating system (${why})`,
          location: { path: [f.path] }, evidence: code.path,
        };
        out.push({ file: f.path, finding });
      }
    }
    return out;
  },
};
