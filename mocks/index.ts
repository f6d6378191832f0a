/**
 * ges-jobs-kit/msw: MSW request handlers over the API, for msw/node and msw/browser alike (Storybook,
 * playwright-msw, a hand-made setupWorker). This entry may run in a browser bundle, which has no
 * require to load Ajv lazily with, so it hands Ajv to fixture validation itself; ges-jobs-kit/msw/node
 * leaves it to load on first use, and pays nothing for it when no fixture is given.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { provideAjv } from '../src/spec/load-ajv.js';
import { createHandlers, type GesHandler, type GesHandlersOptions } from './handlers.js';

export type { GesHandler, GesHandlersOptions };
export { gesScenarios, type GesScenarioName } from './scenarios.js';

/** MSW handlers answering the GES job APIs and the /__mock/ control routes. */
export function createGesHandlers(options: GesHandlersOptions = {}): GesHandler[] {
  provideAjv(Ajv2020);
  return createHandlers(options);
}
