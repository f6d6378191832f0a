/**
 * The checks that judge recorded traffic: every audit of the live kit (they judge each exchange:
 * statuses, content types, schemas, error envelopes, job invariants) and, in place of the probes
 * that would have to send requests, the same rules judged on what the recording holds: limit per
 * answer, jobCount per answer and across close pages of one graph, each job's status moving only
 * forward across list and status answers, and the job kinds (recorded-kind-checks.ts): the answers,
 * jobs and refusals of every API that creates jobs.
 */
import { contractChecks, withLevel } from '../contract-checks.js';
import type { CheckDefinition, ContractCheck, Exchange, SeenJob } from '../contract-types.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import { limitBounds } from '../../src/spec/spec-facts.js';
import { envelopeViolations } from '../../src/spec/spec-validator.js';
import { describeAnswer, isAuthStatus, readStatusAnswer } from '../checks/check-helpers.js';
import { phaseOf, stateOf } from '../checks/job-states.js';
import { jobActionOfExchange } from '../checks/kind-judging.js';
import { recordedKindChecks } from './recorded-kind-checks.js';
import { answeredBefore, graphKey, inTimeOrder, listAnswers, paging, pathJobId, timeOf, WINDOW_MS } from './recorded-traffic.js';

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
    description: `jobCount is the total: an integer, never below offset + jobs on a page, equal to it on a last page; list answers of one graph within ${WINDOW_MS / 1000} s of each other, with no submit or cancel between, agree.`,
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
        // A request that may make a job (any API that creates jobs) or end one changes the count.
        if (
          jobActionOfExchange(exchange) !== undefined ||
          exchange.operationId === 'executeAlgorithm' ||
          exchange.operationId === 'cancelJob'
        ) {
          previous.delete(key);
          return;
        }
        const jobCount = countOf.get(exchange);
        if (typeof jobCount !== 'number') return;
        const before = previous.get(key);
        previous.set(key, { exchange, jobCount, position });
        if (!before || Math.abs(timeOf(exchange) - timeOf(before.exchange)) > WINDOW_MS) return;
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
    description: `Across list and single-status answers, in recorded order, a job only moves forward (pending → running → finished), a finished job keeps its status, and a job a list shows is known to its status endpoint read within ${WINDOW_MS / 1000} s after (unless an export of its result, which may delete it, came between).`,
    async run(ctx) {
      const sightings = new Map<string, { status: unknown; exchange: Exchange; job?: SeenJob | undefined }[]>();
      const add = (id: unknown, status: unknown, exchange: Exchange, job?: SeenJob) => {
        if (typeof id !== 'string') return;
        sightings.set(id, [...(sightings.get(id) ?? []), { status, exchange, ...(job ? { job } : {}) }]);
      };
      const lists = new Map(listAnswers(ctx).map((answer) => [answer.exchange, answer.jobs]));
      /** The last list answer that showed each job, by graph and jobId. */
      const lastListed = new Map<string, { exchange: Exchange; job: SeenJob }>();
      let compared = 0;
      for (const exchange of inTimeOrder(ctx.exchanges())) {
        for (const job of lists.get(exchange) ?? []) {
          add(job.jobId, job.status, exchange, job);
          lastListed.set(`${graphKey(exchange)} ${String(job.jobId)}`, { exchange, job });
        }
        // The export of a job's result deletes it unless erase is false: its status may then not be known.
        if (exchange.operationId === 'exportJobResult' && exchange.response?.status === 200)
          lastListed.delete(`${graphKey(exchange)} ${pathJobId(exchange)}`);
        if (exchange.operationId === 'getJobStatus' && !exchange.response?.bodyNotRecorded) {
          const id = pathJobId(exchange);
          // A failed job's status may be the 400 GES.8301 carrying its failure, as the algorithm page shows.
          const answer = readStatusAnswer(exchange);
          if (answer.kind === 'state') add(id, answer.status, exchange);
          else if (answer.kind === 'failure') add(id, 'failed', exchange);
          const listed = lastListed.get(`${graphKey(exchange)} ${id}`);
          if (answer.kind === 'unknown' && listed && answeredBefore(listed.exchange, exchange)) {
            compared++;
            ctx.judged();
            ctx.fail({
              rule: 'status.same-as-list',
              message: `job ${id} is ${showValue(listed.job.status)} in the list (${listed.exchange.source?.file} entry #${listed.exchange.source?.index}), then its status endpoint says the engine does not hold it`,
              expected: `200 with status ${showValue(listed.job.status)} or a later one`,
              actual: describeAnswer(exchange),
              exchange,
            });
          }
        }
      }
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
  const all = [...[...recordedOnly, ...recordedKindChecks].map(withLevel), ...audits];
  const groups = [...new Set(contractChecks.map((check) => check.group))];
  return groups.flatMap((group) => all.filter((check) => check.group === group));
})();
