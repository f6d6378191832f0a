/**
 * How the recorded checks read a recording across its exchanges: their recorded time and order, the
 * graph each belongs to, a list answer's paging and jobs, and the window within which two answers of
 * one graph are compared (further apart, jobs may have come and gone for reasons no answer shows).
 */
import type { CheckContext, Exchange, SeenJob } from '../contract-types.js';
import { limitBounds } from '../../src/spec/spec-facts.js';
import { bodyObject } from '../checks/check-helpers.js';

/** Two answers of one graph further apart than this are not compared (jobs come and go). */
export const WINDOW_MS = 5000;

/** Time of a recorded exchange, ms since the epoch (NaN sorts by index). */
export const timeOf = (exchange: Exchange) => Date.parse(exchange.source?.startedDateTime ?? '');

/** Exchanges in recorded time order (ties and unreadable times keep the file order). */
export function inTimeOrder(exchanges: readonly Exchange[]): Exchange[] {
  return [...exchanges].sort((a, b) => {
    const ta = timeOf(a);
    const tb = timeOf(b);
    return Number.isNaN(ta) || Number.isNaN(tb) || ta === tb ? a.seq - b.seq : ta - tb;
  });
}

/**
 * Whether `first` was answered before `then` was sent, within the window: `then` starts no earlier
 * than `first` ends (a millisecond aside: a HAR's start times are whole milliseconds) and at most
 * WINDOW_MS after `first` started. Unreadable times: by file order.
 */
export function answeredBefore(first: Exchange, then: Exchange): boolean {
  const start = timeOf(first);
  const next = timeOf(then);
  if (Number.isNaN(start) || Number.isNaN(next)) return first.seq < then.seq;
  return next >= start + first.durationMs - 1 && next - start <= WINDOW_MS && then !== first;
}

/** `origin/project/graph` of a request URL: the identity of a graph across answers. */
export function graphKey(exchange: Exchange): string {
  const url = new URL(exchange.request.url);
  const match = /\/ges\/v1\.0\/([^/]+)\/graphs\/([^/]+)\//.exec(url.pathname);
  return `${url.origin} ${match?.[1] ?? ''} ${match?.[2] ?? ''}`;
}

/** The job_id of a job's path (`…/jobs/{job_id}/status`, `…/jobs/{job_id}/action`); '' for another path. */
export const pathJobId = (exchange: Exchange) =>
  decodeURIComponent(/\/jobs\/([^/]+)\/(status|action)$/.exec(new URL(exchange.request.url).pathname)?.[1] ?? '');

/** A list answer's paging: limit and offset as integers (undefined when absent or not integers). */
export function paging(exchange: Exchange): { limit?: number | undefined; offset: number } | undefined {
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

/** A 200 list answer of the recording with its jobs. */
export interface ListAnswer {
  exchange: Exchange;
  jobs: SeenJob[];
  jobCount: unknown;
}

/** The 200 list answers of the recording with their jobs. */
export function listAnswers(ctx: CheckContext): ListAnswer[] {
  return ctx.exchanges().flatMap((exchange) => {
    if (exchange.operationId !== 'listJobs' || exchange.response?.status !== 200 || exchange.response.bodyNotRecorded) return [];
    const body = bodyObject(exchange);
    if (!body || !Array.isArray(body.jobs)) return [];
    const jobs = body.jobs.filter((job): job is SeenJob => typeof job === 'object' && job !== null && !Array.isArray(job));
    return [{ exchange, jobs, jobCount: body.jobCount }];
  });
}

/** Whether a list answer holds the whole list: its first page, and its last (fewer jobs than its limit, or all jobCount counts). */
export function holdsWholeList(answer: ListAnswer): boolean {
  const page = paging(answer.exchange);
  if (page?.offset !== 0) return false;
  return answer.jobs.length < (page.limit ?? limitBounds.default) || answer.jobs.length === answer.jobCount;
}
