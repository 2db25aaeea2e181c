// File intake: drops (files and whole folders), the file picker and the folder picker become one flat
// list of File + relative path. The size settings are applied here, before anything reaches a worker.
import type { FileReport } from '../engine';
import type { Intake } from './types';

/** Entries read from one dropped folder tree. Stops a drop of a home directory from hanging the page. */
const MAX_DROPPED_ENTRIES = 100_000;

/** From <input type=file multiple> or <input webkitdirectory>: webkitRelativePath keeps the folder. */
export function fromFileList(list: FileList | readonly File[] | null | undefined): Intake[] {
  return Array.from(list ?? [], (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/**
 * From a drop. Items must be read synchronously inside the drop handler (the DataTransfer is emptied
 * afterwards), so this takes the entries and files first and walks folders after.
 */
export async function fromDataTransfer(dt: DataTransfer): Promise<Intake[]> {
  const roots: Array<{ entry: FileSystemEntry | null; file: File | null }> = [];
  if (dt.items && dt.items.length > 0) {
    for (const item of Array.from(dt.items)) {
      if (item.kind !== 'file') continue;
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      roots.push({ entry, file: item.getAsFile() });
    }
  } else {
    for (const file of Array.from(dt.files ?? [])) roots.push({ entry: null, file });
  }
  const out: Intake[] = [];
  const budget = { left: MAX_DROPPED_ENTRIES };
  for (const { entry, file } of roots) {
    if (entry?.isDirectory) {
      await walkDirectory(entry as FileSystemDirectoryEntry, out, budget);
    } else if (file) {
      out.push({ file, path: file.name });
    } else if (entry?.isFile) {
      out.push({ file: await entryFile(entry as FileSystemFileEntry), path: stripSlash(entry.fullPath) });
    }
  }
  return out;
}

async function walkDirectory(dir: FileSystemDirectoryEntry, out: Intake[], budget: { left: number }): Promise<void> {
  const reader = dir.createReader();
  // readEntries returns at most ~100 entries per call: loop until it returns an empty batch.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const entry of batch) {
      if (--budget.left < 0) return;
      if (entry.isDirectory) {
        await walkDirectory(entry as FileSystemDirectoryEntry, out, budget);
      } else if (entry.isFile) {
        try {
          out.push({ file: await entryFile(entry as FileSystemFileEntry), path: stripSlash(entry.fullPath) });
        } catch {
          // unreadable entry (permissions, vanished): skipped; the folder's other files still go in
        }
      }
    }
  }
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function stripSlash(p: string): string {
  return p.replace(/^\/+/, '');
}

/**
 * Splits new files into those to scan and those beyond the session's total-size budget, which get
 * a report right away and are never read.
 */
export function applyTotalLimit(files: readonly Intake[], alreadyQueuedBytes: number, maxTotalBytes: number):
  { accepted: Intake[]; refused: Array<{ intake: Intake; report: FileReport }> } {
  const accepted: Intake[] = [];
  const refused: Array<{ intake: Intake; report: FileReport }> = [];
  let total = alreadyQueuedBytes;
  for (const intake of files) {
    if (total + intake.file.size > maxTotalBytes) {
      refused.push({ intake, report: overTotalReport(intake.path, intake.file.size, maxTotalBytes) });
    } else {
      total += intake.file.size;
      accepted.push(intake);
    }
  }
  return { accepted, refused };
}

function overTotalReport(path: string, size: number, maxTotalBytes: number): FileReport {
  const message = `The file (${size} bytes) would take this scan past the total size limit of ${maxTotalBytes} bytes; it was not scanned`;
  return {
    path, size, format: 'unknown', status: 'error', complete: false,
    findings: [{ ruleId: 'file/too-large', severity: 'warning', message, location: { path: [path] } }],
    nodes: [{ path: [path], format: 'unknown', size, status: 'skipped', error: 'above the total size limit' }],
    durationMs: 0,
  };
}
