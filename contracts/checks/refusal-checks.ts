/**
 * The refusals a real user hits on the write operations, sent only with --allow-mutations: invalid
 * algorithm bodies, cancelling an unknown job (400 GES.8303 [ex]), a finished one, one whose algorithm
 * the cancel page does not list, or one through another (unknown) graph, and writes without a token
 * or with --forbidden-token. The pages state which of these are refused; the codes beyond the
 * documented ones are this spec's (SHOULD). Whatever a wrong server accepted by mistake is cancelled
 * again and the finding says so; a refused cancel must leave its job as it was.
 */
import type { CheckContext, CheckDefinition, Exchange, SendOptions } from '../contract-types.js';
import type { OperationId } from '../../src/types.js';
import { getRequestExample } from '../../src/spec/spec-examples.js';
import type { RuleId } from '../rule-inventory.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import { bodyObject, describeAnswer, expectGesError, isAuthStatus, unknownJobId } from './check-helpers.js';
import { phaseOf, stateOf } from './job-states.js';
import { cancelOnce, cleanUp, findListed, once, pagerankOfItsOwn, submitOnce } from './own-jobs.js';
import { kindRun, offeredOperations } from './kind-submissions.js';

/** One MiB, the largest body the spec accepts. */
const MAX_BODY = 1024 * 1024;

/** A refused submit: the body, what it is, and the answer the spec documents. */
interface BadSubmit {
  what: string;
  body: string;
  status: number;
  errorCode: string;
  query?: Record<string, string> | undefined;
  /** Refused by what the pages state (a MUST refusal); the others are refused by this spec's decisions. */
  malformed: boolean;
  /** The rule of its status and code. */
  codeRule: RuleId;
}

const CODES: RuleId = 'submit.refusal-codes';

const BAD_SUBMITS: readonly BadSubmit[] = [
  {
    what: 'an empty algorithmName',
    body: '{"algorithmName":""}',
    status: 400,
    errorCode: 'GES.8401',
    malformed: true,
    codeRule: 'submit.empty-name-code',
  },
  { what: 'no algorithmName', body: '{"parameters":{}}', status: 400, errorCode: 'GES.8401', malformed: true, codeRule: CODES },
  {
    what: 'an unknown algorithm',
    body: '{"algorithmName":"no_such_algorithm_kit","parameters":{}}',
    status: 400,
    errorCode: 'GES.8402',
    malformed: false,
    codeRule: CODES,
  },
  {
    what: 'a body that is a JSON array',
    body: '[{"algorithmName":"pagerank"}]',
    status: 400,
    errorCode: 'GES.8000',
    malformed: true,
    codeRule: CODES,
  },
  { what: 'a body that is no JSON', body: 'algorithmName=pagerank', status: 400, errorCode: 'GES.8000', malformed: true, codeRule: CODES },
  {
    // A pagerank body, valid but for its size: only the mock's own limit refuses it.
    what: 'a body over 1 MiB',
    body: JSON.stringify({ algorithmName: 'pagerank', parameters: { padding: 'x'.repeat(MAX_BODY) } }),
    status: 400,
    errorCode: 'GES.8000',
    malformed: false,
    codeRule: CODES,
  },
  {
    what: 'action_id other than execute-algorithm',
    body: '{"algorithmName":"pagerank"}',
    status: 400,
    errorCode: 'GES.8000',
    query: { action_id: 'execute-query' },
    malformed: false,
    codeRule: CODES,
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
  ctx.judged();
  if (status !== undefined && status >= 400 && status < 500) return;
  const cleaned = exchange.operationId === 'cancelJob' ? '' : await cleanUp(ctx, exchange);
  ctx.fail({
    rule: 'auth.token-required',
    message: `${what} answered ${status ?? 'nothing'}${cleaned}`,
    expected: `4xx (the mock: ${mockAnswer})`,
    actual: describeAnswer(exchange),
    exchange,
  });
}

/**
 * The writes sent with `auth` (no token, or --forbidden-token): a submit and a cancel of the kit's own
 * shortest_path, and a request to each other API that creates jobs the target offers (its page's
 * query example, an index of the kit's own name, the export of a job no graph holds).
 */
async function unauthorisedWrites(ctx: CheckContext, auth: false | 'forbidden'): Promise<Exchange[]> {
  return once(ctx, `writes:${String(auth)}`, async () => {
    const { jobId } = await submitOnce(ctx);
    const run = await kindRun(ctx);
    const offered = offeredOperations(run);
    const { indexName } = run;
    const body = JSON.stringify({ algorithmName: 'pagerank', parameters: { alpha: 0.85 } });
    const writes: SendOptions[] = [
      { operationId: 'executeAlgorithm', query: { action_id: 'execute-algorithm' }, body },
      { operationId: 'cancelJob', jobId },
    ];
    const json = (operationId: OperationId, name: string) => JSON.stringify(getRequestExample(operationId, name));
    if (offered.has('queryVertices'))
      writes.push({ operationId: 'queryVertices', query: { action_id: 'query' }, body: json('queryVertices', 'QueryPage') });
    if (offered.has('queryEdges'))
      writes.push({ operationId: 'queryEdges', query: { action_id: 'query' }, body: json('queryEdges', 'QueryPage') });
    if (offered.has('createIndex')) {
      const index = { ...(getRequestExample('createIndex', 'CompositePage') as Record<string, unknown>), indexName: `${indexName}_auth` };
      writes.push({ operationId: 'createIndex', body: JSON.stringify(index) });
    }
    if (offered.has('deleteIndex')) writes.push({ operationId: 'deleteIndex', indexName: `${indexName}_auth` });
    if (offered.has('exportJobResult')) {
      writes.push({
        operationId: 'exportJobResult',
        query: { action_id: 'export-result' },
        jobId: await unknownJobId(ctx),
        body: json('exportJobResult', 'ToObsPage'),
      });
    }
    return Promise.all(writes.map((write) => ctx.send({ ...write, auth })));
  });
}

/** The checks of the refusals group. */
export const refusalChecks: readonly CheckDefinition[] = [
  {
    id: 'invalid_algorithm_rejected',
    group: 'refusals',
    phase: 'probe',
    mutates: true,
    description:
      'A submit with an empty or missing algorithmName, or a body that is no JSON object, is refused with a 4xx without a jobId; none becomes a job (one created by mistake is cancelled and reported).',
    async run(ctx) {
      for (const [bad, exchange] of await badSubmits(ctx)) {
        if (!bad.malformed) continue; // refused by the spec's decisions only: invalid_algorithm_code
        if (exchange.response?.status === 200) {
          ctx.judged();
          ctx.fail({
            rule: 'submit.refusals',
            message: `a submit with ${bad.what} was accepted${await cleanUp(ctx, exchange)}`,
            expected: `a 4xx GES envelope (the spec: ${bad.status} ${bad.errorCode})`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        // Refused with a 4xx: its code is invalid_algorithm_code's; a gateway's 401/403 body is its own.
        if (isAuthStatus(exchange.response?.status)) ctx.judged();
        else expectGesError(ctx, exchange, { rule: 'submit.refusals' }, `a submit with ${bad.what}`);
        // The page: the job id is empty when the request fails. One that comes back names a job made anyway.
        const jobId = bodyObject(exchange)?.jobId;
        if (typeof jobId === 'string' && jobId !== '') {
          ctx.fail({
            rule: 'submit.refusals',
            message: `a submit with ${bad.what} was refused, yet the answer carries jobId ${jobId}${await cleanUp(ctx, exchange)}`,
            expected: 'no jobId in a refusal',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
    },
  },
  {
    id: 'invalid_algorithm_code',
    group: 'refusals',
    phase: 'probe',
    mutates: true,
    description:
      'Invalid submits answer their code: an empty algorithmName 400 GES.8401 (the error table); as the spec decides, a missing one 400 GES.8401, an unknown algorithm 400 GES.8402, a body that is no JSON object, over 1 MiB, or another action_id 400 GES.8000.',
    async run(ctx) {
      for (const [bad, exchange] of await badSubmits(ctx)) {
        if (exchange.response?.status === 200) {
          if (bad.malformed) continue; // a malformed one accepted: invalid_algorithm_rejected's failure
          ctx.judged();
          ctx.fail({
            rule: bad.codeRule,
            message: `a submit with ${bad.what} was accepted${await cleanUp(ctx, exchange)}`,
            expected: `${bad.status} ${bad.errorCode}`,
            actual: describeAnswer(exchange),
            exchange,
          });
          continue;
        }
        expectGesError(ctx, exchange, { rule: bad.codeRule, status: bad.status, errorCode: bad.errorCode }, `a submit with ${bad.what}`);
      }
      ctx.note(`${BAD_SUBMITS.length} invalid submits`);
    },
  },
  {
    id: 'cancel_unknown_job_rejected',
    group: 'refusals',
    phase: 'probe',
    mutates: true,
    description: 'Cancelling a job the graph does not hold answers 400 GES.8303.',
    async run(ctx) {
      const jobId = await unknownJobId(ctx);
      expectGesError(
        ctx,
        await ctx.send({ operationId: 'cancelJob', jobId }),
        { rule: 'cancel.unknown-job', status: 400, errorCode: 'GES.8303' },
        `cancelling the unknown job ${jobId}`,
      );
    },
  },
  {
    id: 'cancel_finished_job_rejected',
    group: 'refusals',
    phase: 'probe',
    mutates: true,
    description:
      "Cancelling a finished job (one of the list, or else the kit's own cancelled pagerank) is refused with a 4xx and leaves it as it was; the spec's code is 400 GES.8303.",
    async run(ctx) {
      const base = ctx.requireList(await ctx.send({ operationId: 'listJobs', fresh: true }), 'the list', 'cancel.refusals');
      // A job that ended well, else one that failed: the cancel page names both as not cancellable.
      const finished = base.jobs.filter((candidate) => phaseOf(candidate.status) === 'finished' && typeof candidate.jobId === 'string');
      let job = finished.find((candidate) => stateOf(candidate.status) === 'success') ?? finished[0];
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
        { rule: 'cancel.refusals', status: 400, errorCode: 'GES.8303', codeRule: 'cancel.refusal-codes' },
        `cancelling ${describeJob(job)}, which is ${showValue(job.status)}`,
      );
      const after = (await findListed(ctx, jobId)).job;
      if (after && after.status !== job.status) {
        ctx.fail({
          rule: 'cancel.refusals',
          message: `after a refused cancel, ${describeJob(job)} went from ${showValue(job.status)} to ${showValue(after.status)}`,
          expected: `status ${showValue(job.status)}: a finished job keeps its status`,
          exchange,
        });
      }
    },
  },
  {
    id: 'cancel_not_cancellable_rejected',
    group: 'refusals',
    phase: 'probe',
    mutates: true,
    description:
      "Cancelling the kit's shortest_path (an algorithm the cancel page does not list) is refused with a 4xx and does not cancel it; the spec's code is 400 GES.8303.",
    async run(ctx) {
      const own = await submitOnce(ctx);
      const before = (await findListed(ctx, own.jobId)).job;
      const exchange = await ctx.send({ operationId: 'cancelJob', jobId: own.jobId });
      expectGesError(
        ctx,
        exchange,
        { rule: 'cancel.refusals', status: 400, errorCode: 'GES.8303', codeRule: 'cancel.refusal-codes' },
        `cancelling the kit's shortest_path job ${own.jobId}${before ? `, which is ${showValue(before.status)}` : ''}`,
      );
      const after = (await findListed(ctx, own.jobId)).job;
      // A job that was running may have failed on its own since; one failed "cancelled" was cancelled.
      if (
        before &&
        after &&
        phaseOf(before.status) === 'unfinished' &&
        stateOf(after.status) === 'failed' &&
        /cancel/i.test(String(after.failReason))
      ) {
        ctx.fail({
          rule: 'cancel.refusals',
          message: `the cancel was refused, yet ${describeJob(after)} now fails with ${showValue(after.failReason)}`,
          expected: 'the job left as it was',
          exchange,
        });
      }
    },
  },
  {
    id: 'cancel_other_graph_rejected',
    group: 'refusals',
    phase: 'probe',
    mutates: true,
    description:
      "Cancelling a pending or running pagerank of the graph through a graph that does not exist is refused with a 4xx, and the job is not cancelled; the spec's code is 400 GES.8000.",
    async run(ctx) {
      if (ctx.options.missingGraph === ctx.options.graph) return ctx.skip('not exercised: --missing-graph is the graph under test');
      // A pagerank of its own, so that whatever else the run does to its jobs cannot mask a wrong cancel.
      const own = await pagerankOfItsOwn(ctx);
      try {
        const exchange = await ctx.send({ operationId: 'cancelJob', graph: ctx.options.missingGraph, jobId: own.jobId });
        expectGesError(
          ctx,
          exchange,
          { rule: 'cancel.refusals', status: 400, errorCode: 'GES.8000', codeRule: 'cancel.refusal-codes' },
          `cancelling job ${own.jobId} through graph ${ctx.options.missingGraph}`,
        );
        const after = (await findListed(ctx, own.jobId)).job;
        if (after && phaseOf(own.listed.job?.status) === 'unfinished' && stateOf(after.status) === 'failed') {
          ctx.fail({
            rule: 'cancel.refusals',
            message: `the cancel through graph ${ctx.options.missingGraph} cancelled job ${own.jobId} of graph ${ctx.options.graph}`,
            expected: 'the job left as it was',
            actual: describeJob(after),
            exchange,
          });
        }
      } finally {
        // The kit leaves no running pagerank behind: its own cancel, not judged here.
        await ctx.send({ operationId: 'cancelJob', jobId: own.jobId });
      }
    },
  },
  {
    id: 'writes_without_token_rejected',
    group: 'refusals',
    phase: 'probe',
    mutates: true,
    description:
      'A submit, a cancel and a request to each other API that creates jobs the target offers, without X-Auth-Token or with --forbidden-token, are refused with a 4xx; a job created by mistake is cancelled again and reported.',
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
    phase: 'probe',
    mutates: true,
    description: 'A write without X-Auth-Token answers 401 GES.8007, and with --forbidden-token 403 GES.8006, as the spec decides.',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('not exercised: no --token given');
      for (const exchange of await unauthorisedWrites(ctx, false)) {
        if (isAuthStatus(exchange.response?.status) || exchange.response?.status === 400) {
          expectGesError(
            ctx,
            exchange,
            { rule: 'auth.codes', status: 401, errorCode: 'GES.8007' },
            `${exchange.operationId} without a token`,
          );
        }
      }
      if (ctx.options.forbiddenToken === undefined) return;
      for (const exchange of await unauthorisedWrites(ctx, 'forbidden')) {
        if (isAuthStatus(exchange.response?.status) || exchange.response?.status === 400) {
          expectGesError(
            ctx,
            exchange,
            { rule: 'auth.codes', status: 403, errorCode: 'GES.8006' },
            `${exchange.operationId} with the forbidden token`,
          );
        }
      }
    },
  },
];
