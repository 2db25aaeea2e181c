// A report made by the CLI opens in the app's "Open report" exactly as written: the app's validator
// (src/app/report-file.ts, strict and consistency-checking) accepts every kind of file the CLI
// reports (scanned, skipped for size, over the total, unreadable path), and keeps every finding.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { main } from '../../src/cli/main';
import { parseReport } from '../../src/app/report-file';
import type { ScanReport } from '../../src/engine';

async function cliJson(argv: string[]): Promise<{ code: number; text: string }> {
  let stdout = '';
  const code = await main(['scan', '--format', 'json', '--no-progress', ...argv], {
    stdout: { write: (s: string) => { stdout += s; }, isTTY: false },
    stderr: { write: () => {}, isTTY: false },
    env: {},
    cwd: resolve('.'),
  });
  return { code, text: stdout };
}

describe('CLI JSON reports reopen in the app', () => {
  it('a scan of malicious, benign and weight-statistics fixtures opens with the same findings', async () => {
    const { code, text } = await cliJson(['fixtures/e2e', 'fixtures/stats']);
    expect(code).toBe(1);
    const opened = parseReport(text);
    expect(opened.ok, opened.ok ? '' : opened.reason).toBe(true);
    if (!opened.ok) return;
    const written = JSON.parse(text) as ScanReport;
    expect(opened.report.files.map((f) => f.findings)).toEqual(written.files.map((f) => f.findings));
    expect(opened.report.files.some((f) => f.findings.some((x) => x.ruleId.startsWith('stats/')))).toBe(true);
  });

  it('files skipped for size, past the total and a missing path (exit 2) still open', async () => {
    const { code, text } = await cliJson(['--max-file-size', '200', '--max-total-size', '1000', 'fixtures/e2e', 'no/such/path']);
    expect(code).toBe(2);
    const opened = parseReport(text);
    expect(opened.ok, opened.ok ? '' : opened.reason).toBe(true);
    if (opened.ok) expect(opened.report.exitCode).toBe(2);
  });
});
