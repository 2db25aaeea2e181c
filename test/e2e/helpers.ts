// Shared steps of the e2e tests: dropping files the way a browser does, waiting for the verdict,
// and recording every request so a test can prove nothing left the page's origin.
import { closeSync, ftruncateSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

export const ORIGIN = 'http://127.0.0.1:4173';
export const FIXTURES = 'fixtures/e2e';

/**
 * Playwright cannot drag OS files, so the DataTransfer is built inside the page and dispatched as a
 * real drop event on the drop zone (stack.md §4).
 */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), b64: readFileSync(p).toString('base64') }));
  await page.getByTestId('dropzone').evaluate((zone, list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}

/** Waits until every file is done and returns the verdict's exit code. */
export async function verdictCode(page: Page, timeout = 30_000): Promise<number> {
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-exit-code', /^[012]$/, { timeout });
  return Number(await verdict.getAttribute('data-exit-code'));
}

export function fileReport(page: Page, path: string): Locator {
  return page.locator(`[data-testid="file-report"][data-path="${path}"]`);
}

/** The findings of one file as "ruleId:severity" strings. */
export async function findingsOf(page: Page, path: string): Promise<string[]> {
  return fileReport(page, path).getByTestId('finding')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-rule')}:${e.getAttribute('data-severity')}`));
}

/** Records every request the context makes (page, workers, service worker). */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function foreign(urls: readonly string[]): string[] {
  return urls.filter((u) => !(u.startsWith(`${ORIGIN}/`) || u.startsWith('blob:') || u.startsWith('data:')));
}

/** Waits until the service worker controls the page, so a reload can be served offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
}

/** Loads the app, waits for the service worker to control it, goes offline and reloads, then runs `act`. */
export async function offlineAfterReload(page: Page, context: BrowserContext, act: () => Promise<void>): Promise<void> {
  await page.goto('/');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await act();
  } finally {
    await context.setOffline(false);
  }
}

/** Files some specs need, made in a temp folder: call in beforeAll, `remove()` in afterAll. */
export interface ScratchFiles { dir: string; huge: string; evil: string; remove(): void }

export function scratchFiles(prefix: string): ScratchFiles {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  // A sparse 3 GiB file holds the page in the scanning state (progress bars shown) until cancelled.
  const huge = join(dir, 'huge.bin');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 3 * 1024 ** 3);
  closeSync(fd);
  // Protocol 2 pickle calling posix.system (checked with `pickletools.dis`, never unpickled): opens the pickle view.
  const evil = join(dir, 'evil.pkl');
  writeFileSync(evil, Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', 'latin1'));
  return { dir, huge, evil, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
