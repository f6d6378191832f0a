/**
 * Test helper: the checks a listed page must pass, from openapi.yaml (JobList and Job schemas, via
 * the spec validator), the spec's job invariants (the shared checker) and the list's order.
 */
import type { Job } from '../../../src/types.js';
import { jobInvariantViolations } from '../../../src/spec/job-invariants.js';
import { schemaViolations } from './spec-oracle.js';

/**
 * Everything wrong with one list answer for `page`: schema, per-job invariants, order (newest
 * startTime first, ties by jobId ascending), no duplicates, page length consistent with jobCount.
 */
export function listViolations(body: { jobs: Job[]; jobCount: number }, page: { limit: number; offset: number }): string[] {
  const problems = schemaViolations('#/components/schemas/JobList', body).map((v) => `schema ${v.path}: ${v.message}`);
  if (problems.length > 0) return problems;
  const { jobs, jobCount } = body;
  for (const job of jobs) problems.push(...jobInvariantViolations(job).map((violation) => `${job.jobId}: ${violation.reason} (${violation.invariant})`));
  const expectedLength = Math.max(0, Math.min(page.limit, jobCount - page.offset));
  if (jobs.length !== expectedLength) problems.push(`page of ${jobs.length} jobs; limit ${page.limit}, offset ${page.offset}, jobCount ${jobCount}`);
  if (new Set(jobs.map((job) => job.jobId)).size !== jobs.length) problems.push('a job is listed twice in one page');
  for (let i = 1; i < jobs.length; i++) {
    const [a, b] = [jobs[i - 1]!, jobs[i]!];
    if (a.startTime < b.startTime || (a.startTime === b.startTime && a.jobId >= b.jobId)) {
      problems.push(`order: ${a.jobId} (${a.startTime}) before ${b.jobId} (${b.startTime})`);
    }
  }
  return problems;
}
