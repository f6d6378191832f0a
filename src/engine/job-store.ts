/**
 * The jobs of one (project, graph): the graph's seeded jobs plus this project's submissions, minus
 * evictions, with this project's cancellations. Kept in display order (reversed: oldest first) so
 * a list never sorts and a new job is a push.
 */
import type { Job } from '../types.js';
import type { Page } from './engine-types.js';
import { isView, viewJob, type JobEntry, type JobPlan } from './job-plan.js';
import type { PlannerContext } from './job-planner.js';
import { createRandom } from './random.js';
import { isShownBefore, type GraphSeed } from './seed-graph.js';

interface Cancellation {
  readonly atMs: number;
  view?: Job;
}

// Every unchanged store of a graph holds the seed's own array: their counts at one instant are equal,
// so state() over a thousand untouched projects counts each graph once.
const sharedCounts = new WeakMap<readonly JobEntry[], { now: number; counts: Record<string, number> }>();

/** What a submission did to the store. */
export type InsertOutcome = 'inserted' | 'full';

/** One project's view of one graph. */
export interface JobStore {
  readonly project: string;
  readonly graph: string;
  /** Plans this store's submissions (its own random stream, so projects do not disturb each other). */
  readonly planner: PlannerContext;
  readonly size: number;
  /** A page in display order: newest second first, then jobId ascending. */
  list(now: number, page: Page): Job[];
  find(jobId: string): JobEntry | undefined;
  /** The job as shown at `now`, honouring this store's cancellation. */
  view(entry: JobEntry, now: number): Job;
  /** Whether the job has finished (or been cancelled) at `now`. */
  isFinished(entry: JobEntry, now: number): boolean;
  /** Marks an unfinished plan cancelled at `now`; the caller checks that it may be. */
  cancel(plan: JobPlan, now: number): void;
  /** Adds a job in display position, evicting the oldest finished job at `cap`. */
  insert(plan: JobPlan, now: number, cap: number): InsertOutcome;
  /** Jobs by status at `now`. */
  countByStatus(now: number): Record<string, number>;
}

/** Creates the store of `project` over a graph's seeded jobs. */
export function createJobStore(project: string, graph: string, seed: GraphSeed, engineSeed: number): JobStore {
  let entries = seed.entries as JobEntry[];
  let shared = true; // entries is the seed's array until the first change (copy-on-write)
  const own = new Map<string, JobPlan>();
  const evicted = new Set<string>();
  const cancellations = new Map<string, Cancellation>();
  const planner: PlannerContext = {
    profile: seed.profile,
    vocabulary: seed.vocabulary,
    rng: createRandom(`${engineSeed}:${graph}:${project}:submissions`),
  };

  const writable = (): JobEntry[] => {
    if (shared) {
      entries = entries.slice();
      shared = false;
    }
    return entries;
  };

  const find = (jobId: string): JobEntry | undefined => {
    const mine = own.get(jobId);
    if (mine) return mine;
    if (evicted.has(jobId)) return undefined;
    return seed.find(jobId);
  };

  const isFinished = (entry: JobEntry, now: number): boolean =>
    isView(entry) || now >= entry.endMs || cancellations.has(entry.jobId);

  const view = (entry: JobEntry, now: number): Job => {
    if (isView(entry)) return entry;
    if (cancellations.size > 0) {
      const cancelled = cancellations.get(entry.jobId);
      if (cancelled) return (cancelled.view ??= viewJob(entry, now, cancelled.atMs));
    }
    return viewJob(entry, now);
  };

  const remove = (index: number): void => {
    const [gone] = writable().splice(index, 1);
    if (!gone) return;
    if (!own.delete(gone.jobId)) evicted.add(gone.jobId);
    cancellations.delete(gone.jobId);
  };

  return {
    project,
    graph,
    planner,
    get size() {
      return entries.length;
    },
    list(now, { limit, offset }) {
      const jobs: Job[] = [];
      const last = entries.length - 1 - offset;
      const stop = Math.max(-1, last - limit);
      for (let i = last; i > stop; i--) {
        const entry = entries[i]!;
        // Hot path of 100k-job pages: a finished job is a frozen object, shared, never rebuilt.
        jobs.push(isView(entry) ? entry : view(entry, now));
      }
      return jobs;
    },
    find,
    view,
    isFinished,
    cancel(plan, now) {
      cancellations.set(plan.jobId, { atMs: now });
    },
    insert(plan, now, cap) {
      while (entries.length >= cap) {
        let oldest = -1;
        for (let i = 0; i < entries.length; i++) {
          if (isFinished(entries[i]!, now)) {
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
      const cacheable = shared && cancellations.size === 0;
      const cached = cacheable ? sharedCounts.get(entries) : undefined;
      if (cached && cached.now === now) return { ...cached.counts };
      const counts: Record<string, number> = { pending: 0, running: 0, success: 0, failed: 0 };
      for (const entry of entries) {
        let status: string;
        if (isView(entry)) status = entry.status;
        else if (cancellations.size > 0 && cancellations.has(entry.jobId)) status = 'failed';
        else if (now < entry.runAtMs) status = 'pending';
        else if (now < entry.endMs) status = 'running';
        else status = entry.failReason === undefined ? 'success' : 'failed';
        counts[status] = (counts[status] ?? 0) + 1;
      }
      if (cacheable) sharedCounts.set(entries, { now, counts });
      return { ...counts };
    },
  };
}
