// Lua Torch7 files written by fixtures/torch7/generate.py (File.lua's binary layout; real LuaJIT bytecode).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scan, fromBytes, type FileReport } from '../../src/engine';

const DIR = 'fixtures/torch7';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const scanBytes = (bytes: Uint8Array, name: string) => scan(fromBytes(bytes, name));
const scanFixture = (rel: string) => scanBytes(load(rel), basename(rel));
const rules = (r: FileReport, sev?: string) => r.findings.filter((f) => !sev || f.severity === sev).map((f) => f.ruleId).sort();

describe('torch7: data-only files are clean', () => {
  it('an nn.Sequential of Linear/ReLU reads every tensor and storage', async () => {
    const r = await scanFixture('benign/mlp.t7');
    expect(r.format).toBe('torch7');
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ tensors: 14, classes: { 'nn.Sequential': 1, 'nn.Linear': 2, 'nn.ReLU': 1 } });
  });

  it('a plain table of Double/Long tensors, numbers and strings is clean', async () => {
    const r = await scanFixture('benign/weights-table.t7');
    expect(r.status).toBe('clean');
    expect(r.complete).toBe(true);
  });

  it('an ASCII-mode save of the same network is clean too', async () => {
    const r = await scanFixture('benign/mlp-ascii.t7');
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ tensors: 14 });
  });

  it('is recognised by content under another name', async () => {
    expect((await scanBytes(load('benign/mlp.t7'), 'model.bin')).format).toBe('torch7');
  });
});

describe('torch7: attacks', () => {
  it('a recursive function (LuaJIT bytecode) hooked on a module is CRITICAL, its constants go to the detectors', async () => {
    const r = await scanFixture('malicious/function-hook.net');
    expect(rules(r, 'critical')).toEqual(['torch7/function']);
    expect(r.findings.find((f) => f.ruleId === 'torch7/function')!.evidence).toMatch(/^LuaJIT bytecode/);
    expect(rules(r, 'warning')).toEqual(['strings/shell-command']);
  });

  it('the same hook in an ASCII-mode file is CRITICAL', async () => {
    expect(rules(await scanFixture('malicious/function-hook-ascii.t7'), 'critical')).toEqual(['torch7/function']);
  });

  it('an old-style function (type 6) is CRITICAL too', async () => {
    expect(rules(await scanFixture('malicious/legacy-function.t7'), 'critical')).toEqual(['torch7/function']);
  });

  it('a class outside the torch/nn families is named (INFO)', async () => {
    expect(rules(await scanFixture('malicious/unknown-class.t7'))).toEqual(['torch7/unknown-class']);
  });

  it('bytes after the object are reported and scanned', async () => {
    const b = load('benign/weights-table.t7');
    const tail = [0x4d, 0x5a, 0x90, 0x00, ...new TextEncoder().encode('junkjunkjunk')];
    const padded = new Uint8Array(b.length + tail.length); padded.set(b); padded.set(tail, b.length);
    const r = await scanBytes(padded, 'x.t7');
    expect(rules(r)).toContain('torch7/trailing-data');
  });
});

describe('torch7: malformed', () => {
  for (const file of ['mlp-truncated.t7', 'bad-type.t7']) {
    it(`${file} is malformed and incomplete`, async () => {
      const r = await scanFixture(`malformed/${file}`);
      expect(rules(r)).toEqual(['format/malformed']);
      expect(r.complete).toBe(false);
    });
  }

  it('a storage claiming 2^40 elements is malformed without reading', async () => {
    const b = load('benign/weights-table.t7').slice();
    const at = new TextDecoder('latin1').decode(b).indexOf('torch.DoubleStorage') + 'torch.DoubleStorage'.length;
    new DataView(b.buffer).setInt32(at + 4, 256, true); // high word of the int64 size
    expect(rules(await scanBytes(b, 'x.t7'))).toEqual(['format/malformed']);
  });
});
