/** ges-jobs-kit/msw: MSW request handlers over the API, for msw/node and msw/browser alike. */
export { createGesHandlers, type GesHandler, type GesHandlersOptions } from './handlers.js';
export { gesScenarios, type GesScenarioName } from './scenarios.js';
