// MXNet (fixtures/mxnet, built by generate.py from the mx.nd.save / Symbol.save layouts): Custom
// operators in the graph, payloads after the parameter list, corrupted containers.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { parseParams } from '../../src/engine/formats/mxnet/params';

const DIR = 'fixtures/mxnet';
const load = (rel: string) => new Uint8Array(readFileSync(`${DIR}/${rel}`));
const run = (rel: string): Promise<FileReport> => scan(fromBytes(load(rel), rel.split('/').pop()!));
const ids = (r: FileReport) => [...new Set(r.findings.map((f) => f.ruleId))].sort();
const aboveInfo = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

describe('mxnet: the parameter container layout', () => {
  it('reads the benign list as two float32 arrays with their names and nothing left over', async () => {
    const b = load('benign/tiny-0000.params');
    const p = await parseParams(async (o, n) => b.subarray(o, o + n), b.length, () => {});
    expect(p.arrays.map((a) => [a.shape, a.dtype, a.dataBytes])).toEqual([[[2, 4], 0, 32], [[2], 0, 8]]);
    expect(p.names).toEqual(['arg:fc1_weight', 'arg:fc1_bias']);
    expect(p.end).toBe(b.length);
  });
});

describe('mxnet: scanning', () => {
  it('reports the benign symbol graph and params clean', async () => {
    for (const f of ['benign/tiny-symbol.json', 'benign/tiny-0000.params']) {
      const r = await run(f);
      expect(r.format).toBe('mxnet');
      expect(r.findings).toEqual([]);
      expect(r.complete).toBe(true);
    }
  });

  it('reports a Custom operator with its op_type as a WARNING', async () => {
    const r = await run('malicious/custom-symbol.json');
    const f = r.findings.find((x) => x.ruleId === 'mxnet/custom-op')!;
    expect(f.severity).toBe('warning');
    expect(f.evidence).toBe('Custom op_type=evil_decoder');
    expect(f.location.pointer).toBe('/nodes/5');
  });

  it('reports bytes after the names list and finds the ELF program in them', async () => {
    const r = await run('malicious/trailing-0000.params');
    expect(ids(r)).toContain('mxnet/trailing-data');
    expect(r.findings.some((f) => f.ruleId.startsWith('executable/'))).toBe(true);
  });

  for (const name of ['truncated-0000.params', 'count-bomb-0000.params', 'bad-magic-0000.params']) {
    it(`reports ${name} malformed, not malicious`, async () => {
      const r = await run(`malformed/${name}`);
      expect(r.format).toBe('mxnet');
      expect(r.nodes[0]!.status).toBe('malformed');
      expect(aboveInfo(r).map((f) => f.ruleId)).toEqual(['format/malformed']);
    });
  }

  it('leaves other JSON with a nodes list (not a graph) to the other scanners', async () => {
    const r = await scan(fromBytes(new TextEncoder().encode('{"name":"x","nodes":[1,2]}'), 'config.json'));
    expect(r.format).not.toBe('mxnet');
  });
});
