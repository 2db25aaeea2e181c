// The third 2026-12 sweep (fixtures/real-2026-12c, MANIFEST.md): files written by gensim, imbalanced-learn
// and skorch, the libraries of the earlier sweeps' "not in the local index" list that Debian packages
// (python3-gensim 4.2.0, python3-imblearn 0.10.0, python3-skorch 0.12.1, read by the knowledge-base
// generator from Debian's source). Benign ones must stay below WARNING.
import { describe, expect, it } from 'vitest';
import { fromBytes, scan } from '../../src/engine';
import { asm } from '../builders/pickle';
import { alarms, checkManifestAndBenign, fixtureGroup } from '../helpers/fixture-group';

const GROUP = fixtureGroup('real-2026-12c');
const scanBytes = (b: Uint8Array, name: string) => scan(fromBytes(b, name));

checkManifestAndBenign(GROUP, 'real-2026-12c');

/** NEWOBJ of a skorch NeuralNetClassifier whose BUILD state is {'device': 'cpu', '__cuda_dependent_attributes__': <carried>}. */
const skorchState = (carried: (a: ReturnType<typeof asm>) => ReturnType<typeof asm>) => carried(asm().proto(4)
  .stackGlobal('skorch.classifier', 'NeuralNetClassifier').op('EMPTY_TUPLE').op('NEWOBJ').op('EMPTY_DICT')
  .str('device').str('cpu').op('SETITEM').str('__cuda_dependent_attributes__')).op('SETITEM').op('BUILD').stop().build();
const systemPickle = asm().proto(4).stackGlobal('posix', 'system').str('id').op('TUPLE1').op('REDUCE').stop().build();

/** The same, skorch's own bytes carried, and `module.name` stored under iterator_train. */
const skorchNet = (module: string, name: string) => skorchState((a) => a.bytes(asm().proto(4).op('EMPTY_DICT').stop().build())
  .op('SETITEM').str('iterator_train').stackGlobal(module, name));

describe('real-2026-12c: files that are flagged on purpose', () => {
  it.each(['flagged/skorch/net.pkl', 'flagged/skorch/pipeline.joblib'])(
    '%s (a net given the user\'s module class) is one WARNING: the class sits where skorch calls it, and no analysed library defines it', async (rel) => {
      expect(alarms(await GROUP.scanFile(rel))).toEqual([
        'warning pickle/non-allowlisted-call BUILD stores tiny_modules.TinyNet in the attribute module of a skorch.classifier.NeuralNetClassifier, '
        + 'whose methods call it; no analysed library defines it and no reviewed list names it']);
    });
});

describe('real-2026-12c: the false alarms the sweep fixed, and their malicious look-alikes', () => {
  it('gensim\'s `.model` pickles are no extension mismatch; a pickle named .model that calls posix.system is still CRITICAL', async () => {
    expect(alarms(await GROUP.scanFile('benign/gensim/word2vec.model'))).toEqual([]);
    const evil = asm().proto(4).stackGlobal('posix', 'system').str('id').op('TUPLE1').op('REDUCE').stop().build();
    expect(alarms(await scanBytes(evil, 'word2vec.model')).some((a) => a.startsWith('critical pickle/dangerous-call Pickle calls posix.system'))).toBe(true);
  });

  it('skorch\'s __setstate__ torch.load()s the bytes its __getstate__ wrote: bytes are read as a nested file, anything else is CRITICAL', async () => {
    const ok = await scanBytes(skorchState((a) => a.bytes(asm().proto(4).op('EMPTY_DICT').stop().build())), 'net.pkl');
    expect(alarms(ok)).toEqual([]);
    const evil = await scanBytes(skorchState((a) => a.bytes(systemPickle)), 'net.pkl');
    expect(alarms(evil).some((a) => a.startsWith('critical pickle/dangerous-call Pickle calls posix.system'))).toBe(true);
    const odd = await scanBytes(skorchState((a) => a.str('not bytes')), 'net.pkl');
    expect(alarms(odd).some((a) => a.startsWith('critical pickle/dangerous-call BUILD runs skorch.classifier.NeuralNetClassifier.__setstate__, which torch.load()s'))).toBe(true);
  });

  it('a skorch net storing the DataLoader class as iterator_train is silent; storing posix.system there is CRITICAL', async () => {
    expect(alarms(await scanBytes(skorchNet('torch.utils.data.dataloader', 'DataLoader'), 'net.pkl'))).toEqual([]);
    expect(alarms(await scanBytes(skorchNet('posix', 'system'), 'net.pkl')).some((a) =>
      a.startsWith('critical pickle/dangerous-call BUILD stores posix.system') && a.includes('iterator_train'))).toBe(true);
  });
});
