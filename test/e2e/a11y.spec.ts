// Accessibility: axe-core (WCAG 2.1 A and AA rules) finds no serious or critical violation on the empty
// page, while files are being scanned, on a report with an expanded finding and in the pickle view, in
// both colour schemes; everything is usable from the keyboard with a visible focus ring; progress bars,
// verdict and badges carry text, never colour alone.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FIXTURES, dropFiles, fileReport, scratchFiles, verdictCode, type ScratchFiles } from './helpers';

let huge: string;
let evil: string;
let scratch: ScratchFiles;

test.beforeAll(() => { scratch = scratchFiles('modelgate-a11y-'); ({ huge, evil } = scratch); });
test.afterAll(() => scratch.remove());

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const hugeRow = (page: Page) => page.locator('[data-testid="file-row"][data-path="huge.bin"]');

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations: empty page, scanning, report, pickle view (${colorScheme})`, async ({ page }) => {
    test.setTimeout(120_000); // six axe runs, on a shared machine
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    expect(await seriousViolations(page), 'empty page').toEqual([]);

    // Mid-scan: the huge file is still being read, so its progress bars are on the page.
    await page.getByTestId('file-input').setInputFiles([huge, `${FIXTURES}/model.safetensors`, `${FIXTURES}/config.json`]);
    await expect(hugeRow(page)).toHaveAttribute('data-status', 'scanning');
    await expect(page.getByRole('progressbar', { name: 'Scan progress of huge.bin' })).toBeVisible();
    await expect(page.getByRole('progressbar', { name: 'SHA-256 progress of huge.bin' })).toBeVisible();
    expect(await seriousViolations(page), 'while scanning').toEqual([]);
    await page.getByTestId('cancel-all').click();
    expect(await verdictCode(page)).toBe(2);

    await page.getByTestId('clear').click();
    await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/empty.bin`, `${FIXTURES}/config.json`, `${FIXTURES}/zip-slip.zip`, evil]);
    expect(await verdictCode(page)).toBe(1);
    await fileReport(page, 'model.safetensors').getByTestId('finding').first().locator('summary').click();
    expect(await seriousViolations(page), 'report page').toEqual([]);

    await fileReport(page, 'evil.pkl').getByTestId('view-pickle').first().click();
    await expect(page.getByTestId('pickle-view')).toBeVisible();
    await expect(page.getByTestId('pickle-ops')).toBeVisible();
    expect(await seriousViolations(page), 'pickle view').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('pickle-view')).toHaveCount(0);

    // Issue 16: the CRITICAL verdict with "Show only CRITICAL" pressed, and an offline rule page.
    await page.getByTestId('only-critical').click();
    expect(await seriousViolations(page), 'only critical').toEqual([]);
    await page.goto('/#rule=pickle/dangerous-call');
    await expect(page.getByTestId('rule-page')).toBeVisible();
    expect(await seriousViolations(page), 'rule page').toEqual([]);
  });
}

/** Presses Tab up to `max` times; returns the controls reached, failing on any without a focus ring. */
async function tabThrough(page: Page, max: number): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const cs = getComputedStyle(e);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
      const name = e.getAttribute('data-testid') ?? (e.tagName === 'SUMMARY' ? `summary:${e.textContent?.trim().slice(0, 40)}` : e.tagName);
      return { name, ring: (outline || shadow) && e.matches(':focus-visible') };
    });
    if (!focused) break;
    expect(focused.ring, `visible focus ring on ${focused.name}`).toBe(true);
    reached.push(focused.name);
  }
  return reached;
}

test('keyboard only: Tab reaches every control with a visible focus ring, Enter and Space open a finding', async ({ page }) => {
  await page.goto('/');
  // The drop zone is a button whose name is its visible text (it says how to use it from the keyboard).
  await expect(page.getByTestId('dropzone')).toHaveAccessibleName(/^Drop model files or folders here\s*or press to choose files/);
  // While scanning, the per-file Cancel button and Cancel all are reachable.
  // (13 stops: the report actions row gained "Download SBOM" in issue 14.)
  await page.getByTestId('file-input').setInputFiles([huge]);
  await expect(hugeRow(page)).toHaveAttribute('data-status', 'scanning');
  const scanning = await tabThrough(page, 13);
  for (const control of ['dropzone', 'pick-folder', 'summary:Settings', 'cancel-all', 'cancel-file']) {
    expect(scanning, control).toContain(control);
  }
  await page.getByTestId('cancel-all').click();
  expect(await verdictCode(page)).toBe(2);
  await page.getByTestId('clear').click();
  await page.locator('body').click({ position: { x: 1, y: 1 } }); // restart Tab order from the top

  await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/empty.bin`]);
  expect(await verdictCode(page)).toBe(1);
  // 26: the skip link, "Go to the worst finding" and the list's order come before the findings now.
  const reached = await tabThrough(page, 26);
  for (const control of ['dropzone', 'pick-folder', 'summary:Settings', 'clear', 'download', 'filter-critical', 'filter-warning', 'filter-info', 'filter-debug']) {
    expect(reached, control).toContain(control);
  }
  const findingSummary = reached.find((n) => n.includes('file/git-lfs-pointer'));
  expect(findingSummary, reached.join(', ')).toBeDefined();

  // Tab back to that finding and open it with Enter: its explanation appears; Space closes and reopens it.
  await page.keyboard.press('Tab'); // wrap to the start
  for (let i = 0; i < 30; i++) {
    const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.includes('file/git-lfs-pointer')) break;
    await page.keyboard.press('Tab');
  }
  const details = fileReport(page, 'model.safetensors').getByTestId('finding').first().locator('details');
  await expect(details).not.toHaveAttribute('open');
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  await expect(details.getByText('git lfs pull')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(details).not.toHaveAttribute('open');
  await page.keyboard.press('Space');
  await expect(details).toHaveAttribute('open', '');

  // The settings panel opens from the keyboard too, and its fields are labelled.
  await page.getByTestId('settings').locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Timeout per file (seconds)')).toBeVisible();
});

test('colour is never the only signal: verdict, statuses, severities and progress carry text', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/config.json`]);
  expect(await verdictCode(page)).toBe(1);
  // The verdict is announced (live region) and says in words what its colour says.
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('aria-live', 'polite');
  await expect(page.getByTestId('verdict-title')).not.toBeEmpty();
  // Every severity badge and file status badge has a text label.
  const badges = await page.locator('.badge').evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));
  expect(badges.length).toBeGreaterThan(0);
  expect(badges.filter((t) => t.length === 0)).toEqual([]);
  const finding = fileReport(page, 'model.safetensors').getByTestId('finding').first();
  await expect(finding.locator('summary')).toContainText('Warning', { ignoreCase: true });
});
