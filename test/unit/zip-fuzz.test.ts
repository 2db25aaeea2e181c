// Hostile bytes: mutated and truncated archives must list or fail with FormatError, and a scan must
// never end in an internal error (a RangeError or TypeError would mean an unchecked offset).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scan, fromBytes } from '../../src/engine';
import { listZip } from '../../src/engine/containers/zip';
import { FormatError } from '../../src/engine/types';
import { buildZip, SYMLINK_ATTRS } from '../builders/zip';

const seed = buildZip({
  members: [
    { name: 'a.txt', data: 'hello hello hello', method: 8 },
    { name: 'dir/b.bin', data: new Uint8Array(300).map((_, i) => i), method: 0 },
    { name: 'link', data: '../x', externalAttrs: SYMLINK_ATTRS },
    { name: 'c.json', data: '{"k": [1, 2, 3]}', method: 8, dataDescriptor: true },
  ],
  comment: 'seed',
});

const mutation = fc.record({
  edits: fc.array(fc.tuple(fc.nat({ max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
  cut: fc.option(fc.nat({ max: seed.length }), { nil: undefined }),
});

function mutate(m: { edits: Array<[number, number]>; cut?: number }): Uint8Array {
  const b = seed.slice(0, m.cut ?? seed.length);
  for (const [i, v] of m.edits) if (i < b.length) b[i] = v;
  return b;
}

describe('zip under mutation', () => {
  it('listZip returns a listing or throws FormatError, nothing else', async () => {
    await fc.assert(fc.asyncProperty(mutation, async (m) => {
      try {
        const l = await listZip(fromBytes(mutate(m)), { maxMembers: 100 });
        for (const e of l.entries) {
          if (e.dataOffset !== null) expect(e.dataOffset + e.compressedSize).toBeLessThanOrEqual(mutate(m).length);
        }
      } catch (e) {
        expect(e).toBeInstanceOf(FormatError);
      }
    }), { numRuns: 400, seed: 20240101 });
  });

  it('scan never fails internally and never calls a broken archive complete without reason', async () => {
    await fc.assert(fc.asyncProperty(mutation, async (m) => {
      const r = await scan(fromBytes(mutate(m), 'm.zip'));
      expect(r.findings.filter((f) => f.ruleId === 'scan/internal-error')).toEqual([]);
      if (r.nodes.some((n) => n.status !== 'scanned')) expect(r.complete).toBe(false);
    }), { numRuns: 300, seed: 20240102 });
  });
});
