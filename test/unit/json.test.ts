import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonText, parseJson, MAX_DUPLICATES_RECORDED } from '../../src/engine/io/json';
import { parseJsonMembers } from '../../src/engine/io/json-members';
import { encodeUtf8 } from '../../src/engine/io/text';
import { FormatError } from '../../src/engine';

const opts = { maxDepth: 64 };
const parse = (s: string) => parseJsonText(s, opts);

function errorOf(fn: () => unknown): FormatError {
  try { fn(); } catch (e) { if (e instanceof FormatError) return e; throw e; }
  throw new Error('expected a FormatError');
}

describe('strict JSON parser', () => {
  it('parses every JSON type and agrees with JSON.parse on valid documents', () => {
    const text = '{"a":[1,-2.5e3,0,true,false,null],"b":{"c":"d\\n\\u00e9\\ud83d\\ude00"},"":"empty key"}';
    expect(parse(text).value).toEqual(JSON.parse(text));
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      const t = JSON.stringify(v);
      expect(parse(t).value).toEqual(JSON.parse(t));
    }), { numRuns: 300 });
  });

  it('reports a duplicate tensor key with its JSON pointer and byte offset, keeping the last value like serde_json', () => {
    const text = '{"w":{"x":1},"w":{"x":2},"m":{"a/b":1,"a/b":2,"t~":[0,{"k":1,"k":2}]}}';
    const doc = parse(text);
    expect(doc.value).toEqual({ w: { x: 2 }, m: { 'a/b': 2, 't~': [0, { k: 2 }] } });
    expect(doc.duplicates).toEqual([
      { pointer: '/w', offset: text.indexOf('"w"', 2) },
      { pointer: '/m/a~1b', offset: text.lastIndexOf('"a/b"') },
      { pointer: '/m/t~0/1/k', offset: text.lastIndexOf('"k"') },
    ]);
  });

  it('reads an object member by member with the same values, duplicates and pointers as the whole parse', () => {
    const text = '{"w":{"x":1},"w":{"x":2},"m":{"a/b":1,"a/b":2,"t~":[0,{"k":1,"k":2}]},"n":-0.5e1}';
    const members: Array<[string, unknown, number, boolean]> = [];
    const doc = parseJsonMembers(encodeUtf8(text), opts, (k, v, at, repeated) => members.push([k, v, at, repeated]));
    expect(members).toEqual([
      ['w', { x: 1 }, 1, false], ['w', { x: 2 }, text.indexOf('"w"', 2), true],
      ['m', { 'a/b': 2, 't~': [0, { k: 2 }] }, text.indexOf('"m"'), false], ['n', -5, text.indexOf('"n"'), false],
    ]);
    expect(doc.duplicates).toEqual(parse(text).duplicates);
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (o) => {
      const got: Record<string, unknown> = Object.create(null); // a key "__proto__" is a key
      parseJsonMembers(encodeUtf8(JSON.stringify(o)), opts, (k, v) => { got[k] = v; });
      expect(got).toEqual(JSON.parse(JSON.stringify(o)));
    }), { numRuns: 200 });
  });

  it('keeps a member named __proto__ as a member', () => {
    const got: Array<[string, unknown]> = [];
    parseJsonMembers(encodeUtf8('{"__proto__":{"a":1},"b":2}'), opts, (k, v) => got.push([k, v]));
    expect(got.map(([k]) => k)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(got[0]![1])).toBe(null);
  });

  it('counts the member-by-member object as one level of depth and refuses what is not one object', () => {
    const deep = (n: number) => '{"a":' + '['.repeat(n) + ']'.repeat(n) + '}';
    expect(() => parseJsonMembers(encodeUtf8(deep(63)), opts, () => undefined)).not.toThrow();
    expect(errorOf(() => parseJsonMembers(encodeUtf8(deep(64)), opts, () => undefined)).message).toMatch(/nesting deeper than 64/);
    expect(errorOf(() => parseJsonMembers(encodeUtf8('[1]'), opts, () => undefined)).message).toMatch(/expected an object/);
    expect(errorOf(() => parseJsonMembers(encodeUtf8('{"a":1} x'), opts, () => undefined)).message).toMatch(/trailing data/);
    expect(errorOf(() => parseJsonMembers(encodeUtf8('{"a":1,}'), opts, () => undefined)).offset).toBe(7);
  });

  it('decodes repeated short keys to equal strings, and tells apart keys that share a length', () => {
    const keys = ['dtype', 'shape', 'dtypf', 'F32', 'F16', 'BF16', 'dtype'];
    const text = '[' + keys.map((k) => JSON.stringify({ [k]: k })).join(',') + ']';
    expect(parse(text).value).toEqual(keys.map((k) => ({ [k]: k })));
  });

  it('stops listing duplicates after the named cap and counts the rest', () => {
    const text = '{' + Array.from({ length: MAX_DUPLICATES_RECORDED + 11 }, () => '"k":1').join(',') + '}';
    const doc = parse(text);
    expect(doc.duplicates).toHaveLength(MAX_DUPLICATES_RECORDED);
    expect(doc.duplicatesDropped).toBe(10);
  });

  it('treats "__proto__" as an ordinary key and never touches Object.prototype', () => {
    const doc = parse('{"__proto__":{"polluted":true},"constructor":1}');
    expect(Object.keys(doc.value as object)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than maxDepth without exhausting the stack, even for a million brackets', () => {
    expect(parseJsonText('[[[1]]]', { maxDepth: 3 }).value).toEqual([[[1]]]);
    const e = errorOf(() => parseJsonText('[[[[1]]]]', { maxDepth: 3 }));
    expect(e.message).toMatch(/nesting deeper than 3/);
    expect(e.offset).toBe(3);
    const deep = '['.repeat(1_000_000);
    expect(errorOf(() => parse(deep)).offset).toBe(64);
    // Even an absurd caller limit cannot recurse: the parser keeps its own stack.
    expect(errorOf(() => parseJsonText(deep, { maxDepth: 10_000_000 })).message).toMatch(/unexpected end/);
  });

  it('rejects invalid escapes and raw control characters at their byte offset', () => {
    expect(errorOf(() => parse('{"a":"\\x41"}')).offset).toBe(6);
    expect(errorOf(() => parse('"\\u12G4"')).message).toMatch(/invalid \\u escape/);
    expect(errorOf(() => parse('"a\tb"')).message).toMatch(/control character/);
    expect(errorOf(() => parse('"abc')).message).toMatch(/unterminated/);
  });

  it('rejects lone surrogates the way serde_json does', () => {
    expect(errorOf(() => parse('"\\ud800"')).message).toMatch(/lone high surrogate/);
    expect(errorOf(() => parse('"\\ud800\\u0041"')).message).toMatch(/not followed by a low surrogate/);
    expect(errorOf(() => parse('"\\udc00"')).message).toMatch(/lone low surrogate/);
    expect(parse('"\\ud83d\\ude00"').value).toBe('😀');
  });

  it('rejects invalid UTF-8 inside strings (overlong, truncated, surrogate code points)', () => {
    for (const bad of [[0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xff]]) {
      const bytes = new Uint8Array([0x22, ...bad, 0x22]);
      expect(errorOf(() => parseJson(bytes, opts)).message).toMatch(/UTF-8/);
    }
    expect(parseJson(new TextEncoder().encode('"héllo"'), opts).value).toBe('héllo');
  });

  it('accepts huge integers as imprecise doubles but refuses numbers beyond double range', () => {
    expect(parse('18446744073709551616').value).toBe(18446744073709551616);
    expect(parse('1e308').value).toBe(1e308);
    const e = errorOf(() => parse('[0, 1e400]'));
    expect(e.message).toMatch(/out of range/);
    expect(e.offset).toBe(4);
    expect(errorOf(() => parse('-1e999')).message).toMatch(/out of range/);
  });

  it('enforces the RFC 8259 number grammar', () => {
    for (const bad of ['01', '1.', '.5', '+1', '1e', '-', '0x10', 'NaN', 'Infinity', '1_000']) {
      expect(() => parse(bad), bad).toThrow(FormatError);
    }
    expect(parse('-0.5E+2').value).toBe(-50);
  });

  it('rejects trailing garbage, trailing commas, comments, single quotes and a BOM', () => {
    expect(errorOf(() => parse('{"a":1} x')).offset).toBe(8);
    expect(errorOf(() => parse('{"a":1}\u0000')).message).toMatch(/trailing data/);
    for (const bad of ['[1,]', '{"a":1,}', '{"a":1 // c\n}', "{'a':1}", '\ufeff{}', '{a:1}', '', '   ', '{"a" 1}', '[1 2]', 'tru']) {
      expect(() => parse(bad), JSON.stringify(bad)).toThrow(FormatError);
    }
    expect(parse(' \t\r\n{} \n').value).toEqual({});
  });

  it('never throws anything but FormatError on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      try { parseJson(bytes, { maxDepth: 8 }); } catch (e) { expect(e).toBeInstanceOf(FormatError); }
    }), { numRuns: 2000 });
  });
});
