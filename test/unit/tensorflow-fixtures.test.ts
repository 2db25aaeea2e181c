// TensorFlow fixtures written by TensorFlow 2.21 itself (fixtures/tensorflow/generate.py, MANIFEST.md)
// and ModelAudit's two SavedModel stubs from the shared corpus.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { reportProblems } from '../helpers/schema';

const FIX = join(process.cwd(), 'fixtures/tensorflow');
const CORPUS = join(process.cwd(), '../shared/corpus/modelaudit/tests/assets/samples/tensorflow');
/** The shared corpus sits beside the checkout in CI; a checkout elsewhere skips its two stubs, as corpus.test does. */
const inCorpus = existsSync(CORPUS) ? it : it.skip;
const load = (path: string) => scan(fromBytes(new Uint8Array(readFileSync(path)), basename(path)));
const fixture = (rel: string) => load(join(FIX, rel));
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const serious = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const notes = (r: FileReport) => r.nodes[0]!.notes!;

describe('tensorflow fixtures: benign files written by TensorFlow 2.21', () => {
  it('tf.Module SavedModel: clean, schema-valid report, op counts and variables reference noted', async () => {
    const r = await fixture('benign/affine_savedmodel/saved_model.pb');
    expect(reportProblems(JSON.parse(JSON.stringify(scanReport([r], { startedAt: new Date().toISOString(), durationMs: 1, options: {} }))))).toEqual([]);
    expect(r.format).toBe('tensorflow');
    expect(r.status).toBe('clean');
    expect(r.complete).toBe(true);
    expect(serious(r)).toEqual([]);
    expect(notes(r)).toMatchObject({ kind: 'saved-model', schemaVersion: 1, metaGraphs: [{ tags: ['serve'], tensorflowVersion: '2.21.0' }],
      references: [{ path: 'variables/variables.index', kind: 'variables' }] });
    expect(notes(r).opCounts).toMatchObject({ MatMul: 1, Relu: 1, SaveV2: 1, RestoreV2: 1 });
    expect(only(r, 'tensorflow/op-summary')[0]).toMatchObject({ severity: 'info' });
  });

  it('frozen GraphDef: sniffed by structure under any name, clean', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIX, 'benign/frozen_graph.pb')));
    for (const name of ['frozen_graph.pb', 'model.bin', 'graph']) {
      const r = await scan(fromBytes(bytes, name));
      expect(r.format).toBe('tensorflow');
      expect(notes(r)).toMatchObject({ kind: 'graph-def', opCounts: { MatMul: 1, Relu: 1, Const: 2 } });
      expect(serious(r)).toEqual([]);
    }
  });

  it('TF1 MetaGraphDef (.meta) from tf.compat.v1.train.Saver: clean', async () => {
    const r = await fixture('benign/model.meta');
    expect(notes(r)).toMatchObject({ kind: 'meta-graph' });
    expect(r.status).toBe('clean');
  });

  it('Keras 2 keras_metadata.pb with a Dense layer: judged by the Keras judge, clean', async () => {
    const r = await fixture('benign/keras_savedmodel/keras_metadata.pb');
    expect(notes(r)).toMatchObject({ kind: 'keras-metadata', kerasObjects: 2 });
    expect(r.status).toBe('clean');
  });

  it('variables.index and variables.data-*: recognised by name, noted as skipped', async () => {
    const index = await fixture('benign/affine_savedmodel/variables/variables.index');
    expect(notes(index)).toMatchObject({ kind: 'variables-index' });
    const data = await fixture('benign/affine_savedmodel/variables/variables.data-00000-of-00001');
    expect(notes(data)).toMatchObject({ kind: 'variables-data' });
    expect([index.status, data.status]).toEqual(['clean', 'clean']);
  });

  inCorpus('ModelAudit safe_savedmodel stub (20 bytes): clean', async () => {
    const r = await load(join(CORPUS, 'safe_savedmodel/saved_model.pb'));
    expect(r.format).toBe('tensorflow');
    expect(r.status).toBe('clean');
    expect(notes(r).opCounts).toEqual({ Const: 1 });
  });
});

describe('tensorflow fixtures: malicious graphs', () => {
  inCorpus('ModelAudit malicious_pyfunc stub (35 bytes): PyFunc is CRITICAL at its node', async () => {
    const r = await load(join(CORPUS, 'malicious_pyfunc/saved_model.pb'));
    expect(only(r, 'tensorflow/python-op')).toEqual([expect.objectContaining({ severity: 'critical',
      location: { path: ['saved_model.pb'], pointer: 'meta_graphs/0/graph_def/node/1' } })]);
  });

  it('tf.py_function / tf.numpy_function SavedModel: EagerPyFunc, PyFuncStateless, PyFunc in the library, each CRITICAL', async () => {
    const r = await fixture('malicious/pyfunc_savedmodel/saved_model.pb');
    const hits = only(r, 'tensorflow/python-op');
    expect(hits.map((f) => f.message.split(' ')[0]).sort()).toEqual(['EagerPyFunc', 'PyFunc', 'PyFuncStateless']);
    expect(hits.every((f) => f.severity === 'critical' && /^meta_graphs\/0\/graph_def\/library\/function\/\d+\/node_def\/\d+$/.test(f.location.pointer!))).toBe(true);
    expect(hits[0]!.message).toMatch(/called from function __inference_signature_wrapper/);
    expect(hits.map((f) => f.evidence)).toContain('token=pyfunc_0');
    expect(r.status).toBe('issues');
  });

  it('tf.compat.v1.py_func in a .meta: PyFunc CRITICAL in the graph', async () => {
    const r = await fixture('malicious/pyfunc.meta');
    expect(only(r, 'tensorflow/python-op')).toEqual([expect.objectContaining({ severity: 'critical', location: { path: ['pyfunc.meta'], pointer: 'graph_def/node/1' } })]);
  });

  it('read_file / write_file / tf.print to file / decode_proto from a path: each reported with its path', async () => {
    const r = await fixture('malicious/fileops_savedmodel/saved_model.pb');
    const files = only(r, 'tensorflow/file-access');
    const write = files.find((f) => f.message.startsWith('WriteFile'))!;
    expect(write).toMatchObject({ severity: 'critical', evidence: '../../.bashrc' });
    expect(write.severityReason).toMatch(/outside the model folder/);
    expect(files.find((f) => f.message.startsWith('ReadFile'))).toMatchObject({ severity: 'warning', evidence: '/etc/passwd' });
    expect(only(r, 'tensorflow/print-to-file')).toEqual([expect.objectContaining({ severity: 'warning', evidence: 'file:///tmp/exfil.log' })]);
    expect(only(r, 'tensorflow/print-to-file')[0]!.location.pointer).toMatch(/node_def\/\d+\/attr\/output_stream$/);
    expect(only(r, 'tensorflow/proto-descriptor-source')).toEqual([expect.objectContaining({ severity: 'warning', evidence: '/tmp/evil.desc' })]);
  });

  it('Keras 2 Lambda layer in keras_metadata.pb: the Keras judge reports the bytecode once', async () => {
    const r = await fixture('malicious/keras_lambda/keras_metadata.pb');
    const hits = only(r, 'keras/lambda-bytecode');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'critical' });
    expect(hits[0]!.location.pointer).toMatch(/^nodes\/0\/metadata\/config\/layers\/1\/config\/function/);
  });
});

describe('tensorflow fixtures: text format (tf.io.write_graph as_text=True)', () => {
  it('the frozen graph as .pbtxt: op counts by search, clean', async () => {
    const r = await fixture('benign/frozen_graph.pbtxt');
    expect(r.format).toBe('tensorflow');
    expect(notes(r)).toMatchObject({ kind: 'pbtxt', opCounts: { MatMul: 1, Relu: 1 } });
    expect(r.status).toBe('clean');
  });

  it('a py_func graph as .pbtxt: PyFunc CRITICAL and tf.print to a file, at their byte offsets', async () => {
    const r = await fixture('malicious/pyfunc_graph.pbtxt');
    const text = readFileSync(join(FIX, 'malicious/pyfunc_graph.pbtxt'), 'latin1');
    const py = only(r, 'tensorflow/python-op');
    expect(py).toEqual([expect.objectContaining({ severity: 'critical', evidence: 'PyFunc' })]);
    expect(text.slice(py[0]!.location.offset!, py[0]!.location.offset! + 20)).toMatch(/op: "PyFunc"/);
    expect(only(r, 'tensorflow/print-to-file')).toEqual([expect.objectContaining({ evidence: 'file:///tmp/exfil.log' })]);
  });
});

describe('tensorflow fixtures: malformed', () => {
  it('a SavedModel cut in half: format/malformed, incomplete, never clean', async () => {
    const r = await fixture('malformed/truncated/saved_model.pb');
    expect(r.format).toBe('tensorflow');
    expect(only(r, 'format/malformed')).toHaveLength(1);
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
  });
});
