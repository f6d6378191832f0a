/**
 * `ges-contract --har`: recorded traffic judged offline. A HAR recorded from the mock passes; the
 * same HAR corrupted one way at a time fails the right check, naming the HAR entry (index, method,
 * URL, time); non-GES entries are counted and ignored; tokens and cookies are never printed; exit
 * codes and the three reports are those of a live run.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { judgeRecording } from '../../contracts/har/judge-recording.js';
import { RECORDED_TOKEN } from '../../contracts/har/read-har.js';
import { formatReport } from '../../contracts/format-report.js';
import { toJsonReport } from '../../contracts/to-json-report.js';
import { toJunitXml } from '../../contracts/to-junit-xml.js';
import type { ContractReport } from '../../contracts/contract-types.js';
import { getRequestExample } from '../../src/spec/spec-examples.js';
import { PROJECT, TOKEN, startCorruptServer } from './support/corrupt-server.js';
import { recordHar, type HarDocument, type HarEntry } from './support/record-har.js';
import { runProcess } from '../support/run-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COOKIE_SECRET = 'session-cookie-secret-9876';
const LIST = `/ges/v1.0/${PROJECT}/graphs/movie/jobs/status`;

let har: HarDocument;
let dir: string;
let finishedId: string;

beforeAll(async () => {
  const server = await startCorruptServer();
  try {
    const auth = { 'X-Auth-Token': TOKEN, Cookie: `theme=dark; SESSION=${COOKIE_SECRET}` };
    const list = (await (await fetch(server.url + LIST, { headers: { 'X-Auth-Token': TOKEN } })).json()) as {
      jobs: { jobId: string; status: string }[];
    };
    finishedId = list.jobs.find((job) => job.status === 'success')?.jobId as string;
    const unfinishedId = list.jobs.find((job) => job.status === 'running')?.jobId as string;
    har = await recordHar(server.url, [
      { path: '/__mock/' }, // 0: the inspector page: no GES operation
      { method: 'OPTIONS', path: LIST, headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'GET' } }, // 1: CORS preflight
      { path: LIST, headers: auth }, // 2: the default list
      { path: `${LIST}?limit=7&offset=0`, headers: auth }, // 3
      { path: `${LIST}?limit=7&offset=7`, headers: auth }, // 4
      { path: `${LIST}?limit=0`, headers: auth }, // 5
      { path: LIST.replace('/jobs/status', `/jobs/${finishedId}/status`), headers: auth }, // 6
      { path: LIST.replace('/jobs/status', `/jobs/${unfinishedId}/status`), headers: auth }, // 7
      { path: LIST }, // 8: no token: 401
      { path: `${LIST}?limit=abc`, headers: auth }, // 9: 400
      { path: LIST.replace('/graphs/movie/', '/graphs/no_such_graph/'), headers: auth }, // 10: 400
    ]);
    // 11: a third-party script, as a browser records it.
    har.log.entries.push({
      ...structuredClone(har.log.entries[0] as HarEntry),
      request: { ...(har.log.entries[0] as HarEntry).request, url: 'https://cdn.example.test/app.js' },
    });
    // The server sets a cookie on the list: the recording holds it as Set-Cookie.
    (har.log.entries[2] as HarEntry).response.headers.push({ name: 'Set-Cookie', value: `SESSION=${COOKIE_SECRET}; HttpOnly` });
  } finally {
    await server.close();
  }
  dir = await mkdtemp(join(tmpdir(), 'ges-har-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const entry = (doc: HarDocument, index: number) => doc.log.entries[index] as HarEntry;
const body = (e: HarEntry) =>
  JSON.parse(e.response.content.text as string) as Record<string, unknown> & { jobs: Record<string, unknown>[] };
const setBody = (e: HarEntry, value: unknown) => {
  e.response.content.text = JSON.stringify(value);
  e.response.content.size = e.response.content.text.length;
};
const judge = (doc: HarDocument, strict = false) => judgeRecording([{ file: 'traffic.har', text: JSON.stringify(doc) }], { strict });
const outcome = (report: ContractReport, id: string) => report.results.find((r) => r.id === id)?.outcome;
const failed = (report: ContractReport) => report.results.filter((r) => r.outcome === 'failed').map((r) => r.id);
const allText = (report: ContractReport) =>
  formatReport(report, RECORDED_TOKEN) + toJunitXml(report, RECORDED_TOKEN) + JSON.stringify(toJsonReport(report, RECORDED_TOKEN));

/** One way to corrupt the recording, the check that must catch it and the entry it must name. */
interface HarCorruption {
  name: string;
  check: string;
  kind: 'failure' | 'warning';
  index: number;
  corrupt(doc: HarDocument): void;
}

/** The corrupted recording fails (or warns on) the right check, naming the entry, and prints no secret. */
async function expectCaught(doc: HarDocument, corruption: HarCorruption): Promise<void> {
  const lenient = await judge(doc);
  const result = lenient.results.find((r) => r.id === corruption.check);
  expect(result?.outcome, formatReport(lenient, RECORDED_TOKEN)).toBe(corruption.kind === 'failure' ? 'failed' : 'warning');
  expect(lenient.exitCode).toBe(corruption.kind === 'failure' ? 1 : 0);
  if (corruption.kind === 'warning') {
    expect(failed(lenient)).toEqual([]);
    expect((await judge(doc, true)).exitCode).toBe(1);
  }
  // The finding names the entry: file, index, method, URL and time.
  const e = entry(doc, corruption.index);
  const named = result?.findings.find((f) => f.exchange?.source?.index === corruption.index);
  expect(named, JSON.stringify(result?.findings.map((f) => f.message))).toBeDefined();
  expect(formatReport(lenient, RECORDED_TOKEN)).toContain(
    `entry:    traffic.har entry #${corruption.index} ${e.request.method} ${e.request.url} at ${e.startedDateTime}`,
  );
  expect(allText(lenient)).not.toContain(TOKEN);
  expect(allText(lenient)).not.toContain(COOKIE_SECRET);
}

const corruptions: HarCorruption[] = [
  {
    name: 'a job with progress true',
    check: 'response_schema_conformance',
    kind: 'failure',
    index: 3,
    corrupt: (doc) => {
      const b = body(entry(doc, 3));
      (b.jobs[0] as Record<string, unknown>).progress = true;
      setBody(entry(doc, 3), b);
    },
  },
  {
    // The pages show JSON bodies but name no media type: a SHOULD.
    name: 'the list served as text/html',
    check: 'content_type_conformance',
    kind: 'warning',
    index: 2,
    corrupt: (doc) => {
      const e = entry(doc, 2);
      e.response.headers = e.response.headers.map((h) => (h.name.toLowerCase() === 'content-type' ? { ...h, value: 'text/html' } : h));
      e.response.content.mimeType = 'text/html';
    },
  },
  {
    name: 'a bad limit answered 422',
    check: 'status_code_conformance',
    kind: 'failure',
    index: 9,
    corrupt: (doc) => void (entry(doc, 9).response.status = 422),
  },
  {
    name: 'a page answered 500',
    check: 'not_a_server_error',
    kind: 'failure',
    index: 4,
    corrupt: (doc) => {
      entry(doc, 4).response.status = 500;
      setBody(entry(doc, 4), { errorMessage: 'Failed to query job status.', errorCode: 'GES.8302', result: 'failed' });
    },
  },
  {
    name: 'an error envelope without errorCode',
    check: 'response_schema_conformance',
    kind: 'failure',
    index: 10,
    corrupt: (doc) => {
      const b = body(entry(doc, 10));
      delete b.errorCode;
      setBody(entry(doc, 10), b);
    },
  },
  {
    name: 'failReason on a successful job',
    check: 'fail_reason_iff_failed',
    kind: 'failure',
    index: 2,
    corrupt: (doc) => {
      const b = body(entry(doc, 2));
      const job = b.jobs.find((j) => j.status === 'success') as Record<string, unknown>;
      job.failReason = 'oops';
      setBody(entry(doc, 2), b);
    },
  },
  {
    name: 'eight jobs for limit=7',
    check: 'list_limit_respected',
    kind: 'failure',
    index: 3,
    corrupt: (doc) => {
      const b = body(entry(doc, 3));
      b.jobs.push(body(entry(doc, 4)).jobs[0] as Record<string, unknown>);
      setBody(entry(doc, 3), b);
    },
  },
  {
    // jobCount as the total is the spec's decision: a SHOULD.
    name: 'jobCount differs between two pages 100 ms apart',
    check: 'job_count_consistent',
    kind: 'warning',
    index: 4,
    corrupt: (doc) => {
      const b = body(entry(doc, 4));
      b.jobCount = (b.jobCount as number) + 1;
      setBody(entry(doc, 4), b);
    },
  },
  {
    name: 'a jobCount that is no integer',
    check: 'job_count_consistent',
    kind: 'failure',
    index: 4,
    corrupt: (doc) => {
      const b = body(entry(doc, 4));
      b.jobCount = String(b.jobCount);
      setBody(entry(doc, 4), b);
    },
  },
  {
    name: 'a finished job back to running on the status endpoint',
    check: 'list_status_matches_job_status',
    kind: 'failure',
    index: 6,
    corrupt: (doc) => setBody(entry(doc, 6), { status: 'running', result: 'success' }),
  },
  {
    name: 'a 401 as an HTML page',
    check: 'auth_error_envelope',
    kind: 'warning',
    index: 8,
    corrupt: (doc) => {
      const e = entry(doc, 8);
      e.response.headers = e.response.headers.map((h) => (h.name.toLowerCase() === 'content-type' ? { ...h, value: 'text/html' } : h));
      e.response.content = { size: 20, mimeType: 'text/html', text: '<h1>401 Unauthorized</h1>' };
    },
  },
  {
    name: 'the status variant "complete"',
    check: 'status_in_documented_set',
    kind: 'warning',
    index: 2,
    corrupt: (doc) => {
      // An engine of that version says so on every list answer and on the status endpoint.
      for (const index of [2, 3, 4]) {
        const b = body(entry(doc, index));
        for (const job of b.jobs) if (job.status === 'success') job.status = 'complete';
        setBody(entry(doc, index), b);
      }
      setBody(entry(doc, 6), { ...body(entry(doc, 6)), status: 'complete' });
    },
  },
];

describe('ges-contract --har', () => {
  test('a recording of the mock passes; the non-GES entries are counted and ignored', async () => {
    const report = await judge(har, true);
    expect(failed(report), formatReport(report, RECORDED_TOKEN)).toEqual([]);
    expect(report.results.filter((r) => r.outcome === 'warning')).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.recording).toMatchObject({ files: ['traffic.har'], entries: 12, judged: 9, ignored: 2, unanswered: 0 });
    // The CORS preflight is the browser's own request: skipped, with the reason.
    expect(report.recording?.skipped).toEqual([
      {
        file: 'traffic.har',
        index: 1,
        method: 'OPTIONS',
        url: har.log.entries[1]?.request.url,
        reason: expect.stringContaining('CORS preflight'),
      },
    ]);
    // The cross-exchange checks had data to judge.
    expect(outcome(report, 'job_count_consistent')).toBe('passed');
    expect(outcome(report, 'list_status_matches_job_status')).toBe('passed');
    expect(outcome(report, 'list_limit_respected')).toBe('passed');
    expect(formatReport(report, RECORDED_TOKEN)).toContain(
      '12 entries: 9 GES exchanges judged, 2 other entries ignored, 1 skipped (made or answered by the browser, not a server)',
    );
  });

  test.each(corruptions.map((c) => [c.name, c] as const))('catches: %s', async (_name, corruption) => {
    const doc = structuredClone(har);
    corruption.corrupt(doc);
    await expectCaught(doc, corruption);
  });

  test('a body the recording left out is not judged; an aborted request is counted, not judged', async () => {
    const doc = structuredClone(har);
    delete entry(doc, 3).response.content.text;
    entry(doc, 5).response.status = 0;
    const report = await judge(doc);
    expect(failed(report)).toEqual([]);
    expect(report.recording?.unanswered).toBe(1);
  });

  test('entries the browser made or answered itself are skipped with the reason, never judged (Chrome and Firefox shapes)', async () => {
    const doc = structuredClone(har);
    const list = entry(doc, 3);
    const https = list.request.url.replace(/^http:/, 'https:');
    const chrome = (overrides: Record<string, unknown>, response: Partial<HarEntry['response']> & Record<string, unknown>): HarEntry =>
      ({
        ...structuredClone(list),
        _initiator: { type: 'script' },
        _priority: 'High',
        _resourceType: 'fetch',
        serverIPAddress: '',
        connection: '',
        ...overrides,
        response: { ...structuredClone(list.response), ...response },
      }) as HarEntry;
    const brokenList = JSON.stringify({ jobs: [{ jobId: 'x', progress: true }], jobCount: 'many' });
    doc.log.entries.push(
      // 12: Chrome's HSTS upgrade, written before the real https request: no server sent this 307.
      chrome(
        {},
        {
          status: 307,
          statusText: 'Internal Redirect',
          httpVersion: '',
          headers: [
            { name: 'Location', value: https },
            { name: 'Non-Authoritative-Reason', value: 'HSTS' },
          ],
          content: { size: 0, mimeType: 'x-unknown' },
          redirectURL: https,
          _transferSize: 0,
          _error: null,
        },
      ),
      // 13: a memory-cache hit holding a stale, even broken, body.
      chrome(
        { _fromCache: 'memory' },
        { content: { size: brokenList.length, mimeType: 'application/json', text: brokenList }, _transferSize: 0 },
      ),
      // 14: a disk-cache hit.
      chrome({ _fromCache: 'disk' }, { status: 200, _transferSize: 0 }),
      // 15: blocked by an extension: status 0 and _error.
      chrome(
        {},
        {
          status: 0,
          statusText: '',
          httpVersion: '',
          headers: [],
          content: { size: 0, mimeType: 'x-unknown' },
          _error: 'net::ERR_BLOCKED_BY_CLIENT',
        },
      ),
      // 16: a preflight Chrome lists as its own resource type.
      chrome(
        { _resourceType: 'preflight', request: { ...structuredClone(list.request), method: 'OPTIONS' } },
        { status: 204, content: { size: 0, mimeType: 'x-unknown' } },
      ),
      // 17: answered by the page's service worker.
      chrome(
        {},
        {
          _fetchedViaServiceWorker: true,
          status: 500,
          content: { size: brokenList.length, mimeType: 'text/html', text: '<h1>offline</h1>' },
        },
      ),
      // 18: Firefox: a revalidation the browser added (If-None-Match), answered 304 without a body.
      {
        ...structuredClone(list),
        request: { ...structuredClone(list.request), headers: [...list.request.headers, { name: 'If-None-Match', value: 'W/"61-abc"' }] },
        response: {
          ...structuredClone(list.response),
          status: 304,
          statusText: 'Not Modified',
          content: { size: 0, mimeType: 'application/json' },
        },
      },
      // 19: Firefox: a request cancelled by a navigation, status 0 with nothing else.
      {
        ...structuredClone(list),
        response: {
          status: 0,
          statusText: '',
          httpVersion: '',
          headers: [],
          cookies: [],
          content: { size: 0, mimeType: '' },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
        },
      },
    );
    const report = await judge(doc, true);
    expect(failed(report), formatReport(report, RECORDED_TOKEN)).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.recording).toMatchObject({ entries: 20, judged: 9, unanswered: 2 });
    const reasons = new Map(report.recording?.skipped.map((skip) => [skip.index, skip.reason]));
    expect(reasons.get(12)).toBe(
      `the browser's own internal redirect (307 Internal Redirect, Non-Authoritative-Reason: HSTS to ${https}), not a server's answer`,
    );
    expect(reasons.get(13)).toBe("answered from the browser's memory cache, not by a server");
    expect(reasons.get(14)).toBe("answered from the browser's disk cache, not by a server");
    expect(reasons.get(15)).toBe('no response: the request was blocked, aborted or failed in the browser (net::ERR_BLOCKED_BY_CLIENT)');
    expect(reasons.get(16)).toContain('CORS preflight');
    expect(reasons.get(17)).toBe('answered by a service worker, not by a server');
    expect(reasons.get(18)).toBe('304 Not Modified: the browser revalidated its cached copy with a conditional request it added');
    expect(reasons.get(19)).toBe('no response: the request was blocked, aborted or failed in the browser');
    const text = formatReport(report, RECORDED_TOKEN);
    expect(text).toContain(`skipped: traffic.har entry #12 GET ${list.request.url}: the browser's own internal redirect`);
    expect(allText(report)).not.toContain(TOKEN);
    // The same Chrome redirect judged as if a server sent it would fail status_code_conformance.
    expect(text).not.toContain('answered 307');
  });

  test('a recording holding only browser-made GES entries judges nothing (exit 2) and says why', async () => {
    const doc = structuredClone(har);
    doc.log.entries = [
      {
        ...entry(doc, 3),
        response: {
          ...entry(doc, 3).response,
          status: 307,
          statusText: 'Internal Redirect',
          headers: [{ name: 'Non-Authoritative-Reason', value: 'HSTS' }],
        },
      },
    ];
    const report = await judge(doc);
    expect(report.exitCode).toBe(2);
    expect(report.preflight?.message).toContain('1 GES entries were made or answered by the browser itself');
  });

  test('the CLI: exit 0 on the recording, 1 on a corrupted one with the three reports, 2 on a file that is no HAR; secrets never printed', async () => {
    const good = join(dir, 'good.har');
    const bad = join(dir, 'bad.har');
    const notHar = join(dir, 'not.har');
    const doc = structuredClone(har);
    corruptions[0]?.corrupt(doc);
    await Promise.all([writeFile(good, JSON.stringify(har)), writeFile(bad, JSON.stringify(doc)), writeFile(notHar, '{"log":{}}')]);
    const cli = (args: string[]) =>
      runProcess(process.execPath, ['bin/ges-contract.js', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
    const junit = join(dir, 'har.xml');
    const json = join(dir, 'har.json');
    const [pass, fail, broken, clash] = await Promise.all([
      cli(['--har', good, '--strict']),
      cli(['--har', good, '--har', bad, '--junit', junit, '--json', json]),
      cli(['--har', notHar]),
      cli(['--har', good, '--base-url', 'http://127.0.0.1:1']),
    ]);
    expect(pass.code, pass.stdout + pass.stderr).toBe(0);
    expect(pass.stdout).toContain(`GES contract, recorded traffic: ${good}  (strict)`);
    expect(fail.code, fail.stdout + fail.stderr).toBe(1);
    expect(fail.stdout).toMatch(/FAIL {2}response_schema_conformance/);
    expect(fail.stdout).toContain(`entry:    ${bad} entry #3 GET `);
    expect(fail.stdout).toContain('jobs[0].progress: must be an integer or a string');
    expect(fail.stdout).toContain('-H "X-Auth-Token: $GES_TOKEN"');
    const written = fail.stdout + (await readFile(junit, 'utf8')) + (await readFile(json, 'utf8'));
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({ exitCode: 1, recording: { entries: 24, judged: 18, ignored: 4 } });
    expect(written).not.toContain(TOKEN);
    expect(written).not.toContain(COOKIE_SECRET);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toContain(`Nothing was judged: ${notHar} is not a HAR file: it has no log.entries array`);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--har judges a recording offline and excludes --base-url');
  });
});

describe('ges-contract --har on the APIs that create jobs', () => {
  test('every operation of the spec is recognised, as the mock routes it (behind a gateway prefix too), and judged', async () => {
    const server = await startCorruptServer();
    let recorded: HarDocument;
    try {
      const auth = { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' };
      const graph = `/ges/v1.0/${PROJECT}/graphs/movie`;
      recorded = await recordHar(server.url, [
        { method: 'POST', path: `${graph}/vertices/action?action_id=query`, headers: auth, body: '{"labels":["user"],"limit":2}' }, // 0
        {
          method: 'POST',
          path: `${graph}/edges/action?action_id=batch-delete`,
          headers: auth,
          body: '{"edges":[{"source":"x1","target":"x2"}]}',
        }, // 1
        {
          method: 'POST',
          path: `${graph}/indices`,
          headers: auth,
          body: '{"indexName":"harIndex","indexType":"FullTextIndex","indexProperty":["title"]}',
        }, // 2
        { method: 'DELETE', path: `${graph}/indices/harIndex`, headers: auth }, // 3
        { method: 'POST', path: `${graph}/jobs/no-such-job/action?action_id=export-result`, headers: auth, body: '{"exportPath":"out/"}' }, // 4
      ]);
    } finally {
      await server.close();
    }
    // A gateway in front: its prefix before /ges/ does not hide the operation.
    const prefixed = entry(recorded, 0);
    prefixed.request.url = prefixed.request.url.replace('/ges/', '/gateway/v2/ges/');
    const report = await judge(recorded, true);
    expect(failed(report), formatReport(report, RECORDED_TOKEN)).toEqual([]);
    expect(report.recording).toMatchObject({ entries: 5, judged: 5, ignored: 0 });
    const exercised = report.coverage.pairs.filter((pair) => pair.exercised).map((pair) => `${pair.operationId} ${pair.status}`);
    expect(exercised).toEqual(['queryVertices 200', 'queryEdges 200', 'createIndex 200', 'deleteIndex 200', 'exportJobResult 400']);

    // A vertex filter query answered without its jobId breaks the schema and the page's answer, and the finding names the entry.
    const broken = structuredClone(recorded);
    setBody(entry(broken, 0), { jobType: 1 });
    const brokenReport = await judge(broken);
    expect(failed(brokenReport).sort()).toEqual(['job_kinds_submitted', 'response_schema_conformance']);
    const finding = brokenReport.results.find((r) => r.id === 'response_schema_conformance')?.findings[0];
    expect(finding?.exchange?.source?.index).toBe(0);
    expect(finding?.message).toContain('queryVertices 200');
  });
});

describe('ges-contract --har judges the job kinds from the traffic alone', () => {
  const graph = `/ges/v1.0/${PROJECT}/graphs/movie`;
  const missing = `/ges/v1.0/${PROJECT}/graphs/no_such_graph`;
  const auth = { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' };
  const post = (path: string, body: unknown) => ({ method: 'POST', path, headers: auth, body: JSON.stringify(body) });
  const INDEX = { indexName: 'harIndex', indexType: 'GlobalCompositeVertexIndex', hasLabel: 'true', indexProperty: ['age'] };
  let kinds: HarDocument;

  beforeAll(async () => {
    const server = await startCorruptServer();
    try {
      const first = await recordHar(server.url, [
        { path: `${graph}/jobs/status`, headers: auth }, // 0: the whole list, before
        post(`${graph}/vertices/action?action_id=query`, { labels: ['user'], limit: 2 }), // 1: a job
        post(`${graph}/edges/action?action_id=batch-delete`, { edges: [{ source: 'x1', target: 'x2' }] }), // 2: at once
        post(`${graph}/action?action_id=filtered-query`, getRequestExample('executeAlgorithm', 'FilteredQuerySyncPage')), // 3: at once
        post(`${graph}/indices`, INDEX), // 4: a job
        post(`${graph}/vertices/action?action_id=query`, { offset: 0, limit: 2 }), // 5: 400 GES.8203, as the page shows
        post(`${graph}/edges/action?action_id=batch-delete`, { edges: [{ target: 'x2' }] }), // 6: 400 GES.8000, as the page shows
        { path: `${graph}/jobs/status`, headers: auth }, // 7: the whole list, after
        { path: `${missing}/jobs/status`, headers: auth }, // 8: 400 GES.8000: the graph does not exist
        post(`${missing}/indices`, INDEX), // 9: 400 GES.8603, as the page shows
      ]);
      const jobId = body(entry(first, 1)).jobId as string;
      const second = await recordHar(server.url, [{ path: `${graph}/jobs/${jobId}/status`, headers: auth }]); // 10
      const status = entry(second, 0);
      status.startedDateTime = new Date(Date.parse(entry(first, 9).startedDateTime) + 100).toISOString();
      first.log.entries.push(status);
      kinds = first;
    } finally {
      await server.close();
    }
  });

  const jobIdOf = (doc: HarDocument, index: number) => body(entry(doc, index)).jobId as string;
  const editListed = (doc: HarDocument, index: number, edit: (jobs: Record<string, unknown>[]) => Record<string, unknown>[]) => {
    const list = body(entry(doc, index));
    const jobs = edit(list.jobs);
    setBody(entry(doc, index), { ...list, jobs, jobCount: jobs.length });
  };
  const envelope = (errorCode: string, errorMessage: string) => ({ errorMessage, errorCode, result: 'failed' });

  const kindCorruptions: HarCorruption[] = [
    {
      name: 'create index answered without the jobType its page shows',
      check: 'job_kinds_submitted',
      kind: 'failure',
      index: 4,
      corrupt: (doc) => setBody(entry(doc, 4), { jobId: jobIdOf(doc, 4) }),
    },
    {
      // No page gives the numbers a meaning: the page's own number is the spec's preference.
      name: 'a vertex filter query answered jobType 0',
      check: 'job_kinds_submitted',
      kind: 'warning',
      index: 1,
      corrupt: (doc) => setBody(entry(doc, 1), { jobId: jobIdOf(doc, 1), jobType: 0 }),
    },
    {
      name: 'a synchronous Filtered-query answered with a job instead of its result',
      check: 'job_kinds_submitted',
      kind: 'failure',
      index: 3,
      corrupt: (doc) => setBody(entry(doc, 3), { jobId: 'f9987cab-64d3-4b3d-ac43-e91ae0c21bef168127124', jobType: 1 }),
    },
    {
      name: 'a refused vertex filter query whose job the list then holds',
      check: 'job_kinds_submitted',
      kind: 'failure',
      index: 7,
      corrupt: (doc) => {
        entry(doc, 1).response.status = 400;
        setBody(entry(doc, 1), envelope('GES.8201', 'Invalid label for vertex filtering queries'));
      },
    },
    {
      name: 'the list read after the vertex filter query does not hold its job',
      check: 'job_kinds_listed',
      kind: 'failure',
      index: 7,
      corrupt: (doc) => editListed(doc, 7, (jobs) => jobs.filter((job) => job.jobId !== jobIdOf(doc, 1))),
    },
    {
      name: 'the status endpoint does not know the vertex filter query job',
      check: 'job_kinds_listed',
      kind: 'failure',
      index: 10,
      corrupt: (doc) => {
        entry(doc, 10).response.status = 400;
        setBody(entry(doc, 10), envelope('GES.8301', `can not find job, jobId is ${jobIdOf(doc, 1)}`));
      },
    },
    {
      // The pages name only Algorithm and ImportGraph: CreateIndex is the spec's name.
      name: 'the create index job listed with taskType Index',
      check: 'job_kinds_listed',
      kind: 'warning',
      index: 7,
      corrupt: (doc) =>
        editListed(doc, 7, (jobs) => jobs.map((job) => (job.jobId === jobIdOf(doc, 4) ? { ...job, taskType: 'Index' } : job))),
    },
    {
      name: "the vertex filter query job's rawRequest lost its labels",
      check: 'job_kinds_listed',
      kind: 'warning',
      index: 7,
      corrupt: (doc) =>
        editListed(doc, 7, (jobs) => jobs.map((job) => (job.jobId === jobIdOf(doc, 1) ? { ...job, rawRequest: '{"limit":2}' } : job))),
    },
    {
      name: 'a vertex filter query naming neither labels nor vertexFilters accepted',
      check: 'job_kind_refusals',
      kind: 'failure',
      index: 5,
      corrupt: (doc) => {
        entry(doc, 5).response.status = 200;
        setBody(entry(doc, 5), { jobId: 'ffffffff-0000-4000-8000-000000000005', jobType: 1 });
      },
    },
    {
      name: 'a refused batch delete whose edge has no source carries a jobId',
      check: 'job_kind_refusals',
      kind: 'failure',
      index: 6,
      corrupt: (doc) => setBody(entry(doc, 6), { ...body(entry(doc, 6)), jobId: 'ffffffff-0000-4000-8000-000000000006' }),
    },
    {
      name: 'create index on a graph the recording shows absent answered GES.8000',
      check: 'job_kind_refusals',
      kind: 'failure',
      index: 9,
      corrupt: (doc) => setBody(entry(doc, 9), envelope('GES.8000', 'graph [no_such_graph] is not found')),
    },
  ];

  test("a recording of the mock passes, strict: each API's answers, jobs and refusals judged", async () => {
    const report = await judge(kinds, true);
    expect(failed(report), formatReport(report, RECORDED_TOKEN)).toEqual([]);
    expect(report.results.filter((r) => r.outcome === 'warning')).toEqual([]);
    for (const id of ['job_kinds_submitted', 'job_kinds_listed', 'job_kind_refusals']) expect(outcome(report, id), id).toBe('passed');
    const note = (id: string) => report.results.find((r) => r.id === id)?.note;
    expect(note('job_kinds_submitted')).toBe(
      '4 answers: 2 created a job, 2 answered at once, 0 refused; 3 refusals the pages document, judged by job_kind_refusals',
    );
    expect(note('job_kind_refusals')).toBe('3 refusals');
  });

  test.each(kindCorruptions.map((c) => [c.name, c] as const))('catches: %s', async (_name, corruption) => {
    const doc = structuredClone(kinds);
    corruption.corrupt(doc);
    await expectCaught(doc, corruption);
  });

  test('an API the engine does not offer (405) is reported, not failed; the 405 warns as the spec decided', async () => {
    const doc = structuredClone(kinds);
    entry(doc, 4).response.status = 405;
    setBody(entry(doc, 4), envelope('GES.8000', `No such API: POST ${graph}/indices`));
    const report = await judge(doc);
    expect(failed(report), formatReport(report, RECORDED_TOKEN)).toEqual([]);
    expect(outcome(report, 'status_code_conformance')).toBe('warning');
    expect(report.results.find((r) => r.id === 'job_kinds_submitted')?.note).toContain('not offered: createIndex');
  });

  test("a refusal's code on a graph is judged only where the recording shows the graph does not exist", async () => {
    const doc = structuredClone(kinds);
    setBody(entry(doc, 9), envelope('GES.8000', 'graph [no_such_graph] is not found'));
    // Without the list that said so, nothing in the traffic says the graph is absent: only a probe can tell.
    entry(doc, 8).response.status = 200;
    setBody(entry(doc, 8), { jobs: [], jobCount: 0 });
    const report = await judge(doc, true);
    expect(failed(report), formatReport(report, RECORDED_TOKEN)).toEqual([]);
    expect(report.results.find((r) => r.id === 'job_kind_refusals')?.note).toBe('2 refusals');
  });

  test('a list answered further than 5 s after the job was made is not compared', async () => {
    const doc = structuredClone(kinds);
    editListed(doc, 7, (jobs) => jobs.filter((job) => job.jobId !== jobIdOf(doc, 1)));
    for (const index of [7, 8, 9, 10]) {
      entry(doc, index).startedDateTime = new Date(Date.parse(entry(doc, index).startedDateTime) + 6000).toISOString();
    }
    const report = await judge(doc, true);
    expect(failed(report), formatReport(report, RECORDED_TOKEN)).toEqual([]);
  });
});
