// Browser end-to-end tests against the built app (`npx vite build` first; the test runner does it).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  globalTimeout: 20 * 60_000, // the whole e2e suite: about 8 min on a loaded 2-core machine
  expect: { timeout: 15_000 },
  use: {
    baseURL: 'http://127.0.0.1:4173/',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort',
    url: 'http://127.0.0.1:4173/',
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
