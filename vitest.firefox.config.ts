import { defineConfig } from 'vitest/config';

// E2E in Debian's Firefox ESR (/usr/bin/firefox-esr) with the built add-on
// (.output/firefox-mv2), driven by puppeteer-core over WebDriver BiDi; see
// tests/e2e-firefox/firefox.ts. One Firefox at a time: the machines have 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    hookTimeout: 60_000,
    testTimeout: 90_000,
  },
});
