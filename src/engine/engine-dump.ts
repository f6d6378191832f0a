/**
 * The engine's whole state as plain data and back: what --state's snapshot holds. A dump keeps only
 * what differs from the shared start (a world's own fixtures, clock, faults and the delta of each store
 * it changed); restoring lays the start out again and puts each world's own state over it.
 */
import { createBase, type EngineState } from './engine-state.js';
import type { EngineDump } from './engine-types.js';
import { createFaults } from './faults.js';
import { createJobStore, submissionWords } from './job-store.js';
import { createWorld, dumpFixtures, storeOf, undumpFixtures, type Base, type World } from './world.js';

/** The whole state as plain data, captured now. */
export function dumpEngine(state: EngineState): EngineDump {
  const { base } = state;
  return {
    now: state.now(),
    shiftMs: state.shiftMs,
    base: {
      seed: base.seed,
      anchor: base.anchor,
      graphs: [...base.graphs],
      jobsPerGraph: base.jobsPerGraph,
      profile: state.settings.profile,
      fixtures: base.fixtures && dumpFixtures(base.fixtures),
      faults: state.sharedFaults.config(),
    },
    worlds: [...state.worlds.values()].map((world) => ({
      id: world.id,
      clockOffsetMs: world.clockOffsetMs,
      fixtures: world.fixtures && dumpFixtures(world.fixtures),
      faults: world.faults?.config(),
      stores: [...world.stores].filter(([, store]) => store.changed).map(([graph, store]) => [graph, store.delta()] as const),
    })),
  };
}

/** The listed jobs a world's store of `graph` starts with. */
const listedOf = (base: Base, world: World, graph: string) =>
  world.fixtures
    ? world.fixtures.graphs.get(graph)?.entries
    : (base.fixtures?.byProject.get(world.id)?.get(graph) ?? base.fixtures?.graphs.get(graph))?.entries;

/** Replaces the whole state with a dump's. */
export function restoreEngine(state: EngineState, saved: EngineDump): void {
  const base = createBase(
    { graphs: saved.base.graphs, jobsPerGraph: saved.base.jobsPerGraph, profile: saved.base.profile },
    saved.base.seed,
    saved.base.anchor,
    saved.base.fixtures && undumpFixtures(saved.base.fixtures),
  );
  const worlds = new Map<string, World>();
  for (const each of saved.worlds) {
    const world = createWorld(base, each.id, each.fixtures && undumpFixtures(each.fixtures), each.clockOffsetMs);
    if (each.faults) world.faults = createFaults(each.faults, base.seed, each.id);
    for (const [graph, delta] of each.stores) {
      const start = storeOf(base, world, graph);
      if (!start) continue;
      const identity = {
        graph,
        seed: start.graphSeed,
        listed: listedOf(base, world, graph),
        submissionWords: submissionWords(base.seed, graph, world.id),
      };
      world.stores.set(graph, createJobStore(identity, delta));
    }
    worlds.set(world.id, world);
  }
  state.install({ base, sharedFaults: createFaults(saved.base.faults, base.seed, ''), worlds, shiftMs: saved.shiftMs });
}
