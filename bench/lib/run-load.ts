/**
 * A typed door to autocannon's programmatic API. autocannon ships no types and we may not add
 * @types packages, so the few fields the bench reads are declared here, once, and checked at run time.
 */
import { createRequire } from 'node:module';

/** One load run: where, how hard, how long. */
export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  /** Concurrent connections (autocannon `connections`). */
  connections: number;
  /** Seconds of load (ignored when `amount` is given). */
  durationSec: number;
  /** Send exactly this many requests instead of loading for `durationSec`. */
  amount?: number;
  /** Seconds before a request counts as timed out. Default 30 (the largest page is tens of MB). */
  timeoutSec?: number;
  /** Offer at most this many requests per second in all (autocannon `overallRate`); default: as fast as answered. */
  overallRate?: number;
}

/** What the bench keeps of an autocannon result. */
export interface LoadFigures {
  /** Completed 2xx responses per second of wall time. */
  reqPerSec: number;
  /** Latency percentiles in milliseconds. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  /** Responses that counted. */
  ok: number;
  /** Everything that did not: non-2xx answers, socket errors, timeouts. */
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean response size, bytes (headers included, as autocannon counts them). */
  bytesPerResponse: number;
  durationSec: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number; mean: number };
  throughput: { total: number };
  requests: { total: number };
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Runs autocannon once and reduces its result to the figures the bench reports. */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    headers: options.headers ?? {},
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSec }),
    timeout: options.timeoutSec ?? 30,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    // the bench prints its own summary; autocannon's progress bar would only fight it
    renderProgressBar: false,
    renderResultsTable: false,
  });
  if (typeof result?.['2xx'] !== 'number' || typeof result.latency?.p50 !== 'number') {
    throw new Error('autocannon returned a result of an unexpected shape');
  }
  const durationSec = result.duration > 0 ? result.duration : options.durationSec;
  const responses = result.requests.total || 1;
  return {
    reqPerSec: result['2xx'] / durationSec,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: result.latency.mean,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: result.throughput.total / responses,
    durationSec,
  };
}
