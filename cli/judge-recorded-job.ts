/**
 * The job invariants a recording reports, judged by the contract kit's own job checks (the MUST ones:
 * failReason iff failed, files iff ImportGraph, progress vs status, times, canStop, file counts), so a
 * recording and `ges-contract` never disagree about a job. Each check runs over a one-job context.
 */
import { jobChecks } from '../contracts/checks/job-checks.js';
import type { CheckContext, Exchange, Finding, JobSighting, SeenJob } from '../contracts/contract-types.js';

const mustChecks = jobChecks.filter((check) => check.level === 'must' && check.phase === 'audit');

const RECORDED: Exchange = {
  seq: 0,
  operationId: 'listJobs',
  authenticated: true,
  request: { method: 'GET', url: 'recorded', headers: {} },
  durationMs: 0,
};

/** Why one recorded job breaks a job invariant, as sentences ([] when it keeps them all). */
export async function judgeRecordedJob(job: Record<string, unknown>): Promise<string[]> {
  const problems: string[] = [];
  const sighting: JobSighting = { job: job as SeenJob, exchange: RECORDED };
  // The job checks read only these members of their context: the jobs seen, fail, and note.
  const context = {
    defaultList: async () => RECORDED,
    jobsSeen: () => [sighting],
    fail: (finding: Finding) => problems.push(finding.expected ? `${finding.message} (expected ${finding.expected})` : finding.message),
    note: () => undefined,
  } as Partial<CheckContext> as CheckContext;
  for (const check of mustChecks) await check.run(context);
  return problems;
}
