/**
 * The GES job engine: lazily created job stores per (project, graph) over deterministic seeded
 * jobs, whose lifecycles are computed on read from the injected clock. Pure: no HTTP, no timers,
 * no Date.now(), no Math.random, no global faker.
 */
import type { AlgorithmRequest, JobCreated, JobStatus } from '../types.js';
import { ALGORITHMS, isGiven } from './algorithms.js';
import type {
  Engine,
  EngineError,
  EngineOptions,
  EngineResult,
  EngineSnapshot,
  EngineState,
  EngineWrite,
  FixtureGraph,
  FixtureGraphs,
  Page,
  ProjectState,
  SnapshotJob,
} from './engine-types.js';
import { isView, type JobEntry } from './job-lifecycle.js';
import { planSubmittedAlgorithm } from './draw-job-plans.js';
import { createEngineProfile, DEFAULT_ENGINE_PROFILE, ENGINE_PROFILES, isEngineProfileName } from './engine-profiles.js';
import { resultData } from './job-results.js';
import { createJobStore, jobBytes, submittedJobBytes, type JobStore, type Undo } from './job-store.js';
import { seedGraph, type GraphSeed } from './seed-graph.js';

/** The graphs every project sees unless options.graphs says otherwise. */
export const DEFAULT_GRAPHS: readonly string[] = ['movie', 'social_network', 'supply_chain'];
/** Jobs seeded per graph by default. */
export const DEFAULT_JOBS_PER_GRAPH = 60;
/** Most jobs one graph (of one project) holds by default. */
export const DEFAULT_MAX_JOBS_PER_GRAPH = 100_000;
/**
 * Default budget of submitted request bodies per graph of one project, in characters (64 Mi).
 * rawRequest is kept byte for byte and a body may be 1 MiB: without a budget, 100,000 such jobs
 * would hold about 100 GB. Ordinary bodies (~100 characters) never reach it before the job cap.
 */
export const DEFAULT_MAX_REQUEST_CHARS_PER_GRAPH = 64 * 1024 * 1024;

/**
 * Projects that have only read are kept up to this many, oldest dropped first. Their stores equal the
 * seed, so dropping one loses nothing (the next request rebuilds it identically), and a client that
 * walks through random project ids (a fuzzer, a misconfigured app) cannot grow memory without bound:
 * each store costs about 7 KB, so 100,000 ids held 640 MB before this cap.
 */
export const MAX_READ_ONLY_PROJECTS = 1_000;

/**
 * Projects that hold submissions or cancellations, kept by default up to this many. Unlike read-only
 * projects they cannot be dropped without losing jobs, so past the cap a new project's first write is
 * refused instead: one misbehaving client cannot grow memory without bound (a writing project with
 * one touched graph costs about 10 KB).
 */
export const DEFAULT_MAX_PROJECTS = 10_000;

/**
 * Default memory budget of the whole engine (768 MiB as jobBytes counts it, with `ges-mock serve`'s
 * own memory reserved in it): what a server may take in a 2 GB container, with room to spare.
 */
export const DEFAULT_MAX_STORED_BYTES = 768 * 1024 * 1024;

const ok = <T>(value: T): EngineResult<T> => ({ ok: true, value });
const fail = (error: EngineError): EngineResult<never> => ({ ok: false, error });

function checkCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be an integer >= 0, got ${value}`);
  return value;
}

/** A project's own fixtures: its graphs, their seed, and the instant their generated jobs count from. */
interface OwnFixtures {
  graphs: ReadonlyMap<string, FixtureGraph>;
  seed: number;
  anchor: number;
}

/**
 * Creates an engine. Every well-formed project sees the configured graphs, each seeded with
 * `jobsPerGraph` jobs derived from (seed, graph name) only, so all projects see the same seeded jobs
 * and each keeps its own submissions and cancellations.
 *
 * Capacity: a graph of one project holds at most `maxJobsPerGraph` jobs (default 100,000, never
 * below `jobsPerGraph`). A submission at the cap evicts the oldest finished job; when every job is
 * still pending or running it is refused with `graph-full`. Submitted request bodies share a budget
 * too (`maxRequestCharsPerGraph`): past it the oldest finished submission is evicted, or the
 * submission refused.
 *
 * Options that make no sense (a negative count, an unknown profile) throw a RangeError: they are programming errors,
 * not user input. Operations never throw; they return EngineResult values.
 */
export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock;
  const graphs = new Set(options.graphs ?? DEFAULT_GRAPHS);
  const jobsPerGraph = checkCount('jobsPerGraph', options.jobsPerGraph ?? DEFAULT_JOBS_PER_GRAPH);
  const cap = Math.max(jobsPerGraph, checkCount('maxJobsPerGraph', options.maxJobsPerGraph ?? DEFAULT_MAX_JOBS_PER_GRAPH));
  const limits = {
    maxJobs: cap,
    maxRequestChars: checkCount('maxRequestCharsPerGraph', options.maxRequestCharsPerGraph ?? DEFAULT_MAX_REQUEST_CHARS_PER_GRAPH),
  };
  const maxProjects = checkCount('maxProjects', options.maxProjects ?? DEFAULT_MAX_PROJECTS);
  const onWrite = options.onWrite;
  const maxStoredBytes = checkCount('maxStoredBytes', options.maxStoredBytes ?? DEFAULT_MAX_STORED_BYTES);
  const reservedBytes = checkCount('reservedBytes', options.reservedBytes ?? 0);
  /** Bytes of the loaded fixtures' jobs (counted once, however many projects see them). */
  const fixtureBytes = (graphs: FixtureGraphs | undefined): number => {
    let total = 0;
    for (const graph of graphs?.all.values() ?? []) for (const entry of graph.entries) total += jobBytes(entry);
    for (const byGraph of graphs?.byProject.values() ?? [])
      for (const graph of byGraph.values()) for (const entry of graph.entries) total += jobBytes(entry);
    return total;
  };

  let seed = options.seed ?? 1;
  // Seeded jobs are laid out backwards from this instant, so every project (and every graph first
  // touched later) sees the same jobs at the same virtual times.
  let anchor = clock.now();
  let seeds = new Map<string, GraphSeed>();
  let projects = new Map<string, Map<string, JobStore>>();
  // Projects with no submission or cancellation yet, oldest first (see MAX_READ_ONLY_PROJECTS).
  let readOnly = new Set<string>();
  let fixtures: FixtureGraphs | undefined = options.fixtures;
  if (fixtures?.seed !== undefined) seed = fixtures.seed;
  const profileName = options.profile ?? DEFAULT_ENGINE_PROFILE;
  if (!isEngineProfileName(profileName))
    throw new RangeError(`profile must be one of ${ENGINE_PROFILES.join(', ')}, got ${String(profileName)}`);
  // The served forms: `mixed` draws from the engine's seed, so it follows a reset to another seed.
  let profile = createEngineProfile(profileName, seed);

  /** The job a served jobId names (a profile may serve ids in another form). */
  const findServed = (store: JobStore, jobId: string): JobEntry | undefined => {
    for (const id of profile.canonicalIds(jobId, store.planner.vocabulary.jobIdSuffix)) {
      const entry = store.find(id);
      if (entry) return entry;
    }
    return undefined;
  };
  // Each project may run its own clock ahead of the engine's: a project is an isolated world.
  let offsets = new Map<string, number>(fixtures?.clockOffsets ?? []);
  // Projects given fixtures of their own (loadProjectFixtures): these replace the shared ones wholly.
  let worlds = new Map<string, OwnFixtures>();

  const nowOf = (projectId: string): number => clock.now() + (offsets.get(projectId) ?? 0);
  // The budget's count: fixture jobs plus each store's submissions minus its evictions.
  let storedBytes = reservedBytes + fixtureBytes(fixtures);

  /** The fixture graph of (project, graph), if a document names it, and the key of its seed. */
  const fixtureOf = (
    projectId: string,
    graph: string,
  ): { graph: FixtureGraph; key: string; world?: OwnFixtures | undefined } | undefined => {
    const world = worlds.get(projectId);
    if (world) {
      const own = world.graphs.get(graph);
      return own ? { graph: own, key: `world:${projectId}/${graph}`, world } : undefined;
    }
    if (!fixtures) return undefined;
    const mine = fixtures.byProject.get(projectId)?.get(graph);
    if (mine) return { graph: mine, key: `${projectId}/${graph}` };
    const every = fixtures.all.get(graph);
    return every ? { graph: every, key: `*/${graph}` } : undefined;
  };

  /** The seeded part of a graph: shared by every project that sees the same (fixture) graph. */
  const seedOf = (graph: string, fixture: { graph: FixtureGraph; key: string; world?: OwnFixtures | undefined } | undefined): GraphSeed => {
    const key = fixture ? fixture.key : graph;
    let graphSeed = seeds.get(key);
    if (!graphSeed) {
      graphSeed = fixture
        ? seedGraph(fixture.world?.seed ?? seed, graph, fixture.world?.anchor ?? anchor, fixture.graph.seedJobs, fixture.graph.jobIdSuffix)
        : seedGraph(seed, graph, anchor, jobsPerGraph);
      seeds.set(key, graphSeed);
    }
    return graphSeed;
  };

  const newStore = (projectId: string, graph: string): JobStore => {
    const fixture = fixtureOf(projectId, graph);
    return createJobStore(projectId, graph, seedOf(graph, fixture), seed, fixture?.graph.entries);
  };

  // A project's first write turns it from read-only into writing; every project is one or the other.
  const isRefusedWriter = (projectId: string) =>
    projects.size - readOnly.size >= maxProjects && (readOnly.has(projectId) || !projects.has(projectId));

  /** Makes a project one that holds state (a writer), unless the cap refuses it. */
  const holdState = (projectId: string): EngineResult<Record<string, never>> => {
    if (isRefusedWriter(projectId)) return fail({ kind: 'too-many-projects', cap: maxProjects });
    if (!projects.has(projectId)) projects.set(projectId, new Map());
    readOnly.delete(projectId);
    return ok({});
  };

  const dropWorldSeeds = (projectId: string) => {
    const prefix = `world:${projectId}/`;
    for (const key of [...seeds.keys()]) if (key.startsWith(prefix)) seeds.delete(key);
  };

  /** Every graph a project sees: the configured ones and those its fixtures name. */
  const graphNamesOf = (projectId: string | undefined): string[] => {
    const world = projectId === undefined ? undefined : worlds.get(projectId);
    if (world) return [...new Set([...graphs, ...world.graphs.keys()])];
    const own = projectId === undefined ? [] : [...(fixtures?.byProject.get(projectId)?.keys() ?? [])];
    return [...new Set([...graphs, ...(fixtures?.all.keys() ?? []), ...own])];
  };

  /** Whether the project has this graph: a configured one, or one its fixtures name. */
  const hasGraph = (projectId: string, graph: string): boolean => graphs.has(graph) || fixtureOf(projectId, graph) !== undefined;

  const storeOf = (projectId: string, graph: string): EngineResult<JobStore> => {
    if (!hasGraph(projectId, graph)) return fail({ kind: 'graph-not-found', graph });
    let byGraph = projects.get(projectId);
    if (!byGraph) {
      projects.set(projectId, (byGraph = new Map()));
      readOnly.add(projectId);
      if (readOnly.size > MAX_READ_ONLY_PROJECTS) {
        const oldest = readOnly.values().next().value as string;
        readOnly.delete(oldest);
        projects.delete(oldest);
      }
    }
    let store = byGraph.get(graph);
    if (!store) byGraph.set(graph, (store = newStore(projectId, graph)));
    return ok(store);
  };

  /** Reset and fixture load: everything replaced; the old structures are kept only to revert. */
  const replace = (next: FixtureGraphs | undefined, newSeed: number | undefined) => {
    const before = { seed, anchor, seeds, projects, readOnly, fixtures, storedBytes, profile, worlds, offsets };
    fixtures = next;
    storedBytes = reservedBytes + fixtureBytes(next);
    if (newSeed !== undefined) seed = newSeed;
    profile = createEngineProfile(profileName, seed);
    anchor = clock.now();
    seeds = new Map();
    projects = new Map();
    readOnly = new Set();
    worlds = new Map();
    offsets = new Map(next?.clockOffsets ?? []);
    const write: EngineWrite = {
      kind: 'replace',
      revert: () => ({ seed, anchor, seeds, projects, readOnly, fixtures, storedBytes, profile, worlds, offsets } = before),
    };
    onWrite?.(write);
  };

  return {
    listJobs(projectId, graph, page: Page) {
      const found = storeOf(projectId, graph);
      if (!found.ok) return found;
      const store = found.value;
      return ok(profile.list({ jobs: store.list(nowOf(projectId), page), jobCount: store.size }, graph));
    },

    getJobStatus(projectId, graph, jobId, page: Page) {
      const found = storeOf(projectId, graph);
      if (!found.ok) return found;
      const store = found.value;
      const entry = findServed(store, jobId);
      if (!entry) return fail({ kind: 'job-not-found', jobId });
      const job = store.view(entry, nowOf(projectId));
      let body: JobStatus;
      if (job.status === 'success') {
        const source = isView(entry) ? { job } : { job, algorithm: entry.algorithm, parameters: entry.parameters };
        body = { status: job.status, data: resultData(source, store.planner.profile, page), result: 'success' };
      } else if (job.status === 'failed') {
        body = { status: job.status, errorMessage: job.failReason ?? '', result: 'success' };
      } else {
        body = { status: job.status, result: 'success' };
      }
      return ok(profile.status(body, job));
    },

    cancelJob(projectId, graph, jobId) {
      const found = storeOf(projectId, graph);
      if (!found.ok) return found;
      const store = found.value;
      const entry: JobEntry | undefined = findServed(store, jobId);
      const now = nowOf(projectId);
      if (!entry || isView(entry) || !entry.cancellable || store.isFinished(entry, now)) return fail({ kind: 'cannot-cancel', jobId });
      if (isRefusedWriter(projectId)) return fail({ kind: 'too-many-projects', cap: maxProjects });
      store.cancel(entry, now);
      const wasReadOnly = readOnly.delete(projectId);
      onWrite?.({
        kind: 'cancel',
        project: projectId,
        graph,
        jobId,
        atMs: now,
        revert: () => {
          store.uncancel(jobId);
          if (wasReadOnly) readOnly.add(projectId);
        },
      });
      return ok({});
    },

    maxStoredBytes,

    refusesBody(projectId, graph, bodyBytes) {
      // Only for a graph the project has: an unknown one is answered as such once its body is read.
      if (!hasGraph(projectId, graph)) return undefined;
      return storedBytes + submittedJobBytes(bodyBytes) > maxStoredBytes ? { kind: 'memory-budget', cap: maxStoredBytes } : undefined;
    },

    executeAlgorithm(projectId, graph, rawBody, request: AlgorithmRequest) {
      // Refused before its store is built: a flood of new projects past the cap then costs no memory.
      if (hasGraph(projectId, graph) && isRefusedWriter(projectId)) return fail({ kind: 'too-many-projects', cap: maxProjects });
      const found = storeOf(projectId, graph);
      if (!found.ok) return found;
      const store = found.value;
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

      const now = nowOf(projectId);
      let plan = planSubmittedAlgorithm(store.planner, spec, rawBody, structuredClone(parameters), now);
      // A UUID collision is astronomically unlikely; draw again rather than shadow a job.
      while (store.find(plan.jobId)) plan = planSubmittedAlgorithm(store.planner, spec, rawBody, structuredClone(parameters), now);
      if (storedBytes + jobBytes(plan) > maxStoredBytes) return fail({ kind: 'memory-budget', cap: maxStoredBytes });
      const undo: Undo | undefined = onWrite ? { steps: [], evicted: [] } : undefined;
      const bytesBefore = store.addedBytes;
      const outcome = store.insert(plan, now, limits, undo);
      if (outcome === 'too-many-jobs') return fail({ kind: 'graph-full', graph, limit: 'jobs', cap });
      if (outcome === 'too-much-request-data')
        return fail({ kind: 'graph-full', graph, limit: 'request-chars', cap: limits.maxRequestChars });
      storedBytes += store.addedBytes - bytesBefore;
      const wasReadOnly = readOnly.delete(projectId);
      if (onWrite && undo) {
        onWrite({
          kind: 'submit',
          project: projectId,
          graph,
          plan,
          evicted: undo.evicted,
          revert: () => {
            const held = store.addedBytes;
            for (const step of undo.steps.reverse()) step();
            storedBytes += store.addedBytes - held;
            if (wasReadOnly) readOnly.add(projectId);
          },
        });
      }
      const created: JobCreated = { jobId: profile.servedId(plan.jobId), jobType: 1 };
      return ok(created);
    },

    state(): EngineState {
      const now = clock.now();
      const list: EngineState['graphs'] = [];
      for (const [project, byGraph] of projects) {
        const projectNow = nowOf(project);
        for (const [graph, store] of byGraph) {
          list.push({ project, graph, jobCount: store.size, byStatus: store.countByStatus(projectNow) });
        }
      }
      const held = new Set([...projects.keys(), ...worlds.keys(), ...offsets.keys(), ...(fixtures?.byProject.keys() ?? [])]);
      return {
        now,
        seed,
        profile: profileName,
        projects: projects.size,
        worlds: [...held],
        graphNames: graphNamesOf(undefined),
        graphs: list,
      };
    },

    reset(newSeed?: number) {
      replace(fixtures, newSeed);
    },

    now: (projectId) => (projectId === undefined ? clock.now() : nowOf(projectId)),

    advanceProject(projectId, ms) {
      const held = holdState(projectId);
      if (!held.ok) return held;
      offsets.set(projectId, (offsets.get(projectId) ?? 0) + ms);
      return ok(nowOf(projectId));
    },

    loadProjectFixtures(projectId, next, nowMs) {
      const held = holdState(projectId);
      if (!held.ok) return held;
      const own = new Map(next.all);
      for (const [graph, fixture] of next.byProject.get(projectId) ?? []) own.set(graph, fixture);
      if (nowMs !== undefined) offsets.set(projectId, nowMs - clock.now());
      worlds.set(projectId, { graphs: own, seed: next.seed ?? seed, anchor: nowOf(projectId) });
      dropWorldSeeds(projectId);
      projects.set(projectId, new Map());
      return ok({});
    },

    resetProject(projectId) {
      projects.delete(projectId);
      readOnly.delete(projectId);
      worlds.delete(projectId);
      dropWorldSeeds(projectId);
      const starting = fixtures?.clockOffsets?.get(projectId);
      if (starting === undefined) offsets.delete(projectId);
      else offsets.set(projectId, starting);
    },

    projectState(projectId): ProjectState {
      const now = nowOf(projectId);
      const list: ProjectState['graphs'] = [];
      for (const [graph, store] of projects.get(projectId) ?? [])
        list.push({ graph, jobCount: store.size, byStatus: store.countByStatus(now) });
      return {
        project: projectId,
        now,
        clockOffsetMs: offsets.get(projectId) ?? 0,
        seed,
        ownFixtures: worlds.has(projectId),
        graphNames: graphNamesOf(projectId),
        graphs: list,
      };
    },

    projectSnapshot(projectId): EngineSnapshot {
      const now = nowOf(projectId);
      const every = new Map<string, SnapshotJob[]>();
      for (const graph of graphNamesOf(projectId))
        every.set(graph, (projects.get(projectId)?.get(graph) ?? newStore(projectId, graph)).entries(now));
      return { now, seed, graphs: every, projects: new Map(), clocks: new Map() };
    },

    loadFixtures(next) {
      replace(next, next?.seed);
    },

    snapshot() {
      const now = clock.now();
      const listOf = (store: JobStore, project?: string): SnapshotJob[] => store.entries(project === undefined ? now : nowOf(project));
      const every = new Map<string, SnapshotJob[]>();
      // A store made for no project shows what every project sees before it changes anything.
      for (const graph of graphNamesOf(undefined)) every.set(graph, listOf(newStore('', graph)));
      const perProject = new Map<string, Map<string, SnapshotJob[]>>();
      const add = (project: string, graph: string, jobs: SnapshotJob[]) => {
        let byGraph = perProject.get(project);
        if (!byGraph) perProject.set(project, (byGraph = new Map()));
        byGraph.set(graph, jobs);
      };
      const clocks = new Map<string, number>();
      for (const [project, offset] of offsets) {
        if (offset === 0) continue;
        clocks.set(project, nowOf(project));
        if (!perProject.has(project)) perProject.set(project, new Map());
      }
      const storeFor = (project: string, graph: string) => projects.get(project)?.get(graph) ?? newStore(project, graph);
      for (const [project, byGraph] of fixtures?.byProject ?? []) {
        if (worlds.has(project)) continue;
        for (const graph of byGraph.keys()) add(project, graph, listOf(storeFor(project, graph), project));
      }
      // A world with fixtures of its own sees none of the shared ones: every graph of it is written out.
      for (const project of worlds.keys())
        for (const graph of graphNamesOf(project)) add(project, graph, listOf(storeFor(project, graph), project));
      for (const [project, byGraph] of projects) {
        for (const [graph, store] of byGraph) if (store.changed) add(project, graph, listOf(store, project));
      }
      // A moved clock alone changes what a project lists: its graphs are written at its own now.
      for (const project of clocks.keys()) {
        for (const graph of graphNamesOf(project))
          if (!perProject.get(project)?.has(graph)) add(project, graph, listOf(storeFor(project, graph), project));
      }
      return { now, seed, graphs: every, projects: perProject, clocks };
    },
  };
}
