// Pickle memory bounded by design (issue 15): small memoized tuples of ints, bools and None (records
// like {"pos": (i, i + 1)}) are packed as varints in the memo's byte log instead of kept as nodes, and a GET still gives
// back the same tuple, so judging (call arguments, evidence) sees no difference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

describe('memo: byte log of dense keys', () => {
  /** What a GET must give back for a value MEMOIZEd (the memo's contract, independent of its layout). */
  function expected(v: Val): Val {
    if (typeof v === 'string') return v.length > 1024 ? { t: 'unknown', why: 'a long memoized string', off: -1 } : v;
    if (v === null || typeof v !== 'object') return v;
    if (v.t === 'dict' || v.t === 'list' || v.t === 'set') return { t: 'unknown', why: `a memoized ${v.t}`, off: -1 };
    if (v.t === 'tuple' && v.n > 4) return { t: 'unknown', why: 'a memoized tuple', off: -1 };
    return v;
  }
  const value: fc.Arbitrary<Val> = fc.oneof(
    fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 34 }), fc.integer(), fc.double(), fc.constant(null),
    fc.constantFrom(container('dict'), container('list'), container('set')),
    fc.array(fc.oneof(fc.integer(), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.boolean(), fc.constant(null)), { minLength: 1, maxLength: 5 })
      .map((items) => container('tuple', items)),
  );

  it('gives back every value of 300,000 keys spread over several 1 MiB log blocks', () => {
    // Strings of up to 32 chars, 4-int tuples and containers; each GET walks from its group's start.
    const m = new Memo();
    const vals: Val[] = [];
    for (let i = 0; i < 300_000; i++) {
      const v: Val = i % 3 === 0 ? `token_${i}_${'x'.repeat(i % 20)}` : i % 3 === 1 ? container('tuple', [i, -i, 2 ** 31 - 1, -(2 ** 31)]) : container('dict');
      vals.push(v);
      m.append(v);
    }
    for (let i = 299_999; i >= 0; i -= 7) expect(m.get(i)).toEqual(expected(vals[i]!));
    expect(m.get(300_000)).toBeUndefined();
  });

  it('a memo that starts small (4 KiB log, 512-entry index) reads back every key while its first block and index part grow by copy', () => {
    const m = new Memo();
    const vals: Val[] = [];
    for (let i = 0; i < 120_000; i++) {
      const v: Val = i % 2 ? `name_${i}_${'y'.repeat(i % 25)}` : container('tuple', [i, 2 ** 31 - 1]);
      vals.push(v);
      m.append(v);
      // just past each growth (log: 4 KiB ×4 up to 1 MiB; index: 512 groups ×4 up to 65,536), read all back
      if ((i & (i - 1)) === 0 || i % 9_973 === 0) for (let k = 0; k <= i; k += 1 + (k >> 6)) expect(m.get(k)).toEqual(expected(vals[k]!));
    }
    for (let k = 0; k < 120_000; k += 3) expect(m.get(k)).toEqual(expected(vals[k]!));
  });

  it('matches a plain map under random MEMOIZE, PUT over old keys, sparse PUT and GET', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(40), value), { maxLength: 200 }), (ops) => {
      const m = new Memo();
      const ref = new Map<number, Val>();
      for (const [k, v] of ops) {
        // key 0..9: overwrite an old key; 10..19: sparse key above the end; else MEMOIZE (key = size).
        const key = k < 10 ? Math.min(k, Math.max(0, m.size - 1)) : k < 20 ? m.size + 5 + k : m.size;
        m.put(key, v, 0);
        ref.set(key, expected(v));
        for (const [rk, rv] of ref) expect(m.get(rk)).toEqual(rv);
      }
    }), { numRuns: 200 });
  });
});
