/** One fresh child probe per round: the measures that run a whole probe in a child share this loop. */
import type { ForkedChild } from './fork-child.js';

/**
 * Starts `start()` once per round, turns its first message into a round with `read`, stops the
 * child whatever happens, and logs each round with `describe`.
 */
export async function probeRounds<T>(
  count: number,
  start: () => ForkedChild,
  read: (answer: Record<string, unknown>) => T,
  describe: (round: T, label: string) => string,
  log: (line: string) => void,
): Promise<T[]> {
  const rounds: T[] = [];
  for (let round = 0; round < count; round++) {
    const probe = start();
    try {
      rounds.push(read(await probe.first));
    } finally {
      await probe.stop();
    }
    log(describe(rounds[rounds.length - 1]!, `round ${round + 1}/${count}`));
  }
  return rounds;
}
