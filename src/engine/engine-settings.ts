/**
 * The engine's settings, declared once: each with its default and what it means. createEngine reads
 * its defaults here, createApi and startGesServer take the same settings (EngineSettings), and the
 * command line's help and docs/engine.md quote these defaults (a test holds the docs to them).
 */
import { DEFAULT_ENGINE_PROFILE, ENGINE_PROFILES, isEngineProfileName, type EngineProfileName } from './engine-profiles.js';

/** What the engine can be told; every one has a default in ENGINE_DEFAULTS. */
export interface EngineSettings {
  /** Seed of the engine's data: the same seed gives byte-identical jobs. */
  seed?: number | undefined;
  /** Graphs every project sees (others are `400 graph : <name> not exist`). */
  graphs?: readonly string[] | undefined;
  /** Jobs seeded per graph. */
  jobsPerGraph?: number | undefined;
  /**
   * Most jobs one graph of one project holds, seeded and submitted (never below jobsPerGraph). At the
   * cap a submission evicts the oldest finished job; when every job still runs it is refused.
   */
  maxJobsPerGraph?: number | undefined;
  /** Most projects (worlds) that hold state of their own; past it a new project's first change is refused. */
  maxProjects?: number | undefined;
  /**
   * The forms jobs are served in (docs/engine.md, "Engine profiles"): `memory-2.2.13`, the memory
   * edition's, or another GES engine's; `mixed` draws every form, seeded and stable per job.
   */
  profile?: EngineProfileName | undefined;
  /**
   * Memory budget of the whole engine, in bytes: what it holds beyond the seeded jobs (loaded fixtures
   * and every world's own jobs), counted as jobBytes counts them. Past it a change that adds jobs is
   * refused (`memory-budget`); reads go on.
   */
  maxStoredBytes?: number | undefined;
  /**
   * Bytes of the budget taken before any job: what the process needs for itself (`ges-mock serve`
   * passes an idle server's memory, so its whole RSS stays under the budget).
   */
  reservedBytes?: number | undefined;
}

/** Every setting's default, in one place. */
export const ENGINE_DEFAULTS = {
  seed: 1,
  graphs: ['movie', 'social_network', 'supply_chain'] as readonly string[],
  jobsPerGraph: 60,
  maxJobsPerGraph: 100_000,
  maxProjects: 10_000,
  profile: DEFAULT_ENGINE_PROFILE,
  /** What a server may take in a 2 GB container, with room to spare. */
  maxStoredBytes: 768 * 1024 * 1024,
  reservedBytes: 0,
} as const satisfies Required<{ [K in keyof EngineSettings]: NonNullable<EngineSettings[K]> }>;

/** The settings with every default filled in and every value checked. */
export type ResolvedSettings = {
  readonly [K in keyof typeof ENGINE_DEFAULTS]: (typeof ENGINE_DEFAULTS)[K] extends readonly string[]
    ? readonly string[]
    : K extends 'profile'
      ? EngineProfileName
      : number;
};

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be an integer >= 0, got ${value}`);
  return value;
}

/**
 * Fills in the defaults and checks the values. A value that makes no sense (a negative count, an
 * unknown profile) throws a RangeError: a programming error of the caller, not user input.
 */
export function resolveSettings(settings: EngineSettings): ResolvedSettings {
  const profile = settings.profile ?? ENGINE_DEFAULTS.profile;
  if (!isEngineProfileName(profile)) throw new RangeError(`unknown profile "${String(profile)}"; one of ${ENGINE_PROFILES.join(', ')}`);
  const seed = settings.seed ?? ENGINE_DEFAULTS.seed;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const jobsPerGraph = count('jobsPerGraph', settings.jobsPerGraph ?? ENGINE_DEFAULTS.jobsPerGraph);
  return {
    seed,
    graphs: [...new Set(settings.graphs ?? ENGINE_DEFAULTS.graphs)],
    jobsPerGraph,
    maxJobsPerGraph: Math.max(jobsPerGraph, count('maxJobsPerGraph', settings.maxJobsPerGraph ?? ENGINE_DEFAULTS.maxJobsPerGraph)),
    maxProjects: count('maxProjects', settings.maxProjects ?? ENGINE_DEFAULTS.maxProjects),
    profile,
    maxStoredBytes: count('maxStoredBytes', settings.maxStoredBytes ?? ENGINE_DEFAULTS.maxStoredBytes),
    reservedBytes: count('reservedBytes', settings.reservedBytes ?? ENGINE_DEFAULTS.reservedBytes),
  };
}
