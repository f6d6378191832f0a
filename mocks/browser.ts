/**
 * msw/browser in one call: `setupGesWorker()` answers the GES job APIs (and /__mock/ control routes)
 * inside the browser through MSW's Service Worker, and returns the API behind the handlers so the page
 * or a test can move the clock, read the state or inject faults. The worker script must be served from
 * the app's public folder: `npx msw init public/`.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { setupWorker } from 'msw/browser';
import { provideAjv } from '../src/spec/load-ajv.js';
import { apiFrom, type GesApi } from '../src/http/create-api.js';
import { createHandlers, type GesHandlersOptions } from './handlers.js';

/** What setupGesWorker returns: the msw worker (call start/stop yourself) and the API behind it. */
export interface GesMswWorker {
  worker: ReturnType<typeof setupWorker>;
  /** The API behind the handlers; its `engine` is the one way to the engine. */
  api: GesApi;
}

/**
 * An msw/browser worker over the GES handlers. The default clock is the system clock (jobs progress
 * in real time); `api.clock.advance(ms)` or `POST /__mock/clock` moves it forward.
 */
export function setupGesWorker(options: GesHandlersOptions = {}): GesMswWorker {
  // A browser bundle has no require to load Ajv lazily with: fixture validation gets it here.
  provideAjv(Ajv2020);
  const api = apiFrom(options);
  const worker = setupWorker(...createHandlers({ baseUrl: options.baseUrl, api }));
  return { worker, api };
}
