// Top-level scan of one file: a Walk over its nodes, turned into a FileReport. Never throws: a
// failure, a limit, a cancel or a timeout become findings and make the report incomplete. The one
// exception is NeedsIsolation, which only a caller that set ScanOptions.refuseBlocking can get.
import { Walk } from './orchestrator';
import { fileReport } from './report';
import { NeedsIsolation, ScanAborted, type ByteSource, type FileReport, type ScanHooks, type ScanOptions } from './types';

export async function scan(source: ByteSource, options: ScanOptions = {}, hooks: ScanHooks = {}): Promise<FileReport> {
  const started = Date.now();
  const path = options.displayPath ?? source.name;
  const walk = new Walk(options, hooks);
  let aborted: ScanAborted | undefined;
  if (options.maxFileSize !== undefined && source.size > options.maxFileSize) {
    walk.nodes.push({ path: [path], format: 'unknown', size: source.size, status: 'skipped', error: 'above maxFileSize' });
    walk.add([path], { ruleId: 'file/too-large', message: `The file is ${source.size} bytes, above the limit of ${options.maxFileSize}; it was not scanned` });
  } else {
    try {
      await walk.visit(source, [path], 0);
    } catch (e) {
      if (e instanceof NeedsIsolation) throw e; // the caller scans the file again on a killable thread
      aborted = e instanceof ScanAborted ? e : new ScanAborted('cancelled');
      if (!(e instanceof ScanAborted)) {
        walk.add([path], { ruleId: 'scan/internal-error', message: `The scan failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
  }
  if (aborted) {
    const timeout = aborted.reason === 'timeout';
    walk.add([path], timeout
      ? { ruleId: 'scan/timeout', message: 'The scan timed out before it finished' }
      : { ruleId: 'scan/cancelled', message: 'The scan was cancelled before it finished' });
    const root = walk.nodes[0];
    if (root) { root.status = 'failed'; root.error = aborted.message; }
    else walk.nodes.push({ path: [path], format: 'unknown', size: source.size, status: 'failed', error: aborted.message });
  }
  if (walk.suppressed > 0) {
    const root = walk.nodes[0];
    if (root) (root.notes ??= {}).suppressedFindings = walk.suppressed;
  }
  return fileReport({
    path, size: source.size, findings: walk.findings, nodes: walk.nodes,
    durationMs: Date.now() - started, verbose: options.verbose === true,
  });
}
