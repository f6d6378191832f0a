/**
 * The bench: five measures, each taken in rounds with contenders interleaved, servers in child
 * processes, results as one BenchResults value. Writing files and exit codes are the entry's business
 * (bench/bench.ts); this only measures.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { MEASURES, type BenchResults, type BenchSettings, type MeasureId } from './bench-types.js';
import { createProfiler } from './lib/profiler.js';
import { toChecks } from './lib/to-checks.js';
import { measureContractRun } from './measures/contract-run.js';
import { measureInProcess } from './measures/in-process.js';
import { measureLargestPage } from './measures/largest-page.js';
import { measureSeeding } from './measures/seeding.js';
import { measureSmallPage } from './measures/small-page.js';

/** The two modes: the real thing, and CI's seconds-long smoke run that only proves every measure runs. */
export const BENCH_MODES = {
  full: {
    mode: 'full',
    rounds: 3,
    loadSec: 3,
    smallPageRounds: 9,
    warmupSec: 2,
    journalLogPairs: 30,
    connections: 20,
    largestJobs: 100_000,
    largestRequests: 10,
    inProcessSec: 3,
    profile: false,
    peers: 'install',
  },
  smoke: {
    mode: 'smoke',
    rounds: 1,
    loadSec: 1,
    smallPageRounds: 1,
    warmupSec: 0,
    journalLogPairs: 1,
    connections: 20,
    largestJobs: 1000,
    largestRequests: 3,
    inProcessSec: 0.25,
    profile: false,
    peers: 'installed',
  },
} as const satisfies Record<string, BenchSettings>;

/** Runs the selected measures; a measure that fails is recorded with its error, and the others still run. */
export async function runBench(settings: BenchSettings, options: { command: string; log?: (line: string) => void }): Promise<BenchResults> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const loadAvgStart = loadavg();
  const profiler = createProfiler(settings.profile);
  const wanted = new Set<MeasureId>(settings.only ?? MEASURES);
  const measures: BenchResults['measures'] = {};

  const take = async <K extends MeasureId>(id: K, measure: () => Promise<NonNullable<BenchResults['measures'][K]>>) => {
    if (!wanted.has(id)) return;
    log(`${id}: starting`);
    try {
      measures[id] = await measure();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${id}: FAILED: ${message}`);
      measures[id] = { error: message };
    }
  };

  // seeding first, while no server of ours is running beside it
  await take('seeding', () => measureSeeding(settings, log));
  await take('smallPage', () => measureSmallPage(settings, profiler, log));
  await take('largestPage', () => measureLargestPage(settings, profiler, log));
  await take('inProcess', () => measureInProcess(settings, log));
  await take('contractRun', () => measureContractRun(settings, profiler, log));

  const cpu = cpus();
  return {
    schema: 1,
    mode: settings.mode,
    date: new Date().toISOString(),
    command: options.command,
    machine: {
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      cpus: cpu.length,
      cpuMHz: cpu[0]?.speed ?? 0,
      totalMemGB: totalmem() / 1024 ** 3,
      platform: process.platform,
      arch: process.arch,
      node: process.version,
      v8: process.versions.v8,
      loadAvgStart,
      loadAvgEnd: loadavg(),
    },
    settings,
    measures,
    checks: toChecks(measures, settings.mode === 'full'),
    profiles: profiler.summaries,
    durationSec: (performance.now() - started) / 1000,
  };
}
