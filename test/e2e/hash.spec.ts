// Hashing off the verdict's path (issue 15 item 5): a large file's verdict and findings show while its
// SHA-256 is still being computed on the hash worker; the hash then fills in on the file card and
// matches node:crypto's; a download clicked before it is done waits for it and carries it. "Skip
// hashing" (a persisted setting) leaves no hash anywhere. The file is made in the page (a Blob of one
// pseudo-random MiB repeated), so nothing large crosses from the test to the page.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { fileReport, findingsOf, offlineAfterReload, verdictCode } from './helpers';

const CHUNK = 1024 * 1024;
/** 384 MiB of tensor data: seconds to hash in WASM on a loaded machine, well under one to scan. */
const CHUNKS = 384;

/**
 * A safetensors file of one U8 tensor: the scanner reads the header and not the data, as with a real
 * multi-GB checkpoint (an unrecognised file would be swept byte by byte and take as long as the hash).
 */
function header(chunks: number): Uint8Array {
  const n = chunks * CHUNK;
  let json = JSON.stringify({ weight: { dtype: 'U8', shape: [n], data_offsets: [0, n] } });
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + json.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(new TextEncoder().encode(json), 8);
  return out;
}

/** The data bytes the page makes: a 32-bit LCG (Numerical Recipes constants), top byte of each step. */
function chunkBytes(): Uint8Array {
  const out = new Uint8Array(CHUNK);
  let x = 12345;
  for (let i = 0; i < CHUNK; i++) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; out[i] = x >>> 24; }
  return out;
}

function expectedSha(chunks: number): string {
  const h = createHash('sha256').update(header(chunks));
  const c = chunkBytes();
  for (let i = 0; i < chunks; i++) h.update(c);
  return h.digest('hex');
}

/** Drops header + `chunks` × the LCG chunk, built in the page (one 1 MiB Blob referenced `chunks` times). */
async function dropGenerated(page: Page, name: string, chunks: number): Promise<void> {
  const head = Array.from(header(chunks));
  await page.getByTestId('dropzone').evaluate((zone, { name, chunks, size, head }) => {
    const c = new Uint8Array(size);
    let x = 12345;
    for (let i = 0; i < size; i++) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; c[i] = x >>> 24; }
    const part = new Blob([c]);
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(head), ...Array.from({ length: chunks }, () => part)], name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, { name, chunks, size: CHUNK, head });
}

test('the verdict of a 384 MiB file shows before its SHA-256 is done; the hash then fills in and matches', async ({ page }) => {
  test.setTimeout(180_000);
  const sha = expectedSha(CHUNKS);
  await page.goto('/');
  await dropGenerated(page, 'big.safetensors', CHUNKS);
  const card = fileReport(page, 'big.safetensors');

  expect(await verdictCode(page, 60_000)).toBe(0);
  // The verdict is in; the hash is not: its progress is on the file card and beside the downloads.
  await expect(card.getByTestId('hash-pending')).toBeVisible({ timeout: 1_000 });
  await expect(card.getByTestId('sha256')).toHaveCount(0);
  await expect(page.getByTestId('hash-pending-note')).toBeVisible();

  // A download clicked now waits for the hash, so the report carries it.
  const downloading = page.waitForEvent('download', { timeout: 150_000 });
  await page.getByTestId('download').click();
  await expect(page.getByTestId('download')).toContainText('waiting for SHA-256');
  const report = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  expect(report.files[0].path).toBe('big.safetensors');
  expect(report.files[0].sha256).toBe(sha);
  expect(report.options.hash).toBe(true);

  await expect(card.getByTestId('sha256')).toHaveText(`sha256 ${sha}`);
  await expect(card.getByTestId('hash-pending')).toHaveCount(0);
  await expect(page.getByTestId('hash-pending-note')).toHaveCount(0);
});

test('Copy link clicked before the SHA-256 is done waits for it: the shared report carries the hash', async ({ page, context }) => {
  test.setTimeout(180_000);
  const sha = expectedSha(CHUNKS);
  await page.goto('/');
  await dropGenerated(page, 'linked.safetensors', CHUNKS);
  expect(await verdictCode(page, 60_000)).toBe(0);
  await expect(fileReport(page, 'linked.safetensors').getByTestId('hash-pending')).toBeVisible({ timeout: 1_000 });

  await page.getByTestId('share-link').click();
  await expect(page.getByTestId('share-link')).toContainText('waiting for SHA-256');
  const url = await page.getByTestId('share-url').inputValue({ timeout: 150_000 });
  await expect(page.getByTestId('hash-pending-note')).toHaveCount(0);

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('opened-banner')).toBeVisible();
  await expect(fileReport(other, 'linked.safetensors').getByTestId('sha256')).toHaveText(`sha256 ${sha}`);
});

test('"Skip hashing" leaves no hash on the card or in the report, and stays set after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('skip-hash').check();
  await page.reload();
  await page.getByTestId('settings').locator('summary').click();
  await expect(page.getByTestId('skip-hash')).toBeChecked();

  await dropGenerated(page, 'nohash.safetensors', 8);
  expect(await verdictCode(page)).toBe(0);
  const card = fileReport(page, 'nohash.safetensors');
  await expect(card.getByTestId('hash-none')).toHaveAttribute('data-hash-status', 'skipped');
  await expect(card.getByTestId('sha256')).toHaveCount(0);
  await expect(page.getByRole('progressbar', { name: 'SHA-256 progress of nohash.safetensors' })).toHaveCount(0);
  await expect(page.getByTestId('hash-pending-note')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(report.files[0].path).toBe('nohash.safetensors');
  expect(report.files[0]).not.toHaveProperty('sha256');
  expect(report.options.hash).toBe(false);
});

test('a blob named by its digest holds the verdict until its hash is in, so a tampered layer is never shown clean first', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = 'fixtures/oci/malicious/tampered-layout/blobs/sha256';
  const tampered = readdirSync(dir).filter((n) => createHash('sha256').update(readFileSync(`${dir}/${n}`)).digest('hex') !== n);
  expect(tampered).toHaveLength(1);
  await page.goto('/');
  // The big file goes first: the layout's small blobs wait behind its hash, long after their scans are done.
  await dropGenerated(page, 'first.safetensors', CHUNKS);
  await page.getByTestId('folder-input').setInputFiles('fixtures/oci/malicious/tampered-layout');
  expect(await verdictCode(page, 150_000)).toBe(1);
  expect(await findingsOf(page, `tampered-layout/blobs/sha256/${tampered[0]}`)).toContain('oci/digest-mismatch:warning');
});

test('offline, after a reload from the service worker, the hash worker still starts and hashes', async ({ page, context }) => {
  const sha = createHash('sha256').update(readFileSync('fixtures/e2e/config.json')).digest('hex');
  await offlineAfterReload(page, context, async () => {
    await page.getByTestId('file-input').setInputFiles('fixtures/e2e/config.json');
    expect(await verdictCode(page)).toBe(0);
    await expect(fileReport(page, 'config.json').getByTestId('sha256')).toHaveText(`sha256 ${sha}`);
  });
});
