/**
 * The example dashboard's typed client (examples/job-dashboard/src/ges-client.ts) under `--profile
 * mixed`, through msw/node: a frontend meets every form the spec allows in one run (integer and
 * string progress, every time form, plain UUIDs beside memory ids, complete and partiallyFailed) and
 * still lists, submits and cancels by the ids it was served.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGesClient } from '../../examples/job-dashboard/src/ges-client.js';
import { setupGesServer } from '../../mocks/node.js';
import { createManualClock } from '../../src/clocks.js';
import { readJobTime } from '../../src/spec/read-job-time.js';
import { UNHANDLED_IS_ERROR } from '../support/msw-unhandled.js';

const PROJECT = '0123456789abcdef0123456789abcdef';

describe('the dashboard client against --profile mixed', () => {
  const mock = setupGesServer({ profile: 'mixed', clock: createManualClock(), jobsPerGraph: 80 });
  // openapi-fetch takes the global fetch when it is created: after msw has patched it.
  let client: ReturnType<typeof createGesClient>;
  beforeAll(() => {
    mock.server.listen(UNHANDLED_IS_ERROR);
    client = createGesClient({ baseUrl: 'http://ges.mock.test', projectId: PROJECT, token: 'ui-token' });
  });
  afterAll(() => mock.server.close());

  it('lists jobs in every form, each of whose times a UI can read and order', async () => {
    const { jobs, jobCount } = await client.listJobs('movie');
    expect(jobCount).toBe(80);
    expect(new Set(jobs.map((job) => typeof job.progress))).toEqual(new Set(['number', 'string']));
    expect(new Set(jobs.map((job) => job.status as string))).toContain('complete');
    const starts = jobs.map((job) => readJobTime(job.startTime)!);
    expect(starts.every((ms) => Number.isFinite(ms))).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => Math.floor(b / 1000) - Math.floor(a / 1000)));
  });

  it('submits and cancels by the id it was served, whatever its form', async () => {
    const jobId = await client.submitAlgorithm('movie', { algorithmName: 'pagerank', parameters: {} });
    const listed = (await client.listJobs('movie')).jobs.find((job) => job.jobId === jobId);
    expect(listed).toMatchObject({ jobId, taskType: 'Algorithm' });
    await client.cancelJob('movie', jobId);
    const cancelled = (await client.listJobs('movie')).jobs.find((job) => job.jobId === jobId);
    expect(cancelled).toMatchObject({ status: 'failed', canStop: false });
  });
});
