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
