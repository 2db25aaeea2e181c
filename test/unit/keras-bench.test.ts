// Opt-in measurement of the ~300 MB Keras .h5 bench file (test/bench/keras.mjs):
//   MG_KERAS_BENCH=/path/to/keras-300mb.h5 /usr/bin/time -v npx vitest run test/unit/keras-bench.test.ts
// Asserts the scan reads only metadata, not the weights, through the CLI's file source.
import { expect, it } from 'vitest';
import { scan } from '../../src/engine';
import { fromNodeFile } from '../../src/cli/node-source';

const path = process.env.MG_KERAS_BENCH;

it.skipIf(!path)('scans a ~300 MB Keras .h5 reading only its metadata', async () => {
  const file = await fromNodeFile(path!, 'keras-300mb.h5');
  let read = 0;
  const orig = file.readSync!.bind(file);
  file.readSync = (o: number, n: number) => { const b = orig(o, n); read += b.length; return b; };
  try {
    const t0 = performance.now();
    const r = await scan(file);
    const ms = performance.now() - t0;
    console.log(`keras bench: ${file.size} bytes, ${ms.toFixed(0)} ms, ${read} bytes read through readSync, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, status ${r.status}`);
    expect(r.status).toBe('clean');
    expect(read).toBeLessThan(16 * 1024 * 1024);
  } finally {
    await file.close();
  }
}, 120_000);
