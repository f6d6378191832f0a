/**
 * The seeded jobs of one graph, shared by every project: the same (engine seed, graph) always gives
 * the same jobs, ids, requests and order. Projects copy the ordered array only when they first
 * change it (copy-on-write), so a thousand projects do not cost a thousand copies.
 */
import { getGraphProfile, type GraphProfile } from './graph-profiles.js';
import { parseChinaTime } from './format-time.js';
import { finishedViewOf, isView, type JobEntry } from './job-plan.js';
import { createGraphVocabulary, planSeedJob, type GraphVocabulary, type SeedPhase } from './job-planner.js';
import { createRandom } from './random.js';

/** A graph's seeded jobs and what planning more of them needs. */
export interface GraphSeed {
  readonly profile: GraphProfile;
  readonly vocabulary: GraphVocabulary;
  /** Oldest first: display order is the reverse, so new jobs are pushed at the end cheaply. */
  readonly entries: readonly JobEntry[];
  /** A seeded job by id (the index is built on the first look-up, not while seeding). */
  find(jobId: string): JobEntry | undefined;
}

const DAY_MS = 86_400_000;

/** The whole second a job was submitted in: the list's primary order key. */
export function startSecOf(entry: JobEntry): number {
  return isView(entry) ? Math.floor(parseChinaTime(entry.startTime) / 1000) : entry.startSec;
}

/** Display order: newer second first, then jobId ascending. True when a is shown before b. */
export function isShownBefore(a: JobEntry, b: JobEntry): boolean {
  const sa = startSecOf(a);
  const sb = startSecOf(b);
  return sa > sb || (sa === sb && a.jobId < b.jobId);
}

/**
 * Seeds `count` jobs of `graph` ending at `anchor` (the engine's creation time): the newest few are
 * pending or running at the anchor, the rest finished, spread over up to 30 days.
 */
export function seedGraph(seed: number, graph: string, anchor: number, count: number): GraphSeed {
  const profile = getGraphProfile(graph);
  const vocabulary = createGraphVocabulary(seed, graph);
  const rng = createRandom(`${seed}:${graph}:jobs`);
  const ctx = { profile, vocabulary, rng };

  const pending = count >= 10 ? 2 : count >= 3 ? 1 : 0;
  const running = count >= 10 ? 3 : count >= 2 ? 1 : 0;
  // Mean gap between submissions: 60 jobs span about a day, 100k jobs about a month.
  const meanGap = Math.min(20 * 60_000, Math.max(1_000, Math.floor((30 * DAY_MS) / Math.max(1, count))));

  const newestFirst: JobEntry[] = [];
  const secs: number[] = [];
  let t = anchor - rng.int(1_000, 20_000);
  for (let i = 0; i < count; i++) {
    const phase: SeedPhase = i < pending ? 'pending' : i < pending + running ? 'running' : 'finished';
    const plan = planSeedJob(ctx, t, phase, anchor);
    // A job finished at seeding never changes: keep only its frozen view.
    newestFirst.push(phase === 'finished' ? finishedViewOf(plan) : plan);
    secs.push(plan.startSec);
    const inFlight = i + 1 < pending + running;
    if (rng.chance(0.06)) {
      t -= rng.int(0, t % 1000); // a batch: same displayed second, so ties are real
    } else {
      const mean = inFlight ? 20_000 : meanGap;
      t -= Math.max(1, Math.round(-Math.log(1 - rng.float()) * mean));
    }
  }

  // Oldest first; equal seconds ordered so that display (reversed) has jobId ascending.
  const entries = newestFirst.reverse();
  secs.reverse();
  let i = 0;
  while (i < entries.length) {
    let j = i + 1;
    while (j < entries.length && secs[j] === secs[i]) j++;
    if (j - i > 1) {
      const group = entries.slice(i, j).sort((a, b) => (a.jobId < b.jobId ? 1 : a.jobId > b.jobId ? -1 : 0));
      for (let k = 0; k < group.length; k++) entries[i + k] = group[k]!;
    }
    i = j;
  }
  let byId: Map<string, JobEntry> | undefined;
  const find = (jobId: string): JobEntry | undefined => {
    if (!byId) {
      byId = new Map();
      for (const entry of entries) byId.set(entry.jobId, entry);
    }
    return byId.get(jobId);
  };
  return { profile, vocabulary, entries, find };
}
