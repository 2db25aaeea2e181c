// ORT-format models: benign ones converted by onnxruntime 1.30.0's own converter, hostile ones written
// with the flatbuffer builders its wheel ships (fixtures/ort/generate.py, MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scan, fromBytes, type FileReport } from '../../src/engine';

const DIR = 'fixtures/ort';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const scanBytes = (bytes: Uint8Array, name: string) => scan(fromBytes(bytes, name));
const scanFixture = (rel: string) => scanBytes(load(rel), basename(rel));
const rules = (r: FileReport, sev?: string) => r.findings.filter((f) => !sev || f.severity === sev).map((f) => f.ruleId).sort();

describe('ort: models converted by onnxruntime', () => {
  it('an MLP converted with basic optimizations is clean, with its graph noted', async () => {
    const r = await scanFixture('benign/mlp.ort');
    expect(r.format).toBe('ort');
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.nodes[0]!.notes).toMatchObject({ irVersion: 8, nodes: 2, initializers: 2, graphs: 1 });
  });

  it('the com.microsoft::Gelu fusion the optimizer writes is INFO only', async () => {
    const r = await scanFixture('benign/gelu-contrib.ort');
    expect(rules(r)).toEqual(['ort/contrib-domain-op']);
    expect(r.status).toBe('clean');
  });
});

describe('ort: attacks', () => {
  it('PyOp importing os.system is CRITICAL and names module and function', async () => {
    const r = await scanFixture('malicious/pyop.ort');
    const f = r.findings.find((x) => x.ruleId === 'ort/python-op')!;
    expect(f.severity).toBe('critical');
    expect(f.evidence).toContain('module=os');
    expect(f.location.pointer).toBe('/model/graph/nodes/0');
  });

  it('a custom-domain operator is a WARNING; a payload in metadata_props reaches the detectors', async () => {
    const r = await scanFixture('malicious/custom-domain.ort');
    expect(rules(r, 'warning')).toEqual(['ort/custom-domain-op', 'strings/python-code', 'strings/shell-command']);
  });
});

describe('ort: malformed', () => {
  it('a truncated model is malformed and incomplete', async () => {
    const r = await scanFixture('malformed/mlp-truncated.ort');
    expect(rules(r)).toEqual(['format/malformed']);
    expect(r.complete).toBe(false);
  });

  it('a vtable offset pointing outside the buffer is malformed, not a crash', async () => {
    const b = load('benign/mlp.ort').slice();
    const root = b[0]! | (b[1]! << 8);
    b[root] = 0xff; b[root + 1] = 0xff; b[root + 2] = 0xff; b[root + 3] = 0x7f; // soffset to the vtable
    const r = await scanBytes(b, 'x.ort');
    expect(rules(r)).toEqual(['format/malformed']);
  });
});
