/**
 * Where a journal's fdatasync runs: on the event loop while the disk answers fast, in libuv's pool
 * while it is slow. On the loop a sync blocks the server for its duration but costs no thread hand-off;
 * on this kind of 2-core machine the hand-off (two threads woken per flush) costs the server more CPU
 * than a fast sync's wait, while a slow disk on the loop would stall every read behind it.
 *
 * The choice follows the disk's typical sync time, a moving average of the last several syncs
 * (wherever they ran), not a single one: under load a fast disk still has the odd slow sync. Judging
 * by one sync, each such outlier sent the syncs of the following second to the pool (four in five of
 * them, measured at 1,000 writing projects), paying the hand-off for an outlier; averaged, a
 * few-millisecond outlier changes nothing, and a long stall sends only the next few syncs there.
 */

/** Past this typical sync time, syncs go to the pool. */
export const SLOW_SYNC_MS = 2;
/** The average's weight of one new sync: 1/8, so it follows the last eight or so syncs. */
const WEIGHT = 1 / 8;

/** Decides where each sync runs from the times of the syncs before it. */
export interface SyncPlacement {
  /** Whether the next sync should run on the event loop. */
  onLoop(): boolean;
  /** Tells how long a sync took (on the loop, or from call to callback in the pool). */
  observe(ms: number): void;
}

export function createSyncPlacement(slowMs = SLOW_SYNC_MS): SyncPlacement {
  let typical = 0;
  return {
    onLoop: () => typical <= slowMs,
    observe(ms) {
      typical += (ms - typical) * WEIGHT;
    },
  };
}
