// TFLite fixtures written by the real converter (tensorflow 2.21; fixtures/tflite/generate.py, MANIFEST.md).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { nodeAddress, openNode } from '../../src/engine/navigate';
import { utf8 } from '../../src/engine/io/text';
import { reportProblems } from '../helpers/schema';

const bytesOf = (rel: string) => new Uint8Array(readFileSync(join(process.cwd(), 'fixtures/tflite', rel)));
const load = (rel: string, name = rel.split('/').pop()!) => scan(fromBytes(bytesOf(rel), name));
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const serious = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('tflite fixtures: benign models from the converter', () => {
  it('dense: a clean, complete scan with the model summarised', async () => {
    const r = await load('benign/dense.tflite');
    const report = scanReport([r], { startedAt: new Date().toISOString(), durationMs: 1, options: {} });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect(r.format).toBe('tflite');
    expect(serious(r)).toEqual([]);
    expect(r.status).toBe('clean');
    expect(r.complete).toBe(true);
    expect(r.nodes[0]!.notes).toMatchObject({ version: 3, subgraphs: 1, operators: 1, operatorKinds: { FULLY_CONNECTED: 1 },
      signatures: ['serving_default'], metadata: ['min_runtime_version', 'CONVERSION_METADATA'], minRuntimeVersion: '1.5.0' });
    const [summary] = only(r, 'tflite/model-summary');
    expect(summary).toMatchObject({ severity: 'info', location: { pointer: '/' } });
    expect(summary!.evidence).toBe('FULLY_CONNECTED ×1');
  });

  it('conv-int8: a fully int8-quantized CNN has no finding at WARNING or above', async () => {
    const r = await load('benign/conv-int8.tflite');
    expect(serious(r)).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.nodes[0]!.notes).toMatchObject({ operatorKinds: { CONV_2D: 1, FULLY_CONNECTED: 1, QUANTIZE: 1, DEQUANTIZE: 1 } });
  });

  it('lstm-select-ops: three subgraphs (WHILE) and TensorList Flex ops are INFO only', async () => {
    const r = await load('benign/lstm-select-ops.tflite');
    expect(serious(r)).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ subgraphs: 3 });
    expect(only(r, 'tflite/flex-op').map((f) => f.evidence).sort()).toEqual(['FlexTensorListReserve', 'FlexTensorListSetItem', 'FlexTensorListStack']);
  });

  it('dense-associated-files: the zip appended by zipfile (absolute offsets) is listed and its member scanned', async () => {
    const r = await load('benign/dense-associated-files.tflite', 'm.tflite');
    expect(r.format).toBe('tflite');
    expect(serious(r)).toEqual([]);
    expect(r.complete).toBe(true);
    const child = r.nodes.find((n) => n.path.join('/') === 'm.tflite/labels.txt');
    expect(child).toMatchObject({ status: 'scanned', size: 13 });
    // The model in front of the zip is the flatbuffer, not hidden archive data.
    expect(only(r, 'archive/hidden-data')).toEqual([]);
    expect(r.nodes[0]!.notes).toMatchObject({ appendedZipOffset: 1024, members: 1 });
  });

  it('dense-associated-files: the report path of the appended member leads back to its bytes', async () => {
    const bytes = bytesOf('benign/dense-associated-files.tflite');
    const r = await scan(fromBytes(bytes, 'm.tflite'));
    const i = r.nodes.findIndex((n) => n.path.join('/') === 'm.tflite/labels.txt');
    const node = await openNode(fromBytes(bytes, 'm.tflite'), nodeAddress(r.nodes, i)!);
    expect(utf8(await node!.read(0, node!.size))).toBe('cat\ndog\nbird\n');
  });

  it('bundle.task: a MediaPipe-style zip bundle has its .tflite member scanned as tflite', async () => {
    const r = await load('benign/bundle.task');
    expect(r.format).toBe('zip');
    expect(r.nodes.find((n) => n.path.join('/') === 'bundle.task/dense.tflite')?.format).toBe('tflite');
    expect(only(r, 'tflite/model-summary')[0]!.location.path).toEqual(['bundle.task', 'dense.tflite']);
    expect(serious(r)).toEqual([]);
  });
});

describe('tflite fixtures: risky operators kept by the converter', () => {
  it('flex-readfile: Select TF ReadFile is a WARNING naming FlexReadFile; StringLength is an INFO Flex op', async () => {
    const r = await load('malicious/flex-readfile.tflite');
    expect(r.status).toBe('issues');
    const [fs] = only(r, 'tflite/filesystem-op');
    expect(fs).toMatchObject({ severity: 'warning', evidence: 'FlexReadFile', location: { pointer: '/operator_codes/0' } });
    expect(fs!.message).toMatch(/ReadFile/);
    expect(only(r, 'tflite/flex-op').map((f) => [f.severity, f.evidence])).toEqual([['info', 'FlexStringLength']]);
  });

  it('flex-readfile-const-path: the URL in a constant STRING tensor reaches the string detectors', async () => {
    const r = await load('malicious/flex-readfile-const-path.tflite');
    const [url] = only(r, 'strings/url');
    expect(url).toMatchObject({ severity: 'warning', location: { pointer: '/subgraphs/0/tensors/1' } });
    expect(url!.evidence).toContain('exfil.evil.example.com');
    expect(only(r, 'tflite/filesystem-op')).toHaveLength(1);
  });

  it('custom-op: MatrixDeterminant kept by allow_custom_ops is a custom-op WARNING', async () => {
    const r = await load('malicious/custom-op.tflite');
    expect(only(r, 'tflite/custom-op')).toMatchObject([{ severity: 'warning', evidence: 'MatrixDeterminant', location: { pointer: '/operator_codes/0' } }]);
  });

  it('eager-pyfunc: tf.py_function kept as a custom op is CRITICAL', async () => {
    const r = await load('malicious/eager-pyfunc.tflite');
    expect(only(r, 'tflite/python-op')).toMatchObject([{ severity: 'critical', evidence: 'EagerPyFunc' }]);
    expect(only(r, 'tflite/custom-op')).toEqual([]);
  });
});

describe('tflite fixtures: malformed', () => {
  it('truncated: half a model is malformed, incomplete, never clean, with no false dangling indexes', async () => {
    const r = await load('malformed/truncated.tflite');
    expect(r.format).toBe('tflite');
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
    expect(only(r, 'format/malformed').length).toBeGreaterThan(0);
    expect(only(r, 'format/malformed').every((f) => f.location.pointer?.startsWith('/'))).toBe(true);
    expect(only(r, 'tflite/dangling-index')).toEqual([]);
  });
});
