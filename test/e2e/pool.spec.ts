// The worker pool under stress: a scan that exceeds the per-file timeout, and a cancelled scan, each
// end with an error report for that file while the other files still finish.
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { FIXTURES, findingsOf, fileReport, verdictCode } from './helpers';

let dir: string;
let big: string;

test.beforeAll(() => {
  // A sparse 3 GiB file: instant to make, takes far longer than a second to read and hash.
  dir = mkdtempSync(join(tmpdir(), 'modelgate-e2e-'));
  big = join(dir, 'huge.bin');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 3 * 1024 ** 3);
  closeSync(fd);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a file that exceeds the timeout gets scan/timeout while the other files finish', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('timeout').fill('1');
  await page.getByTestId('file-input').setInputFiles([big, `${FIXTURES}/model.safetensors`, `${FIXTURES}/config.json`]);
  expect(await verdictCode(page, 45_000)).toBe(2);
  await expect(page.getByTestId('verdict-title')).toHaveText('INCOMPLETE: not every file could be scanned');
  expect(await findingsOf(page, 'huge.bin')).toEqual(['scan/timeout:warning']);
  await expect(fileReport(page, 'huge.bin')).toContainText('Scan incomplete');
  expect(await findingsOf(page, 'model.safetensors')).toContain('file/git-lfs-pointer:warning');
  await expect(page.locator('[data-testid="file-row"][data-path="config.json"]')).not.toHaveAttribute('data-status', 'error');
});

test('cancelling one file reports it cancelled and scans the rest; cancel all stops everything', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles([big, `${FIXTURES}/model.safetensors`]);
  const row = page.locator('[data-testid="file-row"][data-path="huge.bin"]');
  await expect(row).toHaveAttribute('data-status', 'scanning');
  await page.waitForTimeout(400); // let a few progress messages arrive
  await page.getByTestId('file-list').screenshot({ path: 'test-results/scanning.png' });
  await row.getByTestId('cancel-file').click();
  expect(await verdictCode(page)).toBe(2);
  expect(await findingsOf(page, 'huge.bin')).toEqual(['scan/cancelled:info']);
  expect(await findingsOf(page, 'model.safetensors')).toContain('file/git-lfs-pointer:warning');

  await page.getByTestId('clear').click();
  await page.getByTestId('file-input').setInputFiles([big, `${FIXTURES}/config.json`]);
  await expect(page.getByTestId('cancel-all')).toBeVisible();
  await page.getByTestId('cancel-all').click();
  expect(await verdictCode(page)).toBe(2);
  expect(await findingsOf(page, 'huge.bin')).toEqual(['scan/cancelled:info']);
  expect(await findingsOf(page, 'config.json')).toEqual(['scan/cancelled:info']);
});
