/**
 * Largest page: every job of a graph seeded with `largestJobs` jobs (limit = that many), one request
 * at a time, the mock beside a bare server stringifying the very same jobs.
 */
import { BENCH_HEADERS, listJobsPath } from '../bench-target.js';
import type { BenchSettings, LargestPageResult } from '../bench-types.js';
import { runCleanLoad, type ServerLoadFigures } from '../lib/clean-load.js';
import { fetchPage } from '../lib/fetch-page.js';
import { startBare } from '../lib/start-bare.js';
import { median } from '../lib/median.js';
import type { Profiler } from '../lib/profiler.js';
import { rotate } from '../lib/rotate.js';
import { startMock } from '../lib/start-mock.js';

const CONTENDERS = ['mock', 'bare'] as const;
type Contender = (typeof CONTENDERS)[number];

/** Measures the latency of the largest page, mock against bare. */
export async function measureLargestPage(
  settings: BenchSettings,
  profiler: Profiler,
  log: (line: string) => void,
): Promise<LargestPageResult> {
  const jobs = settings.largestJobs;
  const path = listJobsPath(jobs, 0);
  const stops: (() => Promise<void>)[] = [];
  try {
    const mock = await startMock('largest-page-mock', ['--quiet', '--graphs', 'movie', '--jobs', String(jobs)], profiler);
    stops.push(() => mock.stop());
    // also forces the lazy seeding, so no round pays for it
    const page = await fetchPage(mock.url + path, jobs);

    const bare = await startBare('largest-page-bare', mock.url + path, profiler);
    stops.push(() => bare.stop());
    const urls: Record<Contender, string> = { mock: mock.url + path, bare: bare.url + path };
    const pids: Record<Contender, number | undefined> = { mock: mock.pid, bare: bare.pid };
    await fetchPage(urls.bare, jobs);

    const load = (who: Contender, durationSec: number, amount?: number) =>
      runCleanLoad(
        `largest page, ${who}`,
        { url: urls[who], headers: { ...BENCH_HEADERS }, connections: 1, durationSec, timeoutSec: 60, ...(amount ? { amount } : {}) },
        pids[who],
      );

    // a response takes a good fraction of a second: warm up by count, not by seconds
    if (settings.warmupSec > 0) for (const who of CONTENDERS) await load(who, 0, 3);

    const rounds: LargestPageResult['rounds'] = [];
    for (let round = 0; round < settings.rounds; round++) {
      const order = rotate(CONTENDERS, round);
      const figures = {} as Record<Contender, ServerLoadFigures>;
      for (const who of order) {
        figures[who] = await load(who, 0, settings.largestRequests);
        log(
          `largest page, round ${round + 1}/${settings.rounds}: ${who} p50 ${figures[who].latencyP50Ms} ms (${figures[who].ok} requests)`,
        );
      }
      rounds.push({ order, ...figures });
    }
    return {
      path,
      jobs,
      responseBytes: page.bytes,
      rounds,
      latencyP50Ms: { mock: median(rounds.map((r) => r.mock.latencyP50Ms)), bare: median(rounds.map((r) => r.bare.latencyP50Ms)) },
      mockOverBare: median(rounds.map((r) => r.mock.latencyP50Ms / Math.max(r.bare.latencyP50Ms, 1))),
    };
  } finally {
    await Promise.all(stops.map((stop) => stop().catch(() => {})));
  }
}
