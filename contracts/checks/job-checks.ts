/**
 * Job invariants (reference §2), judged on every job of every list answer the run saw. The GES table
 * states them (failReason only when failed, files only for ImportGraph, progress 0–100) or the spec
 * decides them (the lifecycle rules); progress as a string and the status spellings are SHOULD.
 */
import type { CheckContext, ContractCheck, JobSighting } from '../contract-types.js';
import { describeJob, showValue, statusPhase } from '../../src/spec/job-facts.js';
import { jobInvariantViolations, type JobInvariant } from '../../src/spec/job-invariants.js';
import { statusVariants } from '../../src/spec/spec-facts.js';
import { bodyObject } from './check-helpers.js';

/** Every job seen, after making sure the default list has been read. */
async function sightings(ctx: CheckContext): Promise<JobSighting[]> {
  await ctx.defaultList();
  return ctx.jobsSeen();
}

/** The jobs an invariant speaks of, and what to call them when none was seen. */
const APPLIES_TO: Partial<Record<JobInvariant, { to: (job: Record<string, unknown>) => boolean; what: string }>> = {
  finished_job_times: { to: (job) => statusPhase(job.status) === 'finished', what: 'finished job' },
  finished_job_not_stoppable: { to: (job) => statusPhase(job.status) === 'finished', what: 'finished job' },
  unfinished_job_has_no_end_time: { to: (job) => statusPhase(job.status) === 'unfinished', what: 'pending or running job' },
  import_file_counts_add_up: { to: (job) => job.taskType === 'ImportGraph', what: 'ImportGraph job' },
};

/** An audit over every job: fails each job that breaks `invariant` (judged by the shared checker). */
function jobCheck(invariant: JobInvariant, description: string): ContractCheck {
  return {
    id: invariant,
    group: 'jobs',
    level: 'must',
    phase: 'audit',
    description,
    async run(ctx) {
      const seen = await sightings(ctx);
      const applies = APPLIES_TO[invariant];
      if (applies && !seen.some(({ job }) => applies.to(job))) return ctx.skip(`not exercised: no ${applies.what} was seen`);
      for (const { job, exchange } of seen) {
        const violation = jobInvariantViolations(job).find((found) => found.invariant === invariant);
        if (violation) {
          ctx.fail({
            message: `${describeJob(job)} ${violation.reason}`,
            expected: violation.expected,
            actual: JSON.stringify(job).slice(0, 400),
            exchange,
          });
        }
      }
      ctx.note(`${seen.length} jobs`);
    },
  };
}

/** Microseconds since the epoch lie between 2001 (1e15) and 5138 (1e17); milliseconds and seconds are far below. */
const MICROSECONDS = { min: 1e15, max: 1e17 } as const;

/** Every file statistic of an import job, with where it sits (`files[0].edgeFiles[1]`). */
function fileStats(job: Record<string, unknown>): { where: string; stat: Record<string, unknown> }[] {
  if (!Array.isArray(job.files)) return [];
  return (job.files as unknown[]).flatMap((group, i) => {
    if (!group || typeof group !== 'object') return [];
    return Object.entries(group as Record<string, unknown>).flatMap(([key, list]) =>
      Array.isArray(list)
        ? list.flatMap((stat, j) =>
            stat && typeof stat === 'object' ? [{ where: `files[${i}].${key}[${j}]`, stat: stat as Record<string, unknown> }] : [],
          )
        : [],
    );
  });
}

/** The checks of the jobs group. */
export const jobChecks: readonly ContractCheck[] = [
  jobCheck('fail_reason_iff_failed', 'failReason is present exactly when status is failed.'),
  jobCheck('files_iff_import_graph', 'files is present exactly when taskType is ImportGraph (an array, possibly empty).'),
  jobCheck('progress_matches_status', 'progress is 0–100; a successful job is at 100 and a pending one at 0.'),
  jobCheck('finished_job_times', 'A finished job has an endTime, not before its startTime.'),
  jobCheck('finished_job_not_stoppable', 'A finished job has canStop false.'),
  jobCheck('unfinished_job_has_no_end_time', 'A pending or running job has no endTime.'),
  jobCheck('import_file_counts_add_up', 'In an ImportGraph job, every finished file has successful + failed = total (lines or labels).'),
  {
    id: 'import_file_times_in_microseconds',
    group: 'jobs',
    level: 'must',
    phase: 'audit',
    description:
      'Import file startTime and endTime are integers in microseconds since the epoch (16 digits today, like 1716428001745772), end not before start.',
    async run(ctx) {
      let judged = 0;
      for (const { job, exchange } of await sightings(ctx)) {
        for (const { where, stat } of fileStats(job)) {
          for (const field of ['startTime', 'endTime'] as const) {
            const value = stat[field];
            if (value === undefined) continue;
            judged++;
            if (typeof value !== 'number' || !Number.isInteger(value) || value < MICROSECONDS.min || value >= MICROSECONDS.max) {
              const unit =
                typeof value === 'number' && value > 1e11 && value < 1e14
                  ? ' (milliseconds?)'
                  : typeof value === 'number' && value > 1e8 && value < 1e11
                    ? ' (seconds?)'
                    : '';
              ctx.fail({
                message: `${describeJob(job)}: ${where}.${field} is ${showValue(value)}${unit}`,
                expected: 'microseconds since the epoch, e.g. 1716428001745772',
                exchange,
              });
            }
          }
          if (typeof stat.startTime === 'number' && typeof stat.endTime === 'number' && stat.endTime < stat.startTime) {
            ctx.fail({
              message: `${describeJob(job)}: ${where} ends (${stat.endTime}) before it starts (${stat.startTime})`,
              expected: 'endTime ≥ startTime',
              exchange,
            });
          }
        }
      }
      if (judged === 0) return ctx.skip('not exercised: no import job with file times was seen');
      ctx.note(`${judged} file times`);
    },
  },
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
        ctx.fail({
          message: `${describeJob(job)} uses the status variant "${status}"`,
          expected: 'pending, running, success or failed',
          exchange,
        });
      }
      for (const exchange of ctx.exchanges()) {
        if (exchange.operationId !== 'getJobStatus' || exchange.response?.status !== 200) continue;
        const status = bodyObject(exchange)?.status;
        if (statusVariants.includes(status as string)) {
          ctx.fail({
            message: `the job status endpoint answers the status variant ${showValue(status)}`,
            expected: 'pending, running, success or failed',
            exchange,
          });
        }
      }
      ctx.note(`${seen.length} jobs`);
    },
  },
];
