import type { AdjustableClock } from './engine-types.js';

/** 2024-05-23 10:00:00 in China time, just after the GES seed example's jobs. */
export const DEFAULT_MANUAL_CLOCK_START_MS = Date.UTC(2024, 4, 23, 2, 0, 0);

/**
 * A clock that moves only when told to: tests step virtual time with `advance(ms)` and the engine
 * computes every job's lifecycle from it, so no test sleeps or races a timer.
 * `advance` throws a RangeError for a negative or non-finite step (a caller bug, not user input:
 * the HTTP layer validates what users send before calling it).
 */
export function createManualClock(startMs: number = DEFAULT_MANUAL_CLOCK_START_MS): AdjustableClock {
  if (!Number.isFinite(startMs)) throw new RangeError(`clock start must be a finite number, got ${startMs}`);
  let now = Math.floor(startMs);
  return {
    now: () => now,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      now += ms;
    },
  };
}
