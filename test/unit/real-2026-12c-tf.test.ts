// The TensorFlow-family sweep (fixtures/real-2026-12c-tf, MANIFEST.md): SavedModels, frozen graphs, checkpoints,
// Keras 3 files and TFLite flatbuffers made the ordinary way by TensorFlow 2.21 / Keras 3.15. Benign ones must
// stay below WARNING; the attacks, built with the real tools, are pinned to the findings they earn. The two
// misses the sweep found (tf.data sources and sinks traced into a signature) have their benign look-alike (an
// in-memory tf.data pipeline with cache()) in the benign folder.
import { describe, expect, it } from 'vitest';
import { SEVERITY_RANK } from '../../src/engine';
import { alarms, checkManifestAndBenign, fixtureGroup } from '../helpers/fixture-group';

const GROUP = fixtureGroup('real-2026-12c-tf');
const { scanFile } = GROUP;

checkManifestAndBenign(GROUP, 'real-2026-12c-tf');

/** The distinct "severity rule" pairs at WARNING or above. */
const rules = async (rel: string) => [...new Set((await scanFile(rel)).findings
  .filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning).map((f) => `${f.severity} ${f.ruleId}`))].sort();

describe('real-2026-12c-tf: the benign files are read, not skipped', () => {
  it('SavedModels, frozen graphs and TFLite models are parsed by their own scanners', async () => {
    expect((await scanFile('benign/savedmodel/module-controlflow/saved_model.pb')).format).toBe('tensorflow');
    expect((await scanFile('benign/keras-export/custom-act/saved_model.pb')).format).toBe('tensorflow');
    expect((await scanFile('benign/frozen/frozen_graph.pb')).format).toBe('tensorflow');
    expect((await scanFile('benign/frozen/frozen_graph.pbtxt')).format).toBe('tensorflow');
    expect((await scanFile('benign/tflite/select-tf-ops.tflite')).format).toBe('tflite');
    expect((await scanFile('benign/keras/custom-act.keras')).format).toBe('keras');
  });

  it('a SavedModel\'s debug/saved_model_debug_info.pb (GraphDebugInfo: source paths) is not taken for a MetaGraphDef (was WARNING format/malformed)', async () => {
    const r = await scanFile('benign/savedmodel/debug-info/debug/saved_model_debug_info.pb');
    expect(r.format).not.toBe('tensorflow');
    expect(r.findings.filter((f) => f.ruleId === 'format/malformed')).toEqual([]);
  });

  it('an in-memory tf.data pipeline (cache() with no file name) in a signature raises no file-access finding', async () => {
    const r = await scanFile('benign/savedmodel/dataset-in-memory/saved_model.pb');
    expect(r.findings.filter((f) => f.ruleId === 'tensorflow/file-access')).toEqual([]);
  });
});

describe('real-2026-12c-tf: attacks made with the real tools are flagged', () => {
  it('tf.py_function and tf.numpy_function in a saved signature are CRITICAL (they call Python on load)', async () => {
    expect(await rules('flagged/savedmodel/py-function/saved_model.pb')).toEqual(['critical tensorflow/python-op']);
    expect(await rules('flagged/savedmodel/numpy-function/saved_model.pb')).toEqual(['critical tensorflow/python-op']);
    expect(await rules('flagged/frozen/py-function.pb')).toEqual(['critical tensorflow/python-op']);
  });

  it('tf.io.write_file to an absolute path is CRITICAL; reading /etc/passwd and listing ~/.ssh are WARNING', async () => {
    const w = alarms(await scanFile('flagged/savedmodel/write-file/saved_model.pb'));
    expect(w.some((a) => a.startsWith('critical tensorflow/file-access WriteFile') && a.endsWith('writes a file: /tmp/modelgate-tf-pwned'))).toBe(true);
    expect(w.some((a) => a.startsWith('warning tensorflow/file-access ReadFile') && a.endsWith('reads a file: /etc/passwd'))).toBe(true);
    expect(await rules('flagged/frozen/write-file.pb')).toEqual(['critical tensorflow/file-access', 'warning tensorflow/file-access']);
    expect(await rules('flagged/savedmodel/read-file-only/saved_model.pb')).toEqual(['warning tensorflow/file-access']);
    expect(await rules('flagged/savedmodel/matching-files/saved_model.pb')).toEqual(['warning tensorflow/file-access']);
  });

  it('tf.print to a file:// stream and SaveV2 to an absolute prefix in a signature are WARNING', async () => {
    expect(await rules('flagged/savedmodel/print-to-file/saved_model.pb')).toEqual(['warning tensorflow/print-to-file']);
    expect(await rules('flagged/savedmodel/save-v2/saved_model.pb')).toEqual(['warning tensorflow/checkpoint-path']);
  });

  it('(was a miss) tf.data.TextLineDataset("/etc/passwd") traced into a signature is WARNING: it reads the file', async () => {
    const a = alarms(await scanFile('flagged/savedmodel/textline-dataset/saved_model.pb'));
    expect(a).toHaveLength(1);
    // tf.data passes the file name into the flat_map function as an argument: the op is judged, the path is not seen.
    expect(a[0]).toMatch(/^warning tensorflow\/file-access TextLineDataset node "TextLineDataset" in function __inference_Dataset_flat_map_read_one_file_\d+ \(called from .*\) reads text files line by line \(tf\.data\.TextLineDataset\)$/);
  });

  it('(was a miss) tf.data.experimental.TFRecordWriter("/tmp/...") in a signature is CRITICAL: it writes outside the model folder', async () => {
    const a = alarms(await scanFile('flagged/savedmodel/tfrecord-writer/saved_model.pb'));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^critical tensorflow\/file-access DatasetToTFRecord node .* writes a TFRecord file: \/tmp\/modelgate-tf-pwned$/);
  });

  it('Python ops nested in a tf.data map function and in a while body inside a cond branch are CRITICAL', async () => {
    expect(await rules('flagged/savedmodel/py-function-in-dataset-map/saved_model.pb')).toEqual(['critical tensorflow/python-op']);
    expect(await rules('flagged/savedmodel/numpy-function-in-while/saved_model.pb')).toEqual(['critical tensorflow/python-op']);
  });

  it('(was a miss) DebugIdentity with debug_urls file:///tmp/... is CRITICAL: it dumps every tensor it sees outside the model folder', async () => {
    const a = alarms(await scanFile('flagged/savedmodel/debug-identity-file/saved_model.pb'));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^critical tensorflow\/file-access DebugIdentity node "DebugIdentity" in .* dumps the tensors it sees to file:\/\/\/tmp\/modelgate-tf-dump$/);
  });

  it('(was a miss) the same DebugIdentity in a text graph (.pbtxt) is CRITICAL; an in-memory cache() there stays silent', async () => {
    expect(alarms(await scanFile('flagged/frozen/debug-identity-file.pbtxt')))
      .toEqual(['critical tensorflow/file-access A debug op in a text graph dumps the tensors it sees to file:///tmp/modelgate-tf-dump']);
    const r = await scanFile('benign/frozen/dataset-in-memory.pbtxt');
    expect(r.format).toBe('tensorflow');
    expect(r.findings.filter((f) => f.ruleId === 'tensorflow/file-access')).toEqual([]);
  });

  it('(was a miss) LoadAndRemapMatrix reading a checkpoint at an absolute path is the checkpoint-path WARNING', async () => {
    const a = alarms(await scanFile('flagged/savedmodel/load-and-remap/saved_model.pb'));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatch(/^warning tensorflow\/checkpoint-path LoadAndRemapMatrix node .* uses an absolute path: \/tmp\/other-model\/ckpt$/);
  });

  it('(was a miss) a signature that ships its input to a tf.data service (distribute to grpc://attacker.example:5000) is the network-op WARNING, with the address', async () => {
    const a = alarms(await scanFile('flagged/savedmodel/data-service/saved_model.pb'));
    expect(a).toHaveLength(2);
    expect(a[0]).toMatch(/^warning tensorflow\/network-op RegisterDatasetV2 node .* sends a dataset to a tf\.data service dispatcher: attacker\.example:5000$/);
    expect(a[1]).toMatch(/^warning tensorflow\/network-op DataServiceDatasetV4 node .* reads elements from a tf\.data service: attacker\.example:5000$/);
  });

  it('tf.io.decode_proto with a descriptor file outside the model is the proto-descriptor-source WARNING', async () => {
    expect(await rules('flagged/savedmodel/decode-proto-descriptor/saved_model.pb')).toEqual(['warning tensorflow/proto-descriptor-source']);
  });

  it('Keras 3 Lambda layers saved as .keras and .h5 are CRITICAL (marshalled bytecode runs on load)', async () => {
    expect(await rules('flagged/keras/lambda.keras')).toEqual(['critical keras/lambda-bytecode']);
    expect(await rules('flagged/keras/lambda.h5')).toEqual(['critical keras/lambda-bytecode']);
  });

  it('TFLite Flex ops ReadFile, WriteFile and PrintV2 (SELECT_TF_OPS) are WARNING', async () => {
    for (const f of ['flex-read-file', 'flex-write-file', 'flex-print-to-file']) {
      expect(await rules(`flagged/tflite/${f}.tflite`)).toEqual(['warning tflite/filesystem-op']);
    }
  });
});
