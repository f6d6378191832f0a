/**
 * The GES job engine: the start every world shares (seeded graphs and shared fixtures) and the worlds
 * (one per project) that see it, each with what it holds of its own (engine-core.ts). Every
 * operation that changes anything builds a Change value and hands it to `apply`, the one function
 * that changes state, which a journal's changes go through again at start-up. Pure: no HTTP, no
 * timers, no Date.now(), no Math.random, no global faker.
 */
import { prepareFixtures } from '../fixtures/validate-fixtures.js';
import { FixtureError } from '../fixtures/fixture-error.js';
import { createEngineState } from './engine-state.js';
import { dumpEngine, restoreEngine } from './engine-dump.js';
import { mockStateOf, snapshotOf, worldStateOf } from './engine-views.js';
import type { Change, Engine, EngineOptions, EngineResult, EngineWrite, FixtureGraphs, MockState, WorldState } from './engine-types.js';
import { parseFaultConfig, type FaultConfig } from './fault-config.js';
import { filteredQueryRecords } from './job-kinds.js';
import { submittedJobBytes } from './job-store.js';
import { proposeAlgorithm, proposeCancel, proposeSubmission, refuse, type Proposal } from './propose-jobs.js';
import { findServed, fixturesBytes, hasGraph, statusOf, storeOf, worldBytes } from './world.js';

const ok = <T>(value: T): EngineResult<T> => ({ ok: true, value });

/**
 * Most records a synchronous Filtered-query answers: the page allows 100,000 vertices [doc], but a mock
 * that answered that many on every call would be a load test, not a mock [decision].
 */
const SYNC_FILTERED_QUERY_RECORDS = 1_000;

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
  const core = createEngineState(options);
  const { settings } = core;
  const tooMany = () => refuse({ kind: 'too-many-projects', cap: settings.maxProjects });

  /** Applies a change just made from this state (it always fits) and answers `value`. */
  function write<T>(value: T, change: Change, compiled?: FixtureGraphs): EngineWrite<T> {
    const applied = core.apply(change, compiled);
    if (!applied.ok) throw new Error(`the engine made a change it cannot apply: ${applied.problem}`);
    return { ok: true, value, change, undo: applied.undo };
  }
  const carryOut = <T>(proposal: Proposal<T>): EngineWrite<T> => (proposal.ok ? write(proposal.value, proposal.change) : proposal);

  function loadFixtures(document: unknown, scope: { world?: string | undefined; source?: string | undefined } = {}): EngineWrite<void> {
    const id = scope.world;
    const t = core.now();
    if (id === undefined) {
      const prepared = prepareFixtures(document, scope.source ?? 'fixture document', t);
      if (!prepared.ok) return refuse({ kind: 'invalid-fixtures', error: prepared.error });
      const graphs = prepared.graphs!; // an instant was given, so the document was compiled
      const bytes = fixturesBytes([...graphs.all.values(), ...[...graphs.byProject.values()].flatMap((each) => [...each.values()])]);
      if (settings.reservedBytes + bytes > settings.maxStoredBytes) return refuse({ kind: 'memory-budget', cap: settings.maxStoredBytes });
      return write(undefined, { kind: 'fixtures', document: prepared.document, at: prepared.now!, t }, graphs);
    }
    const name = scope.source ?? `world ${id}`;
    const others = Object.keys((document as { projects?: unknown } | null)?.projects ?? {}).filter((p) => p !== id);
    if (others.length > 0) {
      const reason = `a world's document may name only its own project (${id}); it names ${others.join(', ')}.`;
      return refuse({ kind: 'invalid-fixtures', error: new FixtureError(name, [{ field: 'projects', reason }]) });
    }
    const world = core.peek(id);
    const prepared = prepareFixtures(document, name, core.worldNow(world));
    if (!prepared.ok)
      return refuse({ kind: 'invalid-fixtures', error: new FixtureError(prepared.error.source, prepared.error.problems, { world: id }) });
    const graphs = prepared.graphs!;
    if (!core.admits(id)) return tooMany();
    // Only a document that states its now moves the world's clock (to that now).
    const stated = prepared.document.now !== undefined || graphs.clockOffsets?.has(id);
    const clockOffsetMs = stated ? prepared.now! + (graphs.clockOffsets?.get(id) ?? 0) - t : undefined;
    const own = fixturesBytes([...graphs.all.values(), ...(graphs.byProject.get(id)?.values() ?? [])]);
    const held = core.worlds.has(id) ? worldBytes(world) : 0;
    if (core.storedBytes() - held + own > settings.maxStoredBytes) return refuse({ kind: 'memory-budget', cap: settings.maxStoredBytes });
    return write(undefined, { kind: 'fixtures', world: id, document: prepared.document, at: prepared.now!, clockOffsetMs, t }, graphs);
  }

  function setFaults(config: FaultConfig | undefined, id?: string): EngineWrite<FaultConfig> {
    let checked: FaultConfig | null = null;
    if (config !== undefined) {
      const parsed = parseFaultConfig(config);
      if (!parsed.ok) return refuse({ kind: 'invalid-faults', message: parsed.message });
      checked = parsed.config;
    }
    if (id !== undefined && checked !== null && !core.admits(id)) return tooMany();
    const written = write(undefined, { kind: 'faults', world: id, config: checked, t: core.now() });
    return written.ok ? { ...written, value: core.faultsOf(id).config() } : written;
  }

  function state(): MockState;
  function state(id: string): WorldState;
  function state(id?: string): MockState | WorldState {
    return id === undefined ? mockStateOf(core) : worldStateOf(core, id);
  }

  return {
    settings,
    now: (id, realMs) => (id === undefined ? core.now(realMs) : core.worldNow(core.peek(id), realMs)),
    listJobs(id, graph, page) {
      const found = core.storeIn(id, graph);
      if (!found) return refuse({ kind: 'graph-not-found', graph });
      const at = core.worldNow(found.world);
      return ok(core.base.profile.list({ jobs: found.store.list(at, page), jobCount: found.store.sizeAt(at) }, graph));
    },
    getJobStatus(id, graph, jobId, page) {
      const found = core.storeIn(id, graph);
      if (!found) return refuse({ kind: 'graph-not-found', graph });
      const at = core.worldNow(found.world);
      const entry = findServed(core.base, found.store, jobId);
      if (!entry || found.store.isErased(entry.jobId, at)) return refuse({ kind: 'job-not-found', jobId });
      return ok(statusOf(core.base, found.store, entry, at, page));
    },
    cancelJob: (id, graph, jobId) => carryOut(proposeCancel(core, id, graph, jobId)),
    executeAlgorithm: (id, graph, rawBody, request) => carryOut(proposeAlgorithm(core, id, graph, rawBody, request)),
    submitJob: (id, graph, submission) => carryOut(proposeSubmission(core, id, graph, submission)),
    filteredQuery(id, graph, body) {
      const store = storeOf(core.base, core.view(id), graph);
      if (!store) return refuse({ kind: 'graph-not-found', graph });
      // The same request on the same graph answers the same records; a synchronous answer is kept small.
      const records = filteredQueryRecords(`${core.base.seed}:${graph}:${JSON.stringify(body)}`, body, store.graphSeed.profile);
      const total = Math.min(records.total, SYNC_FILTERED_QUERY_RECORDS);
      return ok({ data: { [records.key]: Array.from({ length: total }, (_, i) => records.at(i)) } });
    },
    hasGraph: (id, graph) => hasGraph(core.base, core.peek(id), graph),
    refusesBody(id, graph, bodyBytes) {
      // Only for a graph the project has: an unknown one is answered as such once its body is read.
      if (!hasGraph(core.base, core.peek(id), graph)) return undefined;
      return core.storedBytes() + submittedJobBytes(bodyBytes) > settings.maxStoredBytes
        ? { kind: 'memory-budget', cap: settings.maxStoredBytes }
        : undefined;
    },
    reset(scope = {}) {
      const t = core.now();
      if (scope.world !== undefined) return write(undefined, { kind: 'reset', world: scope.world, seed: core.base.seed, t });
      return write(undefined, { kind: 'reset', seed: core.resetSeed(scope.seed), t });
    },
    loadFixtures,
    advance(ms, id) {
      if (id === undefined) return write(core.now() + ms, { kind: 'clock', advanceMs: ms, t: core.now() + ms });
      if (!core.admits(id)) return tooMany();
      const written = write(0, { kind: 'clock', world: id, advanceMs: ms, t: core.now() });
      return written.ok ? { ...written, value: core.worldNow(core.worlds.get(id)!) } : written;
    },
    setFaults,
    faults: (id) => core.faultsOf(id),
    state,
    snapshot: (id) => snapshotOf(core, id),
    apply: (change) => core.apply(change),
    dump: () => dumpEngine(core),
    restore: (saved) => restoreEngine(core, saved),
    get storedBytes() {
      return core.storedBytes();
    },
  };
}
