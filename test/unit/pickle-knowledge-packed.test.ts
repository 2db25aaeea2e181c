// The knowledge base ships as a compact binary table (tools/knowledge/kbbinary.py, format 3) read
// straight into typed arrays (knowledge/packed.ts). These tests hold the reader to the table's own
// structure over the whole committed table, to small tables written by kbbinary.py, and make a
// malformed table throw rather than answer. (That the binary table answers every name exactly as the
// format-2 JSON table it replaced was checked once, over 6.3 M lookups; tools/knowledge/compare_tables.py
// compares any two tables entry by entry.)
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KB_GZ } from '../../src/engine/formats/pickle/knowledge/kb.generated';
import { knowledgeFromTable } from '../../src/engine/formats/pickle/knowledge/index';
import { readTable } from '../../src/engine/formats/pickle/knowledge/packed';

const committed = new Uint8Array(gunzipSync(Buffer.from(KB_GZ, 'base64url')));
const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

describe('the committed table', () => {
  const t = readTable(committed);

  it('is far smaller inflated than the 10.4 MB of JSON it replaced', () => {
    expect(committed.length).toBeLessThan(4_000_000);
  });

  it('finds every node by (parent, segment), and rebuilds its dotted name', () => {
    let mismatches = 0;
    for (let i = 0; i < t.tree.size; i++) {
      if (t.tree.child(t.tree.parentOf(i), t.tree.segment(i)) !== i) mismatches++;
    }
    expect(t.tree.size).toBeGreaterThan(200_000);
    expect(mismatches).toBe(0);
    expect(t.tree.child(-1, 'no_such_module')).toBeUndefined();
    expect(t.tree.child(-1, '')).toBeUndefined();
  });

  it('every alias target, MRO base and path step is a node; every sink code is named', () => {
    const n = t.tree.size;
    let bad = 0;
    let entries = 0;
    for (let i = 0; i < n; i++) {
      for (const x of [...(t.alias.ints(i) ?? []), ...(t.mro.ints(i) ?? [])]) if (x < 0 || x >= n) bad++;
      const f = t.facts.value(i);
      if (!f) continue;
      entries++;
      for (let k = 0; k < f[0].length; k += 2) {
        if (t.head.sinks[f[0][k]!] === undefined || f[0][k + 1]! < -1 || f[0][k + 1]! >= n) bad++;
      }
    }
    expect(entries).toBeGreaterThan(10_000);
    expect(bad).toBe(0);
  });
});

// Written by `python3 tools/knowledge/kbbinary.py < doc.json` from the format-2 documents named.
/** tree os, os.system, posix, posix.system; alias os.system → posix.system; posix.system reaches process. */
const OS_SYSTEM = bytes('TUdLQgNSeyJtZXRhIjp7InZlcnNpb25zIjp7InB5dGhvbiI6IjMuMTEuNyJ9LCJjb3ZlcmFnZSI6e319LCJzaW5rcyI6WyJleGVjIiwicHJvY2VzcyJdfQMBAAAAc3lzdGVtAG9zAHBvc2l4AAQBUoEQsAQAAQABAQIAAAEBAQEAAAAAAA==');
/** the same plus café, café.q"uote and café.résumé (both reaching exec), sorted by code point. */
const NON_ASCII = bytes('TUdLQgNSeyJtZXRhIjp7InZlcnNpb25zIjp7InB5dGhvbiI6IjMuMTEuNyJ9LCJjb3ZlcmFnZSI6e319LCJzaW5rcyI6WyJleGVjIiwicHJvY2VzcyJdfQYBAAAAAAAAc3lzdGVtAGNhZsOpAHEidW90ZQByw6lzdW3DqQBvcwBwb3NpeAAHAbAEsAyBEFKBELAEAAAAAAEAAQECAAACAQABAQEAAAAAAQAAAAAAAA==');
/** m.Base.run reaches exec and calls argument 1 and keyword `key`; m.Child inherits it and calls self.fn, self.hook. */
const INHERITED = bytes('TUdLQgNSeyJtZXRhIjp7InZlcnNpb25zIjp7InB5dGhvbiI6IjMuMTEuNyJ9LCJjb3ZlcmFnZSI6e319LCJzaW5rcyI6WyJleGVjIiwicHJvY2VzcyJdfQcDAAAAAAAAAGZuAGhvb2sAa2V5AG0AQmFzZQBydW4AQ2hpbGQABAEirASiEwAAAAAAAQEBAAECAAEBAQABAQIBAgAAAA==');

describe('small tables written by kbbinary.py', () => {
  it('an alias answers with the facts of its target, the path starting at the name asked for', () => {
    const kb = knowledgeFromTable(OS_SYSTEM);
    expect(kb.lookup('os', 'system')).toEqual({ reach: [{ sink: 'process', path: ['os.system', 'posix.system'] }], origin: 'seed' });
    expect(kb.lookup('os', 'nothing')).toBeNull();
    expect(kb.versions).toEqual({ python: '3.11.7' });
  });

  it('non-ASCII and quoted segments are found by their decoded name', () => {
    const kb = knowledgeFromTable(NON_ASCII);
    expect(kb.lookup('caf\u00e9', 'r\u00e9sum\u00e9')?.reach).toEqual([{ sink: 'exec', path: ['caf\u00e9.r\u00e9sum\u00e9'] }]);
    expect(kb.lookup('caf\u00e9', 'q"uote')?.reach[0]?.sink).toBe('exec');
    expect(kb.lookup('cafe', 'r\u00e9sum\u00e9')).toBeNull();
    expect(kb.lookup('os', 'system')?.reach[0]?.path).toEqual(['os.system', 'posix.system']);
  });

  it('an inherited method is found through the MRO, with its called argument and keyword; called attributes are listed', () => {
    const kb = knowledgeFromTable(INHERITED);
    const f = kb.lookup('m', 'Child.run');
    expect(f?.reach.map((r) => r.sink)).toEqual(['exec']);
    expect(f?.callsArgs).toEqual([1]);
    expect(f?.callsKwargs).toEqual(['key']);
    expect(f?.isMethod).toBe(true);
    expect(kb.calledAttributes!('m', 'Child')).toEqual(['fn', 'hook']);
    expect(kb.calledAttributes!('m', 'Base')).toEqual([]);
  });
});

describe('a malformed table throws instead of answering', () => {
  const open = (b: Uint8Array) => knowledgeFromTable(b).lookup('os', 'system');

  it('cut short anywhere', () => {
    for (let end = 0; end < OS_SYSTEM.length; end++) expect(() => open(OS_SYSTEM.subarray(0, end)), `cut at ${end}`).toThrow();
  });

  it.each([
    ['a trailing byte', (b: Uint8Array) => Uint8Array.from([...b, 0])],
    ['another magic', (b: Uint8Array) => Uint8Array.from(b, (x, i) => (i === 0 ? 0x4e : x))],
    ['another version', (b: Uint8Array) => Uint8Array.from(b, (x, i) => (i === 4 ? 2 : x))],
    ['the JSON table of format 2', () => new TextEncoder().encode('{"format":2}')],
  ])('%s', (_, mutate) => {
    expect(() => open(mutate(OS_SYSTEM))).toThrow();
  });

  it('siblings out of segment order (the lookup binary-searches them)', () => {
    // swap the once-used strings "os" and "posix": the top level would read posix, os
    const text = Buffer.from(OS_SYSTEM).toString('latin1').replace('os\0posix\0', 'posix\0os\0');
    expect(() => open(new Uint8Array(Buffer.from(text, 'latin1')))).toThrow(/order/);
  });
});
