/**
 * The jobs of one (project, graph): the graph's seeded jobs plus this project's submissions, minus
 * evictions, with this project's cancellations. Kept in display order reversed (oldest first), so
 * a list never sorts and a new job is a push; the seed's array is shared until the first change.
 */
import type { Job } from '../types.js';
import type { Page } from './engine-types.js';
import { isView, viewJob, type JobEntry, type JobPlan } from './job-lifecycle.js';
import type { PlannerContext } from './draw-job-plans.js';
import { createRandom } from './random.js';
import { utf8Length } from './utf8-length.js';
import { idOfSlot, isShownBefore, type GraphSeed, type JobSlot } from './seed-graph.js';

interface Cancellation {
  readonly atMs: number;
  view?: Job | undefined;
}

// Every unchanged store of a graph holds the seed's own array: their counts at one instant are
// equal, so state() over a thousand untouched projects counts each graph once.
const sharedCounts = new WeakMap<readonly JobSlot[], { now: number; counts: Record<string, number> }>();

/** What a submission did to the store. */
type InsertOutcome = 'inserted' | 'too-many-jobs' | 'too-much-request-data';

/** How much one store may hold; at either limit a submission evicts, or is refused. */
interface StoreLimits {
  /** Most jobs, seeded and submitted. */
  readonly maxJobs: number;
  /** Most characters of submitted request bodies (`rawRequest`, kept byte for byte) together. */
  readonly maxRequestChars: number;
}

/**
 * Where insert records how to take itself back: evictions and the insertion, to be run last first.
 * The store's ids of evicted jobs are pushed to `evicted`.
 */
export interface Undo {
  readonly steps: (() => void)[];
  readonly evicted: string[];
}

/** One project's view of one graph. */
export interface JobStore {
  readonly project: string;
  readonly graph: string;
  /** Plans this store's submissions (its own random stream, so projects do not disturb each other). */
  readonly planner: PlannerContext;
  readonly size: number;
  /**
   * A page in display order: newest second first, then jobId ascending. Asked again for the same
   * page at the same instant with nothing changed in between, it returns the very same (frozen)
   * array, so that a caller may serialise it once (src/http/to-list-jobs-json.ts).
   */
  list(now: number, page: Page): Job[];
  find(jobId: string): JobEntry | undefined;
  /** The job as shown at `now`, honouring this store's cancellation. */
  view(entry: JobEntry, now: number): Job;
  /** Whether the job has finished (or been cancelled) at `now`. */
  isFinished(entry: JobEntry, now: number): boolean;
  /** Marks an unfinished plan cancelled at `now`; the caller checks that it may be. */
  cancel(plan: JobPlan, now: number): void;
  /** Takes a cancellation back (the job lives on as before). */
  uncancel(jobId: string): void;
  /**
   * Adds a job in display position. At `maxJobs` the oldest finished job is evicted; past
   * `maxRequestChars` the oldest finished *submitted* job (seeded ones hold no request body worth
   * freeing). Refused, naming the limit, when nothing finished can go.
   */
  insert(plan: JobPlan, now: number, limits: StoreLimits, undo?: Undo): InsertOutcome;
  /** Jobs by status at `now`. */
  countByStatus(now: number): Record<string, number>;
  /** Whether anything was submitted, cancelled or evicted since the store was made. */
  readonly changed: boolean;
  /** Bytes (jobBytes) of the jobs submitted since the store was made, minus those of the jobs evicted. */
  readonly addedBytes: number;
  /**
   * Every job in display order at `now`, each with its plan while it still lives (unfinished, not
   * frozen, not cancelled): what a snapshot needs to let it go on living.
   */
  entries(now: number): { view: Job; living: JobPlan | undefined }[];
}

/**
 * What one held job costs a server's memory, as measured: its fields live in about 0.5 KB of heap,
 * but a V8 process holding many of them peaks at about 130 MB plus 2 KB of RSS per job (`npm run
 * measure:memory -- --body-kb 0.1`), so a job counts 2 KB; its request body (in UTF-8 bytes, as sent)
 * counts once as text, and once more parsed for a living plan.
 */
const JOB_FIELDS_BYTES = 2048;

/**
 * What a submission with a body of `bodyBytes` is counted for (a living plan): known from the
 * declared length alone, so an adapter can refuse a body the budget cannot hold before reading it
 * (Engine.refusesBody).
 */
export const submittedJobBytes = (bodyBytes: number): number => JOB_FIELDS_BYTES + 2 * bodyBytes;

export function jobBytes(entry: JobEntry): number {
  const bodyBytes = utf8Length(entry.rawRequest);
  return isView(entry) ? JOB_FIELDS_BYTES + bodyBytes : submittedJobBytes(bodyBytes);
}

/** Storage order (oldest first): a before b when b is shown before a. */
function compareStored(a: JobSlot, b: JobSlot, seed: GraphSeed): number {
  if (isShownBefore(b, a, seed)) return -1;
  if (isShownBefore(a, b, seed)) return 1;
  return 0;
}

/**
 * Creates the store of `project` over a graph's seeded jobs, plus `listed` jobs of a fixture
 * document (frozen views or living plans), merged in display order.
 */
export function createJobStore(
  project: string,
  graph: string,
  seed: GraphSeed,
  engineSeed: number,
  listed: readonly JobEntry[] = [],
): JobStore {
  let slots = seed.slots as JobSlot[];
  let shared = true; // slots is the seed's array until the first change (copy-on-write)
  const fixed = new Map<string, JobEntry>();
  if (listed.length > 0) {
    // Seed slots are already in storage order; the listed jobs are sorted and merged into a copy.
    const extra = [...listed].sort((a, b) => compareStored(a, b, seed));
    const merged: JobSlot[] = [];
    let i = 0;
    for (const slot of seed.slots) {
      while (i < extra.length && compareStored(extra[i]!, slot, seed) < 0) merged.push(extra[i++]!);
      merged.push(slot);
    }
    while (i < extra.length) merged.push(extra[i++]!);
    for (const entry of listed) fixed.set(entry.jobId, entry);
    slots = merged;
    shared = false;
  }
  let changed = false;
  // Bumped by every change of what a list shows; with the instant and the page it keys `lastPage`.
  let version = 0;
  let lastPage: { now: number; limit: number; offset: number; version: number; jobs: Job[] } | undefined;
  let addedBytes = 0;
  const own = new Map<string, JobPlan>();
  let ownRequestChars = 0; // rawRequest length of the submissions still held
  const evicted = new Set<string>();
  const cancellations = new Map<string, Cancellation>();
  const planner: PlannerContext = {
    profile: seed.profile,
    vocabulary: seed.vocabulary,
    rng: createRandom(`${engineSeed}:${graph}:${project}:submissions`),
  };

  const writable = (): JobSlot[] => {
    if (shared) {
      slots = slots.slice();
      shared = false;
    }
    return slots;
  };

  /** The job at index i, built if it is still a seed slot number. */
  const entryAt = (i: number): JobEntry => {
    const slot = slots[i]!;
    if (typeof slot !== 'number') return slot;
    const entry = seed.entryAt(slot); // also fills the seed's array, shared by other projects
    if (!shared) slots[i] = entry;
    return entry;
  };

  const find = (jobId: string): JobEntry | undefined => {
    const mine = own.get(jobId);
    if (mine) return mine;
    if (fixed.size > 0) {
      const listedEntry = fixed.get(jobId);
      if (listedEntry) return listedEntry;
    }
    if (evicted.has(jobId)) return undefined;
    return seed.find(jobId);
  };

  const isFinished = (entry: JobEntry, now: number): boolean => isView(entry) || now >= entry.endMs || cancellations.has(entry.jobId);

  const view = (entry: JobEntry, now: number): Job => {
    if (isView(entry)) return entry;
    if (cancellations.size > 0) {
      const cancelled = cancellations.get(entry.jobId);
      if (cancelled) return (cancelled.view ??= viewJob(entry, now, cancelled.atMs));
    }
    return viewJob(entry, now);
  };

  const remove = (index: number, undo?: Undo): void => {
    // The oldest job is almost always the one evicted: shift() is O(1) in V8 (left-trimming).
    const list = writable();
    const gone = index === 0 ? list.shift() : list.splice(index, 1)[0];
    if (gone === undefined) return;
    const jobId = idOfSlot(gone, seed);
    changed = true;
    version++;
    const mine = own.get(jobId);
    const listedEntry = mine ? undefined : fixed.get(jobId);
    const cancellation = cancellations.get(jobId);
    if (mine) {
      own.delete(jobId);
      ownRequestChars -= mine.rawRequest.length;
      addedBytes -= jobBytes(mine);
    } else if (listedEntry) {
      fixed.delete(jobId); // a listed fixture job is simply forgotten
      addedBytes -= jobBytes(listedEntry);
    } else {
      evicted.add(jobId); // a seeded job
    }
    cancellations.delete(jobId);
    if (!undo) return;
    undo.evicted.push(jobId);
    undo.steps.push(() => {
      version++;
      writable().splice(index, 0, gone);
      if (mine) {
        own.set(jobId, mine);
        ownRequestChars += mine.rawRequest.length;
        addedBytes += jobBytes(mine);
      } else if (listedEntry) {
        fixed.set(jobId, listedEntry);
        addedBytes += jobBytes(listedEntry);
      } else {
        evicted.delete(jobId);
      }
      if (cancellation) cancellations.set(jobId, cancellation);
    });
  };

  /** Index of the oldest finished job, or -1. Seed jobs finished at seeding need no building. */
  const oldestFinished = (now: number): number => {
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (typeof slot === 'number' ? seed.finishedAtSeed(slot) || isFinished(entryAt(i), now) : isFinished(slot, now)) return i;
    }
    return -1;
  };

  /** Index of the oldest finished job this project submitted, or -1. */
  const oldestFinishedOwn = (now: number): number => {
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      if (typeof slot !== 'number' && !isView(slot) && own.has(slot.jobId) && isFinished(slot, now)) return i;
    }
    return -1;
  };

  return {
    project,
    graph,
    planner,
    get size() {
      return slots.length;
    },
    list(now, { limit, offset }) {
      // Under load many requests ask for the same page within one millisecond: views are a pure
      // function of (jobs, instant), so the page built for the first is the page of them all.
      const memo = lastPage;
      if (memo && memo.now === now && memo.version === version && memo.limit === limit && memo.offset === offset) return memo.jobs;
      const last = slots.length - 1 - offset;
      const stop = Math.max(-1, last - limit);
      // Sized once: growing a 100k array by push copies it a dozen times.
      const jobs: Job[] = new Array<Job>(Math.max(0, last - stop));
      for (let i = last, k = 0; i > stop; i--, k++) {
        const slot = slots[i]!;
        // Hot path of 100k-job pages: a finished job is a frozen object, shared, never rebuilt.
        jobs[k] = typeof slot !== 'number' && isView(slot) ? slot : view(entryAt(i), now);
      }
      Object.freeze(jobs);
      lastPage = { now, limit, offset, version, jobs };
      return jobs;
    },
    find,
    view,
    isFinished,
    cancel(plan, now) {
      cancellations.set(plan.jobId, { atMs: now });
      changed = true;
      version++;
    },
    uncancel(jobId) {
      cancellations.delete(jobId);
      version++;
    },
    insert(plan, now, { maxJobs, maxRequestChars }, given) {
      if (plan.rawRequest.length > maxRequestChars) return 'too-much-request-data';
      // A refusal after evictions takes them back: a refused submission changes nothing (so a
      // journal of accepted submissions replays exactly).
      const undo: Undo = given ?? { steps: [], evicted: [] };
      const before = undo.steps.length;
      const refused = (outcome: InsertOutcome): InsertOutcome => {
        for (const step of undo.steps.splice(before).reverse()) step();
        undo.evicted.length = 0;
        return outcome;
      };
      while (ownRequestChars + plan.rawRequest.length > maxRequestChars) {
        const oldest = oldestFinishedOwn(now);
        if (oldest < 0) return refused('too-much-request-data');
        remove(oldest, undo);
      }
      while (slots.length >= maxJobs) {
        const oldest = oldestFinished(now);
        if (oldest < 0) return refused('too-many-jobs');
        remove(oldest, undo);
      }
      const list = writable();
      let at = list.length;
      while (at > 0 && isShownBefore(list[at - 1]!, plan, seed)) at--;
      if (at === list.length) list.push(plan);
      else list.splice(at, 0, plan);
      own.set(plan.jobId, plan);
      ownRequestChars += plan.rawRequest.length;
      addedBytes += jobBytes(plan);
      changed = true;
      version++;
      undo.steps.push(() => {
        version++;
        const held = writable();
        held.splice(held.lastIndexOf(plan), 1);
        own.delete(plan.jobId);
        ownRequestChars -= plan.rawRequest.length;
        addedBytes -= jobBytes(plan);
      });
      return 'inserted';
    },
    get changed() {
      return changed;
    },
    get addedBytes() {
      return addedBytes;
    },
    entries(now) {
      const out: { view: Job; living: JobPlan | undefined }[] = [];
      for (let i = slots.length - 1; i >= 0; i--) {
        const entry = entryAt(i);
        const shown = view(entry, now);
        const living = !isView(entry) && !entry.frozen && !cancellations.has(entry.jobId) && now < entry.endMs ? entry : undefined;
        out.push({ view: shown, living });
      }
      return out;
    },
    countByStatus(now) {
      const cacheable = shared && cancellations.size === 0;
      const cached = cacheable ? sharedCounts.get(slots) : undefined;
      if (cached && cached.now === now) return { ...cached.counts };
      const counts: Record<string, number> = { pending: 0, running: 0, success: 0, failed: 0 };
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (typeof slot === 'number' && seed.finishedAtSeed(slot)) {
          counts[seed.seededStatus(slot)]! += 1;
          continue;
        }
        const entry = entryAt(i);
        let status: string;
        if (isView(entry)) status = entry.status;
        else if (cancellations.size > 0 && cancellations.has(entry.jobId)) status = 'failed';
        else if (now < entry.runAtMs) status = 'pending';
        else if (now < entry.endMs) status = 'running';
        else status = entry.failReason === undefined ? 'success' : 'failed';
        counts[status] = (counts[status] ?? 0) + 1;
      }
      if (cacheable) sharedCounts.set(slots, { now, counts });
      return { ...counts };
    },
  };
}
