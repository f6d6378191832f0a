import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createManualClock } from '../../src/clocks.js';
import { createApi } from '../../src/http/create-api.js';
import { createGesHandlers } from '../../mocks/index.js';
import { setupGesServer } from '../../mocks/node.js';
import { PROJECT } from '../support/api-client.js';
import { describeTransport } from '../support/transport-suite.js';
import { UNHANDLED_IS_ERROR } from '../support/msw-unhandled.js';

describeTransport('MSW (msw/node)', async () => {
  const { server, api } = setupGesServer({ clock: createManualClock(), baseUrl: 'http://ges.mock/' });
  server.listen(UNHANDLED_IS_ERROR);
  return { baseUrl: 'http://ges.mock', api, close: async () => server.close() };
});

describe('MSW adapter specifics', () => {
  const api = createApi({ clock: createManualClock(), seed: 5 });
  const server = setupServer(...createGesHandlers({ api }));
  beforeAll(() => server.listen(UNHANDLED_IS_ERROR));
  afterAll(() => server.close());

  it('intercepts any origin when no baseUrl is given', async () => {
    const response = await fetch(`https://my-ges.example.com/ges/v1.0/${PROJECT}/graphs/movie/jobs/status?limit=1`, {
      headers: { 'x-auth-token': 'x' },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).jobCount).toBe(60);
  });

  it('shares state with the api it was given, so a test can inspect and steer it', async () => {
    const submitted = await fetch(`http://any.host/ges/v1.0/${PROJECT}/graphs/social_network/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { 'x-auth-token': 'x', 'content-type': 'application/json' },
      body: '{"algorithmName":"louvain"}',
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const graph = api.state().graphs.find((entry) => entry.graph === 'social_network');
    expect(graph?.jobCount).toBe(61);
    expect(api.state().seed).toBe(5);
  });

  it('reaches the engine one way only: through the api setupGesServer returns', () => {
    const setup = setupGesServer({ clock: createManualClock() });
    expect(Object.keys(setup).sort()).toEqual(['api', 'server']);
    expect(setup.api.engine.state().graphNames.length).toBeGreaterThan(0);
  });
});
