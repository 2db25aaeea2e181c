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
