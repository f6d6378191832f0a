/**
 * Boundaries, on both sides and far out: limit 1 and the total (just inside), the last job, the end
 * and one past it for offset, the largest offset (int32's maximum, inside), and values far outside
 * (2^31, 2^32, 20 digits) that a server parsing into 32 bits would wrap around to the first page.
 * Also the codes the spec decides for a malformed value, the status endpoint's own paging range and
 * path parameters outside their patterns. All read-only.
 */
import type { CheckContext, CheckDefinition, Exchange, SeenJob } from '../contract-types.js';
import type { RuleId } from '../rule-inventory.js';
import { showValue } from '../../src/spec/job-facts.js';
import { limitBounds, offsetBounds } from '../../src/spec/spec-facts.js';
import { stateOf } from './job-states.js';
import {
  bodyObject,
  defaultJobs,
  describeAnswer,
  expectGesError,
  expectNothingPastTheEnd,
  isAuthStatus,
  unknownJobId,
} from './check-helpers.js';

/** Integers far outside any 32-bit range a server might parse into, and beyond 64 bits. */
const FAR_OUTSIDE: readonly string[] = [String(2 ** 31), String(2 ** 32), String(2 ** 32 + 1), '99999999999999999999'];

const ids = (jobs: readonly SeenJob[]) => jobs.map((job) => String(job.jobId)).join(', ');

/** The default list's jobs and total; not exercised unless it is a list. */
async function baseList(ctx: CheckContext): Promise<{ jobs: SeenJob[]; total: number; exchange: Exchange }> {
  const base = await defaultJobs(ctx);
  const total = typeof base.jobCount === 'number' ? base.jobCount : base.jobs.length;
  return { jobs: base.jobs, total, exchange: base.exchange };
}

/** Fails unless a page holds exactly these jobs (by jobId, in order). */
function expectJobs(ctx: CheckContext, exchange: Exchange, what: string, expected: readonly SeenJob[], rule: RuleId): void {
  const page = ctx.requireList(exchange, what, rule);
  ctx.judged();
  if (ids(page.jobs) !== ids(expected)) {
    ctx.fail({
      rule,
      message: `${what} answered ${page.jobs.length} jobs${page.jobs.length > 0 ? `, first ${showValue(page.jobs[0]?.jobId)}` : ''}`,
      expected: expected.length === 0 ? 'jobs: []' : `${expected.length} jobs: ${ids(expected).slice(0, 200)}`,
      actual: ids(page.jobs).slice(0, 200) || 'jobs: []',
      exchange,
    });
  }
}

/** Fails unless the answer is a 4xx GES envelope (401/403 bodies are left to auth_error_envelope), or `accept` holds. */
function expectRefusedOr(
  ctx: CheckContext,
  exchange: Exchange,
  what: string,
  alternative: string,
  accept: () => boolean,
  rule: RuleId,
): void {
  const status = exchange.response?.status;
  if (status !== undefined && status >= 400 && status < 500) {
    if (isAuthStatus(status)) ctx.judged();
    else expectGesError(ctx, exchange, { rule }, what);
    return;
  }
  ctx.judged();
  if (status === 200 && accept()) return;
  ctx.fail({
    rule,
    message: `${what} answered ${status === 200 ? 'a page it must not' : (status ?? 'nothing')}`,
    expected: `a 4xx GES error envelope, or ${alternative}`,
    actual: describeAnswer(exchange),
    exchange,
  });
}

/** The checks of the boundaries group. */
export const boundaryChecks: readonly CheckDefinition[] = [
  {
    id: 'limit_boundaries',
    group: 'boundaries',
    phase: 'probe',
    description: `limit=1 answers the first job of the default list, limit=total every job, limit=total+1 every job too; far outside (2^31, 2^32, 20 digits) a 4xx or the first ${limitBounds.max} jobs, never a wrapped-around page.`,
    async run(ctx) {
      const { jobs, total } = await baseList(ctx);
      if (jobs.length === 0) return ctx.skip('not exercised: the graph holds no jobs');
      const inside = [1, jobs.length, jobs.length + 1].filter((limit) => limit <= limitBounds.max && total <= limitBounds.default);
      const answers = await Promise.all(inside.map((limit) => ctx.send({ operationId: 'listJobs', query: { limit: String(limit) } })));
      answers.forEach((exchange, i) => {
        const limit = inside[i] as number;
        expectJobs(ctx, exchange, `limit=${limit}`, jobs.slice(0, limit), 'list.paging-slices');
      });
      const far = await Promise.all(FAR_OUTSIDE.map((limit) => ctx.send({ operationId: 'listJobs', query: { limit } })));
      far.forEach((exchange, i) => {
        const limit = FAR_OUTSIDE[i] as string;
        const firstJobs = jobs.slice(0, limitBounds.max);
        expectRefusedOr(
          ctx,
          exchange,
          `limit=${limit}`,
          `the first ${Math.min(total, limitBounds.max)} jobs`,
          () => {
            const page = bodyObject(exchange)?.jobs;
            return Array.isArray(page) && ids(page as SeenJob[]) === ids(firstJobs);
          },
          'list.paging-slices',
        );
      });
      ctx.note(`${inside.length + far.length} limits around ${jobs.length} jobs`);
    },
  },
  {
    id: 'offset_boundaries',
    group: 'boundaries',
    phase: 'probe',
    description: `offset=0 is the default list, offset=total-1 its last job, offset=total+1 and ${offsetBounds.max} (the largest valid) answer jobs: [] with the same jobCount; far outside (${FAR_OUTSIDE.join(', ')}) a 4xx or jobs: [], never a wrapped-around page.`,
    async run(ctx) {
      const { jobs, total } = await baseList(ctx);
      if (jobs.length === 0 || jobs.length !== total)
        return ctx.skip(`not exercised: the default list holds ${jobs.length} of ${total} jobs`);
      // Inside the list: exactly its slice. Past the end: no job (the spec: an empty page).
      const inside: { offset: string; expected: SeenJob[] }[] = [
        { offset: '0', expected: jobs },
        { offset: String(total - 1), expected: jobs.slice(-1) },
      ];
      const pastTheEnd = [String(total + 1), String(offsetBounds.max)];
      const [insideAnswers, pastAnswers] = await Promise.all([
        Promise.all(inside.map(({ offset }) => ctx.send({ operationId: 'listJobs', query: { offset } }))),
        Promise.all(pastTheEnd.map((offset) => ctx.send({ operationId: 'listJobs', query: { offset } }))),
      ]);
      insideAnswers.forEach((exchange, i) => {
        const { offset, expected } = inside[i] as (typeof inside)[number];
        expectJobs(ctx, exchange, `offset=${offset}`, expected, 'list.paging-slices');
      });
      pastAnswers.forEach((exchange, i) => {
        expectNothingPastTheEnd(ctx, exchange, `offset=${pastTheEnd[i] as string}`);
      });
      for (const exchange of [...insideAnswers, ...pastAnswers]) {
        const jobCount = bodyObject(exchange)?.jobCount;
        if (exchange.response?.status === 200 && jobCount !== total) {
          ctx.fail({
            rule: 'list.job-count-total',
            message: `${new URL(exchange.request.url).search.slice(1)} says jobCount ${showValue(jobCount)}`,
            expected: `jobCount ${total}, the total, on every page`,
            exchange,
          });
        }
      }
      const far = await Promise.all(FAR_OUTSIDE.map((offset) => ctx.send({ operationId: 'listJobs', query: { offset } })));
      far.forEach((exchange, i) => {
        expectRefusedOr(
          ctx,
          exchange,
          `offset=${FAR_OUTSIDE[i] as string}`,
          'jobs: [] (past the end)',
          () => {
            const page = bodyObject(exchange)?.jobs;
            return Array.isArray(page) && page.length === 0;
          },
          'list.past-the-end',
        );
      });
      const cases = inside.length + pastTheEnd.length;
      ctx.note(`${cases + far.length} offsets around ${total} jobs`);
    },
  },
  {
    id: 'malformed_paging_code',
    group: 'errors',
    phase: 'probe',
    description: 'A limit or offset that is no integer (abc, 2.5, 1e3) answers 400 GES.8000, as the spec decides.',
    async run(ctx) {
      const queries: Record<string, string>[] = [{ limit: 'abc' }, { limit: '2.5' }, { offset: '1e3' }];
      const answers = await Promise.all(queries.map((query) => ctx.send({ operationId: 'listJobs', query })));
      answers.forEach((exchange, i) => {
        const [[name, value]] = Object.entries(queries[i] as Record<string, string>) as [[string, string]];
        expectGesError(ctx, exchange, { rule: 'list.paging-codes', status: 400, errorCode: 'GES.8000' }, `${name}=${value}`);
      });
    },
  },
  {
    id: 'result_paging_range',
    group: 'errors',
    phase: 'probe',
    description: `The status endpoint's limit and offset (result records) keep their ranges: limit=0 and offset=${offsetBounds.max} answer 200; limit -1 and ${limitBounds.max + 1}, offset -1 and ${offsetBounds.max + 1}, and non-integers a 4xx GES envelope.`,
    async run(ctx) {
      const { jobs } = await baseList(ctx);
      // A failed job's status may be an error answer whatever the paging (the 400 GES.8301 form): ask about another.
      const candidates = jobs.filter((job) => typeof job.jobId === 'string');
      const jobId = (candidates.find((job) => stateOf(job.status) !== 'failed') ?? candidates[0])?.jobId as string | undefined;
      if (jobId === undefined) return ctx.skip('not exercised: the list holds no job to ask about');
      const valid: Record<string, string>[] = [{ limit: '0' }, { offset: String(offsetBounds.max) }];
      const invalid: Record<string, string>[] = [
        { limit: '-1' },
        { limit: String(limitBounds.max + 1) },
        { offset: '-1' },
        { offset: String(offsetBounds.max + 1) },
        { limit: 'abc' },
      ];
      const send = (query: Record<string, string>) => ctx.send({ operationId: 'getJobStatus', jobId, query });
      const [good, bad] = await Promise.all([Promise.all(valid.map(send)), Promise.all(invalid.map(send))]);
      const describe = (query: Record<string, string>) =>
        Object.entries(query)
          .map(([k, v]) => `${k}=${v}`)
          .join('&');
      good.forEach((exchange, i) => {
        ctx.judged();
        if (exchange.response?.status !== 200) {
          ctx.fail({
            rule: 'status.result-paging-range',
            message: `job ${jobId} status with ${describe(valid[i] as Record<string, string>)} (inside the range) answered ${exchange.response?.status ?? 'nothing'}`,
            expected: '200',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      });
      bad.forEach((exchange, i) => {
        expectGesError(
          ctx,
          exchange,
          { rule: 'status.result-paging-range' },
          `job ${jobId} status with ${describe(invalid[i] as Record<string, string>)}`,
        );
      });
    },
  },
  {
    id: 'malformed_path_rejected',
    group: 'errors',
    phase: 'probe',
    description:
      'Path parameters outside their patterns (graph_name of 2 characters or starting with a digit, a job_id of 257 characters) answer a 4xx GES envelope.',
    async run(ctx) {
      const longId = `${await unknownJobId(ctx)}`.padEnd(257, '0');
      const probes: [string, Promise<Exchange>][] = [
        ['graph_name "ab"', ctx.send({ operationId: 'listJobs', graph: 'ab' })],
        ['graph_name "1movie"', ctx.send({ operationId: 'listJobs', graph: '1movie' })],
        ['a job_id of 257 characters', ctx.send({ operationId: 'getJobStatus', jobId: longId })],
      ];
      for (const [what, pending] of probes) expectGesError(ctx, await pending, { rule: 'path.names' }, what);
    },
  },
];
