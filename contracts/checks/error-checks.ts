/**
 * Errors: unknown graph and job (the seed's and the status page's examples), bad paging values
 * (negative_data_rejection) and a missing token (ignored_auth). How a real engine answers bad
 * paging values and auth is not documented, so those require any 4xx error envelope, not one code.
 */
import type { CheckContext, ContractCheck, Exchange } from '../contract-types.js';
import { envelopeViolations } from '../../src/spec/spec-validator.js';
import { bodyObject, describeAnswer, expectGesError, unknownJobId } from './check-helpers.js';

/** limit/offset values a server must refuse: not integers, or below 0. */
const NEGATIVE_DATA: readonly Record<string, string>[] = [
  { limit: 'abc' },
  { limit: '2.5' },
  { limit: '-1' },
  { offset: 'xyz' },
  { offset: '-1' },
];

/** The two requests without a token: the list and one job's status. */
async function anonymousProbes(ctx: CheckContext): Promise<Exchange[]> {
  const base = bodyObject(await ctx.defaultList());
  const firstJob = Array.isArray(base?.jobs) ? (base.jobs[0] as { jobId?: unknown } | undefined) : undefined;
  const jobId = typeof firstJob?.jobId === 'string' ? firstJob.jobId : await unknownJobId(ctx);
  return Promise.all([
    ctx.send({ operationId: 'listJobs', auth: false }),
    ctx.send({ operationId: 'getJobStatus', jobId, auth: false }),
  ]);
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
      for (const exchange of await anonymousProbes(ctx)) {
        const status = exchange.response?.status;
        if (status === undefined || status < 400 || status >= 500) {
          ctx.fail({
            message: `${exchange.operationId} without a token answered ${status ?? 'nothing'}`,
            expected: '4xx (the mock: 401 GES.8007)',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
    },
  },
  {
    id: 'auth_error_envelope',
    group: 'errors',
    level: 'should',
    phase: 'probe',
    description: 'A refused token is answered with a JSON GES error envelope (real 401/403 bodies are undocumented; a gateway may send its own).',
    async run(ctx) {
      if (ctx.options.token === undefined) return ctx.skip('no --token given');
      for (const exchange of await anonymousProbes(ctx)) {
        const status = exchange.response?.status;
        if (status === undefined || status < 400 || status >= 500) continue; // ignored_auth's failure
        const violations = envelopeViolations(exchange.response?.json);
        if (exchange.response?.contentType !== 'application/json' || violations.length > 0) {
          ctx.fail({
            message: `${exchange.operationId} without a token answered ${status} without a JSON GES error envelope`,
            expected: '{"errorMessage", "errorCode": "GES.xxxx", "result": "failed"} as application/json',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
    },
  },
];
