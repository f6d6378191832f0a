import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'contracts/**/*.test.ts', 'mocks/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/e2e/**', 'test/consumer/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
