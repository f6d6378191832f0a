/**
 * Starts MSW's Service Worker over the GES handlers. The worker script is public/mockServiceWorker.js
 * (`npx msw init examples/job-dashboard/public`); the mock is put on `window.gesMock` so a test or the
 * devtools console can move the clock (`gesMock.api.clock.advance(60_000)`) or inspect the engine.
 */
import { setupGesWorker, type GesMswWorker } from '../../../mocks/browser.js';

declare global {
  interface Window {
    /** The in-browser mock, present in MSW mode only. */
    gesMock?: GesMswWorker;
  }
}

/**
 * The app's other requests (its own files) go to the network. msw 2 reads `onUnhandledRequest`, msw 3
 * `onUnhandledFrame`; a value (not a literal) with both compiles under either.
 */
const START = {
  serviceWorker: { url: '/mockServiceWorker.js' },
  onUnhandledRequest: 'bypass',
  onUnhandledFrame: 'bypass',
  quiet: true,
} as const;

/**
 * Starts the worker and resolves once it intercepts requests. `speed` is how fast the mock's virtual
 * clock runs against real time (default 1; 0 holds it still, so only the clock button and
 * `gesMock.api.clock.advance` move jobs on).
 */
export async function startMockWorker(speed?: number): Promise<void> {
  const mock = setupGesWorker(speed === undefined ? {} : { speed });
  await mock.worker.start(START);
  window.gesMock = mock;
}
