// Reports as files and links (issue 6): a downloaded JSON report reopens offline, read-only, with the
// same findings; a report travels in the URL fragment and back; a newer schema is refused; two reports
// of one folder compare; SARIF downloads. Screenshots of the opened report and the comparison go to
// test-results/screenshots/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FIXTURES, dropFiles, fileReport, findingsOf, foreign, offlineAfterReload, recordRequests, verdictCode } from './helpers';
import { file, finding, folderBeforeAfter, report } from '../builders/reports';

let dir: string;
let evil: string;
const SHOTS = 'test-results/screenshots';

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelgate-reports-'));
  mkdirSync(SHOTS, { recursive: true });
  // Protocol 2 pickle calling posix.system (checked with `pickletools.dis`, never unpickled): live scans offer its pickle view.
  evil = join(dir, 'evil.pkl');
  writeFileSync(evil, Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', 'latin1'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCANNED = ['model.safetensors', 'empty.bin', 'config.json', 'zip-slip.zip', 'evil.pkl'];

async function scanFixtures(page: Page): Promise<{ code: number; findings: Record<string, string[]> }> {
  await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/empty.bin`, `${FIXTURES}/config.json`, `${FIXTURES}/zip-slip.zip`, evil]);
  const code = await verdictCode(page);
  const findings: Record<string, string[]> = {};
  for (const p of SCANNED) findings[p] = await findingsOf(page, p);
  return { code, findings };
}

async function sameAsLive(page: Page, live: { code: number; findings: Record<string, string[]> }): Promise<void> {
  expect(await verdictCode(page)).toBe(live.code);
  for (const p of SCANNED) expect(await findingsOf(page, p), p).toEqual(live.findings[p]);
}

/** Serious or critical WCAG 2.1 A/AA violations (the a11y spec's bar), for the report views. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Full-page screenshots in both colour schemes, each checked with axe. */
async function shootBothSchemes(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png`, fullPage: true });
    expect(await seriousViolations(page), `${name} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
  return path;
}

test('reopens a downloaded report offline, read-only, with the same verdict and findings', async ({ page, context }) => {
  const requests = recordRequests(context);
  await offlineAfterReload(page, context, async () => {
    const live = await scanFixtures(page);
    expect(live.code).toBe(1);
    expect(live.findings['evil.pkl']!.some((f) => f.endsWith(':critical'))).toBe(true);
    await expect(fileReport(page, 'evil.pkl').getByTestId('view-pickle')).toHaveCount(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);

    await page.reload(); // still offline
    await expect(page.getByTestId('dropzone')).toBeVisible();
    await page.getByTestId('open-report-input').setInputFiles(saved);
    const banner = page.getByTestId('opened-banner');
    await expect(banner).toContainText(`Report opened from ${download.suggestedFilename()}`);
    await expect(banner).toContainText('read-only');
    await expect(page.getByTestId('opened-version')).toHaveText('0.1.0');
    const startedAt = JSON.parse(readFileSync(saved, 'utf8')).startedAt as string;
    await expect(page.getByTestId('opened-date')).toHaveAttribute('datetime', startedAt);
    await expect(page.getByTestId('opened-date')).toHaveText(await page.evaluate((iso) => new Date(iso).toLocaleString(), startedAt));
    await sameAsLive(page, live);
    await expect(page.getByTestId('view-pickle')).toHaveCount(0);
    await expect(page.getByTestId('finding-view-pickle')).toHaveCount(0);
    await expect(page.getByTestId('dropzone')).toHaveCount(0);

    await shootBothSchemes(page, 'opened-report');
    // Downloading the opened report gives back the very same bytes.
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(readFileSync(await again.path(), 'utf8')).toBe(readFileSync(saved, 'utf8'));

    // Close returns to the empty page; dropping the same report (a .json starting like one) opens it, not scans it.
    await page.getByTestId('close-report').click();
    await expect(page.getByTestId('dropzone')).toBeVisible();
    await expect(page.getByTestId('file-row')).toHaveCount(0);
    await dropFiles(page, [saved]);
    await expect(page.getByTestId('opened-banner')).toBeVisible();
    await sameAsLive(page, live);
  });
  expect(foreign(requests)).toEqual([]);
});

test('a report travels in the URL fragment and opens from the link with the same findings', async ({ page, context }) => {
  const requests = recordRequests(context);
  await page.goto('/');
  const live = await scanFixtures(page);
  await page.getByTestId('share-link').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#report=[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('share-panel')).toContainText('nothing is uploaded');
  await shootBothSchemes(page, 'share-link');

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('opened-banner')).toContainText('Report opened from a shared link');
  await sameAsLive(other, live);
  await other.reload(); // the link stays in the address bar: a reload shows the report again
  await sameAsLive(other, live);
  await other.getByTestId('close-report').click();
  expect(new URL(other.url()).hash).toBe('');
  // The server only ever saw the path: fragments are not part of requests.
  expect(requests.filter((u) => u.includes('report='))).toEqual([]);
  expect(foreign(requests)).toEqual([]);
});

test('a report too large for a link says so and offers the JSON download instead', async ({ page }) => {
  let seed = 1;
  const noise = Array.from({ length: 40_000 }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24).toString(16)).join('');
  const big = writeJson('big-report.json', report([file('big.pkl', [finding('pickle/dangerous-call', 'critical', 'posix.system is called', ['big.pkl'], { evidence: noise })])]));
  await page.goto('/');
  await page.getByTestId('open-report').click(); // the button is on the empty page
  await page.getByTestId('open-report-input').setInputFiles(big);
  await expect(page.getByTestId('opened-banner')).toBeVisible();
  await page.getByTestId('share-link').click();
  await expect(page.getByTestId('share-too-large')).toHaveText(/^This report is \d+ KB compressed; links hold up to 32 KB\. Download the JSON file instead\.$/);
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  await shootBothSchemes(page, 'share-too-large');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-instead').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
});

test('refuses a report from a newer schema version and a non-report, with a clear message', async ({ page }) => {
  const v2 = writeJson('future.json', { ...report([]), schemaVersion: 2, tool: { name: 'modelgate', version: '2.0.0' } });
  await page.goto('/');
  await page.getByTestId('open-report-input').setInputFiles(v2);
  await expect(page.getByTestId('report-error')).toContainText(
    'This report was made by modelgate 2.0.0 with report schema 2; this is modelgate 0.1.0, which reads schema 1: open it with a newer modelgate.');
  await expect(page.getByTestId('opened-banner')).toHaveCount(0);
  await page.getByTestId('open-report-input').setInputFiles(`${FIXTURES}/config.json`);
  await expect(page.getByTestId('report-error')).toContainText('This is not a modelgate report');
  // A broken link is refused the same way, and the page stays usable.
  await page.goto('/#report=not-a-real-report');
  await expect(page.getByTestId('report-error')).toContainText('This report link is damaged');
  await expect(page.getByTestId('dropzone')).toBeVisible();
});

test('a hostile report from a newer tool renders as text: unknown rules, markup in messages, no script runs', async ({ page }) => {
  const xss = "<img src=x onerror='window.__pwned=1'>"; // no double quote: the helpers select by [data-path="…"]
  const hostile = writeJson('hostile.json', report([file(`${xss}.pkl`, [
    finding('future/new-check', 'warning', `message ${xss}`, [`${xss}.pkl`], { evidence: `<script>window.__pwned=2</script>`, pointer: xss }),
  ])], { version: '7.0.0' }));
  await page.goto('/');
  await page.getByTestId('open-report-input').setInputFiles(hostile);
  await expect(page.getByTestId('opened-newer')).toContainText('Made by a newer modelgate');
  await expect(page.getByTestId('opened-version')).toHaveText('7.0.0');
  const card = fileReport(page, `${xss}.pkl`);
  expect(await findingsOf(page, `${xss}.pkl`)).toEqual(['future/new-check:warning']);
  await card.getByTestId('finding').locator('summary').click();
  await expect(card).toContainText(`message ${xss}`);
  await expect(card).toContainText(xss);
  expect(await page.locator('main img, main script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('compares two reports of one folder: new, gone and changed findings, added and removed files', async ({ page }) => {
  const { before, after } = folderBeforeAfter();
  const beforePath = writeJson('before.json', before);
  const afterPath = writeJson('after.json', after);
  await page.goto('/');
  await page.getByTestId('open-report-input').setInputFiles(afterPath);
  await expect(page.getByTestId('opened-banner')).toBeVisible();
  await page.getByTestId('compare-input').setInputFiles(beforePath);
  const view = page.getByTestId('compare-view');
  await expect(view).toContainText('before.json');
  await expect(page.getByTestId('total-new')).toHaveText('2');
  await expect(page.getByTestId('total-gone')).toHaveText('2');
  await expect(page.getByTestId('total-changed')).toHaveText('1');
  const a = page.locator('[data-testid="compare-file"][data-path="model/a.pkl"]');
  await expect(a).toContainText('Content changed');
  await expect(a.getByTestId('compare-new')).toHaveText(/builtins\.exec is called/);
  await expect(a.getByTestId('compare-changed')).toHaveAttribute('data-fields', 'severity');
  await expect(a.getByTestId('compare-changed')).toContainText('severity WARNING → CRITICAL');
  await expect(page.locator('[data-testid="compare-file"][data-path="model/b.pkl"]').getByTestId('compare-gone')).toContainText('x.y is imported');
  await expect(page.locator('[data-testid="compare-file"][data-path="model/new.safetensors"]')).toHaveAttribute('data-state', 'added');
  await expect(page.locator('[data-testid="compare-file"][data-path="model/old.bin"]')).toHaveAttribute('data-state', 'removed');
  await shootBothSchemes(page, 'compare');
  await page.getByTestId('close-compare').click();
  await expect(page.getByTestId('opened-banner')).toBeVisible();
});

test('compares a finished live scan with a saved report', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [`${FIXTURES}/empty.bin`]);
  expect(await verdictCode(page)).toBe(0);
  const older = writeJson('older.json', report([file('empty.bin', [])], { startedAt: '2020-01-01T00:00:00.000Z' }));
  await page.getByTestId('compare').click();
  await page.getByTestId('compare-input').setInputFiles(older);
  await expect(page.getByTestId('compare-view')).toContainText('this scan');
  await expect(page.locator('[data-testid="compare-file"][data-path="empty.bin"]').getByTestId('compare-new')).toHaveAttribute('data-rule', 'file/empty');
});

test('Download SARIF saves a .sarif file that is SARIF 2.1.0 JSON', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [`${FIXTURES}/model.safetensors`]);
  await verdictCode(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-sarif').click()]);
  expect(download.suggestedFilename()).toMatch(/^modelgate-report-\d{4}-\d{2}-\d{2}\.sarif$/);
  const sarif = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(sarif.version).toBe('2.1.0');
});
