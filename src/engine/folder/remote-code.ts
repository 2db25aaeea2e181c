// Folder check: a config that makes its loader import a code file from the model folder (REMOTE_CODE_NOTE:
// diffusers' custom pipelines and components, transformers' auto_map and custom_pipelines,
// sentence-transformers' repository-local module classes) is CRITICAL when that file was scanned in the same
// folder and its own scan found it using os or subprocess (the string detectors' Python and shell
// findings). The code file is named, so the folder report links the config to it (the references check adds
// referencesResolved / referencedBy). Benign modeling files (transformers' own modeling_*.py, read as
// text) raise none of those findings.
import type { FolderCheck } from '../registry';
import type { FileReport, Finding } from '../types';
import { dirOf, normalizePath, resolveReference } from './references';

/** Root-node note: the code files (paths relative to the file) its loader imports. */
export const REMOTE_CODE_NOTE = 'remoteCode';

/** What in a code file's findings shows it reaching the OS: process, shell or os-module use. */
function osUse(f: FileReport): string | null {
  for (const x of f.findings) {
    if (x.ruleId === 'strings/shell-command' || x.ruleId.startsWith('executable/')) return x.message;
    if (x.ruleId === 'strings/python-code' && (x.severity !== 'info' || /\bos\b|subprocess|process/.test(x.message))) return x.message;
  }
  return null;
}

/** The rule and wording per format of the file that names the code. */
function remoteCodeFinding(f: FileReport, code: FileReport, why: string): Finding {
  const diffusers = f.format === 'diffusers';
  return {
    ruleId: diffusers ? 'diffusers/remote-code' : 'config/remote-code', severity: 'critical',
    severityReason: 'the code file is in the scanned folder and uses os or subprocess',
    message: `Loading this ${diffusers ? 'pipeline' : 'model'} imports "${code.path}", which uses the operating system (${why})`,
    location: { path: [f.path] }, evidence: code.path,
  };
}

export const remoteCodeCheck: FolderCheck = {
  id: 'remote-code',
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
        out.push({ file: f.path, finding: remoteCodeFinding(f, code, why) });
      }
    }
    return out;
  },
};
