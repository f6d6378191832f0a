/**
 * A check that needs a job in a given state does not depend on the target's data: against a graph
 * whose list shows no pending or running job (every job finished), a read-only run reports those
 * checks as "not exercised", never as passed; with --allow-mutations the kit makes the job itself
 * and judges it. A refused request that a wrong server turned into a job is cancelled and reported.
 */
import { describe, expect, test } from 'vitest';
import { runContract } from '../../contracts/run-contract.js';
import type { ContractReport } from '../../contracts/contract-types.js';
import {
  FORBIDDEN_TOKEN,
  PROJECT,
  TOKEN,
  bodyOf,
  isSubmission,
  reshapeList,
  startCorruptServer,
  type Corruption,
} from './support/corrupt-server.js';

/**
 * A graph whose list hides the seeded jobs `hidden` picks (jobs submitted during the run stay), paged
 * consistently.
 */
function hideSeeded(hidden: (job: Record<string, unknown>) => boolean): Corruption {
  const submitted = new Set<unknown>();
  const list = reshapeList((jobs) => jobs.filter((job) => !hidden(job) || submitted.has(job.jobId)));
  return async (seen, answer) => {
    if (!isSubmission(seen)) return list(seen, answer);
    const response = await answer();
    submitted.add(bodyOf(response)?.jobId);
    return response;
  };
}

/** A graph whose seeded jobs have all finished. */
const onlyFinishedSeeded = () => hideSeeded((job) => ['pending', 'running'].includes(String(job.status)));

/** A graph whose list holds no failed job but those submitted during the run. */
const noFailedSeeded = () => hideSeeded((job) => job.status === 'failed');

async function run(corruption: Corruption, allowMutations: boolean): Promise<ContractReport> {
  const server = await startCorruptServer(corruption);
  try {
    return await runContract({
      baseUrl: server.url,
      projectId: PROJECT,
      graph: 'movie',
      token: TOKEN,
      forbiddenToken: FORBIDDEN_TOKEN,
      allowMutations,
      strict: true,
      jobWaitMs: 0, // a manual clock: the kit's own jobs never move on by themselves
    });
  } finally {
    await server.close();
  }
}
const result = (report: ContractReport, id: string) => report.results.find((r) => r.id === id);

describe('checks that need a job in a given state', () => {
  test('read-only, with no failed job in the list: the failed-job checks say "not exercised"; with mutations they judge the kit\'s own', async () => {
    const readOnly = await run(noFailedSeeded(), false);
    for (const id of ['failed_status_carries_fail_reason', 'fail_reason_iff_failed']) {
      expect(result(readOnly, id)?.outcome, id).toBe(id === 'fail_reason_iff_failed' ? 'passed' : 'skipped');
    }
    expect(result(readOnly, 'failed_status_carries_fail_reason')?.note).toMatch(/^not exercised: the list holds no failed job/);
    const mutating = await run(noFailedSeeded(), true);
    expect(result(mutating, 'failed_status_carries_fail_reason')).toMatchObject({
      outcome: 'passed',
      note: "1 failed jobs looked up (the kit's own among them)",
    });
    expect(mutating.exitCode).toBe(0);
  });

  test('read-only, with no unfinished job in the list: "not exercised", never a pass', async () => {
    const report = await run(onlyFinishedSeeded(), false);
    expect(result(report, 'unfinished_job_status')).toMatchObject({
      outcome: 'skipped',
      note: expect.stringMatching(/^not exercised: the list holds no pending or running job/),
    });
    // The audit of unfinished jobs had nothing to judge: it says so instead of passing.
    expect(result(report, 'unfinished_job_has_no_end_time')).toMatchObject({
      outcome: 'skipped',
      note: 'not exercised: no pending or running job was seen',
    });
    for (const r of report.results.filter((r) => r.outcome === 'skipped')) expect(r.note, r.id).toMatch(/^not exercised/);
    expect(report.exitCode).toBe(0);
  });

  test('with --allow-mutations the kit submits the job itself and judges it', async () => {
    const report = await run(onlyFinishedSeeded(), true);
    expect(result(report, 'unfinished_job_status')).toMatchObject({
      outcome: 'passed',
      note: "1 unfinished jobs looked up (the kit's own among them)",
    });
    expect(report.results.filter((r) => r.outcome === 'skipped')).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  test('a submit a wrong server accepted without a token is cancelled again, and the finding says so', async () => {
    const server = await startCorruptServer((seen, answer) =>
      answer(
        seen.operation === 'executeAlgorithm' && !seen.request.headers['x-auth-token']
          ? { ...seen.request, headers: { ...seen.request.headers, 'x-auth-token': TOKEN } }
          : undefined,
      ),
    );
    try {
      const report = await runContract({
        baseUrl: server.url,
        projectId: PROJECT,
        graph: 'movie',
        token: TOKEN,
        allowMutations: true,
        jobWaitMs: 0,
      });
      const finding = result(report, 'writes_without_token_rejected')?.findings[0];
      const jobId = /cancelled the job (\S+) it created by mistake/.exec(finding?.message ?? '')?.[1];
      expect(finding?.message).toMatch(
        /^executeAlgorithm without a token answered 200; the kit cancelled the job \S+ it created by mistake$/,
      );
      const job = server.api.engine.listJobs(PROJECT, 'movie', { limit: 100000, offset: 0 });
      expect(job.ok && job.value.jobs.find((j) => j.jobId === jobId)?.status).toBe('failed');
    } finally {
      await server.close();
    }
  });
});
