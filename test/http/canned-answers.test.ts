/**
 * Canned answers, WireMock's mappings in the faults configuration: this status and body for this route,
 * once or n times, per world, beside the other faults; or only a delay for one route.
 */
import { describe, expect, it } from 'vitest';
import { AUTH, call, createTestApi, MOVIE, PROJECT } from '../support/api-client.js';

const OTHER = 'other1';
const control = { 'content-type': 'application/json' };
const putFaults = (api: ReturnType<typeof createTestApi>, route: string, body: unknown) =>
  call(api, 'PUT', route, { headers: control, body: JSON.stringify(body) });

describe('canned answers', () => {
  it("answer a route with the stub's status and body as many times as asked, then the engine answers again", async () => {
    const api = createTestApi();
    const stub = { match: { operationId: 'listJobs' }, status: 200, body: { jobs: [], jobCount: 0 }, times: 2 };
    expect((await putFaults(api, '/__mock/faults', { stubs: [stub] })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const answer = await call(api, 'GET', `${MOVIE}/jobs/status`);
      expect(answer.json).toEqual({ jobs: [], jobCount: 0 });
      expect(answer.headers['x-mock-fault']).toBe('stub');
    }
    expect((await call(api, 'GET', '/__mock/faults', { headers: {} })).json).toEqual({});
    expect((await call(api, 'GET', `${MOVIE}/jobs/status`)).json.jobCount).toBe(60);
    // Only the operation it names: the status route was never stubbed.
    expect(api.requests({ operationId: 'listJobs' }).map((entry) => entry.fault?.kind)).toEqual(['stub', 'stub', undefined]);
  });

  it("keep a world's stub to that world, matched by method, path and graph too", async () => {
    const api = createTestApi();
    const path = `/ges/v1.0/${OTHER}/graphs/movie/jobs/status`;
    const stub = {
      match: { method: 'get', path },
      status: 503,
      body: { errorMessage: 'down for maintenance', errorCode: 'GES.8602', result: 'failed' },
    };
    expect((await putFaults(api, `/__mock/projects/${OTHER}/faults`, { stubs: [stub] })).status).toBe(200);
    expect((await call(api, 'GET', path)).status).toBe(503);
    expect((await call(api, 'GET', path)).json.errorMessage).toBe('down for maintenance');
    expect((await call(api, 'GET', `${MOVIE}/jobs/status`)).status).toBe(200);
    expect((await call(api, 'GET', `/ges/v1.0/${OTHER}/graphs/social_network/jobs/status`)).status).toBe(200);
  });

  it('delay only the route a delay-only stub names', async () => {
    const delays: number[] = [];
    const api = createTestApi({ sleep: async (ms) => void delays.push(ms) });
    await putFaults(api, '/__mock/faults', { stubs: [{ match: { operationId: 'getJobStatus', graph: 'movie' }, delayMs: 1500 }] });
    const listed = await call(api, 'GET', `${MOVIE}/jobs/status?limit=1`);
    expect(listed.status).toBe(200);
    const status = await call(api, 'GET', `${MOVIE}/jobs/${listed.json.jobs[0].jobId}/status`);
    expect(status.status).toBe(200);
    expect(status.json.status).toBe(listed.json.jobs[0].status);
    expect(delays).toEqual([1500]);
  });

  it('refuses a stub that is not one, naming what is wrong', async () => {
    const api = createTestApi();
    const refusals: [unknown, RegExp][] = [
      [{ stubs: [{ match: { operationId: 'listJob' }, status: 500 }] }, /operationId must be one of listJobs/],
      [{ stubs: [{ match: {}, body: {} }] }, /a body but no status/],
      [{ stubs: [{ match: { path: 'ges/v1.0' }, status: 200 }] }, /path must start with \//],
      [{ stubs: [{ match: {} }] }, /answers nothing/],
      [{ stubs: [{ match: {}, status: 99 }] }, /status must be an HTTP status/],
      [{ stubs: [{ match: {}, status: 200, times: 0 }] }, /times must be an integer from 1/],
    ];
    for (const [body, message] of refusals) {
      const answer = await putFaults(api, `/__mock/projects/${PROJECT}/faults`, body);
      expect(answer.status).toBe(400);
      expect(answer.json.errorMessage).toMatch(message);
    }
    expect(() => api.faults.set({ stubs: [{ match: {} }] })).toThrow(TypeError);
    expect((await call(api, 'GET', `${MOVIE}/jobs/status`, { headers: AUTH })).status).toBe(200);
  });
});
