/**
 * msw/node with a typed openapi-fetch client, created the way the README shows: an absolute
 * baseUrl, and a fetch looked up per request so that MSW (which patches globalThis.fetch in
 * server.listen()) answers it.
 */
import createClient from 'openapi-fetch';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createManualClock, type paths } from 'ges-jobs-kit';
import { setupGesServer } from 'ges-jobs-kit/msw/node';

const project_id = '0123456789abcdef0123456789abcdef';
const { server, api } = setupGesServer({ clock: createManualClock(), seed: 7 });
const ges = createClient<paths>({
  baseUrl: 'http://ges.test',
  headers: { 'X-Auth-Token': 'test-token' },
  fetch: (request) => globalThis.fetch(request),
});

// msw 2 reads onUnhandledRequest, msw 3 onUnhandledFrame: the README's form for both.
const unhandled = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const;
beforeAll(() => server.listen(unhandled));
afterEach(() => api.reset());
afterAll(() => server.close());

test('a typed client created before server.listen() is answered by the mock', async () => {
  const { data, error, response } = await ges.GET('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status', {
    params: { path: { project_id, graph_name: 'movie' }, query: { limit: 3, offset: 0 } },
  });
  expect(error).toBeUndefined();
  expect(response.status).toBe(200);
  expect(data?.jobs).toHaveLength(3);
  const listed = api.engine.listJobs(project_id, 'movie', { limit: 3, offset: 0 });
  expect(listed.ok && listed.value.jobs.map((job) => job.jobId)).toEqual(data?.jobs.map((job) => job.jobId));
});

test('a submitted algorithm job finishes once the test moves api.clock', async () => {
  const created = await ges.POST('/ges/v1.0/{project_id}/graphs/{graph_name}/action', {
    params: { path: { project_id, graph_name: 'movie' }, query: { action_id: 'execute-algorithm' } },
    body: { algorithmName: 'pagerank', parameters: { alpha: 0.85 } },
  });
  const jobId = created.data && 'jobId' in created.data ? created.data.jobId : undefined;
  expect(jobId).toEqual(expect.any(String));
  api.clock.advance(60 * 60_000);
  const status = await ges.GET('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/{job_id}/status', {
    params: { path: { project_id, graph_name: 'movie', job_id: jobId! } },
  });
  expect(status.data?.status).toBe('success');
});

test('errors arrive as the typed GES envelope', async () => {
  const { data, error, response } = await ges.GET('/ges/v1.0/{project_id}/graphs/{graph_name}/jobs/status', {
    params: { path: { project_id, graph_name: 'no_such_graph' }, query: { limit: 1, offset: 0 } },
  });
  expect(data).toBeUndefined();
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(error).toMatchObject({ result: 'failed', errorCode: expect.stringMatching(/^GES\.\d{4}$/) });
});

test('api.faults.set() refuses what PUT /__mock/faults refuses, with the same message', async () => {
  const typo = { latancy: { fixedMs: 10 } };
  const put = await fetch('http://ges.test/__mock/faults', { method: 'PUT', body: JSON.stringify(typo) });
  const { errorMessage } = (await put.json()) as { errorMessage: string };
  expect(put.status).toBe(400);
  expect(() => api.faults.set(typo as never)).toThrow(new TypeError(errorMessage));
});
