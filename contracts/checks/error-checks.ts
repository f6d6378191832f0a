/**
 * Errors: unknown graph and job (the seed's and the status page's examples), bad paging values
 * (negative_data_rejection), a missing token (ignored_auth) and a token refused for the project
 * (forbidden_token_rejected). The pages type limit and offset as integers and require a project
 * token, so a value that is no integer and a missing or foreign token MUST be refused with a 4xx;
 * negative values and the exact status and code the spec decides (400 GES.8005, 401 GES.8007, 403
 * GES.8006) are SHOULD: other 4xx envelopes warn, and fail only under --strict.
 */
import type { CheckContext, CheckDefinition, Exchange } from '../contract-types.js';
import { limitBounds, offsetBounds } from '../../src/spec/spec-facts.js';
import { envelopeViolations } from '../../src/spec/spec-validator.js';
import { bodyObject, describeAnswer, expectGesError, unknownJobId } from './check-helpers.js';

/** Integers just outside the spec's limit/offset ranges: 400 GES.8005 per the spec. */
const OUT_OF_RANGE: readonly Record<string, string>[] = [
  { limit: String(limitBounds.min - 1) },
  { limit: String(limitBounds.max + 1) },
  { offset: String(offsetBounds.min - 1) },
  { offset: String(offsetBounds.max + 1) },
  // Far outside: where a server parsing into 32 or 64 bits would wrap around.
  { limit: String(2 ** 32) },
  { offset: String(2 ** 32) },
  { offset: '99999999999999999999' },
];

/** A job id to read with another token: the list's first job, or an unknown one. */
async function someJobId(ctx: CheckContext): Promise<string> {
  const base = ctx.selects('listJobs') ? bodyObject(await ctx.defaultList()) : undefined;
  const firstJob = Array.isArray(base?.jobs) ? (base.jobs[0] as { jobId?: unknown } | undefined) : undefined;
  return typeof firstJob?.jobId === 'string' ? firstJob.jobId : unknownJobId(ctx);
}

/** The reads sent with `auth` (no token, or --forbidden-token): the list and one job's status, of those the run judges. */
async function readsWith(ctx: CheckContext, auth: false | 'forbidden'): Promise<Exchange[]> {
  const reads: Promise<Exchange>[] = [];
  if (ctx.selects('listJobs')) reads.push(ctx.send({ operationId: 'listJobs', auth }));
  if (ctx.selects('getJobStatus')) reads.push(ctx.send({ operationId: 'getJobStatus', jobId: await someJobId(ctx), auth }));
  return Promise.all(reads);
}

/** `name=value` of a one-parameter query. */
const describeQuery = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');

/** limit/offset values that are no integer (the page types both Integer): a server must refuse them. */
const MALFORMED: readonly Record<string, string>[] = [{ limit: 'abc' }, { limit: '2.5' }, { offset: 'xyz' }];

/** Negative integers: refused by the spec's ranges, a decision (the pages give no least value). */
const NEGATIVE: readonly Record<string, string>[] = [
  { limit: '-1' },
  { offset: '-1' },
  { limit: String(-(2 ** 31) - 1) },
  { offset: '-99999999999999999999' },
];

/** Whether the answer is a 4xx: what a refused request must be, whatever its code. */
const isClientError = (exchange: Exchange): boolean => {
  const status = exchange.response?.status;
  return status !== undefined && status >= 400 && status < 500;
};

/** Fails every exchange that is not a 4xx; `what` names the request, `mockAnswer` what the mock answers. */
function expectRefused(ctx: CheckContext, exchanges: readonly Exchange[], what: string, mockAnswer: string): void {
  for (const exchange of exchanges) {
    ctx.judged();
    if (isClientError(exchange)) continue;
    ctx.fail({
      rule: 'auth.token-required',
      message: `${exchange.operationId} ${what} answered ${exchange.response?.status ?? 'nothing'}`,
      expected: `4xx (the mock: ${mockAnswer})`,
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/**
 * The refusals among the answers, for the checks that judge how a refusal looks; when there is none
 * (the target accepted every request), the check was not exercised, and `refusingCheck` fails instead.
 */
function refusalsOf(ctx: CheckContext, exchanges: readonly Exchange[], what: string, refusingCheck: string): Exchange[] {
  const refused = exchanges.filter(isClientError);
  if (refused.length === 0 && exchanges.length > 0) {
    return ctx.skip(`not exercised: the target accepted ${what}, so there is no refusal to judge (${refusingCheck} says so)`);
  }
  return refused;
}

/** The checks of the errors group. */
export const errorChecks: readonly CheckDefinition[] = [
  {
    id: 'unknown_graph_rejected',
    group: 'errors',
    phase: 'probe',
    description: 'Listing the jobs of a graph that does not exist answers 400 GES.8000 in a GES error envelope.',
    async run(ctx) {
      if (ctx.options.missingGraph === ctx.options.graph) return ctx.skip('--missing-graph is the graph under test');
      const exchange = await ctx.send({ operationId: 'listJobs', graph: ctx.options.missingGraph });
      expectGesError(
        ctx,
        exchange,
        { rule: 'errors.unknown-graph', status: 400, errorCode: 'GES.8000' },
        `graph ${ctx.options.missingGraph}`,
      );
    },
  },
  {
    id: 'unknown_job_rejected',
    group: 'errors',
    phase: 'probe',
    description: 'The status of a job the graph does not hold answers 400 GES.8301 in a GES error envelope.',
    async run(ctx) {
      const jobId = await unknownJobId(ctx);
      const exchange = await ctx.send({ operationId: 'getJobStatus', jobId });
      expectGesError(ctx, exchange, { rule: 'status.unknown-job', status: 400, errorCode: 'GES.8301' }, `job ${jobId}`);
    },
  },
  {
    id: 'negative_data_rejection',
    group: 'errors',
    phase: 'probe',
    description:
      'A limit or offset that is no integer (abc, 2.5, xyz) answers a 4xx GES error envelope, never a page; negative ones are refused too, as the spec decides.',
    async run(ctx) {
      const probe = (queries: readonly Record<string, string>[]) =>
        Promise.all(queries.map((query) => ctx.send({ operationId: 'listJobs', query })));
      const [malformed, negative] = await Promise.all([probe(MALFORMED), probe(NEGATIVE)]);
      malformed.forEach((exchange, i) => {
        expectGesError(ctx, exchange, { rule: 'list.paging-malformed' }, describeQuery(MALFORMED[i] as Record<string, string>));
      });
      negative.forEach((exchange, i) => {
        expectGesError(ctx, exchange, { rule: 'list.paging-range' }, describeQuery(NEGATIVE[i] as Record<string, string>));
      });
      ctx.note(`${malformed.length + negative.length} bad values`);
    },
  },
  {
    id: 'ignored_auth',
    group: 'errors',
    phase: 'probe',
    description: 'A request without X-Auth-Token is refused with a 4xx (the list and a job status).',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('no --token given: cannot tell a refused request from an accepted one');
      expectRefused(ctx, await readsWith(ctx, false), 'without a token', '401 GES.8007');
    },
  },
  {
    id: 'auth_error_envelope',
    group: 'errors',
    phase: 'probe',
    description:
      'A refused token is answered with a JSON GES error envelope (real 401/403 bodies are undocumented; a gateway may send its own).',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('no --token given');
      for (const exchange of refusalsOf(ctx, await readsWith(ctx, false), 'a request without a token', 'ignored_auth')) {
        ctx.judged();
        const violations = envelopeViolations(exchange.response?.json);
        if (exchange.response?.contentType !== 'application/json' || violations.length > 0) {
          ctx.fail({
            rule: 'auth.codes',
            message: `${exchange.operationId} without a token answered ${exchange.response?.status} without a JSON GES error envelope`,
            expected: '{"errorMessage", "errorCode": "GES.xxxx", "result": "failed"} as application/json',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
    },
  },
  {
    id: 'paging_out_of_range_code',
    group: 'errors',
    phase: 'probe',
    description: `limit and offset just and far outside the spec's ranges (${OUT_OF_RANGE.map(describeQuery).join(', ')}) answer 400 GES.8005, as the spec decides.`,
    async run(ctx) {
      const exchanges = await Promise.all(OUT_OF_RANGE.map((query) => ctx.send({ operationId: 'listJobs', query })));
      for (const [i, exchange] of exchanges.entries()) {
        expectGesError(
          ctx,
          exchange,
          { rule: 'list.paging-codes', status: 400, errorCode: 'GES.8005' },
          describeQuery(OUT_OF_RANGE[i] as Record<string, string>),
        );
      }
      ctx.note(`${exchanges.length} values`);
    },
  },
  {
    id: 'missing_token_code',
    group: 'errors',
    phase: 'probe',
    description: 'A request without X-Auth-Token answers 401 GES.8007, as the spec decides (the GES table maps GES.8007 to 400).',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('no --token given: cannot tell a refused request from an accepted one');
      for (const exchange of refusalsOf(ctx, await readsWith(ctx, false), 'a request without a token', 'ignored_auth')) {
        expectGesError(
          ctx,
          exchange,
          { rule: 'auth.codes', status: 401, errorCode: 'GES.8007' },
          `${exchange.operationId} without a token`,
        );
      }
    },
  },
  {
    id: 'forbidden_token_rejected',
    group: 'errors',
    phase: 'probe',
    description: 'A token not allowed on the project (--forbidden-token) is refused with a 4xx (the list and a job status).',
    async run(ctx) {
      if (ctx.options.forbiddenToken === undefined) return ctx.skip('no --forbidden-token given');
      expectRefused(ctx, await readsWith(ctx, 'forbidden'), 'with the forbidden token', '403 GES.8006');
    },
  },
  {
    id: 'forbidden_token_code',
    group: 'errors',
    phase: 'probe',
    description: 'A token not allowed on the project (--forbidden-token) answers 403 GES.8006, as the spec decides.',
    async run(ctx) {
      if (ctx.options.forbiddenToken === undefined) return ctx.skip('no --forbidden-token given');
      const refused = refusalsOf(ctx, await readsWith(ctx, 'forbidden'), 'the forbidden token', 'forbidden_token_rejected');
      for (const exchange of refused) {
        expectGesError(
          ctx,
          exchange,
          { rule: 'auth.codes', status: 403, errorCode: 'GES.8006' },
          `${exchange.operationId} with the forbidden token`,
        );
      }
    },
  },
];
