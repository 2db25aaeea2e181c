// ONNX fixtures written by torch.onnx.export (torch 1.13) and the onnx helper API (onnx 1.23.1):
// fixtures/onnx/generate*.py, MANIFEST.md.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { reportProblems } from '../helpers/schema';

const load = (rel: string, name = 'model.onnx') => scan(fromBytes(new Uint8Array(readFileSync(join(process.cwd(), 'fixtures/onnx', rel))), name));
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const notes = (r: FileReport) => r.nodes[0]!.notes!;
const serious = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('onnx fixtures: benign models', () => {
  it('mlp-torch (torch.onnx.export): clean, producer, IR version and opsets noted, schema-valid report', async () => {
    const r = await load('benign/mlp-torch.onnx');
    const report = scanReport([r], { startedAt: new Date().toISOString(), durationMs: 1, options: {} });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(r.format).toBe('onnx');
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
    expect(notes(r)).toMatchObject({ irVersion: 7, producerName: 'pytorch', producerVersion: '1.13.0',
      opsetImports: [{ domain: 'ai.onnx', version: 13 }], nodes: 3, tensors: 4, graphs: 1 });
  });

  it('control-flow-torch (scripted If + Loop): subgraphs walked, clean', async () => {
    const r = await load('benign/control-flow-torch.onnx');
    expect(r.findings).toEqual([]);
    expect(notes(r)).toMatchObject({ graphs: 4, subgraphDepth: 1 });
  });

  it('if-loop-helper: branch and body initializers are walked, clean', async () => {
    const r = await load('benign/if-loop-helper.onnx');
    expect(r.findings).toEqual([]);
    expect(notes(r)).toMatchObject({ graphs: 4, tensors: 2, nodes: 6, producerName: 'modelgate-fixtures' });
  });

  it('contrib-ops: com.microsoft and ai.onnx.ml operators are INFO only, one finding per domain', async () => {
    const r = await load('benign/contrib-ops.onnx');
    expect(serious(r)).toEqual([]);
    const info = only(r, 'onnx/contrib-domain-op');
    expect(info.map((f) => f.evidence).sort()).toEqual(['ai.onnx.ml: Normalizer', 'com.microsoft: Gelu']);
    expect(info.every((f) => f.severity === 'info')).toBe(true);
    expect(info.find((f) => f.evidence?.startsWith('com.microsoft'))?.location.pointer).toBe('/graph/node/0');
  });

  it('local-function: a custom-domain op the model defines as a FunctionProto needs no library: clean', async () => {
    const r = await load('benign/local-function.onnx');
    expect(r.findings).toEqual([]);
    expect(notes(r)).toMatchObject({ functions: 1, operatorDomains: ['local.fns'] });
  });

  it('external-data/model.onnx: weights.bin is noted as a reference relative to the model, no finding', async () => {
    const r = await load('benign/external-data/model.onnx');
    expect(r.findings).toEqual([]);
    expect(notes(r).references).toEqual([{ path: 'weights.bin', kind: 'onnx-external-data' }]);
    expect(notes(r).externalTensors).toBe(1);
  });
});

describe('onnx fixtures: malicious models', () => {
  it('pythonop-torch: the exporter\'s prim::PythonOp is CRITICAL with its module as evidence', async () => {
    const r = await load('malicious/pythonop-torch.onnx');
    const [f, ...rest] = only(r, 'onnx/python-op');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'critical', location: { path: ['model.onnx'], pointer: '/graph/node/0' } });
    expect(f!.evidence).toContain('prim::PythonOp');
    expect(f!.evidence).toContain('module=__main__');
  });

  it('pyop-contrib: ai.onnx.contrib PyOp importing os.system is CRITICAL', async () => {
    const r = await load('malicious/pyop-contrib.onnx');
    const f = only(r, 'onnx/python-op');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('critical');
    expect(f[0]!.evidence).toMatch(/ai\.onnx\.contrib::PyOp .*class_name=system.*module=os/);
    expect(only(r, 'onnx/contrib-domain-op')).toEqual([]); // the PyOp is judged as Python, not listed twice
  });

  it('custom-domain-op: an operator from com.evil.ops is a WARNING naming domain and op', async () => {
    const r = await load('malicious/custom-domain-op.onnx');
    const f = only(r, 'onnx/custom-domain-op');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', evidence: 'com.evil.ops: Backdoor', location: { pointer: '/graph/node/0' } });
  });

  it.each([
    ['malicious/external-traversal-relative.onnx', '../../etc/passwd'],
    ['malicious/external-absolute.onnx', '/etc/passwd'],
  ])('%s: external data at %s is CRITICAL (CVE-2022-25882 / CVE-2024-27318) and not noted as a reference', async (file, location) => {
    const r = await load(file);
    const f = only(r, 'onnx/external-data-traversal');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'critical', evidence: location, location: { pointer: '/graph/initializer/0/external_data' } });
    expect(notes(r).references).toBeUndefined();
  });

  it('metadata-url-secret: metadata_props are inspected with their pointers (URL and AWS key id)', async () => {
    const r = await load('malicious/metadata-url-secret.onnx');
    const url = r.findings.find((f) => f.ruleId === 'strings/url' && f.location.pointer === '/metadata_props/0');
    expect(url?.severity).toBe('warning');
    expect(url?.evidence).toContain('update.onnx-weights.xyz');
    const secret = only(r, 'strings/secret');
    expect(secret.map((f) => f.location.pointer)).toContain('/metadata_props/1');
    // the same URL in the model's doc_string is documentation: INFO there
    expect(r.findings.find((f) => f.location.pointer === '/doc_string')?.severity).toBe('info');
  });
});

describe('onnx fixtures: malformed models', () => {
  it('truncated: the graph declares more bytes than the file has → declared-size finding + format/malformed, incomplete', async () => {
    const r = await load('malformed/truncated.onnx');
    expect(only(r, 'onnx/declared-size-past-end')[0]).toMatchObject({ severity: 'warning', location: { offset: expect.any(Number) } });
    expect(only(r, 'format/malformed')).toHaveLength(1);
    expect(r.complete).toBe(false);
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
  });

  it('not-protobuf: a 4 GB producer_name length is reported, nothing is allocated', async () => {
    const r = await load('malformed/not-protobuf.onnx');
    expect(r.format).toBe('onnx');
    expect(only(r, 'onnx/declared-size-past-end')).toHaveLength(1);
    expect(r.nodes[0]!.status).toBe('malformed');
  });
});
