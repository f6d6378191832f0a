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
  startCorruptServer,
  withBody,
  withQuery,
  type Corruption,
} from './support/corrupt-server.js';

/** A graph whose seeded jobs have all finished: the list hides the seeded unfinished ones (jobs submitted during the run stay). */
function onlyFinishedSeeded(): Corruption {
  const submitted = new Set<unknown>();
  return async (seen, answer) => {
    const response = await answer();
    const body = bodyOf(response);
    if (seen.operation === 'executeAlgorithm') submitted.add(body?.jobId);
    if (seen.operation !== 'listJobs' || response.status !== 200 || !Array.isArray(body?.jobs)) return response;
    // Filter the whole list, then page it, so that pages and jobCount stay consistent.
    const full = bodyOf(await answer(withQuery(seen, { limit: undefined, offset: undefined })));
    const kept = ((full?.jobs ?? []) as Record<string, unknown>[]).filter(
      (job) => !['pending', 'running'].includes(String(job.status)) || submitted.has(job.jobId),
    );
    const offset = Number(seen.url.searchParams.get('offset') ?? 0);
    const limit = Number(seen.url.searchParams.get('limit') ?? 100000);
    return withBody(response, { ...body, jobs: kept.slice(offset, offset + limit), jobCount: kept.length });
  };
}

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
    });
  } finally {
    await server.close();
  }
}
const result = (report: ContractReport, id: string) => report.results.find((r) => r.id === id);

describe('checks that need a job in a given state', () => {
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
      note: "1 unfinished jobs looked up (the kit's own)",
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
      const report = await runContract({ baseUrl: server.url, projectId: PROJECT, graph: 'movie', token: TOKEN, allowMutations: true });
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
