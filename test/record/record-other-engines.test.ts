import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { validateFixtures } from '../../src/fixtures/validate-fixtures.js';
import { createApi } from '../../src/http/create-api.js';
import { recordJobs, type RecordOptions } from '../../src/record/record-jobs.js';

const PROJECT = '0123456789abcdef0123456789abcdef';

/** A fetch that answers every list page from one fixed list of jobs, as another engine might. */
function scriptedEngine(jobs: Record<string, unknown>[], extra: Record<string, unknown> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const limit = Number(url.searchParams.get('limit') ?? 100000);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const body = { jobs: jobs.slice(offset, offset + limit), jobCount: jobs.length, ...extra };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

const options = (fetchImpl: typeof fetch): RecordOptions => ({
  baseUrl: 'http://engine.test',
  projectId: PROJECT,
  graphs: ['movie'],
  token: 't',
  fetch: fetchImpl,
  pageSize: 2,
  retry: { sleep: async () => undefined },
  now: () => Date.UTC(2024, 4, 23, 3),
});

/** Jobs in forms the memory engine never sends, but the spec accepts; newest first. */
const FOREIGN_JOBS: Record<string, unknown>[] = [
  {
    jobId: '9ab6c1de-8f10-4a9b-9c1e-3f2d5b7cac07',
    rawRequest: '',
    taskType: 'Algorithm',
    canStop: true,
    progress: 0,
    startTime: '2024-05-23T02:10:00Z',
    status: 'pending',
  },
  {
    jobId: 'f3e1a2b4-0000-4000-8000-000000000001',
    rawRequest: '{"algorithmName":"kcore","parameters":{"k":3}}',
    taskType: 'Algorithm',
    canStop: true,
    progress: 37,
    startTime: '1716429900000',
    status: 'running',
    queue: 'q1',
  },
  {
    jobId: 'job-0003',
    rawRequest: '',
    taskType: 'Algorithm',
    canStop: false,
    progress: 100,
    startTime: '1716429600',
    endTime: '2024-05-23 10:00:38',
    status: 'complete',
  },
  {
    jobId: 'job-0002',
    rawRequest: '',
    taskType: 'ExportGraph',
    canStop: false,
    progress: '60',
    startTime: '2024-05-23 09:55:00',
    endTime: '1716429340000000',
    status: 'partiallyFailed',
    queue: 'q2',
  },
  {
    jobId: 'job-0001',
    rawRequest: '',
    taskType: 'Algorithm',
    canStop: false,
    progress: '100',
    startTime: '2024-05-23T09:50:00+08:00',
    endTime: '2024-05-23T01:50:38Z',
    status: 'success',
  },
];

describe('recording engines other than the memory edition', () => {
  it('records their ids, progress, time forms, status variants and extra fields without a violation, and replay serves them field for field', async () => {
    const result = await recordJobs(options(scriptedEngine(FOREIGN_JOBS, { result: 'success', errorCode: '' })));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.recording.graphs[0]!.violations).toEqual([]);
    expect(result.recording.document).toMatchObject({ extraJobFields: ['queue'], recordedStatusVariants: ['complete', 'partiallyFailed'] });
    const replay = createApi({ clock: createManualClock(Date.UTC(2030, 0, 1)), fixtures: result.recording.document });
    const served = await replay.handle({
      method: 'GET',
      url: `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`,
      headers: { 'x-auth-token': 't' },
    });
    expect(JSON.parse(served.body!)).toEqual({ jobs: FOREIGN_JOBS, jobCount: FOREIGN_JOBS.length });
  });

  it('reports a job the spec refuses (a JSON number for startTime), marks it refused by replay, and replay names it', async () => {
    const jobs = [...FOREIGN_JOBS.slice(0, 2), { ...FOREIGN_JOBS[2], startTime: 1716429600 }];
    const result = await recordJobs(options(scriptedEngine(jobs)));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.recording.graphs[0]!.violations).toMatchObject([{ jobId: 'job-0003', replay: 'refused', offset: 2 }]);
    expect(result.recording.document.recording).toMatchObject({ replay: expect.stringContaining('refuses the whole document') });
    const checked = validateFixtures(result.recording.document);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error.problems).toMatchObject([{ graph: 'movie', job: 2, field: 'startTime' }]);
  });

  it('reports, before replay does, a job the spec accepts but the mock cannot replay', async () => {
    // A status variant is only replayed as recorded; a job named like a lifecycle form is no extra field.
    const jobs = [{ ...FOREIGN_JOBS[4], outcome: 'success' }];
    const result = await recordJobs(options(scriptedEngine(jobs)));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.recording.violations).toBe(1);
    expect(result.recording.graphs[0]!.violations[0]!.problems.join()).toMatch(/outcome/);
  });

  it('reports what only the fixture checks of replay refuse (a file being read that counted more lines than it has)', async () => {
    const file = {
      fileName: '/data/e.csv',
      totalLines: 10,
      successfulLines: 8,
      failedLines: 5,
      startTime: 1716429600000000,
      endTime: 1716429601000000,
      status: 'running',
    };
    const importJob = {
      jobId: 'imp-1',
      rawRequest: '',
      taskType: 'ImportGraph',
      canStop: true,
      progress: 50,
      files: [{ edgeFiles: [file] }],
      startTime: '1716429600',
      status: 'running',
    };
    const result = await recordJobs(options(scriptedEngine([importJob])));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.recording.graphs[0]!.violations).toMatchObject([
      { jobId: 'imp-1', replay: 'refused', problems: [expect.stringMatching(/fixture check of replay/)] },
    ]);
  });
});
