// Member names longer than V8 hashes by content (16,383 characters; longer strings share a hash per
// length): the maps archive scanners keep by name (tar and zip duplicates, the OCI image's members) must
// stay exact and linear. A tar of 2,000 members named with 60 KB by pax once took 17 s in two such maps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scan, fromBytes } from '../../src/engine';
import { MAX_CONTENT_HASHED_CHARS, NameMap } from '../../src/engine/io/name-map';
import { buildTar } from '../builders/tar';
import { fromHeaderText } from '../builders/safetensors';
import { MAX_LONG_OBJECT_KEYS } from '../../src/engine/io/json';

const C = MAX_CONTENT_HASHED_CHARS;
/** Names around the piece boundaries: a long shared stem, then a short distinct tail. */
const longNames = fc.array(fc.record({
  stem: fc.constantFrom(0, 1, C - 1, C, C + 1, 2 * C, 2 * C + 3),
  tail: fc.constantFrom('', 'a', 'b', 'ab', '/m1', '\u0000'),
}), { maxLength: 30 }).map((xs) => xs.map(({ stem, tail }) => 'x'.repeat(stem) + tail));

describe('NameMap', () => {
  it('agrees with Map on names of every length around the piece boundaries (short names first, each kind in insertion order)', () => {
    fc.assert(fc.property(longNames, fc.array(fc.nat(), { maxLength: 30 }), (names, values) => {
      const ref = new Map<string, number>(), ours = new NameMap<number>();
      names.forEach((n, i) => {
        expect(ours.get(n)).toBe(ref.get(n));
        expect(ours.has(n)).toBe(ref.has(n));
        if (i % 2) { ref.set(n, values[i] ?? i); ours.set(n, values[i] ?? i); return; }
        const before = ref.get(n);
        if (!ref.has(n)) ref.set(n, i);
        expect(ours.claim(n, i)).toBe(before);
      });
      expect(ours.size).toBe(ref.size);
      const short = (e: [string, number]) => e[0].length <= C;
      expect([...ours]).toEqual([...[...ref].filter(short), ...[...ref].filter((e) => !short(e))]);
      expect(ours.has('x'.repeat(3 * C))).toBe(ref.has('x'.repeat(3 * C)));
    }), { numRuns: 300 });
  });

  it('files 2,000 names of 60 KB that differ only at their end in under 5 s, loaded (~0.3 s quiet; a Map: 34 s)', () => {
    const stem = 'abcdefgh'.repeat(7_500);
    const names = Array.from({ length: 2_000 }, (_, i) => `${stem}/m${i}.bin`);
    const t = performance.now();
    const m = new NameMap<number>();
    names.forEach((n, i) => m.claim(n, i));
    expect(m.size).toBe(2_000);
    expect(m.get(names[1_234]!)).toBe(1_234);
    expect(performance.now() - t).toBeLessThan(5_000);
  });
});

describe('tar of long pax names', () => {
  it('scans 400 members named with 20 KB each, finds the one duplicate among them, and completes', async () => {
    const stem = 'abcdefgh'.repeat(2_500);
    const members = Array.from({ length: 400 }, (_, i) => ({ name: `m${i}`, pax: { path: `${stem}/m${i}.bin` }, data: 'x' }));
    members.push({ name: 'dup', pax: { path: `${stem}/m7.bin` }, data: 'y' });
    const r = await scan(fromBytes(buildTar({ members }), 'names.tar'));
    expect(r.findings.filter((f) => f.ruleId === 'archive/duplicate-name')).toHaveLength(1);
    expect(r.nodes[0]!.notes).toMatchObject({ members: 401 });
    expect(r.complete).toBe(true);
  });
});

describe('safetensors header of long tensor names', () => {
  it('parses 1,500 tensors named with 20 KB and one repeated name in linear time, the repeat reported', async () => {
    const stem = 'q'.repeat(20_000);
    const entry = (i: number, at: number) => `"${stem}.${i}":{"dtype":"${stem}D","shape":[1],"data_offsets":[${at},${at + 1}]}`;
    const parts = Array.from({ length: 1_500 }, (_, i) => entry(i, i));
    parts.push(entry(7, 1_500));
    const t = performance.now();
    const r = await scan(fromBytes(fromHeaderText(`{${parts.join(',')}}`, 1_501), 'long.safetensors'));
    expect(r.findings.filter((f) => f.ruleId === 'safetensors/duplicate-key')).toHaveLength(1);
    expect(performance.now() - t).toBeLessThan(20_000); // ~2 s loaded; quadratic (a Set and a Map of the names): minutes
  }, 60_000);
});

describe('JSON objects of long keys', () => {
  const header = (n: number) => {
    const stem = 'm'.repeat(20_000);
    const meta = Array.from({ length: n }, (_, i) => `"${stem}${i}":"v"`).join(',');
    return fromHeaderText(`{"__metadata__":{${meta}},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}`, 4);
  };

  it('stops a safetensors __metadata__ of 400 keys of 20 KB at MAX_LONG_OBJECT_KEYS: limit reached, incomplete, never clean', async () => {
    const r = await scan(fromBytes(header(MAX_LONG_OBJECT_KEYS + 144), 'meta.safetensors'));
    expect(r.findings.filter((f) => f.ruleId === 'scan/limit-reached')).toHaveLength(1);
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
  });

  it('reads a __metadata__ of 200 such keys whole, complete', async () => {
    const r = await scan(fromBytes(header(200), 'meta.safetensors'));
    expect(r.complete).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'scan/limit-reached')).toEqual([]);
  });
});
