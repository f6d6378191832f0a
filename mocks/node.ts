/**
 * msw/node in one call: `setupGesServer()` intercepts the GES job APIs in Node tests and returns the
 * API behind the handlers, so a test can move its clock, read its state or inject faults.
 */
import { setupServer } from 'msw/node';
import { apiFrom, type GesApi } from '../src/http/create-api.js';
import { createHandlers, type GesHandlersOptions } from './handlers.js';

/** What setupGesServer returns: the msw server (call listen/close yourself) and the API behind it. */
export interface GesMswServer {
  server: ReturnType<typeof setupServer>;
  /** The API behind the handlers; its `engine` is the one way to the engine. */
  api: GesApi;
}

/** An msw/node server over the GES handlers; pass `clock: createManualClock()` to control time. */
export function setupGesServer(options: GesHandlersOptions = {}): GesMswServer {
  const api = apiFrom(options);
  const server = setupServer(...createHandlers({ baseUrl: options.baseUrl, api }));
  return { server, api };
}
