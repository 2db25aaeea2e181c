// CNTK (fixtures/cntk, built by generate.cjs from the vendored CNTK.proto: no cntk wheel here): v2
// models recognised by content and decoded, user-defined functions that make CNTK import a Python
// module or load a native library, library names, an ELF in tensor bytes, corrupted files, legacy v1.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { decodeModel, loadDecoders } from '../../src/engine/formats/cntk/model';
import { looksLikeV2 } from '../../src/engine/formats/cntk/sniff';

const DIR = 'fixtures/cntk';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string, name = rel.split('/').pop()!): Promise<FileReport> => scan(fromBytes(load(rel), name));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('cntk: fixtures follow CNTK.proto and CompositeFunction::Serialize', () => {
  it('decodes the benign model as a composite of Times, Plus and ReLU', async () => {
    const m = decodeModel(await loadDecoders(), load('benign/dense_relu.model'), () => {});
    expect(m.type).toBe('CompositeFunction');
    expect(m.primitiveFunctions).toBe(3);
    expect([...m.ops.keys()].sort((a, b) => a - b)).toEqual([3, 19, 31]);
    expect(m.udfs).toEqual([]);
    expect(m.strings.map((s) => s.pointer)).toContain('/primitive_functions/2/name');
  });

  it('is recognised by content whatever the name, and ONNX-looking protobufs are not', () => {
    expect(looksLikeV2(load('benign/dense_relu.model'))).toBe(true);
    // A crafted first key (CNTK ignores unknown keys) whose value is a DictionaryValue still counts.
    expect(looksLikeV2(new Uint8Array([0x08, 0x01, 0x12, 0x0b, 0x0a, 0x05, 0x7a, 0x7a, 0x7a, 0x7a, 0x7a, 0x12, 0x02, 0x10, 0x06]))).toBe(true);
    expect(looksLikeV2(new Uint8Array([0x08, 0x07, 0x12, 0x07, 0x70, 0x79, 0x74, 0x6f, 0x72, 0x63, 0x68]))).toBe(false);
  });
});

describe('cntk: scanning', () => {
  it('reports the benign v2 model clean and complete, under any of its names', async () => {
    for (const [file, name] of [['benign/dense_relu.model', 'dense_relu.model'], ['benign/dense_relu.dnn', 'dense_relu.dnn'], ['benign/dense_relu.model', 'dense_relu']] as const) {
      const r = await run(file, name);
      expect(r.format).toBe('cntk');
      expect(r.nodes[0]!.notes!.version).toBe('v2');
      expect(r.findings).toEqual([]);
      expect(r.complete).toBe(true);
    }
  });

  it('keeps a primitive function with module/class attributes and .so/.dll inside words silent', async () => {
    const r = await run('benign/lookalike_attributes.model');
    expect(r.format).toBe('cntk');
    expect(r.findings).toEqual([]);
  });

  it('reports a shell command in a function name once, at its pointer (the sweep does not repeat it)', async () => {
    const r = await run('malicious/shell_in_name.model');
    const hits = r.findings.filter((x) => x.ruleId === 'strings/shell-command');
    expect(hits.map((f) => [f.severity, f.location.pointer])).toEqual([['warning', '/primitive_functions/3/name']]);
  });

  it('reports a Python user-defined function with its module and class as a WARNING', async () => {
    const r = await run('malicious/python_udf.model');
    const f = r.findings.find((x) => x.ruleId === 'cntk/python-udf')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('module=evil_ops.layers, class=MySigmoid, op=MySigmoid');
    expect(f.location.pointer).toBe('/primitive_functions/3');
  });

  it('reports a native user-defined function with its library and factory as a WARNING', async () => {
    const r = await run('malicious/native_udf.model');
    const f = r.findings.find((x) => x.ruleId === 'cntk/native-udf')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('module=Cntk.ExtensibilityExamples-2.7, deserialize_method=CreateUserTimesFunction, op=UserTimes');
  });

  it('reports a function named after a DLL as a library reference WARNING', async () => {
    const r = await run('malicious/dll_name.model');
    const f = r.findings.find((x) => x.ruleId === 'cntk/library-reference')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('payload.dll');
    expect(f.location.pointer).toBe('/primitive_functions/3/name');
  });

  it('finds an ELF executable hidden in a parameter tensor through the sweep (CRITICAL)', async () => {
    const r = await run('malicious/elf_in_tensor.model');
    expect(r.format).toBe('cntk');
    expect(r.findings.find((x) => x.ruleId === 'executable/elf')!.severity).toBe('critical');
  });

  it('reports truncated and corrupted models as malformed, never clean and never a crash', async () => {
    for (const f of ['malformed/truncated.model', 'malformed/corrupted.model']) {
      const r = await run(f);
      expect(r.findings.some((x) => x.ruleId === 'format/malformed'), f).toBe(true);
      expect(r.complete, f).toBe(false);
    }
  });

  it('reports a .dnn file that is neither v1 nor a v2 composite as malformed, not clean', async () => {
    const r = await scan(fromBytes(new TextEncoder().encode('not a network at all, just text\n'), 'model.dnn'));
    expect(r.format).toBe('cntk');
    expect(r.findings.map((f) => f.ruleId)).toContain('format/malformed');
    expect(r.complete).toBe(false);
  });

  it('recognises a legacy v1 network by its UTF-16 "BCN" marker, sweeps it and reports it incomplete', async () => {
    const r = await run('benign/legacy_v1.dnn');
    expect(r.format).toBe('cntk');
    expect(r.nodes[0]!.notes!.version).toBe('v1');
    expect(aboveInfo(r)).toEqual([]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['cntk/v1-not-parsed']);
    expect(r.complete).toBe(false);
  });
});
