/**
 * The jobs of one graph of one world: the graph's starting jobs (seeded, and a fixture document's
 * listed jobs) plus the world's submissions, minus evictions, with its cancellations. Kept in display
 * order reversed (oldest first), so a list never sorts and a new job is a push; the seed's array is
 * shared until the first change.
 *
 * A store changes only through `submit` and `cancel`, each of which returns how to take itself back;
 * what it holds beyond its start is its `delta`, from which `createJobStore` builds it again exactly.
 */
import type { Job } from '../types.js';
import type { Page, SnapshotJob, StoreDelta } from './engine-types.js';
import { isView, viewJob, type JobEntry, type JobPlan } from './job-lifecycle.js';
import type { PlannerContext } from './draw-job-plans.js';
import { createRandom, hashSeed } from './random.js';
import { utf8Length } from './utf8-length.js';
import { idOfSlot, isShownBefore, type GraphSeed, type JobSlot } from './seed-graph.js';

interface Cancellation {
  readonly atMs: number;
  view?: Job | undefined;
}

// Every unchanged store of a graph holds the seed's own array: their counts at one instant are
// equal, so state() over a thousand untouched worlds counts each graph once.
const sharedCounts = new WeakMap<readonly JobSlot[], { now: number; counts: Record<string, number> }>();

/** Where a store starts: its graph's seeded jobs and the listed jobs of a fixture document. */
export interface StoreStart {
  readonly graph: string;
  readonly seed: GraphSeed;
  /** Listed jobs (frozen views, or plans of jobs that live in virtual time). */
  readonly listed?: readonly JobEntry[] | undefined;
  /** Seed words of the world's submissions to this graph (see submissionWords). */
  readonly submissionWords: readonly number[];
}

/** One world's jobs of one graph. */
export interface JobStore {
  readonly graph: string;
  /** The graph's seeded jobs, its profile and its vocabulary. */
  readonly graphSeed: GraphSeed;
  /** How many jobs it lists at `now`: every job it holds but those an export has erased by then. */
  sizeAt(now: number): number;
  /**
   * A page in display order: newest second first, then jobId ascending. Asked again for the same
   * page at the same instant with nothing changed in between, it returns the very same (frozen)
   * array, so that a caller may serialise it once (src/http/to-list-jobs-json.ts).
   */
  list(now: number, page: Page): Job[];
  find(jobId: string): JobEntry | undefined;
  /**
   * Whether the job is no longer listed at `now`: an export-result job that erases it has succeeded
   * (the export-result page's `erase`). It is still held, and counted, until it is evicted.
   */
  isErased(jobId: string, now: number): boolean;
  /** The job as shown at `now`, honouring this store's cancellation. */
  view(entry: JobEntry, now: number): Job;
  /** Whether the job has finished (or been cancelled) at `now`. */
  isFinished(entry: JobEntry, now: number): boolean;
  /** A planner for the next submission: its random stream is the submission's own. */
  nextPlanner(): PlannerContext;
  /**
   * The jobs to evict, oldest first, so that one more job fits under `maxJobs` at `now`: the oldest
   * finished ones. Undefined when too few have finished (the submission is refused).
   */
  evictionsFor(now: number, maxJobs: number): string[] | undefined;
  /** Evicts `evicted`, then adds the plan in display position. Returns how to take both back. */
  submit(plan: JobPlan, evicted: readonly string[]): () => void;
  /** Marks a living job cancelled at `atMs` (the caller checks that it may be). Returns the way back. */
  cancel(jobId: string, atMs: number): () => void;
  /** Bytes (jobBytes) of the submitted jobs it holds: what it holds beyond its start. */
  readonly submittedBytes: number;
  /** Bytes of those of `jobIds` that are submitted jobs it holds (what evicting them gives back). */
  submittedBytesOf(jobIds: readonly string[]): number;
  /** Whether it holds anything beyond its start. */
  readonly changed: boolean;
  /** What it holds beyond its start, as a copy. */
  delta(): StoreDelta;
  /** Jobs by status at `now`. */
  countByStatus(now: number): Record<string, number>;
  /**
   * Every job in display order at `now`, each with its plan while it still lives (unfinished, not
   * frozen, not cancelled): what a fixture snapshot needs to let it go on living.
   */
  entries(now: number): SnapshotJob[];
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
 * declared length alone, so an adapter can refuse a body the budget cannot hold before reading it.
 */
export const submittedJobBytes = (bodyBytes: number): number => JOB_FIELDS_BYTES + 2 * bodyBytes;

/** What one job the engine holds is counted for in its memory budget. */
export function jobBytes(entry: JobEntry): number {
  const bodyBytes = utf8Length(entry.rawRequest);
  return isView(entry) ? JOB_FIELDS_BYTES + bodyBytes : submittedJobBytes(bodyBytes);
}

/** Seed words of a world's submissions to a graph: one stream per submission, indexed by its number. */
export const submissionWords = (engineSeed: number, graph: string, world: string): readonly number[] =>
  hashSeed(`${engineSeed}:${graph}:${world}:submissions`);

/** Storage order (oldest first): a before b when b is shown before a. */
function compareStored(a: JobSlot, b: JobSlot, seed: GraphSeed): number {
  if (isShownBefore(b, a, seed)) return -1;
  if (isShownBefore(a, b, seed)) return 1;
  return 0;
}

/** The store of a graph at its start, with `delta` (from another store's delta()) applied. */
export function createJobStore(start: StoreStart, delta?: StoreDelta): JobStore {
  const { graph, seed } = start;
  const listed = start.listed ?? [];
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
  // Bumped by every change of what a list shows; with the instant and the page it keys `lastPage`.
  let version = 0;
  let lastPage: { now: number; limit: number; offset: number; version: number; jobs: Job[] } | undefined;
  let submittedBytes = 0;
  let submissions = 0;
  const own = new Map<string, JobPlan>();
  /** Submitted export-result jobs that erase another job, by the id of the job they erase. */
  const erasers = new Map<string, JobPlan>();
  /** Starting jobs (seeded or listed) no longer held. */
  const removed = new Set<string>();
  const cancellations = new Map<string, Cancellation>();
  const planner: PlannerContext = { profile: seed.profile, vocabulary: seed.vocabulary, rng: createRandom('') };

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
    const entry = seed.entryAt(slot); // also fills the seed's array, shared by other worlds
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
    if (removed.size > 0 && removed.has(jobId)) return undefined;
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

  /** Whether the slot at index i has finished at `now`; seed jobs finished at seeding need no building. */
  const finishedAt = (i: number, now: number): boolean => {
    const slot = slots[i]!;
    return typeof slot === 'number' ? seed.finishedAtSeed(slot) || isFinished(entryAt(i), now) : isFinished(slot, now);
  };

  /** The index of a job by id; the oldest job is almost always the one asked for (an eviction). */
  const indexOf = (jobId: string): number => {
    for (let i = 0; i < slots.length; i++) if (idOfSlot(slots[i]!, seed) === jobId) return i;
    return -1;
  };

  const addOwn = (plan: JobPlan) => {
    own.set(plan.jobId, plan);
    submittedBytes += jobBytes(plan);
    if (plan.erases !== undefined) erasers.set(plan.erases, plan);
  };
  const dropOwn = (plan: JobPlan) => {
    own.delete(plan.jobId);
    submittedBytes -= jobBytes(plan);
    if (plan.erases !== undefined && erasers.get(plan.erases) === plan) erasers.delete(plan.erases);
  };

  /** Whether an export that erases `jobId` has succeeded by `now` (then the job is not listed). */
  const isErased = (jobId: string, now: number): boolean => {
    if (erasers.size === 0) return false;
    const eraser = erasers.get(jobId);
    return eraser !== undefined && now >= eraser.endMs && eraser.failReason === undefined && !cancellations.has(eraser.jobId);
  };
  /** The ids erased by `now` that it still holds. */
  const erasedAt = (now: number): Set<string> => {
    const gone = new Set<string>();
    for (const [jobId] of erasers) if (isErased(jobId, now) && find(jobId) !== undefined) gone.add(jobId);
    return gone;
  };

  /** Removes the job at `index`; returns how to put it back. */
  const removeAt = (index: number): (() => void) => {
    const list = writable();
    // The oldest job is almost always the one evicted: shift() is O(1) in V8 (left-trimming).
    const gone = (index === 0 ? list.shift() : list.splice(index, 1)[0])!;
    const jobId = idOfSlot(gone, seed);
    version++;
    const mine = own.get(jobId);
    const listedEntry = mine ? undefined : fixed.get(jobId);
    const cancellation = cancellations.get(jobId);
    if (mine) dropOwn(mine);
    else {
      if (listedEntry) fixed.delete(jobId);
      removed.add(jobId);
    }
    cancellations.delete(jobId);
    return () => {
      version++;
      writable().splice(index, 0, gone);
      if (mine) addOwn(mine);
      else {
        if (listedEntry) fixed.set(jobId, listedEntry);
        removed.delete(jobId);
      }
      if (cancellation) cancellations.set(jobId, cancellation);
    };
  };

  /** Adds a plan in display position; returns how to take it out. */
  const insert = (plan: JobPlan): (() => void) => {
    const list = writable();
    let at = list.length;
    while (at > 0 && isShownBefore(list[at - 1]!, plan, seed)) at--;
    if (at === list.length) list.push(plan);
    else list.splice(at, 0, plan);
    addOwn(plan);
    version++;
    return () => {
      version++;
      const held = writable();
      held.splice(held.lastIndexOf(plan), 1);
      dropOwn(plan);
    };
  };

  const store: JobStore = {
    graph,
    graphSeed: seed,
    sizeAt(now) {
      return erasers.size === 0 ? slots.length : slots.length - erasedAt(now).size;
    },
    list(now, { limit, offset }) {
      // Under load many requests ask for the same page within one millisecond: views are a pure
      // function of (jobs, instant), so the page built for the first is the page of them all.
      const memo = lastPage;
      if (memo && memo.now === now && memo.version === version && memo.limit === limit && memo.offset === offset) return memo.jobs;
      const erased = erasers.size === 0 ? undefined : erasedAt(now);
      if (erased && erased.size > 0) {
        // Rare (an export that erased its job): the listed jobs are picked one by one.
        const jobs: Job[] = [];
        let skipped = 0;
        for (let i = slots.length - 1; i >= 0 && jobs.length < limit; i--) {
          if (erased.has(idOfSlot(slots[i]!, seed))) continue;
          if (skipped++ < offset) continue;
          jobs.push(view(entryAt(i), now));
        }
        Object.freeze(jobs);
        lastPage = { now, limit, offset, version, jobs };
        return jobs;
      }
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
    isErased,
    view,
    isFinished,
    nextPlanner() {
      planner.rng.reseed(start.submissionWords, submissions);
      return planner;
    },
    evictionsFor(now, maxJobs) {
      const need = slots.length + 1 - maxJobs;
      if (need <= 0) return [];
      const ids: string[] = [];
      for (let i = 0; i < slots.length && ids.length < need; i++) if (finishedAt(i, now)) ids.push(idOfSlot(slots[i]!, seed));
      return ids.length === need ? ids : undefined;
    },
    submit(plan, evicted) {
      const undo: (() => void)[] = [];
      for (const jobId of evicted) {
        const index = indexOf(jobId);
        if (index >= 0) undo.push(removeAt(index));
      }
      undo.push(insert(plan));
      submissions++;
      return () => {
        submissions--;
        for (const step of undo.reverse()) step();
      };
    },
    cancel(jobId, atMs) {
      cancellations.set(jobId, { atMs });
      version++;
      return () => {
        cancellations.delete(jobId);
        version++;
      };
    },
    get submittedBytes() {
      return submittedBytes;
    },
    submittedBytesOf(jobIds) {
      let total = 0;
      for (const jobId of jobIds) {
        const plan = own.get(jobId);
        if (plan) total += jobBytes(plan);
      }
      return total;
    },
    get changed() {
      return submissions > 0 || removed.size > 0 || cancellations.size > 0;
    },
    delta() {
      const submitted: JobPlan[] = [];
      for (const slot of slots) if (typeof slot !== 'number' && !isView(slot) && own.get(slot.jobId) === slot) submitted.push(slot);
      return {
        removed: [...removed],
        submitted,
        cancelled: [...cancellations].map(([jobId, { atMs }]) => [jobId, atMs] as const),
        submissions,
      };
    },
    entries(now) {
      const out: SnapshotJob[] = [];
      const erased = erasers.size === 0 ? undefined : erasedAt(now);
      for (let i = slots.length - 1; i >= 0; i--) {
        if (erased?.has(idOfSlot(slots[i]!, seed))) continue;
        const entry = entryAt(i);
        const shown = view(entry, now);
        const living = !isView(entry) && !entry.frozen && !cancellations.has(entry.jobId) && now < entry.endMs ? entry : undefined;
        out.push({ view: shown, living });
      }
      return out;
    },
    countByStatus(now) {
      const cacheable = shared && cancellations.size === 0;
      const erased = erasers.size === 0 ? undefined : erasedAt(now);
      const cached = cacheable ? sharedCounts.get(slots) : undefined;
      if (cached && cached.now === now) return { ...cached.counts };
      const counts: Record<string, number> = { pending: 0, running: 0, success: 0, failed: 0 };
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (erased?.has(idOfSlot(slot, seed))) continue;
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

  if (delta) {
    for (const jobId of delta.removed) {
      const index = indexOf(jobId);
      if (index >= 0) removeAt(index);
    }
    for (const plan of delta.submitted) insert(plan);
    for (const [jobId, atMs] of delta.cancelled) cancellations.set(jobId, { atMs });
    submissions = delta.submissions;
  }
  return store;
}
