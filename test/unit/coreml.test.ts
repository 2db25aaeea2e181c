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
    for (const f of ['benign/relu.mlmodel', 'benign/pipeline.mlmodel']) {
      const r = await run(f);
      expect(r.format).toBe('coreml');
      expect(r.findings).toEqual([]);
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

  it('sends user-defined metadata through the string detectors', async () => {
    const r = await run('malicious/metadata_command.mlmodel');
    const hit = aboveInfo(r).find((f) => f.location.pointer === '/description/metadata/userDefined/postprocess');
    expect(hit).toBeDefined();
  });

  for (const name of ['truncated.mlmodel', 'bad_length.mlmodel']) {
    it(`reports ${name} malformed, not malicious`, async () => {
      const r = await run(`malformed/${name}`);
      expect(r.nodes[0]!.status).toBe('malformed');
      expect(aboveInfo(r).map((f) => f.ruleId)).toEqual(['format/malformed']);
    });
  }
});
