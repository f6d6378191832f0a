/**
 * A world: one project as the engine holds it. It owns its graphs' job stores, its clock offset, the
 * fixtures loaded into it alone (with their extra fields and status variants), its faults and the
 * bytes it holds; everything else it sees comes from the shared start (Base) every world shares.
 * A world is made in one place (createWorld) and dropped by removing it: nothing about it is kept
 * anywhere else.
 */
import type { JobStatus } from '../types.js';
import type { FixtureGraph, FixturesDump } from './engine-types.js';
import type { EngineProfile } from './engine-profiles.js';
import type { Faults } from './faults.js';
import { isView, type JobEntry } from './job-lifecycle.js';
import { kindOfTaskType, kindResult } from './job-kinds.js';
import { resultData } from './job-results.js';
import { createJobStore, jobBytes, submissionWords, type JobStore } from './job-store.js';
import { seedGraph, type GraphSeed } from './seed-graph.js';

/** A fixture document as the engine holds it: compiled graphs, ready to seed stores from. */
export interface LoadedFixtures {
  /** Graphs of every world it applies to. */
  readonly graphs: ReadonlyMap<string, FixtureGraph>;
  /** Graphs of one project that win over `graphs` (a shared document's `projects` section). */
  readonly byProject: ReadonlyMap<string, ReadonlyMap<string, FixtureGraph>>;
  /** Projects whose clock the document moves ahead of (or behind) its now, by so many ms. */
  readonly clockOffsets: ReadonlyMap<string, number>;
  /** Seed and instant of its generated jobs. */
  readonly seed: number;
  readonly anchor: number;
  readonly extraJobFields: readonly string[];
  readonly recordedStatusVariants: readonly string[];
  /** What its listed jobs count in the memory budget, counted once. */
  readonly bytes: number;
}

/** The start every world shares: seeded graphs and the shared fixtures, with their parameters. */
export interface Base {
  readonly seed: number;
  /** Seeded jobs are laid out backwards from this instant, so every world sees the same jobs. */
  readonly anchor: number;
  /** The configured graphs, seeded with `jobsPerGraph` jobs each. */
  readonly graphs: ReadonlySet<string>;
  readonly jobsPerGraph: number;
  readonly profile: EngineProfile;
  readonly fixtures: LoadedFixtures | undefined;
  /** Seeded graphs, made on first use and shared by every world that sees them. */
  readonly seeds: Map<string, GraphSeed>;
}

/** One world. Its stores are made on first use; a world with nothing of its own is only a cache. */
export interface World {
  readonly id: string;
  /** Fixtures loaded into this world alone: they replace the shared fixtures for it. */
  readonly fixtures: LoadedFixtures | undefined;
  clockOffsetMs: number;
  /** Its own faults; undefined: it meets the shared ones. */
  faults: Faults | undefined;
  readonly stores: Map<string, JobStore>;
  /** Seeded graphs of its own fixtures. */
  readonly seeds: Map<string, GraphSeed>;
}

/** A world as it starts: the shared start's view for `id`, with its own fixtures when given. */
export function createWorld(base: Base, id: string, fixtures?: LoadedFixtures, clockOffsetMs?: number): World {
  return {
    id,
    fixtures,
    clockOffsetMs: clockOffsetMs ?? base.fixtures?.clockOffsets.get(id) ?? 0,
    faults: undefined,
    stores: new Map(),
    seeds: new Map(),
  };
}

/** Bytes of a compiled document's listed jobs. */
export function fixturesBytes(graphs: Iterable<FixtureGraph>): number {
  let total = 0;
  for (const graph of graphs) for (const entry of graph.entries) total += jobBytes(entry);
  return total;
}

/** What a world holds beyond the shared start, in bytes: its own fixtures and its submissions. */
export function worldBytes(world: World): number {
  let total = world.fixtures?.bytes ?? 0;
  for (const store of world.stores.values()) total += store.submittedBytes;
  return total;
}

/** The fixture graph a world sees for `graph`, and the cache that seeds it. */
function fixtureGraphOf(
  base: Base,
  world: World,
  graph: string,
): { fixture: FixtureGraph; seeds: Map<string, GraphSeed>; key: string; seed: number; anchor: number } | undefined {
  if (world.fixtures) {
    const own = world.fixtures.graphs.get(graph);
    return own ? { fixture: own, seeds: world.seeds, key: graph, seed: world.fixtures.seed, anchor: world.fixtures.anchor } : undefined;
  }
  const shared = base.fixtures;
  if (!shared) return undefined;
  const mine = shared.byProject.get(world.id)?.get(graph);
  if (mine) return { fixture: mine, seeds: base.seeds, key: `${world.id}/${graph}`, seed: shared.seed, anchor: shared.anchor };
  const every = shared.graphs.get(graph);
  return every ? { fixture: every, seeds: base.seeds, key: `*/${graph}`, seed: shared.seed, anchor: shared.anchor } : undefined;
}

/** Whether the world has this graph: a configured one, or one its fixtures name. */
export function hasGraph(base: Base, world: World, graph: string): boolean {
  return base.graphs.has(graph) || fixtureGraphOf(base, world, graph) !== undefined;
}

/** The world's store of `graph`, made on first use; undefined when the world has no such graph. */
export function storeOf(base: Base, world: World, graph: string): JobStore | undefined {
  const held = world.stores.get(graph);
  if (held) return held;
  const found = fixtureGraphOf(base, world, graph);
  if (!found && !base.graphs.has(graph)) return undefined;
  let seed: GraphSeed | undefined;
  if (found) {
    seed = found.seeds.get(found.key);
    if (!seed) {
      seed = seedGraph(found.seed, graph, found.anchor, found.fixture.seedJobs, found.fixture.jobIdSuffix);
      found.seeds.set(found.key, seed);
    }
  } else {
    seed = base.seeds.get(graph);
    if (!seed) base.seeds.set(graph, (seed = seedGraph(base.seed, graph, base.anchor, base.jobsPerGraph)));
  }
  const store = createJobStore({
    graph,
    seed,
    listed: found?.fixture.entries,
    submissionWords: submissionWords(base.seed, graph, world.id),
  });
  world.stores.set(graph, store);
  return store;
}

/** Every graph the world sees: the configured ones and those its fixtures name. */
export function graphNamesOf(base: Base, world: World | undefined): string[] {
  if (world?.fixtures) return [...new Set([...base.graphs, ...world.fixtures.graphs.keys()])];
  const own = world === undefined ? [] : [...(base.fixtures?.byProject.get(world.id)?.keys() ?? [])];
  return [...new Set([...base.graphs, ...(base.fixtures?.graphs.keys() ?? []), ...own])];
}

/** The job a served jobId names (a profile may serve ids in another form). */
export function findServed(base: Base, store: JobStore, jobId: string): JobEntry | undefined {
  for (const id of base.profile.canonicalIds(jobId, store.graphSeed.vocabulary.jobIdSuffix)) {
    const entry = store.find(id);
    if (entry) return entry;
  }
  return undefined;
}

/** One job's status answer at `now`: the result page once it succeeded, the reason once it failed. */
export function statusOf(base: Base, store: JobStore, entry: JobEntry, now: number, page: { limit: number; offset: number }): JobStatus {
  const job = store.view(entry, now);
  let body: JobStatus;
  if (job.status === 'success') {
    const kind = kindOfTaskType(job.taskType);
    const parameters = isView(entry) ? undefined : entry.parameters;
    const data = kind
      ? kindResult(kind, job, store.graphSeed.profile, page, parameters)
      : resultData(isView(entry) ? { job } : { job, algorithm: entry.algorithm, parameters }, store.graphSeed.profile, page);
    body = { status: job.status, data, result: 'success' };
  } else if (job.status === 'failed') {
    body = { status: job.status, errorMessage: job.failReason ?? '', result: 'success' };
  } else {
    body = { status: job.status, result: 'success' };
  }
  return base.profile.status(body, job);
}

/** A compiled document as plain data (its entries are the engine's own, never compiled again). */
export function dumpFixtures(fixtures: LoadedFixtures): FixturesDump {
  return {
    seed: fixtures.seed,
    anchor: fixtures.anchor,
    graphs: [...fixtures.graphs],
    byProject: [...fixtures.byProject].flatMap(([project, graphs]) =>
      [...graphs].map(([graph, fixture]) => [project, graph, fixture] as const),
    ),
    clockOffsets: [...fixtures.clockOffsets],
    extraJobFields: fixtures.extraJobFields,
    recordedStatusVariants: fixtures.recordedStatusVariants,
  };
}

/** A dumped document back as the engine holds it. */
export function undumpFixtures(dump: FixturesDump): LoadedFixtures {
  const byProject = new Map<string, Map<string, FixtureGraph>>();
  for (const [project, graph, fixture] of dump.byProject) {
    let graphs = byProject.get(project);
    if (!graphs) byProject.set(project, (graphs = new Map()));
    graphs.set(graph, fixture);
  }
  const graphs = new Map(dump.graphs);
  return {
    graphs,
    byProject,
    clockOffsets: new Map(dump.clockOffsets),
    seed: dump.seed,
    anchor: dump.anchor,
    extraJobFields: dump.extraJobFields,
    recordedStatusVariants: dump.recordedStatusVariants,
    bytes: fixturesBytes([...graphs.values(), ...[...byProject.values()].flatMap((each) => [...each.values()])]),
  };
}
