// Memory of scanning a ~300 MB ONNX model whose weights are inline (test/bench/onnx.mjs writes it).
// Skipped unless MG_BENCH=1: it needs Python to generate the file once (cached under .bench/).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { scan } from '../../src/engine';
import { fromNodeFile } from '../../src/cli/node-source';
import { counting } from '../helpers/sources';
// @ts-expect-error plain .mjs bench module without types
import { onnxCases } from '../bench/onnx.mjs';

describe.skipIf(!process.env.MG_BENCH)('onnx bench: ~300 MB inline weights', () => {
  it('steps over raw_data: reads a few MB, RSS grows far less than the file', async () => {
    const [c] = onnxCases(join(process.cwd(), '.bench')) as Array<{ path: string; size: number }>;
    expect(c).toBeDefined();
    const file = await fromNodeFile(c!.path, 'onnx-300mb.onnx');
    try {
      const { source, stats } = counting(file);
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampled: typeof source = { ...source, async read(o, n) { const out = await source.read(o, n); peak = Math.max(peak, process.memoryUsage().rss); return out; } };
      const t0 = performance.now();
      const r = await scan(sampled, { displayPath: 'onnx-300mb.onnx' });
      const ms = performance.now() - t0;
      console.log(`onnx bench: ${(c!.size / 1e6).toFixed(0)} MB, ${ms.toFixed(0)} ms, ${(stats.bytesRead / 1024).toFixed(0)} KiB read in ${stats.reads.length} reads, RSS ${(before / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MiB`);
      expect(r.format).toBe('onnx');
      expect(r.complete).toBe(true);
      expect(stats.bytesRead).toBeLessThan(4 * 2 ** 20);
      expect(peak - before).toBeLessThan(64 * 2 ** 20);
    } finally {
      await file.close();
    }
  });
});
