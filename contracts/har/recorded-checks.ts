/**
 * The checks that judge recorded traffic: every audit of the live kit (they judge each exchange:
 * statuses, content types, schemas, error envelopes, job invariants) and, in place of the probes
 * that would have to send requests, the same rules judged on what the recording holds: limit per
 * answer, jobCount per answer and across close pages of one graph, and each job's status moving only
 * forward across list and status answers.
 */
import { contractChecks, withLevel } from '../contract-checks.js';
import type { CheckContext, CheckDefinition, ContractCheck, Exchange, SeenJob } from '../contract-types.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import { limitBounds } from '../../src/spec/spec-facts.js';
import { envelopeViolations } from '../../src/spec/spec-validator.js';
import { bodyObject, describeAnswer, isAuthStatus, readStatusAnswer } from '../checks/check-helpers.js';
import { phaseOf, stateOf } from '../checks/job-states.js';

/** Two list answers of one graph further apart than this may differ in jobCount (jobs come and go). */
const JOB_COUNT_WINDOW_MS = 5000;

/** Time of a recorded exchange, ms since the epoch (NaN sorts by index). */
const timeOf = (exchange: Exchange) => Date.parse(exchange.source?.startedDateTime ?? '');

/** Exchanges in recorded time order (ties and unreadable times keep the file order). */
function inTimeOrder(exchanges: readonly Exchange[]): Exchange[] {
  return [...exchanges].sort((a, b) => {
    const ta = timeOf(a);
    const tb = timeOf(b);
    return Number.isNaN(ta) || Number.isNaN(tb) || ta === tb ? a.seq - b.seq : ta - tb;
  });
}

/** `origin/project/graph` of a request URL: the identity of a graph across answers. */
function graphKey(exchange: Exchange): string {
  const url = new URL(exchange.request.url);
  const match = /\/ges\/v1\.0\/([^/]+)\/graphs\/([^/]+)\//.exec(url.pathname);
  return `${url.origin} ${match?.[1] ?? ''} ${match?.[2] ?? ''}`;
}

/** A list answer's paging: limit and offset as integers (undefined when absent or not integers). */
function paging(exchange: Exchange): { limit?: number | undefined; offset: number } | undefined {
  const params = new URL(exchange.request.url).searchParams;
  const read = (name: string) => {
    const value = params.get(name);
    return value === null ? undefined : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  };
  const limit = read('limit');
  const offset = read('offset');
  if (Number.isNaN(limit) || Number.isNaN(offset)) return undefined;
  return { limit, offset: offset ?? 0 };
}

/** The 200 list answers of the recording with their jobs. */
function listAnswers(ctx: CheckContext): { exchange: Exchange; jobs: SeenJob[]; jobCount: unknown }[] {
  return ctx.exchanges().flatMap((exchange) => {
    if (exchange.operationId !== 'listJobs' || exchange.response?.status !== 200 || exchange.response.bodyNotRecorded) return [];
    const body = bodyObject(exchange);
    if (!body || !Array.isArray(body.jobs)) return [];
    const jobs = body.jobs.filter((job): job is SeenJob => typeof job === 'object' && job !== null && !Array.isArray(job));
    return [{ exchange, jobs, jobCount: body.jobCount }];
  });
}

const PHASE_RANK: Record<string, number> = { pending: 0, running: 1, finished: 2 };

/** pending 0, running 1, finished 2 (in any documented spelling); undefined for a value nobody documents. */
function rank(status: unknown): number | undefined {
  const phase = phaseOf(status);
  if (phase === 'finished') return PHASE_RANK.finished;
  return phase === undefined ? undefined : PHASE_RANK[stateOf(status) as string];
}

/** The recorded versions of the probes. */
const recordedOnly: readonly CheckDefinition[] = [
  {
    id: 'list_limit_respected',
    group: 'list',
    phase: 'audit',
    description: 'No recorded list answer holds more jobs than its limit asked for.',
    async run(ctx) {
      const answers = listAnswers(ctx);
      let judged = 0;
      for (const { exchange, jobs } of answers) {
        const limit = paging(exchange)?.limit;
        if (limit === undefined) continue;
        judged++;
        ctx.judged();
        if (jobs.length > limit) {
          ctx.fail({
            rule: 'list.limit-respected',
            message: `limit=${limit} answered ${jobs.length} jobs`,
            expected: `at most ${limit} jobs`,
            actual: `${jobs.length} jobs`,
            exchange,
          });
        }
      }
      if (judged === 0) return ctx.skip('the recording holds no list answer with a limit');
      ctx.note(`${judged} answers with a limit`);
    },
  },
  {
    id: 'job_count_consistent',
    group: 'list',
    phase: 'audit',
    description: `jobCount is the total: an integer, never below offset + jobs on a page, equal to it on a last page; list answers of one graph within ${JOB_COUNT_WINDOW_MS / 1000} s of each other, with no submit or cancel between, agree.`,
    async run(ctx) {
      const answers = listAnswers(ctx);
      if (answers.length === 0) return ctx.skip('the recording holds no list answer');
      for (const { exchange, jobs, jobCount } of answers) {
        const page = paging(exchange);
        ctx.judged();
        if (typeof jobCount !== 'number' || !Number.isInteger(jobCount)) {
          ctx.fail({
            rule: 'list.shape',
            message: `the list answer says jobCount ${showValue(jobCount)}`,
            expected: 'an integer jobCount, the total',
            exchange,
          });
          continue;
        }
        if (!page) continue;
        const seen = page.offset + jobs.length;
        const last = jobs.length < (page.limit ?? limitBounds.default);
        if (jobs.length > 0 && jobCount < seen) {
          ctx.fail({
            rule: 'list.job-count-total',
            message: `offset ${page.offset} + ${jobs.length} jobs = ${seen}, more than jobCount ${jobCount}`,
            expected: `jobCount ≥ ${seen}`,
            exchange,
          });
        } else if (last && (jobs.length > 0 || page.offset === 0) && jobCount !== seen) {
          ctx.fail({
            rule: 'list.job-count-total',
            message: `a last page (${jobs.length} jobs at offset ${page.offset}, fewer than limit ${page.limit ?? limitBounds.default}) says jobCount ${jobCount}`,
            expected: `jobCount ${seen}, the total`,
            exchange,
          });
        }
      }
      // Across answers: close in time, same graph, no change made between them.
      const ordered = inTimeOrder(ctx.exchanges());
      const previous = new Map<string, { exchange: Exchange; jobCount: number; position: number }>();
      let compared = 0;
      const countOf = new Map(answers.map((answer) => [answer.exchange, answer.jobCount]));
      ordered.forEach((exchange, position) => {
        const key = graphKey(exchange);
        if (exchange.operationId === 'executeAlgorithm' || exchange.operationId === 'cancelJob') {
          previous.delete(key);
          return;
        }
        const jobCount = countOf.get(exchange);
        if (typeof jobCount !== 'number') return;
        const before = previous.get(key);
        previous.set(key, { exchange, jobCount, position });
        if (!before || Math.abs(timeOf(exchange) - timeOf(before.exchange)) > JOB_COUNT_WINDOW_MS) return;
        compared++;
        if (before.jobCount !== jobCount) {
          ctx.fail({
            rule: 'list.job-count-total',
            message: `two list answers of one graph ${Math.round(Math.abs(timeOf(exchange) - timeOf(before.exchange)))} ms apart say jobCount ${before.jobCount} and ${jobCount}`,
            expected: `the same jobCount (the entry before: ${before.exchange.source?.file} entry #${before.exchange.source?.index})`,
            exchange,
          });
        }
      });
      ctx.note(`${answers.length} answers, ${compared} close pairs compared`);
    },
  },
  {
    id: 'list_status_matches_job_status',
    group: 'consistency',
    phase: 'audit',
    description:
      'Across list and single-status answers, in recorded order, a job only moves forward (pending → running → finished), and a finished job keeps its status.',
    async run(ctx) {
      const sightings = new Map<string, { status: unknown; exchange: Exchange; job?: SeenJob | undefined }[]>();
      const add = (id: unknown, status: unknown, exchange: Exchange, job?: SeenJob) => {
        if (typeof id !== 'string') return;
        sightings.set(id, [...(sightings.get(id) ?? []), { status, exchange, ...(job ? { job } : {}) }]);
      };
      const lists = new Map(listAnswers(ctx).map((answer) => [answer.exchange, answer.jobs]));
      for (const exchange of inTimeOrder(ctx.exchanges())) {
        for (const job of lists.get(exchange) ?? []) add(job.jobId, job.status, exchange, job);
        if (exchange.operationId === 'getJobStatus' && !exchange.response?.bodyNotRecorded) {
          const id = decodeURIComponent(/\/jobs\/([^/]+)\/status$/.exec(new URL(exchange.request.url).pathname)?.[1] ?? '');
          // A failed job's status may be the 400 GES.8301 carrying its failure, as the algorithm page shows.
          const answer = readStatusAnswer(exchange);
          if (answer.kind === 'state') add(id, answer.status, exchange);
          else if (answer.kind === 'failure') add(id, 'failed', exchange);
        }
      }
      let compared = 0;
      for (const [id, seen] of sightings) {
        for (let i = 1; i < seen.length; i++) {
          const before = seen[i - 1] as (typeof seen)[number];
          const after = seen[i] as (typeof seen)[number];
          const a = rank(before.status);
          const b = rank(after.status);
          if (a === undefined || b === undefined) continue;
          compared++;
          ctx.judged();
          const finishedChanged = a === PHASE_RANK.finished && stateOf(before.status) !== stateOf(after.status);
          if (b < a || finishedChanged) {
            const where = (exchange: Exchange) =>
              `${exchange.operationId === 'listJobs' ? 'the list' : 'the status endpoint'} (${exchange.source?.file} entry #${exchange.source?.index})`;
            ctx.fail({
              rule: 'status.same-as-list',
              message: `job ${id} is ${showValue(before.status)} in ${where(before.exchange)}, then ${showValue(after.status)} in ${where(after.exchange)}`,
              expected: finishedChanged
                ? `a finished job keeps its status ${showValue(before.status)}`
                : 'only forward moves: pending → running → finished',
              ...(after.job ? { actual: describeJob(after.job) } : {}),
              exchange: after.exchange,
            });
            break;
          }
        }
      }
      if (compared === 0) return ctx.skip('the recording shows no job twice');
      ctx.note(`${compared} later sightings compared`);
    },
  },
  {
    id: 'auth_error_envelope',
    group: 'errors',
    phase: 'audit',
    description: 'Every recorded 401/403 is a JSON GES error envelope (real 401/403 bodies are undocumented; a gateway may send its own).',
    async run(ctx) {
      const refused = ctx.exchanges().filter((exchange) => isAuthStatus(exchange.response?.status) && !exchange.response?.bodyNotRecorded);
      if (refused.length === 0) return ctx.skip('the recording holds no 401 or 403');
      for (const exchange of refused) {
        ctx.judged();
        if (exchange.response?.contentType !== 'application/json' || envelopeViolations(exchange.response?.json).length > 0) {
          ctx.fail({
            rule: 'auth.codes',
            message: `${exchange.operationId} answered ${exchange.response?.status} without a JSON GES error envelope`,
            expected: '{"errorMessage", "errorCode": "GES.xxxx", "result": "failed"} as application/json',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
    },
  },
];

/** Every check that judges a recording: the live kit's audits, then the recorded probes, grouped as in the live kit. */
export const recordedChecks: readonly ContractCheck[] = (() => {
  const audits = contractChecks.filter((check) => check.phase === 'audit');
  const all = [...recordedOnly.map(withLevel), ...audits];
  const groups = [...new Set(contractChecks.map((check) => check.group))];
  return groups.flatMap((group) => all.filter((check) => check.group === group));
})();
