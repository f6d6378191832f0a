/**
 * The jobs of one (project, graph): the graph's seeded jobs plus this project's submissions, minus
 * evictions, with this project's cancellations. Kept in display order (reversed, oldest first) so a
 * list never sorts and a new job is a push.
 */
import type { Job } from '../types.js';
import type { Page } from './engine-types.js';
import { viewJob, type JobPlan } from './job-plan.js';
import type { PlannerContext } from './job-planner.js';
import { createRandom } from './random.js';
import { isShownBefore, type GraphSeed } from './seed-graph.js';

interface Cancellation {
  readonly atMs: number;
  view?: Job;
}

/** What a submission did to the store. */
export type InsertOutcome = 'inserted' | 'full';

/** One project's view of one graph. */
export interface JobStore {
  readonly project: string;
  readonly graph: string;
  /** Plans this store's submissions (its own random stream, so projects do not disturb each other). */
  readonly planner: PlannerContext;
  readonly size: number;
  list(now: number, page: Page): Job[];
  find(jobId: string): JobPlan | undefined;
  /** The job as shown at `now`, honouring this store's cancellation. */
  view(plan: JobPlan, now: number): Job;
  /** When this store cancelled the job, if it did. */
  cancelledAt(jobId: string): number | undefined;
  isFinished(plan: JobPlan, now: number): boolean;
  /** Marks an unfinished job cancelled at `now`; the caller checks that it may be. */
  cancel(jobId: string, now: number): void;
  /** Adds a job in display position, evicting the oldest finished job at `cap`. */
  insert(plan: JobPlan, now: number, cap: number): InsertOutcome;
  /** Jobs by status at `now`. */
  countByStatus(now: number): Record<string, number>;
}

/** Creates the store of `project` over a graph's seeded jobs. */
export function createJobStore(project: string, graph: string, seed: GraphSeed, engineSeed: number): JobStore {
  let plans = seed.plans as JobPlan[];
  let shared = true; // plans is the seed's array until the first change
  const own = new Map<string, JobPlan>();
  const evicted = new Set<string>();
  const cancellations = new Map<string, Cancellation>();
  const planner: PlannerContext = {
    profile: seed.profile,
    vocabulary: seed.vocabulary,
    rng: createRandom(`${engineSeed}:${graph}:${project}:submissions`),
  };

  const writable = (): JobPlan[] => {
    if (shared) {
      plans = plans.slice();
      shared = false;
    }
    return plans;
  };

  const find = (jobId: string): JobPlan | undefined => {
    const mine = own.get(jobId);
    if (mine) return mine;
    if (evicted.has(jobId)) return undefined;
    return seed.byId.get(jobId);
  };

  const isFinished = (plan: JobPlan, now: number): boolean => now >= plan.endMs || cancellations.has(plan.jobId);

  const view = (plan: JobPlan, now: number): Job => {
    if (cancellations.size > 0) {
      const cancelled = cancellations.get(plan.jobId);
      if (cancelled) return (cancelled.view ??= Object.freeze(viewJob(plan, now, cancelled.atMs)));
    }
    return viewJob(plan, now);
  };

  const remove = (index: number): void => {
    const [gone] = writable().splice(index, 1);
    if (!gone) return;
    if (own.delete(gone.jobId) === false) evicted.add(gone.jobId);
    cancellations.delete(gone.jobId);
  };

  return {
    project,
    graph,
    planner,
    get size() {
      return plans.length;
    },
    list(now, { limit, offset }) {
      const jobs: Job[] = [];
      const last = plans.length - 1 - offset;
      const stop = Math.max(-1, last - limit);
      const checkCancel = cancellations.size > 0;
      for (let i = last; i > stop; i--) {
        const plan = plans[i]!;
        // Hot path for 100k-job pages: a finished job's frozen view, no allocation.
        const cached = plan.finishedView;
        jobs.push(cached !== undefined && !(checkCancel && cancellations.has(plan.jobId)) ? cached : view(plan, now));
      }
      return jobs;
    },
    find,
    view,
    cancelledAt: (jobId) => cancellations.get(jobId)?.atMs,
    isFinished,
    cancel(jobId, now) {
      cancellations.set(jobId, { atMs: now });
    },
    insert(plan, now, cap) {
      while (plans.length >= cap) {
        let oldest = -1;
        for (let i = 0; i < plans.length; i++) {
          if (isFinished(plans[i]!, now)) {
            oldest = i;
            break;
          }
        }
        if (oldest < 0) return 'full';
        remove(oldest);
      }
      const list = writable();
      let at = list.length;
      while (at > 0 && isShownBefore(list[at - 1]!, plan)) at--;
      if (at === list.length) list.push(plan);
      else list.splice(at, 0, plan);
      own.set(plan.jobId, plan);
      return 'inserted';
    },
    countByStatus(now) {
      const counts: Record<string, number> = { pending: 0, running: 0, success: 0, failed: 0 };
      for (const plan of plans) {
        let status: string;
        if (cancellations.size > 0 && cancellations.has(plan.jobId)) status = 'failed';
        else if (now < plan.runAtMs) status = 'pending';
        else if (now < plan.endMs) status = 'running';
        else status = plan.failReason === undefined ? 'success' : 'failed';
        counts[status] = (counts[status] ?? 0) + 1;
      }
      return counts;
    },
  };
}
