/**
 * The report formats on a hand-made report: the text report, JUnit XML and JSON say the same thing,
 * escape what they must, and never show the token.
 */
import { describe, expect, test } from 'vitest';
import type { CheckResult, ContractReport, Exchange } from '../../contracts/contract-types.js';
import { formatReport } from '../../contracts/format-report.js';
import { toCurl } from '../../contracts/to-curl.js';
import { toJsonReport } from '../../contracts/to-json-report.js';
import { toJunitXml } from '../../contracts/to-junit-xml.js';

const TOKEN = "t0k'en";

const exchange: Exchange = {
  seq: 1,
  operationId: 'executeAlgorithm',
  authenticated: true,
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:4010/ges/v1.0/p1/graphs/movie/action?action_id=execute-algorithm',
    headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
    body: `{"algorithmName":"it's <odd> & \\"quoted\\""}`,
  },
  response: { status: 500, headers: {}, contentType: 'text/html', text: '<h1>oops & co</h1>' },
  durationMs: 3,
};

const result = (id: string, outcome: CheckResult['outcome'], level: CheckResult['level'] = 'must'): CheckResult => ({
  id,
  group: 'conformance',
  level,
  description: `${id} holds.`,
  outcome,
  ...(outcome === 'skipped' ? { note: 'read-only run' } : {}),
  findings:
    outcome === 'failed' || outcome === 'warning'
      ? [{ message: 'answered 500 <html>', expected: 'a 2xx or 4xx answer', actual: '500 text/html <h1>oops & co</h1>', exchange }]
      : [],
  omittedFindings: outcome === 'failed' ? 2 : 0,
  durationMs: 12,
});

const report: ContractReport = {
  target: { baseUrl: 'http://127.0.0.1:4010', projectId: 'p1', graph: 'movie', missingGraph: 'nosuchgraph_x' },
  strict: false,
  allowMutations: true,
  operations: ['listJobs', 'getJobStatus', 'cancelJob', 'executeAlgorithm'],
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 321,
  results: [
    result('not_a_server_error', 'failed'),
    result('newest_first_order', 'warning', 'should'),
    result('cancel_again_rejected', 'skipped'),
    result('status_code_conformance', 'passed'),
  ],
  coverage: {
    exercised: 1,
    documented: 28,
    pairs: [{ operationId: 'executeAlgorithm', status: '500', exercised: true }],
    gaps: [{ pairs: ['listJobs 403', 'getJobStatus 403'], reason: 'need --forbidden-token' }],
  },
  requests: 1,
  exitCode: 1,
};

describe('report formats', () => {
  test('a curl line reproduces the request, quoting for the shell and hiding the token behind $GES_TOKEN', () => {
    expect(toCurl(exchange.request, TOKEN)).toBe(
      `curl -sS -i -X POST 'http://127.0.0.1:4010/ges/v1.0/p1/graphs/movie/action?action_id=execute-algorithm' -H "X-Auth-Token: $GES_TOKEN" -H 'Content-Type: application/json' --data-binary '{"algorithmName":"it'\\''s <odd> & \\"quoted\\""}'`,
    );
  });

  test('the text report groups checks, shows request, expectation and answer, totals and coverage', () => {
    const text = formatReport(report, TOKEN);
    expect(text).toContain('FAIL  not_a_server_error');
    expect(text).toContain('WARN  newest_first_order');
    expect(text).toContain('SKIP  cancel_again_rejected');
    expect(text).toContain('expected: a 2xx or 4xx answer');
    expect(text).toContain('got:      500 text/html <h1>oops & co</h1>');
    expect(text).toContain('… and 2 more');
    expect(text).toContain('4 checks: 1 passed, 1 failed, 1 warnings, 1 skipped');
    expect(text.split('\n').at(-2)).toBe('Coverage: 1/28 documented (operation × status) pairs exercised (4%): executeAlgorithm 500');
    expect(text.split('\n').at(-1)).toBe('  not exercised, need --forbidden-token: listJobs 403 · getJobStatus 403');
    expect(text).not.toContain(TOKEN);
  });

  test('JUnit XML: a failure element, a warning in system-out, a skipped element, everything escaped', () => {
    const xml = toJunitXml(report, TOKEN);
    expect(xml).toContain('<testsuites name="ges-contract" tests="4" failures="1" errors="0" skipped="1" time="0.321">');
    expect(xml).toContain('<failure message="answered 500 &lt;html&gt;" type="must">');
    expect(xml).toContain('<system-out>WARNING (should): newest_first_order holds.');
    expect(xml).toContain('<skipped message="read-only run"/>');
    expect(xml).toContain('&lt;h1&gt;oops &amp; co&lt;/h1&gt;');
    expect(xml).not.toMatch(/<h1>|& co/);
    expect(xml).not.toContain(TOKEN);
  });

  test('a misconfigured target is one JUnit error and its paragraph in the text report', () => {
    const message = 'Misconfiguration (connection), nothing was checked: nothing accepted a connection at 127.0.0.1:9. Asked: GET …';
    const misconfigured: ContractReport = { ...report, results: [], preflight: { kind: 'connection', message }, exitCode: 2 };
    expect(formatReport(misconfigured)).toContain(message);
    expect(toJunitXml(misconfigured)).toContain(
      `<testcase classname="ges-contract.preflight" name="preflight" time="0.321">\n      <error message="${message}" type="connection"/>`,
    );
  });

  test('JUnit counts in <testsuites> are the sums of its <testsuite> elements, on every path', () => {
    const misconfigured: ContractReport = { ...report, results: [], preflight: { kind: 'token', message: 'no token' }, exitCode: 2 };
    const empty: ContractReport = { ...report, results: [], exitCode: 0 };
    const many: ContractReport = {
      ...report,
      results: [
        ...report.results,
        { ...result('limit_zero_empty', 'failed'), group: 'list' },
        { ...result('forbidden_token_code', 'skipped'), group: 'errors' },
      ],
    };
    for (const each of [report, misconfigured, empty, many]) {
      const xml = toJunitXml(each);
      const counts = (tag: string) =>
        [...xml.matchAll(new RegExp(`<${tag} name="[^"]*" tests="(\\d+)" failures="(\\d+)" errors="(\\d+)" skipped="(\\d+)"`, 'g'))].map(
          (m) => m.slice(1).map(Number),
        );
      const [total] = counts('testsuites');
      const sums = counts('testsuite').reduce((acc, row) => acc.map((value, i) => value + (row[i] as number)), [0, 0, 0, 0]);
      expect(total, xml).toEqual(sums);
      expect(total?.[0]).toBe(xml.match(/<testcase /g)?.length ?? 0);
    }
  });

  test('a string and a number never print alike, and a schema failure names the body path and the rule in words', async () => {
    const { showValue } = await import('../../src/spec/job-facts.js');
    expect(showValue('12')).toBe('"12"');
    expect(showValue(12)).toBe('12');
    expect(showValue(undefined)).toBe('(absent)');
    const { describeViolations, toBodyPath } = await import('../../contracts/describe-violations.js');
    const { sharedSpecValidator } = await import('../../src/spec/spec-validator.js');
    expect(toBodyPath('/jobs/3/progress')).toBe('jobs[3].progress');
    const body = {
      jobs: [
        {
          jobId: 'a',
          status: 'success',
          progress: '100',
          taskType: 'Algorithm',
          rawRequest: '',
          canStop: false,
          startTime: '2024-01-01 00:00:00',
          endTime: '2024-01-01 00:00:01',
        },
      ],
      jobCount: '1',
    };
    (body.jobs[0] as Record<string, unknown>).progress = true;
    const lines = describeViolations(body, sharedSpecValidator().validate('#/components/schemas/JobList', body));
    expect(lines).toContain('jobCount: must be an integer (got "1")');
    expect(lines.find((line) => line.startsWith('jobs[0].progress: '))).toMatch(
      /^jobs\[0\]\.progress: must be an integer or a string; .*\(got true\)$/,
    );
    expect(lines.join('\n')).not.toContain('#/components');
  });

  test('the JSON report carries each finding with its request (curl included) and response', () => {
    const json = toJsonReport(report, TOKEN) as { summary: unknown; checks: { id: string; findings: Record<string, unknown>[] }[] };
    expect(json.summary).toEqual({ checks: 4, passed: 1, failed: 1, warnings: 1, skipped: 1, requests: 1 });
    expect(json.checks[0]?.findings[0]).toMatchObject({
      message: 'answered 500 <html>',
      request: { method: 'POST', curl: expect.stringContaining('$GES_TOKEN') },
      response: { status: 500, contentType: 'text/html', body: '<h1>oops & co</h1>' },
    });
    expect(JSON.stringify(json)).not.toContain(TOKEN);
  });
});
