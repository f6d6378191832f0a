/** Shapes of the bench's settings and results (bench/results.json follows BenchResults). */
import type { ServerLoadFigures } from './lib/clean-load.js';
import type { PeerId } from './lib/start-peer.js';
import type { ProfileHotspot } from './lib/summarize-profile.js';

/** The five measures the bench takes (docs/benchmarks.md, "What is measured"). */
export const MEASURES = ['smallPage', 'largestPage', 'seeding', 'inProcess', 'contractRun'] as const;
/** One of the five measures. */
export type MeasureId = (typeof MEASURES)[number];

/** How hard and how long the bench runs. */
export interface BenchSettings {
  mode: 'full' | 'smoke';
  /** Rounds per measure; each round runs every contender once, in a rotated order. */
  rounds: number;
  /** Seconds of load per contender per round (small page). */
  loadSec: number;
  /**
   * Rounds of the small page: more and shorter than the others', since on a shared machine a server's
   * cost drifts by a third within seconds, and only ratios of loads taken seconds apart cancel it.
   */
  smallPageRounds: number;
  /** Seconds of unmeasured load per contender before the first round (JIT, caches). */
  warmupSec: number;
  /** ABBA pairs of one-second slices measuring the journal and the log in one process. */
  journalLogPairs: number;
  /** Connections of the small-page load. */
  connections: number;
  /** Jobs in the one graph of the largest page and of the seeding probe. */
  largestJobs: number;
  /** Requests, one at a time, per contender per round (largest page: each takes a good part of a second). */
  largestRequests: number;
  /** Seconds each in-process loop runs per round. */
  inProcessSec: number;
  /** Profile the mock servers with --cpu-prof and rank their hot functions. */
  profile: boolean;
  /** Run only these measures (all when absent). */
  only?: readonly MeasureId[];
  /** The other mocks of the small page: installed on demand, only those already installed, or none. */
  peers: 'install' | 'installed' | 'none';
  /** Another checkout of the kit whose mock runs as one more contender, to measure a change beside the old code. */
  baselineDir?: string;
}

/** One peer mock of the small page: how it ran, or why it could not. */
export interface PeerResult {
  id: PeerId;
  label: string;
  /** Package and version, when installed. */
  version?: string;
  command?: string;
  /** Why it was not measured (not installed, did not start, a load with errors). */
  error?: string;
  /** Median req/s over the rounds. */
  reqPerSec?: number;
  /** Medians of the per-round ratios: the peer over bare, the mock over the peer. */
  overBare?: number;
  mockOverPeer?: number;
  /** Median server CPU µs per request. */
  cpuUsPerRequest?: number;
  responseBytes?: number;
}

/** The mock of another checkout (`--baseline`), log off, in the same rounds. */
export interface BaselineResult {
  dir: string;
  /** The last commit of that checkout, when it is a git one. */
  commit?: string;
  reqPerSec: number;
  overBare: number;
  /** Median of per-round ratios this checkout's mock / the baseline's. */
  mockOverBaseline: number;
  cpuUsPerRequest?: number;
}

/** A measure that could not be taken says why instead of giving figures. */
export interface MeasureError {
  error: string;
}

/**
 * Small page: `ges-mock serve` beside Prism and the bare server. `mock` is `--quiet`; `mockLogged` is
 * the command as users start it (request log on, to a file); `mockSilent` is `--quiet --journal-size
 * 0` (neither log nor journal). Fields absent from results older than them are optional.
 */
export interface SmallPageResult {
  path: string;
  connections: number;
  prismCommand: string;
  rounds: {
    order: string[];
    mock: ServerLoadFigures;
    mockLogged?: ServerLoadFigures;
    mockSilent?: ServerLoadFigures;
    prism: ServerLoadFigures;
    bare: ServerLoadFigures;
    peers?: Partial<Record<PeerId, ServerLoadFigures>>;
    baseline?: ServerLoadFigures;
  }[];
  /** Medians of the rounds, requests per second. */
  reqPerSec: { mock: number; mockLogged?: number; mockSilent?: number; prism: number; bare: number };
  /** Medians of the per-round ratios (so drift within a round cancels). */
  mockOverPrism: number;
  mockOverBare: number;
  /** The mock with its request log on, against Prism. */
  loggedOverPrism?: number;
  /** The mock with its request log on, against itself with it off: the share of throughput logging keeps. */
  loggedOverMock?: number;
  /** The mock with its request log on, against bare. */
  loggedOverBare?: number;
  /** What the request journal and the log together cost: req/s without both over req/s with both, less 1. */
  journalAndLog?: number;
  /** The same, by CPU per request in one process, both servers side by side (what the verdict judges). */
  journalAndLogPaired?: JournalAndLogResult;
  /** The other mocks, measured in the same rounds (absent from results older than them). */
  peers?: PeerResult[];
  baseline?: BaselineResult;
  /**
   * The same comparison by the servers' own CPU time per request (Linux): what the req/s ratios would
   * be if each server, not the load generator, were the bottleneck. Medians of per-round ratios.
   */
  byCpu?: {
    usPerRequest: { mock: number; mockLogged?: number; mockSilent?: number; prism: number; bare: number };
    mockOverPrism: number;
    mockOverBare: number;
    loggedOverBare?: number;
    /** CPU per request with both over CPU without, less 1. */
    journalAndLog?: number;
    mockBusy: number;
  };
  responseBytes: { mock: number; mockLogged?: number; mockSilent?: number; prism: number; bare: number };
}

/** What the `on` server of the journal-and-log pair has: both, one of the two, or neither (an A/A check). */
export type PairOn = 'both' | 'journal' | 'log' | 'neither';

/** The request journal and the log together, both on against both off, in one process (bench/measures/journal-and-log.ts). */
export interface JournalAndLogResult {
  /** ABBA pairs of slices measured. */
  pairs: number;
  sliceSec: number;
  /** Medians of the slices: the process's CPU per request with both on, and with both off. */
  usPerRequest: { on: number; off: number };
  /** Median of the pairs' ratios (CPU per request on over off, less 1): what the verdict judges. */
  share: number;
  /** The pairs' ratios at the first and third quartile. */
  quartiles: [number, number];
  /**
   * A 95 % interval for the median (bench/lib/median.ts `medianInterval`); undefined below 6 pairs.
   * The verdict passes only when all of it is within the target: a median under it by luck is not shown.
   */
  medianInterval: [number, number] | undefined;
  /**
   * Where the difference goes, by thread (Linux): medians of the pairs' differences, on less off, in
   * µs of CPU per request: the main thread's user time (JavaScript, the collector's main-thread part)
   * and system time (its system calls), and the other threads' (the collector's helpers, libuv's pool).
   */
  threads?: { mainUser: number; mainSystem: number; otherThreads: number } | undefined;
}

/** Largest page: one request at a time for every job of a graph. */
export interface LargestPageResult {
  path: string;
  jobs: number;
  responseBytes: number;
  rounds: { order: string[]; mock: ServerLoadFigures; bare: ServerLoadFigures }[];
  /** Medians of the rounds' median latencies, ms. */
  latencyP50Ms: { mock: number; bare: number };
  /** Median of the per-round ratios mock p50 / bare p50. */
  mockOverBare: number;
}

/**
 * Seeding in a fresh process. The engine seeds lazily, so: `seedMs`/`heapMB` until every job exists
 * (createEngine + listJobs(limit 1) + listJobs(limit N)); `firstTouch*` for createEngine + listJobs(limit 1) alone.
 */
export interface SeedingResult {
  jobs: number;
  rounds: { seedMs: number; heapBytes: number; firstTouchMs: number; firstTouchHeapBytes: number }[];
  seedMs: number;
  heapMB: number;
  firstTouchMs: number;
  firstTouchHeapMB: number;
}

/** In-process: MSW's pipeline over the handlers, without and with fetch. */
export interface InProcessResult {
  path: string;
  rounds: { getResponse: number; setupServerFetch: number; trivialGetResponse: number; trivialSetupServerFetch: number }[];
  /** Medians, requests per second (one request at a time, awaited). */
  reqPerSec: { getResponse: number; setupServerFetch: number };
  /** MSW's own ceiling: handlers of the same shape whose resolver returns the same body text at once. */
  trivialHandlerReqPerSec: { getResponse: number; setupServerFetch: number };
}

/** The contract suite against the standalone mock. */
export interface ContractRunResult {
  command: string;
  rounds: { ms: number; exitCode: number | null }[];
  ms: number;
  /** Every round's contract run passed (exit code 0). */
  passed: boolean;
}

/** One row of the verdict table. */
export interface BenchCheck {
  measure: MeasureId;
  label: string;
  /** The figure as a reader reads it, e.g. "14.2× Prism". */
  figure: string;
  target: string;
  /** null when not judged: smoke mode, or the measure failed (then figure says so). */
  pass: boolean | null;
}

/** Where the machine and the run stood. */
interface MachineFacts {
  cpuModel: string;
  cpus: number;
  cpuMHz: number;
  totalMemGB: number;
  platform: string;
  arch: string;
  node: string;
  v8: string;
  loadAvgStart: number[];
  loadAvgEnd: number[];
}

/** A profiled server's hottest functions. */
export interface ProfileSummary {
  label: string;
  file: string;
  /** Every function by self time. */
  self: ProfileHotspot[];
  /** Our own functions by inclusive time. */
  oursInclusive: ProfileHotspot[];
}

/** Everything one bench run produced; bench/results.json. */
export interface BenchResults {
  schema: 1;
  mode: 'full' | 'smoke';
  date: string;
  command: string;
  machine: MachineFacts;
  settings: BenchSettings;
  measures: {
    smallPage?: SmallPageResult | MeasureError;
    largestPage?: LargestPageResult | MeasureError;
    seeding?: SeedingResult | MeasureError;
    inProcess?: InProcessResult | MeasureError;
    contractRun?: ContractRunResult | MeasureError;
  };
  checks: BenchCheck[];
  profiles: ProfileSummary[];
  durationSec: number;
}
