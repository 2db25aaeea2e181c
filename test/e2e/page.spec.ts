// The page itself: locked down by CSP, keyboard-usable, no console errors.
import { test, expect, type FileChooser } from '@playwright/test';

test('the built page carries the CSP meta and header', async ({ page, request }) => {
  const res = await request.get('/');
  expect(res.headers()['content-security-policy']).toContain("connect-src 'self'");
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/(^|\s)'unsafe-eval'/);
  expect(csp).not.toContain('unsafe-inline');
});

test('keyboard only: Tab reaches the drop zone and Enter opens the file picker', async ({ page }) => {
  // Subscribe before any key press: Playwright turns file-chooser interception on asynchronously, and a
  // press racing ahead of it opens a real (invisible) dialog and no event (flaky when done in Promise.all).
  const chooserShown = new Promise<FileChooser>((resolve) => page.once('filechooser', resolve));
  await page.goto('/');
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.getByTestId('dropzone').evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  const chooser = await chooserShown;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles('fixtures/e2e/empty.bin');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-exit-code', '0');
});

test('loads with no console errors and no CSP violations', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByTestId('file-input').setInputFiles('fixtures/e2e/config.json');
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-exit-code', /^[012]$/);
  expect(errors).toEqual([]);
});
