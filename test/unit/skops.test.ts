// skops: real estimators dumped by skops.io.dump stay clean; schema.json edited into the published
// attack shapes is CRITICAL with the CVE named; damaged files are malformed, never clean
// (fixtures/skops, see its MANIFEST.md for how each file was made and what skops itself says).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { parseSkopsSchema } from '../../src/engine/formats/skops/parse';
import { judgeSchema } from '../../src/engine/formats/skops/judge';
import { buildZip } from '../builders/zip';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/skops/${p}`));
const fixture = (p: string, name = p.split('/').pop()!) => scan(fromBytes(load(p), name));
const find = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);
const alarms = (r: FileReport) => r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning');

const node = (loader: string, module: string, cls: string, extra: object = {}) => ({ __loader__: loader, __module__: module, __class__: cls, ...extra });
const json = (v: unknown) => node('JsonNode', 'builtins', typeof v === 'string' ? 'str' : 'int', { content: JSON.stringify(v), is_json: true });
const root = (attrs: Record<string, unknown>) => node('ObjectNode', 'sklearn.linear_model._logistic', 'LogisticRegression',
  { protocol: 2, content: node('DictNode', 'builtins', 'dict', { content: attrs, key_types: node('ListNode', 'builtins', 'list', { content: [] }) }) });

describe('skops: real dumps (skops.io.dump) stay clean', () => {
  for (const f of ['logistic-regression', 'pipeline', 'random-forest', 'function-transformer']) {
    it(`${f}.skops: format skops, nothing above INFO, no untrusted types, arrays scanned`, async () => {
      const r = await fixture(`benign/${f}.skops`);
      expect(r.format).toBe('skops');
      expect(alarms(r)).toEqual([]);
      expect(find(r, 'skops/untrusted-types')).toEqual([]);
      expect(r.complete).toBe(true);
      if (f !== 'function-transformer') expect(r.nodes.some((n) => n.format === 'numpy')).toBe(true);
      expect(r.nodes.some((n) => n.path.at(-1) === 'schema.json')).toBe(false); // judged, not swept again
    });
  }

  it('recognises a skops dump by its last central record even when renamed .zip', async () => {
    const r = await fixture('benign/pipeline.skops', 'model.zip');
    expect(r.format).toBe('skops');
  });
});

describe('skops: attack shapes', () => {
  it('flags operator.call(posix.system, "echo pwned") CRITICAL with the reconstructed call, and lists trusted= names', async () => {
    const r = await fixture('malicious/operator-call-system.skops');
    const hits = find(r, 'skops/dangerous-reference');
    expect(hits.map((h) => h.evidence)).toEqual(expect.arrayContaining(['operator.call(posix.system, "echo pwned")', 'posix.system']));
    expect(hits[0]!.severity).toBe('critical');
    expect(hits[0]!.location.pointer).toMatch(/^schema\.json#\/content\/content\/C/);
    expect(find(r, 'skops/untrusted-types')[0]).toMatchObject({ severity: 'info', evidence: 'operator.call, posix.system' });
  });

  it('names CVE-2025-54412 for an OperatorFuncNode labelled as a scikit-learn type', async () => {
    const r = await fixture('malicious/operator-type-confusion.skops');
    expect(find(r, 'skops/operator-type-confusion')[0]).toMatchObject({ severity: 'critical' });
    expect(find(r, 'skops/operator-type-confusion')[0]!.message).toMatch(/CVE-2025-54412/);
  });

  it('names CVE-2025-54413 for a MethodNode labelled LogisticRegression bound to subprocess.Popen.__reduce_ex__', async () => {
    const r = await fixture('malicious/method-node-mismatch.skops');
    expect(find(r, 'skops/method-mismatch')[0]).toMatchObject({ severity: 'critical', evidence: 'subprocess.Popen.__reduce_ex__' });
  });

  it('flags a FunctionTransformer whose func is builtins.eval CRITICAL', async () => {
    const r = await fixture('malicious/function-eval.skops');
    expect(find(r, 'skops/dangerous-reference')[0]).toMatchObject({ severity: 'critical', evidence: 'builtins.eval' });
  });

  it('scans a BytesNode member by content: its os.system pickle is CRITICAL', async () => {
    const r = await fixture('malicious/bytes-member-pickle.skops');
    expect(find(r, 'pickle/dangerous-call')[0]!.location.path).toEqual(['bytes-member-pickle.skops', 'payload.bin']);
  });

  it('warns about a callable skops does not trust and the policy does not know, and keeps known-safe ones and user classes INFO', () => {
    const schema = parseSkopsSchema(root({
      a: node('FunctionNode', 'mylib.models', 'Custom'),
      d: node('ObjectNode', '__main__', 'DivideColumns'), // a user's own transformer (modelaudit's benign pipeline.skops)
      b: node('TypeNode', 'collections', 'OrderedDict'),
      c: node('FunctionNode', 'numpy', 'log1p'),
    }));
    const j = judgeSchema(schema);
    expect(j.verdicts.map((v) => [v.rule, v.evidence])).toEqual([['skops/untrusted-type', 'mylib.models.Custom']]);
    expect(j.untrusted).toEqual(['__main__.DivideColumns', 'collections.OrderedDict', 'mylib.models.Custom']);
  });

  it('judges a protocol-0 FunctionNode by the function its content names, not its label', () => {
    const schema = parseSkopsSchema(root({ f: node('FunctionNode', 'numpy', 'log1p', { content: { module_path: 'os', function: 'system' } }) }));
    expect(judgeSchema(schema).verdicts[0]).toMatchObject({ rule: 'skops/dangerous-reference', evidence: 'os.system' });
  });

  it('warns about an unknown loader and about members no node reads', async () => {
    const schema = JSON.stringify(root({ x: node('EvalNode', 'builtins', 'str', { content: '1' }) }));
    const r = await scan(fromBytes(buildZip({ members: [{ name: 'extra.bin', data: 'hello' }, { name: 'schema.json', data: schema }] }), 'm.skops'));
    expect(find(r, 'skops/unknown-node')[0]).toMatchObject({ severity: 'warning', evidence: 'EvalNode' });
    expect(find(r, 'skops/unexpected-member')[0]).toMatchObject({ severity: 'warning', location: { pointer: 'extra.bin' } });
  });

  it('scans a zip whose last member is an ordinary schema.json as a plain zip, schema included', async () => {
    const r = await scan(fromBytes(buildZip({ members: [{ name: 'data.csv', data: 'a,b\n1,2\n' }, { name: 'schema.json', data: '{"type": "object"}' }] }), 'dataset.zip'));
    expect(alarms(r)).toEqual([]);
    expect(r.nodes.some((n) => n.path.at(-1) === 'schema.json')).toBe(true);
  });
});

describe('skops: damaged files are malformed, never clean', () => {
  for (const f of ['node-without-loader', 'schema-cut', 'truncated']) {
    it(`${f}.skops: format/malformed, incomplete`, async () => {
      const r = await fixture(`malformed/${f}.skops`);
      expect(find(r, 'format/malformed').length).toBeGreaterThan(0);
      expect(r.complete).toBe(false);
    });
  }
  it('missing-array-file.skops: the missing member is named', async () => {
    const r = await fixture('malformed/missing-array-file.skops');
    expect(find(r, 'skops/missing-member')[0]!.message).toMatch(/NdArrayNode .* reads member "\d+\.npy"/);
  });
});

describe('skops: names only the knowledge base judges (generate_kb.py)', () => {
  it('SelectKBest(chi2) + FunctionTransformer(zscore, normalize) (3 WARNINGs before) → INFO only: the analysis cleared them', async () => {
    const r = await fixture('benign/kb-functions.skops');
    expect(alarms(r)).toEqual([]);
    expect(find(r, 'skops/untrusted-types')[0]?.evidence).toContain('sklearn.feature_selection._univariate_selection.chi2');
  });

  it('make_scorer(f1_score) (WARNING before) → INFO only', async () => {
    expect(alarms(await fixture('benign/kb-scorer.skops'))).toEqual([]);
  });

  it('FunctionTransformer(typing.get_type_hints), which evaluates strings (WARNING before) → CRITICAL with the reach', async () => {
    const r = await fixture('malicious/kb-get-type-hints.skops');
    const [hit] = find(r, 'skops/dangerous-reference');
    expect([hit?.severity, hit?.evidence]).toEqual(['critical', 'typing.get_type_hints']);
    expect(hit?.message).toContain('reaches code execution');
  });
});
