// 7-Zip (7zz WASM) runs with a bounded heap (issue 15): a 159-byte 7z whose LZMA coder declares a
// 1.5 GiB dictionary grew 7-Zip's wasm memory to 1.7 GB without the bound
// (fixtures/sevenzip/malformed/lzma-dict-1536m.7z). With MAX_SEVENZIP_HEAP_BYTES the allocation fails
// inside 7-Zip, the member is not extracted, and the report says so: a limit, incomplete, never clean.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { MAX_SEVENZIP_HEAP_BYTES, SevenZipSession } from '../../src/engine/formats/sevenzip/session';

const load = (p: string) => new Uint8Array(readFileSync(`fixtures/sevenzip/${p}`));

/** Largest wasm memory seen growing while `f` runs. */
async function peakWasmMemory<T>(f: () => Promise<T>): Promise<[T, number]> {
  const proto = WebAssembly.Memory.prototype;
  const grow = proto.grow;
  let peak = 0;
  proto.grow = function (this: WebAssembly.Memory, delta: number) {
    peak = Math.max(peak, this.buffer.byteLength + delta * 65536);
    return grow.call(this, delta);
  };
  try { return [await f(), peak]; } finally { proto.grow = grow; }
}

describe('7-Zip heap bound', () => {
  it('a 7z declaring a 1.5 GiB LZMA dictionary is refused the memory: limit-reached, incomplete, heap stays under the bound', async () => {
    expect(MAX_SEVENZIP_HEAP_BYTES).toBe(512 * 1024 ** 2);
    const [r, peak] = await peakWasmMemory(() => scan(fromBytes(load('malformed/lzma-dict-1536m.7z'), 'lzma-dict-1536m.7z')));
    const limit = r.findings.find((f) => f.ruleId === 'scan/limit-reached');
    expect(limit!.message).toContain('MAX_SEVENZIP_HEAP_BYTES');
    expect(r.complete).toBe(false);
    expect(r.status).not.toBe('clean');
    expect(r.findings.some((f) => f.severity === 'critical')).toBe(false);
    // what the scan let 7-Zip's memory reach (grow requests above the bound were refused before growing)
    const session = await SevenZipSession.open(fromBytes(load('malformed/lzma-dict-1536m.7z'), 'a.7z'));
    const run = session!.extract();
    session!.close();
    expect(run.run.heapRefused).toBe(true);
    expect(peak).toBeLessThanOrEqual(MAX_SEVENZIP_HEAP_BYTES);
  }, 60_000);

  it('a 7z made the ordinary way (7-Zip, LZMA2) stays under the bound, extracts and scans complete', async () => {
    const r = await scan(fromBytes(load('benign/model.7z'), 'model.7z'));
    expect(r.complete).toBe(true);
    expect(r.findings.some((f) => f.ruleId === 'scan/limit-reached')).toBe(false);
  }, 60_000);
});
