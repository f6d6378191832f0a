/**
 * Across endpoints: a finished job's status in the list is the status the single-job endpoint
 * reports (openapi.yaml, getJobStatus: "For finished jobs the status here equals the one in the list");
 * an unfinished job's status there is documented and the list's or a later one, since a live job may
 * move on between the two reads but never back.
 */
import type { CheckContext, ContractCheck, SeenJob } from '../contract-types.js';
import { describeJob, showValue, statusPhase } from '../../src/spec/job-facts.js';
import { bodyObject, describeAnswer } from './check-helpers.js';
import { cancelOnce, findListed, pagerankOnce } from './own-jobs.js';

/**
 * Jobs of the list in a phase; when the list holds none and mutations are allowed, the kit's own job
 * in that phase (its pagerank, pending or running right after the submit, failed after its cancel).
 * Undefined when none can be had: the check then says "not exercised", never passes silently.
 */
async function jobsIn(
  ctx: CheckContext,
  phase: 'finished' | 'unfinished',
  status?: string,
): Promise<{ jobs: SeenJob[]; own: boolean } | undefined> {
  const base = ctx.requireList(await ctx.defaultList(), 'the default list');
  const matching = base.jobs.filter(
    (job) => statusPhase(job.status) === phase && (status === undefined || job.status === status) && typeof job.jobId === 'string',
  );
  if (matching.length > 0) return { jobs: matching, own: false };
  if (!ctx.options.allowMutations) return undefined;
  if (phase === 'unfinished') {
    const job = (await pagerankOnce(ctx)).listed.job;
    return job && statusPhase(job.status) === 'unfinished' ? { jobs: [job], own: true } : undefined;
  }
  const run = await cancelOnce(ctx);
  const job = run.cancelled ? (await findListed(ctx, run.own.jobId)).job : undefined;
  return job && statusPhase(job.status) === 'finished' && (status === undefined || job.status === status)
    ? { jobs: [job], own: true }
    : undefined;
}

const notExercised = (what: string) => `not exercised: the list holds no ${what} (with --allow-mutations the kit makes one)`;

/** How many finished jobs to look up: enough to cover every finished status, few requests. */
const SAMPLE_SIZE = 10;

/** Up to `size` jobs, taken round-robin over their statuses so that rare ones (failed) are included. */
function sampleByStatus(jobs: SeenJob[], size: number): SeenJob[] {
  const byStatus = new Map<string, SeenJob[]>();
  for (const job of jobs) {
    const key = String(job.status);
    byStatus.set(key, [...(byStatus.get(key) ?? []), job]);
  }
  const queues = [...byStatus.values()];
  const sample: SeenJob[] = [];
  while (sample.length < size && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && sample.length < size) sample.push(next);
    }
  }
  return sample;
}

/** The checks of the consistency group. */
export const consistencyChecks: readonly ContractCheck[] = [
  {
    id: 'list_status_matches_job_status',
    group: 'consistency',
    level: 'must',
    phase: 'probe',
    description: `For finished jobs of the list (up to ${SAMPLE_SIZE}), the single-job status endpoint reports the same status.`,
    async run(ctx) {
      const found = await jobsIn(ctx, 'finished');
      if (!found) return ctx.skip(notExercised('finished job'));
      const sample = sampleByStatus(found.jobs, SAMPLE_SIZE);
      const answers = await Promise.all(sample.map((job) => ctx.send({ operationId: 'getJobStatus', jobId: job.jobId as string })));
      for (const [i, exchange] of answers.entries()) {
        const job = sample[i] as SeenJob;
        const status = bodyObject(exchange)?.status;
        if (exchange.response?.status !== 200 || status !== job.status) {
          ctx.fail({
            message: `${describeJob(job)} is ${showValue(job.status)} in the list, but its status endpoint answers ${exchange.response?.status === 200 ? `status ${JSON.stringify(status)}` : describeAnswer(exchange)}`,
            expected: `200 with status ${showValue(job.status)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${sample.length} finished jobs looked up`);
    },
  },
  {
    id: 'unfinished_job_status',
    group: 'consistency',
    level: 'must',
    phase: 'probe',
    description: `For unfinished jobs of the list (up to ${SAMPLE_SIZE}), the single-job status endpoint answers 200 with a documented status that is the list's or a later one (pending → running → finished).`,
    async run(ctx) {
      const found = await jobsIn(ctx, 'unfinished');
      if (!found) return ctx.skip(notExercised('pending or running job'));
      const sample = sampleByStatus(found.jobs, SAMPLE_SIZE);
      const answers = await Promise.all(sample.map((job) => ctx.send({ operationId: 'getJobStatus', jobId: job.jobId as string })));
      for (const [i, exchange] of answers.entries()) {
        const job = sample[i] as SeenJob;
        const status = bodyObject(exchange)?.status;
        const later = job.status === 'pending' ? 'pending, running or finished' : 'running or finished';
        if (exchange.response?.status !== 200) {
          ctx.fail({
            message: `${describeJob(job)}: its status endpoint answered ${exchange.response?.status ?? 'nothing'}`,
            expected: `200 with status ${later}`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        const phase = statusPhase(status);
        if (phase === undefined) {
          ctx.fail({
            message: `${describeJob(job)}: its status endpoint answers status ${showValue(status)}, which no GES page documents`,
            expected: `status ${later}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        } else if (job.status === 'running' && status === 'pending') {
          ctx.fail({
            message: `${describeJob(job)} is running in the list, but its status endpoint, read after, says "pending": a job never moves back`,
            expected: `status ${later}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        } else if (phase === 'unfinished' && bodyObject(exchange)?.data !== undefined) {
          ctx.fail({
            message: `${describeJob(job)} is still ${showValue(status)}, yet its status endpoint sends result data`,
            expected: 'no data until the job has finished',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${sample.length} unfinished jobs looked up${found.own ? " (the kit's own)" : ''}`);
    },
  },
  {
    id: 'failed_status_carries_fail_reason',
    group: 'consistency',
    level: 'must',
    phase: 'probe',
    description: `For failed jobs of the list (up to ${SAMPLE_SIZE}), the status endpoint's errorMessage is the list's failReason.`,
    async run(ctx) {
      const found = await jobsIn(ctx, 'finished', 'failed');
      if (!found) return ctx.skip(notExercised('failed job'));
      const sample = found.jobs.slice(0, SAMPLE_SIZE);
      const answers = await Promise.all(sample.map((job) => ctx.send({ operationId: 'getJobStatus', jobId: job.jobId as string })));
      for (const [i, exchange] of answers.entries()) {
        const job = sample[i] as SeenJob;
        const body = bodyObject(exchange);
        if (exchange.response?.status !== 200 || body?.status !== 'failed') continue; // list_status_matches_job_status says so
        if (body.errorMessage !== job.failReason) {
          ctx.fail({
            message: `${describeJob(job)} fails with ${showValue(job.failReason)} in the list, but its status endpoint says errorMessage ${showValue(body.errorMessage)}`,
            expected: `errorMessage ${showValue(job.failReason)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${sample.length} failed jobs looked up${found.own ? " (the kit's own)" : ''}`);
    },
  },
];
