// The knowledge base is kept as its decoded JSON bytes behind typed-array indexes (knowledge/packed.ts)
// instead of JSON.parse's object graph (issue 15: that graph was ~60 MB of heap and half the peak of a
// joblib forest scan). These tests hold the packed reading to what JSON.parse reads from the same bytes,
// over the whole committed table, and make a malformed table throw rather than answer.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { KB_GZ } from '../../src/engine/formats/pickle/knowledge/kb.generated';
import { knowledgeFromTable } from '../../src/engine/formats/pickle/knowledge/index';
import { NameTree, NodeTable, topLevel } from '../../src/engine/formats/pickle/knowledge/packed';

const TREE_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
const bytes = new Uint8Array(gunzipSync(Buffer.from(KB_GZ, 'base64url')));
const raw = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown> & { tree: string };
const top = topLevel(bytes);
const enc = (s: string) => new TextEncoder().encode(s);

describe('the committed table, packed, reads as JSON.parse reads it', () => {
  it('every tree node has the parent, flags and segment of its line, and is found by (parent, segment)', () => {
    const tree = new NameTree(bytes, top.get('tree')![0]);
    const lines = raw.tree.split('\n');
    expect(tree.size).toBe(lines.length);
    const stack: number[] = [];
    let mismatches = 0;
    for (let i = 0; i < lines.length; i++) {
      const depth = TREE_DIGITS.indexOf(lines[i]![0]!);
      stack.length = Math.max(0, Math.min(stack.length, depth));
      const p = stack.length ? stack[stack.length - 1]! : -1;
      stack.push(i);
      const seg = lines[i]!.slice(2);
      if (tree.parentOf(i) !== p || tree.flags(i) !== TREE_DIGITS.indexOf(lines[i]![1]!) || tree.segment(i) !== seg
        || tree.child(p, seg) !== i) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(tree.child(-1, 'no_such_module')).toBeUndefined();
  });

  it.each(['alias', 'mro', 'cattrs', 'facts'])('every %s entry decodes to the parsed value; other nodes have none', (key) => {
    const table = new NodeTable(bytes, top.get(key)![0]);
    const parsed = raw[key] as Record<string, unknown>;
    let mismatches = 0;
    for (const [node, value] of Object.entries(parsed)) {
      const got = key === 'alias' || key === 'mro' ? table.ints(Number(node)) : table.value(Number(node));
      if (JSON.stringify(got) !== JSON.stringify(value)) mismatches++;
    }
    expect(mismatches).toBe(0);
    const absent = [-1, 0, 1, 2, 3, 1e9].filter((n) => !(String(n) in parsed));
    for (const n of absent) expect(table.value(n)).toBeUndefined();
  });
});

/** A small format-2 table: os.system is an alias of posix.system (a seeded process sink). */
function table(tree: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 2, meta: { versions: { python: '3.11.7' }, coverage: {} }, sinks: ['exec', 'process'], tree,
    alias: { 1: [3] }, mro: {}, cattrs: {}, facts: { 3: [[1, -1], [], []] }, ...extra,
  };
}
const TREE = ['01os', '1isystem', '01posix', '1Msystem'].join('\n');

describe('a table written by another encoder', () => {
  it('answers the same whether the JSON is compact or spaced, and escapes segments', () => {
    const compact = knowledgeFromTable(enc(JSON.stringify(table(TREE))));
    const spaced = knowledgeFromTable(enc(JSON.stringify(table(TREE), null, 2)));
    const want = { reach: [{ sink: 'process', path: ['os.system', 'posix.system'] }], origin: 'seed' };
    expect(compact.lookup('os', 'system')).toEqual(want);
    expect(spaced.lookup('os', 'system')).toEqual(want);
    expect(compact.lookup('os', 'nothing')).toBeNull();
  });

  it('non-ASCII segments, escaped (\\u00e9, \\") or raw UTF-8, are found by their decoded name', () => {
    const tree = `${TREE}\n01caf\u00e9\n1Mr\u00e9sum\u00e9\n1Mq"uote`;
    const facts = { 3: [[1, -1], [], []], 5: [[0, -1], [], []], 6: [[0, -1], [], []] };
    for (const text of [JSON.stringify(table(tree, { facts })), JSON.stringify(table(tree, { facts })).replace(/\\u00e9/g, '\u00e9')]) {
      const kb = knowledgeFromTable(enc(text));
      expect(kb.lookup('caf\u00e9', 'r\u00e9sum\u00e9')?.reach).toEqual([{ sink: 'exec', path: ['caf\u00e9.r\u00e9sum\u00e9'] }]);
      expect(kb.lookup('caf\u00e9', 'q"uote')?.reach[0]?.sink).toBe('exec');
      expect(kb.lookup('cafe', 'r\u00e9sum\u00e9')).toBeNull();
    }
  });

  it('a key repeated in a table: the later value wins, as in JSON.parse', () => {
    const text = JSON.stringify(table(TREE)).replace('"alias":{"1":[3]}', '"alias":{"1":[0],"1":[3]}');
    expect(knowledgeFromTable(enc(text)).lookup('os', 'system')?.reach[0]?.sink).toBe('process');
  });

  it('node keys out of order (and repeated) are found all the same', () => {
    const text = JSON.stringify(table(TREE)).replace('"alias":{"1":[3]}', '"alias":{"3":[3],"1":[0],"0":[2],"1":[3]}');
    const kb = knowledgeFromTable(enc(text));
    expect(kb.lookup('os', 'system')?.reach[0]?.path).toEqual(['os.system', 'posix.system']);
    expect(kb.lookup('os', 'nothing')).toBeNull();
  });
});

describe('a malformed table throws instead of answering', () => {
  const good = JSON.stringify(table(TREE));
  it.each([
    ['cut short', good.slice(0, good.length - 10)],
    ['a non-numeric node key', good.replace('"alias":{"1"', '"alias":{"x"')],
    ['a non-integer alias target', good.replace('[3]', '["3"]')],
    ['no tree', good.replace('"tree"', '"trees"')],
    ['another format', good.replace('"format":2', '"format":3')],
    ['trailing bytes', `${good} x`],
  ])('%s', (_, text) => {
    expect(() => {
      const kb = knowledgeFromTable(enc(text));
      kb.lookup('os', 'system');
    }).toThrow();
  });
});
