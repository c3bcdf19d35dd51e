import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/match/**/*.test.ts'],
    environment: 'node',
    // Generous: CI has 2 cores, and some tests spawn the CLI or parse a 5 MB page.
    testTimeout: 30_000,
  },
});
