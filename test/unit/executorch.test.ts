// ExecuTorch programs (fixtures/executorch, built from program.fbs by flatc: see its MANIFEST.md). The
// structure test decodes the fixtures with the schema-generated accessors and checks them against the
// layout _program.py writes; the scan tests build the attacks the scanner must judge.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { FormatError } from '../../src/engine/types';
import { parseHeader } from '../../src/engine/formats/executorch/header';
import { inMemory, parseProgram } from '../../src/engine/formats/executorch/parse';

const DIR = 'fixtures/executorch';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string, name = rel.split('/').pop()!): Promise<FileReport> => scan(fromBytes(load(rel), name));
const serious = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');
const rules = (r: FileReport) => r.findings.map((f) => f.ruleId);
const parse = (b: Uint8Array) => parseProgram(inMemory(b, b.length), parseHeader(b.subarray(0, 64)));

describe('executorch: fixtures follow program.fbs and the .pte layout', () => {
  it('the vendored schema declares the ET12 identifier the generated accessors check', async () => {
    const { Program } = await import('../../src/engine/formats/executorch/schema/generated');
    const { ByteBuffer } = await import('flatbuffers');
    expect(readFileSync('src/engine/formats/executorch/schema/program.fbs', 'utf8')).toMatch(/^file_identifier "ET12";$/m);
    expect(Program.bufferHasIdentifier(new ByteBuffer(load('benign/add_xnnpack.pte')))).toBe(true);
  });

  it('decodes the XNNPACK-style program: header, plan, operators, delegate in segment 0, constants in segment 1', () => {
    const b = load('benign/add_xnnpack.pte');
    const p = parse(b);
    expect(p.header.identifier).toBe('ET12');
    const eh = p.header.extended!;
    expect(eh.length).toBe(32);
    expect(eh.segmentBaseOffset % 128).toBe(0);
    expect(eh.segmentBaseOffset).toBeGreaterThanOrEqual(eh.programSize);
    expect(eh.segmentBaseOffset + eh.segmentDataSize).toBe(b.length);
    expect(p.problems).toEqual([]);
    expect(p.plans.map((x) => [x.name, x.operators, x.delegates, x.instructions])).toEqual([['forward', 4, 1, 5]]);
    expect(p.operators.map((o) => `${o.name}.${o.overload}`)).toEqual([
      'aten::add.out', 'dim_order_ops::_to_dim_order_copy.out', 'quantized_decomposed::quantize_per_tensor.out', 'executorch_prim::et_view.default']);
    expect(p.segments).toEqual([{ index: 0, start: eh.segmentBaseOffset, length: 118 }, { index: 1, start: eh.segmentBaseOffset + 128, length: 64 }]);
    expect(p.delegates.map((d) => [d.id, d.location, d.dataIndex, d.blob])).toEqual([['XnnpackBackend', 'segment', 0, { start: eh.segmentBaseOffset, length: 118 }]]);
    expect(p.constantSegment).toEqual({ segment: 1, offsets: 2 });
    // The delegate blob is the bytes the generator wrote: XNNPACK's "XN00" header magic at 4.
    expect(String.fromCharCode(...b.subarray(eh.segmentBaseOffset + 4, eh.segmentBaseOffset + 8))).toBe('XN00');
  });

  it('decodes the inline layout: no extended header, inline delegate data and constant buffers', () => {
    const b = load('benign/inline_coreml.pte');
    const p = parse(b);
    expect(p.header.extended).toBeNull();
    expect(p.constantBuffers).toBe(2);
    const d = p.delegates[0]!;
    expect([d.id, d.location, d.compileSpecs]).toEqual(['CoreMLBackend', 'inline', [{ key: 'compute_units', length: 3 }]]);
    expect(new TextDecoder().decode(b.subarray(d.blob!.start, d.blob!.start + d.blob!.length))).toBe('{"version":"1.0"}');
  });
});

describe('executorch: benign programs stay below WARNING and are complete', () => {
  for (const f of ['benign/add_xnnpack.pte', 'benign/inline_coreml.pte', 'benign/llama_sdpa.pte']) {
    it(`${f} is parsed, complete, with INFO findings only`, async () => {
      const r = await run(f);
      expect(r.format).toBe('executorch');
      expect(serious(r)).toEqual([]);
      expect(r.complete).toBe(true);
      expect(rules(r)).not.toContain('compiled/not-parsed');
      expect(rules(r)).toContain('executorch/delegate');
    });
  }

  it('recognises a program by its ET12 identifier without the .pte name', async () => {
    expect((await run('benign/add_xnnpack.pte', 'model.bin')).format).toBe('executorch');
  });

  it('decodes an ET11 program as ET12 but says so and stays incomplete', async () => {
    const b = load('benign/add_xnnpack.pte').slice();
    b[7] = 0x31; // "ET11"
    const r = await scan(fromBytes(b, 'old.pte'));
    expect([r.format, r.complete, serious(r)]).toEqual(['executorch', false, []]);
    expect(r.findings.find((f) => f.ruleId === 'executorch/other-schema')!.evidence).toBe('ET11');
  });

  it('notes llama custom ops as ExecuTorch extension kernels (INFO), not custom ones', async () => {
    const r = await run('benign/llama_sdpa.pte');
    expect(r.findings.find((f) => f.ruleId === 'executorch/extension-op')!.evidence).toBe('llama::sdpa_with_kv_cache.out');
  });
});

describe('executorch: attacks', () => {
  it('a delegate segment holding an ELF shared object is CRITICAL, located in the blob', async () => {
    const r = await run('malicious/delegate_elf.pte');
    const elf = r.findings.find((f) => f.ruleId === 'executable/elf')!;
    expect(elf.severity).toBe('critical');
    expect(elf.location.path[1]).toMatch(/^\[bytes \d+-\d+\]$/);
  });

  it('an ELF in inline delegate data for an unregistered backend is CRITICAL plus an unknown-backend WARNING', async () => {
    const r = await run('malicious/inline_elf_unknown_backend.pte');
    expect(r.findings.find((f) => f.ruleId === 'executable/elf')!.severity).toBe('critical');
    const b = r.findings.find((f) => f.ruleId === 'executorch/unknown-backend')!;
    expect([b.severity, b.evidence, b.location.pointer]).toEqual(['warning', 'ShadyBackend', '/execution_plan/0/delegates/0']);
  });

  it('a custom operator outside every ExecuTorch kernel library is a WARNING naming it', async () => {
    const r = await run('malicious/custom_op.pte');
    const f = r.findings.find((x) => x.ruleId === 'executorch/custom-op')!;
    expect([f.severity, f.evidence, f.location.pointer]).toEqual(['warning', 'evilops::run_shell.out', '/execution_plan/0/operators/4']);
    expect(serious(r).map((x) => x.ruleId)).toEqual(['executorch/custom-op']);
  });

  it('an ELF in a segment nothing references is found (CRITICAL)', async () => {
    const r = await run('malicious/unreferenced_segment_elf.pte');
    expect(r.findings.some((f) => f.ruleId === 'executable/elf' && f.severity === 'critical')).toBe(true);
  });

  it('an ELF as a compile spec value, inside the flatbuffer, is CRITICAL (program sweep)', async () => {
    const r = await run('malicious/compile_spec_elf.pte');
    const f = r.findings.find((x) => x.ruleId === 'executable/elf')!;
    expect([f.severity, f.location.path.length]).toEqual(['critical', 1]);
  });

  it('an ELF in inline delegate data that no delegate references is CRITICAL', async () => {
    const r = await run('malicious/unreferenced_inline_elf.pte');
    expect(r.findings.filter((x) => x.ruleId === 'executable/elf').map((x) => [x.severity, x.location.path.length])).toEqual([['critical', 2]]);
  });

  it('an ELF appended after the last segment is found (CRITICAL)', async () => {
    const b = load('benign/add_xnnpack.pte');
    const elf = load('malicious/inline_elf_unknown_backend.pte').subarray(64, 184);
    const joined = new Uint8Array(b.length + elf.length);
    joined.set(b); joined.set(elf, b.length);
    const r = await scan(fromBytes(joined, 'model.pte'));
    const elfHit = r.findings.find((f) => f.ruleId === 'executable/elf')!;
    // The gap child starts where the last segment's data ends (its alignment padding comes first).
    const [, start, end] = /^\[bytes (\d+)-(\d+)\]$/.exec(elfHit.location.path[1]!)!.map(Number);
    expect([elfHit.severity, start! + elfHit.location.offset!, end]).toEqual(['critical', b.length, joined.length]);
  });
});

describe('executorch: corrupted programs are malformed, never a crash and never clean', () => {
  for (const [f, rule] of [
    ['malformed/truncated.pte', 'executorch/out-of-bounds'],
    ['malformed/segment_base_past_end.pte', 'executorch/out-of-bounds'],
    ['malformed/dangling_delegate.pte', 'executorch/out-of-bounds'],
    ['malformed/root_outside.pte', 'format/malformed'],
    ['malformed/constant_past_segment.pte', 'executorch/out-of-bounds'],
    ['malformed/dangling_constant.pte', 'executorch/out-of-bounds'],
  ] as const) {
    it(`${f} is malformed (${rule}), without CRITICAL`, async () => {
      const r = await run(f);
      expect(r.nodes[0]!.status).toBe('malformed');
      expect(r.complete).toBe(false);
      expect(rules(r)).toContain(rule);
      expect(r.findings.filter((x) => x.severity === 'critical')).toEqual([]);
    });
  }

  it('names the constant tensor whose data runs past its segment', async () => {
    const r = await run('malformed/constant_past_segment.pte');
    const f = r.findings.find((x) => x.ruleId === 'executorch/out-of-bounds')!;
    expect([f.location.pointer, f.evidence]).toEqual(['/execution_plan/0/values/1', '0+4000 > 64']);
  });

  it('a .pte without the ET identifier is malformed', async () => {
    const r = await scan(fromBytes(new TextEncoder().encode('not a program at all, just text'), 'x.pte'));
    expect(r.nodes[0]!.status).toBe('malformed');
  });

  it('every truncation of the benign program parses or throws FormatError', () => {
    const b = load('benign/add_xnnpack.pte');
    for (let n = 8; n < b.length; n += 7) {
      try { parse(b.subarray(0, n)); } catch (e) { expect(e).toBeInstanceOf(FormatError); }
    }
  });
});
