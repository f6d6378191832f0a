/**
 * The jobs the kit makes itself under --allow-mutations, once per run and shared by the checks: a
 * shortest_path (the spec's example) and a pagerank (cancellable per the GES page), each observed in
 * the list and on its status endpoint right after the submit, and the pagerank again after its cancel.
 * A check that needs a job in a given state takes one of these instead of hoping the seeded state
 * holds one, so its result does not depend on the target's data or the moment of the run.
 */
import type { CheckContext, Exchange, SeenJob } from '../contract-types.js';
import { getRequestExample } from '../../src/spec/spec-examples.js';
import { bodyObject, describeAnswer } from './check-helpers.js';

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
  /** The status endpoint read right after. */
  status: Exchange;
}

/** What cancelling the pagerank job left behind. */
export interface CancelRun {
  own: OwnJob;
  /** The list read right before the cancel. */
  before: ListedJob;
  cancel: Exchange;
  cancelled: boolean;
}

/** The job with this id in a fresh read of the list. */
export async function findListed(ctx: CheckContext, jobId: string): Promise<ListedJob> {
  const exchange = await ctx.send({ operationId: 'listJobs', fresh: true });
  const { jobs, jobCount } = ctx.requireList(exchange, 'the list after the change');
  const index = jobs.findIndex((job) => job.jobId === jobId);
  return { ...(index >= 0 ? { job: jobs[index] } : {}), index, jobs, jobCount, exchange };
}

/** Submits an algorithm body; aborts the check unless a jobId comes back. */
async function submit(ctx: CheckContext, body: string): Promise<OwnJob> {
  const before = await findListed(ctx, '');
  const exchange = await ctx.send({ operationId: 'executeAlgorithm', query: { action_id: 'execute-algorithm' }, body });
  const jobId = bodyObject(exchange)?.jobId;
  if (exchange.response?.status !== 200 || typeof jobId !== 'string' || jobId === '') {
    return ctx.abort({
      message: 'submitting an algorithm did not answer a jobId',
      expected: '200 {"jobId": ...}',
      actual: describeAnswer(exchange),
      exchange,
    });
  }
  const listed = await findListed(ctx, jobId);
  const status = await ctx.send({ operationId: 'getJobStatus', jobId, fresh: true });
  return { body, jobId, submit: exchange, before, listed, status };
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

/** Submits shortest_path (the spec's example) once per run, with unusual spacing: a server that re-serialises the body shows. */
export function submitOnce(ctx: CheckContext): Promise<OwnJob> {
  return once(ctx, 'shortestPath', () =>
    submit(ctx, JSON.stringify(getRequestExample('executeAlgorithm', 'ShortestPath'), null, 1).replace(/\n\s*/g, ' ')),
  );
}

/** Submits pagerank once per run (not cancelled yet). */
export function pagerankOnce(ctx: CheckContext): Promise<OwnJob> {
  return once(ctx, 'pagerank', () => submit(ctx, JSON.stringify(getRequestExample('executeAlgorithm', 'PageRank'))));
}

/** Cancels the pagerank job once per run. */
export function cancelOnce(ctx: CheckContext): Promise<CancelRun> {
  return once(ctx, 'cancelRun', async () => {
    const own = await pagerankOnce(ctx);
    const before = await findListed(ctx, own.jobId);
    const cancel = await ctx.send({ operationId: 'cancelJob', jobId: own.jobId });
    return { own, before, cancel, cancelled: cancel.response?.status === 200 };
  });
}

/**
 * Cancels a job the target accepted by mistake (a refusal it should have sent) and says so for the
 * finding: the run leaves nothing behind that it did not mean to make.
 */
export async function cleanUp(ctx: CheckContext, accepted: Exchange): Promise<string> {
  const jobId = bodyObject(accepted)?.jobId;
  if (accepted.response?.status !== 200 || typeof jobId !== 'string' || jobId === '') return '';
  const cancel = await ctx.send({ operationId: 'cancelJob', jobId });
  return cancel.response?.status === 200
    ? `; the kit cancelled the job ${jobId} it created by mistake`
    : `; the job ${jobId} it created by mistake could not be cancelled (${describeAnswer(cancel)})`;
}
