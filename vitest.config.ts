import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test lives under test/ (test/README.md): test/<layer>/<module>.test.ts.
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', 'test/consumer/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
