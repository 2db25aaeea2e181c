// One h5wasm instance serves every HDF5 file of a thread (the CLI keeps scan threads alive; the fuzz
// harness runs thousands of inputs per thread). h5wasm's throwing error handler (no longer used: see
// h5runtime.ts) threw out of libhdf5's C frames on every HDF5 error; each left ~800 bytes of C stack, an
// open tmpfile stream and often the HDF5 file's own stream, and each mount left its file node (with the whole
// source) in the FS: after ~2,600 malformed files the stack ran into libhdf5's data and a 9 ms file
// hung for minutes (issue 15). These tests scan many malformed files in one process and require the
// instance to be exactly where it started.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';
import { h5Repairs, h5RuntimeState, loadH5Runtime, MAX_HDF5_HEAP_BYTES, type H5Runtime } from '../../src/engine/formats/keras/h5runtime';

const load = (p: string) => new Uint8Array(readFileSync(p));

/** Deterministic corruptions of a real Keras .h5 that pass the pre-check and make libhdf5 fail. */
function corrupted(base: Uint8Array, n: number): Uint8Array {
  const b = new Uint8Array(base);
  let x = (n + 1) * 2654435761 >>> 0;
  for (let k = 0; k < 3; k++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    b[x % b.length] ^= 0xff;
  }
  return b;
}

/** Nodes in the module's FS name table (every file and folder it knows). */
function fsNodes(rt: H5Runtime): number {
  let count = 0;
  for (let n of Object.values((rt.Module.FS as { nameTable: Record<string, { name_next?: unknown } | null> }).nameTable)) {
    while (n) { count++; n = n.name_next as typeof n; }
  }
  return count;
}

describe('h5wasm instance reuse across malformed HDF5 files', () => {
  let rt: H5Runtime;
  const base = load('fixtures/stats/benign/sequential.h5');

  beforeAll(async () => {
    // The engine loads h5wasm itself (h5runtime.ts must see it instantiated to reach its stack pointer).
    await scan(fromBytes(base, 'warm.h5'), { weightStats: true });
    rt = await loadH5Runtime();
  }, 120_000);

  it('sees the libhdf5 instance\'s stack pointer when h5wasm is loaded', () => {
    expect(rt.stack).toBeDefined();
    expect(typeof rt.stack!.get()).toBe('number');
  });

  it('400 malformed .h5 files that make libhdf5 fail leave its stack pointer, streams, FS nodes and heap as they were', async () => {
    const before = h5RuntimeState(rt);
    const nodes = fsNodes(rt);
    const closedBefore = h5Repairs.streamsClosed;
    let malformed = 0;
    for (let i = 0; i < 400; i++) {
      const r = await scan(fromBytes(corrupted(base, i), `c${i}.h5`), { weightStats: true });
      // Malformed by libhdf5 itself (an error it threw), not refused by the pre-check before it.
      if (r.findings.some((f) => f.ruleId === 'format/malformed' && !f.message.includes('HDF5 structure check'))) malformed++;
    }
    const after = h5RuntimeState(rt);
    // The run must have made libhdf5 throw, or it proves nothing.
    expect(malformed).toBeGreaterThan(25);
    expect(after.stackPointer).toBe(before.stackPointer);
    expect(after.openStreams).toBe(before.openStreams);
    expect(fsNodes(rt)).toBe(nodes);
    // No file was left open for the section's end to close: no error tmpfile, and no HDF5 file kept open
    // by object ids an h5wasm helper never closed (those held its metadata cache: the heap grew ~55 KB
    // per malformed file). The heap did not grow either (it never shrinks).
    expect(h5Repairs.streamsClosed - closedBefore).toBe(0);
    expect(after.heapBytes - before.heapBytes).toBeLessThan(1024 ** 2);
  }, 120_000);

  it('a mutated .keras whose weights made libhdf5 grow its memory by 1 GiB (found by wasm-state.mjs) is read within MAX_HDF5_HEAP_BYTES and its Lambda still found', async () => {
    const r = await scan(fromBytes(load('test/fuzz/found/keras-weights-heap-1gib.keras'), 'keras-weights-heap-1gib.keras'), { weightStats: true });
    expect(r.findings.map((f) => f.ruleId)).toContain('keras/lambda-bytecode');
    expect(rt.heap.refused).toBeGreaterThan(0);
    expect(h5RuntimeState(rt).heapBytes).toBeLessThanOrEqual(MAX_HDF5_HEAP_BYTES);
    expect(h5RuntimeState(rt).heapBytes).toBeLessThan(64 * 1024 ** 2);
  }, 60_000);

  it('still finds the Lambda in a malicious .h5 after those failures, with the same findings as the first time', async () => {
    const bytes = load('fixtures/keras/malicious/lambda-os-system.h5');
    const r = await scan(fromBytes(bytes, 'lambda-os-system.h5'));
    expect(r.complete).toBe(true);
    expect(r.findings.map((f) => f.ruleId)).toContain('keras/lambda-bytecode');
    expect(r.status).toBe('issues');
  }, 60_000);
});
