/**
 * What the proxy says about the answers it judged: each violation once, naming its check, level,
 * evidence, a curl line and the exchange; `GET /__mock/violations` (JSON, per project, filtered, or
 * the session's JUnit/JSON/text report) under the control routes' rules; the X-Ges-Violations header
 * when asked for; what only a comparison shows, found across exchanges.
 */
import { describe, expect, test } from 'vitest';
import { createLiveJudge } from '../../contracts/live/create-live-judge.js';
import type { GesProxy, GesProxyOptions } from '../../src/proxy/create-ges-proxy.js';
import type { ListedViolation } from '../../src/proxy/violation-list.js';
import { useProxyHarness } from './support/proxy-harness.js';
import { sendJson } from './support/scripted-upstream.js';

const P1 = '0123456789abcdef0123456789abcdef';
const P2 = 'fedcba9876543210fedcba9876543210';
const listPath = (project: string) => `/ges/v1.0/${project}/graphs/movie/jobs/status`;
const TOKEN = 'proxy-test-token';
const auth = { 'X-Auth-Token': TOKEN };

const job = (fields: Record<string, unknown> = {}) => ({
  jobId: 'b236a002-6acb-40cd-acca-bc3eb96b807d001680206',
  rawRequest: '',
  taskType: 'Algorithm',
  canStop: false,
  progress: '100',
  startTime: '2024-05-23 10:00:00',
  endTime: '2024-05-23 10:05:00',
  status: 'success',
  ...fields,
});

/** An engine whose list holds one job with these fields, and whose status endpoint says `statusAnswer`. */
function engine(fields: Record<string, unknown> = {}, statusAnswer: unknown = { status: 'success', data: {} }) {
  return (seen: { url: string }, res: Parameters<typeof sendJson>[0]) => {
    if (/\/jobs\/status(\?|$)/.test(seen.url)) sendJson(res, { jobs: [job(fields)], jobCount: 1 });
    else sendJson(res, statusAnswer);
  };
}

const { proxyTo, scripted } = useProxyHarness();

async function setUp(
  answer: Parameters<typeof scripted>[0],
  options: Partial<GesProxyOptions> = {},
): Promise<{ proxy: GesProxy; told: ListedViolation[] }> {
  const upstream = await scripted(answer);
  const told: ListedViolation[] = [];
  const proxy = await proxyTo(upstream.url, { onViolation: (violation) => told.push(violation), ...options });
  return { proxy, told };
}

const get = (proxy: GesProxy, path: string, headers: Record<string, string> = auth) => fetch(proxy.url + path, { headers });

describe('the violation list', () => {
  test('a broken answer is listed with its check, level, evidence, a curl line and the exchange; each violation once', async () => {
    const { proxy, told } = await setUp(engine({ failReason: 'should not be here' }));
    await get(proxy, `${listPath(P1)}?limit=5`);
    await get(proxy, `${listPath(P1)}?limit=5`);
    const { violations, failed, exchanges } = (await (await get(proxy, '/__mock/violations')).json()) as {
      violations: ListedViolation[];
      failed: number;
      exchanges: { proxied: number; judged: number };
    };
    expect(exchanges).toMatchObject({ proxied: 2, judged: 2 });
    const reasons = violations.filter((v) => v.check === 'fail_reason_iff_failed');
    // Two answers broke the rule: one violation each, however often they were judged.
    expect(reasons.map((v) => v.exchange?.seq)).toEqual([1, 2]);
    expect(reasons[0]).toMatchObject({
      id: expect.any(Number),
      group: 'jobs',
      level: 'must',
      outcome: 'failed',
      evidence: expect.stringMatching(/^MUST .*failReason is present exactly when status is failed/),
      message: expect.stringContaining('failReason'),
      curl: expect.stringContaining('-H "X-Auth-Token: $GES_TOKEN"'),
      exchange: { method: 'GET', status: 200, operationId: 'listJobs', project: P1, graph: 'movie' },
    });
    expect(reasons[0]?.curl).toContain(`${proxy.upstream}${listPath(P1)}?limit=5`);
    expect(failed).toBe(violations.filter((v) => v.outcome === 'failed').length);
    expect(told.map((v) => v.id)).toEqual(violations.map((v) => v.id));
  });

  test('a valid answer is no violation', async () => {
    const { proxy } = await setUp(engine());
    await get(proxy, `${listPath(P1)}?limit=5`);
    expect(await proxy.violations()).toEqual([]);
  });

  test('what only a comparison shows is found across exchanges: the list says success, the status endpoint running', async () => {
    const { proxy } = await setUp(engine({}, { status: 'running' }));
    await get(proxy, listPath(P1));
    await get(proxy, `/ges/v1.0/${P1}/graphs/movie/jobs/${job().jobId}/status`);
    const violations = await proxy.violations(); // waits for the judging in flight, and a pass across
    expect(violations.map((v) => v.check)).toEqual(['list_status_matches_job_status']);
    expect(violations[0]?.exchange?.seq).toBe(2);
  });

  test('SHOULD rules warn, and fail when judging strictly', async () => {
    const lenient = await setUp(engine({ progress: 100 }));
    await get(lenient.proxy, listPath(P1));
    expect((await lenient.proxy.violations()).map((v) => [v.check, v.level, v.outcome])).toEqual([
      ['progress_as_string', 'should', 'warning'],
    ]);
    const strict = await setUp(engine({ progress: 100 }), { judge: createLiveJudge({ strict: true }) });
    await get(strict.proxy, listPath(P1));
    expect((await strict.proxy.violations()).map((v) => v.outcome)).toEqual(['failed']);
  });

  test('per project and filtered; a bad filter is a 400 envelope', async () => {
    const { proxy } = await setUp(engine({ failReason: 'x', progress: 100 }));
    await get(proxy, listPath(P1));
    await get(proxy, listPath(P2));
    const list = async (path: string) => ((await (await get(proxy, path)).json()) as { violations: ListedViolation[] }).violations;
    const all = await list('/__mock/violations');
    expect(new Set(all.map((v) => v.exchange?.project))).toEqual(new Set([P1, P2]));
    expect((await list(`/__mock/projects/${P2}/violations`)).every((v) => v.exchange?.project === P2)).toBe(true);
    expect((await list(`/__mock/violations?project=${P1}`)).every((v) => v.exchange?.project === P1)).toBe(true);
    const should = await list('/__mock/violations?level=should');
    expect(should.map((v) => v.check)).toContain('progress_as_string');
    expect(should.every((v) => v.level === 'should')).toBe(true);
    expect((await list('/__mock/violations?check=fail_reason_iff_failed')).length).toBe(2);
    const bad = await get(proxy, '/__mock/violations?format=pdf');
    expect([bad.status, ((await bad.json()) as { errorCode: string }).errorCode]).toEqual([400, 'GES.8000']);
  });

  test("?format=junit, json and text are the session's report, as ges-contract writes them", async () => {
    const { proxy } = await setUp(engine({ failReason: 'x' }));
    await get(proxy, listPath(P1));
    const junit = await get(proxy, '/__mock/violations?format=junit');
    expect(junit.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await junit.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toMatch(/<testcase [^>]*name="fail_reason_iff_failed"/);
    expect(xml).toContain('<failure');
    const json = (await (await get(proxy, '/__mock/violations?format=json')).json()) as {
      exitCode: number;
      recording: { judged: number };
      checks: { id: string; outcome: string }[];
    };
    expect(json.exitCode).toBe(1);
    expect(json.recording.judged).toBe(1);
    expect(json.checks.find((check) => check.id === 'fail_reason_iff_failed')?.outcome).toBe('failed');
    const text = await (await get(proxy, '/__mock/violations?format=text')).text();
    expect(text).toContain(`GES contract, recorded traffic: traffic proxied to ${proxy.upstream}`);
    expect(text).toMatch(/FAIL {2}fail_reason_iff_failed/);
  });

  test('the route follows the control routes: the control token, --no-control, GET and HEAD only', async () => {
    const guarded = await setUp(engine(), { controlToken: 's3cret' });
    expect((await get(guarded.proxy, '/__mock/violations')).status).toBe(401);
    expect((await get(guarded.proxy, '/__mock/violations', { 'X-Mock-Control-Token': 's3cret' })).status).toBe(200);
    const head = await fetch(`${guarded.proxy.url}/__mock/violations`, { method: 'HEAD', headers: { 'X-Mock-Control-Token': 's3cret' } });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect(
      (await fetch(`${guarded.proxy.url}/__mock/violations`, { method: 'DELETE', headers: { 'X-Mock-Control-Token': 's3cret' } })).status,
    ).toBe(404);
    const hidden = await setUp(engine(), { control: false });
    expect((await get(hidden.proxy, '/__mock/violations')).status).toBe(404);
  });

  test('without a judge nothing is judged, and there is no report', async () => {
    const { proxy } = await setUp(engine({ failReason: 'x' }), { judge: undefined });
    await get(proxy, listPath(P1));
    expect(await (await get(proxy, '/__mock/violations')).json()).toMatchObject({
      judging: false,
      violations: [],
      exchanges: { proxied: 1, judged: 0 },
    });
    expect((await get(proxy, '/__mock/violations?format=junit')).status).toBe(400);
  });
});

describe('the X-Ges-Violations header', () => {
  test("marks an answer that broke a rule with the rules it broke, readable by a page's script", async () => {
    const { proxy } = await setUp(engine({ failReason: 'x' }), { violationsHeader: true });
    const answer = await get(proxy, listPath(P1), { ...auth, Origin: 'http://app.example' });
    const marked = JSON.parse(answer.headers.get('x-ges-violations') ?? '[]') as { check: string; level: string }[];
    expect(marked.map((v) => v.check)).toContain('fail_reason_iff_failed');
    expect(marked[0]?.level).toBe('must');
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(answer.headers.get('access-control-expose-headers')).toContain('X-Ges-Violations');
  });

  test('is absent on an answer that broke none, and without the option', async () => {
    const valid = await setUp(engine(), { violationsHeader: true });
    expect((await get(valid.proxy, listPath(P1))).headers.get('x-ges-violations')).toBeNull();
    const off = await setUp(engine({ failReason: 'x' }));
    expect((await get(off.proxy, listPath(P1))).headers.get('x-ges-violations')).toBeNull();
  });
});
