// The gaps the recall sweep of 2026-12 left open (fixtures/recall-2026-12/MANIFEST.md, "Known gaps"),
// each attack built here with the opcode assembler beside the benign look-alike that must stay silent.
import { describe, expect, it } from 'vitest';
import { scan, fromBytes, SEVERITY_RANK, type FileReport } from '../../src/engine';
import { asm } from '../builders/pickle';

const alarms = (r: FileReport) => r.findings.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning)
  .map((f) => `${f.severity} ${f.ruleId} ${f.message}`);
const scanBytes = (b: Uint8Array, name = 'x.pkl') => scan(fromBytes(b, name));
const loadWarning = (r: FileReport) => r.findings.find((f) => f.ruleId === 'pickle/nested-load');

describe('a file loader reached through functools.partial or a __main__ import alias', () => {
  it('pickle.dumps(partial(scipy.io.loadmat, path)) (REDUCE partial(loadmat), BUILD (loadmat, (path,), {}, None)) is a nested-load WARNING naming the path', async () => {
    const b = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('scipy.io.matlab._mio', 'loadmat').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('scipy.io.matlab._mio', 'loadmat').str('/tmp/planted.mat').op('TUPLE1').op('EMPTY_DICT').op('NONE').op('TUPLE')
      .op('BUILD').stop().build();
    const r = await scanBytes(b);
    expect(loadWarning(r)).toMatchObject({ severity: 'warning',
      message: expect.stringMatching(/scipy\.io\.matlab\._mio\.loadmat bound by functools\.partial on '\/tmp\/planted\.mat'/) });
  });

  it('pickle.dumps(partial(lightgbm.Booster, model_file=path)) (the file as a bound keyword in the BUILD state) is a nested-load WARNING', async () => {
    const b = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('lightgbm.basic', 'Booster').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('lightgbm.basic', 'Booster').op('EMPTY_TUPLE').op('EMPTY_DICT').str('model_file').str('/tmp/planted.txt').op('SETITEM')
      .op('NONE').op('TUPLE').op('BUILD').stop().build();
    const r = await scanBytes(b);
    expect(loadWarning(r)?.message).toMatch(/lightgbm\.basic\.Booster bound by functools\.partial on '\/tmp\/planted\.txt'/);
  });

  it('partial(lightgbm.Booster, None, None, path) built by one REDUCE, and by NEWOBJ_EX with model_file, are nested-load WARNINGs', async () => {
    const reduce = asm().proto(4).stackGlobal('_functools', 'partial').mark().stackGlobal('lightgbm', 'Booster').op('NONE').op('NONE')
      .str('/tmp/planted.txt').op('TUPLE').op('REDUCE').stop().build();
    expect(loadWarning(await scanBytes(reduce))?.severity).toBe('warning');
    const newobj = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('lightgbm.basic', 'Booster')
      .op('TUPLE1').op('EMPTY_DICT').str('model_file').str('/tmp/planted.txt').op('SETITEM').op('NEWOBJ_EX').stop().build();
    expect(loadWarning(await scanBytes(newobj))?.message).toMatch(/Booster bound by functools\.partial on '\/tmp\/planted\.txt'/);
  });

  it('GLOBAL __main__ sp.io.loadmat and __main__ lgb.Booster called on a path are nested-load WARNINGs naming the library path', async () => {
    const mat = asm().proto(4).stackGlobal('__main__', 'sp.io.loadmat').str('/tmp/planted.mat').op('TUPLE1').op('REDUCE').stop().build();
    expect(loadWarning(await scanBytes(mat))).toMatchObject({ severity: 'warning',
      message: expect.stringMatching(/__main__\.sp\.io\.loadmat \(scipy\.io\.loadmat under the program's import alias\) on '\/tmp\/planted\.mat'/) });
    const lgb = asm().proto(4).stackGlobal('__main__', 'lgb.Booster').mark().op('NONE').op('NONE').str('/tmp/planted.txt').op('TUPLE').op('REDUCE').stop().build();
    expect(loadWarning(await scanBytes(lgb))?.message).toMatch(/lightgbm\.Booster/);
  });

  it('a partial of an ordinary function (partial(numpy.clip, a_min=0)), partial(lightgbm.Booster, params=...) and __main__ sp.io.loadmat uncalled stay below WARNING', async () => {
    const clip = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('numpy', 'clip').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('numpy', 'clip').op('EMPTY_TUPLE').op('EMPTY_DICT').str('a_min').int(0).op('SETITEM').op('NONE').op('TUPLE')
      .op('BUILD').stop().build();
    expect(alarms(await scanBytes(clip))).toEqual([]);
    const params = asm().proto(4).stackGlobal('functools', 'partial').stackGlobal('lightgbm.basic', 'Booster').op('TUPLE1').op('REDUCE')
      .mark().stackGlobal('lightgbm.basic', 'Booster').op('EMPTY_TUPLE').op('EMPTY_DICT').str('params').op('EMPTY_DICT').op('SETITEM')
      .op('NONE').op('TUPLE').op('BUILD').stop().build();
    expect(alarms(await scanBytes(params))).toEqual([]);
    const ref = asm().proto(4).op('EMPTY_DICT').str('loader').stackGlobal('__main__', 'sp.io.loadmat').op('SETITEM').stop().build();
    expect(alarms(await scanBytes(ref))).toEqual([]);
  });
});
