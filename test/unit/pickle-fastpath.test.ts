// The pickle fast path (formats/pickle/fast.ts) re-implements the ops object-dense pickles are made of;
// the general machine is the reference. Every fixture, every corpus pickle and a set of assembled
// attacks must give byte-identical reports (timings aside) with the fast path on and off.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scan, fromBytes, type FileReport } from '../../src/engine';
import { FAST_PATH } from '../../src/engine/formats/pickle/fast';

const MAX_BYTES = 4 * 1024 * 1024;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) return files(p);
    return st.size > 0 && st.size <= MAX_BYTES && !/\.(md|py|sh|tsv|txt)$/.test(n) ? [p] : [];
  });
}

function comparable(r: FileReport): unknown {
  return JSON.parse(JSON.stringify({ ...r, durationMs: 0 }));
}

async function both(bytes: Uint8Array, name: string): Promise<[unknown, unknown]> {
  FAST_PATH.enabled = true;
  const fast = comparable(await scan(fromBytes(bytes, name)));
  FAST_PATH.enabled = false;
  const slow = comparable(await scan(fromBytes(bytes, name)));
  FAST_PATH.enabled = true;
  return [fast, slow];
}

/** A dense protocol-4 pickle: a list of small dicts with memoized keys and values, then a gadget. */
function denseThenGadget(count: number): Uint8Array {
  const out: number[] = [0x80, 0x04, 0x5d, 0x94, 0x28]; // PROTO 4, EMPTY_LIST, MEMOIZE, MARK
  const str = (s: string) => { out.push(0x8c, s.length, ...[...s].map((c) => c.charCodeAt(0)), 0x94); };
  for (let i = 0; i < count; i++) {
    out.push(0x7d, 0x94, 0x28); // EMPTY_DICT, MEMOIZE, MARK
    str('a'); out.push(0x4b, i & 0xff); // key 'a' → BININT1
    str('b'); str(`v${i}`);
    out.push(0x75); // SETITEMS
    if (i % 7 === 0) out.push(0x68, 1); // BINGET 1 (the first key string): memo reads in the fast path
    if (i % 7 === 0) out.push(0x30); // POP it again
  }
  out.push(0x65); // APPENDS
  out.push(0x30); // POP the list
  str('posix'); str('system'); out.push(0x93, 0x94); // STACK_GLOBAL, MEMOIZE
  str('echo pwned'); out.push(0x85, 0x94, 0x52, 0x94, 0x2e); // TUPLE1, MEMOIZE, REDUCE, MEMOIZE, STOP
  return new Uint8Array(out);
}

/**
 * The `many` benchmark shape, as CPython's protocol-4 pickler writes it: FRAMEs, records
 * {'id': i, 'name': 'token_i', 'tags': ['alpha', 't<i % 7>', None], 'score': float, 'meta': {'pos': (i, i + 1), 'ok': bool}}
 * with every key memoized once and fetched again by BINGET / LONG_BINGET, then posix.system.
 */
function manyShaped(count: number): Uint8Array {
  const body: number[] = [0x5d, 0x94, 0x28];
  const memo = new Map<string, number>();
  let next = 1;
  const str = (s: string) => {
    const k = memo.get(s);
    if (k !== undefined) { if (k < 256) body.push(0x68, k); else body.push(0x6a, k & 0xff, (k >> 8) & 0xff, 0, 0); return; }
    body.push(0x8c, s.length, ...[...s].map((c) => c.charCodeAt(0)), 0x94);
    memo.set(s, next++);
  };
  const int = (v: number) => { if (v < 256) body.push(0x4b, v); else if (v < 65536) body.push(0x4d, v & 0xff, v >> 8); else body.push(0x4a, v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >>> 24); };
  const cuts: number[] = [0];
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) cuts.push(body.length);
    body.push(0x7d, 0x94, 0x28); next++;
    str('id'); int(i * 97);
    str('name'); body.push(0x8c, 6 + String(i).length, ...[...`token_${i}`].map((c) => c.charCodeAt(0)), 0x94); next++;
    str('tags'); body.push(0x5d, 0x94, 0x28); next++; str('alpha'); str(`t${i % 7}`); body.push(0x4e, 0x65);
    str('score'); body.push(0x47, 0x3f, 0xe0 + (i & 15), i & 0xff, 0, 0, 0, 0, 0);
    str('meta'); body.push(0x7d, 0x94, 0x28); next++;
    str('pos'); int(i); int(i + 1); body.push(0x86, 0x94); next++;
    str('ok'); body.push(i & 1 ? 0x88 : 0x89, 0x75, 0x75);
  }
  body.push(0x65, 0x30);
  const gadget = [0x8c, 5, ...[...'posix'].map((c) => c.charCodeAt(0)), 0x94, 0x8c, 6, ...[...'system'].map((c) => c.charCodeAt(0)), 0x94, 0x93, 0x94,
    0x8c, 4, ...[...'echo'].map((c) => c.charCodeAt(0)), 0x85, 0x52, 0x2e];
  // A FRAME per 10 records (CPython frames at 64 KiB, between ops): every frame end is a boundary the fast path stops at.
  const all = [...body, ...gadget];
  cuts.push(body.length, all.length);
  const out: number[] = [0x80, 0x04];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const n = cuts[k + 1]! - cuts[k]!;
    out.push(0x95, n & 0xff, (n >> 8) & 0xff, 0, 0, 0, 0, 0, 0, ...all.slice(cuts[k], cuts[k + 1]));
  }
  return new Uint8Array(out);
}

afterEach(() => { FAST_PATH.enabled = true; });

describe('pickle fast path agrees with the general machine', () => {
  it('gives identical reports for a dense list of dicts followed by posix.system', async () => {
    const [fast, slow] = await both(denseThenGadget(5000), 'dense.pkl');
    expect(fast).toEqual(slow);
    expect(JSON.stringify(fast)).toContain('posix.system');
  });

  it('shows the arguments of fast-path ops in the evidence window of a posix.system call (ints, float, memo keys, string)', async () => {
    // The fast path records only offset and opcode per op and decodes the arguments of the last ops
    // again when it stops: the window before the REDUCE must read as the slow path's.
    const str = (s: string) => [0x8c, s.length, ...[...s].map((c) => c.charCodeAt(0))];
    const bytes = new Uint8Array([0x80, 0x04,
      ...str('posix'), 0x94, ...str('system'), 0x94, 0x93, 0x94,   // STACK_GLOBAL (its window is waited for)
      0x4e, 0x30, 0x4e, 0x30, 0x4e, 0x30,                          // NONE POP x3: the trailing window, slow path
      0x28, ...str('echo'), 0x94, 0x72, 9, 0, 0, 0, 0x68, 3,        // MARK 'echo' MEMOIZE, LONG_BINPUT 9, BINGET 3
      0x4b, 7, 0x4d, 0x2c, 0x01, 0x4a, 0xfb, 0xff, 0xff, 0xff,     // BININT1 7, BININT2 300, BININT -5
      0x47, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0,                          // BINFLOAT 1.5
      0x6a, 9, 0, 0, 0,                                            // LONG_BINGET 9
      0x74, 0x52, 0x2e]);                                          // TUPLE, REDUCE, STOP
    const [fast, slow] = await both(bytes, 'window.pkl');
    expect(fast).toEqual(slow);
    const text = JSON.stringify(fast);
    for (const op of ['BININT2 300', 'BININT -5', 'BINFLOAT 1.5', 'LONG_BINGET 9']) expect(text).toContain(op);
  });

  it('gives identical reports for the many shape and 600 mutants of it and of a dense list (flipped, dropped and repeated bytes)', async () => {
    // Mutations land on op boundaries the fast path decides on: a MEMOIZE fused after a push that is no
    // longer one, a frame or buffer end inside an op, a mark gone, a string turned non-ASCII.
    let seed = 0x9e3779b9;
    const rand = (n: number) => { seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6b) >>> 0; return seed % n; };
    const bases = [manyShaped(400), denseThenGadget(300)];
    const [fastMany, slowMany] = await both(bases[0]!, 'many.pkl');
    expect(fastMany).toEqual(slowMany);
    expect(JSON.stringify(fastMany)).toContain('posix.system');
    const differ: number[] = [];
    for (let k = 0; k < 600; k++) {
      const bytes = Array.from(bases[k % 3 === 2 ? 1 : 0]!);
      for (let m = 1 + rand(4); m > 0; m--) {
        const at = 2 + rand(bytes.length - 2), what = rand(4);
        if (what === 0) bytes[at] = rand(256);
        else if (what === 1) bytes.splice(at, 1);
        else if (what === 2) bytes.splice(at, 0, bytes[at]!);
        else bytes[at] = [0x94, 0x28, 0x65, 0x75, 0x86, 0x68, 0x30][rand(7)]!;
      }
      const [fast, slow] = await both(new Uint8Array(bytes), `mutant-${k}.pkl`);
      try { expect(fast).toEqual(slow); } catch { differ.push(k); }
    }
    expect(differ).toEqual([]);
  }, 120_000);

  const corpus = join(process.cwd(), '..', 'shared', 'corpus');
  const inputs = [...files('fixtures/pickle-family'), ...files(join(corpus, 'picklescan')), ...files(join(corpus, 'fickling')),
    ...files(join(corpus, 'modelaudit', 'tests', 'assets', 'pickles')), ...files(join(corpus, 'modelaudit', 'tests', 'assets', 'samples', 'pickles'))];

  it(`gives identical reports for ${inputs.length} fixture and corpus files`, async () => {
    expect(inputs.length).toBeGreaterThan(30);
    const differ: string[] = [];
    for (const file of inputs) {
      const [fast, slow] = await both(new Uint8Array(readFileSync(file)), file.split('/').pop()!);
      try { expect(fast).toEqual(slow); } catch { differ.push(file); }
    }
    expect(differ).toEqual([]);
  }, 120_000);
});
