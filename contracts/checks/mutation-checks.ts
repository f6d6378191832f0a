/**
 * Checks that create and cancel jobs; run only with --allow-mutations. A submitted algorithm shows
 * up first in the list with its body byte for byte as rawRequest, and the submit answer, the list and
 * the status endpoint agree on it; a cancelled job becomes failed with a failReason [decision], in
 * the list and on the status endpoint; a second cancel is 400 GES.8303 [ex, cancel page].
 */
import type { ContractCheck, SeenJob } from '../contract-types.js';
import { describeJob, showValue, statusPhase } from '../../src/spec/job-facts.js';
import { readJobTime } from '../../src/spec/read-job-time.js';
import { bodyObject, describeAnswer, expectGesError } from './check-helpers.js';
import { cancelOnce, findListed, submitOnce } from './own-jobs.js';

/** Statuses a job may have after `from`: a job only moves forward. */
const laterOrSame = (from: unknown): readonly unknown[] =>
  from === 'pending' ? ['pending', 'running'] : from === 'running' ? ['running'] : [from];

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
      const { body, jobId, listed } = await submitOnce(ctx);
      const { job, exchange } = listed;
      if (!job) return ctx.abort({ message: `the new job ${jobId} is not in the list`, exchange });
      if (job.rawRequest !== body) {
        ctx.fail({
          message: 'rawRequest is not the submitted body byte for byte',
          expected: body,
          actual: JSON.stringify(job.rawRequest),
          exchange,
        });
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
      const { jobId, listed } = await submitOnce(ctx);
      const { job, index, jobs, exchange } = listed;
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
    description:
      'Cancelling a running pagerank job answers 200; the list then shows it failed, with a failReason, canStop false and an endTime.',
    async run(ctx) {
      const run = await cancelOnce(ctx);
      const { jobId } = run.own;
      const { cancel } = run;
      const { job, exchange } = await findListed(ctx, jobId);
      if (!run.cancelled) {
        if (job && (job.status === 'success' || job.status === 'failed') && cancel.response?.status === 400) {
          return ctx.skip(`pagerank job ${jobId} finished (${showValue(job.status)}) before it could be cancelled`);
        }
        return ctx.abort({
          message: `cancelling job ${jobId} answered ${cancel.response?.status ?? 'nothing'}`,
          expected: '200 {}',
          actual: describeAnswer(cancel),
          exchange: cancel,
        });
      }
      if (!job) return ctx.abort({ message: `the cancelled job ${jobId} is not in the list`, exchange });
      const problems: string[] = [];
      if (job.status !== 'failed') problems.push(`status ${JSON.stringify(job.status)}`);
      if (typeof job.failReason !== 'string' || job.failReason === '') problems.push('no failReason');
      if (job.canStop !== false) problems.push(`canStop ${JSON.stringify(job.canStop)}`);
      if (job.endTime === undefined) problems.push('no endTime');
      const answer = bodyObject(cancel);
      const extra = Object.keys(answer ?? {}).filter(
        (key) => !['errorCode', 'errorMessage', 'result'].includes(key) || (key !== 'result' && answer?.[key] !== ''),
      );
      if (!answer || extra.length > 0) {
        ctx.fail({
          message: `the cancel answer is not the empty object the GES page documents${extra.length ? ` (it carries ${extra.join(', ')})` : ''}`,
          expected: '{}',
          actual: describeAnswer(cancel),
          exchange: cancel,
        });
      }
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
      const again = await ctx.send({ operationId: 'cancelJob', jobId: run.own.jobId });
      expectGesError(ctx, again, { status: 400, errorCode: 'GES.8303' }, `the second cancel of job ${run.own.jobId}`);
    },
  },
  {
    id: 'submit_answer_matches_everywhere',
    group: 'mutations',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description:
      "The submit answer's jobId (jobType 1 when sent) is the one the list shows and the status endpoint knows, right after the submit, with the same or a later status; the list's jobCount grew by one.",
    async run(ctx) {
      const { jobId, submit, before, listed, status } = await submitOnce(ctx);
      const jobType = bodyObject(submit)?.jobType;
      if (jobType !== undefined && jobType !== 1) {
        ctx.fail({
          message: `the submit answer says jobType ${showValue(jobType)}`,
          expected: 'jobType 1 (an algorithm job), or none',
          actual: describeAnswer(submit),
          exchange: submit,
        });
      }
      if (!listed.job)
        return ctx.abort({ message: `the list read right after the submit does not hold job ${jobId}`, exchange: listed.exchange });
      const statusValue = bodyObject(status)?.status;
      if (status.response?.status !== 200) {
        ctx.fail({
          message: `the status endpoint does not know job ${jobId} right after its submit`,
          expected: `200 with status ${showValue(listed.job.status)} or later`,
          actual: describeAnswer(status),
          exchange: status,
        });
      } else if (
        statusPhase(listed.job.status) !== undefined &&
        statusPhase(statusValue) !== 'finished' &&
        !laterOrSame(listed.job.status).includes(statusValue)
      ) {
        ctx.fail({
          message: `job ${jobId} is ${showValue(listed.job.status)} in the list, then ${showValue(statusValue)} on its status endpoint`,
          expected: `status ${laterOrSame(listed.job.status).join(' or ')}, or finished`,
          actual: describeAnswer(status),
          exchange: status,
        });
      }
      if (typeof before.jobCount === 'number' && typeof listed.jobCount === 'number' && listed.jobCount !== before.jobCount + 1) {
        ctx.fail({
          message: `jobCount was ${before.jobCount} before the submit and ${listed.jobCount} after`,
          expected: `jobCount ${before.jobCount + 1}`,
          exchange: listed.exchange,
        });
      }
    },
  },
  {
    id: 'cancelled_status_everywhere',
    group: 'mutations',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description:
      'Before its cancel the pagerank job is pending or running with canStop true, in the list and on its status endpoint; after it, the status endpoint says failed, its errorMessage the failReason of the list, the jobCount unchanged.',
    async run(ctx) {
      const run = await cancelOnce(ctx);
      const { own, before } = run;
      const job = before.job;
      if (!job)
        return ctx.abort({ message: `the list read right before the cancel does not hold job ${own.jobId}`, exchange: before.exchange });
      if (!run.cancelled) return ctx.skip(`not exercised: job ${own.jobId} was not cancelled (see cancelled_job_failed)`);
      if (statusPhase(job.status) !== 'unfinished' || job.canStop !== true) {
        ctx.fail({
          message: `before its cancel, ${describeJob(job)} is ${showValue(job.status)} with canStop ${showValue(job.canStop)}, yet the cancel answered 200`,
          expected: 'pending or running with canStop true (only a job that can still be stopped is cancelled)',
          exchange: before.exchange,
        });
      }
      const statusBefore = bodyObject(own.status)?.status;
      if (own.status.response?.status !== 200 || statusPhase(statusBefore) !== 'unfinished') {
        ctx.fail({
          message: `before its cancel, the status endpoint answered ${own.status.response?.status === 200 ? `status ${showValue(statusBefore)}` : describeAnswer(own.status)} for job ${own.jobId}`,
          expected: '200 with status pending or running',
          exchange: own.status,
        });
      }
      const [after, listed] = await Promise.all([
        ctx.send({ operationId: 'getJobStatus', jobId: own.jobId, fresh: true }),
        findListed(ctx, own.jobId),
      ]);
      const body = bodyObject(after);
      if (after.response?.status !== 200 || body?.status !== 'failed') {
        ctx.fail({
          message: `after its cancel, the status endpoint answers ${after.response?.status === 200 ? `status ${showValue(body?.status)}` : describeAnswer(after)} for job ${own.jobId}`,
          expected: '200 with status "failed", as the list says',
          actual: describeAnswer(after),
          exchange: after,
        });
      } else if (listed.job && typeof listed.job.failReason === 'string' && body.errorMessage !== listed.job.failReason) {
        ctx.fail({
          message: `after its cancel, the status endpoint's errorMessage is ${showValue(body.errorMessage)}, the list's failReason ${showValue(listed.job.failReason)}`,
          expected: `errorMessage ${showValue(listed.job.failReason)}`,
          exchange: after,
        });
      }
      if (typeof before.jobCount === 'number' && typeof listed.jobCount === 'number' && listed.jobCount !== before.jobCount) {
        ctx.fail({
          message: `jobCount was ${before.jobCount} before the cancel and ${listed.jobCount} after: a cancelled job stays in the list`,
          expected: `jobCount ${before.jobCount}`,
          exchange: listed.exchange,
        });
      }
    },
  },
  {
    id: 'unknown_vertex_accepted',
    group: 'mutations',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description:
      'Vertex ids are not checked on submit: shortest_path from a vertex the graph does not hold is accepted with a jobId (it fails later).',
    async run(ctx) {
      const body = JSON.stringify({ algorithmName: 'shortest_path', parameters: { source: 'no_such_vertex_kit', target: '38' } });
      const exchange = await ctx.send({ operationId: 'executeAlgorithm', query: { action_id: 'execute-algorithm' }, body });
      const jobId = bodyObject(exchange)?.jobId;
      if (exchange.response?.status !== 200 || typeof jobId !== 'string' || jobId === '') {
        ctx.fail({
          message: `shortest_path from an unknown vertex answered ${exchange.response?.status ?? 'nothing'}`,
          expected: '200 {"jobId": ...}: vertex ids are checked when the job runs, not on submit',
          actual: describeAnswer(exchange),
          exchange,
        });
      }
    },
  },
];
