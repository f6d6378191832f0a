/**
 * Job invariants, judged on every job of every list answer the run saw. The GES pages state some
 * (failReason only when failed, files only for ImportGraph, progress 0–100, a finished job cannot be
 * stopped, which kinds and algorithms can be while they run, rawRequest is the original body); where
 * the cancel pages disagree (node2vec, imports, Filtered-query) either canStop passes and the spec's
 * choice, the newest page's, is SHOULD. The others are this project's
 * inferences (times in order, progress by status, import counts and units) and are SHOULD, like
 * progress as a string and the status spellings.
 */
import type { CheckContext, CheckDefinition, JobSighting, SeenJob } from '../contract-types.js';
import type { RuleId } from '../rule-inventory.js';
import { describeJob, progressValue, showValue } from '../../src/spec/job-facts.js';
import { jobInvariantViolations, type JobInvariant, type JobViolation } from '../../src/spec/job-invariants.js';
import { bodyObject } from './check-helpers.js';
import { jobActions, jobActionById } from '../../src/spec/job-actions.js';
import { CANCELLABLE_ALGORITHMS_TEXT, cancellability, otherSpellings, phaseOf } from './job-states.js';
import { kindsMade } from './kind-submissions.js';

/** Every job seen, after making sure the default list has been read (when the run judges the list). */
async function sightings(ctx: CheckContext): Promise<JobSighting[]> {
  if (ctx.selects('listJobs')) await ctx.defaultList();
  return ctx.jobsSeen();
}

/** The jobs an invariant speaks of, and what to call them when none was seen. */
const APPLIES_TO: Partial<Record<JobInvariant, { to: (job: Record<string, unknown>) => boolean; what: string }>> = {
  finished_job_times: { to: (job) => phaseOf(job.status) === 'finished', what: 'finished job' },
  finished_job_not_stoppable: { to: (job) => phaseOf(job.status) === 'finished', what: 'finished job' },
  unfinished_job_has_no_end_time: { to: (job) => phaseOf(job.status) === 'unfinished', what: 'pending or running job' },
  import_file_counts_add_up: { to: (job) => job.taskType === 'ImportGraph', what: 'ImportGraph job' },
};

/** The rule a violation breaks: what the pages state is MUST, the rest follows from inferences. */
function ruleOf(violation: JobViolation, job: SeenJob): RuleId {
  switch (violation.invariant) {
    case 'fail_reason_iff_failed':
      return 'job.fail-reason-iff-failed';
    case 'files_iff_import_graph':
      return 'job.files-iff-import';
    case 'progress_matches_status': {
      const progress = progressValue(job.progress);
      return progress === undefined || progress > 100 ? 'job.progress-range' : 'job.progress-by-status';
    }
    case 'finished_job_times':
      return violation.reason === 'has no endTime' ? 'job.finished-state' : 'job.time-order';
    case 'finished_job_not_stoppable':
      return 'job.finished-state';
    case 'unfinished_job_has_no_end_time':
      return 'job.time-order';
    case 'import_file_counts_add_up':
      return 'import.counts-add-up';
  }
}

/** An audit over every job: fails each job that breaks `invariant` (judged by the shared checker). */
function jobCheck(invariant: JobInvariant, description: string): CheckDefinition {
  return {
    id: invariant,
    group: 'jobs',
    phase: 'audit',
    description,
    async run(ctx) {
      const seen = await sightings(ctx);
      const applies = APPLIES_TO[invariant];
      const judged = applies ? seen.filter(({ job }) => applies.to(job)) : seen;
      if (judged.length === 0) return ctx.skip(`not exercised: no ${applies?.what ?? 'job'} was seen`);
      ctx.judged(judged.length);
      for (const { job, exchange } of seen) {
        const violation = jobInvariantViolations(job).find((found) => found.invariant === invariant);
        if (violation) {
          ctx.fail({
            rule: ruleOf(violation, job),
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

/** The kind (an action's id) whose jobs show this taskType in the spec, Algorithm and foreign types aside. */
function kindOfTaskType(taskType: unknown): string | undefined {
  return jobActions.find((action) => action.taskType === taskType && action.taskType !== 'Algorithm')?.id;
}

/** The algorithmName an algorithm job's rawRequest names; undefined when it names none. */
function algorithmOf(job: SeenJob): string | undefined {
  if (typeof job.rawRequest !== 'string' || job.rawRequest === '') return undefined;
  try {
    const body = JSON.parse(job.rawRequest) as { algorithmName?: unknown };
    return typeof body?.algorithmName === 'string' ? body.algorithmName : undefined;
  } catch {
    return undefined;
  }
}

/** The checks of the jobs group. */
export const jobChecks: readonly CheckDefinition[] = [
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
                rule: 'import.times-microseconds',
                message: `${describeJob(job)}: ${where}.${field} is ${showValue(value)}${unit}`,
                expected: 'microseconds since the epoch, e.g. 1716428001745772',
                exchange,
              });
            }
          }
          if (typeof stat.startTime === 'number' && typeof stat.endTime === 'number' && stat.endTime < stat.startTime) {
            ctx.fail({
              rule: 'import.times-microseconds',
              message: `${describeJob(job)}: ${where} ends (${stat.endTime}) before it starts (${stat.startTime})`,
              expected: 'endTime ≥ startTime',
              exchange,
            });
          }
        }
      }
      if (judged === 0) return ctx.skip('not exercised: no import job with file times was seen');
      ctx.judged(judged);
      ctx.note(`${judged} file times`);
    },
  },
  {
    id: 'progress_as_string',
    group: 'jobs',
    phase: 'audit',
    description: 'progress is sent as a digit string ("100"), as the documented example does (the table says Integer).',
    async run(ctx) {
      const seen = await sightings(ctx);
      ctx.judged(seen.length);
      const numeric = seen.filter(({ job }) => typeof job.progress === 'number');
      if (numeric.length > 0) {
        const first = numeric[0] as JobSighting;
        ctx.fail({
          rule: 'job.progress-form',
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
    phase: 'audit',
    description: `Statuses are the four of the GES list and status pages, not the spellings of other pages and versions (${otherSpellings.join(', ')}).`,
    async run(ctx) {
      const seen = await sightings(ctx);
      const variants = new Map<string, JobSighting>();
      for (const sighting of seen) {
        const status = sighting.job.status as string;
        if (otherSpellings.includes(status) && !variants.has(status)) variants.set(status, sighting);
      }
      for (const [status, { job, exchange }] of variants) {
        ctx.fail({
          rule: 'job.status-spelling',
          message: `${describeJob(job)} uses the status variant "${status}"`,
          expected: 'pending, running, success or failed',
          exchange,
        });
      }
      let answers = 0;
      const answered = new Set<unknown>();
      for (const exchange of ctx.exchanges()) {
        if (exchange.operationId !== 'getJobStatus' || exchange.response?.status !== 200) continue;
        answers++;
        const status = bodyObject(exchange)?.status;
        if (otherSpellings.includes(status as string) && !answered.has(status)) {
          answered.add(status);
          ctx.fail({
            rule: 'job.status-spelling',
            message: `the job status endpoint answers the status variant ${showValue(status)}`,
            expected: 'pending, running, success or failed',
            exchange,
          });
        }
      }
      ctx.judged(seen.length + answers);
      ctx.note(`${seen.length} jobs, ${answers} status answers`);
    },
  },
  {
    id: 'can_stop_matches_cancellable',
    group: 'jobs',
    phase: 'audit',
    description: `A pending or running job has canStop true when every cancel page names its kind cancellable (vertex and edge filter queries, add index; the algorithms ${CANCELLABLE_ALGORITHMS_TEXT}), false when none does (exports and deletes of filtered data, batch deletes, delete index, export of a result, other algorithms); where the pages disagree (node2vec, import, Filtered-query) either passes, and the spec follows the newest page.`,
    async run(ctx) {
      // The kind of a job the kit made is known by the API that made it; another's by its taskType.
      const made = await kindsMade(ctx);
      let judged = 0;
      for (const { job, exchange } of await sightings(ctx)) {
        if (phaseOf(job.status) !== 'unfinished') continue;
        const kind = made.get(job.jobId) ?? (job.taskType === 'Algorithm' ? 'executeAlgorithm' : kindOfTaskType(job.taskType));
        const algorithm = algorithmOf(job);
        if (kind === undefined || (kind === 'executeAlgorithm' && algorithm === undefined)) continue;
        judged++;
        const what = kind === 'executeAlgorithm' ? `runs ${algorithm}` : `is a ${jobActionById(kind).taskType} job`;
        const { agreed, newest } = cancellability(kind, algorithm);
        if (agreed !== undefined && job.canStop !== agreed) {
          ctx.fail({
            rule: 'job.cancellable-can-stop',
            message: `${describeJob(job)} ${what} with canStop ${showValue(job.canStop)}`,
            expected: agreed
              ? `canStop true: every cancel page names ${kind === 'executeAlgorithm' ? `${algorithm} among the cancellable algorithms` : 'its kind cancellable'}`
              : `canStop false: no cancel page names ${kind === 'executeAlgorithm' ? `${algorithm} among the cancellable algorithms` : 'its kind cancellable'}`,
            actual: JSON.stringify(job).slice(0, 400),
            exchange,
          });
        } else if (agreed === undefined && job.canStop !== newest) {
          ctx.fail({
            rule: 'job.cancellable-newest',
            message: `${describeJob(job)} ${what} with canStop ${showValue(job.canStop)}`,
            expected: `canStop ${newest}: the newest cancel page ${newest ? 'lists' : 'does not list'} it (the older ones ${newest ? 'do not' : 'differ'})`,
            actual: JSON.stringify(job).slice(0, 400),
            exchange,
          });
        }
      }
      if (judged === 0) return ctx.skip('not exercised: no pending or running job of a kind the cancel pages speak of was seen');
      ctx.judged(judged);
      ctx.note(`${judged} unfinished jobs`);
    },
  },
  {
    id: 'raw_request_is_body',
    group: 'jobs',
    phase: 'audit',
    description: "An algorithm job's rawRequest, when not empty, is the JSON object execute-algorithm took, with its algorithmName.",
    async run(ctx) {
      let judged = 0;
      for (const { job, exchange } of await sightings(ctx)) {
        if (job.taskType !== 'Algorithm' || job.rawRequest === '' || job.rawRequest === undefined) continue;
        judged++;
        if (algorithmOf(job) === undefined) {
          ctx.fail({
            rule: 'job.raw-request',
            message: `${describeJob(job)} has rawRequest ${showValue(typeof job.rawRequest === 'string' ? job.rawRequest.slice(0, 200) : job.rawRequest)}`,
            expected: 'the original body: a JSON object with its algorithmName, as a string',
            exchange,
          });
        }
      }
      if (judged === 0) return ctx.skip('not exercised: no algorithm job with a rawRequest was seen');
      ctx.judged(judged);
      ctx.note(`${judged} algorithm jobs`);
    },
  },
];
