// `modelgate serve` from the packed tarball, as on an air-gapped laptop: `npm install -g ./modelgate-X.tgz`
// (offline, empty cache), `modelgate serve`, open it, "Install app". The served app must be installable
// (Chromium's own installability check), take its service worker, and scan offline after a reload with
// every request kept on 127.0.0.1.
import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { test, expect } from '@playwright/test';
import { packAndInstall, startServe, type Installed } from '../packaged';
import { dropFiles, findingsOf, verdictCode, waitForServiceWorker } from './helpers';

let pkg: Installed;
let server: ChildProcess;
let base: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  pkg = packAndInstall();
  ({ server, url: base } = await startServe(pkg.bin, pkg.tmp));
});

test.afterAll(() => {
  server?.kill('SIGINT');
  if (pkg) rmSync(pkg.tmp, { recursive: true, force: true });
});

test('the served app is installable: a valid manifest, its icons, and a service worker in control', async ({ page, context }) => {
  await page.goto(base);
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest') as { errors: unknown[] };
  expect(errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors') as { installabilityErrors: { errorId: string }[] };
  // Playwright's contexts are incognito, where Chromium never offers to install: that one is the browser's.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  const manifest = await (await page.request.get(base + 'manifest.webmanifest')).json() as {
    name: string; display: string; start_url: string; icons: { src: string; sizes: string }[] };
  expect(manifest.name).toBe('modelgate');
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, base).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
});

test('offline after a reload, the served app scans a pickle, an .h5 and a .7z from its precache', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(base);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await dropFiles(page, ['fixtures/pickle-family/malicious/reduce-os-system.pkl', 'fixtures/keras/malicious/lambda-os-system.h5',
      'fixtures/sevenzip/malicious/pickle.7z']);
    expect(await verdictCode(page, 90_000)).toBe(1);
    expect((await findingsOf(page, 'reduce-os-system.pkl')).some((f) => f.endsWith(':critical'))).toBe(true);
    expect(await findingsOf(page, 'lambda-os-system.h5')).toContain('keras/lambda-bytecode:critical');
    expect((await findingsOf(page, 'pickle.7z')).some((f) => f.endsWith(':critical'))).toBe(true);
  } finally {
    await context.setOffline(false);
  }
  expect(requests.filter((u) => !(u.startsWith(base) || u.startsWith('blob:') || u.startsWith('data:')))).toEqual([]);
});
