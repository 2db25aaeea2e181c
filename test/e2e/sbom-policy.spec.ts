// Issue 14 in the app: "Download SBOM" writes a CycloneDX 1.6 ML-BOM (the CLI's builder, loaded on demand
// under the page's CSP, which forbids eval) with one component per file; a .modelgate.toml dropped with the
// models is applied like "Load policy…" and is not scanned itself.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { FIXTURES, dropFiles, verdictCode } from './helpers';

let dir: string;
let evil: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'modelgate-sbom-'));
  // Protocol 2 pickle calling posix.system (checked with `pickletools.dis`, never unpickled).
  evil = join(dir, 'evil.pkl');
  writeFileSync(evil, Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x0a\x00\x00\x00echo pwnedq\x01\x85q\x02Rq\x03.', 'latin1'));
  writeFileSync(join(dir, '.modelgate.toml'), '[[suppress]]\nrule = "pickle/"\nreason = "reviewed: test fixture"\n');
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('Download SBOM: a CycloneDX 1.6 ML-BOM that validates, one component per file, no CSP violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|unsafe-eval/i.test(m.text())) violations.push(m.text()); });
  await page.goto('/');
  await dropFiles(page, [`${FIXTURES}/model.safetensors`, evil]);
  expect(await verdictCode(page)).toBe(1);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-sbom').click()]);
  expect(download.suggestedFilename()).toMatch(/^modelgate-report-\d{4}-\d{2}-\d{2}\.cdx\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(text)).toBeNull();
  const bom = JSON.parse(text);
  expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: expect.stringMatching(/^urn:uuid:/) });
  expect(bom.components.map((c: { name: string }) => c.name).sort()).toEqual(['evil.pkl', 'model.safetensors']);
  const pkl = bom.components.find((c: { name: string }) => c.name === 'evil.pkl');
  expect(pkl.properties).toContainEqual({ name: 'modelgate:findings:critical', value: '1' });
  expect(violations).toEqual([]);
});

test('a .modelgate.toml dropped with the models suppresses the CRITICAL and is not scanned', async ({ page }) => {
  await page.goto('/');
  await dropFiles(page, [evil, join(dir, '.modelgate.toml')]);
  expect(await verdictCode(page)).toBe(0);
  await expect(page.getByTestId('policy-note')).toContainText('.modelgate.toml applied');
  await expect(page.locator('[data-testid="file-report"][data-path=".modelgate.toml"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="file-report"][data-path="evil.pkl"]')).toHaveCount(1);
});
