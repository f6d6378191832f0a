/** Seeding: time and heap until `largestJobs` jobs exist, each round in a fresh `node --expose-gc` process. */
import type { BenchSettings, SeedingResult } from '../bench-types.js';
import { forkChild } from '../lib/fork-child.js';
import { median } from '../lib/median.js';
import { probeRounds } from '../lib/probe-rounds.js';

/** Measures seeding in isolated child processes. */
export async function measureSeeding(settings: BenchSettings, log: (line: string) => void): Promise<SeedingResult> {
  const rounds: SeedingResult['rounds'] = await probeRounds(
    settings.rounds,
    () => forkChild('seed-probe', ['--jobs', String(settings.largestJobs)], { nodeFlags: ['--expose-gc'] }),
    (answer) => ({
      seedMs: Number(answer.seedMs),
      heapBytes: Number(answer.heapBytes),
      firstTouchMs: Number(answer.firstTouchMs),
      firstTouchHeapBytes: Number(answer.firstTouchHeapBytes),
    }),
    (last, label) =>
      `seeding, ${label}: every job ${Math.round(last.seedMs)} ms, ${(last.heapBytes / 1e6).toFixed(1)} MB; ` +
      `first touch ${Math.round(last.firstTouchMs)} ms, ${(last.firstTouchHeapBytes / 1e6).toFixed(1)} MB`,
    log,
  );
  return {
    jobs: settings.largestJobs,
    rounds,
    seedMs: median(rounds.map((r) => r.seedMs)),
    heapMB: median(rounds.map((r) => r.heapBytes)) / 1e6,
    firstTouchMs: median(rounds.map((r) => r.firstTouchMs)),
    firstTouchHeapMB: median(rounds.map((r) => r.firstTouchHeapBytes)) / 1e6,
  };
}
