/**
 * Job invariants (reference §2), judged on every job of every list answer the run saw. The GES table
 * states them (failReason only when failed, files only for ImportGraph, progress 0–100) or the spec
 * decides them (the lifecycle rules); progress as a string and the status spellings are SHOULD.
 */
import type { CheckContext, ContractCheck, JobSighting } from '../contract-types.js';
import { describeJob, progressValue, sameTimeKind, showValue, statusPhase, toTimeValue } from '../job-facts.js';
import { statusVariants } from '../spec-facts.js';
import { bodyObject } from './check-helpers.js';

/** Every job seen, after making sure the default list has been read. */
async function sightings(ctx: CheckContext): Promise<JobSighting[]> {
  await ctx.defaultList();
  return ctx.jobsSeen();
}

/** An audit over every job: `judge` returns what is wrong with one job, or undefined. */
function jobCheck(
  id: string,
  description: string,
  judge: (job: Record<string, unknown>) => { message: string; expected?: string } | undefined,
): ContractCheck {
  return {
    id,
    group: 'jobs',
    level: 'must',
    phase: 'audit',
    description,
    async run(ctx) {
      const seen = await sightings(ctx);
      for (const { job, exchange } of seen) {
        const problem = judge(job);
        if (problem) ctx.fail({ ...problem, actual: JSON.stringify(job).slice(0, 400), exchange });
      }
      ctx.note(`${seen.length} jobs`);
    },
  };
}

const has = (job: Record<string, unknown>, key: string) => Object.hasOwn(job, key) && job[key] !== undefined;

/** Edge/vertex files count lines, schema files labels: done files must add up. */
function fileCountProblem(job: Record<string, unknown>): { message: string; expected?: string } | undefined {
  if (job.taskType !== 'ImportGraph' || !Array.isArray(job.files)) return undefined;
  for (const group of job.files) {
    if (!group || typeof group !== 'object') continue;
    for (const [kind, files] of Object.entries(group as Record<string, unknown>)) {
      if (!Array.isArray(files)) continue;
      for (const file of files as Record<string, unknown>[]) {
        if (!file || typeof file !== 'object') continue;
        if (file.status !== 'success' && file.status !== 'failed') continue; // still running: counts may grow
        const unit = typeof file.totalLabels === 'number' ? 'Labels' : 'Lines';
        const total = file[`total${unit}`];
        const ok = file[`successful${unit}`];
        const failed = file[`failed${unit}`];
        if (typeof total !== 'number' || typeof ok !== 'number' || typeof failed !== 'number') continue;
        if (ok + failed !== total) {
          return {
            message: `${describeJob(job)}: ${kind} file ${String(file.fileName)} has successful${unit} ${ok} + failed${unit} ${failed} ≠ total${unit} ${total}`,
            expected: `successful${unit} + failed${unit} = total${unit} once a file is ${String(file.status)}`,
          };
        }
      }
    }
  }
  return undefined;
}

/** The checks of the jobs group. */
export const jobChecks: readonly ContractCheck[] = [
  jobCheck('fail_reason_iff_failed', 'failReason is present exactly when status is failed.', (job) => {
    if (statusVariants.includes(job.status as string)) return undefined; // partiallyFailed may well explain itself
    if (job.status === 'failed' && typeof job.failReason !== 'string') {
      return { message: `${describeJob(job)} has no failReason`, expected: 'a failed job carries failReason' };
    }
    if (job.status !== 'failed' && has(job, 'failReason')) {
      return { message: `${describeJob(job)} carries failReason ${JSON.stringify(job.failReason)}`, expected: 'failReason only when status is failed' };
    }
    return undefined;
  }),
  jobCheck('files_iff_import_graph', 'files is present exactly when taskType is ImportGraph (an array, possibly empty).', (job) => {
    if (job.taskType === 'ImportGraph' && !Array.isArray(job.files)) {
      return { message: `${describeJob(job)} has no files array`, expected: 'an ImportGraph job carries files' };
    }
    if (job.taskType !== 'ImportGraph' && has(job, 'files')) {
      return { message: `${describeJob(job)} carries files`, expected: 'files only when taskType is ImportGraph' };
    }
    return undefined;
  }),
  jobCheck('progress_matches_status', 'progress is 0–100; a successful job is at 100 and a pending one at 0.', (job) => {
    const progress = progressValue(job.progress);
    if (progress === undefined || progress > 100) {
      return { message: `${describeJob(job)} has progress ${JSON.stringify(job.progress)}`, expected: 'an integer (or digit string) 0–100' };
    }
    if (job.status === 'success' && progress !== 100) {
      return { message: `${describeJob(job)} is successful at progress ${progress}`, expected: 'progress 100' };
    }
    if (job.status === 'pending' && progress !== 0) {
      return { message: `${describeJob(job)} is pending at progress ${progress}`, expected: 'progress 0' };
    }
    return undefined;
  }),
  jobCheck('finished_job_times', 'A finished job has an endTime, not before its startTime.', (job) => {
    if (statusPhase(job.status) !== 'finished') return undefined;
    if (!has(job, 'endTime')) return { message: `${describeJob(job)} has no endTime`, expected: 'a finished job carries endTime' };
    if (!sameTimeKind(job.startTime, job.endTime)) return undefined;
    const start = toTimeValue(job.startTime);
    const end = toTimeValue(job.endTime);
    if (start !== undefined && end !== undefined && end < start) {
      return { message: `${describeJob(job)} ends (${showValue(job.endTime)}) before it starts (${showValue(job.startTime)})`, expected: 'endTime ≥ startTime' };
    }
    return undefined;
  }),
  jobCheck('finished_job_not_stoppable', 'A finished job has canStop false.', (job) =>
    statusPhase(job.status) === 'finished' && job.canStop !== false
      ? { message: `${describeJob(job)} has canStop ${JSON.stringify(job.canStop)}`, expected: 'canStop false once finished' }
      : undefined,
  ),
  jobCheck('unfinished_job_has_no_end_time', 'A pending or running job has no endTime.', (job) =>
    statusPhase(job.status) === 'unfinished' && has(job, 'endTime')
      ? { message: `${describeJob(job)} has endTime ${JSON.stringify(job.endTime)}`, expected: 'no endTime until the job finishes' }
      : undefined,
  ),
  jobCheck('import_file_counts_add_up', 'In an ImportGraph job, every finished file has successful + failed = total (lines or labels).', fileCountProblem),
  {
    id: 'progress_as_string',
    group: 'jobs',
    level: 'should',
    phase: 'audit',
    description: 'progress is sent as a digit string ("100"), as the documented example does (the table says Integer).',
    async run(ctx) {
      const seen = await sightings(ctx);
      const numeric = seen.filter(({ job }) => typeof job.progress === 'number');
      if (numeric.length > 0) {
        const first = numeric[0] as JobSighting;
        ctx.fail({
          message: `${numeric.length} of ${seen.length} jobs send progress as a number, e.g. ${describeJob(first.job)}: ${JSON.stringify(first.job.progress)}`,
          expected: 'progress as a string, e.g. "100"',
          exchange: first.exchange,
        });
      }
      ctx.note(`${seen.length} jobs`);
    },
  },
  {
    id: 'status_in_documented_set',
    group: 'jobs',
    level: 'should',
    phase: 'audit',
    description: `Statuses are the four of the GES table, not the variants of other engine versions (${statusVariants.join(', ')}).`,
    async run(ctx) {
      const seen = await sightings(ctx);
      const variants = new Map<string, JobSighting>();
      for (const sighting of seen) {
        const status = sighting.job.status as string;
        if (statusVariants.includes(status) && !variants.has(status)) variants.set(status, sighting);
      }
      for (const [status, { job, exchange }] of variants) {
        ctx.fail({ message: `${describeJob(job)} uses the status variant "${status}"`, expected: 'pending, running, success or failed', exchange });
      }
      for (const exchange of ctx.exchanges()) {
        if (exchange.operationId !== 'getJobStatus' || exchange.response?.status !== 200) continue;
        const status = bodyObject(exchange)?.status;
        if (statusVariants.includes(status as string)) {
          ctx.fail({ message: `the job status endpoint answers the status variant ${showValue(status)}`, expected: 'pending, running, success or failed', exchange });
        }
      }
      ctx.note(`${seen.length} jobs`);
    },
  },
];
