// Every note a scanner records is bounded (src/engine/notes.ts), as messages, pointers and node names
// are: a list of a million names, a name of a megabyte, an object of a million keys are cut, and the
// orchestrator flags the note `<key>Truncated`. Notes within the bounds are kept as they are.
import { describe, expect, it } from 'vitest';
import { boundNote, MAX_NOTE_CHARS, MAX_NOTE_ITEMS, MAX_NOTE_STRING_CHARS } from '../../src/engine/notes';

describe('note bounds', () => {
  it('keeps a note within the bounds as the very same value', () => {
    const v = { image: { layout: true, manifests: 2 }, names: ['a', 'b'], total: 3 };
    expect(boundNote(v)).toEqual({ value: v, truncated: false });
    expect(boundNote(v).value).toBe(v);
    const big = Array.from({ length: 200_000 }, (_, i) => `model.layers.${i}.weight`); // an index's weightMap share
    expect(boundNote(big).value).toBe(big);
  });

  it('cuts a list of 300,000 names at MAX_NOTE_ITEMS and says it was cut', () => {
    const names = Array.from({ length: 300_000 }, (_, i) => `t${i}`);
    const b = boundNote(names);
    expect(b.truncated).toBe(true);
    expect(b.value).toHaveLength(MAX_NOTE_ITEMS);
    expect(b.value.slice(0, 3)).toEqual(['t0', 't1', 't2']);
  });

  it('clips a name of 1 MiB to MAX_NOTE_STRING_CHARS, and cuts 3,000 names of 4,000 characters at MAX_NOTE_CHARS', () => {
    const b = boundNote({ path: 'p'.repeat(1024 * 1024), kind: 'weight file' });
    expect(b.truncated).toBe(true);
    expect((b.value.path as string).length).toBe(MAX_NOTE_STRING_CHARS + 1);
    expect(b.value.kind).toBe('weight file');
    const many = boundNote(Array.from({ length: 3_000 }, (_, i) => `${'n'.repeat(3_996)}${i}`.slice(0, 4_000)));
    expect(many.truncated).toBe(true);
    expect(many.value.reduce((n, s) => n + s.length, 0)).toBeLessThanOrEqual(MAX_NOTE_CHARS + 4_000);
  });

  it('cuts an object of 300,000 members, nested lists counted together', () => {
    const ops = Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`Op${i}`, i]));
    const b = boundNote({ ops });
    expect(b.truncated).toBe(true);
    expect(Object.keys(b.value.ops as object).length).toBeLessThan(MAX_NOTE_ITEMS);
  });
});
