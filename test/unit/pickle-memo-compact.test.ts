// Pickle memory bounded by design (issue 15): small memoized tuples of ints, bools and None (records
// like {"pos": (i, i + 1)}) are packed as int32 words instead of kept as nodes, and a GET still gives
// back the same tuple, so judging (call arguments, evidence) sees no difference.
import { describe, expect, it } from 'vitest';
import { Memo } from '../../src/engine/formats/pickle/memo';
import { container, render, type Val } from '../../src/engine/formats/pickle/values';
import { asm } from '../builders/pickle';
import { scan, fromBytes } from '../../src/engine';

describe('memo: packed small tuples', () => {
  it('gives back (i, i + 1), (True, None, -5, 2**31 - 1) and () exactly as stored', () => {
    const m = new Memo();
    const tuples: Val[][] = [[7, 8], [true, null, -5, 2 ** 31 - 1], [false], [-(2 ** 31), 0]];
    for (const items of tuples) m.append(container('tuple', items));
    tuples.forEach((items, i) => expect(m.get(i)).toEqual({ t: 'tuple', items, n: items.length }));
  });

  it('keeps tuples it cannot pack as they are: floats, strings, -0, large ints, 5 items, nested', () => {
    const m = new Memo();
    const odd: Val[][] = [[1.5, 2], ['os', 'system'], [-0, 1], [2 ** 31, 1], [1, 2, 3, 4, 5], [container('tuple', [1, 2]), 3]];
    for (const items of odd) m.append(container('tuple', items));
    expect(render(m.get(0)!)).toBe('(1.5, 2)');
    expect(render(m.get(1)!)).toBe("('os', 'system')");
    expect(Object.is((m.get(2) as { items: Val[] }).items[0], -0)).toBe(true);
    expect(render(m.get(3)!)).toBe('(2147483648, 1)');
    expect(m.get(4)).toMatchObject({ t: 'unknown' }); // > 4 items: not kept (as before)
    expect(render(m.get(5)!)).toBe('((1, 2), 3)');
  });

  it('still resolves a call whose args tuple was memoized and fetched back with GET', async () => {
    // posix.system is reached through args stored as a memoized tuple of ints (memo 0), then BINGET 0.
    const p = asm().proto(4).op('BININT1', 1).op('BININT1', 2).op('TUPLE2').op('MEMOIZE').op('POP')
      .global('posix', 'system').op('BINGET', 0).op('REDUCE').stop().build();
    const r = await scan(fromBytes(p, 'a.pkl'));
    const hit = r.findings.find((f) => f.severity === 'critical');
    expect(hit?.evidence ?? hit?.message).toMatch(/posix\.system\(1, 2\)/);
  });
});
