// The knowledge base is loaded only when a pickle first needs it (issue 15: it cost about a second of
// start-up and ~100 MB): a list of plain records and a checkpoint that imports only what
// torch.load(weights_only=True) accepts are judged without it; any other import, or a BUILD on an
// instance of a class it could judge, loads it before that op runs.
import { describe, expect, it } from 'vitest';
import { Machine, type MachineHooks } from '../../src/engine/formats/pickle/machine';
import { OpReader } from '../../src/engine/formats/pickle/disasm';
import { judgedWithoutKnowledge } from '../../src/engine/formats/pickle/scanner';
import { asm } from '../builders/pickle';
import { scan, fromBytes } from '../../src/engine';

/** Runs `p` through the machine with a lazy knowledge base; returns the events in order. */
async function run(p: Uint8Array): Promise<string[]> {
  const events: string[] = [];
  const hooks: MachineHooks = {
    onImport: (g) => { events.push(`import ${g.key}`); }, onUnresolvedImport() {}, onCall() {}, onBuild: () => null,
    onMutate() {}, onExt() {}, onConst() {}, onProto() {}, onEmbeddedPickle: async (s) => s, charge() {}, afterOp() {},
  };
  const m = new Machine(hooks);
  m.lazyKnowledge = { needs: (mod, name) => !judgedWithoutKnowledge(mod, name), load: async () => { events.push('load'); } };
  await m.run(OpReader.overBytes(p, 0));
  return events;
}

function records(n: number) {
  const a = asm().proto(4).op('EMPTY_LIST').op('MARK');
  for (let i = 0; i < n; i++) {
    a.op('EMPTY_DICT').op('MARK').str('name').str(`token_${i}`).str('pos').op('BININT1', i).op('BININT1', i + 1).op('TUPLE2')
      .op('MEMOIZE').op('SETITEMS');
  }
  return a.op('APPENDS');
}

describe('pickle: the knowledge base is loaded on first need', () => {
  it('a list of plain records (no import) never loads it', async () => {
    expect(await run(records(50).stop().build())).toEqual([]);
  });

  it('a state dict importing only weights-only names (OrderedDict, _rebuild_tensor_v2) never loads it', async () => {
    const p = asm().proto(2).global('collections', 'OrderedDict').op('EMPTY_TUPLE').op('REDUCE')
      .global('torch._utils', '_rebuild_tensor_v2').op('POP').op('STOP').build();
    expect(await run(p)).toEqual(['import collections.OrderedDict', 'import torch._utils._rebuild_tensor_v2']);
  });

  it('loads it before a GLOBAL and a STACK_GLOBAL of a name it could judge (typing._eval_type, posix.system)', async () => {
    const p = asm().proto(4).global('collections', 'OrderedDict').op('POP').global('typing', '_eval_type').op('POP')
      .str('posix').str('system').op('STACK_GLOBAL').op('POP').op('NONE').stop().build();
    expect(await run(p)).toEqual(['import collections.OrderedDict', 'load', 'import typing._eval_type', 'import posix.system']);
  });

  it('does not load it for a BUILD on an OrderedDict (torch\'s _metadata); any other class needs it', async () => {
    // Any other class was imported first, and that import loaded it (the BUILD check is the safety net).
    const p = asm().proto(2).global('collections', 'OrderedDict').op('EMPTY_TUPLE').op('REDUCE').op('EMPTY_DICT').op('BUILD').stop().build();
    expect(await run(p)).toEqual(['import collections.OrderedDict']);
    expect(judgedWithoutKnowledge('scipy.stats._continuous_distns', 'norm_gen')).toBe(false);
  });

  it('judges names the reviewed lists leave to it exactly as when it is loaded up front', async () => {
    // typing._eval_type is CRITICAL only through the knowledge base (it reaches eval).
    const p = asm().proto(2).global('typing', '_eval_type').op('MARK').str('1').op('TUPLE').op('REDUCE').stop().build();
    const r = await scan(fromBytes(p, 'a.pkl'));
    expect(r.findings.find((f) => f.severity === 'critical')?.message).toMatch(/typing\._eval_type/);
  });
});
