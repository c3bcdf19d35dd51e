import { defineConfig } from '@playwright/test';

// E2E in Debian's Chromium (/usr/bin/chromium) with the built extension loaded;
// see tests/e2e/fixtures.ts. Never downloads a browser.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
});
