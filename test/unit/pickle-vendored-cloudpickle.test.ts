// Vendored copies of cloudpickle and the names they bind by tuple assignment.
//  * cloudpickle and its vendored copies bind `load, loads = pickle.load, pickle.loads`; the knowledge-base
//    generator now pairs tuple targets with tuple values (tools/knowledge/collect.py _unpack), so those names,
//    and srsly's pickle_loads that calls one, reach the deserialise sink in the knowledge itself.
//  * numba (what shap explainers hold) pickles a jitted function's Python code through numba.cloudpickle and
//    numba.core.serialize: a copy of cloudpickle is judged as cloudpickle (policy-dangerous.ts VENDORED_COPIES),
//    and numba is read by the generator, so its reducers are judged by what they reach.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { loadKnowledge } from '../../src/engine/formats/pickle/knowledge';
import { classifyGlobal } from '../../src/engine/formats/pickle/policy';
import { asm } from '../builders/pickle';

const kb = await loadKnowledge();
const reach = (module: string, name: string) => Object.fromEntries((kb.lookup(module, name)?.reach ?? []).map((r) => [r.sink, r.path]));
const alarms = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning)
  .map((f) => `${f.severity} ${f.ruleId} ${f.message}`);
const scanBytes = (b: Uint8Array, name = 'model.pkl') => scan(fromBytes(b, name));
const plainPickle = asm().proto(4).op('EMPTY_DICT').op('MARK').str('lang').str('en').str('is_stop').op('NEWFALSE')
  .str('norm').str('lowercase').op('SETITEMS').stop().build();
/** module.name(<a plain nested pickle>) */
const callWithPickle = (module: string, name: string) =>
  asm().proto(4).stackGlobal(module, name).bytes(plainPickle).op('TUPLE1').op('REDUCE').stop().build();

describe('tuple-unpacked aliases: `load, loads = pickle.load, pickle.loads` reaches the unpickler in the knowledge', () => {
  it.each([
    ['cloudpickle.cloudpickle', 'loads'], ['cloudpickle.cloudpickle', 'load'],
    ['srsly.cloudpickle.cloudpickle', 'loads'], ['numba.cloudpickle.cloudpickle', 'loads'],
    ['cloudpickle', 'loads'],
  ])('%s.%s reaches deserialize', (module, name) => {
    expect(reach(module, name).deserialize?.at(-1)).toMatch(/^_?pickle\.load/);
  });

  it("srsly's pickle_loads (spaCy) reaches deserialize through its cloudpickle copy (it was proved silent before)", () => {
    expect(reach('srsly._pickle_api', 'pickle_loads').deserialize).toEqual(['srsly._pickle_api.pickle_loads', '_pickle.loads']);
  });

  it("numba's reducer _unpickle__CustomPickled unpickles its bytes (deserialize); custom_rebuild only calls the rebuilt class's _rebuild (silent)", () => {
    expect(reach('numba.core.serialize', '_unpickle__CustomPickled').deserialize?.at(-1)).toBe('_pickle.loads');
    expect(kb.lookup('numba.core.serialize', 'custom_rebuild')?.reach).toEqual([]);
  });

  it('a pickle calling srsly.cloudpickle.cloudpickle.loads on bytes is CRITICAL, with the path the knowledge found', async () => {
    const a = alarms(await scanBytes(callWithPickle('srsly.cloudpickle.cloudpickle', 'loads')));
    expect(a.some((x) => x.startsWith('critical pickle/dangerous-call Pickle calls srsly.cloudpickle.cloudpickle.loads') && /path: srsly\.cloudpickle\.cloudpickle\.loads → /.test(x))).toBe(true);
  });

  it('numba.core.serialize.loads (an alias of its cloudpickle copy, on no reviewed list) is CRITICAL from the knowledge alone', async () => {
    const a = alarms(await scanBytes(callWithPickle('numba.core.serialize', 'loads')));
    expect(a.some((x) => x.startsWith('critical pickle/dangerous-call Pickle calls numba.core.serialize.loads'))).toBe(true);
  });
});

describe('a vendored copy of cloudpickle is judged as cloudpickle', () => {
  it.each([
    ['numba.cloudpickle.cloudpickle', '_make_function'], ['numba.cloudpickle.cloudpickle', '_function_setstate'],
    ['numba.cloudpickle.cloudpickle', '_builtin_type'], ['ray.cloudpickle.cloudpickle', '_make_skeleton_class'],
    ['pyspark.cloudpickle.cloudpickle_fast', '_function_setstate'], ['numba.cloudpickle', 'subimport'],
  ])('%s.%s is dangerous (code execution), as in cloudpickle', (module, name) => {
    const v = classifyGlobal(module, name);
    expect(v.level).toBe('dangerous');
    expect(v.category).toBe('code-execution');
  });

  it('the original and the copies joblib and srsly are listed by name keep their verdicts', () => {
    // cloudpickle.cloudpickle is the original's submodule, not a copy: its reason names no vendor
    expect(classifyGlobal('cloudpickle.cloudpickle', '_make_function').reason).not.toMatch(/vendors/);
    expect(classifyGlobal('joblib.externals.cloudpickle.cloudpickle', '_make_function').level).toBe('dangerous');
    expect(classifyGlobal('srsly.cloudpickle.cloudpickle', 'subimport').level).toBe('dangerous');
  });

  it('look-alikes that are not a copy stay unknown: modules named cloudpickle_utils or mycloudpickle', () => {
    expect(classifyGlobal('mylib.cloudpickle_utils', 'helper').level).toBe('unknown');
    expect(classifyGlobal('mylib.mycloudpickle.io', 'dump_model').level).toBe('unknown');
  });

  it.each(['cloudpickle.cloudpickle', 'numba.cloudpickle.cloudpickle'])("%s._builtin_type('float'), a plain type fetched by name, stays below WARNING", async (module) => {
    const b = asm().proto(4).stackGlobal(module, '_builtin_type').str('float').op('TUPLE1').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(b))).toEqual([]);
  });

  it("numba.cloudpickle's _builtin_type('CodeType') then called builds code: CRITICAL, as cloudpickle's", async () => {
    const b = asm().proto(4).stackGlobal('numba.cloudpickle.cloudpickle', '_builtin_type').str('CodeType').op('TUPLE1')
      .op('REDUCE').op('EMPTY_TUPLE').op('REDUCE').stop().build();
    const a = alarms(await scanBytes(b));
    expect(a.some((x) => x.startsWith('critical'))).toBe(true);
    expect(a.filter((x) => x.startsWith('warning pickle/non-allowlisted-call'))).toEqual([]);
  });
});

describe('shap explainers holding numba functions: CRITICAL, without the unknown-name WARNINGs beside it', () => {
  const ROOT = join(process.cwd(), 'fixtures', 'real-2026-12b', 'flagged', 'shap');
  it.each(['tree-explainer.pkl', 'explainer-save.bin'])('%s names no numba callable as unknown', async (file) => {
    const r = await scan(fromBytes(new Uint8Array(readFileSync(join(ROOT, file))), file));
    const a = alarms(r);
    expect(a.some((x) => x.startsWith('critical'))).toBe(true);
    expect(a.filter((x) => /non-allowlisted-call Pickle calls numba\./.test(x))).toEqual([]);
  });

  it('tree-explainer.pkl: every line at WARNING or above is CRITICAL (the nested numba pickle is read as numba\'s reducer loads it)', async () => {
    const r = await scan(fromBytes(new Uint8Array(readFileSync(join(ROOT, 'tree-explainer.pkl'))), 'tree-explainer.pkl'));
    expect(alarms(r).filter((x) => x.startsWith('warning'))).toEqual([]);
    expect(alarms(r)).toContain('critical pickle/dangerous-call Pickle calls numba.core.serialize._unpickle__CustomPickled, which reaches nested deserialisation (path: numba.core.serialize._unpickle__CustomPickled → _pickle.loads)');
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-pickle')?.severity).toBe('info');
  });
});

describe("numba's reducer _unpickle__CustomPickled loads the pickle it carries", () => {
  it('a nested pickle that calls posix.system is CRITICAL inside the child scan', async () => {
    const evil = asm().proto(4).stackGlobal('posix', 'system').str('id').op('TUPLE1').op('REDUCE').stop().build();
    const b = asm().proto(4).stackGlobal('numba.core.serialize', '_unpickle__CustomPickled').bytes(evil).op('TUPLE1').op('REDUCE').stop().build();
    const r = await scanBytes(b);
    expect(r.findings.some((f) => f.severity === 'critical' && f.location.path.length === 2 && /posix\.system/.test(f.message))).toBe(true);
  });

  it('the same bytes handed to a look-alike outside numba keep the nested-pickle WARNING', async () => {
    const r = await scanBytes(callWithPickle('numbax.core.serialize', '_unpickle__CustomPickled'));
    expect(r.findings.find((f) => f.ruleId === 'pickle/nested-pickle')?.severity).toBe('warning');
  });

  it('bytes the pickle computes (base64-decoded) instead of carrying them: CRITICAL, the scanner cannot read what is loaded', async () => {
    const b = asm().proto(4).stackGlobal('numba.core.serialize', '_unpickle__CustomPickled')
      .stackGlobal('base64', 'b64decode').str('gASVAAAAAAAAAAB9lC4=').op('TUPLE1').op('REDUCE').op('TUPLE1').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(b)).some((x) => x.startsWith('critical pickle/dangerous-call Pickle calls numba.core.serialize._unpickle__CustomPickled'))).toBe(true);
  });
});
