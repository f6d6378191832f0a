/**
 * Test helper: the checks a listed page must pass, from openapi.yaml (JobList and Job schemas, via
 * the spec validator) and from the reference's §2 invariants that JSON Schema cannot say.
 */
import type { Job } from '../../../src/types.js';
import { schemaViolations } from './spec-oracle.js';

const FINISHED = new Set(['success', 'failed']);

/** What is wrong with one job beyond its schema (reference §2), as readable strings. */
export function jobInvariantViolations(job: Job): string[] {
  const problems: string[] = [];
  const id = job.jobId;
  if ((job.failReason !== undefined) !== (job.status === 'failed')) problems.push(`${id}: failReason iff failed`);
  if ((job.files !== undefined) !== (job.taskType === 'ImportGraph')) problems.push(`${id}: files iff ImportGraph`);
  if (job.status === 'success' && String(job.progress) !== '100') problems.push(`${id}: success but progress ${job.progress}`);
  if (job.status === 'pending' && String(job.progress) !== '0') problems.push(`${id}: pending but progress ${job.progress}`);
  if (FINISHED.has(job.status)) {
    if (job.endTime === undefined) problems.push(`${id}: finished without endTime`);
    else if (job.endTime < job.startTime) problems.push(`${id}: endTime ${job.endTime} before startTime ${job.startTime}`);
    if (job.canStop) problems.push(`${id}: finished but canStop`);
  } else if (job.endTime !== undefined) problems.push(`${id}: unfinished with endTime`);
  return problems;
}

/**
 * Everything wrong with one list answer for `page`: schema, per-job invariants, order (newest
 * startTime first, ties by jobId ascending), no duplicates, page length consistent with jobCount.
 */
export function listViolations(body: { jobs: Job[]; jobCount: number }, page: { limit: number; offset: number }): string[] {
  const problems = schemaViolations('#/components/schemas/JobList', body).map((v) => `schema ${v.path}: ${v.message}`);
  if (problems.length > 0) return problems;
  const { jobs, jobCount } = body;
  for (const job of jobs) problems.push(...jobInvariantViolations(job));
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
