/**
 * Job invariants (reference §2), judged on every job of every list answer the run saw. The GES table
 * states them (failReason only when failed, files only for ImportGraph, progress 0–100) or the spec
 * decides them (the lifecycle rules); progress as a string and the status spellings are SHOULD.
 */
import type { CheckContext, ContractCheck, JobSighting } from '../contract-types.js';
import { describeJob } from '../../src/spec/job-facts.js';
import { jobInvariantViolations, type JobInvariant } from '../../src/spec/job-invariants.js';
import { statusVariants } from '../../src/spec/spec-facts.js';
import { bodyObject } from './check-helpers.js';

/** Every job seen, after making sure the default list has been read. */
async function sightings(ctx: CheckContext): Promise<JobSighting[]> {
  await ctx.defaultList();
  return ctx.jobsSeen();
}

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
      for (const { job, exchange } of seen) {
        const violation = jobInvariantViolations(job).find((found) => found.invariant === invariant);
        if (violation) {
          ctx.fail({ message: `${describeJob(job)} ${violation.reason}`, expected: violation.expected, actual: JSON.stringify(job).slice(0, 400), exchange });
        }
      }
      ctx.note(`${seen.length} jobs`);
    },
  };
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
          ctx.fail({ message: `the job status endpoint answers the status variant "${String(status)}"`, expected: 'pending, running, success or failed', exchange });
        }
      }
      ctx.note(`${seen.length} jobs`);
    },
  },
];
