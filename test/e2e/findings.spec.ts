// Finding details (issue 6): references, "Copy as text" (clipboard and its fallback when the browser
// refuses), the hex dump around a finding's offset read again from the dropped file, and the report
// filters (severity, rule, path), the sort and the "files with no findings" toggle.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { FIXTURES, dropFiles, fileReport, verdictCode } from './helpers';

let dir: string;
let evil: string;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelgate-findings-'));
  // Protocol 2 pickle calling posix.system (checked with `pickletools.dis`, never unpickled); REDUCE at 38.
  evil = join(dir, 'evil.pkl');
  writeFileSync(evil, Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', 'latin1'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scanned(page: Page): Promise<void> {
  await page.goto('/');
  await dropFiles(page, [evil, `${FIXTURES}/model.safetensors`, `${FIXTURES}/config.json`, `${FIXTURES}/empty.bin`]);
  expect(await verdictCode(page)).toBe(1);
}

function dangerousCall(page: Page) {
  return fileReport(page, 'evil.pkl').locator('[data-testid="finding"][data-rule="pickle/dangerous-call"]');
}

test('a critical pickle finding shows its references and copies as text to the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await scanned(page);
  const finding = dangerousCall(page);
  await finding.locator('summary').click();
  const refs = finding.getByTestId('refs');
  await expect(refs).toContainText('CWE-502');
  await expect(refs).toContainText('S201');
  // Offline-first: the reference is a plain link, marked as leaving the app; nothing is fetched.
  const cwe = refs.getByRole('link', { name: /CWE-502/ });
  await expect(cwe).toHaveAttribute('href', 'https://cwe.mitre.org/data/definitions/502.html');
  await expect(cwe).toHaveAccessibleName(/external site/);

  await finding.getByTestId('copy-finding').click();
  await expect(finding.getByTestId('copy-status')).toHaveText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('File: evil.pkl');
  expect(text).toContain('Severity: CRITICAL');
  expect(text).toContain('Rule: pickle/dangerous-call - Pickle calls a dangerous function when loaded');
  expect(text).toContain('Offset: 38 (0x26)');
  expect(text).toContain("  posix.system('echo pwned')");
  expect(text).toMatch(/What to do:\n {2}\S/);
  expect(text).toContain('References: CWE-502, S201');
});

test('when the browser refuses the clipboard, the text is shown selected in a textarea instead', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await scanned(page);
  const finding = dangerousCall(page);
  await finding.locator('summary').click();
  await finding.getByTestId('copy-finding').click();
  await expect(finding.getByTestId('copy-status')).toContainText('refused');
  const area = finding.getByTestId('copy-fallback');
  await expect(area).toBeFocused();
  const value = await area.inputValue();
  expect(value).toContain('Rule: pickle/dangerous-call');
  const selected = await area.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart);
  expect(selected).toBe(value.length);
});

test('"Show bytes" reads the dropped file again and dumps hex + ASCII around the offset, its row marked', async ({ page }) => {
  await scanned(page);
  const finding = dangerousCall(page);
  await finding.locator('summary').click();
  await finding.getByTestId('show-hex').click();
  const dump = finding.getByTestId('hex-dump');
  await expect(dump).toBeVisible();
  const rows = await dump.locator('.row').allTextContents();
  expect(rows).toHaveLength(3); // 42 bytes in 16-byte rows
  expect(rows[0]).toBe('00000000  80 02 63 70 6f 73 69 78  0a 73 79 73 74 65 6d 0a  |..cposix.system.|');
  const marked = await dump.locator('[data-marked="true"]').allTextContents();
  expect(marked).toEqual(['00000020  64 71 01 85 71 02 52 71  03 2e                    |dq..q.Rq..      |']); // REDUCE (52) at 38
  await expect(dump).toContainText('Offset 38 (0x26)');
  // A finding without an offset has no such button.
  const lfs = fileReport(page, 'model.safetensors').getByTestId('finding').first();
  await lfs.locator('summary').click();
  await expect(lfs.getByTestId('show-hex')).toHaveCount(0);
});

test('filters by severity, rule and path; sorts worst first or by path; hides files with no findings', async ({ page }) => {
  await scanned(page);
  const order = () => page.getByTestId('file-report').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
  const shown = page.getByTestId('files-shown');
  await expect(shown).toHaveText('4 of 4 files shown');
  // Worst finding first: the CRITICAL pickle, then the WARNING LFS pointer.
  expect((await order()).slice(0, 2)).toEqual(['evil.pkl', 'model.safetensors']);
  await page.getByTestId('sort').selectOption('path');
  expect(await order()).toEqual(['config.json', 'empty.bin', 'evil.pkl', 'model.safetensors']);

  // Rule filter: only files with that rule, with a count in the option.
  const rule = page.getByTestId('filter-rule');
  await expect(rule.locator('option[value="pickle/dangerous-call"]')).toHaveAttribute('label', /\(\d+\)$/);
  await rule.selectOption('file/empty');
  expect(await order()).toEqual(['empty.bin']);
  await expect(shown).toHaveText('1 of 4 files shown');
  await rule.selectOption('');

  // Path filter: case-insensitive substring.
  await page.getByTestId('filter-path').fill('EVIL');
  expect(await order()).toEqual(['evil.pkl']);
  await page.getByTestId('filter-path').fill('');

  // Hiding CRITICAL leaves the pickle without visible findings; the toggle hides such files.
  await page.getByTestId('filter-critical').uncheck();
  await expect(fileReport(page, 'evil.pkl').getByTestId('finding').filter({ has: page.locator('[data-severity="critical"]') })).toHaveCount(0);
  await page.getByTestId('show-empty').uncheck();
  const left = await order();
  expect(left).toContain('model.safetensors');
  expect(left).toContain('empty.bin');
  expect(left).not.toContain('config.json');
  // Keyboard: the controls are labelled and reachable.
  await expect(page.getByLabel('Rule')).toBeVisible();
  await expect(page.getByLabel('File', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Sort')).toBeVisible();
});
