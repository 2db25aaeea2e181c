// TorchServe .mar archives laid out as torch-model-archiver 0.12 writes them (fixtures/torchserve, see its
// MANIFEST.md): the manifest's handler, model file, serialized file and requirements are judged; every
// member is scanned by content.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { buildZip } from '../builders/zip';

const fixture = (p: string, name = p.split('/').pop()!) => scan(fromBytes(new Uint8Array(readFileSync(`fixtures/torchserve/${p}`)), name));
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const alarms = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('TorchServe .mar', () => {
  it('notes a custom handler as code TorchServe runs (INFO), scans it and the serialized model, nothing above INFO', async () => {
    const r = await fixture('benign/tiny-custom-handler.mar');
    expect(r.format).toBe('torchserve');
    expect(find(r, 'torchserve/custom-handler')[0]).toMatchObject({ severity: 'info', evidence: 'handler.py' });
    expect(alarms(r)).toEqual([]);
    expect(r.nodes.map((n) => n.path.slice(1).join(' > '))).toEqual(expect.arrayContaining(['handler.py', 'model.pt > archive/data.pkl']));
    expect(r.nodes[0]!.notes).toMatchObject({ handler: 'handler.py', serializedFile: 'model.pt', archiverVersion: '0.12.0' });
  });

  it('accepts a built-in handler and notes pinned requirements at INFO only', async () => {
    const r = await fixture('benign/builtin-handler-requirements.mar');
    expect(alarms(r)).toEqual([]);
    expect(find(r, 'torchserve/requirements')[0]!.message).toMatch(/pip-installs 2 requirement/);
    expect(find(r, 'torchserve/custom-handler')).toEqual([]);
  });

  it('recognises a .mar renamed .zip by its last central record', async () => {
    expect((await fixture('benign/tiny-custom-handler.mar', 'model.zip')).format).toBe('torchserve');
  });

  it('flags the reverse shell in a handler through the string detectors on the handler member', async () => {
    const r = await fixture('malicious/handler-reverse-shell.mar');
    const onHandler = alarms(r).filter((f) => f.location.path.join('>') === 'handler-reverse-shell.mar>handler.py').map((f) => f.ruleId);
    expect(onHandler).toEqual(expect.arrayContaining(['strings/shell-command', 'strings/python-code']));
  });

  it('warns about requirements installed from git+ URLs and extra indexes, line by line', async () => {
    const r = await fixture('malicious/requirements-from-url.mar');
    expect(find(r, 'torchserve/requirements-url').map((f) => f.location.pointer)).toEqual(['requirements.txt#line2', 'requirements.txt#line3']);
  });

  it('finds the os.system pickle in the serialized model CRITICAL', async () => {
    const r = await fixture('malicious/pickle-in-serialized-file.mar');
    expect(find(r, 'pickle/dangerous-call')[0]!.location.path).toEqual(['pickle-in-serialized-file.mar', 'model.pt', 'archive/data.pkl']);
  });

  it('names a handler the archive lacks, reports a broken manifest and a cut archive as malformed', async () => {
    expect(find(await fixture('malformed/missing-handler.mar'), 'torchserve/missing-member')[0]!.evidence).toBe('my_handler.py');
    const bad = await fixture('malformed/manifest-not-json.mar');
    expect(find(bad, 'format/malformed').length).toBe(1);
    expect(bad.complete).toBe(false);
    const cut = await fixture('malformed/truncated.mar');
    expect(cut.complete).toBe(false);
  });

  it('keeps plain zips that merely end with some other file out of the TorchServe scanner', async () => {
    const r = await scan(fromBytes(buildZip({ members: [{ name: 'a.txt', data: 'x' }, { name: 'MANIFEST.json', data: '{}' }] }), 'x.zip'));
    expect(r.format).toBe('zip');
  });
});
