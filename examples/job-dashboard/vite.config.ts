/**
 * Vite config of the job dashboard.
 *
 * `npx vite examples/job-dashboard`: MSW mode, the worker answers in the browser.
 * `npx vite examples/job-dashboard --mode standalone`: the proxy recipe, /ges and /__mock go to
 * `ges-mock serve` at GES_PROXY_TARGET (default http://127.0.0.1:4010), so the page stays same-origin.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

/** The proxy recipe: everything the GES client and the mock's control API use. */
export function gesProxy(target: string): Record<string, ProxyOptions> {
  return {
    '/ges': { target },
    '/__mock': { target },
  };
}

export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: {
    host: '127.0.0.1',
    ...(mode === 'standalone' ? { proxy: gesProxy(process.env.GES_PROXY_TARGET ?? 'http://127.0.0.1:4010') } : {}),
  },
  optimizeDeps: {
    // Pre-bundled up front, so the first page load never triggers a "new dependencies found" reload.
    include: ['msw/browser', 'openapi-fetch', '@faker-js/faker'],
  },
}));
