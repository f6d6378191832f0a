/**
 * Starts MSW's Service Worker over the GES handlers. The worker script is public/mockServiceWorker.js
 * (`npx msw init examples/job-dashboard/public`); the api is put on `window.gesMock` so a test or the
 * devtools console can move the clock or inspect the engine.
 */
import { setupGesWorker } from '../../../mocks/browser.js';

declare global {
  interface Window {
    /** The in-browser mock, present in MSW mode only. */
    gesMock?: ReturnType<typeof setupGesWorker>;
  }
}

/** Starts the worker and resolves once it intercepts requests. */
export async function startMockWorker(): Promise<void> {
  const mock = setupGesWorker();
  await mock.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  window.gesMock = mock;
}
