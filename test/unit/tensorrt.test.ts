// TensorRT engines (fixtures/tensorrt, stand-ins: the format is undocumented). The scanner reads the
// public header words and names in strings; it never calls an engine complete.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { readHeader } from '../../src/engine/formats/tensorrt/header';
import { BUILTIN_PLUGINS } from '../../src/engine/formats/tensorrt/builtin-plugins';

const DIR = 'fixtures/tensorrt';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string, name = rel.split('/').pop()!): Promise<FileReport> => scan(fromBytes(load(rel), name));
const serious = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const rules = (r: FileReport) => r.findings.map((f) => f.ruleId);

describe('tensorrt: header', () => {
  it('reads the tag and version words at 0, and after an Ultralytics metadata prefix', () => {
    const plain = load('benign/resnet_nms.engine');
    expect(readHeader(plain, plain.length)).toMatchObject({ engineOffset: 0, metadata: null, magic: 'ftrt', words: [239, 0] });
    const yolo = load('benign/yolo11n.engine');
    const h = readHeader(yolo, yolo.length);
    expect(h.metadata!.start).toBe(4);
    expect([h.engineOffset, h.magic]).toEqual([4 + h.metadata!.length, 'ftrt']);
  });

  it('knows the OSS plugin names from the generated list (current and deprecated)', () => {
    for (const n of ['EfficientNMS_TRT', 'BatchedNMS_TRT', 'CustomQKVToContextPluginDynamic', 'ROIAlign_TRT']) expect(BUILTIN_PLUGINS.has(n)).toBe(true);
  });
});

describe('tensorrt: benign engines stay below WARNING and are never complete', () => {
  for (const f of ['benign/resnet_nms.engine', 'benign/bert.plan', 'benign/yolo11n.engine']) {
    it(`${f}: INFO only, incomplete, tensorrt/not-parsed says what was not checked`, async () => {
      const r = await run(f);
      expect(r.format).toBe('tensorrt');
      expect(serious(r)).toEqual([]);
      expect(r.complete).toBe(false);
      expect(r.status).not.toBe('clean');
      expect(r.findings.find((x) => x.ruleId === 'tensorrt/not-parsed')!.message).toMatch(/layers, weights, kernels and plugin record fields were not decoded/);
      expect(rules(r)).not.toContain('file/unrecognized-format');
    });
  }

  it('lists TensorRT\'s own plugins as INFO (an ONNX node name holding one is not a new plugin)', async () => {
    const r = await run('benign/resnet_nms.engine');
    expect(r.findings.find((f) => f.ruleId === 'tensorrt/builtin-plugin')!.evidence).toBe('EfficientNMS_TRT');
    expect(r.nodes[0]!.notes!.plugins).toEqual({ builtin: ['EfficientNMS_TRT'], other: [] });
    // TensorRT's own libraries are the runtime, not foreign code: noted, not judged.
    expect(r.nodes[0]!.notes!.runtimeLibraries).toEqual(['libnvinfer_plugin.so.10', 'nvinfer_10.dll']);
  });

  it('recognises an engine by its tag under any name, and Ultralytics\' prefixed engines', async () => {
    expect((await run('benign/bert.plan', 'model.bin')).format).toBe('tensorrt');
    const r = await run('benign/yolo11n.engine', 'weights');
    expect(r.format).toBe('tensorrt');
    expect(r.nodes[0]!.notes!.metadataKeys).toContain('names');
  });
});

describe('tensorrt: attacks', () => {
  it('a plugin TensorRT does not ship and the library providing it are WARNINGs', async () => {
    const r = await run('malicious/custom_plugin.engine');
    expect(r.findings.find((f) => f.ruleId === 'tensorrt/custom-plugin')!.evidence).toBe('MyDecodePluginDynamic');
    expect(r.findings.find((f) => f.ruleId === 'tensorrt/library-reference')!.evidence).toBe('libmy_decode_plugin.so');
    expect(serious(r).every((f) => f.severity === 'warning')).toBe(true);
  });

  it('a custom _TRT plugin behind Ultralytics metadata is a WARNING', async () => {
    const r = await run('malicious/custom_trt_plugin.engine');
    expect(serious(r).map((f) => [f.ruleId, f.evidence])).toEqual([['tensorrt/custom-plugin', 'RoiDecodeX_TRT']]);
  });

  it('an ELF inside the engine is CRITICAL', async () => {
    const r = await run('malicious/elf_inside.engine');
    expect(r.findings.find((f) => f.ruleId === 'executable/elf')!.severity).toBe('critical');
  });

  it('a name-only .engine without the tag is still swept and incomplete, never a crash', async () => {
    const r = await scan(fromBytes(new Uint8Array([1, 2, 3]), 'x.engine'));
    expect(r.format).toBe('tensorrt');
    expect(r.complete).toBe(false);
  });
});

describe('tensorrt: corrupted engines are malformed, never clean', () => {
  it('an engine cut right after its tag is malformed', async () => {
    const b = load('benign/bert.plan');
    const r = await scan(fromBytes(b.subarray(0, 8), 'bert.plan'));
    expect(rules(r)).toContain('format/malformed');
    expect(serious(r).filter((f) => f.severity === 'critical')).toEqual([]);
    expect(r.status).not.toBe('clean');
  });

  it('an Ultralytics prefix whose JSON is broken, before a real tag, is malformed', async () => {
    const b = new Uint8Array(load('benign/yolo11n.engine'));
    b[4 + 10] = 0x00; // a NUL inside the JSON text
    const r = await scan(fromBytes(b, 'yolo11n.engine'));
    expect(r.format).toBe('tensorrt');
    expect(rules(r)).toContain('format/malformed');
    expect(r.status).not.toBe('clean');
  });
});

