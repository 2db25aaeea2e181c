// Issue 16, the analyst's screen: a 219-file folder holding a zip bomb and one CRITICAL pickle. The bomb
// shows in "Now scanning" within 2 s with its phase (never "unknown") and Skip moves on (cancelled,
// incomplete); a partial report can be saved mid-scan; the worst file is the first row and the verdict
// says "CRITICAL: do not load these files"; the bomb's flood is one group; every rule id links to an
// offline rule page; the first finding is ≤ 3 Tabs from the verdict; a browser report and a CLI report
// of the same folder compare with 0 changes (the leading folder is aligned).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { deflateSync } from 'fflate';
import { buildZip } from '../builders/zip';
import { EVIL, fourWorkers, writeFolder } from './triage-folder';

let root: string;
/** corpus/: 217 small benign files, evil.pkl (CRITICAL) and bomb.zip. */
let folder: string;
/** calm/corpus/: the same without the bomb (the browser-vs-CLI comparison). */
let calm: string;

test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'modelgate-triage-'));
  folder = join(root, 'corpus');
  writeFolder(folder, true);
  calm = join(root, 'calm', 'corpus');
  writeFolder(calm, false);
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

const bombRow = (page: Page) => page.locator('[data-testid="now-row"][data-path="corpus/bomb.zip"]');

test('a 219-file folder with a bomb: the bomb is in "Now scanning" within 2 s, Skip moves on, the worst file is the first row', async ({ page }) => {
  test.setTimeout(120_000);
  await fourWorkers(page);
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(folder);
  // Within 2 s of the drop reaching the page (setInputFiles returns once the input has the files).
  await expect(bombRow(page)).toBeVisible({ timeout: 2_000 });
  await expect(page.getByTestId('file-list')).toHaveAttribute('data-total', '219');
  // The phase names the format chain and stage, never "unknown".
  await expect(bombRow(page).getByTestId('now-phase')).toContainText('zip');
  await expect(bombRow(page).getByTestId('now-phase')).not.toContainText('unknown');
  // Running for more than a few seconds, it is highlighted as slow.
  await expect(bombRow(page)).toHaveAttribute('data-slow', 'true', { timeout: 8_000 });

  // A partial report can be saved while it runs: marked partial, exit code 2 (incomplete).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toMatch(/-partial\.json$/);
  const partial = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(partial.partial).toBe(true);
  expect(partial.exitCode).toBe(2);
  expect(partial.files.find((f: { path: string }) => f.path === 'corpus/bomb.zip')).toMatchObject({ status: 'error', complete: false });

  await bombRow(page).getByTestId('skip-file').click();
  await expect(bombRow(page)).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-exit-code', '2', { timeout: 60_000 });
  // CRITICAL wins over the incomplete bomb: the banner says what to do, with counts per severity.
  await expect(page.getByTestId('verdict-title')).toHaveText('CRITICAL: do not load these files');
  await expect(page.getByTestId('verdict-counts')).toContainText('1 critical');
  // The worst file is the first row, with its highest severity; the skipped bomb is incomplete.
  const first = page.getByTestId('file-row').first();
  await expect(first).toHaveAttribute('data-path', 'corpus/part3/evil.pkl');
  await expect(first).toHaveAttribute('data-worst', 'critical');
  await expect(first.getByTestId('row-counts')).toHaveText('1 critical');
  await expect(page.locator('[data-testid="file-row"][data-path="corpus/bomb.zip"]')).toHaveAttribute('data-status', 'error');

  // "Show only CRITICAL" is one click.
  await page.getByTestId('only-critical').click();
  await expect(page.getByTestId('file-row')).toHaveCount(1);
  await expect(page.getByTestId('file-report')).toHaveCount(1);
  await page.getByTestId('only-critical').click();
  await expect(page.getByTestId('file-row').nth(1)).toBeVisible();
});

test('a flood of one rule is one expandable group; the message names the callable once; rule ids open offline rule pages', async ({ page }) => {
  await page.goto('/');
  // A zip whose 40 members each inflate 1000:1: forty findings of one rule in one file.
  const zeros = new Uint8Array(1024 * 1024);
  const compressed = deflateSync(zeros, { level: 9 });
  const members = Array.from({ length: 40 }, (_, i) => ({ name: `w${i}.bin`, method: 8, compressed, data: zeros }));
  const zip = Buffer.from(buildZip({ members } as Parameters<typeof buildZip>[0]));
  writeFileSync(join(root, 'flood.zip'), zip);
  writeFileSync(join(root, 'evil.pkl'), EVIL);
  await page.getByTestId('file-input').setInputFiles([join(root, 'flood.zip'), join(root, 'evil.pkl')]);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-exit-code', /^[012]$/, { timeout: 60_000 });
  const group = page.locator('[data-testid="file-report"][data-path="flood.zip"] [data-testid="finding-group"]').first();
  await expect(group).toBeVisible();
  const count = Number(await group.getAttribute('data-count'));
  expect(count).toBeGreaterThanOrEqual(3);
  const summary = group.locator(':scope > details > summary');
  await expect(summary).toContainText(`× ${count}`);
  await summary.click();
  await expect(group.getByTestId('finding')).toHaveCount(count);

  // The dangerous call: one sentence, the callable named once.
  const call = page.locator('[data-testid="file-report"][data-path="evil.pkl"] [data-testid="finding"][data-rule="pickle/dangerous-call"]').first();
  const text = (await call.locator('.message').textContent()) ?? '';
  expect(text).toContain('posix.system');
  expect(text.split('posix.system').length - 1, text).toBe(1);

  // The rule id opens its page (offline: a #rule= hash), and the ModelAudit code on it is explained.
  await call.locator('summary').click();
  await call.getByTestId('rule-link').click();
  const rulePage = page.getByTestId('rule-page');
  await expect(rulePage).toHaveAttribute('data-rule', 'pickle/dangerous-call');
  await expect(rulePage.getByTestId('rule-explanation')).not.toBeEmpty();
  await expect(rulePage).toContainText('CWE-502');
  await rulePage.getByRole('link', { name: 'S201' }).click();
  await expect(page.getByTestId('rule-page')).toHaveAttribute('data-rule', 'S201');
  await expect(page.getByTestId('rule-explanation')).toContainText('ModelAudit check code S201');
  await page.getByTestId('close-rule').click();
  await expect(page.getByTestId('rule-page')).toHaveCount(0);
  await expect(page.getByTestId('verdict')).toBeVisible(); // the session is still there
});

test('keyboard: a skip link goes to the results, and the first finding is at most 3 Tabs from the verdict', async ({ page }) => {
  await page.goto('/');
  writeFileSync(join(root, 'evil.pkl'), EVIL);
  await page.getByTestId('file-input').setInputFiles([join(root, 'evil.pkl'), 'fixtures/e2e/model.safetensors', 'fixtures/e2e/config.json']);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-exit-code', '1');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('verdict')).toBeFocused();
  let reached = '';
  for (let i = 1; i <= 3 && !reached; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    if (id === 'first-finding') reached = `tab ${i}`;
  }
  expect(reached, 'the worst finding is reached from the verdict').not.toBe('');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => {
    const e = document.activeElement;
    return e?.tagName === 'SUMMARY' ? e.closest('[data-testid="finding"]')?.getAttribute('data-rule') : null;
  });
  expect(focused).toBe('pickle/dangerous-call');
});

test('a browser report and a CLI report of the same folder compare with 0 changes: the leading folder is aligned', async ({ page }) => {
  test.setTimeout(180_000);
  if (!existsSync('dist-cli/modelgate.js')) execFileSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { stdio: 'ignore' });
  const cliReport = join(root, 'cli-report.json');
  // The CLI names the files by the absolute path given; the browser by "corpus/...". Exit code 1: issues.
  try {
    execFileSync('node', ['bin/modelgate.js', 'scan', calm, '--format', 'json', '--output', cliReport], { stdio: 'ignore' });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
  await fourWorkers(page);
  await page.goto('/');
  await page.getByTestId('folder-input').setInputFiles(calm);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-exit-code', '1', { timeout: 60_000 });
  await page.getByTestId('compare-input').setInputFiles(cliReport);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.getByTestId('compare-aligned')).toBeVisible();
  await expect(page.getByTestId('total-new')).toHaveText('0');
  await expect(page.getByTestId('total-gone')).toHaveText('0');
  await expect(page.getByTestId('total-changed')).toHaveText('0');
  await expect(page.getByTestId('compare-none')).toBeVisible();
  await expect(page.getByTestId('compare-disjoint')).toHaveCount(0);
});
