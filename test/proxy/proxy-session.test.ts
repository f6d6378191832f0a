/**
 * A proxy session works as a mock session does: the journal, its HAR and the worlds hold proxied
 * exchanges; faults (shared or per project) come on top of real answers; mocked graphs are answered
 * by the mock engine beside the upstream's; and the jobs seen are recorded as the fixture document of
 * `ges-mock record`, which replays offline.
 */
import { describe, expect, test } from 'vitest';
import { createManualClock } from '../../src/clocks.js';
import { validateFixtures } from '../../src/fixtures/validate-fixtures.js';
import { createApi } from '../../src/http/create-api.js';
import type { JournalEntry } from '../../src/http/request-journal.js';
import type { GesProxy } from '../../src/proxy/create-ges-proxy.js';
import { recordJobs } from '../../src/record/record-jobs.js';
import { useProxyHarness } from './support/proxy-harness.js';
import { sendJson } from './support/scripted-upstream.js';

const P1 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const P2 = 'fedcba9876543210fedcba9876543210';
const TOKEN = 'independent-token';
const auth = { 'X-Auth-Token': TOKEN };
const listPath = (project: string, graph = 'movie') => `/ges/v1.0/${project}/graphs/${graph}/jobs/status`;

const { proxyTo, independent, scripted } = useProxyHarness();

/** An upstream that lists no job, counting what reaches it. */
const emptyEngine = () => scripted((_seen, res) => sendJson(res, { jobs: [], jobCount: 0 }));

const get = (proxy: GesProxy, path: string, init: RequestInit = {}) => fetch(proxy.url + path, { headers: auth, ...init });
const journal = async (proxy: GesProxy, path = '/__mock/requests') =>
  ((await (await get(proxy, path)).json()) as { requests: JournalEntry[] }).requests;

describe('journal, HAR and worlds on proxied traffic', () => {
  test('GET /__mock/requests lists each proxied exchange with its operation, world and status, the token masked; each world its own', async () => {
    const engine = await independent();
    const proxy = await proxyTo(engine.url);
    await get(proxy, `${listPath(P1)}?limit=2`);
    await get(proxy, listPath(P2));
    await get(proxy, listPath(P1), { headers: { 'X-Auth-Token': 'wrong' } });
    const all = await journal(proxy);
    expect(all.map((e) => [e.operationId, e.project, e.graph, e.status])).toEqual([
      ['listJobs', P1, 'movie', 200],
      ['listJobs', P2, 'movie', 200],
      ['listJobs', P1, 'movie', 401],
    ]);
    expect(all[0]).toMatchObject({ query: { limit: '2' }, requestHeaders: { 'x-auth-token': '***' } });
    expect(all[2]?.errorCode).toBe('GES.8007');
    expect((await journal(proxy, `/__mock/projects/${P2}/requests`)).map((e) => e.project)).toEqual([P2]);
    expect((await journal(proxy, '/__mock/requests?status=401')).length).toBe(1);
  });

  test("the journal's HAR holds the upstream's answers, so ges-contract --har judges them as the proxy did", async () => {
    const engine = await independent();
    const proxy = await proxyTo(engine.url);
    const direct = await (await fetch(engine.url + listPath(P1), { headers: auth })).text();
    await get(proxy, listPath(P1));
    const har = (await (await get(proxy, `/__mock/projects/${P1}/requests.har`)).json()) as {
      log: { entries: { response: { status: number; content: { text: string } } }[] };
    };
    expect(har.log.entries.map((entry) => [entry.response.status, entry.response.content.text])).toEqual([[200, direct]]);
  });
});

describe('faults on top of real answers', () => {
  test('--fail-next: the next answers are the GES envelope of the fault, and never reach the upstream; then real ones', async () => {
    const upstream = await emptyEngine();
    const proxy = await proxyTo(upstream.url);
    expect((await get(proxy, '/__mock/faults', { method: 'PUT', body: '{"nextFailures":{"count":2,"status":503}}' })).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(proxy, listPath(P1))).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(upstream.requests).toHaveLength(1);
    expect((await journal(proxy)).filter((e) => e.operationId === 'listJobs').map((e) => e.fault?.kind)).toEqual([
      'nextFailures',
      'nextFailures',
      undefined,
    ]);
    // The proxy's own fault answers are not the engine's: nothing to judge.
    expect((await proxy.violationReport()).exchanges.judged).toBe(1);
  });

  test("a project's own faults touch only its world", async () => {
    const upstream = await emptyEngine();
    const proxy = await proxyTo(upstream.url);
    await get(proxy, `/__mock/projects/${P1}/faults`, { method: 'PUT', body: '{"errorRate":{"rate":1,"status":500}}' });
    expect((await get(proxy, listPath(P1))).status).toBe(500);
    expect((await get(proxy, listPath(P2))).status).toBe(200);
    expect(upstream.requests.map((seen) => seen.url)).toEqual([listPath(P2)]);
  });

  test('latency waits before forwarding, and a connection fault drops the connection instead of answering', async () => {
    const upstream = await emptyEngine();
    const slept: number[] = [];
    const proxy = await proxyTo(upstream.url, { sleep: async (ms) => void slept.push(ms), faults: { latency: { fixedMs: 700 } } });
    expect((await get(proxy, listPath(P1))).status).toBe(200);
    expect(slept).toEqual([700]);
    proxy.api.faults.set({ connectionFault: { kind: 'CONNECTION_RESET_BY_PEER', next: 1 } });
    await expect(get(proxy, listPath(P1))).rejects.toThrow(TypeError);
    expect(upstream.requests).toHaveLength(1);
    expect((await get(proxy, listPath(P1))).status).toBe(200);
  });
});

describe('mocked graphs beside the upstream', () => {
  test('a mocked graph is answered by the mock (for every project, or one), the rest by the upstream', async () => {
    const upstream = await emptyEngine();
    const proxy = await proxyTo(upstream.url, { mockGraphs: ['new_graph', `${P2}/movie`], jobsPerGraph: 5, clock: createManualClock() });
    const count = async (path: string) => ((await (await get(proxy, path)).json()) as { jobCount: number }).jobCount;
    expect(await count(listPath(P1, 'new_graph'))).toBe(5);
    expect(await count(listPath(P2, 'new_graph'))).toBe(5);
    expect(await count(listPath(P2, 'movie'))).toBe(5);
    expect(await count(listPath(P1, 'movie'))).toBe(0);
    expect(upstream.requests.map((seen) => seen.url)).toEqual([listPath(P1, 'movie')]);
    // The mocked graph takes submissions, in the mock's world; the journal holds both kinds.
    const submit = await get(proxy, `/ges/v1.0/${P1}/graphs/new_graph/action?action_id=execute-algorithm`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"algorithmName":"pagerank","parameters":{}}',
    });
    expect(submit.status).toBe(200);
    expect(await count(listPath(P1, 'new_graph'))).toBe(6);
    expect((await journal(proxy)).filter((e) => e.operationId !== 'control')).toHaveLength(6);
  });
});

describe('recording while proxying', () => {
  test("every job the list answers showed is kept as ges-mock record's document of the engine, which replays offline", async () => {
    const engine = await independent();
    const proxy = await proxyTo(engine.url, { record: true });
    expect(await proxy.recording()).toBeUndefined();
    for (const offset of [0, 10, 20]) await get(proxy, `${listPath(P1)}?limit=10&offset=${offset}`);
    const recorded = await proxy.recording();
    expect(proxy.recordingChanged).toBe(false);
    // What `ges-mock record` writes of the same engine: the same jobs, the same checks of them.
    const direct = await recordJobs({ baseUrl: engine.url, projectId: P1, graphs: ['movie'], token: TOKEN });
    if (!direct.ok) throw new Error(direct.failure.message);
    expect(recorded?.graphs).toEqual(direct.recording.document.graphs);
    expect(recorded?.extraJobFields).toEqual(direct.recording.document.extraJobFields);
    expect(recorded?.recording).toMatchObject({ tool: 'ges-mock proxy', source: engine.url, projectId: P1, violations: 0 });
    // Replayed by the mock (serve --fixtures takes the same document): the jobs, as the engine listed them.
    expect(validateFixtures(recorded, 'recording').ok).toBe(true);
    const replay = createApi({ clock: createManualClock(), fixtures: recorded });
    const replayed = JSON.parse(
      (await replay.handle({ method: 'GET', url: listPath(P1), headers: { 'x-auth-token': 't' } })).body ?? '{}',
    ) as {
      jobs: { jobId: string; status: string }[];
    };
    const listed = (await (await fetch(engine.url + listPath(P1), { headers: auth })).json()) as {
      jobs: { jobId: string; status: string }[];
    };
    expect(replayed.jobs.map((j) => [j.jobId, j.status])).toEqual(listed.jobs.map((j) => [j.jobId, j.status]));
  });

  test('a job seen again is kept as last seen; jobs of several projects are kept per project', async () => {
    let status = 'running';
    const upstream = await scripted((_seen, res) =>
      sendJson(res, {
        jobs: [
          {
            jobId: 'b236a002-6acb-40cd-acca-bc3eb96b807d001680206',
            rawRequest: '',
            taskType: 'Algorithm',
            canStop: status === 'running',
            progress: status === 'running' ? '50' : '100',
            startTime: '2024-05-23 10:00:00',
            ...(status === 'running' ? {} : { endTime: '2024-05-23 10:05:00' }),
            status,
          },
        ],
        jobCount: 1,
      }),
    );
    const proxy = await proxyTo(upstream.url, { record: true });
    await get(proxy, listPath(P1));
    status = 'success';
    await get(proxy, listPath(P1));
    await get(proxy, listPath(P2));
    const recorded = await proxy.recording();
    expect(Object.keys(recorded?.projects ?? {})).toEqual([P1, P2]);
    const jobs = recorded?.projects?.[P1]?.graphs.movie?.jobs as { status: string }[];
    expect(jobs.map((j) => j.status)).toEqual(['success']);
    expect(validateFixtures(recorded, 'recording').ok).toBe(true);
  });

  test('a list answer too long to read is counted in the recording, not guessed', async () => {
    const engine = await independent();
    const proxy = await proxyTo(engine.url, { record: true, maxJudgedBytes: 1024 });
    await get(proxy, `${listPath(P1)}?limit=2`);
    await get(proxy, listPath(P1));
    const recorded = await proxy.recording();
    expect(recorded?.graphs?.movie?.jobs).toHaveLength(2);
    expect(recorded?.recording?.notes).toEqual([expect.stringContaining('1 list answer(s) could not be read')]);
  });
});
