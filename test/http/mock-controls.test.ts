import { describe, expect, it } from 'vitest';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import { AUTH, call, createTestApi, envelope, MOVIE } from '../support/api-client.js';

const LIST = `${MOVIE}/jobs/status?limit=1`;
const validator = createSpecValidator();
const isGesError = (value: unknown) => validator.validate('#/components/schemas/GesError', value).length === 0;

/** An API whose latency is recorded instead of waited for. */
function recordingApi(options: Parameters<typeof createTestApi>[0] = {}) {
  const sleeps: number[] = [];
  const api = createTestApi({ sleep: async (ms) => void sleeps.push(ms), ...options });
  return { api, sleeps };
}

const putFaults = (api: ReturnType<typeof createTestApi>, faults: unknown) =>
  call(api, 'PUT', '/__mock/faults', { headers: {}, body: JSON.stringify(faults) });

describe('control routes', () => {
  it('shows the engine state and the faults at GET /__mock/state', async () => {
    const api = createTestApi();
    await call(api, 'GET', LIST);
    const state = await call(api, 'GET', '/__mock/state', { headers: {} });
    expect(state.status).toBe(200);
    expect(state.json).toMatchObject({ seed: 1, projects: 1, faults: {}, now: expect.any(Number) });
    expect(state.json.graphs[0]).toMatchObject({ graph: 'movie', jobCount: 60 });
  });

  it('moves virtual time with POST /__mock/clock', async () => {
    const api = createTestApi();
    const before = api.clock!.now();
    const answer = await call(api, 'POST', '/__mock/clock', { headers: {}, body: '{"advanceMs": 60000}' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ now: before + 60_000, advancedMs: 60_000 });
  });

  it.each(['{"advanceMs": -1}', '{"advanceMs": 1.5}', '{"advanceMs": "10"}', '{}', '{"advanceMs": 1, "x": 2}', 'nope', '[1]'])(
    'answers POST /__mock/clock %s with 400 GES.8000',
    async (body) => {
      const answer = await call(createTestApi(), 'POST', '/__mock/clock', { headers: {}, body });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(envelope('GES.8000'));
    },
  );

  it('drops submitted jobs and reseeds with POST /__mock/reset', async () => {
    const api = createTestApi();
    const first = (await call(api, 'GET', LIST)).json.jobs[0].jobId;
    await call(api, 'POST', `${MOVIE}/action?action_id=execute-algorithm`, { body: '{"algorithmName":"pagerank"}' });
    expect((await call(api, 'GET', LIST)).json.jobCount).toBe(61);

    const reset = await call(api, 'POST', '/__mock/reset', { headers: {} });
    expect(reset.status).toBe(200);
    expect((await call(api, 'GET', LIST)).json).toMatchObject({ jobCount: 60, jobs: [{ jobId: first }] });

    expect((await call(api, 'POST', '/__mock/reset', { headers: {}, body: '{"seed": 7}' })).json.seed).toBe(7);
    expect((await call(api, 'GET', LIST)).json.jobs[0].jobId).not.toBe(first);
  });

  it.each(['{"seed": "7"}', '{"seed": 1.5}', '{"sede": 1}', '[]'])('answers POST /__mock/reset %s with 400', async (body) => {
    const answer = await call(createTestApi(), 'POST', '/__mock/reset', { headers: {}, body });
    expect(answer.status).toBe(400);
    expect(isGesError(answer.json)).toBe(true);
  });

  it('answers an unknown control route or method with 404', async () => {
    const api = createTestApi();
    expect((await call(api, 'GET', '/__mock/nope', { headers: {} })).status).toBe(404);
    expect((await call(api, 'GET', '/__mock/reset', { headers: {} })).status).toBe(404);
  });

  it('hides every control route with control: false', async () => {
    const api = createTestApi({ control: false });
    const answer = await call(api, 'GET', '/__mock/state', { headers: {} });
    expect(answer.status).toBe(404);
    expect(answer.json.errorMessage).toBe('No such API: GET /__mock/state');
  });

  it('requires X-Mock-Control-Token when a control token is set', async () => {
    const api = createTestApi({ controlToken: 's3cret' });
    const refused = await call(api, 'GET', '/__mock/state', { headers: {} });
    expect(refused.status).toBe(401);
    expect(isGesError(refused.json)).toBe(true);
    expect((await call(api, 'GET', '/__mock/state', { headers: { 'x-mock-control-token': 'wrong' } })).status).toBe(401);
    expect((await call(api, 'GET', '/__mock/state', { headers: { 'x-mock-control-token': 's3cret' } })).status).toBe(200);
  });
});

describe('fault injection', () => {
  it('fails the next N requests with the status asked for, then recovers', async () => {
    const api = createTestApi();
    const put = await putFaults(api, { nextFailures: { count: 2, status: 503 } });
    expect(put.json).toEqual({ nextFailures: { count: 2, status: 503 } });
    for (let i = 0; i < 2; i++) {
      const failed = await call(api, 'GET', LIST);
      expect(failed.status).toBe(503);
      expect(failed.json).toEqual(envelope('GES.8602'));
    }
    expect((await call(api, 'GET', LIST)).status).toBe(200);
    expect((await call(api, 'GET', '/__mock/faults', { headers: {} })).json).toEqual({});
  });

  it('uses the errorCode given for an injected failure', async () => {
    const api = createTestApi();
    await putFaults(api, { nextFailures: { count: 1, status: 500, errorCode: 'GES.8302' } });
    const failed = await call(api, 'GET', LIST);
    expect(failed.status).toBe(500);
    expect(failed.json).toEqual(envelope('GES.8302'));
  });

  it('applies faults to /ges/ routes only', async () => {
    const api = createTestApi();
    await putFaults(api, { nextFailures: { count: 5, status: 500 } });
    expect((await call(api, 'GET', '/__mock/state', { headers: {} })).status).toBe(200);
  });

  it('fails a deterministic share of requests with errorRate, the same for the same seed', async () => {
    const run = async () => {
      const api = createTestApi({ seed: 3 });
      await putFaults(api, { errorRate: { rate: 0.5, status: 500 } });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call(api, 'GET', LIST)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toEqual(await run());
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(5);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(5);
  });

  it('waits the configured latency before answering (fixed and uniform)', async () => {
    const { api, sleeps } = recordingApi();
    await putFaults(api, { latency: { fixedMs: 250 } });
    expect((await call(api, 'GET', LIST)).status).toBe(200);
    await putFaults(api, { latency: { minMs: 10, maxMs: 20 } });
    for (let i = 0; i < 10; i++) await call(api, 'GET', LIST);
    expect(sleeps[0]).toBe(250);
    for (const ms of sleeps.slice(1)) expect(ms >= 10 && ms <= 20).toBe(true);
  });

  it('starts with the faults option and restores it on reset', async () => {
    const { api, sleeps } = recordingApi({ faults: { latency: { fixedMs: 40 } } });
    await call(api, 'DELETE', '/__mock/faults', { headers: {} });
    await call(api, 'GET', LIST);
    expect(sleeps).toEqual([]);
    await call(api, 'POST', '/__mock/reset', { headers: {} });
    await call(api, 'GET', LIST);
    expect(sleeps).toEqual([40]);
  });

  it.each(['CONNECTION_RESET_BY_PEER', 'EMPTY_RESPONSE'])('tells the adapter to act out %s for the next request only', async (kind) => {
    const api = createTestApi();
    await putFaults(api, { connectionFault: { kind, next: 1 } });
    const faulted = await api.handle({ method: 'GET', url: LIST, headers: AUTH });
    expect(faulted.fault).toBe(kind);
    expect((await call(api, 'GET', LIST)).status).toBe(200);
  });

  it.each([
    [{ latency: { fixedMs: -1 } }],
    [{ latency: { fixedMs: 600_000 } }],
    [{ latency: { minMs: 20, maxMs: 10 } }],
    [{ latency: 5 }],
    [{ errorRate: { rate: 2, status: 500 } }],
    [{ errorRate: { rate: 0.5, status: 502 } }],
    [{ nextFailures: { count: 1, status: 418 } }],
    [{ nextFailures: { count: -1, status: 500 } }],
    [{ nextFailures: { count: 1, status: 500, errorCode: 'E1' } }],
    [{ connectionFault: { kind: 'TIMEOUT' } }],
    [{ connectionFault: { kind: 'EMPTY_RESPONSE', rate: -0.1 } }],
    [{ latencyMs: 5 }],
    [[]],
  ])('refuses the fault configuration %j with 400 GES.8000', async (faults) => {
    const api = createTestApi();
    const answer = await putFaults(api, faults);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(envelope('GES.8000'));
    expect((await call(api, 'GET', '/__mock/faults', { headers: {} })).json).toEqual({});
  });
});

describe('CORS', () => {
  const origin = 'http://localhost:5173';

  it('echoes the Origin with credentials allowed', async () => {
    const answer = await call(createTestApi(), 'GET', LIST, { headers: { ...AUTH, origin } });
    expect(answer.headers).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'X-Mock-Example, X-Mock-Fault',
      vary: 'Origin',
    });
  });

  it('echoes the Origin on errors too, so a browser can read them', async () => {
    const answer = await call(createTestApi(), 'GET', LIST, { headers: { origin } });
    expect(answer.status).toBe(401);
    expect(answer.headers['access-control-allow-origin']).toBe(origin);
  });

  it('answers a preflight with 204 and the allowed methods and headers', async () => {
    const answer = await call(createTestApi(), 'OPTIONS', LIST, { headers: { origin, 'access-control-request-method': 'GET' } });
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    expect(answer.headers['access-control-allow-origin']).toBe(origin);
    expect(answer.headers['access-control-allow-methods']).toBe('GET,POST,DELETE,PUT,OPTIONS');
    expect(answer.headers['access-control-allow-headers']).toBe('Content-Type, X-Auth-Token, Prefer, X-Mock-Control-Token');
  });

  it('sends no CORS headers and answers OPTIONS with 404 when cors is off', async () => {
    const api = createTestApi({ cors: false });
    const answer = await call(api, 'GET', LIST, { headers: { ...AUTH, origin } });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect((await call(api, 'OPTIONS', LIST, { headers: { origin } })).status).toBe(404);
  });

  it('does not echo an Origin that is not a plain header value', async () => {
    const answer = await call(createTestApi(), 'GET', LIST, { headers: { ...AUTH, origin: 'http://a b' } });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
  });
});
