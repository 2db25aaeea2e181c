// A member of a streamed tar.gz is a sequential source (ByteSource.sequential): reads spread over it
// make the stream hold every byte between them. The hint survives slices and counted views, and the
// weight statistics keep their windows in the node's first STATS_SEQUENTIAL_SPAN_BYTES there, while a
// random-access source is still sampled end to end.
import { describe, expect, it } from 'vitest';
import { fromBytes, windowOf } from '../../src/engine/io/byte-source';
import { countedSource } from '../../src/engine/formats/zip/members';
import { sampleTensor, STATS_SEQUENTIAL_SPAN_BYTES } from '../../src/engine/stats/sample';
import { Budget } from '../../src/engine/limits';
import type { ByteSource, ScanContext } from '../../src/engine/types';

const MiB = 1024 * 1024;

/** A source of `size` zero bytes that records every read; sequential when asked. */
function recording(size: number, sequential: boolean) {
  const reads: Array<[number, number]> = [];
  const src: ByteSource = {
    name: 'm', size, ...(sequential ? { sequential: true } : {}),
    read: async (o, n) => { reads.push([o, n]); return new Uint8Array(Math.max(0, Math.min(n, size - o))); },
    slice: (s, e, n) => windowOf(src, s, e, n),
  };
  return { src, reads };
}
const ctxOver = (source: ByteSource) => ({ source, budget: new Budget(), checkAborted: () => {}, read: (o: number, n: number) => source.read(o, n) }) as unknown as ScanContext;

describe('sequential sources', () => {
  it('keeps the hint through slices and counted views, and leaves other sources without it', () => {
    const { src } = recording(100, true);
    expect(src.slice(10, 20).sequential).toBe(true);
    expect(countedSource(ctxOver(src.slice(10, 20))).slice(0, 5).sequential).toBe(true);
    expect(fromBytes(new Uint8Array(10)).slice(0, 5).sequential).toBeUndefined();
  });

  it('samples a 256 MB tensor of a streamed member inside its first 16 MiB, and end to end elsewhere', async () => {
    const size = 256 * MiB, tensor = { kind: 'f16' as const, littleEndian: true, offset: 4096, elements: (size - 4096) / 2 };
    const streamed = recording(size, true);
    const s = await sampleTensor(ctxOver(streamed.src), tensor);
    expect(s?.values.length).toBeGreaterThan(0);
    expect(Math.max(...streamed.reads.map(([o, n]) => o + n))).toBeLessThanOrEqual(STATS_SEQUENTIAL_SPAN_BYTES);
    const file = recording(size, false);
    await sampleTensor(ctxOver(file.src), tensor);
    expect(Math.max(...file.reads.map(([o, n]) => o + n))).toBe(size);
  });

  it('skips a tensor that starts past the span of a streamed member (noted as skipped by the caller)', async () => {
    const { src, reads } = recording(64 * MiB, true);
    expect(await sampleTensor(ctxOver(src), { kind: 'f32', littleEndian: true, offset: 32 * MiB, elements: 4 * MiB })).toBeNull();
    expect(reads).toEqual([]);
  });
});
