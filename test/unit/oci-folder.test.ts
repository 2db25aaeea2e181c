// A dropped image folder (an OCI layout on disk, fixtures/oci/*/layout dirs): every file is scanned
// and hashed on its own, the way the CLI and the worker do, then scanReport's folder checks verify
// blob digests (formats/oci/folder.ts) and resolve what the index and manifests reference
// (folder/references.ts).
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scan, scanReport, fromBytes, type FileReport, type ScanReport } from '../../src/engine';

function listFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n)) : [join(dir, n)]));
}

async function scanFolder(dir: string, opts: { hash?: boolean; only?: (p: string) => boolean } = {}): Promise<ScanReport> {
  const root = `fixtures/oci/${dir}`;
  const files: FileReport[] = [];
  for (const p of listFiles(root)) {
    const display = `${dir.split('/').pop()}/${relative(root, p).split('\\').join('/')}`;
    if (opts.only && !opts.only(display)) continue;
    const bytes = new Uint8Array(readFileSync(p));
    const r = await scan(fromBytes(bytes, display), { displayPath: display });
    files.push(opts.hash === false ? r : { ...r, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return scanReport(files, { startedAt: new Date(0).toISOString(), durationMs: 0, options: {} });
}

const all = (r: ScanReport, id: string) => r.files.flatMap((f) => f.findings.filter((x) => x.ruleId === id).map((x) => ({ file: f.path, ...x })));
const aboveInfo = (r: ScanReport) => r.files.flatMap((f) => f.findings.filter((x) => x.severity !== 'info'));

describe('oci: a dropped image folder', () => {
  it('passes a clean layout: every blob hashes to its name and the index and manifests resolve to scanned files', async () => {
    const r = await scanFolder('benign/layout');
    expect(aboveInfo(r)).toEqual([]);
    expect(r.exitCode).toBe(0);
    const index = r.files.find((f) => f.path === 'layout/index.json')!;
    expect(index.nodes[0]!.notes?.referencesResolved).toEqual([
      { path: expect.stringMatching(/^layout\/blobs\/sha256\/[0-9a-f]{64}$/), kind: 'image manifest', found: true }]);
    const manifestPath = (index.nodes[0]!.notes!.referencesResolved as Array<{ path: string }>)[0]!.path;
    const manifestBlob = r.files.find((f) => f.path === manifestPath)!;
    expect(manifestBlob.nodes[0]!.notes?.referencedBy).toEqual(['layout/index.json']);
    expect((manifestBlob.nodes[0]!.notes?.referencesResolved as unknown[]).length).toBe(2);
  });

  it('flags a blob whose bytes do not hash to its file name as oci/digest-mismatch on that file', async () => {
    const r = await scanFolder('malicious/tampered-layout');
    const hits = all(r, 'oci/digest-mismatch');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'warning', location: { path: [hits[0]!.file] } });
    expect(hits[0]!.file).toMatch(/^tampered-layout\/blobs\/sha256\/[0-9a-f]{64}$/);
    expect(all(r, 'pickle/dangerous-call')).toHaveLength(1);
    expect(r.exitCode).toBe(1);
  });

  it('cannot verify digests when the files were not hashed, and says nothing false', async () => {
    const r = await scanFolder('malicious/tampered-layout', { hash: false });
    expect(all(r, 'oci/digest-mismatch')).toEqual([]);
  });

  it('reports the layer the manifest names but the folder lacks as folder/missing-reference on the manifest', async () => {
    const r = await scanFolder('malformed/missing-layer-layout');
    const hits = all(r, 'folder/missing-reference');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'warning' });
    expect(hits[0]!.message).toContain('image layer');
    expect(hits[0]!.file).toMatch(/^missing-layer-layout\/blobs\/sha256\//);
  });

  it('does not call pieces missing when only index.json was dropped, not the folder', async () => {
    const r = await scanFolder('benign/layout', { only: (p) => p === 'layout/index.json' });
    expect(all(r, 'folder/missing-reference')).toEqual([]);
  });
});
