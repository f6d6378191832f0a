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
  findings: outcome === 'failed' || outcome === 'warning' ? [{ message: 'answered 500 <html>', expected: 'a 2xx or 4xx answer', actual: '500 text/html <h1>oops & co</h1>', exchange }] : [],
  omittedFindings: outcome === 'failed' ? 2 : 0,
  durationMs: 12,
});

const report: ContractReport = {
  target: { baseUrl: 'http://127.0.0.1:4010', projectId: 'p1', graph: 'movie', missingGraph: 'nosuchgraph_x' },
  strict: false,
  allowMutations: true,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 321,
  results: [result('not_a_server_error', 'failed'), result('newest_first_order', 'warning', 'should'), result('cancel_again_rejected', 'skipped'), result('status_code_conformance', 'passed')],
  coverage: { exercised: 1, documented: 28, pairs: [{ operationId: 'executeAlgorithm', status: '500', exercised: true }] },
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
    expect(text.split('\n').at(-1)).toBe('Coverage: 1/28 documented (operation × status) pairs exercised (4%): executeAlgorithm 500');
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

  test('an unreachable target is one JUnit error and a plain sentence in the text report', () => {
    const unreachable: ContractReport = { ...report, results: [], unreachable: 'http://127.0.0.1:9 did not answer: fetch failed (ECONNREFUSED)', exitCode: 2 };
    expect(formatReport(unreachable)).toContain('Target unreachable: http://127.0.0.1:9 did not answer');
    expect(toJunitXml(unreachable)).toContain('<testcase classname="ges-contract" name="target_reachable"><error message="http://127.0.0.1:9 did not answer');
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
