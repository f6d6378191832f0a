/**
 * The checks every listed job and page must pass, shared by the engine tests (an engine in hand) and
 * the hardening tests (a page over HTTP): the spec's schemas (ajv over openapi.yaml), the spec's job
 * invariants (the shared checker, src/spec/job-invariants.ts), the list's order, and what this engine
 * promises beyond them. Returns problems as sentences; [] is clean.
 */
import type { Engine } from '../../src/engine/engine-types.js';
import { jobInvariantViolations } from '../../src/spec/job-invariants.js';
import { createSpecValidator } from '../../src/spec/spec-validator.js';
import type { Job } from '../../src/types.js';
import { CANCELLABLE_ALGORITHMS } from '../../contracts/checks/job-states.js';

const validator = createSpecValidator();
/** A violated job invariant as one sentence, naming the job and the invariant. */
const invariantProblems = (job: Job): string[] =>
  jobInvariantViolations(job).map((violation) => `${job.jobId}: ${violation.reason} (${violation.invariant})`);
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\d{9}$/;
const KEY_ORDER = ['jobId', 'rawRequest', 'taskType', 'canStop', 'progress', 'files', 'startTime', 'failReason', 'endTime', 'status'];

/**
 * Problems of one job, as the list or a test sees it: its schema, the spec's job invariants (the
 * shared checker) and what this engine promises beyond them (id and time formats, progress as a
 * digit string, key order, cancellable algorithms, file times inside the job).
 */
export function jobProblems(job: Job): string[] {
  const problems = validator.validate('#/components/schemas/Job', job).map((v) => `schema ${v.path}: ${v.message}`);
  const id = job.jobId;
  problems.push(...invariantProblems(job));
  if (!JOB_ID.test(id)) problems.push(`${id}: jobId is not a UUID + nine digits`);
  if (typeof job.progress !== 'string') problems.push(`${id}: progress is not a digit string`);
  if (!TIME.test(job.startTime)) problems.push(`${id}: startTime ${job.startTime}`);
  if (job.endTime !== undefined && !TIME.test(job.endTime)) problems.push(`${id}: endTime ${job.endTime}`);
  if (job.canStop) {
    const algorithm = job.taskType === 'Algorithm' ? (JSON.parse(job.rawRequest) as { algorithmName: string }).algorithmName : undefined;
    if (algorithm !== undefined && !CANCELLABLE_ALGORITHMS.has(algorithm)) problems.push(`${id}: canStop for ${algorithm}`);
  }
  const keys = Object.keys(job);
  const expected = KEY_ORDER.filter((k) => k in job);
  if (keys.join() !== expected.join()) problems.push(`${id}: key order ${keys.join()}`);
  if (job.taskType === 'Algorithm') {
    const body = JSON.parse(job.rawRequest) as { algorithmName?: unknown };
    if (typeof body.algorithmName !== 'string') problems.push(`${id}: Algorithm rawRequest without algorithmName`);
  }
  for (const group of job.files ?? []) {
    for (const [kind, stats] of Object.entries(group)) {
      for (const stat of stats as Record<string, number | string>[]) {
        const [total, ok, bad] =
          kind === 'schemaFiles' ? ['totalLabels', 'successfulLabels', 'failedLabels'] : ['totalLines', 'successfulLines', 'failedLines'];
        // Finished files must add up exactly (a shared invariant); a running one never overshoots.
        if (stat['status'] === 'running' && Number(stat[ok]) + Number(stat[bad]) > Number(stat[total]))
          problems.push(`${id}: ${kind} counts overshoot`);
        const startUs = Number(stat['startTime']);
        const jobStartUs = Date.parse(`${job.startTime.replace(' ', 'T')}+08:00`) * 1000;
        if (startUs < jobStartUs) problems.push(`${id}: ${kind} starts before the job`);
        if (stat['endTime'] !== undefined) {
          if (Number(stat['endTime']) < startUs) problems.push(`${id}: ${kind} ends before it starts`);
          if (job.endTime && Number(stat['endTime']) >= (Date.parse(`${job.endTime.replace(' ', 'T')}+08:00`) + 1000) * 1000)
            problems.push(`${id}: ${kind} ends after the job`);
        }
      }
    }
  }
  return problems;
}

/** Problems of a list page's order: newest second first, ties by jobId ascending, no duplicates. */
export function orderProblems(jobs: readonly Job[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i]!;
    if (seen.has(job.jobId)) problems.push(`duplicate ${job.jobId}`);
    seen.add(job.jobId);
    const next = jobs[i + 1];
    if (!next) continue;
    if (next.startTime > job.startTime) problems.push(`${i}: ${next.startTime} after ${job.startTime}`);
    if (next.startTime === job.startTime && next.jobId <= job.jobId) problems.push(`${i}: tie not broken by jobId ascending`);
  }
  return problems;
}

/**
 * Everything wrong with one list answer for `page`, from any implementation: the JobList schema,
 * each job's invariants, the order, and a page length consistent with jobCount.
 */
export function pageProblems(body: { jobs: Job[]; jobCount: number }, page: { limit: number; offset: number }): string[] {
  const problems = validator.validate('#/components/schemas/JobList', body).map((v) => `schema ${v.path}: ${v.message}`);
  if (problems.length > 0) return problems;
  const { jobs, jobCount } = body;
  problems.push(...jobs.flatMap(invariantProblems));
  const expectedLength = Math.max(0, Math.min(page.limit, jobCount - page.offset));
  if (jobs.length !== expectedLength)
    problems.push(`page of ${jobs.length} jobs; limit ${page.limit}, offset ${page.offset}, jobCount ${jobCount}`);
  return [...problems, ...orderProblems(jobs)];
}

/** Lists a whole graph in one page. */
export function listAll(engine: Engine, project: string, graph: string): { jobs: Job[]; jobCount: number } {
  const result = engine.listJobs(project, graph, { limit: 100_000, offset: 0 });
  if (!result.ok) throw new Error(`listJobs failed: ${result.error.kind}`);
  return result.value;
}

/** Every problem of a graph's full list: each job, the order, and jobCount. */
export function listProblems(engine: Engine, project: string, graph: string): string[] {
  const { jobs, jobCount } = listAll(engine, project, graph);
  const problems = [...jobs.flatMap(jobProblems), ...orderProblems(jobs)];
  if (jobCount !== jobs.length) problems.push(`jobCount ${jobCount} but ${jobs.length} jobs`);
  return problems;
}

/** Unwraps an EngineResult or fails the test with the error. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { kind: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
