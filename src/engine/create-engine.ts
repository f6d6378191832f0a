/**
 * The GES job engine: the start every world shares (seeded graphs and shared fixtures) and the worlds
 * (one per project) that see it, each with what it holds of its own. Every operation that changes
 * anything builds a Change value and hands it to `apply`, the one function that changes state, which
 * a journal's changes go through again at start-up. Pure: no HTTP, no timers, no Date.now(), no
 * Math.random, no global faker.
 */
import type { AlgorithmRequest, Job, JobCreated } from '../types.js';
import { jobActionById, type JobAction } from '../spec/job-actions.js';
import { readJobTime } from '../spec/read-job-time.js';
import { prepareFixtures } from '../fixtures/validate-fixtures.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import { ALGORITHMS, isGiven } from './algorithms.js';
import { planSubmittedAlgorithm, planSubmittedJob, type PlannerContext } from './draw-job-plans.js';
import { algorithmOf } from './job-factory.js';
import { bodyOf, filteredQueryRecords, looseBoolean, TASK_TYPES } from './job-kinds.js';
import { createEngineProfile } from './engine-profiles.js';
import { resolveSettings } from './engine-settings.js';
import type {
  Change,
  Engine,
  EngineDump,
  EngineError,
  EngineOptions,
  EngineResult,
  EngineSnapshot,
  EngineWrite,
  FixtureGraphs,
  JobSubmission,
  MockState,
  SnapshotJob,
  WorldState,
} from './engine-types.js';
import { createFaults, parseFaultConfig, type FaultConfig, type Faults } from './faults.js';
import { isView, type JobPlan } from './job-lifecycle.js';
import { createJobStore, submittedJobBytes, jobBytes, submissionWords, type JobStore } from './job-store.js';
import {
  createWorld,
  dumpFixtures,
  findServed,
  fixturesBytes,
  graphNamesOf,
  hasGraph,
  statusOf,
  storeOf,
  undumpFixtures,
  worldBytes,
  worldJobs,
  worldSnapshot,
  worldStateOf,
  type Base,
  type LoadedFixtures,
  type World,
} from './world.js';

/**
 * Worlds that were only read are kept up to this many, oldest dropped first. They equal the shared
 * start, so dropping one loses nothing (the next request makes it again identically), and a client
 * that walks through random project ids (a fuzzer, a misconfigured app) cannot grow memory without
 * bound: each costs about 7 KB, so 100,000 ids held 640 MB before this cap.
 */
export const MAX_READ_ONLY_PROJECTS = 1_000;

const ok = <T>(value: T): EngineResult<T> => ({ ok: true, value });
const fail = (error: EngineError): { ok: false; error: EngineError } => ({ ok: false, error });

type Applied = { ok: true; undo(): void } | { ok: false; problem: string };

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

/**
 * Most records a synchronous Filtered-query answers: the page allows 100,000 vertices [doc], but a mock
 * that answered that many on every call would be a load test, not a mock [decision].
 */
const SYNC_FILTERED_QUERY_RECORDS = 1_000;

/**
 * The indices a graph has at `now`, by name: those its index jobs built or are building, less those
 * deleted by then, in the order the jobs were submitted (the jobs it still holds are its record).
 */
function indexNamesOf(store: JobStore, now: number): Set<string> {
  const events: { startMs: number; name: string; create: boolean; counts: boolean }[] = [];
  const createType = TASK_TYPES.createIndex;
  const deleteType = TASK_TYPES.deleteIndex;
  for (const { view } of store.entries(now)) {
    if (view.taskType !== createType && view.taskType !== deleteType) continue;
    const create = view.taskType === createType;
    // A deletion's name is kept beside its (empty) rawRequest while the engine holds its plan.
    const entry = store.find(view.jobId);
    const parameters = entry && !isView(entry) ? entry.parameters : undefined;
    const name = String((parameters ?? bodyOf(view.rawRequest))['indexName'] ?? '');
    // A build counts while it runs and once it succeeded; a deletion once it succeeded.
    const counts = create ? view.status !== 'failed' : view.status === 'success';
    events.push({ startMs: readJobTime(view.startTime) ?? 0, name, create, counts });
  }
  events.sort((a, b) => a.startMs - b.startMs);
  const names = new Set<string>();
  for (const event of events) {
    if (!event.counts || event.name === '') continue;
    if (event.create) names.add(event.name);
    else names.delete(event.name);
  }
  return names;
}

/** Why a job's result cannot be exported, or undefined when it can (the export-result page's list). */
function exportRefusal(job: Job, action: JobAction): string | undefined {
  if (job.status !== 'success') return `job ${job.jobId} has not succeeded (it is ${job.status}).`;
  if (job.taskType === 'Algorithm') {
    const algorithm = algorithmOf(job.rawRequest);
    return algorithm !== undefined && action.exportableAlgorithms.includes(algorithm)
      ? undefined
      : `the result of algorithm [${algorithm ?? 'unknown'}] cannot be exported.`;
  }
  return action.exportableTaskTypes.includes(job.taskType) ? undefined : `a ${job.taskType} job has no result to export.`;
}

/**
 * Creates an engine. Every well-formed project sees the configured graphs, each seeded with
 * `jobsPerGraph` jobs derived from (seed, graph name) only, so all projects see the same seeded jobs
 * and each keeps its own submissions and cancellations (EngineSettings lists every setting).
 *
 * Settings that make no sense (a negative count, an unknown profile) throw a RangeError, and an
 * invalid starting document its FixtureError: they are programming errors, not user input.
 * Operations never throw; they return values.
 */
export function createEngine(options: EngineOptions): Engine {
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
  const now = () => clock.now() + shiftMs;

  const makeBase = (seed: number, anchor: number, fixtures: LoadedFixtures | undefined): Base => ({
    seed,
    anchor,
    graphs: new Set(settings.graphs),
    jobsPerGraph: settings.jobsPerGraph,
    profile: createEngineProfile(settings.profile, seed),
    fixtures,
    seeds: new Map(),
  });

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
  /** Worlds with state of their own. */
  let worlds = new Map<string, World>();
  /** Worlds only read lately: pure caches of the shared start, oldest first. */
  let cache = new Map<string, World>();
  /** Bytes the worlds with state hold beyond the shared start (what worldBytes says of each). */
  let heldBytes = 0;

  const storedBytes = () => settings.reservedBytes + (base.fixtures?.bytes ?? 0) + heldBytes;
  const worldNow = (world: World) => now() + world.clockOffsetMs;

  /** The world of a project for reading: its state, or a cached view of the shared start. */
  const viewOf = (id: string): World => {
    const held = worlds.get(id) ?? cache.get(id);
    if (held) return held;
    const world = createWorld(base, id);
    cache.set(id, world);
    if (cache.size > MAX_READ_ONLY_PROJECTS) cache.delete(cache.keys().next().value as string);
    return world;
  };
  /** A world looked at without keeping it (state, snapshots). */
  const peek = (id: string): World => worlds.get(id) ?? cache.get(id) ?? createWorld(base, id);
  /** Whether a change may give this world state of its own (the project cap). */
  const admits = (id: string) => worlds.has(id) || worlds.size < settings.maxProjects;

  // ---- apply: the one place state changes ----

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

  /** Compiles a document a change carries; the problem when it no longer loads. */
  function compile(document: FixtureDocument, at: number, project?: string): FixtureGraphs | string {
    const prepared = prepareFixtures(document, project === undefined ? 'a journaled fixture document' : `world ${project}`, at);
    if (!prepared.ok) return prepared.error.message;
    return prepared.graphs ?? 'the document has no instant to load at';
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

  /** Applies a change just made from this state (it always fits) and answers `value`. */
  function write<T>(value: T, change: Change, compiled?: FixtureGraphs): EngineWrite<T> {
    const applied = apply(change, compiled);
    if (!applied.ok) throw new Error(`the engine made a change it cannot apply: ${applied.problem}`);
    return { ok: true, value, change, undo: applied.undo };
  }

  // ---- the GES operations ----

  const graphStore = (id: string, graph: string) => {
    const world = viewOf(id);
    const store = storeOf(base, world, graph);
    return store ? { world, store } : undefined;
  };

  function executeAlgorithm(id: string, graph: string, rawBody: string, request: AlgorithmRequest): EngineWrite<JobCreated> {
    // Refused before a store is made: a flood of new projects past the cap then costs no memory.
    if (!admits(id) && hasGraph(base, peek(id), graph)) return fail({ kind: 'too-many-projects', cap: settings.maxProjects });
    const found = graphStore(id, graph);
    if (!found) return fail({ kind: 'graph-not-found', graph });
    const { world, store } = found;
    const name: unknown = (request as { algorithmName?: unknown } | null | undefined)?.algorithmName;
    if (!isGiven(name) || (typeof name === 'string' && name.trim() === '')) return fail({ kind: 'algorithm-name-empty' });
    if (typeof name !== 'string') {
      // String(name) would throw for {"toString": 1}: JSON objects are named by kind, never converted.
      const shown = typeof name === 'object' ? (Array.isArray(name) ? 'array' : 'object') : String(name);
      return fail({ kind: 'algorithm-failed-to-start', algorithmName: shown, reason: 'algorithmName must be a string.' });
    }
    const spec = ALGORITHMS.get(name);
    if (!spec) return fail({ kind: 'algorithm-failed-to-start', algorithmName: name, reason: 'unknown algorithm.' });
    const rawParams: unknown = (request as { parameters?: unknown }).parameters;
    if (rawParams !== undefined && rawParams !== null && (typeof rawParams !== 'object' || Array.isArray(rawParams))) {
      return fail({ kind: 'algorithm-failed-to-start', algorithmName: name, reason: 'parameters must be a JSON object.' });
    }
    const parameters = (rawParams ?? {}) as Record<string, unknown>;
    const missing = spec.required.find((p) => !isGiven(parameters[p]));
    if (missing) return fail({ kind: 'algorithm-failed-to-start', algorithmName: name, reason: `parameter [${missing}] is required.` });

    const at = worldNow(world);
    const planner = store.nextPlanner();
    let plan = planSubmittedAlgorithm(planner, spec, rawBody, structuredClone(parameters), at);
    // A UUID collision is astronomically unlikely; draw again rather than shadow a job.
    while (store.find(plan.jobId)) plan = planSubmittedAlgorithm(planner, spec, rawBody, structuredClone(parameters), at);
    const evicted = store.evictionsFor(at, settings.maxJobsPerGraph);
    if (!evicted) return fail({ kind: 'graph-full', graph, cap: settings.maxJobsPerGraph });
    if (storedBytes() - store.submittedBytesOf(evicted) + jobBytes(plan) > settings.maxStoredBytes)
      return fail({ kind: 'memory-budget', cap: settings.maxStoredBytes });
    const created: JobCreated = { jobId: base.profile.servedId(plan.jobId), jobType: 1 };
    return write(created, { kind: 'submit', world: id, graph, plan, evicted, t: now() });
  }

  /** Plans a submitted job with the store's next stream, evicts to make room, checks the budget, and applies it. */
  function submitPlanned(
    id: string,
    graph: string,
    store: JobStore,
    at: number,
    plan: (planner: PlannerContext) => JobPlan,
    jobType: number | undefined,
  ): EngineWrite<JobCreated> {
    const planner = store.nextPlanner();
    let planned = plan(planner);
    // A UUID collision is astronomically unlikely; draw again rather than shadow a job.
    while (store.find(planned.jobId)) planned = plan(planner);
    const evicted = store.evictionsFor(at, settings.maxJobsPerGraph);
    if (!evicted) return fail({ kind: 'graph-full', graph, cap: settings.maxJobsPerGraph });
    if (storedBytes() - store.submittedBytesOf(evicted) + jobBytes(planned) > settings.maxStoredBytes)
      return fail({ kind: 'memory-budget', cap: settings.maxStoredBytes });
    const jobId = base.profile.servedId(planned.jobId);
    const created: JobCreated = jobType === undefined ? { jobId } : { jobId, jobType };
    return write(created, { kind: 'submit', world: id, graph, plan: planned, evicted, t: now() });
  }

  function submitJob(id: string, graph: string, submission: JobSubmission): EngineWrite<JobCreated> {
    if (!admits(id) && hasGraph(base, peek(id), graph)) return fail({ kind: 'too-many-projects', cap: settings.maxProjects });
    const found = graphStore(id, graph);
    if (!found) return fail({ kind: 'graph-not-found', graph });
    const { world, store } = found;
    const at = worldNow(world);
    const action = jobActionById(submission.kind);
    switch (submission.kind) {
      case 'deleteIndex': {
        const { indexName } = submission;
        if (!indexNamesOf(store, at).has(indexName)) return fail({ kind: 'index-not-found', indexName });
        // The request has no body: its rawRequest is empty, and the index name is kept beside it.
        const parameters = { indexName };
        return submitPlanned(
          id,
          graph,
          store,
          at,
          (planner) => planSubmittedJob(planner, 'deleteIndex', '', parameters, at, { parameters }),
          action.jobType,
        );
      }
      case 'exportJobResult': {
        const target = findServed(base, store, submission.jobId);
        if (!target || store.isErased(target.jobId, at)) return fail({ kind: 'job-not-found', jobId: submission.jobId });
        const job = store.view(target, at);
        const reason = exportRefusal(job, action);
        if (reason) return fail({ kind: 'cannot-export', jobId: submission.jobId, reason });
        const erases = looseBoolean(submission.body['erase'], true) ? target.jobId : undefined;
        const { rawBody, body } = submission;
        return submitPlanned(
          id,
          graph,
          store,
          at,
          (planner) => planSubmittedJob(planner, 'exportJobResult', rawBody, body, at, { erases }),
          action.jobType,
        );
      }
      default: {
        const { kind, rawBody, body } = submission;
        if (kind === 'createIndex' && indexNamesOf(store, at).has(String(body['indexName'])))
          return fail({ kind: 'index-exists', indexName: String(body['indexName']) });
        return submitPlanned(id, graph, store, at, (planner) => planSubmittedJob(planner, kind, rawBody, body, at), action.jobType);
      }
    }
  }

  function cancelJob(id: string, graph: string, jobId: string): EngineWrite<Record<string, never>> {
    const found = graphStore(id, graph);
    if (!found) return fail({ kind: 'graph-not-found', graph });
    const { world, store } = found;
    const entry = findServed(base, store, jobId);
    const at = worldNow(world);
    if (!entry || isView(entry) || !entry.cancellable || store.isFinished(entry, at) || store.isErased(entry.jobId, at))
      return fail({ kind: 'cannot-cancel', jobId });
    if (!admits(id)) return fail({ kind: 'too-many-projects', cap: settings.maxProjects });
    return write({}, { kind: 'cancel', world: id, graph, jobId: entry.jobId, at, t: now() });
  }

  // ---- the control operations: one world, or every world ----

  function reset(scope: { world?: string | undefined; seed?: number | undefined } = {}): EngineWrite<void> {
    const t = now();
    if (scope.world !== undefined) return write(undefined, { kind: 'reset', world: scope.world, seed: base.seed, t });
    return write(undefined, { kind: 'reset', seed: startingSeed(scope.seed, base.seed), t });
  }

  function loadFixtures(document: unknown, scope: { world?: string | undefined; source?: string | undefined } = {}): EngineWrite<void> {
    const id = scope.world;
    const t = now();
    if (id === undefined) {
      const prepared = prepareFixtures(document, scope.source ?? 'fixture document', t);
      if (!prepared.ok) return fail({ kind: 'invalid-fixtures', error: prepared.error });
      const graphs = prepared.graphs!; // an instant was given, so the document was compiled
      const bytes = fixturesBytes([...graphs.all.values(), ...[...graphs.byProject.values()].flatMap((each) => [...each.values()])]);
      if (settings.reservedBytes + bytes > settings.maxStoredBytes) return fail({ kind: 'memory-budget', cap: settings.maxStoredBytes });
      return write(undefined, { kind: 'fixtures', document: prepared.document, at: prepared.now!, t }, graphs);
    }
    const name = scope.source ?? `world ${id}`;
    const others = Object.keys((document as { projects?: unknown } | null)?.projects ?? {}).filter((p) => p !== id);
    if (others.length > 0) {
      const reason = `a world's document may name only its own project (${id}); it names ${others.join(', ')}.`;
      return fail({ kind: 'invalid-fixtures', error: new FixtureError(name, [{ field: 'projects', reason }]) });
    }
    const world = peek(id);
    const prepared = prepareFixtures(document, name, worldNow(world));
    if (!prepared.ok)
      return fail({ kind: 'invalid-fixtures', error: new FixtureError(prepared.error.source, prepared.error.problems, { world: id }) });
    const graphs = prepared.graphs!;
    if (!admits(id)) return fail({ kind: 'too-many-projects', cap: settings.maxProjects });
    // Only a document that states its now moves the world's clock (to that now).
    const stated = prepared.document.now !== undefined || graphs.clockOffsets?.has(id);
    const clockOffsetMs = stated ? prepared.now! + (graphs.clockOffsets?.get(id) ?? 0) - t : undefined;
    const own = fixturesBytes([...graphs.all.values(), ...(graphs.byProject.get(id)?.values() ?? [])]);
    const held = worlds.has(id) ? worldBytes(world) : 0;
    if (storedBytes() - held + own > settings.maxStoredBytes) return fail({ kind: 'memory-budget', cap: settings.maxStoredBytes });
    return write(undefined, { kind: 'fixtures', world: id, document: prepared.document, at: prepared.now!, clockOffsetMs, t }, graphs);
  }

  function advance(ms: number, id?: string): EngineWrite<number> {
    if (id === undefined) return write(now() + ms, { kind: 'clock', advanceMs: ms, t: now() + ms });
    if (!admits(id)) return fail({ kind: 'too-many-projects', cap: settings.maxProjects });
    const written = write(0, { kind: 'clock', world: id, advanceMs: ms, t: now() });
    return written.ok ? { ...written, value: worldNow(worlds.get(id)!) } : written;
  }

  function setFaults(config: FaultConfig | undefined, id?: string): EngineWrite<FaultConfig> {
    let checked: FaultConfig | null = null;
    if (config !== undefined) {
      const parsed = parseFaultConfig(config);
      if (!parsed.ok) return fail({ kind: 'invalid-faults', message: parsed.message });
      checked = parsed.config;
    }
    if (id !== undefined && checked !== null && !admits(id)) return fail({ kind: 'too-many-projects', cap: settings.maxProjects });
    const written = write(undefined, { kind: 'faults', world: id, config: checked, t: now() });
    return written.ok
      ? { ...written, value: (id === undefined ? sharedFaults : (worlds.get(id)?.faults ?? sharedFaults)).config() }
      : written;
  }

  // ---- what is served and shown ----

  function state(): MockState;
  function state(id: string): WorldState;
  function state(id?: string): MockState | WorldState {
    if (id !== undefined) {
      const world = peek(id);
      return worldStateOf(base, world, worldNow(world), sharedFaults);
    }
    const graphs: MockState['graphs'] = [];
    const every = [...worlds.values(), ...cache.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const world of every) {
      const at = worldNow(world);
      for (const [graph, store] of world.stores)
        graphs.push({ project: world.id, graph, jobCount: store.sizeAt(at), byStatus: store.countByStatus(at) });
    }
    return {
      now: now(),
      seed: base.seed,
      profile: settings.profile,
      projects: worlds.size + cache.size,
      worlds: [
        ...new Set([
          ...worlds.keys(),
          ...cache.keys(),
          ...(base.fixtures?.byProject.keys() ?? []),
          ...(base.fixtures?.clockOffsets.keys() ?? []),
        ]),
      ].sort(),
      graphNames: graphNamesOf(base, undefined),
      graphs,
      faults: sharedFaults.config(),
    };
  }

  function snapshot(id?: string): EngineSnapshot {
    if (id !== undefined) {
      const world = peek(id);
      return worldSnapshot(base, world, worldNow(world));
    }
    const at = now();
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
      const world = peek(project);
      const worldAt = worldNow(world);
      if (world.clockOffsetMs !== 0) clocks.set(project, worldAt);
      for (const field of world.fixtures?.extraJobFields ?? []) extras.add(field);
      for (const variant of world.fixtures?.recordedStatusVariants ?? []) variants.add(variant);
      // A world with fixtures of its own, or a clock of its own, is written whole; others only where they differ.
      if (world.fixtures || world.clockOffsetMs !== 0) {
        perProject.set(project, worldJobs(base, world, worldAt));
        continue;
      }
      const mine = new Map<string, SnapshotJob[]>();
      for (const graph of base.fixtures?.byProject.get(project)?.keys() ?? [])
        mine.set(graph, storeOf(base, world, graph)!.entries(worldAt));
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

  function dump(): EngineDump {
    return {
      now: now(),
      shiftMs,
      base: {
        seed: base.seed,
        anchor: base.anchor,
        graphs: [...base.graphs],
        jobsPerGraph: base.jobsPerGraph,
        profile: settings.profile,
        fixtures: base.fixtures && dumpFixtures(base.fixtures),
        faults: sharedFaults.config(),
      },
      worlds: [...worlds.values()].map((world) => ({
        id: world.id,
        clockOffsetMs: world.clockOffsetMs,
        fixtures: world.fixtures && dumpFixtures(world.fixtures),
        faults: world.faults?.config(),
        stores: [...world.stores].filter(([, store]) => store.changed).map(([graph, store]) => [graph, store.delta()] as const),
      })),
    };
  }

  function restore(saved: EngineDump): void {
    shiftMs = saved.shiftMs;
    const fixtures = saved.base.fixtures && undumpFixtures(saved.base.fixtures);
    base = {
      ...makeBase(saved.base.seed, saved.base.anchor, fixtures),
      graphs: new Set(saved.base.graphs),
      jobsPerGraph: saved.base.jobsPerGraph,
      profile: createEngineProfile(saved.base.profile, saved.base.seed),
    };
    sharedFaults = createFaults(saved.base.faults, base.seed, '');
    worlds = new Map();
    cache = new Map();
    heldBytes = 0;
    for (const each of saved.worlds) {
      const world = createWorld(base, each.id, each.fixtures && undumpFixtures(each.fixtures), each.clockOffsetMs);
      if (each.faults) world.faults = createFaults(each.faults, base.seed, each.id);
      for (const [graph, delta] of each.stores) {
        const start = storeOf(base, world, graph);
        if (!start) continue;
        world.stores.set(
          graph,
          createJobStore(
            { graph, seed: start.graphSeed, listed: listedOf(world, graph), submissionWords: submissionWords(base.seed, graph, world.id) },
            delta,
          ),
        );
      }
      worlds.set(world.id, world);
      heldBytes += worldBytes(world);
    }
  }

  /** The listed jobs a world's store of `graph` starts with. */
  const listedOf = (world: World, graph: string) =>
    world.fixtures
      ? world.fixtures.graphs.get(graph)?.entries
      : (base.fixtures?.byProject.get(world.id)?.get(graph) ?? base.fixtures?.graphs.get(graph))?.entries;

  return {
    settings,
    now: (id) => (id === undefined ? now() : worldNow(peek(id))),
    listJobs(id, graph, page) {
      const found = graphStore(id, graph);
      if (!found) return fail({ kind: 'graph-not-found', graph });
      const { world, store } = found;
      return ok(base.profile.list({ jobs: store.list(worldNow(world), page), jobCount: store.sizeAt(worldNow(world)) }, graph));
    },
    getJobStatus(id, graph, jobId, page) {
      const found = graphStore(id, graph);
      if (!found) return fail({ kind: 'graph-not-found', graph });
      const at = worldNow(found.world);
      const entry = findServed(base, found.store, jobId);
      if (!entry || found.store.isErased(entry.jobId, at)) return fail({ kind: 'job-not-found', jobId });
      return ok(statusOf(base, found.store, entry, at, page));
    },
    cancelJob,
    executeAlgorithm,
    submitJob,
    filteredQuery(id, graph, body) {
      const world = viewOf(id);
      const store = storeOf(base, world, graph);
      if (!store) return fail({ kind: 'graph-not-found', graph });
      // The same request on the same graph answers the same records; a synchronous answer is kept small.
      const records = filteredQueryRecords(`${base.seed}:${graph}:${JSON.stringify(body)}`, body, store.graphSeed.profile);
      const total = Math.min(records.total, SYNC_FILTERED_QUERY_RECORDS);
      return ok({ data: { [records.key]: Array.from({ length: total }, (_, i) => records.at(i)) } });
    },
    hasGraph: (id, graph) => hasGraph(base, peek(id), graph),
    refusesBody(id, graph, bodyBytes) {
      // Only for a graph the project has: an unknown one is answered as such once its body is read.
      if (!hasGraph(base, peek(id), graph)) return undefined;
      return storedBytes() + submittedJobBytes(bodyBytes) > settings.maxStoredBytes
        ? { kind: 'memory-budget', cap: settings.maxStoredBytes }
        : undefined;
    },
    reset,
    loadFixtures,
    advance,
    setFaults,
    faults: (id) => (id === undefined ? sharedFaults : (worlds.get(id)?.faults ?? sharedFaults)),
    state,
    snapshot,
    apply: (change) => apply(change),
    dump,
    restore,
    get storedBytes() {
      return storedBytes();
    },
  };
}
