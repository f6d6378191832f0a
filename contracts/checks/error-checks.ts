/**
 * Errors: unknown graph and job (the seed's and the status page's examples), bad paging values
 * (negative_data_rejection), a missing token (ignored_auth) and a token refused for the project
 * (forbidden_token_rejected). How a real engine answers bad paging values and auth is not documented,
 * so those MUST be a 4xx; the exact status and code the spec decides (400 GES.8005, 401 GES.8007,
 * 403 GES.8006) are SHOULD checks: other 4xx envelopes warn, and fail only under --strict.
 */
import type { CheckContext, ContractCheck, Exchange } from '../contract-types.js';
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

/** The two requests with --forbidden-token: the list and one job's status. */
async function forbiddenProbes(ctx: CheckContext): Promise<Exchange[]> {
  const base = bodyObject(await ctx.defaultList());
  const firstJob = Array.isArray(base?.jobs) ? (base.jobs[0] as { jobId?: unknown } | undefined) : undefined;
  const jobId = typeof firstJob?.jobId === 'string' ? firstJob.jobId : await unknownJobId(ctx);
  return Promise.all([
    ctx.send({ operationId: 'listJobs', auth: 'forbidden' }),
    ctx.send({ operationId: 'getJobStatus', jobId, auth: 'forbidden' }),
  ]);
}

/** `name=value` of a one-parameter query. */
const describeQuery = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');

/** limit/offset values a server must refuse: not integers, or below 0. */
const NEGATIVE_DATA: readonly Record<string, string>[] = [
  { limit: 'abc' },
  { limit: '2.5' },
  { limit: '-1' },
  { offset: 'xyz' },
  { offset: '-1' },
  { limit: String(-(2 ** 31) - 1) },
  { offset: '-99999999999999999999' },
];

/** The two requests without a token: the list and one job's status. */
async function anonymousProbes(ctx: CheckContext): Promise<Exchange[]> {
  const base = bodyObject(await ctx.defaultList());
  const firstJob = Array.isArray(base?.jobs) ? (base.jobs[0] as { jobId?: unknown } | undefined) : undefined;
  const jobId = typeof firstJob?.jobId === 'string' ? firstJob.jobId : await unknownJobId(ctx);
  return Promise.all([ctx.send({ operationId: 'listJobs', auth: false }), ctx.send({ operationId: 'getJobStatus', jobId, auth: false })]);
}

/** Whether the answer is a 4xx: what a refused request must be, whatever its code. */
const isClientError = (exchange: Exchange): boolean => {
  const status = exchange.response?.status;
  return status !== undefined && status >= 400 && status < 500;
};

/** Fails every exchange that is not a 4xx; `what` names the request, `mockAnswer` what the mock answers. */
function expectRefused(ctx: CheckContext, exchanges: readonly Exchange[], what: string, mockAnswer: string): void {
  for (const exchange of exchanges) {
    if (isClientError(exchange)) continue;
    ctx.fail({
      message: `${exchange.operationId} ${what} answered ${exchange.response?.status ?? 'nothing'}`,
      expected: `4xx (the mock: ${mockAnswer})`,
      actual: describeAnswer(exchange),
      exchange,
    });
  }
}

/** The checks of the errors group. */
export const errorChecks: readonly ContractCheck[] = [
  {
    id: 'unknown_graph_rejected',
    group: 'errors',
    level: 'must',
    phase: 'probe',
    description: 'Listing the jobs of a graph that does not exist answers 400 GES.8000 in a GES error envelope.',
    async run(ctx) {
      if (ctx.options.missingGraph === ctx.options.graph) return ctx.skip('--missing-graph is the graph under test');
      const exchange = await ctx.send({ operationId: 'listJobs', graph: ctx.options.missingGraph });
      expectGesError(ctx, exchange, { status: 400, errorCode: 'GES.8000' }, `graph ${ctx.options.missingGraph}`);
    },
  },
  {
    id: 'unknown_job_rejected',
    group: 'errors',
    level: 'must',
    phase: 'probe',
    description: 'The status of a job the graph does not hold answers 400 GES.8301 in a GES error envelope.',
    async run(ctx) {
      const jobId = await unknownJobId(ctx);
      const exchange = await ctx.send({ operationId: 'getJobStatus', jobId });
      expectGesError(ctx, exchange, { status: 400, errorCode: 'GES.8301' }, `job ${jobId}`);
    },
  },
  {
    id: 'negative_data_rejection',
    group: 'errors',
    level: 'must',
    phase: 'probe',
    description: 'Malformed or negative limit/offset answer a 4xx GES error envelope, never a 2xx or 5xx.',
    async run(ctx) {
      const exchanges = await Promise.all(NEGATIVE_DATA.map((query) => ctx.send({ operationId: 'listJobs', query })));
      for (const [i, exchange] of exchanges.entries()) {
        const [[name, value]] = Object.entries(NEGATIVE_DATA[i] as Record<string, string>) as [[string, string]];
        expectGesError(ctx, exchange, {}, `${name}=${value}`);
      }
      ctx.note(`${exchanges.length} bad values`);
    },
  },
  {
    id: 'ignored_auth',
    group: 'errors',
    level: 'must',
    phase: 'probe',
    description: 'A request without X-Auth-Token is refused with a 4xx (the list and a job status).',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('no --token given: cannot tell a refused request from an accepted one');
      expectRefused(ctx, await anonymousProbes(ctx), 'without a token', '401 GES.8007');
    },
  },
  {
    id: 'auth_error_envelope',
    group: 'errors',
    level: 'should',
    phase: 'probe',
    description:
      'A refused token is answered with a JSON GES error envelope (real 401/403 bodies are undocumented; a gateway may send its own).',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('no --token given');
      for (const exchange of await anonymousProbes(ctx)) {
        if (!isClientError(exchange)) continue; // ignored_auth's failure
        const violations = envelopeViolations(exchange.response?.json);
        if (exchange.response?.contentType !== 'application/json' || violations.length > 0) {
          ctx.fail({
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
    level: 'should',
    phase: 'probe',
    description: `limit and offset just and far outside the spec's ranges (${OUT_OF_RANGE.map(describeQuery).join(', ')}) answer 400 GES.8005, as the spec decides.`,
    async run(ctx) {
      const exchanges = await Promise.all(OUT_OF_RANGE.map((query) => ctx.send({ operationId: 'listJobs', query })));
      for (const [i, exchange] of exchanges.entries()) {
        expectGesError(ctx, exchange, { status: 400, errorCode: 'GES.8005' }, describeQuery(OUT_OF_RANGE[i] as Record<string, string>));
      }
      ctx.note(`${exchanges.length} values`);
    },
  },
  {
    id: 'missing_token_code',
    group: 'errors',
    level: 'should',
    phase: 'probe',
    description: 'A request without X-Auth-Token answers 401 GES.8007, as the spec decides (the GES table maps GES.8007 to 400).',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('no --token given: cannot tell a refused request from an accepted one');
      for (const exchange of await anonymousProbes(ctx)) {
        expectGesError(ctx, exchange, { status: 401, errorCode: 'GES.8007' }, `${exchange.operationId} without a token`);
      }
    },
  },
  {
    id: 'forbidden_token_rejected',
    group: 'errors',
    level: 'must',
    phase: 'probe',
    description: 'A token not allowed on the project (--forbidden-token) is refused with a 4xx (the list and a job status).',
    async run(ctx) {
      if (ctx.options.forbiddenToken === undefined) return ctx.skip('no --forbidden-token given');
      expectRefused(ctx, await forbiddenProbes(ctx), 'with the forbidden token', '403 GES.8006');
    },
  },
  {
    id: 'forbidden_token_code',
    group: 'errors',
    level: 'should',
    phase: 'probe',
    description: 'A token not allowed on the project (--forbidden-token) answers 403 GES.8006, as the spec decides.',
    async run(ctx) {
      if (ctx.options.forbiddenToken === undefined) return ctx.skip('no --forbidden-token given');
      for (const exchange of await forbiddenProbes(ctx)) {
        if (!isClientError(exchange)) continue; // forbidden_token_rejected's failure
        expectGesError(ctx, exchange, { status: 403, errorCode: 'GES.8006' }, `${exchange.operationId} with the forbidden token`);
      }
    },
  },
];
