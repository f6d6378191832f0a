/**
 * Named starting points for front-end work and tests: spread one into createGesHandlers,
 * setupGesServer or createApi, e.g. `setupGesServer({ ...gesScenarios.flaky, seed: 2 })`.
 * Each is plain ApiOptions, so it can be combined with any other option.
 */
import type { ApiOptions } from '../src/http/create-api.js';

/** The scenarios by name. */
export const gesScenarios = {
  /** Seeded graphs of 60 jobs each, no faults: what `ges-mock serve` starts with. */
  default: {},
  /** Every graph exists but holds no job yet: the empty state of a job list. */
  empty: { jobsPerGraph: 0 },
  /** 5,000 jobs per graph: pagination, virtual scrolling, large pages. */
  crowded: { jobsPerGraph: 5_000 },
  /** Every answer takes 0.4 to 1.5 s: spinners and skeletons. */
  slow: { faults: { latency: { minMs: 400, maxMs: 1_500 } } },
  /** One answer in five is a 503 GES.8602: retries and error toasts. */
  flaky: { faults: { errorRate: { rate: 0.2, status: 503 } } },
  /** Every answer is a 503 GES.8602: the engine-down screen. */
  unavailable: { faults: { errorRate: { rate: 1, status: 503 } } },
  /** No answer at all, the connection is reset: the offline state. */
  offline: { faults: { connectionFault: { kind: 'CONNECTION_RESET_BY_PEER', rate: 1 } } },
  /** The only accepted token is one nobody sends: every request gets 401 GES.8007 (session expired). */
  unauthorized: { tokens: ['token-nobody-sends'] },
} as const satisfies Record<string, ApiOptions>;

/** A scenario's name. */
export type GesScenarioName = keyof typeof gesScenarios;
