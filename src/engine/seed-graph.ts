/**
 * The seeded jobs of one graph, shared by every project: the same (engine seed, graph) always gives
 * the same jobs, ids, requests and order. Seeding lays out only start times and order (cheap even
 * for 100k jobs); a job is built the first time something reads it, from its own random stream, so
 * it comes out the same whichever job is built first. A finished job is kept as its frozen view,
 * shared by every project.
 */
import { readJobTime } from '../spec/read-job-time.js';
import { getGraphProfile, type GraphProfile } from './graph-profiles.js';
import { finishedViewOf, isView, type JobEntry } from './job-lifecycle.js';
import {
  createGraphVocabulary,
  drawSeedFailure,
  newJobId,
  planSeedJob,
  type GraphVocabulary,
  type PlannerContext,
  type SeedPhase,
} from './draw-job-plans.js';
import { createRandom, hashSeed } from './random.js';

/**
 * A store slot: a job that has been built, or the seed slot number of one that has not yet. Stores
 * hold slots in display order reversed (oldest first), so a new job is a push.
 */
export type JobSlot = JobEntry | number;

/** A graph's seeded jobs and what planning more of them needs. */
export interface GraphSeed {
  readonly profile: GraphProfile;
  readonly vocabulary: GraphVocabulary;
  /** Oldest first. Holds slot numbers until jobs are built; stores share it until they change. */
  readonly slots: readonly JobSlot[];
  /** Builds (once) and returns the job of a slot. */
  entryAt(slot: number): JobEntry;
  /** The job id of a slot, without building the job. */
  idAt(slot: number): string;
  /** The whole second the slot's job was submitted in. */
  startSecAt(slot: number): number;
  /** Whether the slot's job had finished when seeded (then it never changes). */
  finishedAtSeed(slot: number): boolean;
  /** The status of a job finished at seeding, without building it. */
  seededStatus(slot: number): 'success' | 'failed';
  /** A seeded job by id (the index is built on the first look-up, not while seeding). */
  find(jobId: string): JobEntry | undefined;
}

const DAY_MS = 86_400_000;

/** The whole second of a slot's job, for ordering; plans carry it, slots ask the seed. */
function startSecOfSlot(slot: JobSlot, seed: GraphSeed): number {
  if (typeof slot === 'number') return seed.startSecAt(slot);
  // Only the newest few jobs are ever compared (on insertion), so parsing a view's time is fine.
  return isView(slot) ? Math.floor((readJobTime(slot.startTime) ?? Number.NaN) / 1000) : slot.startSec;
}

/** The id of a slot's job without building it. */
export function idOfSlot(slot: JobSlot, seed: GraphSeed): string {
  return typeof slot === 'number' ? seed.idAt(slot) : slot.jobId;
}

/** Display order: newer second first, then jobId ascending. True when a is shown before b. */
export function isShownBefore(a: JobSlot, b: JobSlot, seed: GraphSeed): boolean {
  const sa = startSecOfSlot(a, seed);
  const sb = startSecOfSlot(b, seed);
  return sa > sb || (sa === sb && idOfSlot(a, seed) < idOfSlot(b, seed));
}

/**
 * Lays out `count` jobs of `graph` ending at `anchor` (the engine's creation time): the newest few
 * are pending or running at the anchor, the rest finished, spread over up to 30 days, with some
 * submitted in the same second so that ties are real. `jobIdSuffix` replaces the drawn nine digits.
 */
export function seedGraph(seed: number, graph: string, anchor: number, count: number, jobIdSuffix?: string): GraphSeed {
  const profile = getGraphProfile(graph);
  const drawn = createGraphVocabulary(seed, graph);
  // A fixture graph's listed jobs fix its nine digits; generated jobs then share them.
  const vocabulary = jobIdSuffix === undefined ? drawn : { ...drawn, jobIdSuffix };
  const layout = createRandom(`${seed}:${graph}:layout`);
  const jobWords = hashSeed(`${seed}:${graph}:jobs`);
  const ctx: PlannerContext = { profile, vocabulary, rng: createRandom(`${seed}:${graph}:jobs`), sharedStrings: new Map() };

  const pending = count >= 10 ? 2 : count >= 3 ? 1 : 0;
  const running = count >= 10 ? 3 : count >= 2 ? 1 : 0;
  const inFlight = pending + running;
  // Mean gap between submissions: 60 jobs span about a day, 100k jobs about a month.
  const meanGap = Math.min(20 * 60_000, Math.max(1_000, Math.floor((30 * DAY_MS) / Math.max(1, count))));

  // Generation g = 0 is the newest job; slot s = count - 1 - g before ties are ordered.
  const startMs = new Float64Array(count);
  let t = anchor - layout.int(1_000, 20_000);
  for (let g = 0; g < count; g++) {
    startMs[count - 1 - g] = t;
    if (layout.chance(0.06)) {
      t -= layout.int(0, t % 1000); // a batch: same displayed second
    } else {
      t -= Math.max(1, Math.round(-Math.log(1 - layout.float()) * (g + 1 < inFlight ? 20_000 : meanGap)));
    }
  }
  const generationOf = new Int32Array(count);
  for (let s = 0; s < count; s++) generationOf[s] = count - 1 - s;

  const idOfGeneration = (g: number): string => {
    ctx.rng.reseed(jobWords, g);
    return newJobId(ctx);
  };
  // Equal seconds: display (reversed storage) has jobId ascending, so storage has it descending.
  const secOf = (s: number): number => Math.floor(startMs[s]! / 1000);
  let i = 0;
  while (i < count) {
    let j = i + 1;
    while (j < count && secOf(j) === secOf(i)) j++;
    if (j - i > 1) {
      const group = Array.from({ length: j - i }, (_, k) => ({
        g: generationOf[i + k]!,
        ms: startMs[i + k]!,
        id: idOfGeneration(generationOf[i + k]!),
      }));
      group.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      group.forEach((job, k) => {
        generationOf[i + k] = job.g;
        startMs[i + k] = job.ms;
      });
    }
    i = j;
  }

  const slots: JobSlot[] = Array.from({ length: count }, (_, s) => s);
  const phaseOf = (g: number): SeedPhase => (g < pending ? 'pending' : g < inFlight ? 'running' : 'finished');

  const entryAt = (slot: number): JobEntry => {
    const built = slots[slot];
    if (typeof built !== 'number') return built!;
    const g = generationOf[slot]!;
    const jobId = idOfGeneration(g); // the first draws of the job's own stream
    const phase = phaseOf(g);
    const plan = planSeedJob(ctx, jobId, startMs[slot]!, phase, anchor);
    // A job finished at seeding never changes: keep only its frozen view.
    const entry = phase === 'finished' ? finishedViewOf(plan) : plan;
    slots[slot] = entry;
    return entry;
  };

  let byId: Map<string, number> | undefined;
  const idAt = (slot: number): string => {
    const built = slots[slot];
    return typeof built === 'number' ? idOfGeneration(generationOf[slot]!) : built!.jobId;
  };

  return {
    profile,
    vocabulary,
    slots,
    entryAt,
    idAt,
    startSecAt: (slot) => secOf(slot),
    finishedAtSeed: (slot) => phaseOf(generationOf[slot]!) === 'finished',
    seededStatus(slot) {
      const built = slots[slot];
      if (typeof built !== 'number') return isView(built!) && built.status === 'failed' ? 'failed' : 'success';
      idOfGeneration(generationOf[slot]!); // the same draws as building: id, then the failure draw
      return drawSeedFailure(ctx.rng) ? 'failed' : 'success';
    },
    find(jobId) {
      if (!byId) {
        byId = new Map();
        for (let s = 0; s < count; s++) byId.set(idAt(s), s);
      }
      const slot = byId.get(jobId);
      return slot === undefined ? undefined : entryAt(slot);
    },
  };
}
