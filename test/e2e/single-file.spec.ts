// The single-file build (dist-single/modelgate.html, `npm run build:single`) on an air-gapped laptop: opened
// from file:// with every network request refused, it scans a pickle (the page's worker), an HDF5 file
// (h5wasm's WASM) and a 7z archive (7-Zip's WASM), and asks for nothing but file:, blob: and data: URLs.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from '@playwright/test';
import { dropFiles, findingsOf, verdictCode } from './helpers';

const SINGLE = resolve('dist-single/modelgate.html');
const LOCAL = /^(file|blob|data):/;

// Each worker compiles the whole worker script (7.5 MB, its WASM included) before its first file.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(() => {
  if (!existsSync(SINGLE)) throw new Error(`${SINGLE} is missing: run npm run build:single first`);
});

test('opened from file:// with the network off, the single file scans a pickle, an .h5 and a .7z and requests nothing', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => (LOCAL.test(route.request().url()) ? route.continue() : route.abort('internetdisconnected')));
  await context.setOffline(true);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(pathToFileURL(SINGLE).href);
  await dropFiles(page, ['fixtures/pickle-family/malicious/reduce-os-system.pkl', 'fixtures/keras/malicious/lambda-os-system.h5',
    'fixtures/sevenzip/malicious/pickle.7z', 'fixtures/sevenzip/benign/model.7z', 'fixtures/keras/benign/sequential.h5']);
  expect(await verdictCode(page, 90_000)).toBe(1);
  expect((await findingsOf(page, 'reduce-os-system.pkl')).some((f) => f.endsWith(':critical'))).toBe(true);
  expect(await findingsOf(page, 'lambda-os-system.h5')).toContain('keras/lambda-bytecode:critical');
  expect((await findingsOf(page, 'pickle.7z')).some((f) => f.endsWith(':critical'))).toBe(true);
  // A WASM that failed to load would leave the benign archive or HDF5 file incomplete, never clean.
  for (const benign of ['model.7z', 'sequential.h5']) {
    expect((await findingsOf(page, benign)).filter((x) => /:(critical|warning)$/.test(x))).toEqual([]);
  }
  expect(errors).toEqual([]);
  expect(requests.filter((u) => !LOCAL.test(u))).toEqual([]);
});

test('the parsers the PWA loads lazily (ONNX, TensorFlow, TFLite, GGUF templates) are inside the single file too', async ({ page, context }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
  await page.goto(pathToFileURL(SINGLE).href);
  await dropFiles(page, ['fixtures/onnx/malicious/pyop-contrib.onnx', 'fixtures/tensorflow/benign/frozen_graph.pb',
    'fixtures/tflite/benign/dense.tflite', 'fixtures/gguf/benign/tiny-llama-chatml.gguf']);
  // 1, not 2: every file was scanned completely (a parser that failed to load would make one incomplete).
  expect(await verdictCode(page, 90_000)).toBe(1);
  expect(await findingsOf(page, 'pyop-contrib.onnx')).toContain('onnx/python-op:critical');
  for (const benign of ['frozen_graph.pb', 'dense.tflite', 'tiny-llama-chatml.gguf']) {
    expect((await findingsOf(page, benign)).filter((x) => /:(critical|warning)$/.test(x))).toEqual([]);
  }
  expect(requests.filter((u) => !LOCAL.test(u))).toEqual([]);
});

test('the single file\'s CSP forbids every connection and allows its inline code only by hash', async ({ page }) => {
  await page.goto(pathToFileURL(SINGLE).href);
  const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  expect(csp).toContain('worker-src blob:');
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // The policy holds: the page cannot fetch anything, not even a data: URL.
  const fetched = await page.evaluate(() => fetch('data:text/plain,x').then(() => 'fetched', () => 'blocked'));
  expect(fetched).toBe('blocked');
  // Nothing outside the file: no external script, style, manifest or service worker.
  expect(await page.locator('script[src], link[rel="stylesheet"], link[rel="manifest"]').count()).toBe(0);
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
});
