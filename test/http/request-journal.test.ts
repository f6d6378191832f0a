import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeRecording } from '../../contracts/har/judge-recording.js';
import { createGesHandlers } from '../../mocks/index.js';
import { createSystemClock } from '../../src/clocks.js';
import { createRequestJournal, JOURNAL_BODY_CAP } from '../../src/http/request-journal.js';
import { startGesServer, type GesServer } from '../../src/server/start-ges-server.js';
import { AUTH, call, createTestApi, MOVIE, PROJECT } from '../support/api-client.js';
import { UNHANDLED_IS_ERROR } from '../support/msw-unhandled.js';

const LIST = `${MOVIE}/jobs/status?limit=2`;
const SUBMIT = `${MOVIE}/action?action_id=execute-algorithm`;
const PAGERANK = '{"algorithmName":"pagerank","parameters":{"alpha":0.85}}';
const OTHER = 'fedcba9876543210fedcba9876543210';

describe('the request journal, in process', () => {
  it('records GES and control requests with what was asked, answered and when', async () => {
    let real = Date.UTC(2030, 0, 1);
    const api = createTestApi({ realTime: () => real });
    await call(api, 'GET', LIST, { headers: { ...AUTH, authorization: 'Bearer secret', cookie: 'a=b', accept: 'application/json' } });
    real += 1000;
    await call(api, 'POST', SUBMIT, { headers: { ...AUTH, 'content-type': 'application/json' }, body: PAGERANK });
    await call(api, 'GET', `/ges/v1.0/${PROJECT}/graphs/no_graph/jobs/status`);
    await call(api, 'POST', '/__mock/clock', { headers: { 'x-mock-control-token': 'c' }, body: '{"advanceMs": 5}' });
    const [list, submit, missing, clock] = api.requests();
    expect(list).toMatchObject({
      seq: 1,
      method: 'GET',
      path: `${MOVIE}/jobs/status`,
      query: { limit: '2' },
      project: PROJECT,
      graph: 'movie',
      operationId: 'listJobs',
      status: 200,
      requestHeaders: { 'x-auth-token': '***', authorization: '***', cookie: '***', accept: 'application/json' },
      startedAt: '2030-01-01T00:00:00.000Z',
      virtualTime: new Date(api.clock.now() - 5).toISOString(),
      durationMs: expect.any(Number),
    });
    expect(submit).toMatchObject({ operationId: 'executeAlgorithm', requestBody: PAGERANK, startedAt: '2030-01-01T00:00:01.000Z' });
    expect(missing).toMatchObject({ status: 400, errorCode: expect.stringMatching(/^GES\./) });
    expect(clock).toMatchObject({ operationId: 'control', path: '/__mock/clock', requestHeaders: { 'x-mock-control-token': '***' } });
    // Reading the journal is not recorded, or a poller would fill it with itself.
    await call(api, 'GET', '/__mock/requests', { headers: {} });
    expect(api.requests()).toHaveLength(4);
  });

  it("times a request from the adapter's arrival reading when it gives one", async () => {
    const api = createTestApi();
    const before = Date.now();
    const arrived = performance.now() - 250;
    await api.handle({ method: 'GET', url: LIST, headers: AUTH, receivedAt: arrived });
    const after = Date.now();
    const [entry] = api.requests();
    expect(entry!.durationMs).toBeGreaterThanOrEqual(250);
    // Its arrival in wall time is the reading's, a quarter of a second before the call (createWallTime rounds up by 1 ms).
    expect(Date.parse(entry!.startedAt)).toBeGreaterThanOrEqual(before - 250);
    expect(Date.parse(entry!.startedAt)).toBeLessThanOrEqual(after - 249);
  });

  it("tells a world's virtual time at the answer on a clock that runs on real time, its advances and offset included", async () => {
    // A clock 60,000 times real time, moved an hour forward, and a world a day ahead of it: a virtual
    // time taken from the wrong reading, or converted without the advance or the offset, is off by
    // seconds to days; the right one is within the real clock's millisecond (a minute here) of the world's now.
    const clock = createSystemClock({ speed: 60_000, startMs: Date.UTC(2030, 0, 1) });
    clock.advance(3_600_000);
    const api = createTestApi({ clock });
    await call(api, 'POST', `/__mock/projects/${OTHER}/clock`, { headers: {}, body: '{"advanceMs": 86400000}' });
    const before = api.world(OTHER).clock.now();
    await call(api, 'GET', `/ges/v1.0/${OTHER}/graphs/movie/jobs/status`);
    const after = api.world(OTHER).clock.now();
    const virtual = Date.parse(api.world(OTHER).requests().at(-1)!.virtualTime);
    expect(virtual).toBeGreaterThanOrEqual(before);
    expect(virtual).toBeLessThanOrEqual(after + 2 * 60_000);
  });

  it('filters by method, operationId, status, graph and since, over HTTP as in code', async () => {
    let real = 1_000;
    const api = createTestApi({ realTime: () => real++ });
    await call(api, 'GET', LIST);
    await call(api, 'GET', LIST, { headers: {} });
    await call(api, 'POST', SUBMIT, { headers: { ...AUTH, 'content-type': 'application/json' }, body: PAGERANK });
    await call(api, 'GET', `/ges/v1.0/${PROJECT}/graphs/social_network/jobs/status`);
    expect(api.requests({ method: 'get', operationId: 'listJobs' })).toHaveLength(3);
    expect(api.requests({ status: 401 }).map((e) => e.seq)).toEqual([2]);
    expect(api.requests({ graph: 'social_network' })).toHaveLength(1);
    expect(api.requests({ since: 1_002 }).map((e) => e.seq)).toEqual([3, 4]);
    const answer = await call(api, 'GET', '/__mock/requests?operationId=listJobs&status=200', { headers: {} });
    expect(answer.json.requests.map((e: { seq: number }) => e.seq)).toEqual([1, 4]);
    expect((await call(api, 'GET', '/__mock/requests?status=ok', { headers: {} })).status).toBe(400);
    expect((await call(api, 'GET', '/__mock/requests?colour=red', { headers: {} })).status).toBe(400);
    expect(api.verifyRequests({ operationId: 'executeAlgorithm' }, 1)).toHaveLength(1);
    expect(() => api.verifyRequests({ operationId: 'cancelJob' }, 1)).toThrow(/expected exactly 1 request.*found 0/);
    await call(api, 'DELETE', '/__mock/requests', { headers: {} });
    expect(api.requests()).toEqual([]);
  });

  it("keeps each world's journal apart, and clears one world's alone", async () => {
    const api = createTestApi();
    await call(api, 'GET', LIST);
    await call(api, 'GET', `/ges/v1.0/${OTHER}/graphs/movie/jobs/status`);
    await call(api, 'POST', `/__mock/projects/${OTHER}/clock`, { headers: {}, body: '{"advanceMs": 60000}' });
    expect(
      api
        .world(OTHER)
        .requests()
        .map((e) => e.path),
    ).toEqual([`/ges/v1.0/${OTHER}/graphs/movie/jobs/status`, `/__mock/projects/${OTHER}/clock`]);
    const own = await call(api, 'GET', `/__mock/projects/${PROJECT}/requests`, { headers: {} });
    expect(own.json.requests).toHaveLength(1);
    await call(api, 'GET', `/ges/v1.0/${OTHER}/graphs/movie/jobs/status`);
    // Virtual time is the world's own.
    expect(api.world(OTHER).requests().at(-1)!.virtualTime).toBe(new Date(api.world(OTHER).clock.now()).toISOString());
    const har = await call(api, 'GET', `/__mock/projects/${OTHER}/requests.har`, { headers: {} });
    expect(har.json.log.entries.map((e: { request: { url: string } }) => new URL(e.request.url).pathname)).toEqual([
      `/ges/v1.0/${OTHER}/graphs/movie/jobs/status`,
      `/__mock/projects/${OTHER}/clock`,
      `/ges/v1.0/${OTHER}/graphs/movie/jobs/status`,
    ]);
    await call(api, 'DELETE', `/__mock/projects/${OTHER}/requests`, { headers: {} });
    expect(api.world(OTHER).requests()).toEqual([]);
    expect(api.requests()).toHaveLength(1);
  });

  it('names the fault applied', async () => {
    const api = createTestApi({ sleep: async () => undefined });
    api.faults.set({ latency: { fixedMs: 40 }, nextFailures: { count: 1, status: 503 } });
    await call(api, 'GET', LIST);
    await call(api, 'GET', LIST);
    api.world(OTHER).faults.set({ connectionFault: { kind: 'EMPTY_RESPONSE', next: 1 } });
    await call(api, 'GET', `/ges/v1.0/${OTHER}/graphs/movie/jobs/status`);
    expect(api.requests().map((e) => [e.status, e.fault])).toEqual([
      [503, { kind: 'nextFailures', delayMs: 40 }],
      [200, { kind: 'latency', delayMs: 40 }],
      [0, { kind: 'EMPTY_RESPONSE' }],
    ]);
  });

  it('is a ring of the configured size, and caps request bodies', async () => {
    const api = createTestApi({ journalSize: 2 });
    for (let i = 0; i < 5; i++) await call(api, 'GET', LIST);
    expect(api.requests().map((e) => e.seq)).toEqual([4, 5]);
    const big = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85, note: 'x'.repeat(JOURNAL_BODY_CAP) } });
    await call(api, 'POST', SUBMIT, { headers: { ...AUTH, 'content-type': 'application/json' }, body: big });
    const entry = api.requests().at(-1)!;
    expect(entry.requestBody).toHaveLength(JOURNAL_BODY_CAP);
    expect(entry.requestBodyTruncated).toBe(true);
    const none = createTestApi({ journalSize: 0 });
    await call(none, 'GET', LIST);
    expect(none.requests()).toEqual([]);
  });
});

describe('the request journal, in memory', () => {
  it('keeps no more of a capped body than the cap: 200 refused 1 MB bodies leave the heap as it was', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const journal = createRequestJournal(1000);
    const heap = () => {
      gc();
      return getHeapStatistics().used_heap_size;
    };
    const before = heap();
    for (let i = 0; i < 200; i++) {
      // A new string each time, as each request's body is (V8 would share one literal).
      const body = `{"algorithmName":"pagerank","padding":"${String(i).padEnd(1024 * 1024, 'x')}"}`;
      journal.record(
        {
          request: { method: 'POST', url: SUBMIT, headers: {}, body },
          project: PROJECT,
          graph: 'movie',
          operationId: 'executeAlgorithm',
          startedMs: 0,
          virtualMs: 0,
          durationMs: 0,
          fault: undefined,
        },
        { status: 400, headers: {}, body: '{"errorCode":"GES.8402"}' },
      );
    }
    // 200 MB of bodies were recorded; what stays is 200 × the 16 KiB cap (about 3 MB) and the entries.
    expect(heap() - before).toBeLessThan(32 * 1024 * 1024);
    expect(journal.list().at(-1)!.requestBody).toHaveLength(JOURNAL_BODY_CAP);
  });

  it('shows each request its own headers when a client repeats them, changes a value, drops or adds one', () => {
    const journal = createRequestJournal(10);
    const sent: Record<string, string | undefined>[] = [
      { host: 'h', 'x-auth-token': 't', accept: 'application/json' },
      { host: 'h', 'x-auth-token': 't', accept: 'application/json' },
      { host: 'h', 'x-auth-token': 't', accept: 'text/html' },
      { host: 'h', 'x-auth-token': 't' },
      { host: 'h', 'x-auth-token': 't', accept: undefined },
      { host: 'h', 'x-auth-token': 't', accept: 'text/html', 'x-extra': '1' },
      { accept: 'text/html', host: 'h', 'x-auth-token': 't', 'x-extra': '1' },
      { host: 'h', 'x-auth-token': 't', 'x-extra': '1', 'x-other': '' },
    ];
    for (const headers of sent) {
      journal.record(
        {
          request: { method: 'GET', url: LIST, headers },
          project: PROJECT,
          graph: 'movie',
          operationId: 'listJobs',
          startedMs: 0,
          virtualMs: 0,
          durationMs: 0,
          fault: undefined,
        },
        { status: 200, headers: {}, body: '{}' },
      );
    }
    const shown = (headers: Record<string, string | undefined>) =>
      Object.fromEntries(
        Object.entries(headers)
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => [name, name === 'x-auth-token' ? '***' : value]),
      );
    expect(journal.list().map((entry) => entry.requestHeaders)).toEqual(sent.map(shown));
    expect(journal.listExchanges().map((exchange) => exchange.host)).toEqual(sent.map(() => 'h'));
  });

  it('shows each entry its own request and answer when a run of repeats changes one thing at a time', () => {
    const journal = createRequestJournal(30);
    const json = { 'content-type': 'application/json' };
    const huge = `"${'x'.repeat(300 * 1024)}"`;
    const base = {
      method: 'GET',
      url: LIST,
      status: 200,
      responseHeaders: json,
      body: '{"a":1}',
      project: PROJECT,
      graph: 'movie',
      operationId: 'listJobs',
      requestHeaders: { host: 'h', 'x-auth-token': 't' } as Record<string, string>,
    };
    const changes = [
      { status: 404 },
      { operationId: 'showJob' },
      { project: OTHER },
      { graph: 'social_network' },
      { body: '{"a":2}' },
      { responseHeaders: { 'content-type': 'text/html' } },
      { method: 'POST' },
      { url: `${LIST}&offset=2` },
      { requestHeaders: { host: 'h', 'x-auth-token': 't', accept: 'text/html' } },
    ];
    // Each change alone between two plain repeats; then two bodies too long to keep, of two lengths.
    const sent = [
      base,
      ...changes.flatMap((change) => [{ ...base, ...change }, base]),
      { ...base, body: huge },
      { ...base, body: `${huge} ` },
      base,
    ];
    sent.forEach((s, i) =>
      journal.record(
        {
          request: { method: s.method, url: s.url, headers: { ...s.requestHeaders } },
          project: s.project,
          graph: s.graph,
          operationId: s.operationId,
          startedMs: i,
          virtualMs: i,
          durationMs: i,
          fault: undefined,
        },
        { status: s.status, headers: s.responseHeaders, body: s.body },
      ),
    );
    const exchanges = journal.listExchanges();
    expect(exchanges).toHaveLength(sent.length);
    exchanges.forEach(({ entry, response, responseLength }, i) => {
      const s = sent[i]!;
      expect(entry).toMatchObject({
        seq: i + 1,
        method: s.method,
        status: s.status,
        project: s.project,
        graph: s.graph,
        operationId: s.operationId,
      });
      expect(`${entry.path}?${new URLSearchParams(entry.query as Record<string, string>)}`).toBe(s.url);
      expect(entry.requestHeaders).toEqual({ ...s.requestHeaders, 'x-auth-token': '***' });
      expect(response.headers).toEqual(s.responseHeaders);
      // A body longer than the journal keeps is left out, its length kept.
      expect(response.body).toBe(s.body.length > 256 * 1024 ? undefined : s.body);
      expect(responseLength).toBe(s.body.length);
    });
  });

  it('grows to its capacity as it fills, wraps, and keeps order and fields through a filtered clear', () => {
    const journal = createRequestJournal(3000);
    const record = (i: number) =>
      journal.record(
        {
          request: { method: i % 2 ? 'POST' : 'GET', url: `${LIST}&offset=${i}`, headers: { 'x-auth-token': 't', 'x-n': String(i) } },
          url: i % 3 ? undefined : `${LIST}&offset=${i}`,
          project: PROJECT,
          graph: i % 2 ? 'movie' : 'social_network',
          operationId: 'listJobs',
          startedMs: 1_000 + i,
          virtualMs: 2_000 + i,
          durationMs: i / 8,
          fault: i % 5 ? undefined : { kind: 'EMPTY_RESPONSE' },
        },
        i % 5 ? { status: 200, headers: {}, body: `{"n":${i}}` } : { status: 500, headers: {}, fault: 'EMPTY_RESPONSE' },
      );
    for (let i = 1; i <= 5000; i++) record(i);
    const all = journal.list();
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 3000 }, (_, k) => 2001 + k));
    const check = (entry: (typeof all)[number]) => {
      const i = entry.seq;
      expect(entry).toMatchObject({
        method: i % 2 ? 'POST' : 'GET',
        query: { limit: '2', offset: String(i) },
        requestHeaders: { 'x-auth-token': '***', 'x-n': String(i) },
        status: i % 5 ? 200 : 0,
        graph: i % 2 ? 'movie' : 'social_network',
        startedAt: new Date(1_000 + i).toISOString(),
        virtualTime: new Date(2_000 + i).toISOString(),
        durationMs: i / 8,
      });
      expect(entry.fault).toEqual(i % 5 ? undefined : { kind: 'EMPTY_RESPONSE' });
    };
    all.forEach(check);
    expect(journal.listExchanges().find((x) => x.entry.seq === 4999)!.response).toEqual({ status: 200, headers: {}, body: '{"n":4999}' });
    journal.clear({ method: 'POST' });
    const kept = journal.list();
    expect(kept.map((e) => e.seq)).toEqual(all.filter((e) => e.method === 'GET').map((e) => e.seq));
    kept.forEach(check);
    for (let i = 5001; i <= 7000; i++) record(i);
    const after = journal.list();
    expect(after).toHaveLength(3000);
    expect(after.at(0)!.seq).toBe(kept[500]!.seq);
    expect(after.at(-1)!.seq).toBe(7000);
    after.forEach(check);
  });
});

describe('the request journal, on both transports', () => {
  let server: GesServer;
  beforeAll(async () => {
    server = await startGesServer({ port: 0 });
  });
  afterAll(() => server.close());

  it('records what node:http answered, and exports HAR 1.2 that ges-contract --har passes', async () => {
    const get = (path: string, headers: Record<string, string> = AUTH) => fetch(`${server.url}${path}`, { headers });
    const listed = (await (await get(`${MOVIE}/jobs/status`)).json()) as { jobs: { jobId: string; status: string }[] };
    await get(`${MOVIE}/jobs/status?limit=3&offset=1`);
    await get(`${MOVIE}/jobs/${listed.jobs.find((j) => j.status === 'success')!.jobId}/status`);
    await get(`${MOVIE}/jobs/status`, {});
    await get(`${MOVIE}/jobs/status?limit=abc`);
    const journal = (await (await get('/__mock/requests?operationId=listJobs')).json()) as { requests: { status: number }[] };
    expect(journal.requests.map((e) => e.status)).toEqual([200, 200, 401, 400]);
    const har = await (await get('/__mock/requests.har')).text();
    const document = JSON.parse(har) as { log: { version: string; entries: { request: { url: string } }[] } };
    expect(document.log.version).toBe('1.2');
    expect(document.log.entries[0]!.request.url).toBe(`${server.url}${MOVIE}/jobs/status`);
    const report = await judgeRecording([{ file: 'journal.har', text: har }]);
    expect(report.recording).toMatchObject({ judged: 5 });
    expect(report.results.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('records what the MSW handlers answered', async () => {
    const api = createTestApi();
    const msw = setupServer(...createGesHandlers({ api, baseUrl: 'http://ges.test' }));
    msw.listen(UNHANDLED_IS_ERROR);
    try {
      await fetch(`http://ges.test${LIST}`, { headers: AUTH });
    } finally {
      msw.close();
    }
    expect(api.requests()).toEqual([expect.objectContaining({ operationId: 'listJobs', status: 200, query: { limit: '2' } })]);
  });
});
