// Core ML (fixtures/coreml, built by generate.py from coremltools' proto field numbers): custom
// layers and models, linked models outside the bundle, code in metadata, corrupted specs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { parseSpec } from '../../src/engine/formats/coreml/spec';

const DIR = 'fixtures/coreml';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string): Promise<FileReport> => scan(fromBytes(load(rel), rel.split('/').pop()!));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('coreml: fixtures follow Model.proto', () => {
  it('reads the pipeline as spec version 4 with a pipeline of two neural networks', async () => {
    const s = await parseSpec(load('benign/pipeline.mlmodel'), () => {});
    expect(s.version).toBe(4);
    expect(s.modelTypes).toEqual(['pipeline', 'neuralNetwork', 'neuralNetwork']);
    expect(s.layers).toBe(2);
    expect(s.strings.map((x) => x.pointer)).toContain('/description/metadata/author');
  });
});

describe('coreml: scanning', () => {
  it('reports the benign models clean', async () => {
    for (const f of ['benign/relu.mlmodel', 'benign/pipeline.mlmodel', 'benign/loop.mlmodel', 'benign/gallery_classifier.mlmodel']) {
      const r = await run(f);
      expect(r.format).toBe('coreml');
      expect(aboveInfo(r)).toEqual([]);
      expect(r.findings.filter((x) => !x.ruleId.startsWith('strings/url'))).toEqual([]);
    }
  });

  it('reports a custom layer with its class name as a WARNING', async () => {
    const r = await run('malicious/custom_layer.mlmodel');
    const f = r.findings.find((x) => x.ruleId === 'coreml/custom-layer')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('className=AAEvilDecoderLayer');
    expect(f.location.pointer).toBe('/layers/1');
  });

  it('reports a custom model inside a pipeline as a WARNING', async () => {
    const r = await run('malicious/custom_model_in_pipeline.mlmodel');
    const f = r.findings.find((x) => x.ruleId === 'coreml/custom-model')!;
    expect(f.location.pointer).toBe('/pipeline/models/1/customModel');
    expect(f.evidence).toBe('className=EvilCustomModel');
  });

  it('reports a linked model searched outside the bundle as a WARNING', async () => {
    const r = await run('malicious/linked_outside.mlmodel');
    const f = r.findings.find((x) => x.ruleId === 'coreml/linked-model')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('Helper.mlmodelc in /tmp/../Users/Shared');
  });

  it('sweeps a CustomModel bytes parameter as a child: a pickle calling os.system there is CRITICAL', async () => {
    const r = await run('malicious/custom_model_pickle_param.mlmodel');
    expect(r.findings.find((x) => x.ruleId === 'coreml/custom-model')!.evidence).toBe('className=TorchBridgeModel');
    const crit = r.findings.filter((x) => x.severity === 'critical');
    expect(crit.length).toBeGreaterThan(0);
    expect(crit[0]!.location.path).toEqual(['custom_model_pickle_param.mlmodel', '/customModel/parameters/state']);
  });

  it('still reads a spec whose specificationVersion is moved behind the network: the custom layer is found', async () => {
    const b = load('malicious/custom_layer.mlmodel');
    const moved = new Uint8Array([...b.subarray(2), ...b.subarray(0, 2)]); // 08 04 (version 4) now last
    expect(moved[0]).not.toBe(0x08);
    const r = await scan(fromBytes(moved, 'moved.mlmodel'));
    expect(r.format).toBe('coreml');
    expect(r.findings.find((x) => x.ruleId === 'coreml/custom-layer')!.evidence).toBe('className=AAEvilDecoderLayer');
  });

  it('reports a linked model whose file name climbs out of the bundle as a WARNING, a plain one as INFO', async () => {
    // Model{specificationVersion=4, linkedModel=556{linkedModelFile=1{fileName=1{defaultValue=1}, searchPath=2{defaultValue=1}}}}
    const enc = (s: string) => [...new TextEncoder().encode(s)];
    const sp = (no: number, s: string) => [(no << 3) | 2, s.length + 2, 0x0a, s.length, ...enc(s)];
    const linked = (name: string, path: string) => {
      const file = [...sp(1, name), ...sp(2, path)];
      const lm = [0x0a, file.length, ...file];
      return new Uint8Array([0x08, 0x04, 0xe2, 0x22, lm.length, ...lm]);
    };
    const out = (await scan(fromBytes(linked('../../../../tmp/x.mlmodelc', '$BUNDLE_MAIN'), 'l.mlmodel'))).findings.find((x) => x.ruleId === 'coreml/linked-model')!;
    expect(out.severity).toBe('warning');
    const plain = (await scan(fromBytes(linked('Encoder.mlmodelc', '$BUNDLE_MAIN'), 'l.mlmodel'))).findings;
    expect(plain.map((f) => [f.ruleId, f.severity])).toEqual([['coreml/linked-model', 'info']]);
  });

  it('sends user-defined metadata through the string detectors', async () => {
    const r = await run('malicious/metadata_command.mlmodel');
    const hit = aboveInfo(r).find((f) => f.location.pointer === '/description/metadata/userDefined/postprocess');
    expect(hit).toBeDefined();
  });

  it('finds a custom layer inside a loop layer\'s body network', async () => {
    const r = await run('malicious/custom_layer_in_loop.mlmodel');
    const f = r.findings.find((x) => x.ruleId === 'coreml/custom-layer')!;
    expect(f.severity).toBe('warning');
    expect(f.location.pointer).toBe('/layers/1/loop/bodyNetwork/layers/1');
    expect(r.nodes[0]!.notes!.layers).toBe(4);
  });

  it('sends a custom layer\'s string parameters through the detectors', async () => {
    const r = await run('malicious/custom_layer_param_command.mlmodel');
    expect(r.findings.map((f) => f.ruleId)).toContain('coreml/custom-layer');
    const hits = aboveInfo(r).filter((f) => f.location.pointer === '/layers/0/custom/parameters/script');
    expect(hits.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['strings/python-code', 'strings/shell-command']));
  });

  it('notes a SerializedModel as INFO and sweeps its opaque payload as a child', async () => {
    const r = await run('malicious/serialized_model.mlmodel');
    const f = r.findings.find((x) => x.ruleId === 'coreml/serialized-model')!;
    expect(f.severity).toBe('info');
    expect(f.evidence).toBe('identifier=com.example.opaque, 64 bytes');
    expect(r.nodes.length).toBe(2);
    expect(r.nodes[0]!.notes!.modelTypes).toEqual(['serializedModel']);
  });

  it('reports pipelines nested 1000 deep malformed, not a stack overflow', async () => {
    // Model{pipeline=202{models=1{Model{...}}}}, built inside out: each level is two length-prefixed fields.
    const varint = (n: number) => { const o: number[] = []; do { o.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0)); n >>>= 7; } while (n); return o; };
    const field = (tag: number[], body: Uint8Array) => new Uint8Array([...tag, ...varint(body.length), ...body]);
    let m = new Uint8Array([0x08, 0x04]);
    for (let i = 0; i < 1000; i++) m = new Uint8Array([0x08, 0x04, ...field([0xd2, 0x0c], field([0x0a], m))]);
    const r = await scan(fromBytes(m, 'deep.mlmodel'));
    expect(r.nodes[0]!.status).toBe('malformed');
    expect(r.findings[0]!.message).toMatch(/max depth/);
  });

  for (const name of ['truncated.mlmodel', 'bad_length.mlmodel', 'mlprogram_truncated.mlmodel']) {
    it(`reports ${name} malformed, not malicious`, async () => {
      const r = await run(`malformed/${name}`);
      expect(r.nodes[0]!.status).toBe('malformed');
      expect(aboveInfo(r).map((f) => f.ruleId)).toEqual(['format/malformed']);
    });
  }
});
