/**
 * A pass always rests on at least one answer of the kind the check is about. A check that judged
 * nothing (every lookup of a failed job's status answered 404; every request with the forbidden token
 * accepted, so there was no refusal to judge) is skipped with the reason, and the text, JUnit and JSON
 * reports count it as skipped, never as passed.
 */
import { describe, expect, test } from 'vitest';
import { contractChecks } from '../../contracts/contract-checks.js';
import { createContractSession } from '../../contracts/contract-session.js';
import { runCheck, runContract } from '../../contracts/run-contract.js';
import { toJsonReport } from '../../contracts/to-json-report.js';
import { toJunitXml } from '../../contracts/to-junit-xml.js';
import { FORBIDDEN_TOKEN, PROJECT, TOKEN, startCorruptServer, withToken } from './support/corrupt-server.js';

const check = (id: string) => contractChecks.find((candidate) => candidate.id === id) as (typeof contractChecks)[number];

describe('a check that judged nothing', () => {
  test("is skipped when every failed job's status lookup answered 404, and the reports count it so", async () => {
    const server = await startCorruptServer(async (seen, answer) =>
      seen.operation === 'getJobStatus'
        ? { status: 404, headers: { 'content-type': 'application/json' }, body: '{"errorMessage":"No such API","errorCode":"GES.8000"}' }
        : answer(),
    );
    try {
      const report = await runContract({ baseUrl: server.url, projectId: PROJECT, graph: 'movie', token: TOKEN });
      const result = report.results.find((r) => r.id === 'failed_status_carries_fail_reason');
      expect(result).toMatchObject({
        outcome: 'skipped',
        note: expect.stringMatching(/^not exercised: no answer of the kind it judges came back/),
      });
      // The 404s themselves are judged where they belong.
      expect(report.results.find((r) => r.id === 'list_status_matches_job_status')?.outcome).toBe('failed');
      const json = toJsonReport(report) as { checks: { id: string; outcome: string }[] };
      expect(json.checks.find((c) => c.id === 'failed_status_carries_fail_reason')?.outcome).toBe('skipped');
      expect(toJunitXml(report)).toMatch(
        /<testcase classname="ges-contract.consistency" name="failed_status_carries_fail_reason" time="[\d.]+">\n {6}<skipped/,
      );
    } finally {
      await server.close();
    }
  });

  test('forbidden_token_code is skipped, not passed, when every request with the forbidden token was accepted', async () => {
    // The preflight would stop such a run (a forbidden token the list accepts is misconfiguration):
    // the check is run alone in a session, as defineContractTests runs it.
    const server = await startCorruptServer((seen, answer) =>
      answer(seen.request.headers['x-auth-token'] === FORBIDDEN_TOKEN ? withToken(seen, TOKEN) : undefined),
    );
    try {
      const session = createContractSession({
        baseUrl: server.url,
        projectId: PROJECT,
        graph: 'movie',
        token: TOKEN,
        forbiddenToken: FORBIDDEN_TOKEN,
      });
      const [rejected, code] = [
        await runCheck(check('forbidden_token_rejected'), session),
        await runCheck(check('forbidden_token_code'), session),
      ];
      expect(rejected.outcome).toBe('failed');
      expect(code).toMatchObject({
        outcome: 'skipped',
        note: 'not exercised: the target accepted the forbidden token, so there is no refusal to judge (forbidden_token_rejected says so)',
      });
    } finally {
      await server.close();
    }
  });
});
