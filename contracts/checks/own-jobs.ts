/**
 * The jobs the kit makes itself under --allow-mutations, once per run and shared by the checks: a
 * shortest_path (the spec's example), a pagerank (cancellable per the GES page) and a shortest_path
 * from a vertex the graph lacks (it fails later, as the list page's example shows), each observed in
 * the list and on its status endpoint right after the submit, the pagerank again after its cancel.
 * A check that needs a job in a given state takes one of these instead of hoping the seeded state
 * holds one, and waits for it (within --job-wait) when the state comes later, so its verdict does
 * not depend on the target's data or the moment of the run.
 */
import type { CheckContext, Exchange, SeenJob } from '../contract-types.js';
import { getRequestExample } from '../../src/spec/spec-examples.js';
import { readList } from '../contract-session.js';
import { bodyObject, describeAnswer } from './check-helpers.js';
import { phaseOf, stateOf } from './job-states.js';

/** A job as one fresh read of the list shows it. */
export interface ListedJob {
  job?: SeenJob | undefined;
  index: number;
  jobs: SeenJob[];
  jobCount: unknown;
  exchange: Exchange;
}

/** One submitted job and what the kit saw right after. */
export interface OwnJob {
  body: string;
  jobId: string;
  /** The submit answer. */
  submit: Exchange;
  /** The list read just before the submit (its jobCount). */
  before: ListedJob;
  /** The list read right after. */
  listed: ListedJob;
  /** The status endpoint read right after (when the run judges getJobStatus). */
  status?: Exchange | undefined;
}

/** A submit the target did not answer with a jobId. */
interface Refused {
  body: string;
  refused: Exchange;
}

/** What cancelling the pagerank job left behind. */
export interface CancelRun {
  own: OwnJob;
  /** The list read right before the cancel. */
  before: ListedJob;
  cancel: Exchange;
  /** The list read right after the cancel. */
  after: ListedJob;
  cancelled: boolean;
}

/**
 * The job with this id in a fresh read of the list. A read that is no list leaves the check nothing
 * to judge it by (not_a_server_error and response_schema_conformance judge that answer).
 */
export async function findListed(ctx: CheckContext, jobId: string): Promise<ListedJob> {
  const exchange = await ctx.send({ operationId: 'listJobs', fresh: true });
  const read = readList(exchange);
  if (typeof read === 'string') return ctx.skip(`not exercised: the list, read again, ${read}`);
  const { jobs, jobCount } = read;
  const index = jobs.findIndex((job) => job.jobId === jobId);
  return { ...(index >= 0 ? { job: jobs[index] } : {}), index, jobs, jobCount, exchange };
}

/** Submits an algorithm body; observes the new job in the list and on its status endpoint right after. */
async function submit(ctx: CheckContext, body: string): Promise<OwnJob | Refused> {
  const before = await findListed(ctx, '');
  const exchange = await ctx.send({ operationId: 'executeAlgorithm', query: { action_id: 'execute-algorithm' }, body });
  const jobId = bodyObject(exchange)?.jobId;
  if (exchange.response?.status !== 200 || typeof jobId !== 'string' || jobId === '') return { body, refused: exchange };
  const listed = await findListed(ctx, jobId);
  const status = ctx.selects('getJobStatus') ? await ctx.send({ operationId: 'getJobStatus', jobId, fresh: true }) : undefined;
  return { body, jobId, submit: exchange, before, listed, status };
}

/** The submitted job, or the check ends as not exercised, saying what the submit answered. */
function accepted(ctx: CheckContext, what: string, result: OwnJob | Refused): OwnJob {
  if ('refused' in result) {
    return ctx.skip(
      `not exercised: submitting ${what} answered ${describeAnswer(result.refused)} (submitted_job_listed judges a refused submit)`,
    );
  }
  return result;
}

/** Runs `make` once per run under `key`; a failure is every asker's failure. */
export function once<T>(ctx: CheckContext, key: string, make: () => Promise<T>): Promise<T> {
  let pending = ctx.shared.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = make();
    ctx.shared.set(key, pending);
  }
  return pending;
}

/**
 * Submits shortest_path (the spec's example) once per run, with unusual spacing: a server that
 * re-serialises the body shows. The answer, whether a job or a refusal.
 */
export function shortestPathSubmitted(ctx: CheckContext): Promise<OwnJob | Refused> {
  return once(ctx, 'shortestPath', () =>
    submit(ctx, JSON.stringify(getRequestExample('executeAlgorithm', 'ShortestPath'), null, 1).replace(/\n\s*/g, ' ')),
  );
}

/** The kit's shortest_path job, or not exercised when the target refused it. */
export async function submitOnce(ctx: CheckContext): Promise<OwnJob> {
  return accepted(ctx, "the kit's shortest_path", await shortestPathSubmitted(ctx));
}

const PAGERANK = () => JSON.stringify(getRequestExample('executeAlgorithm', 'PageRank'));

/** Submits pagerank once per run (not cancelled yet). */
export async function pagerankOnce(ctx: CheckContext): Promise<OwnJob> {
  return accepted(ctx, "the kit's pagerank", await once(ctx, 'pagerank', () => submit(ctx, PAGERANK())));
}

/** Submits pagerank for one check of its own (not shared: the check cancels it when done). */
export async function pagerankOfItsOwn(ctx: CheckContext): Promise<OwnJob> {
  return accepted(ctx, 'a pagerank', await submit(ctx, PAGERANK()));
}

/** The body of a shortest_path from a vertex the graph does not hold: accepted, and failing later. */
const UNKNOWN_VERTEX_BODY = JSON.stringify({
  algorithmName: 'shortest_path',
  parameters: { source: 'no_such_vertex_kit', target: '38' },
});

/** Submits the shortest_path from an unknown vertex once per run; the answer, whatever it is. */
export function unknownVertexOnce(ctx: CheckContext): Promise<Exchange> {
  return once(ctx, 'unknownVertex', () =>
    ctx.send({ operationId: 'executeAlgorithm', query: { action_id: 'execute-algorithm' }, body: UNKNOWN_VERTEX_BODY }),
  );
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The job as the list shows it once `done` holds, reading its status (which lets an engine that
 * advances jobs when asked move it on) and the list until then: at least three times, and for up to
 * --job-wait ms; undefined when it never does.
 */
export async function waitForListed(ctx: CheckContext, jobId: string, done: (job: SeenJob) => boolean): Promise<SeenJob | undefined> {
  const deadline = performance.now() + ctx.options.jobWaitMs;
  for (let attempt = 0; ; attempt++) {
    if (ctx.selects('getJobStatus')) await ctx.send({ operationId: 'getJobStatus', jobId, fresh: true });
    const job = (await findListed(ctx, jobId)).job;
    if (job && done(job)) return job;
    if (attempt >= 2 && performance.now() >= deadline) return undefined;
    await pause(Math.min(1000, 50 * 2 ** attempt));
  }
}

/**
 * A failed job of the kit's own, once per run: its shortest_path from an unknown vertex once it has
 * failed; if it has not within --job-wait, its cancelled pagerank when the list shows that failed.
 */
export function ownFailedJob(ctx: CheckContext): Promise<SeenJob | undefined> {
  return once(ctx, 'ownFailedJob', async () => {
    const jobId = bodyObject(await unknownVertexOnce(ctx))?.jobId;
    if (typeof jobId === 'string' && jobId !== '') {
      const job = await waitForListed(ctx, jobId, (listed) => phaseOf(listed.status) === 'finished');
      if (job && stateOf(job.status) === 'failed') return job;
    }
    if (!ctx.selects('cancelJob')) return undefined;
    const run = await cancelOnce(ctx);
    if (!run.cancelled) return undefined;
    const cancelled = (await findListed(ctx, run.own.jobId)).job;
    return cancelled && stateOf(cancelled.status) === 'failed' ? cancelled : undefined;
  });
}

/** Cancels the pagerank job once per run. */
export function cancelOnce(ctx: CheckContext): Promise<CancelRun> {
  return once(ctx, 'cancelRun', async () => {
    const own = await pagerankOnce(ctx);
    const before = await findListed(ctx, own.jobId);
    const cancel = await ctx.send({ operationId: 'cancelJob', jobId: own.jobId });
    const after = await findListed(ctx, own.jobId);
    return { own, before, cancel, after, cancelled: cancel.response?.status === 200 };
  });
}

/**
 * Cancels a job the target accepted by mistake (a refusal it should have sent) and says so for the
 * finding: the run leaves nothing behind that it did not mean to make.
 */
export async function cleanUp(ctx: CheckContext, accepted: Exchange): Promise<string> {
  const jobId = bodyObject(accepted)?.jobId;
  if (typeof jobId !== 'string' || jobId === '') return '';
  const cancel = await ctx.send({ operationId: 'cancelJob', jobId });
  return cancel.response?.status === 200
    ? `; the kit cancelled the job ${jobId} it created by mistake`
    : `; the job ${jobId} it created by mistake could not be cancelled (${describeAnswer(cancel)})`;
}
