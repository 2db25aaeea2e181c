// The page header as its own component, and a finding on a member whose name the report clipped (a
// pax path of 6,000 characters, over the 4,096 a node path keeps): its pickle view and its bytes open
// from the finding, as for any member. The pickle is built from bytes checked with `pickletools.dis`.
import { test, expect } from '@playwright/test';
import { fileReport, verdictCode } from './helpers';
import { buildTar } from '../builders/tar';

/** Protocol 2: posix.system('echo pwned'). REDUCE at offset 38 (pickletools.dis). */
const EVIL = Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', 'latin1');

test('the header names the tool and promises the files stay on the device', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'modelgate' })).toBeVisible();
  await expect(page.getByTestId('privacy')).toContainText('Your files never leave this device.');
});

test('a pickle named with 6,000 characters in a tar: the finding opens its pickle view and its bytes', async ({ page }) => {
  const long = `${'layer/'.repeat(1000)}evil.pkl`;
  const tar = Buffer.from(buildTar({ members: [{ name: 'x', pax: { path: long }, data: new Uint8Array(EVIL) }] }));
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles({ name: 'long.tar', mimeType: 'application/x-tar', buffer: tar });
  expect(await verdictCode(page)).toBe(1);

  const finding = fileReport(page, 'long.tar').locator('[data-testid="finding"][data-severity="critical"]').first();
  await finding.locator('summary').click();
  await finding.getByTestId('show-hex').click();
  await expect(finding.getByTestId('hex-dump')).toBeVisible();
  await expect(finding.getByTestId('hex-error')).toHaveCount(0);

  await finding.getByTestId('finding-view-pickle').click();
  const view = page.getByTestId('pickle-view');
  await expect(view).toBeVisible();
  await expect(view.getByTestId('pickle-call').first()).toContainText('posix.system');
  await expect(view.locator('[data-testid="pickle-op"][data-offset="38"]')).toHaveAttribute('data-flagged', 'true');
});
