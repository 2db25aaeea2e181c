// The pickle view: drop a malicious pickle (alone, in a zip, and at the end of a million-opcode
// stream), open the view, read what it would do when loaded and find the flagged REDUCE highlighted
// and scrolled into view; keyboard and Escape work; no style or script breaks the page's CSP.
// The pickles are built here from bytes checked with `pickletools.dis` (never unpickled).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { fileReport, foreign, recordRequests, verdictCode, offlineAfterReload } from './helpers';

/** Protocol 2: posix.system('echo pwned'). REDUCE at offset 38, STOP at 41 (pickletools.dis). */
const EVIL = Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', 'latin1');
const EVIL_REDUCE = 38;

/** A minimal stored zip (APPNOTE 4.3) holding `members`, so the test needs no zip library. */
function storedZip(members: Array<{ name: string; data: Buffer }>): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const locals: Buffer[] = [], centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const crc = crc32(m.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(m.data.length, 18); local.writeUInt32LE(m.data.length, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(0x0314, 4); central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(m.data.length, 20); central.writeUInt32LE(m.data.length, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE((0o100644 << 16) >>> 0, 38); central.writeUInt32LE(offset, 42);
    locals.push(local, name, m.data);
    centrals.push(central, name);
    offset += 30 + name.length + m.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(members.length, 8); eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Records CSP violations (an inline style or script the policy refused) from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.sample}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

async function drop(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  expect(await verdictCode(page)).toBe(1);
}

test('a posix.system pickle: the view names the call and highlights the REDUCE, keyboard and Escape work', async ({ page, context }) => {
  const requests = recordRequests(context);
  const csp = await watchCsp(page);
  await page.goto('/');
  await drop(page, 'evil.pkl', EVIL);

  await fileReport(page, 'evil.pkl').getByTestId('view-pickle').click();
  const view = page.getByTestId('pickle-view');
  await expect(view).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Pickle', exact: true })).toBeVisible();

  const summary = view.getByTestId('pickle-summary');
  await expect(summary).toContainText('When loaded, this pickle would');
  await expect(summary.getByTestId('pickle-call').first()).toContainText('posix.system');
  await expect(summary.getByTestId('pickle-call').first()).toContainText('echo pwned');

  const ops = view.getByTestId('pickle-op');
  await expect(view.getByTestId('pickle-status')).toHaveText('10 opcodes');
  await expect(ops).toHaveCount(10);
  const reduce = view.locator(`[data-testid="pickle-op"][data-offset="${EVIL_REDUCE}"]`);
  await expect(reduce).toHaveAttribute('data-name', 'REDUCE');
  await expect(reduce).toHaveAttribute('data-flagged', 'true');
  await expect(reduce).toBeInViewport();
  // The first flagged opcode is the active one; the list is focusable and moves with the keyboard.
  const list = view.getByTestId('pickle-ops');
  await expect(list).toHaveAttribute('role', 'listbox');
  await expect(list).toHaveAccessibleName(/Opcodes of evil\.pkl/);
  await list.focus();
  await page.keyboard.press('End');
  const stop = view.locator('[data-testid="pickle-op"][data-name="STOP"]');
  await expect(stop).toHaveAttribute('aria-selected', 'true');
  await expect(list).toHaveAttribute('aria-activedescendant', (await stop.getAttribute('id'))!);
  // Untrusted argument text is shown as text, quoted.
  await expect(view.locator('[data-testid="pickle-op"][data-name="BINUNICODE"]')).toContainText('"echo pwned"');

  await page.screenshot({ path: 'test-results/pickle-view.png' });
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);

  // The same view opens from the finding that flags the call.
  const finding = fileReport(page, 'evil.pkl').locator('[data-testid="finding"][data-severity="critical"]').first();
  await finding.locator('summary').click();
  await finding.getByTestId('finding-view-pickle').click();
  await expect(page.getByTestId('pickle-view')).toBeVisible();
  await page.getByTestId('pickle-close').click();
  await expect(page.getByTestId('pickle-view')).toHaveCount(0);

  expect(await csp()).toEqual([]);
  expect(foreign(requests)).toEqual([]);
});

test('a pickle inside a zip: the view re-reads the member and highlights its REDUCE', async ({ page }) => {
  const csp = await watchCsp(page);
  await page.goto('/');
  const zip = storedZip([{ name: 'bundle/config.json', data: Buffer.from('{"a": 1}') }, { name: 'bundle/evil.pkl', data: EVIL }]);
  await drop(page, 'bundle.zip', zip);

  const button = fileReport(page, 'bundle.zip').getByTestId('view-pickle');
  await expect(button).toHaveCount(1);
  await expect(button).toHaveText('View pickle: bundle/evil.pkl');
  await button.click();
  const view = page.getByTestId('pickle-view');
  await expect(view).toContainText('bundle.zip › bundle/evil.pkl');
  await expect(view.getByTestId('pickle-call').first()).toContainText('posix.system');
  const reduce = view.locator(`[data-testid="pickle-op"][data-offset="${EVIL_REDUCE}"]`);
  await expect(reduce).toHaveAttribute('data-flagged', 'true');
  await expect(reduce).toBeInViewport();
  expect(await csp()).toEqual([]);
});

test('a million-opcode stream: only visible rows exist, and the view scrolls to the call at its end', async ({ page }) => {
  // Stream 1: PROTO 2, EMPTY_LIST, 500,000 × (BININT1 i, APPEND), STOP: a flat list, the stack stays shallow.
  // Stream 2: the posix.system pickle.
  const items = 500_000;
  const big = Buffer.alloc(3 + 3 * items + 1);
  big.set([0x80, 0x02, 0x5d], 0);
  for (let i = 0; i < items; i++) big.set([0x4b, i & 0xff, 0x61], 3 + 3 * i);
  big[big.length - 1] = 0x2e;
  const opcodes = 3 + 2 * items + 10;
  const file = Buffer.concat([big, EVIL]);
  await page.goto('/');
  await drop(page, 'huge.pkl', file);

  await fileReport(page, 'huge.pkl').getByTestId('view-pickle').click();
  const view = page.getByTestId('pickle-view');
  await expect(view.getByTestId('pickle-status')).toHaveText(`${opcodes.toLocaleString('en')} opcodes`, { timeout: 30_000 });
  const reduce = view.locator(`[data-testid="pickle-op"][data-offset="${big.length + EVIL_REDUCE}"]`);
  await expect(reduce).toHaveAttribute('data-flagged', 'true');
  await expect(reduce).toBeInViewport();
  expect(await view.getByTestId('pickle-op').count()).toBeLessThan(80);

  // Home goes back to the first opcode, rendered on demand.
  await view.getByTestId('pickle-ops').focus();
  await page.keyboard.press('Home');
  await expect(view.locator('[data-testid="pickle-op"][data-offset="0"]')).toHaveAttribute('data-name', 'PROTO');
  await expect(view.locator('[data-testid="pickle-op"][data-offset="0"]')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
});

test('offline: after a reload without network the view still re-reads the dropped file', async ({ page, context }) => {
  const requests = recordRequests(context);
  await offlineAfterReload(page, context, async () => {
    await drop(page, 'evil.pkl', EVIL);
    await fileReport(page, 'evil.pkl').getByTestId('view-pickle').click();
    const reduce = page.locator(`[data-testid="pickle-op"][data-offset="${EVIL_REDUCE}"]`);
    await expect(reduce).toHaveAttribute('data-flagged', 'true');
  });
  expect(foreign(requests)).toEqual([]);
});

test('a file deleted from disk after the scan: the view says it cannot read it, the summary stays', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'modelgate-pv-'));
  const path = join(dir, 'gone.pkl');
  writeFileSync(path, EVIL);
  try {
    await page.goto('/');
    await page.getByTestId('file-input').setInputFiles(path);
    expect(await verdictCode(page)).toBe(1);
    rmSync(path);
    await fileReport(page, 'gone.pkl').getByTestId('view-pickle').click();
    const view = page.getByTestId('pickle-view');
    await expect(view.getByTestId('pickle-call').first()).toContainText('posix.system');
    await expect(view.getByTestId('pickle-failure')).toContainText('could not be read again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
