/**
 * What the engine shows of its state (GET /__mock/state, the snapshots ges-mock record and --state
 * write): read-only views, computed at the engine's or a world's own now.
 */
import type { EngineState } from './engine-state.js';
import type { EngineSnapshot, MockState, SnapshotJob, WorldState } from './engine-types.js';
import { createWorld, graphNamesOf, storeOf, type Base, type World } from './world.js';

/** The state GET …/projects/{id}/state shows, at the world's own now. */
export function worldStateOf(state: EngineState, id: string): WorldState {
  const { base } = state;
  const world = state.peek(id);
  const now = state.worldNow(world);
  const graphs: WorldState['graphs'] = [];
  for (const [graph, store] of world.stores) graphs.push({ graph, jobCount: store.sizeAt(now), byStatus: store.countByStatus(now) });
  return {
    project: world.id,
    now,
    clockOffsetMs: world.clockOffsetMs,
    seed: base.seed,
    ownFixtures: world.fixtures !== undefined,
    graphNames: graphNamesOf(base, world),
    graphs,
    faults: (world.faults ?? state.sharedFaults).config(),
    ownFaults: world.faults !== undefined,
  };
}

/** The clock, the shared start and every world in memory (GET /__mock/state). */
export function mockStateOf(state: EngineState): MockState {
  const { base, worlds, cache } = state;
  const graphs: MockState['graphs'] = [];
  const every = [...worlds.values(), ...cache.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const world of every) {
    const at = state.worldNow(world);
    for (const [graph, store] of world.stores)
      graphs.push({ project: world.id, graph, jobCount: store.sizeAt(at), byStatus: store.countByStatus(at) });
  }
  const named = [
    ...worlds.keys(),
    ...cache.keys(),
    ...(base.fixtures?.byProject.keys() ?? []),
    ...(base.fixtures?.clockOffsets.keys() ?? []),
  ];
  return {
    now: state.now(),
    seed: base.seed,
    profile: state.settings.profile,
    projects: worlds.size + cache.size,
    worlds: [...new Set(named)].sort(),
    graphNames: graphNamesOf(base, undefined),
    graphs,
    faults: state.sharedFaults.config(),
  };
}

/** The world's jobs of every graph it sees, at its own `now`. */
function worldJobs(base: Base, world: World, now: number): Map<string, SnapshotJob[]> {
  const jobs = new Map<string, SnapshotJob[]>();
  for (const graph of graphNamesOf(base, world)) jobs.set(graph, storeOf(base, world, graph)!.entries(now));
  return jobs;
}

/** One world as a snapshot whose graphs are its graphs (GET …/projects/{id}/snapshot). */
function worldSnapshot(state: EngineState, id: string): EngineSnapshot {
  const { base } = state;
  const world = state.peek(id);
  const now = state.worldNow(world);
  const own = world.fixtures ?? base.fixtures;
  return {
    now,
    seed: base.seed,
    graphs: worldJobs(base, world, now),
    projects: new Map(),
    clocks: new Map(),
    extraJobFields: own?.extraJobFields ?? [],
    recordedStatusVariants: own?.recordedStatusVariants ?? [],
  };
}

/** Every job served now: every world's (only where a world differs from the shared start), or one world's. */
export function snapshotOf(state: EngineState, id?: string): EngineSnapshot {
  if (id !== undefined) return worldSnapshot(state, id);
  const { base, worlds } = state;
  const at = state.now();
  // A world made for no project shows what every world sees before it changes anything.
  const nobody = createWorld(base, '');
  const every = new Map<string, SnapshotJob[]>();
  for (const graph of graphNamesOf(base, undefined)) every.set(graph, storeOf(base, nobody, graph)!.entries(at));
  const perProject = new Map<string, Map<string, SnapshotJob[]>>();
  const clocks = new Map<string, number>();
  const extras = new Set(base.fixtures?.extraJobFields ?? []);
  const variants = new Set(base.fixtures?.recordedStatusVariants ?? []);
  const projects = new Set([...(base.fixtures?.byProject.keys() ?? []), ...(base.fixtures?.clockOffsets.keys() ?? []), ...worlds.keys()]);
  for (const project of projects) {
    const world = state.peek(project);
    const worldAt = state.worldNow(world);
    if (world.clockOffsetMs !== 0) clocks.set(project, worldAt);
    for (const field of world.fixtures?.extraJobFields ?? []) extras.add(field);
    for (const variant of world.fixtures?.recordedStatusVariants ?? []) variants.add(variant);
    // A world with fixtures of its own, or a clock of its own, is written whole; others only where they differ.
    if (world.fixtures || world.clockOffsetMs !== 0) {
      perProject.set(project, worldJobs(base, world, worldAt));
      continue;
    }
    const mine = new Map<string, SnapshotJob[]>();
    for (const graph of base.fixtures?.byProject.get(project)?.keys() ?? []) mine.set(graph, storeOf(base, world, graph)!.entries(worldAt));
    for (const [graph, store] of world.stores) if (store.changed) mine.set(graph, store.entries(worldAt));
    if (mine.size > 0) perProject.set(project, mine);
  }
  return {
    now: at,
    seed: base.seed,
    graphs: every,
    projects: perProject,
    clocks,
    extraJobFields: [...extras],
    recordedStatusVariants: [...variants],
  };
}
