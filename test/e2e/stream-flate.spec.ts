// The browser build inflates with the platform's DecompressionStream (workers/stream-flate.ts injected
// in the scan worker), not fflate: a gzip-wrapped pickle dropped on the page is decoded, its call found,
// and the report's compressed node names the decoder that did it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { dropFiles, findingsOf, verdictCode } from './helpers';

test('a gzip-wrapped pickle is inflated by DecompressionStream in the scan worker', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'mg-stream-flate-'));
  try {
    const file = join(dir, 'model.pkl.gz');
    // 200 KB of incompressible bytes (BINBYTES, popped) before the call: small inputs go to fflate.
    writeFileSync(file, gzipSync(Buffer.concat([Buffer.from('\x80\x04', 'latin1'), Buffer.from([0x42, 0x40, 0x0d, 0x03, 0x00]), randomBytes(200_000),
      Buffer.from('0cposix\nsystem\nX\x02\x00\x00\x00id\x85R.', 'latin1')])));
    await page.goto('/');
    await dropFiles(page, [file]);
    expect(await verdictCode(page)).toBe(1);
    expect(await findingsOf(page, 'model.pkl.gz')).toContain('pickle/dangerous-call:critical');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const nodes: { format: string; notes?: Record<string, unknown> }[] = report.files[0].nodes;
    expect(nodes.find((n) => n.format === 'compressed')?.notes).toMatchObject({ codec: 'gzip', inflater: 'DecompressionStream' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
