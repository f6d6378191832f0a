/**
 * The browser suite (`npm run test:e2e`): Vite, MSW's Service Worker, the standalone server and the
 * inspector, driven in Debian's headless Chromium by playwright-core. Files run one after another:
 * each launches one browser, and the machine has two cores.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
