/**
 * Checks that create and cancel jobs; run only with --allow-mutations. A submitted algorithm shows
 * up first in the list with its body byte for byte as rawRequest; a cancelled job becomes failed
 * with a failReason [decision]; a second cancel is 400 GES.8303 [ex, cancel page].
 */
import type { CheckContext, ContractCheck, Exchange, SeenJob } from '../contract-types.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import { readJobTime } from '../../src/spec/read-job-time.js';
import { getRequestExample } from '../../src/spec/spec-examples.js';
import { bodyObject, describeAnswer, expectGesError } from './check-helpers.js';

/** What cancelling once left behind for cancel_again_rejected. */
interface CancelRun {
  jobId?: string;
  cancelled: boolean;
  submit: Exchange;
  cancel?: Exchange;
}

/** Submits an algorithm body; aborts the check unless a jobId comes back. */
async function submit(ctx: CheckContext, body: string): Promise<{ jobId: string; exchange: Exchange }> {
  const exchange = await ctx.send({ operationId: 'executeAlgorithm', query: { action_id: 'execute-algorithm' }, body });
  const jobId = bodyObject(exchange)?.jobId;
  if (exchange.response?.status !== 200 || typeof jobId !== 'string' || jobId === '') {
    return ctx.abort({ message: 'submitting an algorithm did not answer a jobId', expected: '200 {"jobId": ...}', actual: describeAnswer(exchange), exchange });
  }
  return { jobId, exchange };
}

/** The job with this id in a fresh read of the list. */
async function findListed(ctx: CheckContext, jobId: string): Promise<{ job?: SeenJob; index: number; jobs: SeenJob[]; exchange: Exchange }> {
  const exchange = await ctx.send({ operationId: 'listJobs', fresh: true });
  const { jobs } = ctx.requireList(exchange, 'the list after the change');
  const index = jobs.findIndex((job) => job.jobId === jobId);
  return { ...(index >= 0 ? { job: jobs[index] } : {}), index, jobs, exchange };
}

/** What submitting shortest_path once left behind for the two submit checks. */
interface SubmitRun {
  body: string;
  jobId: string;
  job?: SeenJob;
  index: number;
  jobs: SeenJob[];
  exchange: Exchange;
}

/** Submits shortest_path (the spec's example) once per run and reads the list afresh. */
function submitOnce(ctx: CheckContext): Promise<SubmitRun> {
  let pending = ctx.shared.get('submitRun') as Promise<SubmitRun> | undefined;
  if (!pending) {
    pending = (async () => {
      // Unusual spacing on purpose: a server that re-serialises the body instead of keeping it shows.
      const body = JSON.stringify(getRequestExample('executeAlgorithm', 'ShortestPath'), null, 1).replace(/\n\s*/g, ' ');
      const { jobId } = await submit(ctx, body);
      return { body, jobId, ...(await findListed(ctx, jobId)) };
    })();
    ctx.shared.set('submitRun', pending);
  }
  return pending;
}

/** Submits pagerank (cancellable per the GES page) and cancels it, once per run. */
function cancelOnce(ctx: CheckContext): Promise<CancelRun> {
  let pending = ctx.shared.get('cancelRun') as Promise<CancelRun> | undefined;
  if (!pending) {
    pending = (async () => {
      const { jobId, exchange } = await submit(ctx, JSON.stringify(getRequestExample('executeAlgorithm', 'PageRank')));
      const cancel = await ctx.send({ operationId: 'cancelJob', jobId });
      return { jobId, submit: exchange, cancel, cancelled: cancel.response?.status === 200 };
    })();
    ctx.shared.set('cancelRun', pending);
  }
  return pending;
}

/** The checks of the mutations group. */
export const mutationChecks: readonly ContractCheck[] = [
  {
    id: 'submitted_job_listed',
    group: 'mutations',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description: 'A submitted algorithm is listed, as taskType Algorithm, with its body, byte for byte, as rawRequest.',
    async run(ctx) {
      const { body, jobId, job, exchange } = await submitOnce(ctx);
      if (!job) return ctx.abort({ message: `the new job ${jobId} is not in the list`, exchange });
      if (job.rawRequest !== body) {
        ctx.fail({ message: 'rawRequest is not the submitted body byte for byte', expected: body, actual: JSON.stringify(job.rawRequest), exchange });
      }
      if (job.taskType !== 'Algorithm') {
        ctx.fail({ message: `the new job has taskType ${JSON.stringify(job.taskType)}`, expected: 'Algorithm', exchange });
      }
    },
  },
  {
    id: 'submitted_job_listed_first',
    group: 'mutations',
    level: 'should',
    phase: 'probe',
    mutates: true,
    description: 'A submitted algorithm is listed first (or among the jobs of the newest startTime), as newest-first order implies.',
    async run(ctx) {
      const { jobId, job, index, jobs, exchange } = await submitOnce(ctx);
      if (!job) return ctx.skip(`the new job ${jobId} is not in the list (see submitted_job_listed)`);
      const second = (value: unknown) => Math.floor((readJobTime(value) ?? Number.NaN) / 1000);
      const start = second(job.startTime);
      const ahead = jobs.slice(0, index).filter((other) => other.startTime !== job.startTime && second(other.startTime) !== start);
      if (ahead.length > 0) {
        ctx.fail({
          message: `the new job is at position ${index}, after ${ahead.length} job(s) with another startTime, e.g. ${describeJob(ahead[0] as SeenJob)} (${showValue(ahead[0]?.startTime)})`,
          expected: `first, or behind jobs of the same startTime ${showValue(job.startTime)}`,
          exchange,
        });
      }
    },
  },
  {
    id: 'cancelled_job_failed',
    group: 'mutations',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description: 'Cancelling a running pagerank job answers 200; the list then shows it failed, with a failReason, canStop false and an endTime.',
    async run(ctx) {
      const run = await cancelOnce(ctx);
      const jobId = run.jobId as string;
      const cancel = run.cancel as Exchange;
      const { job, exchange } = await findListed(ctx, jobId);
      if (!run.cancelled) {
        if (job && (job.status === 'success' || job.status === 'failed') && cancel.response?.status === 400) {
          return ctx.skip(`pagerank job ${jobId} finished (${showValue(job.status)}) before it could be cancelled`);
        }
        return ctx.abort({ message: `cancelling job ${jobId} answered ${cancel.response?.status ?? 'nothing'}`, expected: '200 {}', actual: describeAnswer(cancel), exchange: cancel });
      }
      if (!job) return ctx.abort({ message: `the cancelled job ${jobId} is not in the list`, exchange });
      const problems: string[] = [];
      if (job.status !== 'failed') problems.push(`status ${JSON.stringify(job.status)}`);
      if (typeof job.failReason !== 'string' || job.failReason === '') problems.push('no failReason');
      if (job.canStop !== false) problems.push(`canStop ${JSON.stringify(job.canStop)}`);
      if (job.endTime === undefined) problems.push('no endTime');
      if (problems.length > 0) {
        ctx.fail({
          message: `after cancel, ${describeJob(job)} has ${problems.join(', ')}`,
          expected: 'status failed, a failReason, canStop false, an endTime',
          actual: JSON.stringify(job).slice(0, 400),
          exchange,
        });
      }
    },
  },
  {
    id: 'cancel_again_rejected',
    group: 'mutations',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description: 'Cancelling the same job a second time answers 400 GES.8303.',
    async run(ctx) {
      const run = await cancelOnce(ctx);
      if (!run.cancelled) return ctx.skip('no job was cancelled (see cancelled_job_failed)');
      const again = await ctx.send({ operationId: 'cancelJob', jobId: run.jobId as string });
      expectGesError(ctx, again, { status: 400, errorCode: 'GES.8303' }, `the second cancel of job ${run.jobId as string}`);
    },
  },
];
