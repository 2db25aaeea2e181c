// Tiny members (a tar of thousands of 1-byte files): the pickle sniffer's strict parse is skipped only
// where it could not accept the head (a first byte that is no opcode, or a node shorter than the op count
// it needs with no STOP byte after its first byte), and
// looksLikeText validates UTF-8 without a decoder. Both must answer exactly as before; a tiny member
// that is a pickle must still be found and judged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { sniffPickle } from '../../src/engine/formats/pickle/nested';
import { pickleSniffer } from '../../src/engine/formats/pickle/sniff';
import { PICKLE_OPS } from '../../src/engine/formats/pickle/opcodes';
import { isUtf8, looksLikeText } from '../../src/engine/io/text';
import { buildTar } from '../builders/tar';

const bytes = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const strict = new TextDecoder('utf-8', { fatal: true });
const decodes = (b: Uint8Array) => { try { strict.decode(b); return true; } catch { return false; } };
/** looksLikeText as it was: TextDecoder on each cut. */
function looksLikeTextBefore(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let bad = 0;
  for (const c of b) { if (c === 0) return false; if (c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f) bad++; }
  if (bad / b.length > 0.01) return false;
  for (let cut = 0; cut <= Math.min(3, b.length - 1); cut++) if (decodes(b.subarray(0, b.length - cut))) return true;
  return false;
}
const head = (b: Uint8Array, size = b.length, name = 'm.bin') => ({ bytes: b, size, name, ext: '.bin' });
const ofRule = (r: FileReport, id: string) => r.findings.filter((f) => f.ruleId === id);

describe('the pickle sniffer skips its parse only where the parse could not accept the head', () => {
  it('no one-byte head parses as a pickle at any minimum op count the callers use', () => {
    for (let c = 0; c < 256; c++) {
      for (const minOps of [4, 8, 24]) expect(sniffPickle(new Uint8Array([c]), 0, 1, minOps)).toBeNull();
    }
  });

  it('no head opening with a byte that is not an opcode parses, whatever follows and however long the node', () => {
    const notOps = [...Array(256).keys()].filter((c) => PICKLE_OPS[c] === undefined);
    expect(notOps.length).toBeGreaterThan(100);
    fc.assert(fc.property(fc.constantFrom(...notOps), fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.boolean(), (c, rest, cut) => {
      const b = new Uint8Array([c, ...rest]);
      return sniffPickle(b, 0, cut ? b.length + 1_000_000 : b.length, 4) === null;
    }), { numRuns: 3000, seed: 15 });
  });

  it('no node shorter than the minimum op count parses unless a STOP byte follows its first byte, text included', () => {
    const noStop = fc.integer({ min: 0, max: 255 }).filter((c) => c !== 0x2e);
    for (const minOps of [4, 24]) {
      fc.assert(fc.property(fc.integer({ min: 0, max: 255 }), fc.array(noStop, { maxLength: minOps - 2 }), (c, rest) => {
        const b = new Uint8Array([c, ...rest]);
        return sniffPickle(b, 0, b.length, minOps) === null;
      }), { numRuns: 5000, seed: 17 });
    }
    // With the STOP byte, a tiny protocol-0 pickle does parse: the filter must let it through.
    expect(pickleSniffer.sniff(head(bytes('N.')))?.confidence).toBe('structure');
    expect(pickleSniffer.sniff(head(bytes('.N.')))).toBeNull();
    expect(sniffPickle(bytes("I1\n."), 0, 4, 24)).not.toBeNull();
    expect(pickleSniffer.sniff(head(bytes("I1\n.")))?.confidence).toBe('structure');
  });

  it('every two-byte head gets the same answer as before: the parse decides wherever it could accept', () => {
    for (let c0 = 0; c0 < 256; c0++) {
      for (let c1 = 0; c1 < 256; c1++) {
        const b = new Uint8Array([c0, c1]);
        const parsed = sniffPickle(b, 0, 2, 24) !== null;
        const s = pickleSniffer.sniff(head(b));
        if (parsed) expect(s?.confidence).toBe('structure');
        else expect(s?.confidence === 'structure' && !(c0 === 0x80 && c1 >= 2 && c1 <= 5)).toBe(false);
      }
    }
  });
});

describe('a tar of tiny members', () => {
  const ones = Array.from({ length: 300 }, (_, i) => ({ name: `one/${i}.bin`, data: new Uint8Array([i & 0xff]) }));

  it('still finds and judges a 21-byte protocol-0 pickle calling os.system among 300 one-byte members: CRITICAL', async () => {
    const tar = buildTar({ members: [...ones, { name: 'x/evil.bin', data: bytes("cos\nsystem\n(S'id'\ntR.") }] });
    const r = await scan(fromBytes(tar, 'tiny.tar'));
    const crit = r.findings.filter((f) => f.severity === 'critical');
    expect(crit.length).toBeGreaterThan(0);
    expect(crit.every((f) => f.location.path.at(-1) === 'x/evil.bin')).toBe(true);
    expect(r.nodes.find((n) => n.path.at(-1) === 'x/evil.bin')?.format).toBe('pickle');
  });

  it('still reads a two-byte pickle (NONE, STOP) as a pickle, and one-byte members as unrecognised content', async () => {
    const tar = buildTar({ members: [...ones.slice(0, 20), { name: 'n.bin', data: bytes('N.') }] });
    const r = await scan(fromBytes(tar, 'tiny.tar'));
    expect(r.nodes.find((n) => n.path.at(-1) === 'n.bin')?.format).toBe('pickle');
    expect(r.nodes.filter((n) => n.path.at(-1)?.startsWith('one/')).every((n) => n.format !== 'pickle')).toBe(true);
    expect(r.findings.filter((f) => f.severity === 'critical' || f.severity === 'warning')).toEqual([]);
  });

  it('still takes a one-byte binary member named .pkl for a pickle by its name and reports it truncated, as before', async () => {
    const tar = buildTar({ members: [{ name: 'model.pkl', data: new Uint8Array([0x80]) }] });
    const r = await scan(fromBytes(tar, 'tiny.tar'));
    expect(r.nodes.find((n) => n.path.at(-1) === 'model.pkl')).toMatchObject({ format: 'pickle', status: 'malformed' });
    expect(ofRule(r, 'pickle/truncated').length).toBe(1);
  });
});

describe('UTF-8 validated without a decoder', () => {
  it('isUtf8 agrees with the fatal TextDecoder on every one- and two-byte input', () => {
    for (let a = 0; a < 256; a++) {
      expect(isUtf8(new Uint8Array([a]))).toBe(decodes(new Uint8Array([a])));
      for (let b = 0; b < 256; b++) { const x = new Uint8Array([a, b]); if (isUtf8(x) !== decodes(x)) expect([a, b, isUtf8(x)]).toEqual([a, b, decodes(x)]); }
    }
  });

  it('isUtf8 agrees on overlongs, surrogates, U+10FFFF and past it, cut sequences, and random high-byte runs', () => {
    const cases = [[0xe0, 0x80, 0x80], [0xe0, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xf0, 0x8f, 0xbf, 0xbf],
      [0xf0, 0x90, 0x80, 0x80], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xc3]];
    for (const c of cases) expect(isUtf8(new Uint8Array(c))).toBe(decodes(new Uint8Array(c)));
    const hi = fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0x20, max: 0x7e }));
    fc.assert(fc.property(fc.array(hi, { maxLength: 12 }), (a) => isUtf8(new Uint8Array(a)) === decodes(new Uint8Array(a))), { numRuns: 20000, seed: 15 });
  });

  it('looksLikeText answers as it did with the decoder, text cut inside a character included', () => {
    const enc = new TextEncoder();
    for (const s of ['plain text\n', 'naïve café — 日本語 🙂', '{"a": "ü"}', '']) {
      const b = enc.encode(s);
      for (let cut = 0; cut <= Math.min(4, b.length); cut++) expect(looksLikeText(b.subarray(0, b.length - cut))).toBe(looksLikeTextBefore(b.subarray(0, b.length - cut)));
    }
    const byte = fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x0a, 0x01));
    fc.assert(fc.property(fc.array(byte, { maxLength: 40 }), (a) => looksLikeText(new Uint8Array(a)) === looksLikeTextBefore(new Uint8Array(a))), { numRuns: 20000, seed: 16 });
  });
});
