/**
 * Bounded memory against clients that walk through project ids (a fuzzer generating valid
 * `project_id`s, a misconfigured app): projects that only read are kept up to a cap and dropped
 * oldest first, which loses nothing since they hold only the seed; projects that wrote keep their jobs.
 */
import { describe, expect, it } from 'vitest';
import { MAX_READ_ONLY_PROJECTS } from '../../src/engine/engine-state.js';
import { createManualClock } from '../../src/clocks.js';
import { createApi } from '../../src/http/create-api.js';

const HEADERS = { 'x-auth-token': 't', 'content-type': 'application/json' };

describe('memory under many project ids', () => {
  it('keeps at most MAX_READ_ONLY_PROJECTS read-only projects, keeps every project that wrote, and answers dropped ones identically', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 10 });
    const get = async (url: string) => {
      const response = await api.handle({ method: 'GET', url, headers: HEADERS });
      expect(response.status).toBe(200);
      return response.body!;
    };
    const firstRead = await get('/ges/v1.0/reader0/graphs/movie/jobs/status');

    // One project submits, another cancels a seeded running job: both wrote.
    const submitted = await api.handle({
      method: 'POST',
      url: '/ges/v1.0/writer1/graphs/movie/action?action_id=execute-algorithm',
      headers: HEADERS,
      body: '{"algorithmName":"pagerank"}',
    });
    expect(submitted.status).toBe(200);
    const { jobId } = JSON.parse(submitted.body!);
    const seededJobs = JSON.parse(await get('/ges/v1.0/writer2/graphs/movie/jobs/status')).jobs as { jobId: string; canStop: boolean }[];
    const running = seededJobs.find((job) => job.canStop)!;
    const cancelled = await api.handle({ method: 'DELETE', url: `/ges/v1.0/writer2/graphs/movie/jobs/${running.jobId}`, headers: HEADERS });
    expect(cancelled.status).toBe(200);

    for (let i = 1; i <= MAX_READ_ONLY_PROJECTS * 2.5; i++) await get(`/ges/v1.0/reader${i}/graphs/movie/jobs/status?limit=1`);

    const state = api.state();
    expect(state.projects).toBeLessThanOrEqual(MAX_READ_ONLY_PROJECTS + 2);
    const held = new Set(state.graphs.map((graph) => graph.project));
    expect(held.has('writer1') && held.has('writer2')).toBe(true);
    expect(held.has('reader0')).toBe(false);

    // What wrote is still there; what was dropped comes back exactly as it was.
    const list1 = JSON.parse(await get('/ges/v1.0/writer1/graphs/movie/jobs/status'));
    expect(list1.jobCount).toBe(11);
    expect(list1.jobs.some((job: { jobId: string }) => job.jobId === jobId)).toBe(true);
    const list2 = JSON.parse(await get('/ges/v1.0/writer2/graphs/movie/jobs/status'));
    expect(list2.jobs.find((job: { jobId: string }) => job.jobId === running.jobId)).toMatchObject({ status: 'failed', canStop: false });
    expect(await get('/ges/v1.0/reader0/graphs/movie/jobs/status')).toBe(firstRead);
  });
});
