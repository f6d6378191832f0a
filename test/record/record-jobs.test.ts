import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { createApi, type GesApi } from '../../src/http/create-api.js';
import { recordJobs, type RecordOptions } from '../../src/record/record-jobs.js';
import type { FixtureDocument } from '../../src/fixtures/fixture-types.js';
import type { Job } from '../../src/types.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const BASE = 'http://engine.test';

/** A fetch that answers from an in-process mock, optionally rewriting answers. */
function fetchFrom(
  api: GesApi,
  edit?: (url: URL, status: number, body: string) => { status: number; body: string; headers?: Record<string, string> },
  rewriteUrl: (path: string) => string = (path) => path,
) {
  const urls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    urls.push(url.pathname + url.search);
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const answer = await api.handle({ method: 'GET', url: rewriteUrl(url.pathname + url.search), headers });
    const edited = edit ? edit(url, answer.status, answer.body ?? '') : { status: answer.status, body: answer.body ?? '' };
    return new Response(edited.body, { status: edited.status, headers: edited.headers ?? {} });
  }) as typeof fetch;
  return { fetchImpl, urls };
}

const noSleep = { sleep: async () => undefined };

function options(fetchImpl: typeof fetch, extra: Partial<RecordOptions> = {}): RecordOptions {
  return {
    baseUrl: BASE,
    projectId: PROJECT,
    graphs: ['movie'],
    token: 't',
    fetch: fetchImpl,
    retry: noSleep,
    now: () => Date.UTC(2024, 4, 23, 2),
    ...extra,
  };
}

async function wholeList(api: GesApi, graph = 'movie'): Promise<Job[]> {
  const answer = await api.handle({
    method: 'GET',
    url: `/ges/v1.0/${PROJECT}/graphs/${graph}/jobs/status`,
    headers: { 'x-auth-token': 't' },
  });
  return (JSON.parse(answer.body!) as { jobs: Job[] }).jobs;
}

const listedJobs = (document: FixtureDocument, graph = 'movie'): unknown[] => document.graphs![graph]!.jobs!;

describe('recordJobs', () => {
  it('reads a graph in bounded pages and records every job in list order, field for field', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 60 });
    const { fetchImpl, urls } = fetchFrom(api);
    const result = await recordJobs(options(fetchImpl, { pageSize: 7 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(listedJobs(result.recording.document)).toEqual(await wholeList(api));
    expect(urls).toHaveLength(9);
    expect(urls.every((url) => /limit=7&offset=\d+$/.test(url))).toBe(true);
    expect(result.recording.violations).toBe(0);
    expect(result.recording.document).toMatchObject({
      now: '2024-05-23T02:00:00.000Z',
      recording: { source: BASE, projectId: PROJECT, graphs: { movie: { jobsRecorded: 60, jobCount: 60, pages: 9 } } },
    });
  });

  it('records a job once when a submission shifts the list between two pages, and notes the jobCount change', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 20 });
    let pages = 0;
    const { fetchImpl } = fetchFrom(api, (_url, status, body) => {
      if (++pages === 1) {
        // A job is submitted while the recorder reads: every later page moves by one.
        void api.handle({
          method: 'POST',
          url: `/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`,
          headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
          body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
        });
      }
      return { status, body };
    });
    const result = await recordJobs(options(fetchImpl, { pageSize: 5 }));
    if (!result.ok) throw new Error(result.failure.message);
    const ids = listedJobs(result.recording.document).map((job) => (job as Job).jobId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
    expect(result.recording.graphs[0]!.notes.join('\n')).toMatch(/jobCount changed from 20 to 21/);
    expect(result.recording.violations).toBe(0);
  });

  /** Records a 25-job mock in pages of 10, its jobCount replaced by what `count` says of each page. */
  async function recordMiscounted(count: (page: unknown[]) => number) {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 25 });
    const { fetchImpl, urls } = fetchFrom(api, (_url, status, body) => {
      const list = JSON.parse(body) as { jobs: unknown[]; jobCount: number };
      return { status, body: JSON.stringify({ ...list, jobCount: count(list.jobs) }) };
    });
    return { api, urls, result: await recordJobs(options(fetchImpl, { pageSize: 10 })) };
  }

  it("reads on to a short page when jobCount is each page's length, records every job and reports the count", async () => {
    const { api, urls, result } = await recordMiscounted((page) => page.length);
    if (!result.ok) throw new Error(result.failure.message);
    expect(listedJobs(result.recording.document)).toEqual(await wholeList(api));
    expect(urls.map((url) => /offset=(\d+)/.exec(url)?.[1])).toEqual(['0', '10', '20']);
    const graph = result.recording.graphs[0]!;
    expect(graph.countMismatch).toEqual({ jobCount: 10, changed: true, jobsRead: 25 });
    expect(graph.violations.flatMap((v) => v.problems)).toEqual([
      'jobCount says at most 10 but the pages held 25 distinct jobs (read on to the first page shorter than 10, whatever jobCount said)',
    ]);
    expect(graph.notes).toEqual([]); // not taken for jobs submitted during the walk
    expect(result.recording.violations).toBe(1);
  });

  it('reads on past a jobCount that stays too small, and reports it', async () => {
    const { result } = await recordMiscounted(() => 10);
    if (!result.ok) throw new Error(result.failure.message);
    expect(listedJobs(result.recording.document)).toHaveLength(25);
    expect(result.recording.graphs[0]!.countMismatch).toEqual({ jobCount: 10, changed: false, jobsRead: 25 });
    expect(result.recording.document.recording).toMatchObject({ graphs: { movie: { jobsRecorded: 25, jobCount: 10, pages: 3 } } });
  });

  it('reports a jobCount larger than the jobs listed', async () => {
    const { result } = await recordMiscounted(() => 30);
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.recording.graphs[0]!.countMismatch).toEqual({ jobCount: 30, changed: false, jobsRead: 25 });
  });

  it('asks for the page after a full last page and finds it empty, with nothing to report', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 20 });
    const { fetchImpl, urls } = fetchFrom(api);
    const result = await recordJobs(options(fetchImpl, { pageSize: 10 }));
    if (!result.ok) throw new Error(result.failure.message);
    expect(urls.map((url) => /offset=(\d+)/.exec(url)?.[1])).toEqual(['0', '10', '20']);
    expect(listedJobs(result.recording.document)).toHaveLength(20);
    expect(result.recording.graphs[0]!.countMismatch).toBeUndefined();
    expect(result.recording.violations).toBe(0);
  });

  it('stops and reports a server whose pages repeat (offset ignored) instead of looping', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 30 });
    const { fetchImpl, urls } = fetchFrom(api, undefined, (url) => url.replace(/offset=\d+/, 'offset=0'));
    const result = await recordJobs(options(fetchImpl, { pageSize: 10 }));
    if (!result.ok) throw new Error(result.failure.message);
    expect(urls).toHaveLength(2);
    expect(listedJobs(result.recording.document)).toHaveLength(10);
    expect(result.recording.graphs[0]!.violations.flatMap((v) => v.problems).join('\n')).toMatch(/repeats only jobs already recorded/);
  });

  it('waits longer after each 429/503 (doubling, capped) and gives up after the retries it was given', async () => {
    const api = createApi({ clock: createManualClock() });
    const waits: number[] = [];
    const { fetchImpl, urls } = fetchFrom(api, () => ({
      status: 503,
      body: '{"errorCode":"GES.8602","errorMessage":"busy","result":"failed"}',
    }));
    const result = await recordJobs(
      options(fetchImpl, { retry: { retries: 6, baseDelayMs: 100, maxDelayMs: 1000, sleep: async (ms) => void waits.push(ms) } }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.message).toMatch(/answered 503 7 times; giving up/);
    expect(urls).toHaveLength(7);
    expect(waits).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('follows Retry-After within the cap', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 3 });
    const waits: number[] = [];
    let calls = 0;
    const { fetchImpl } = fetchFrom(api, (_url, status, body) =>
      ++calls === 1 ? { status: 429, body: '', headers: { 'retry-after': '3' } } : { status, body },
    );
    const result = await recordJobs(options(fetchImpl, { retry: { maxDelayMs: 2000, sleep: async (ms) => void waits.push(ms) } }));
    expect(result.ok).toBe(true);
    expect(waits).toEqual([2000]);
  });

  it('lists fields the spec does not name in extraJobFields and keeps them on the jobs', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 4 });
    const { fetchImpl } = fetchFrom(api, (_url, status, body) => {
      const list = JSON.parse(body) as { jobs: Record<string, unknown>[] };
      list.jobs.forEach((job, index) => (job.queueName = `q${index}`));
      return { status, body: JSON.stringify(list) };
    });
    const result = await recordJobs(options(fetchImpl));
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.recording.document.extraJobFields).toEqual(['queueName']);
    expect(listedJobs(result.recording.document).map((job) => (job as { queueName: string }).queueName)).toEqual(['q0', 'q1', 'q2', 'q3']);
    expect(result.recording.violations).toBe(0);
  });

  it('reports a job that breaks the spec or an invariant, keeps it as it came, and goes on', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 5 });
    const { fetchImpl } = fetchFrom(api, (_url, status, body) => {
      const list = JSON.parse(body) as { jobs: Record<string, unknown>[] };
      list.jobs[1] = { ...list.jobs[1], progress: 'lots' };
      return { status, body: JSON.stringify(list) };
    });
    const result = await recordJobs(options(fetchImpl));
    if (!result.ok) throw new Error(result.failure.message);
    expect(listedJobs(result.recording.document)[1]).toMatchObject({ progress: 'lots' });
    const problems = result.recording.graphs[0]!.violations.flatMap((v) => v.problems);
    expect(problems.some((p) => /schema \/progress/.test(p))).toBe(true);
    expect(problems.some((p) => /progress: has progress "lots" .*progress_matches_status/.test(p))).toBe(true);
    expect(result.recording.violations).toBe(1);
  });

  it('keeps user and password of the base URL out of the document', async () => {
    const api = createApi({ clock: createManualClock(), jobsPerGraph: 1 });
    const { fetchImpl } = fetchFrom(api, undefined, (path) => path.replace(/^\/prefix/, ''));
    const result = await recordJobs(options(fetchImpl, { baseUrl: 'http://me:secret@engine.test/prefix/' }));
    if (!result.ok) throw new Error(result.failure.message);
    expect(JSON.stringify(result.recording.document)).not.toContain('secret');
    expect(result.recording.document.recording).toMatchObject({ source: 'http://engine.test/prefix' });
  });

  it('records a document that a fresh mock loads and lists job for job, field for field, in any project and at any time', async () => {
    const source = createApi({ clock: createManualClock() });
    await source.handle({
      method: 'POST',
      url: `/ges/v1.0/${PROJECT}/graphs/movie/action?action_id=execute-algorithm`,
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}',
    });
    const graphs = ['movie', 'social_network', 'supply_chain'];
    const result = await recordJobs(options(fetchFrom(source).fetchImpl, { graphs, pageSize: 25 }));
    if (!result.ok) throw new Error(result.failure.message);
    const replay = createApi({ clock: createManualClock(Date.UTC(2030, 0, 1)), fixtures: result.recording.document });
    for (const graph of graphs) {
      const served = await replay.handle({
        method: 'GET',
        url: `/ges/v1.0/anyproject/graphs/${graph}/jobs/status`,
        headers: { 'x-auth-token': 't' },
      });
      expect((JSON.parse(served.body!) as { jobs: Job[] }).jobs).toEqual(await wholeList(source, graph));
    }
  });
});
