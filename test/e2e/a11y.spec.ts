// Accessibility: axe-core (WCAG 2.1 A and AA rules) finds no serious or critical violation on the empty
// page, while files are being scanned, and on a report with an expanded finding, in both colour schemes.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { FIXTURES, dropFiles, fileReport, verdictCode } from './helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violations: empty page, scanning, report (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    expect(await seriousViolations(page), 'empty page').toEqual([]);

    await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/empty.bin`, `${FIXTURES}/config.json`, `${FIXTURES}/zip-slip.zip`]);
    expect(await seriousViolations(page), 'while scanning').toEqual([]);

    expect(await verdictCode(page)).toBe(1);
    await fileReport(page, 'model.safetensors').getByTestId('finding').first().locator('summary').click();
    expect(await seriousViolations(page), 'report page').toEqual([]);
  });
}

test('keyboard only: Tab reaches every control with a visible focus ring, Enter opens a finding', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/empty.bin`]);
  expect(await verdictCode(page)).toBe(1);
  const reached: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const cs = getComputedStyle(e);
      const ring = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const name = e.getAttribute('data-testid') ?? (e.tagName === 'SUMMARY' ? `summary:${e.textContent?.trim().slice(0, 40)}` : e.tagName);
      return { name, ring };
    });
    if (!focused) break;
    expect(focused.ring, `focus ring on ${focused.name}`).toBe(true);
    reached.push(focused.name);
  }
  for (const control of ['dropzone', 'pick-folder', 'summary:Settings', 'download', 'filter-critical', 'filter-warning']) {
    expect(reached, control).toContain(control);
  }
  const findingSummary = reached.find((n) => n.includes('file/git-lfs-pointer'));
  expect(findingSummary, reached.join(', ')).toBeDefined();

  // Tab back to that finding and open it with Enter: its explanation appears.
  await page.keyboard.press('Tab'); // wrap to the start
  for (let i = 0; i < 20; i++) {
    const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.includes('file/git-lfs-pointer')) break;
    await page.keyboard.press('Tab');
  }
  const details = fileReport(page, 'model.safetensors').getByTestId('finding').first().locator('details');
  await expect(details).not.toHaveAttribute('open');
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  await expect(details.getByText('git lfs pull')).toBeVisible();
});
