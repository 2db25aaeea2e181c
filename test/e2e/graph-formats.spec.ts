// Graph formats in the real browser worker: HDF5 goes through h5wasm, a lazily loaded WASM chunk that
// reads the dropped File through FileReaderSync (src/engine/io/emfs.ts), so this is the only place that
// proves the lazy mount, the CSP ('wasm-unsafe-eval') and the precache of that chunk work together.
import { test, expect } from '@playwright/test';
import { dropFiles, findingsOf, offlineAfterReload, recordRequests, foreign, verdictCode } from './helpers';

const KERAS = 'fixtures/keras/malicious';
const ONNX = 'fixtures/onnx/malicious';

test('a Keras .h5 Lambda, a .keras importing os and an ONNX PyOp are CRITICAL in the browser', async ({ page, context }) => {
  const requests = recordRequests(context);
  await page.goto('/');
  await dropFiles(page, [`${KERAS}/lambda-os-system.h5`, `${KERAS}/module-os-system.keras`, `${ONNX}/pyop-contrib.onnx`,
    'fixtures/keras/benign/sequential.h5']);
  expect(await verdictCode(page, 60_000)).toBe(1);
  expect(await findingsOf(page, 'lambda-os-system.h5')).toContain('keras/lambda-bytecode:critical');
  expect(await findingsOf(page, 'module-os-system.keras')).toContain('keras/dangerous-import:critical');
  expect(await findingsOf(page, 'pyop-contrib.onnx')).toContain('onnx/python-op:critical');
  const benign = await findingsOf(page, 'sequential.h5');
  expect(benign.filter((x) => /:(critical|warning)$/.test(x))).toEqual([]);
  expect(foreign(requests)).toEqual([]);
});

test('a 7z archive is opened by 7-Zip in WASM in the worker: its pickle member is CRITICAL', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, ['fixtures/sevenzip/malicious/pickle.7z', 'fixtures/sevenzip/benign/model.7z']);
  expect(await verdictCode(page, 60_000)).toBe(1);
  expect((await findingsOf(page, 'pickle.7z')).some((f) => f.endsWith(':critical'))).toBe(true);
  expect((await findingsOf(page, 'model.7z')).filter((x) => /:(critical|warning)$/.test(x))).toEqual([]);
});

test('offline after a reload, the h5wasm and 7-Zip WASM come from the precache and still scan', async ({ page, context }) => {
  await offlineAfterReload(page, context, async () => {
    await dropFiles(page, [`${KERAS}/lambda-os-system.h5`, 'fixtures/sevenzip/malicious/pickle.7z']);
    expect(await verdictCode(page, 60_000)).toBe(1);
    expect((await findingsOf(page, 'pickle.7z')).some((f) => f.endsWith(':critical'))).toBe(true);
    expect(await findingsOf(page, 'lambda-os-system.h5')).toContain('keras/lambda-bytecode:critical');
  });
});
