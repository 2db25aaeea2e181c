// Screenshots of the main states, light and dark, for a reviewer (issue 6): saved as full-page PNGs
// to test-results/screenshots/<state>-<scheme>.png by every e2e run. Each must exist and hold more
// than a blank page's worth of bytes.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { FIXTURES, dropFiles, fileReport, scratchFiles, verdictCode, type ScratchFiles } from './helpers';
import { dropMany } from './many';
import { fourWorkers, writeFolder } from './triage-folder';

const OUT = 'test-results/screenshots';
/** A PNG of a real page state is tens of KB; a blank or failed capture is far smaller. */
const MIN_PNG_BYTES = 8_000;

let huge: string;
let evil: string;
let scratch: ScratchFiles;

test.beforeAll(() => { scratch = scratchFiles('modelgate-shots-'); ({ huge, evil } = scratch); });
test.afterAll(() => scratch.remove());

async function shot(page: Page, state: string, scheme: string): Promise<void> {
  const path = `${OUT}/${state}-${scheme}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  expect(statSync(path).size, path).toBeGreaterThan(MIN_PNG_BYTES);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the main states (${scheme}): empty, scanning, report, finding with hex dump, pickle view, many files`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('/');
    await shot(page, 'empty', scheme);

    await page.getByTestId('file-input').setInputFiles([huge, `${FIXTURES}/model.safetensors`, `${FIXTURES}/config.json`]);
    await expect(page.locator('[data-testid="file-row"][data-path="huge.bin"]')).toHaveAttribute('data-status', 'scanning');
    await page.waitForTimeout(500); // a few progress messages
    await shot(page, 'scanning', scheme);
    await page.getByTestId('cancel-all').click();
    expect(await verdictCode(page)).toBe(2);
    await page.getByTestId('clear').click();

    await dropFiles(page, [evil, `${FIXTURES}/model.safetensors`, `${FIXTURES}/config.json`, `${FIXTURES}/zip-slip.zip`, `${FIXTURES}/empty.bin`]);
    expect(await verdictCode(page)).toBe(1);
    await shot(page, 'report', scheme);

    const finding = fileReport(page, 'evil.pkl').locator('[data-testid="finding"][data-rule="pickle/dangerous-call"]');
    await finding.locator('summary').click();
    await finding.getByTestId('show-hex').click();
    await expect(finding.getByTestId('hex-dump')).toBeVisible();
    await shot(page, 'finding-expanded', scheme);

    await fileReport(page, 'evil.pkl').getByTestId('view-pickle').first().click();
    await expect(page.getByTestId('pickle-ops')).toBeVisible();
    await shot(page, 'pickle-view', scheme);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('pickle-view')).toHaveCount(0);
    await page.getByTestId('clear').click();

    await dropMany(page);
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-exit-code', /^[012]$/, { timeout: 90_000 });
    await shot(page, 'many-files', scheme);
  });
}

// Issue 16's states: a bomb in "Now scanning" (slow, highlighted), the triage verdict with the worst
// file first, and an offline rule page.
let triageRoot: string;
test.beforeAll(() => {
  triageRoot = mkdtempSync(join(tmpdir(), 'modelgate-shots-triage-'));
  writeFolder(join(triageRoot, 'corpus'), true);
});
test.afterAll(() => rmSync(triageRoot, { recursive: true, force: true }));

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of triage (${scheme}): now scanning with a slow bomb, CRITICAL verdict worst first, rule page`, async ({ page }) => {
    test.setTimeout(120_000);
    await fourWorkers(page);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('/');
    await page.getByTestId('folder-input').setInputFiles(join(triageRoot, 'corpus'));
    const bomb = page.locator('[data-testid="now-row"][data-path="corpus/bomb.zip"]');
    await expect(bomb).toHaveAttribute('data-slow', 'true', { timeout: 10_000 });
    await shot(page, 'now-scanning', scheme);
    await bomb.getByTestId('skip-file').click();
    expect(await verdictCode(page, 60_000)).toBe(2);
    await page.getByTestId('first-finding').click();
    await shot(page, 'triage', scheme);
    await page.locator('[data-testid="finding"][data-rule="pickle/dangerous-call"] summary').first().click();
    await page.locator('[data-testid="finding"][data-rule="pickle/dangerous-call"]').first().getByTestId('rule-link').click();
    await expect(page.getByTestId('rule-page')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'rule-page', scheme);
  });
}
