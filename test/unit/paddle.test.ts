// PaddlePaddle (fixtures/paddle, built by generate.py from framework.proto field numbers): py_func,
// file ops that leave the model folder, pickled parameter files, corrupted programs.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { parseProgram } from '../../src/engine/formats/paddle/program';

const DIR = 'fixtures/paddle';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string): Promise<FileReport> => scan(fromBytes(load(rel), rel.split('/').pop()!));
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('paddle: fixtures follow framework.proto', () => {
  it('reads the benign program as one block of five ops with its version', () => {
    const p = parseProgram(load('benign/inference.pdmodel'), () => {});
    expect(p.blocks).toBe(1);
    expect(p.ops.map((o) => o.type)).toEqual(['feed', 'matmul_v2', 'elementwise_add', 'relu', 'fetch']);
    expect(p.ops[3]!.attrs).toEqual([{ name: 'op_namescope', strings: ['/'] }]);
    expect(p.version).toBe(2006000);
  });
});

describe('paddle: scanning', () => {
  it('reports the benign inference program and pdparams clean', async () => {
    const r = await run('benign/inference.pdmodel');
    expect(r.format).toBe('paddle');
    expect(r.findings).toEqual([]);
    expect(r.nodes[0]!.notes!.ops).toBe(5);
    expect((await run('benign/model.pdparams')).findings.filter((f) => f.severity !== 'debug')).toEqual([]);
  });

  it('reports a save op with a relative path at INFO only', async () => {
    const r = await run('benign/relative_save.pdmodel');
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['paddle/file-op', 'info']]);
  });

  it('reports py_func as CRITICAL', async () => {
    const r = await run('malicious/py_func.pdmodel');
    const f = r.findings.find((x) => x.ruleId === 'paddle/py-func')!;
    expect(f.severity).toBe('critical');
    expect(f.location.pointer).toBe('/blocks/0/ops/5');
  });

  it('reports a save op writing /home/user/.bashrc as a WARNING', async () => {
    const r = await run('malicious/save_abs_path.pdmodel');
    const f = r.findings.find((x) => x.ruleId === 'paddle/file-op')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('save /home/user/.bashrc');
  });

  it('reports a .pdparams pickle reducing to os.system as CRITICAL', async () => {
    const r = await run('malicious/system.pdparams');
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(true);
  });

  for (const name of ['truncated.pdmodel', 'bad_length.pdmodel']) {
    it(`reports ${name} malformed, not malicious`, async () => {
      const r = await run(`malformed/${name}`);
      expect(r.nodes[0]!.status).toBe('malformed');
      expect(aboveInfo(r).map((f) => f.ruleId)).toEqual(['format/malformed']);
    });
  }
});
