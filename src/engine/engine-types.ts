/**
 * The contract between the job engine and everything around it. The engine is pure: no HTTP, no
 * timers, no Date.now(), no global faker. Time comes from the injected Clock; randomness from one
 * seeded Faker per engine. Errors are returned as values, never thrown.
 */
import type { AlgorithmRequest, Job, JobCreated, JobStatus } from '../types.js';
import type { EngineProfileName } from './engine-profiles.js';
import type { JobEntry, JobPlan } from './job-lifecycle.js';

/** Where the engine reads the time: epoch milliseconds. */
export interface Clock {
  now(): number;
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
  /** A capacity limit is reached and nothing finished can be evicted: `cap` jobs, or `cap` characters of request bodies. */
  | { kind: 'graph-full'; graph: string; limit: 'jobs' | 'request-chars'; cap: number }
  /** A project that never wrote would become the (cap + 1)th project holding submissions or cancellations. */
  | { kind: 'too-many-projects'; cap: number }
  /** The jobs the whole engine holds would pass its memory budget (`cap` bytes, as jobBytes counts them). */
  | { kind: 'memory-budget'; cap: number };

/** An engine answer: a value, or the reason there is none. */
export type EngineResult<T> = { ok: true; value: T } | { ok: false; error: EngineError };

/** Options of createEngine; every one but the clock has a default. */
export interface EngineOptions {
  /** Time source: createManualClock() in tests, createSystemClock() in servers (both in src/clocks.ts). */
  clock: Clock;
  /** Seed of the engine's Faker instance: the same seed gives byte-identical state. Default 1. */
  seed?: number | undefined;
  /** Graphs every project sees. Default ['movie', 'social_network', 'supply_chain']. */
  graphs?: readonly string[] | undefined;
  /** Jobs seeded per graph. Default 60. */
  jobsPerGraph?: number | undefined;
  /** Most jobs one graph of one project stores (default 100,000); see createEngine on capacity. */
  maxJobsPerGraph?: number | undefined;
  /** Most characters of submitted request bodies one graph of one project keeps (default 64 Mi). */
  maxRequestCharsPerGraph?: number | undefined;
  /** Graphs and jobs of a fixture document (see src/fixtures/); default none. */
  fixtures?: FixtureGraphs | undefined;
  /** Most projects that hold submissions or cancellations (default 10,000); past it a new project's first write is refused. */
  maxProjects?: number | undefined;
  /**
   * The forms jobs are served in (docs/engine.md, "Engine profiles"). Default `memory-2.2.13`, the
   * memory edition's forms; the others are those of other GES engines, `mixed` all of them.
   */
  profile?: EngineProfileName | undefined;
  /**
   * Told synchronously about every change the engine makes, as it makes it: what a journal needs to
   * replay the change, and how to take it back. Default: nobody is told.
   */
  onWrite?: ((write: EngineWrite) => void) | undefined;
  /**
   * Memory budget of the whole engine, in bytes: the submitted jobs of every project and the jobs of
   * loaded fixtures, counted as jobBytes does (request bodies and 2 KB per job). Past it a
   * submission is refused (`memory-budget`); reads go on. Default DEFAULT_MAX_STORED_BYTES.
   */
  maxStoredBytes?: number | undefined;
  /**
   * Bytes of the budget taken before any job: what the process needs for itself. `ges-mock serve`
   * passes the memory of an idle server, so that its whole RSS, not only its jobs, stays under the
   * budget. Default 0 (in a test process the budget bounds the jobs alone).
   */
  reservedBytes?: number | undefined;
}

/**
 * One change the engine made. `revert()` takes it back exactly; a caller reverts the changes it was
 * told about in reverse order, and only the latest ones (nothing made after them is kept).
 */
export type EngineWrite =
  /** A submission: the job's plan, and the jobs it evicted to make room (ids). */
  | {
      readonly kind: 'submit';
      readonly project: string;
      readonly graph: string;
      readonly plan: JobPlan;
      readonly evicted: readonly string[];
      revert(): void;
    }
  /** A cancellation of a living job at `atMs`. */
  | {
      readonly kind: 'cancel';
      readonly project: string;
      readonly graph: string;
      readonly jobId: string;
      readonly atMs: number;
      revert(): void;
    }
  /** The whole state replaced: a reset or a fixture load. */
  | { readonly kind: 'replace'; revert(): void };

/** Paging of a list or of a job's result. Already validated by the HTTP layer. */
export interface Page {
  limit: number;
  offset: number;
}

/** What GET /__mock/state shows. */
export interface EngineState {
  now: number;
  seed: number;
  /** The engine profile jobs are served in. */
  profile: EngineProfileName;
  projects: number;
  /**
   * Every project the engine holds state for, `graphs` or not yet: lists read, submissions, own
   * fixtures or clock (a world loaded but not yet read has no `graphs` row). Oldest first.
   */
  worlds: string[];
  /** Every graph every project sees: the configured ones and those a fixture document names. */
  graphNames: string[];
  graphs: { project: string; graph: string; jobCount: number; byStatus: Record<string, number> }[];
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
 * The engine's whole state at `now`: the list every project sees per graph (`graphs`), and the
 * graphs whose list differs for one project (submissions, cancellations, per-project fixtures).
 */
export interface EngineSnapshot {
  readonly now: number;
  readonly seed: number;
  readonly graphs: ReadonlyMap<string, readonly SnapshotJob[]>;
  readonly projects: ReadonlyMap<string, ReadonlyMap<string, readonly SnapshotJob[]>>;
  /** The projects whose clock differs from `now`: their own now (their jobs are listed as at it). */
  readonly clocks: ReadonlyMap<string, number>;
}

/** One project's part of the engine: what GET /__mock/projects/{id}/state shows. */
export interface ProjectState {
  project: string;
  /** The project's own virtual now: the engine's clock plus its offset. */
  now: number;
  clockOffsetMs: number;
  seed: number;
  /** Whether the project has fixtures of its own (loaded into it alone). */
  ownFixtures: boolean;
  graphNames: string[];
  graphs: { graph: string; jobCount: number; byStatus: Record<string, number> }[];
}

/** The stateful GES job engine. */
export interface Engine {
  /** A page of the graph's jobs, newest first, and the total. */
  listJobs(projectId: string, graph: string, page: Page): EngineResult<{ jobs: Job[]; jobCount: number }>;
  /** One job's status and, once finished, a page of its result. */
  getJobStatus(projectId: string, graph: string, jobId: string, page: Page): EngineResult<JobStatus>;
  /** Cancels a running or pending cancellable job. */
  cancelJob(projectId: string, graph: string, jobId: string): EngineResult<Record<string, never>>;
  /**
   * Submits an algorithm. `rawBody` is the request body exactly as received; it becomes the job's
   * `rawRequest` byte for byte. `request` is its parsed form.
   */
  executeAlgorithm(projectId: string, graph: string, rawBody: string, request: AlgorithmRequest): EngineResult<JobCreated>;
  /** The memory budget of the whole engine, in bytes as jobBytes counts them (EngineOptions.maxStoredBytes). */
  readonly maxStoredBytes: number;
  /**
   * The refusal a submission to this graph gets whatever its body says, when a body of `bodyBytes`
   * UTF-8 bytes cannot fit in the memory budget; undefined when it may. An adapter asks before reading
   * a body, so that past the budget a flood of large bodies is never buffered, parsed and thrown away.
   */
  refusesBody(projectId: string, graph: string, bodyBytes: number): EngineError | undefined;
  /** Graphs, counts by status and the clock. */
  state(): EngineState;
  /** Drops every job and seeds again (with a new seed when given), keeping the loaded fixtures. */
  reset(seed?: number): void;
  /**
   * Replaces the whole state with these fixture graphs (none: back to plain seeded graphs): every
   * project's submissions and cancellations are dropped, seeded jobs are laid out again from now.
   */
  loadFixtures(fixtures: FixtureGraphs | undefined): void;
  /** Every job the engine serves now, per graph and, where they differ, per project. */
  snapshot(): EngineSnapshot;
  /** The virtual now one project sees (the clock plus its offset); without a project, the clock's. */
  now(projectId?: string): number;
  /**
   * Moves one project's clock forward by `ms` (>= 0, checked by the caller). The project then holds
   * state of its own, so it counts against maxProjects: past the cap this is refused.
   */
  advanceProject(projectId: string, ms: number): EngineResult<number>;
  /**
   * Gives one project its own fixture graphs (the document's `graphs` with its own `projects` entry
   * over them). With `nowMs` (a document's own now) the project's clock is set there; without, it
   * stays. Its jobs are dropped; other projects are untouched. Counts against maxProjects like a
   * submission.
   */
  loadProjectFixtures(projectId: string, fixtures: FixtureGraphs, nowMs?: number): EngineResult<Record<string, never>>;
  /** Back to how the project was at the start: its jobs, own fixtures and clock offset dropped. */
  resetProject(projectId: string): void;
  /** One project's clock, graphs and counts. */
  projectState(projectId: string): ProjectState;
  /** What one project serves now (at its own now), as a snapshot whose `graphs` are its graphs. */
  projectSnapshot(projectId: string): EngineSnapshot;
}
