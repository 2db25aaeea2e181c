// The main journey: drop files and a folder, read the findings, download the JSON report and
// validate it against the schema; then go offline, reload and scan again. No request may leave the
// page's origin at any point.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { Ajv } from 'ajv';
import { FIXTURES, dropFiles, findingsOf, fileReport, foreign, recordRequests, verdictCode, offlineAfterReload } from './helpers';

const schema = JSON.parse(readFileSync('src/engine/export/report.schema.json', 'utf8'));

test('drops files and a folder, shows the findings and downloads a schema-valid JSON report', async ({ page, context }) => {
  const requests = recordRequests(context);
  await page.goto('/');
  await expect(page.getByTestId('privacy')).toContainText('never leave this device');

  await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/empty.bin`, `${FIXTURES}/config.json`]);
  await page.getByTestId('folder-input').setInputFiles(`${FIXTURES}/folder`);

  expect(await verdictCode(page)).toBe(1);
  await expect(page.getByTestId('verdict-title')).toHaveText('WARNING: review before loading');
  await expect(page.getByTestId('file-row')).toHaveCount(6);

  expect(await findingsOf(page, 'model.safetensors')).toContain('file/git-lfs-pointer:warning');
  expect(await findingsOf(page, 'empty.bin')).toEqual(['file/empty:info']);
  expect(await findingsOf(page, 'folder/sub/deep/pytorch_model.bin')).toContain('file/git-lfs-pointer:warning');
  for (const clean of ['config.json', 'folder/README.md', 'folder/sub/tokenizer_config.json']) {
    const f = await findingsOf(page, clean);
    expect(f.filter((x) => /:(critical|warning)$/.test(x)), clean).toEqual([]);
  }

  // Expanding a finding shows the rule's explanation and the location.
  const lfs = fileReport(page, 'model.safetensors').getByTestId('finding').first();
  await lfs.locator('summary').click();
  await expect(lfs).toContainText('Git LFS pointer instead of the model');
  await expect(lfs).toContainText('git lfs pull');

  await page.screenshot({ path: 'test-results/report.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/report-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toMatch(/^modelgate-report-\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.exitCode).toBe(1);
  expect(report.summary.files).toBe(6);
  const byPath = new Map<string, { sha256?: string; findings: { ruleId: string }[] }>(report.files.map((f: { path: string }) => [f.path, f]));
  expect([...byPath.keys()].sort()).toEqual(['config.json', 'empty.bin', 'folder/README.md',
    'folder/sub/deep/pytorch_model.bin', 'folder/sub/tokenizer_config.json', 'model.safetensors']);
  const sha = createHash('sha256').update(readFileSync(`${FIXTURES}/model.safetensors`)).digest('hex');
  expect(byPath.get('model.safetensors')?.sha256).toBe(sha);

  expect(foreign(requests)).toEqual([]);
});

test('works offline: reload without network and scan again', async ({ page, context }) => {
  const requests = recordRequests(context);
  await offlineAfterReload(page, context, async () => {
    await expect(page.getByTestId('dropzone')).toBeVisible();
    await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/config.json`]);
    expect(await verdictCode(page)).toBe(1);
    expect(await findingsOf(page, 'model.safetensors')).toContain('file/git-lfs-pointer:warning');
    // and a second batch in the same offline page
    await page.getByTestId('clear').click();
    await dropFiles(page, [`${FIXTURES}/empty.bin`]);
    expect(await verdictCode(page)).toBe(0);
    await expect(page.getByTestId('verdict-title')).toHaveText('No known indicators found');
  });
  expect(foreign(requests)).toEqual([]);
});

test('a zip member that climbs out with ../ is a CRITICAL path traversal', async ({ page, context }) => {
  const requests = recordRequests(context);
  await page.goto('/');
  await dropFiles(page, [`${FIXTURES}/zip-slip.zip`]);
  expect(await verdictCode(page)).toBe(1);
  expect(await findingsOf(page, 'zip-slip.zip')).toContain('archive/path-traversal:critical');
  expect(foreign(requests)).toEqual([]);
});

test('real model files: an ELF hidden after the last tensor and a benign checkpoint, scanned in parallel', async ({ page, context }) => {
  const requests = recordRequests(context);
  await page.goto('/');
  await dropFiles(page, ['fixtures/safetensors/malicious/trailing-elf.safetensors', 'fixtures/safetensors/benign/mixed-dtypes.safetensors',
    'fixtures/executables/malicious/hello-x86_64.elf']);
  expect(await verdictCode(page)).toBe(1);
  const evil = await findingsOf(page, 'trailing-elf.safetensors');
  expect(evil).toContain('executable/elf:critical');
  expect(evil).toContain('safetensors/hidden-bytes:warning');
  expect(await findingsOf(page, 'hello-x86_64.elf')).toContain('executable/elf:critical');
  expect((await findingsOf(page, 'mixed-dtypes.safetensors')).filter((x) => /:(critical|warning)$/.test(x))).toEqual([]);
  expect(foreign(requests)).toEqual([]);
});

test('a blacklist pattern from the settings turns a matching file name CRITICAL', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('blacklist').fill('*pytorch_model*');
  await page.getByTestId('folder-input').setInputFiles(`${FIXTURES}/folder`);
  expect(await verdictCode(page)).toBe(1);
  expect(await findingsOf(page, 'folder/sub/deep/pytorch_model.bin')).toContain('supply-chain/blacklisted-name:critical');
  expect(await findingsOf(page, 'folder/README.md')).not.toContain('supply-chain/blacklisted-name:critical');
});

test('untrusted strings from a file are rendered as text, never as HTML', async ({ page }) => {
  await page.goto('/');
  // The engine quotes the page's first bytes as evidence: markup an attacker controls.
  const html = '<html><img src=x id=pwned onerror="document.title=1"></html>';
  await page.getByTestId('file-input').setInputFiles({ name: 'page.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(html) });
  expect(await verdictCode(page)).toBe(1);
  const finding = fileReport(page, 'page.bin').locator('[data-rule="file/html-document"]');
  await finding.locator('summary').click();
  await expect(finding.getByTestId('evidence')).toContainText('<img src=x id=pwned');
  await expect(page.locator('#pwned')).toHaveCount(0);
});

test('size limits from the settings: files above them are reported as not scanned', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('settings').locator('summary').click();
  await page.getByTestId('max-file-size').fill('0');
  await dropFiles(page, [`${FIXTURES}/config.json`]);
  expect(await verdictCode(page)).toBe(2);
  expect(await findingsOf(page, 'config.json')).toEqual(['file/too-large:warning']);

  await page.getByTestId('clear').click();
  await page.getByTestId('max-file-size').fill('100');
  await page.getByTestId('max-total-size').fill('0');
  await dropFiles(page, [`${FIXTURES}/model.safetensors`, `${FIXTURES}/empty.bin`]);
  expect(await verdictCode(page)).toBe(2);
  expect(await findingsOf(page, 'model.safetensors')).toEqual(['file/too-large:warning']);
  await expect(fileReport(page, 'model.safetensors')).toContainText('total size limit');
  expect(await findingsOf(page, 'empty.bin')).toEqual(['file/empty:info']);
});
