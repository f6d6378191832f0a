/**
 * Checks that create and cancel jobs; run only with --allow-mutations. A submitted algorithm's jobId
 * is known to the list, its pages and the status endpoint right after, listed as Algorithm with its
 * body as rawRequest (the same JSON; byte for byte is SHOULD); cancelling a cancellable running job
 * answers {} [ex, cancel page], and what the job looks like afterwards (failed, with a failReason) is
 * this spec's decision, judged as SHOULD, while the list and the status endpoint must still agree.
 */
import type { CheckContext, CheckDefinition, Exchange, SeenJob } from '../contract-types.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import { readJobTime } from '../../src/spec/read-job-time.js';
import { bodyObject, canonicalJson, describeAnswer, expectGesError, readStatusAnswer } from './check-helpers.js';
import { phaseOf, sameOrLater, sameState, stateOf } from './job-states.js';
import { cancelOnce, findListed, shortestPathSubmitted, submitOnce, unknownVertexOnce, waitForListed } from './own-jobs.js';

/** How many jobs a page of the paged read holds. */
const PAGE = 3;

/**
 * Reads the page that should hold the job at `index` of a fresh unpaged read and says where it is
 * there and with which status; a mismatch is read again once, since a live engine may change between
 * the two reads.
 */
async function pagedAgainstUnpaged(
  ctx: CheckContext,
  jobId: string,
): Promise<{ unpaged?: SeenJob | undefined; index: number; paged?: SeenJob | undefined; at: number; page: Exchange } | undefined> {
  let result: Awaited<ReturnType<typeof pagedAgainstUnpaged>>;
  for (let attempt = 0; attempt < 2; attempt++) {
    const { job: unpaged, index } = await findListed(ctx, jobId);
    if (index < 0) return undefined;
    const offset = Math.floor(index / PAGE) * PAGE;
    const page = await ctx.send({ operationId: 'listJobs', query: { limit: String(PAGE), offset: String(offset) }, fresh: true });
    const { jobs } = ctx.requireList(page, `the page limit=${PAGE}&offset=${offset}`, 'list.paging-slices');
    const at = jobs.findIndex((job) => job.jobId === jobId);
    result = { unpaged, index, paged: jobs[at], at: at < 0 ? at : offset + at, page };
    if (result.at === index && sameOrLater(unpaged?.status, result.paged?.status)) return result;
  }
  return result;
}

/** The checks of the mutations group. */
export const mutationChecks: readonly CheckDefinition[] = [
  {
    id: 'submitted_job_listed',
    group: 'mutations',
    phase: 'probe',
    mutates: true,
    description:
      'A submitted algorithm is listed as taskType Algorithm with its body as rawRequest: the same JSON (byte for byte is what the spec decides).',
    async run(ctx) {
      const submitted = await shortestPathSubmitted(ctx);
      if ('refused' in submitted) {
        return ctx.abort({
          rule: 'submit.listed',
          message: "submitting the kit's shortest_path (the spec's example) did not answer a jobId",
          expected: '200 {"jobId": ...}',
          actual: describeAnswer(submitted.refused),
          exchange: submitted.refused,
        });
      }
      const { body, jobId, listed } = submitted;
      const { job, exchange } = listed;
      if (!job) return ctx.abort({ rule: 'submit.listed', message: `the new job ${jobId} is not in the list`, exchange });
      ctx.judged();
      if (canonicalJson(job.rawRequest) !== canonicalJson(body)) {
        ctx.fail({
          rule: 'job.raw-request',
          message: 'rawRequest is not the submitted body',
          expected: body,
          actual: JSON.stringify(job.rawRequest),
          exchange,
        });
      } else if (job.rawRequest !== body) {
        ctx.fail({
          rule: 'job.raw-request-bytes',
          message: 'rawRequest is the submitted JSON written again, not its bytes',
          expected: body,
          actual: JSON.stringify(job.rawRequest),
          exchange,
        });
      }
      if (job.taskType !== 'Algorithm') {
        ctx.fail({
          rule: 'submit.listed',
          message: `the new job has taskType ${JSON.stringify(job.taskType)}`,
          expected: 'Algorithm',
          exchange,
        });
      }
    },
  },
  {
    id: 'submitted_job_listed_first',
    group: 'mutations',
    phase: 'probe',
    mutates: true,
    description: 'A submitted algorithm is listed first (or among the jobs of the newest startTime), as newest-first order implies.',
    async run(ctx) {
      const { jobId, listed } = await submitOnce(ctx);
      const { job, index, jobs, exchange } = listed;
      if (!job) return ctx.skip(`the new job ${jobId} is not in the list (see submitted_job_listed)`);
      ctx.judged();
      const second = (value: unknown) => Math.floor((readJobTime(value) ?? Number.NaN) / 1000);
      const start = second(job.startTime);
      const ahead = jobs.slice(0, index).filter((other) => other.startTime !== job.startTime && second(other.startTime) !== start);
      if (ahead.length > 0) {
        ctx.fail({
          rule: 'list.order',
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
    phase: 'probe',
    mutates: true,
    description:
      'Cancelling a running pagerank job answers 200 {} and stops it; the list then shows it failed, with a failReason, canStop false and an endTime (as the spec decides).',
    async run(ctx) {
      const run = await cancelOnce(ctx);
      const { jobId } = run.own;
      const { cancel } = run;
      const found = await findListed(ctx, jobId);
      const { exchange } = found;
      let { job } = found;
      if (!run.cancelled) {
        if (job && phaseOf(job.status) === 'finished' && cancel.response?.status === 400) {
          return ctx.skip(`pagerank job ${jobId} finished (${showValue(job.status)}) before it could be cancelled`);
        }
        return ctx.abort({
          rule: 'cancel.answer',
          message: `cancelling job ${jobId} answered ${cancel.response?.status ?? 'nothing'}`,
          expected: '200 {}',
          actual: describeAnswer(cancel),
          exchange: cancel,
        });
      }
      ctx.judged();
      const answer = bodyObject(cancel);
      const extra = Object.keys(answer ?? {}).filter(
        (key) => !['errorCode', 'errorMessage', 'result'].includes(key) || (key !== 'result' && answer?.[key] !== ''),
      );
      if (!answer || extra.length > 0) {
        ctx.fail({
          rule: 'cancel.answer',
          message: `the cancel answer is not the empty object the GES page shows${extra.length ? ` (it carries ${extra.join(', ')})` : ''}`,
          expected: '{}',
          actual: describeAnswer(cancel),
          exchange: cancel,
        });
      }
      if (!job) return ctx.abort({ rule: 'cancel.effect', message: `the cancelled job ${jobId} is not in the list`, exchange });
      if (phaseOf(job.status) !== 'finished') {
        // An engine may stop a job a moment after it answered the cancel: wait for it, within --job-wait.
        const stopped = await waitForListed(ctx, jobId, (listed) => phaseOf(listed.status) === 'finished');
        if (!stopped) {
          return ctx.abort({
            rule: 'cancel.stops-job',
            message: `the cancel answered 200, yet job ${jobId} is still ${showValue((await findListed(ctx, jobId)).job?.status)} after ${ctx.options.jobWaitMs} ms`,
            expected: 'the job stopped: no longer pending or running',
            exchange,
          });
        }
        job = stopped;
      }
      const problems: string[] = [];
      if (job.status !== 'failed') problems.push(`status ${JSON.stringify(job.status)}`);
      if (typeof job.failReason !== 'string' || job.failReason === '') problems.push('no failReason');
      if (job.canStop !== false) problems.push(`canStop ${JSON.stringify(job.canStop)}`);
      if (job.endTime === undefined) problems.push('no endTime');
      if (problems.length > 0) {
        ctx.fail({
          rule: 'cancel.effect',
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
    phase: 'probe',
    mutates: true,
    description: 'Cancelling the same job a second time answers 400 GES.8303, as the spec decides.',
    async run(ctx) {
      const run = await cancelOnce(ctx);
      if (!run.cancelled) return ctx.skip('no job was cancelled (see cancelled_job_failed)');
      const again = await ctx.send({ operationId: 'cancelJob', jobId: run.own.jobId });
      expectGesError(
        ctx,
        again,
        { rule: 'cancel.effect', status: 400, errorCode: 'GES.8303' },
        `the second cancel of job ${run.own.jobId}`,
      );
    },
  },
  {
    id: 'submit_answer_matches_everywhere',
    group: 'mutations',
    phase: 'probe',
    mutates: true,
    description:
      "The submit answer's jobId is the one the list shows and the status endpoint knows, right after the submit, with the same or a later status; the answer says jobType 1 when it sends one, and the list's jobCount grew by one (as the spec decides).",
    async run(ctx) {
      const { jobId, submit, before, listed, status } = await submitOnce(ctx);
      const jobType = bodyObject(submit)?.jobType;
      if (jobType !== undefined && jobType !== 1) {
        ctx.fail({
          rule: 'submit.job-type',
          message: `the submit answer says jobType ${showValue(jobType)}`,
          expected: 'jobType 1 (an algorithm job), or none',
          actual: describeAnswer(submit),
          exchange: submit,
        });
      }
      if (!listed.job)
        return ctx.abort({
          rule: 'submit.listed',
          message: `the list read right after the submit does not hold job ${jobId}`,
          exchange: listed.exchange,
        });
      ctx.judged();
      const answer = status ? readStatusAnswer(status) : undefined;
      if (status && (answer?.kind === 'unknown' || answer?.kind === 'other')) {
        ctx.fail({
          rule: 'submit.listed',
          message: `the status endpoint does not know job ${jobId} right after its submit`,
          expected: `200 with status ${showValue(listed.job.status)} or later`,
          actual: describeAnswer(status),
          exchange: status,
        });
      } else if (
        status &&
        answer?.kind === 'state' &&
        phaseOf(listed.job.status) !== undefined &&
        !sameOrLater(listed.job.status, answer.status)
      ) {
        ctx.fail({
          rule: 'status.same-as-list',
          message: `job ${jobId} is ${showValue(listed.job.status)} in the list, then ${showValue(answer.status)} on its status endpoint`,
          expected: `status ${showValue(listed.job.status)} or a later one`,
          actual: describeAnswer(status),
          exchange: status,
        });
      }
      if (typeof before.jobCount === 'number' && typeof listed.jobCount === 'number' && listed.jobCount !== before.jobCount + 1) {
        ctx.fail({
          rule: 'list.job-count-total',
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
    phase: 'probe',
    mutates: true,
    description:
      'Before its cancel the pagerank job is pending or running with canStop true, in the list and on its status endpoint; after it, the status endpoint reports the state the list shows (a failed job may be the 400 GES.8301 form), its failure text the failReason of the list, the jobCount unchanged (as the spec decides).',
    async run(ctx) {
      const run = await cancelOnce(ctx);
      const { own, before } = run;
      const job = before.job;
      if (!job)
        return ctx.abort({
          rule: 'status.same-as-list',
          message: `the list read right before the cancel does not hold job ${own.jobId}`,
          exchange: before.exchange,
        });
      if (!run.cancelled) return ctx.skip(`not exercised: job ${own.jobId} was not cancelled (see cancelled_job_failed)`);
      if (!own.status) return ctx.skip('not exercised: it needs getJobStatus, which this run leaves out');
      ctx.judged();
      if (phaseOf(job.status) === 'finished') {
        ctx.fail({
          rule: 'cancel.refusals',
          message: `before its cancel, ${describeJob(job)} had finished, yet the cancel answered 200`,
          expected: 'a finished job cannot be cancelled',
          exchange: before.exchange,
        });
      } else if (job.canStop !== true) {
        ctx.fail({
          rule: 'job.cancellable-can-stop',
          message: `before its cancel, ${describeJob(job)} is ${showValue(job.status)} with canStop ${showValue(job.canStop)}`,
          expected: 'canStop true: pagerank is cancellable while it runs',
          exchange: before.exchange,
        });
      }
      const statusBefore = readStatusAnswer(own.status);
      const listedBefore = own.listed.job?.status;
      if (statusBefore.kind !== 'state' || (listedBefore !== undefined && !sameOrLater(listedBefore, statusBefore.status))) {
        ctx.fail({
          rule: 'status.same-as-list',
          message: `before its cancel, the status endpoint answered ${statusBefore.kind === 'state' ? `status ${showValue(statusBefore.status)}` : describeAnswer(own.status)} for job ${own.jobId}, listed ${showValue(listedBefore)}`,
          expected: `200 with status ${showValue(listedBefore)} or a later one`,
          exchange: own.status,
        });
      }
      const [after, listed] = await Promise.all([
        ctx.send({ operationId: 'getJobStatus', jobId: own.jobId, fresh: true }),
        findListed(ctx, own.jobId),
      ]);
      const answer = readStatusAnswer(after);
      const listedJob = listed.job;
      if (listedJob) {
        const agrees =
          (answer.kind === 'state' && sameState(answer.status, listedJob.status)) ||
          (answer.kind === 'failure' && stateOf(listedJob.status) === 'failed');
        if (!agrees) {
          ctx.fail({
            rule: 'status.same-as-list',
            message: `after its cancel, the list shows ${describeJob(listedJob)}, but the status endpoint answers ${answer.kind === 'state' ? `status ${showValue(answer.status)}` : describeAnswer(after)}`,
            expected: `status ${showValue(listedJob.status)}${stateOf(listedJob.status) === 'failed' ? ', or 400 GES.8301 carrying its failure' : ''}`,
            actual: describeAnswer(after),
            exchange: after,
          });
        } else if (stateOf(listedJob.status) === 'failed' && typeof listedJob.failReason === 'string') {
          const message = answer.kind === 'failure' ? answer.message : answer.kind === 'state' ? answer.body.errorMessage : undefined;
          if (message !== listedJob.failReason) {
            ctx.fail({
              rule: 'status.failed-form',
              message: `after its cancel, the status endpoint's errorMessage is ${showValue(message)}, the list's failReason ${showValue(listedJob.failReason)}`,
              expected: `errorMessage ${showValue(listedJob.failReason)}`,
              exchange: after,
            });
          }
        }
      }
      const { after: justAfter } = run;
      if (typeof before.jobCount === 'number' && typeof justAfter.jobCount === 'number' && justAfter.jobCount !== before.jobCount) {
        ctx.fail({
          rule: 'list.job-count-total',
          message: `jobCount was ${before.jobCount} right before the cancel and ${justAfter.jobCount} right after: a cancelled job stays in the list`,
          expected: `jobCount ${before.jobCount}`,
          exchange: justAfter.exchange,
        });
      }
    },
  },
  {
    id: 'unknown_vertex_accepted',
    group: 'mutations',
    phase: 'probe',
    mutates: true,
    description:
      'Vertex ids are not checked on submit: shortest_path from a vertex the graph does not hold is accepted with a jobId (it fails later).',
    async run(ctx) {
      const exchange = await unknownVertexOnce(ctx);
      const jobId = bodyObject(exchange)?.jobId;
      ctx.judged();
      if (exchange.response?.status !== 200 || typeof jobId !== 'string' || jobId === '') {
        ctx.fail({
          rule: 'submit.vertices-unchecked',
          message: `shortest_path from an unknown vertex answered ${exchange.response?.status ?? 'nothing'}`,
          expected: '200 {"jobId": ...}: vertex ids are checked when the job runs, not on submit',
          actual: describeAnswer(exchange),
          exchange,
        });
      }
    },
  },
  {
    id: 'paged_reads_current',
    group: 'mutations',
    phase: 'probe',
    mutates: true,
    description: `Right after a submit and a cancel, a paged read (limit=${PAGE}) shows the job where, and as, the unpaged list read at the same moment does.`,
    async run(ctx) {
      const { jobId } = await submitOnce(ctx);
      const subjects = [jobId];
      const cancelled = ctx.shared.has('cancelRun') ? await cancelOnce(ctx) : undefined;
      if (cancelled?.cancelled) subjects.push(cancelled.own.jobId);
      for (const id of subjects) {
        const seen = await pagedAgainstUnpaged(ctx, id);
        if (!seen) continue; // not in the unpaged list: submitted_job_listed says so
        ctx.judged();
        if (seen.at !== seen.index) {
          ctx.fail({
            rule: 'list.paging-slices',
            message: `job ${id} is at position ${seen.index} of the unpaged list, but ${seen.at < 0 ? 'not on the page that should hold it' : `at position ${seen.at} of the pages`}`,
            expected: `job ${id} on the page at offset ${Math.floor(seen.index / PAGE) * PAGE}`,
            actual: describeAnswer(seen.page),
            exchange: seen.page,
          });
        } else if (!sameOrLater(seen.unpaged?.status, seen.paged?.status)) {
          ctx.fail({
            rule: 'list.paging-slices',
            message: `job ${id} is ${showValue(seen.unpaged?.status)} in the unpaged list but ${showValue(seen.paged?.status)} on its page, read right after`,
            expected: `status ${showValue(seen.unpaged?.status)}`,
            exchange: seen.page,
          });
        }
      }
      ctx.note(`${subjects.length} jobs read paged and unpaged`);
    },
  },
];
