/**
 * The contract between the job engine and everything around it. The engine is pure: no HTTP, no
 * timers, no Date.now(), no global faker. Time comes from the injected Clock; randomness from seeded
 * streams. Errors are returned as values, never thrown. Every change of state is a value (Change),
 * applied by one function whether it was just made or is read back from a journal.
 */
import type { FixtureError } from '../fixtures/fixture-error.js';
import type { FixtureDocument } from '../fixtures/fixture-types.js';
import type { AlgorithmRequest, Job, JobCreated, JobList, JobStatus } from '../types.js';
import type { JobBody, JobKind } from './job-kinds.js';
import type { EngineProfileName } from './engine-profiles.js';
import type { EngineSettings, ResolvedSettings } from './engine-settings.js';
import type { FaultConfig } from './fault-config.js';
import type { Faults } from './faults.js';
import type { JobEntry, JobPlan } from './job-lifecycle.js';

/** Where the engine reads the time: epoch milliseconds. */
export interface Clock {
  now(): number;
  /**
   * The time this clock showed, or will show, at the real instant `realMs` (epoch ms), for a clock
   * that runs on real time: a caller that has read the real time already converts its reading
   * instead of having the clock read it again. A clock not driven by real time (a manual one) has
   * none, and is asked now().
   */
  at?(realMs: number): number;
}

/** A clock the caller moves: tests, `POST /__mock/clock`, and `--speed` build on it. */
export interface AdjustableClock extends Clock {
  /** Moves virtual time forward by `ms` (ms >= 0). */
  advance(ms: number): void;
}

/** Why an engine operation did not succeed. The HTTP layer maps each kind to one GES envelope. */
export type EngineError =
  | { kind: 'graph-not-found'; graph: string }
  | { kind: 'job-not-found'; jobId: string }
  | { kind: 'cannot-cancel'; jobId: string }
  | { kind: 'algorithm-name-empty' }
  | { kind: 'algorithm-failed-to-start'; algorithmName: string; reason: string }
  /** The graph holds `cap` jobs and none has finished, so none can be evicted. */
  | { kind: 'graph-full'; graph: string; cap: number }
  /** A world with no state of its own would become the (cap + 1)th that holds some. */
  | { kind: 'too-many-projects'; cap: number }
  /** What the whole engine holds would pass its memory budget (`cap` bytes, as jobBytes counts them). */
  | { kind: 'memory-budget'; cap: number }
  /** A fixture document that does not load: every problem, named. */
  | { kind: 'invalid-fixtures'; error: FixtureError }
  /** A fault configuration that is not one: why. */
  | { kind: 'invalid-faults'; message: string }
  /** An index of that name exists, or is being built. */
  | { kind: 'index-exists'; indexName: string }
  /** The graph has no index of that name. */
  | { kind: 'index-not-found'; indexName: string }
  /** The job's result cannot be exported: why (it has not succeeded, or its kind has no exportable result). */
  | { kind: 'cannot-export'; jobId: string; reason: string };

/** An engine answer: a value, or the reason there is none. */
export type EngineResult<T> = { ok: true; value: T } | { ok: false; error: EngineError };

/**
 * The answer to an operation that changed the state: its value, the change it made (what a journal
 * keeps), and how to take the change back exactly (while nothing made after it is kept).
 */
export type EngineWrite<T> = { ok: true; value: T; change: Change; undo(): void } | { ok: false; error: EngineError };

/**
 * One change of the engine's state, as a value: what `apply` needs to make it again, with no random
 * draw and no clock read (a submission carries its whole plan and the jobs it evicted). `world` names
 * the one world changed; without it the change reaches every world. `t` is the engine's virtual now
 * just after the change.
 */
export type Change =
  | { kind: 'submit'; world: string; graph: string; plan: JobPlan; evicted: readonly string[]; t: number }
  /** A cancellation at `at`, the world's own now. */
  | { kind: 'cancel'; world: string; graph: string; jobId: string; at: number; t: number }
  /**
   * A fixture document loaded, counted from `at` (the world's now, or the document's own); with
   * `clockOffsetMs` the world's clock moves to where the document says its now is.
   */
  | { kind: 'fixtures'; world?: string | undefined; document: FixtureDocument; at: number; clockOffsetMs?: number | undefined; t: number }
  /** Back to the start: one world, or every world and the shared start (then seeded with `seed`). */
  | { kind: 'reset'; world?: string | undefined; seed: number; t: number }
  /** Virtual time moved forward: one world's clock, or the engine's (every world's). */
  | { kind: 'clock'; world?: string | undefined; advanceMs: number; t: number }
  /** Faults set (null: removed); the shared faults apply to every world without faults of its own. */
  | { kind: 'faults'; world?: string | undefined; config: FaultConfig | null; t: number };

/**
 * A job to submit, of another kind than an algorithm run: its body as received (`rawBody`, which
 * becomes the job's rawRequest) and as parsed, already checked against its schema by the caller.
 */
export type JobSubmission =
  | { kind: Exclude<JobKind, 'deleteIndex' | 'exportJobResult'>; rawBody: string; body: JobBody }
  /** A delete-index request has no body: the index is named in its path. */
  | { kind: 'deleteIndex'; indexName: string }
  /** An export of the result of the job `jobId` (as served). */
  | { kind: 'exportJobResult'; rawBody: string; body: JobBody; jobId: string };

/** Paging of a list or of a job's result. Already validated by the HTTP layer. */
export interface Page {
  limit: number;
  offset: number;
}

/** What GET /__mock/state shows: the clock, the start every world shares, and each world's graphs. */
export interface MockState {
  now: number;
  seed: number;
  /** The engine profile jobs are served in. */
  profile: EngineProfileName;
  /** Worlds in memory: those with state of their own and those only read lately. */
  projects: number;
  /**
   * Every project the engine holds in memory, by id: those with state of their own, those read lately,
   * and those the shared fixtures name (a world loaded but not yet read has no `graphs` row).
   */
  worlds: string[];
  /** Every graph a world sees unless it has fixtures of its own: the configured ones and a document's. */
  graphNames: string[];
  graphs: { project: string; graph: string; jobCount: number; byStatus: Record<string, number> }[];
  /** The shared faults (a world with faults of its own uses those instead). */
  faults: FaultConfig;
}

/** What GET /__mock/projects/{id}/state shows: one world's clock, graphs and faults. */
export interface WorldState {
  project: string;
  /** The world's own virtual now: the engine's clock plus its offset. */
  now: number;
  clockOffsetMs: number;
  seed: number;
  /** Whether the world has fixtures of its own (loaded into it alone). */
  ownFixtures: boolean;
  graphNames: string[];
  graphs: { graph: string; jobCount: number; byStatus: Record<string, number> }[];
  /** The faults its requests meet: its own, or the shared ones. */
  faults: FaultConfig;
  ownFaults: boolean;
}

/** The jobs a fixture document gives one graph, ready for the engine (built by src/fixtures/). */
export interface FixtureGraph {
  /** The listed jobs: frozen views, or plans of jobs that live in virtual time. */
  readonly entries: readonly JobEntry[];
  /** Generated jobs added to the listed ones. */
  readonly seedJobs: number;
  /** The nine digits the listed jobIds share; generated jobs of the graph use them too. */
  readonly jobIdSuffix: string | undefined;
}

/** A loaded fixture document: graphs for every project, and per project (which win). */
export interface FixtureGraphs {
  /** Engine seed for generated jobs; the engine keeps its own when absent. */
  readonly seed: number | undefined;
  readonly all: ReadonlyMap<string, FixtureGraph>;
  readonly byProject: ReadonlyMap<string, ReadonlyMap<string, FixtureGraph>>;
  /** Projects whose own clock runs ahead of (or behind) the document's `now`, by so many ms. */
  readonly clockOffsets?: ReadonlyMap<string, number> | undefined;
}

/** One job of a snapshot: as listed now, and its plan while it still lives. */
export interface SnapshotJob {
  readonly view: Job;
  readonly living: JobPlan | undefined;
}

/**
 * What the engine serves now, job by job: the list every world sees per graph (`graphs`), and the
 * graphs whose list differs for one world. What GET /__mock/snapshot turns into a fixture document.
 */
export interface EngineSnapshot {
  readonly now: number;
  readonly seed: number;
  readonly graphs: ReadonlyMap<string, readonly SnapshotJob[]>;
  readonly projects: ReadonlyMap<string, ReadonlyMap<string, readonly SnapshotJob[]>>;
  /** The worlds whose clock differs from `now`: their own now (their jobs are listed as at it). */
  readonly clocks: ReadonlyMap<string, number>;
  /** Extra job fields and recorded status variants the loaded documents allowed (a snapshot says them again). */
  readonly extraJobFields: readonly string[];
  readonly recordedStatusVariants: readonly string[];
}

/** A compiled fixture document as a dump keeps it: its graphs' entries, nothing to compile again. */
export interface FixturesDump {
  readonly seed: number;
  readonly anchor: number;
  readonly graphs: readonly (readonly [graph: string, fixture: FixtureGraph])[];
  readonly byProject: readonly (readonly [project: string, graph: string, fixture: FixtureGraph])[];
  readonly clockOffsets: readonly (readonly [project: string, offsetMs: number])[];
  readonly extraJobFields: readonly string[];
  readonly recordedStatusVariants: readonly string[];
}

/**
 * The engine's whole state as plain data, captured at one instant (what a `--state` snapshot writes):
 * the shared start as its parameters and its fixtures' entries (seeded jobs are made again from their
 * seed), then each world with state of its own as what it holds beyond its start.
 */
export interface EngineDump {
  readonly now: number;
  readonly shiftMs: number;
  readonly base: {
    readonly seed: number;
    readonly anchor: number;
    readonly graphs: readonly string[];
    readonly jobsPerGraph: number;
    readonly profile: EngineProfileName;
    readonly fixtures: FixturesDump | undefined;
    readonly faults: FaultConfig;
  };
  readonly worlds: readonly WorldDump[];
}

/**
 * What a store holds beyond its start: the starting jobs it no longer has, the jobs submitted to it
 * (oldest first), its cancellations, and how many submissions it has planned (each one's random
 * stream is its index, so planning goes on where it stopped). Plain data: a snapshot writes it.
 */
export interface StoreDelta {
  readonly removed: readonly string[];
  readonly submitted: readonly JobPlan[];
  readonly cancelled: readonly (readonly [jobId: string, atMs: number])[];
  readonly submissions: number;
}

/** One world of a dump. */
export interface WorldDump {
  readonly id: string;
  readonly clockOffsetMs: number;
  readonly fixtures: FixturesDump | undefined;
  readonly faults: FaultConfig | undefined;
  readonly stores: readonly (readonly [graph: string, delta: StoreDelta])[];
}

/** Options of createEngine: the settings, the clock, the starting fixtures and faults. */
export interface EngineOptions extends EngineSettings {
  /** Time source: createManualClock() in tests, createSystemClock() in servers (both in src/clocks.ts). */
  clock: Clock;
  /**
   * The starting jobs every world sees (docs/fixtures.md), as a fixture document; a global reset comes
   * back to them. An invalid document throws its FixtureError.
   */
  fixtures?: FixtureDocument | undefined;
  /** Where the starting document came from, for its messages. Default `createEngine({ fixtures })`. */
  fixturesSource?: string | undefined;
  /** Faults in force from the start (and again after a global reset), e.g. the command line's --latency. */
  faults?: FaultConfig | undefined;
}

/** The stateful GES job engine: a shared start and the worlds (projects) that each see it their way. */
export interface Engine {
  /** The settings in force, defaults filled in. */
  readonly settings: ResolvedSettings;
  /**
   * The virtual now one world sees (the engine's plus its offset); without a world, the engine's.
   * With `realMs` (epoch ms, a real time the caller has just read), the virtual time at that real
   * instant, when the clock runs on real time (Clock.at); else the virtual now.
   */
  now(world?: string, realMs?: number): number;
  /** A page of the graph's jobs, newest first, and the total. */
  listJobs(world: string, graph: string, page: Page): EngineResult<JobList>;
  /** One job's status and, once finished, a page of its result. */
  getJobStatus(world: string, graph: string, jobId: string, page: Page): EngineResult<JobStatus>;
  /** Cancels a running or pending cancellable job. */
  cancelJob(world: string, graph: string, jobId: string): EngineWrite<Record<string, never>>;
  /**
   * Submits an algorithm. `rawBody` is the request body exactly as received; it becomes the job's
   * `rawRequest` byte for byte. `request` is its parsed form.
   */
  executeAlgorithm(world: string, graph: string, rawBody: string, request: AlgorithmRequest): EngineWrite<JobCreated>;
  /**
   * Submits a job of another kind than an algorithm run: a filter query, an export or delete of
   * filtered data, a batch delete, an index build or deletion, an export of a job's result, an import.
   */
  submitJob(world: string, graph: string, submission: JobSubmission): EngineWrite<JobCreated>;
  /** A synchronous Filtered-query's result (no job is made): the vertices or edges of its last hop. */
  filteredQuery(world: string, graph: string, body: JobBody): EngineResult<{ data: Record<string, unknown[]> }>;
  /** Whether the world has this graph (a configured one, or one its fixtures name). */
  hasGraph(world: string, graph: string): boolean;
  /**
   * The refusal a submission to this graph gets whatever its body says, when a body of `bodyBytes`
   * UTF-8 bytes cannot fit in the memory budget; undefined when it may. An adapter asks before reading
   * a body, so that past the budget a flood of large bodies is never buffered, parsed and thrown away.
   */
  refusesBody(world: string, graph: string, bodyBytes: number): EngineError | undefined;
  /**
   * Back to the start. One world: its jobs, own fixtures, clock and faults dropped. Every world (no
   * `world`): the starting fixtures laid out again from now, seeded with `seed` when given.
   */
  reset(scope?: { world?: string | undefined; seed?: number | undefined }): EngineWrite<void>;
  /**
   * Loads a fixture document. Into one world (a document without `projects`, or naming only that
   * world): its jobs replaced, its clock moved to the document's `now` when it has one. Into every
   * world: the shared start replaced, every world's own state dropped.
   */
  loadFixtures(document: unknown, scope?: { world?: string | undefined; source?: string | undefined }): EngineWrite<void>;
  /** Moves virtual time forward by `ms` (>= 0): one world's clock, or the engine's. Answers the new now. */
  advance(ms: number, world?: string): EngineWrite<number>;
  /** Sets faults (undefined: removes them): one world's own, or the shared ones (every world's own dropped). */
  setFaults(config: FaultConfig | undefined, world?: string): EngineWrite<FaultConfig>;
  /** The live faults a request to this world meets (its own, or the shared ones). */
  faults(world?: string): Faults;
  /** The clock, the shared start and every world in memory. */
  state(): MockState;
  /** One world's clock, graphs and faults. */
  state(world: string): WorldState;
  /** Every job served now: every world's, or one world's at its own now (its graphs as `graphs`). */
  snapshot(world?: string): EngineSnapshot;
  /** Applies a change made earlier (a journal's), exactly; the problem when it does not fit this state. */
  apply(change: Change): { ok: true; undo(): void } | { ok: false; problem: string };
  /** The whole state as plain data, captured now. */
  dump(): EngineDump;
  /** Replaces the whole state with a dump's. */
  restore(dump: EngineDump): void;
  /** Bytes the memory budget counts now (reserved bytes included). */
  readonly storedBytes: number;
}
