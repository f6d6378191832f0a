/**
 * Listing semantics: limit, offset, paging, jobCount and order. The page states what limit and
 * offset mean (the most jobs to return, up to 100000; where the page starts), so a page is a slice of
 * the list; jobCount being the total, limit=0 being valid and newest-first order are this project's
 * decisions and inferences, judged as SHOULD.
 */
import type { CheckContext, CheckDefinition, Exchange, FindingInput, PageWalk } from '../contract-types.js';
import { describeJob, showValue } from '../../src/spec/job-facts.js';
import { readJobTime } from '../../src/spec/read-job-time.js';
import { limitBounds } from '../../src/spec/spec-facts.js';
import { defaultJobs, describeAnswer, expectGesError, expectNothingPastTheEnd } from './check-helpers.js';

const MAX_LIMIT = limitBounds.max;
const OVER_LIMIT = MAX_LIMIT + 1;

/** The limit and offset an exchange asked for (from its URL). */
function pageOf(exchange: Exchange): { limit?: number | undefined; offset: number } {
  const params = new URL(exchange.request.url).searchParams;
  const limit = params.get('limit');
  return { ...(limit !== null ? { limit: Number(limit) } : {}), offset: Number(params.get('offset') ?? 0) };
}

/** A job time's whole second (epoch), for ordering; undefined when unreadable. */
function wholeSecond(value: unknown): number | undefined {
  const ms = readJobTime(value);
  return ms === undefined ? undefined : Math.floor(ms / 1000);
}

const ids = (jobs: Record<string, unknown>[]) => jobs.map((job) => String(job.jobId));

const SLICES = 'list.paging-slices';

/** Compares a page walk with its default list; findings are returned, not recorded. */
function compareWalk(ctx: CheckContext, walk: PageWalk): FindingInput[] {
  const problems: FindingInput[] = [];
  const base = ctx.requireList(walk.base, 'the default list', SLICES);
  const allIds = new Set(ids(base.jobs));
  const expected = ids(base.jobs).slice(0, walk.covered);
  const walked: { id: string; page: Exchange; offset: number }[] = [];
  for (const page of walk.pages) {
    const read = ctx.requireList(page, `the page at offset ${pageOf(page).offset}`, SLICES);
    for (const id of ids(read.jobs)) walked.push({ id, page, offset: pageOf(page).offset });
  }
  const firstSeen = new Map<string, number>();
  for (const entry of walked) {
    const earlier = firstSeen.get(entry.id);
    if (earlier !== undefined && earlier !== entry.offset) {
      problems.push({
        rule: SLICES,
        message: `pages overlap: job ${entry.id} is on the page at offset ${earlier} and again at offset ${entry.offset}`,
        exchange: entry.page,
      });
    } else if (earlier !== undefined) {
      problems.push({ rule: SLICES, message: `job ${entry.id} appears twice on the page at offset ${entry.offset}`, exchange: entry.page });
    }
    firstSeen.set(entry.id, earlier ?? entry.offset);
  }
  const walkedIds = walked.map((entry) => entry.id).slice(0, walk.covered);
  const walkedSet = new Set(walkedIds);
  for (const [position, id] of expected.entries()) {
    if (!walkedSet.has(id)) {
      problems.push({
        rule: SLICES,
        message: `gap: job ${id} (position ${position} of the default list) is on none of the pages`,
        exchange: walk.pages.find((page) => pageOf(page).offset <= position && position < pageOf(page).offset + walk.pageSize),
      });
    }
  }
  for (const entry of walked) {
    if (!allIds.has(entry.id)) {
      problems.push({
        rule: SLICES,
        message: `job ${entry.id} on the page at offset ${entry.offset} is not in the default list`,
        exchange: entry.page,
      });
    }
  }
  if (problems.length === 0) {
    // Same jobs, no overlap or gap: only an order that differs across startTimes counts (jobs that
    // share a startTime may come in any order).
    const startOf = new Map(base.jobs.map((job) => [String(job.jobId), String(job.startTime)]));
    const at = expected.findIndex((id, i) => walkedIds[i] !== id && startOf.get(walkedIds[i] as string) !== startOf.get(id));
    if (at >= 0) {
      problems.push({
        rule: SLICES,
        message: `the pages list the jobs in another order than the default list, from position ${at}`,
        expected: expected.slice(at, at + 3).join(', '),
        actual: walkedIds.slice(at, at + 3).join(', '),
        exchange: walked[at]?.page,
      });
    }
  }
  return problems;
}

/** The checks of the list group. */
export const listChecks: readonly CheckDefinition[] = [
  {
    id: 'list_limit_respected',
    group: 'list',
    phase: 'probe',
    description: 'A page never holds more jobs than limit asked for.',
    async run(ctx) {
      const probes = [await ctx.send({ operationId: 'listJobs', query: { limit: '2', offset: '0' } })];
      probes.push(...(await ctx.walkPages()).pages);
      for (const exchange of probes) {
        const { limit } = pageOf(exchange);
        const list = ctx.requireList(exchange, `the page with limit=${limit}`, 'list.limit-respected');
        ctx.judged();
        if (limit !== undefined && list.jobs.length > limit) {
          ctx.fail({
            rule: 'list.limit-respected',
            message: `limit=${limit} answered ${list.jobs.length} jobs`,
            expected: `at most ${limit} jobs`,
            actual: `${list.jobs.length} jobs`,
            exchange,
          });
        }
      }
      ctx.note(`${probes.length} pages`);
    },
  },
  {
    id: 'pages_reproduce_full_list',
    group: 'list',
    phase: 'probe',
    description: 'Walking the list page by page gives the default list: same jobIds, same order, no overlap, no gap.',
    async run(ctx) {
      const walk = await ctx.walkPages();
      const base = ctx.requireList(walk.base, 'the default list', SLICES);
      if (base.jobs.length === 0) return ctx.skip('the graph holds no jobs: there is nothing to page through');
      let problems = compareWalk(ctx, walk);
      let retried = false;
      if (problems.length > 0) {
        // A live engine may take or drop jobs during the walk: judge a second walk read afresh.
        const again = compareWalk(ctx, await ctx.walkPages(true));
        if (again.length === 0) retried = true;
        problems = again.length === 0 ? [] : problems;
      }
      ctx.judged(walk.pages.length);
      for (const problem of problems) ctx.fail(problem);
      ctx.note(
        `${walk.covered} jobs in ${walk.pages.length} pages of ${walk.pageSize}${retried ? ' (second walk: the list changed during the first)' : ''}`,
      );
    },
  },
  {
    id: 'offset_past_end_empty',
    group: 'list',
    phase: 'probe',
    description:
      'An offset at or past the end answers no job; the spec answers it with an empty page (a refusal warns), and still a jobCount.',
    async run(ctx) {
      const base = await defaultJobs(ctx);
      const total = Math.max(base.jobs.length, typeof base.jobCount === 'number' ? base.jobCount : 0);
      const exchange = await ctx.send({ operationId: 'listJobs', query: { offset: String(total) } });
      expectNothingPastTheEnd(ctx, exchange, `offset=${total} (the end)`);
    },
  },
  {
    id: 'limit_zero_empty',
    group: 'list',
    phase: 'probe',
    description:
      'limit=0 answers no job; the spec answers it with an empty jobs array and the jobCount of the default list (a refusal warns).',
    async run(ctx) {
      const base = await defaultJobs(ctx);
      const exchange = await ctx.send({ operationId: 'listJobs', query: { limit: '0' } });
      const status = exchange.response?.status;
      if (status !== 200) {
        expectGesError(ctx, exchange, { rule: 'list.limit-respected', codeRule: 'list.paging-range' }, 'limit=0');
        if (status !== undefined && status >= 400 && status < 500) {
          ctx.fail({
            rule: 'list.paging-range',
            message: `limit=0 was refused with ${status}`,
            expected: '200 with jobs: [] (limit runs from 0)',
            actual: describeAnswer(exchange),
            exchange,
          });
        }
        return;
      }
      const page = ctx.requireList(exchange, 'limit=0', 'list.limit-respected');
      ctx.judged();
      if (page.jobs.length > 0) {
        ctx.fail({
          rule: 'list.limit-respected',
          message: `limit=0 answered ${page.jobs.length} jobs`,
          expected: 'jobs: []',
          actual: `${page.jobs.length} jobs, first ${showValue(page.jobs[0]?.jobId)}`,
          exchange,
        });
      }
      if (typeof page.jobCount !== 'number' || !Number.isInteger(page.jobCount)) {
        ctx.fail({
          rule: 'list.shape',
          message: `limit=0 answered jobCount ${showValue(page.jobCount)}`,
          expected: 'an integer jobCount',
          exchange,
        });
      } else if (typeof base.jobCount === 'number' && page.jobCount !== base.jobCount) {
        ctx.fail({
          rule: 'list.job-count-total',
          message: `limit=0 says jobCount ${page.jobCount}, the default list ${base.jobCount}`,
          expected: `jobCount ${base.jobCount}, the total`,
          exchange,
        });
      }
    },
  },
  {
    id: 'job_count_consistent',
    group: 'list',
    phase: 'probe',
    description:
      'jobCount is the total: the default list holds that many jobs, and every page reports the same jobCount, never below its length.',
    async run(ctx) {
      const base = await defaultJobs(ctx);
      await ctx.walkPages();
      const total = base.jobCount;
      if (typeof total !== 'number' || !Number.isInteger(total)) {
        return ctx.abort({
          rule: 'list.shape',
          message: 'the default list has no integer jobCount',
          expected: 'jobCount: <total>',
          actual: `jobCount ${showValue(total)}`,
          exchange: base.exchange,
        });
      }
      ctx.judged();
      if (base.jobs.length < limitBounds.default && base.jobs.length !== total) {
        ctx.fail({
          rule: 'list.job-count-total',
          message: `the default list (limit ${limitBounds.default}) holds ${base.jobs.length} jobs but says jobCount ${total}`,
          expected: `jobCount ${base.jobs.length}, the total`,
          actual: `jobCount ${total}`,
          exchange: base.exchange,
        });
      }
      let pages = 0;
      for (const exchange of ctx.exchanges()) {
        if (exchange.operationId !== 'listJobs' || exchange === base.exchange || exchange.response?.status !== 200) continue;
        if (!exchange.request.url.includes(`/graphs/${encodeURIComponent(ctx.options.graph)}/`)) continue;
        if (exchange.tokenKind === 'forbidden' || !exchange.authenticated) continue;
        const page = ctx.requireList(exchange, 'a page', 'list.job-count-total');
        pages++;
        ctx.judged();
        const { offset, limit } = pageOf(exchange);
        const where = `the page limit=${limit ?? '(default)'} offset=${offset}`;
        if (page.jobCount !== total) {
          ctx.fail({
            rule: 'list.job-count-total',
            message: `${where} says jobCount ${showValue(page.jobCount)}`,
            expected: `jobCount ${showValue(total)} on every page`,
            actual: `jobCount ${showValue(page.jobCount)}`,
            exchange,
          });
        } else if (typeof page.jobCount === 'number' && page.jobCount < page.jobs.length) {
          ctx.fail({
            rule: 'list.job-count-total',
            message: `${where} holds ${page.jobs.length} jobs, more than its jobCount ${page.jobCount}`,
            exchange,
          });
        }
      }
      ctx.note(`jobCount ${total} on ${pages + 1} answers`);
    },
  },
  {
    id: 'limit_maximum_respected',
    group: 'list',
    phase: 'probe',
    description: `limit=${MAX_LIMIT} (the default) answers the default list, at most ${MAX_LIMIT} jobs; limit=${OVER_LIMIT} answers a 4xx error envelope or at most ${MAX_LIMIT} jobs.`,
    async run(ctx) {
      const base = await defaultJobs(ctx);
      const atMax = await ctx.send({ operationId: 'listJobs', query: { limit: String(MAX_LIMIT) } });
      const list = ctx.requireList(atMax, `limit=${MAX_LIMIT}`, 'list.limit-respected');
      ctx.judged();
      if (list.jobs.length > MAX_LIMIT) {
        ctx.fail({
          rule: 'list.limit-respected',
          message: `limit=${MAX_LIMIT} answered ${list.jobs.length} jobs`,
          expected: `at most ${MAX_LIMIT}`,
          exchange: atMax,
        });
      } else if (ids(list.jobs).join() !== ids(base.jobs).join()) {
        ctx.fail({
          rule: SLICES,
          message: `limit=${MAX_LIMIT}, the default limit, answered other jobs than the default list`,
          expected: `${base.jobs.length} jobs: ${ids(base.jobs).slice(0, 5).join(', ')}`,
          actual: `${list.jobs.length} jobs: ${ids(list.jobs).slice(0, 5).join(', ')}`,
          exchange: atMax,
        });
      }
      const over = await ctx.send({ operationId: 'listJobs', query: { limit: String(OVER_LIMIT) } });
      const status = over.response?.status;
      if (status === 200) {
        const page = ctx.requireList(over, `limit=${OVER_LIMIT}`, 'list.limit-respected');
        if (page.jobs.length > MAX_LIMIT) {
          ctx.fail({
            rule: 'list.limit-respected',
            message: `limit=${OVER_LIMIT} answered ${page.jobs.length} jobs`,
            expected: `at most ${MAX_LIMIT}`,
            exchange: over,
          });
        }
      } else {
        expectGesError(ctx, over, { rule: 'list.limit-respected' }, `limit=${OVER_LIMIT}`);
      }
    },
  },
  {
    id: 'newest_first_order',
    group: 'list',
    phase: 'probe',
    description: 'Jobs are listed newest startTime first (ties in any order), as both documented examples are.',
    async run(ctx) {
      const walk = await ctx.walkPages();
      let compared = 0;
      for (const exchange of [walk.base, ...walk.pages]) {
        const list = ctx.requireList(exchange, 'the list', 'list.order');
        for (let i = 1; i < list.jobs.length; i++) {
          const before = list.jobs[i - 1] as Record<string, unknown>;
          const after = list.jobs[i] as Record<string, unknown>;
          // Whole seconds: the list's own form has no finer grain, so a finer one decides no order.
          const a = wholeSecond(before.startTime);
          const b = wholeSecond(after.startTime);
          if (a === undefined || b === undefined) continue;
          compared++;
          if (b > a) {
            ctx.fail({
              rule: 'list.order',
              message: `${describeJob(after)} started ${showValue(after.startTime)}, later than ${describeJob(before)} listed before it (${showValue(before.startTime)})`,
              expected: 'newest startTime first',
              exchange,
            });
            break; // one finding per answer is enough to show the order
          }
        }
      }
      ctx.judged(compared);
      ctx.note(`${compared} neighbouring pairs compared`);
    },
  },
];
