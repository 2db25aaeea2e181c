// Issue 15 small ones: no DEP0005 `Buffer()` warning from the bzip2 decoder (seek-bzip calls
// `new Buffer(n)`, which Node reports on every CLI run that meets a .bz2 joblib).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scan, fromBytes } from '../../src/engine';

describe('bzip2 decoding under Node', () => {
  it('decodes a bzip2 joblib without a Buffer() deprecation warning and leaves the real Buffer in place', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error & { code?: string }) => warnings.push(`${w.code ?? ''} ${w.message}`);
    process.on('warning', onWarning);
    try {
      const bytes = new Uint8Array(readFileSync('fixtures/pickle-family/benign/forest.joblib.bz2'));
      const r = await scan(fromBytes(bytes, 'forest.joblib.bz2'));
      expect(r.nodes.some((n) => n.format === 'pickle')).toBe(true);
      await new Promise((r) => setTimeout(r, 50)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => /DEP0005|Buffer\(\)/.test(w))).toEqual([]);
    expect(Buffer.from('ok').toString('hex')).toBe('6f6b');
  });
});
