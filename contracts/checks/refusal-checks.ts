/**
 * The refusals a real user hits on the write operations, sent only with --allow-mutations: invalid
 * algorithm bodies [doc/decision codes], cancelling an unknown job, a finished one or one through
 * another (unknown) graph (400 GES.8303 / GES.8000 [ex]), and writes without a token or with
 * --forbidden-token. Whatever a wrong server accepted by mistake is cancelled again and the finding
 * says so; a refused cancel must leave its job as it was.
 */
import type { CheckContext, ContractCheck, Exchange } from '../contract-types.js';
import { describeJob, showValue, statusPhase } from '../../src/spec/job-facts.js';
import { describeAnswer, expectGesError, isAuthStatus, unknownJobId } from './check-helpers.js';
import { cancelOnce, cleanUp, findListed, once, pagerankOnce, submitOnce } from './own-jobs.js';

/** One MiB, the largest body the spec accepts. */
const MAX_BODY = 1024 * 1024;

/** A refused submit: the body, what it is, and the answer the spec documents. */
interface BadSubmit {
  what: string;
  body: string;
  status: number;
  errorCode: string;
  query?: Record<string, string> | undefined;
  /** Malformed beyond doubt (a MUST refusal); an unknown name may be an algorithm of another engine version. */
  malformed: boolean;
}

const BAD_SUBMITS: readonly BadSubmit[] = [
  { what: 'an empty algorithmName', body: '{"algorithmName":""}', status: 400, errorCode: 'GES.8401', malformed: true },
  { what: 'no algorithmName', body: '{"parameters":{}}', status: 400, errorCode: 'GES.8401', malformed: true },
  {
    what: 'an unknown algorithm',
    body: '{"algorithmName":"no_such_algorithm_kit","parameters":{}}',
    status: 400,
    errorCode: 'GES.8402',
    malformed: false,
  },
  { what: 'a body that is a JSON array', body: '[{"algorithmName":"pagerank"}]', status: 400, errorCode: 'GES.8000', malformed: true },
  { what: 'a body that is no JSON', body: 'algorithmName=pagerank', status: 400, errorCode: 'GES.8000', malformed: true },
  {
    what: 'a body over 1 MiB',
    body: JSON.stringify({ algorithmName: 'pagerank', parameters: { padding: 'x'.repeat(MAX_BODY) } }),
    status: 400,
    errorCode: 'GES.8000',
    malformed: true,
  },
  {
    what: 'action_id other than execute-algorithm',
    body: '{"algorithmName":"pagerank"}',
    status: 400,
    errorCode: 'GES.8000',
    query: { action_id: 'execute-query' },
    malformed: true,
  },
];

/** Sends every invalid submit once per run; both refusal checks judge the same answers. */
function badSubmits(ctx: CheckContext): Promise<[BadSubmit, Exchange][]> {
  return once(ctx, 'badSubmits', async () => {
    const answers: [BadSubmit, Exchange][] = [];
    for (const bad of BAD_SUBMITS) {
      answers.push([
        bad,
        await ctx.send({ operationId: 'executeAlgorithm', query: bad.query ?? { action_id: 'execute-algorithm' }, body: bad.body }),
      ]);
    }
    return answers;
  });
}

/** Fails unless the exchange is a 4xx; cancels what a 200 created by mistake. */
async function expectWriteRefused(ctx: CheckContext, exchange: Exchange, what: string, mockAnswer: string): Promise<void> {
  const status = exchange.response?.status;
  if (status !== undefined && status >= 400 && status < 500) return;
  const cleaned = exchange.operationId === 'executeAlgorithm' ? await cleanUp(ctx, exchange) : '';
  ctx.fail({
    message: `${what} answered ${status ?? 'nothing'}${cleaned}`,
    expected: `4xx (the mock: ${mockAnswer})`,
    actual: describeAnswer(exchange),
    exchange,
  });
}

/** The writes sent with `auth` (no token, or --forbidden-token): a submit and a cancel of the kit's own shortest_path. */
async function unauthorisedWrites(ctx: CheckContext, auth: false | 'forbidden'): Promise<Exchange[]> {
  return once(ctx, `writes:${String(auth)}`, async () => {
    const { jobId } = await submitOnce(ctx);
    const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 } });
    return Promise.all([
      ctx.send({ operationId: 'executeAlgorithm', query: { action_id: 'execute-algorithm' }, body, auth }),
      ctx.send({ operationId: 'cancelJob', jobId, auth }),
    ]);
  });
}

/** The checks of the refusals group. */
export const refusalChecks: readonly ContractCheck[] = [
  {
    id: 'invalid_algorithm_rejected',
    group: 'refusals',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description:
      'A submit with an empty or missing algorithmName, a body that is no JSON object or over 1 MiB, or another action_id is refused with a 4xx GES envelope; none becomes a job (one created by mistake is cancelled and reported).',
    async run(ctx) {
      for (const [bad, exchange] of await badSubmits(ctx)) {
        if (!bad.malformed) continue; // an unknown name may be an algorithm of another engine version: invalid_algorithm_code
        if (exchange.response?.status === 200) {
          ctx.fail({
            message: `a submit with ${bad.what} was accepted${await cleanUp(ctx, exchange)}`,
            expected: `a 4xx GES envelope (the spec: ${bad.status} ${bad.errorCode})`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        if (!isAuthStatus(exchange.response?.status)) expectGesError(ctx, exchange, {}, `a submit with ${bad.what}`);
      }
    },
  },
  {
    id: 'invalid_algorithm_code',
    group: 'refusals',
    level: 'should',
    phase: 'probe',
    mutates: true,
    description:
      'Invalid submits answer their documented code: an empty or missing algorithmName 400 GES.8401, an unknown algorithm 400 GES.8402, a body that is no JSON object, over 1 MiB, or another action_id 400 GES.8000.',
    async run(ctx) {
      for (const [bad, exchange] of await badSubmits(ctx)) {
        if (exchange.response?.status === 200) {
          if (!bad.malformed)
            ctx.fail({
              message: `a submit with ${bad.what} was accepted${await cleanUp(ctx, exchange)}`,
              expected: `${bad.status} ${bad.errorCode}`,
              actual: describeAnswer(exchange),
              exchange,
            });
          continue; // a malformed one accepted: invalid_algorithm_rejected's failure
        }
        expectGesError(ctx, exchange, { status: bad.status, errorCode: bad.errorCode }, `a submit with ${bad.what}`);
      }
      ctx.note(`${BAD_SUBMITS.length} invalid submits`);
    },
  },
  {
    id: 'cancel_unknown_job_rejected',
    group: 'refusals',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description: 'Cancelling a job the graph does not hold answers 400 GES.8303.',
    async run(ctx) {
      const jobId = await unknownJobId(ctx);
      expectGesError(
        ctx,
        await ctx.send({ operationId: 'cancelJob', jobId }),
        { status: 400, errorCode: 'GES.8303' },
        `cancelling the unknown job ${jobId}`,
      );
    },
  },
  {
    id: 'cancel_finished_job_rejected',
    group: 'refusals',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description:
      "Cancelling a finished job (one of the list, or else the kit's own cancelled pagerank) answers 400 GES.8303 and leaves it as it was.",
    async run(ctx) {
      const base = ctx.requireList(await ctx.send({ operationId: 'listJobs', fresh: true }), 'the list');
      let job = base.jobs.find((candidate) => statusPhase(candidate.status) === 'finished' && typeof candidate.jobId === 'string');
      if (!job) {
        const run = await cancelOnce(ctx);
        if (!run.cancelled) return ctx.skip('not exercised: the list holds no finished job and the kit could not cancel one of its own');
        job = (await findListed(ctx, run.own.jobId)).job;
        if (!job) return ctx.skip(`not exercised: the cancelled job ${run.own.jobId} is not in the list (see cancelled_job_failed)`);
      }
      const jobId = job.jobId as string;
      const exchange = await ctx.send({ operationId: 'cancelJob', jobId });
      expectGesError(
        ctx,
        exchange,
        { status: 400, errorCode: 'GES.8303' },
        `cancelling ${describeJob(job)}, which is ${showValue(job.status)}`,
      );
      const after = (await findListed(ctx, jobId)).job;
      if (after && after.status !== job.status) {
        ctx.fail({
          message: `after a refused cancel, ${describeJob(job)} went from ${showValue(job.status)} to ${showValue(after.status)}`,
          expected: `status ${showValue(job.status)}: a finished job keeps its status`,
          exchange,
        });
      }
    },
  },
  {
    id: 'cancel_other_graph_rejected',
    group: 'refusals',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description:
      "Cancelling one of the graph's pending or running jobs through a graph that does not exist answers 400 GES.8000, and the job is not cancelled.",
    async run(ctx) {
      if (ctx.options.missingGraph === ctx.options.graph) return ctx.skip('not exercised: --missing-graph is the graph under test');
      const own = await pagerankOnce(ctx);
      const exchange = await ctx.send({ operationId: 'cancelJob', graph: ctx.options.missingGraph, jobId: own.jobId });
      expectGesError(
        ctx,
        exchange,
        { status: 400, errorCode: 'GES.8000' },
        `cancelling job ${own.jobId} through graph ${ctx.options.missingGraph}`,
      );
      const after = (await findListed(ctx, own.jobId)).job;
      // The kit has not cancelled it itself yet (this check runs before cancelled_job_failed).
      const cancelledHere =
        !ctx.shared.has('cancelRun') && statusPhase(own.listed.job?.status) === 'unfinished' && after?.status === 'failed';
      if (after && cancelledHere) {
        ctx.fail({
          message: `the cancel through graph ${ctx.options.missingGraph} cancelled job ${own.jobId} of graph ${ctx.options.graph}`,
          expected: 'the job left as it was',
          actual: describeJob(after),
          exchange,
        });
      }
    },
  },
  {
    id: 'writes_without_token_rejected',
    group: 'refusals',
    level: 'must',
    phase: 'probe',
    mutates: true,
    description:
      'A submit and a cancel without X-Auth-Token, or with --forbidden-token, are refused with a 4xx; a job created by mistake is cancelled again and reported.',
    async run(ctx) {
      if (ctx.options.token === undefined)
        return ctx.skip('not exercised: no --token given, so a refused write cannot be told from an accepted one');
      for (const exchange of await unauthorisedWrites(ctx, false)) {
        await expectWriteRefused(ctx, exchange, `${exchange.operationId} without a token`, '401 GES.8007');
      }
      if (ctx.options.forbiddenToken === undefined) {
        ctx.note('no --forbidden-token: only the writes without a token were sent');
        return;
      }
      for (const exchange of await unauthorisedWrites(ctx, 'forbidden')) {
        await expectWriteRefused(ctx, exchange, `${exchange.operationId} with the forbidden token`, '403 GES.8006');
      }
    },
  },
  {
    id: 'write_refusal_codes',
    group: 'refusals',
    level: 'should',
    phase: 'probe',
    mutates: true,
    description: 'A write without X-Auth-Token answers 401 GES.8007, and with --forbidden-token 403 GES.8006, as the spec decides.',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('not exercised: no --token given');
      for (const exchange of await unauthorisedWrites(ctx, false)) {
        if (isAuthStatus(exchange.response?.status) || exchange.response?.status === 400) {
          expectGesError(ctx, exchange, { status: 401, errorCode: 'GES.8007' }, `${exchange.operationId} without a token`);
        }
      }
      if (ctx.options.forbiddenToken === undefined) return;
      for (const exchange of await unauthorisedWrites(ctx, 'forbidden')) {
        if (isAuthStatus(exchange.response?.status) || exchange.response?.status === 400) {
          expectGesError(ctx, exchange, { status: 403, errorCode: 'GES.8006' }, `${exchange.operationId} with the forbidden token`);
        }
      }
    },
  },
];
