/**
 * Across endpoints: the status endpoint knows every job the list shows and reports its state (the
 * status page and the list page both name the job's state, from the same four). A finished job's is
 * the list's, in any documented spelling, and a failed job's may instead be the 400 GES.8301 the
 * algorithm page shows; an unfinished job's is the list's or a later one, since a live job may move
 * on between the two reads but never back. The status endpoint's own paging (limit, offset) pages
 * the result. With --allow-mutations every check also judges jobs the kit made in the state it
 * needs, so its verdict does not depend on what the target happened to hold.
 */
import { CheckSkipped } from '../contract-session.js';
import type { CheckContext, CheckDefinition, Exchange, SeenJob } from '../contract-types.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import { defaultJobs, describeAnswer, readStatusAnswer } from './check-helpers.js';
import { phaseOf, sameOrLater, sameState, stateOf } from './job-states.js';
import { ownFailedJob, pagerankOnce } from './own-jobs.js';
import { jobsExported } from './kind-submissions.js';

/** How many jobs of the list to look up: enough to cover every status, few requests. */
const SAMPLE_SIZE = 10;

/** Up to `size` jobs, taken round-robin over their statuses so that rare ones (failed) are included. */
function sampleByStatus(jobs: SeenJob[], size: number): SeenJob[] {
  const byStatus = new Map<string, SeenJob[]>();
  for (const job of jobs) {
    const key = String(job.status);
    byStatus.set(key, [...(byStatus.get(key) ?? []), job]);
  }
  const queues = [...byStatus.values()];
  const sample: SeenJob[] = [];
  while (sample.length < size && queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next && sample.length < size) sample.push(next);
    }
  }
  return sample;
}

/** A job to look up, and whether the kit made it (then its status is read afresh). */
interface Subject {
  job: SeenJob;
  own: boolean;
}

/**
 * The jobs of the list in a phase (a sample), and with --allow-mutations the kit's own job in that
 * phase: its pagerank right after the submit (unfinished), its shortest_path from an unknown vertex
 * once it has failed, or else its cancelled pagerank (failed). Empty when none can be had: the check
 * then says "not exercised", never passes silently.
 */
async function subjects(ctx: CheckContext, phase: 'finished' | 'unfinished', state?: string): Promise<Subject[]> {
  const base = await defaultJobs(ctx);
  // A job whose result the kit exported may be gone by the time it is looked up (an export deletes it).
  const exported = await jobsExported(ctx);
  const matching = base.jobs.filter(
    (job) =>
      phaseOf(job.status) === phase &&
      (state === undefined || stateOf(job.status) === state) &&
      typeof job.jobId === 'string' &&
      !exported.has(job.jobId),
  );
  const found: Subject[] = sampleByStatus(matching, SAMPLE_SIZE).map((job) => ({ job, own: false }));
  if (!ctx.options.allowMutations || !ctx.selects('executeAlgorithm')) return found;
  let own: SeenJob | undefined;
  try {
    own = phase === 'unfinished' ? (await pagerankOnce(ctx)).listed.job : await ownFailedJob(ctx);
  } catch (error) {
    // The kit could not make its own (a refused submit, say): the list's jobs are still judged.
    if (!(error instanceof CheckSkipped)) throw error;
  }
  if (own && phaseOf(own.status) === phase && (state === undefined || stateOf(own.status) === state)) found.push({ job: own, own: true });
  return found;
}

const notExercised = (what: string) =>
  `not exercised: the list holds no ${what} (with --allow-mutations the kit makes one, waiting for it within --job-wait)`;

/** The status endpoint's answer for each subject (the kit's own read afresh). */
function lookUp(ctx: CheckContext, found: readonly Subject[]): Promise<Exchange[]> {
  return Promise.all(found.map(({ job, own }) => ctx.send({ operationId: 'getJobStatus', jobId: job.jobId as string, fresh: own })));
}

const ownNote = (found: readonly Subject[]) => (found.some((subject) => subject.own) ? " (the kit's own among them)" : '');

/** A result page's counter, beside the results or inside outputs (both are documented). */
function counter(data: Record<string, unknown>, name: string): unknown {
  const outputs = data.outputs as Record<string, unknown> | undefined;
  return data[name] ?? (outputs && typeof outputs === 'object' ? outputs[name] : undefined);
}

/** The vertex and edge lists of a result page, beside the results or inside outputs. */
function resultLists(data: Record<string, unknown>): [string, unknown[]][] {
  const outputs = (data.outputs && typeof data.outputs === 'object' ? data.outputs : {}) as Record<string, unknown>;
  const lists: [string, unknown][] = [
    ['data.vertices', data.vertices],
    ['data.edges', data.edges],
    ['data.outputs.vertices', outputs.vertices],
    ['data.outputs.edges', outputs.edges],
  ];
  return lists.filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
}

/** The checks of the consistency group. */
export const consistencyChecks: readonly CheckDefinition[] = [
  {
    id: 'list_status_matches_job_status',
    group: 'consistency',
    phase: 'probe',
    description: `For finished jobs of the list (up to ${SAMPLE_SIZE}, and the kit's own failed job), the status endpoint reports the same state: 200 with that status (in any documented spelling), or for a failed job the 400 GES.8301 carrying its failure.`,
    async run(ctx) {
      const found = await subjects(ctx, 'finished');
      if (found.length === 0) return ctx.skip(notExercised('finished job'));
      const answers = await lookUp(ctx, found);
      for (const [i, exchange] of answers.entries()) {
        const { job } = found[i] as Subject;
        const answer = readStatusAnswer(exchange);
        ctx.judged();
        const agrees =
          (answer.kind === 'state' && sameState(answer.status, job.status)) ||
          (answer.kind === 'failure' && stateOf(job.status) === 'failed');
        if (!agrees) {
          ctx.fail({
            rule: 'status.same-as-list',
            message: `${describeJob(job)} is ${showValue(job.status)} in the list, but its status endpoint answers ${answer.kind === 'state' ? `status ${showValue(answer.status)}` : describeAnswer(exchange)}`,
            expected: `200 with status ${showValue(job.status)}${stateOf(job.status) === 'failed' ? ', or 400 GES.8301 carrying its failure' : ''}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${found.length} finished jobs looked up${ownNote(found)}`);
    },
  },
  {
    id: 'unfinished_job_status',
    group: 'consistency',
    phase: 'probe',
    description: `For unfinished jobs of the list (up to ${SAMPLE_SIZE}, and the kit's own pagerank), the status endpoint answers 200 with a documented status that is the list's or a later one (pending → running → finished), and no result data before the job has finished.`,
    async run(ctx) {
      const found = await subjects(ctx, 'unfinished');
      if (found.length === 0) return ctx.skip(notExercised('pending or running job'));
      const answers = await lookUp(ctx, found);
      for (const [i, exchange] of answers.entries()) {
        const { job } = found[i] as Subject;
        const answer = readStatusAnswer(exchange);
        const later = stateOf(job.status) === 'pending' ? 'pending, running or finished' : 'running or finished';
        ctx.judged();
        if (answer.kind === 'failure') continue; // it failed since the list was read: a later state
        if (answer.kind !== 'state') {
          ctx.fail({
            rule: 'status.same-as-list',
            message: `${describeJob(job)}: its status endpoint answered ${exchange.response?.status ?? 'nothing'}`,
            expected: `200 with status ${later}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        } else if (phaseOf(answer.status) === undefined) {
          ctx.fail({
            rule: 'job.status-values',
            message: `${describeJob(job)}: its status endpoint answers status ${showValue(answer.status)}, which no GES page documents`,
            expected: `status ${later}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        } else if (!sameOrLater(job.status, answer.status)) {
          ctx.fail({
            rule: 'status.same-as-list',
            message: `${describeJob(job)} is ${showValue(job.status)} in the list, but its status endpoint, read after, says ${showValue(answer.status)}: a job never moves back`,
            expected: `status ${later}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        } else if (phaseOf(answer.status) === 'unfinished' && answer.body.data !== undefined) {
          ctx.fail({
            rule: 'status.data-when-finished',
            message: `${describeJob(job)} is still ${showValue(answer.status)}, yet its status endpoint sends result data`,
            expected: 'no data until the job has finished',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${found.length} unfinished jobs looked up${ownNote(found)}`);
    },
  },
  {
    id: 'failed_status_carries_fail_reason',
    group: 'consistency',
    phase: 'probe',
    description: `For failed jobs of the list (up to ${SAMPLE_SIZE}, and the kit's own), the status endpoint carries the list's failReason as errorMessage (200 {status: failed}, or the 400 GES.8301 form).`,
    async run(ctx) {
      const found = await subjects(ctx, 'finished', 'failed');
      if (found.length === 0) return ctx.skip(notExercised('failed job'));
      const answers = await lookUp(ctx, found);
      for (const [i, exchange] of answers.entries()) {
        const { job } = found[i] as Subject;
        const answer = readStatusAnswer(exchange);
        // Another answer than a failed state is list_status_matches_job_status's finding, not this one's.
        const message =
          answer.kind === 'failure'
            ? answer.message
            : answer.kind === 'state' && stateOf(answer.status) === 'failed'
              ? answer.body.errorMessage
              : null;
        if (message === null) continue;
        ctx.judged();
        if (message !== job.failReason) {
          ctx.fail({
            rule: 'status.failed-form',
            message: `${describeJob(job)} fails with ${showValue(job.failReason)} in the list, but its status endpoint says errorMessage ${showValue(message)}`,
            expected: `errorMessage ${showValue(job.failReason)}`,
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      ctx.note(`${found.length} failed jobs looked up${ownNote(found)}`);
    },
  },
  {
    id: 'result_limit_respected',
    group: 'consistency',
    phase: 'probe',
    description:
      "The status endpoint pages a finished job's result: with limit=1&offset=1 a page holds at most one record (data_return_size, vertices, edges) and, when it holds one, says data_offset 1.",
    async run(ctx) {
      const base = await defaultJobs(ctx);
      const succeeded = base.jobs.filter((job) => stateOf(job.status) === 'success' && typeof job.jobId === 'string').slice(0, 5);
      if (succeeded.length === 0) return ctx.skip('not exercised: the list holds no successful job whose result could be paged');
      const answers = await Promise.all(
        succeeded.map((job) => ctx.send({ operationId: 'getJobStatus', jobId: job.jobId as string, query: { limit: '1', offset: '1' } })),
      );
      let judged = 0;
      for (const [i, exchange] of answers.entries()) {
        const job = succeeded[i] as SeenJob;
        const answer = readStatusAnswer(exchange);
        const data = answer.kind === 'state' ? answer.body.data : undefined;
        if (!data || typeof data !== 'object') continue; // a result of one value has no paging (the algorithm page)
        const page = data as Record<string, unknown>;
        const returned = counter(page, 'data_return_size');
        const offset = counter(page, 'data_offset');
        const lists = resultLists(page);
        if (returned === undefined && offset === undefined && lists.length === 0) continue;
        judged++;
        ctx.judged();
        const problems = [
          ...(typeof returned === 'number' && returned > 1 ? [`data_return_size ${returned}`] : []),
          ...lists.filter(([, list]) => list.length > 1).map(([where, list]) => `${list.length} records in ${where}`),
          // Where a page that holds records starts: a page past the end of a short result has no start to tell.
          ...(offset !== undefined && offset !== 1 && typeof returned === 'number' && returned > 0
            ? [`data_offset ${showValue(offset)}`]
            : []),
        ];
        if (problems.length > 0) {
          ctx.fail({
            rule: 'status.result-paging',
            message: `${describeJob(job)}: its result page for limit=1&offset=1 has ${problems.join(', ')}`,
            expected: 'at most 1 record, data_offset 1',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
      }
      if (judged === 0)
        return ctx.skip('not exercised: no result page of a successful job carried paging counters or vertex and edge lists');
      ctx.note(`${judged} result pages`);
    },
  },
];
