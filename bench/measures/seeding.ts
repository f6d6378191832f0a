/** Seeding: time and heap until `largestJobs` jobs exist, each round in a fresh `node --expose-gc` process. */
import type { BenchSettings, SeedingResult } from '../bench-types.js';
import { forkChild } from '../lib/fork-child.js';
import { median } from '../lib/median.js';

/** Measures seeding in isolated child processes. */
export async function measureSeeding(settings: BenchSettings, log: (line: string) => void): Promise<SeedingResult> {
  const rounds: SeedingResult['rounds'] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const probe = forkChild('seed-probe', ['--jobs', String(settings.largestJobs)], { nodeFlags: ['--expose-gc'] });
    try {
      const answer = await probe.first;
      rounds.push({
        seedMs: Number(answer.seedMs),
        heapBytes: Number(answer.heapBytes),
        firstTouchMs: Number(answer.firstTouchMs),
        firstTouchHeapBytes: Number(answer.firstTouchHeapBytes),
      });
    } finally {
      await probe.stop();
    }
    const last = rounds[rounds.length - 1]!;
    log(
      `seeding, round ${round + 1}/${settings.rounds}: every job ${Math.round(last.seedMs)} ms, ${(last.heapBytes / 1e6).toFixed(1)} MB; ` +
        `first touch ${Math.round(last.firstTouchMs)} ms, ${(last.firstTouchHeapBytes / 1e6).toFixed(1)} MB`,
    );
  }
  return {
    jobs: settings.largestJobs,
    rounds,
    seedMs: median(rounds.map((r) => r.seedMs)),
    heapMB: median(rounds.map((r) => r.heapBytes)) / 1e6,
    firstTouchMs: median(rounds.map((r) => r.firstTouchMs)),
    firstTouchHeapMB: median(rounds.map((r) => r.firstTouchHeapBytes)) / 1e6,
  };
}
