/**
 * The engine's state in one place, and `apply`, the one function that changes it: the start every
 * world shares (Base and its faults), the worlds with state of their own, the worlds only read lately
 * (a cache of the shared start), the bytes the worlds hold and the engine's own moves of its clock.
 * A journal's changes go through `apply` again at start-up, so what was accepted is what replays.
 */
import { prepareFixtures } from '../fixtures/validate-fixtures.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { createEngineProfile } from './engine-profiles.js';
import { resolveSettings, type ResolvedSettings } from './engine-settings.js';
import type { Change, EngineOptions, FixtureGraphs } from './engine-types.js';
import { parseFaultConfig, type FaultConfig } from './fault-config.js';
import { createFaults, type Faults } from './faults.js';
import { isView } from './job-lifecycle.js';
import type { JobStore } from './job-store.js';
import { createWorld, fixturesBytes, storeOf, worldBytes, type Base, type LoadedFixtures, type World } from './world.js';

/**
 * Worlds that were only read are kept up to this many, oldest dropped first. They equal the shared
 * start, so dropping one loses nothing (the next request makes it again identically), and a client
 * that walks through random project ids (a fuzzer, a misconfigured app) cannot grow memory without
 * bound: each costs about 7 KB, so 100,000 ids held 640 MB before this cap.
 */
export const MAX_READ_ONLY_PROJECTS = 1_000;

/** What applying a change gives: the way back, or why the change does not fit this state. */
type Applied = { ok: true; undo(): void } | { ok: false; problem: string };

/** The engine's state and the one function that changes it. */
export interface EngineState {
  readonly settings: ResolvedSettings;
  /** The start every world shares. */
  readonly base: Base;
  /** The faults every world without its own meets. */
  readonly sharedFaults: Faults;
  /** Worlds with state of their own. */
  readonly worlds: ReadonlyMap<string, World>;
  /** Worlds only read lately: pure caches of the shared start, oldest first. */
  readonly cache: ReadonlyMap<string, World>;
  /** The engine's virtual now; with `realMs`, at that real instant when the clock can tell (Clock.at). */
  now(realMs?: number): number;
  /** A world's virtual now: the engine's plus its offset. */
  worldNow(world: World, realMs?: number): number;
  /** The world of a project for reading: its state, or a cached view of the shared start. */
  view(id: string): World;
  /** A world looked at without keeping it (state, snapshots). */
  peek(id: string): World;
  /** A world's store of `graph` for reading, or undefined when the world has no such graph. */
  storeIn(id: string, graph: string): { world: World; store: JobStore } | undefined;
  /** Whether a change may give this world state of its own (the project cap). */
  admits(id: string): boolean;
  /** Bytes the memory budget counts now (reserved bytes included). */
  storedBytes(): number;
  /** The live faults a request to this world meets (its own, or the shared ones). */
  faultsOf(id?: string): Faults;
  /** The seed a global reset starts from: the one given, the starting document's, or the current one. */
  resetSeed(given: number | undefined): number;
  /** Applies a change (with its document already compiled, when the caller has it). */
  apply(change: Change, compiled?: FixtureGraphs): Applied;
  /** The engine's own moves of its clock (POST /__mock/clock), unlike time passing. */
  readonly shiftMs: number;
  /** Replaces the whole state (a dump read back): the cache starts empty, the bytes are counted again. */
  install(next: { base: Base; sharedFaults: Faults; worlds: Map<string, World>; shiftMs: number }): void;
}

/** A compiled fixture document as the engine keeps it, with the parameters of its generated jobs. */
function toLoaded(graphs: FixtureGraphs, document: FixtureDocument, seed: number, anchor: number, project?: string): LoadedFixtures {
  const own = project === undefined ? undefined : graphs.byProject.get(project);
  const forEvery = own ? new Map([...graphs.all, ...own]) : graphs.all;
  const byProject = project === undefined ? graphs.byProject : new Map();
  return {
    graphs: forEvery,
    byProject,
    clockOffsets: project === undefined ? (graphs.clockOffsets ?? new Map()) : new Map(),
    seed: graphs.seed ?? seed,
    anchor,
    extraJobFields: document.extraJobFields ?? [],
    recordedStatusVariants: document.recordedStatusVariants ?? [],
    bytes: fixturesBytes([...forEvery.values(), ...[...byProject.values()].flatMap((each) => [...each.values()])]),
  };
}

/** The start every world shares, as the settings lay it out from `anchor`. */
export function createBase(
  settings: Pick<ResolvedSettings, 'graphs' | 'jobsPerGraph' | 'profile'>,
  seed: number,
  anchor: number,
  fixtures: LoadedFixtures | undefined,
): Base {
  return {
    seed,
    anchor,
    graphs: new Set(settings.graphs),
    jobsPerGraph: settings.jobsPerGraph,
    profile: createEngineProfile(settings.profile, seed),
    fixtures,
    seeds: new Map(),
  };
}

/** Compiles a document a change carries; the problem when it no longer loads. */
function compile(document: FixtureDocument, at: number, project?: string): FixtureGraphs | string {
  const prepared = prepareFixtures(document, project === undefined ? 'a journaled fixture document' : `world ${project}`, at);
  if (!prepared.ok) return prepared.error.message;
  return prepared.graphs ?? 'the document has no instant to load at';
}

/**
 * The engine's starting state. Settings that make no sense throw a RangeError, and an invalid
 * starting document its FixtureError: programming errors of the caller, not user input.
 */
export function createEngineState(options: EngineOptions): EngineState {
  const settings = resolveSettings(options);
  const clock = options.clock;
  const source = options.fixturesSource ?? 'createEngine({ fixtures })';
  let startingFaults: FaultConfig = {};
  if (options.faults) {
    const parsed = parseFaultConfig(options.faults);
    if (!parsed.ok) throw new RangeError(`faults: ${parsed.message}`);
    startingFaults = parsed.config;
  }

  // The engine's own moves of virtual time (POST /__mock/clock): state, unlike time passing.
  let shiftMs = 0;
  const now = (realMs?: number) => (realMs !== undefined && clock.at !== undefined ? clock.at(realMs) : clock.now()) + shiftMs;

  const makeBase = (seed: number, anchor: number, fixtures: LoadedFixtures | undefined) => createBase(settings, seed, anchor, fixtures);

  /** The starting document compiled at `at`; a document whose absolute times no longer fit keeps its first loading. */
  let firstStart: LoadedFixtures | undefined;
  const startingFixtures = (seed: number, at: number): LoadedFixtures | undefined => {
    if (options.fixtures === undefined) return undefined;
    const prepared = prepareFixtures(options.fixtures, source, at);
    if (prepared.ok && prepared.graphs) return toLoaded(prepared.graphs, prepared.document, seed, at);
    if (firstStart) return firstStart;
    throw prepared.ok ? new RangeError(`${source}: no instant to load the fixtures at`) : prepared.error;
  };
  const startingSeed = (given: number | undefined, current: number) => given ?? options.fixtures?.seed ?? current;

  let base: Base;
  {
    const at = now();
    const seed = startingSeed(undefined, settings.seed);
    firstStart = startingFixtures(seed, at);
    base = makeBase(seed, at, firstStart);
  }
  let sharedFaults: Faults = createFaults(startingFaults, base.seed, '');
  let worlds = new Map<string, World>();
  let cache = new Map<string, World>();
  /** Bytes the worlds with state hold beyond the shared start (what worldBytes says of each). */
  let heldBytes = 0;

  const storedBytes = () => settings.reservedBytes + (base.fixtures?.bytes ?? 0) + heldBytes;
  const worldNow = (world: World, realMs?: number) => now(realMs) + world.clockOffsetMs;
  const view = (id: string): World => {
    const held = worlds.get(id) ?? cache.get(id);
    if (held) return held;
    const world = createWorld(base, id);
    cache.set(id, world);
    if (cache.size > MAX_READ_ONLY_PROJECTS) cache.delete(cache.keys().next().value as string);
    return world;
  };
  const peek = (id: string): World => worlds.get(id) ?? cache.get(id) ?? createWorld(base, id);

  /** Enters a world to change it: it holds state from now on. `finish` counts its bytes again and composes the undo. */
  function enter(id: string) {
    const wasHeld = worlds.get(id);
    const wasCached = wasHeld ? undefined : cache.get(id);
    const world = wasHeld ?? wasCached ?? createWorld(base, id);
    const before = wasHeld ? worldBytes(world) : 0;
    if (!wasHeld) {
      cache.delete(id);
      worlds.set(id, world);
    }
    const leave = () => {
      if (wasHeld) return;
      worlds.delete(id);
      if (wasCached) cache.set(id, wasCached);
    };
    return {
      world,
      finish(inner: () => void): Applied {
        const added = worldBytes(world) - before;
        heldBytes += added;
        return {
          ok: true,
          undo() {
            inner();
            heldBytes -= added;
            leave();
          },
        };
      },
      abandon(problem: string): Applied {
        leave();
        return { ok: false, problem };
      },
    };
  }

  /** Replaces (or with undefined, drops) a world whole; returns the way back. */
  function replaceWorld(id: string, next: World | undefined): () => void {
    const held = worlds.get(id);
    const cached = cache.get(id);
    const before = held ? worldBytes(held) : 0;
    const after = next ? worldBytes(next) : 0;
    cache.delete(id);
    if (next) worlds.set(id, next);
    else worlds.delete(id);
    heldBytes += after - before;
    return () => {
      heldBytes -= after - before;
      if (held) worlds.set(id, held);
      else worlds.delete(id);
      if (cached) cache.set(id, cached);
    };
  }

  /** Replaces everything shared (every world back to it); returns the way back. */
  function replaceAll(next: Base, faults: Faults): () => void {
    const before = { base, sharedFaults, worlds, cache, heldBytes };
    base = next;
    sharedFaults = faults;
    worlds = new Map();
    cache = new Map();
    heldBytes = 0;
    return () => ({ base, sharedFaults, worlds, cache, heldBytes } = before);
  }

  function apply(change: Change, compiled?: FixtureGraphs): Applied {
    switch (change.kind) {
      case 'submit': {
        const entered = enter(change.world);
        const store = storeOf(base, entered.world, change.graph);
        if (!store) return entered.abandon(`a submission to graph ${change.graph}, which world ${change.world} does not have`);
        return entered.finish(store.submit(change.plan, change.evicted));
      }
      case 'cancel': {
        const entered = enter(change.world);
        const store = storeOf(base, entered.world, change.graph);
        const entry = store?.find(change.jobId);
        if (!store || !entry || isView(entry))
          return entered.abandon(`a cancellation of job ${change.jobId}, which world ${change.world} does not hold living`);
        return entered.finish(store.cancel(change.jobId, change.at));
      }
      case 'clock': {
        if (change.world === undefined) {
          shiftMs += change.advanceMs;
          return { ok: true, undo: () => void (shiftMs -= change.advanceMs) };
        }
        const entered = enter(change.world);
        entered.world.clockOffsetMs += change.advanceMs;
        return entered.finish(() => void (entered.world.clockOffsetMs -= change.advanceMs));
      }
      case 'faults': {
        if (change.world === undefined) {
          const before = sharedFaults;
          sharedFaults = createFaults(change.config ?? {}, base.seed, '');
          const own = [...worlds.values(), ...cache.values()]
            .filter((world) => world.faults !== undefined)
            .map((world) => [world, world.faults] as const);
          for (const [world] of own) world.faults = undefined;
          return {
            ok: true,
            undo() {
              sharedFaults = before;
              for (const [world, faults] of own) world.faults = faults;
            },
          };
        }
        const entered = enter(change.world);
        const before = entered.world.faults;
        entered.world.faults = change.config === null ? undefined : createFaults(change.config, base.seed, change.world);
        return entered.finish(() => void (entered.world.faults = before));
      }
      case 'reset': {
        if (change.world !== undefined) return { ok: true, undo: replaceWorld(change.world, undefined) };
        const next = makeBase(change.seed, change.t, startingFixtures(change.seed, change.t));
        return { ok: true, undo: replaceAll(next, createFaults(startingFaults, change.seed, '')) };
      }
      case 'fixtures': {
        const graphs = compiled ?? compile(change.document, change.at, change.world);
        if (typeof graphs === 'string') return { ok: false, problem: graphs };
        if (change.world === undefined) {
          const seed = change.document.seed ?? base.seed;
          const next = makeBase(seed, change.t, toLoaded(graphs, change.document, seed, change.t));
          return { ok: true, undo: replaceAll(next, sharedFaults) };
        }
        const previous = worlds.get(change.world) ?? cache.get(change.world);
        const offset = change.clockOffsetMs ?? previous?.clockOffsetMs ?? createWorld(base, change.world).clockOffsetMs;
        const own = toLoaded(graphs, change.document, base.seed, change.t + offset, change.world);
        const next = createWorld(base, change.world, own, offset);
        next.faults = previous?.faults;
        return { ok: true, undo: replaceWorld(change.world, next) };
      }
      default: {
        const unknown: never = change;
        return { ok: false, problem: `an unknown change ${JSON.stringify(unknown)}` };
      }
    }
  }

  function install(next: { base: Base; sharedFaults: Faults; worlds: Map<string, World>; shiftMs: number }): void {
    ({ base, sharedFaults, worlds, shiftMs } = next);
    cache = new Map();
    heldBytes = 0;
    for (const world of worlds.values()) heldBytes += worldBytes(world);
  }

  return {
    settings,
    get base() {
      return base;
    },
    get sharedFaults() {
      return sharedFaults;
    },
    get worlds() {
      return worlds;
    },
    get cache() {
      return cache;
    },
    now,
    worldNow,
    view,
    peek,
    storeIn(id, graph) {
      const world = view(id);
      const store = storeOf(base, world, graph);
      return store ? { world, store } : undefined;
    },
    admits: (id) => worlds.has(id) || worlds.size < settings.maxProjects,
    storedBytes,
    faultsOf: (id) => (id === undefined ? sharedFaults : (worlds.get(id)?.faults ?? sharedFaults)),
    resetSeed: (given) => startingSeed(given, base.seed),
    apply,
    get shiftMs() {
      return shiftMs;
    },
    install,
  };
}
