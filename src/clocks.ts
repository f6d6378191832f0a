/**
 * The two clocks the engine reads time from: a manual one for tests and a system one for servers.
 * A leaf module the engine never imports: the engine is handed a Clock, so it cannot reach Date.now().
 */
import type { AdjustableClock } from './engine/engine-types.js';

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

/** Options of createSystemClock. */
export interface SystemClockOptions {
  /** How many virtual milliseconds pass per real millisecond. Default 1; 60 makes a minute pass per second. */
  speed?: number | undefined;
  /** Virtual time at creation, epoch ms. Default: the real time at creation. */
  startMs?: number | undefined;
}

/**
 * The real clock, optionally sped up and pushed forward: virtual now =
 * start + (Date.now() - realStart) * speed + advanced. `advance(ms)` adds to the offset, so
 * `POST /__mock/clock` can jump a running server forward without waiting.
 * Throws a RangeError for a negative or non-finite speed or step (caller bugs; the CLI and HTTP
 * layer validate user input first).
 */
export function createSystemClock(options: SystemClockOptions = {}): AdjustableClock {
  const speed = options.speed ?? 1;
  if (!Number.isFinite(speed) || speed < 0) throw new RangeError(`speed must be a finite number >= 0, got ${speed}`);
  const realStart = Date.now();
  const start = options.startMs ?? realStart;
  if (!Number.isFinite(start)) throw new RangeError(`startMs must be finite, got ${start}`);
  let advanced = 0;
  const at = (realMs: number) => Math.floor(start + (realMs - realStart) * speed + advanced);
  return {
    now: () => at(Date.now()),
    at,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      advanced += ms;
    },
  };
}

/**
 * The platform's monotonic clock in milliseconds (`performance.now()`), read through the object
 * captured once here: in Node the `performance` global is a lazy accessor, so every
 * `performance.now()` written out costs a getter call besides the read. Works in browsers alike.
 */
const platformPerformance = globalThis.performance;
export const monotonicNow = (): number => platformPerformance.now();

/** How long, in monotonic ms, an offset between the wall clock and the monotonic one is trusted. */
const WALL_OFFSET_TRUSTED_MS = 50;

/**
 * Turns monotonicNow() readings into wall-clock epoch ms (whole ms) without reading the wall clock
 * per call: the offset between the two clocks is read again once the monotonic clock has moved
 * WALL_OFFSET_TRUSTED_MS past the last reading, so a wall clock that is stepped, or a
 * machine that slept (the monotonic clock stops while it sleeps), is followed within that time, and a
 * server answering thousands of requests a second reads the wall clock a few times a second.
 * The offset is rounded up by the millisecond `Date.now()` cuts off, so a time read with `Date.now()`
 * before the instant is never later than the instant's conversion.
 */
export function createWallTime(): (monotonicMs: number) => number {
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  return (monotonicMs) => {
    if (monotonicMs - readAt >= WALL_OFFSET_TRUSTED_MS) {
      readAt = monotonicNow();
      offset = Date.now() + 1 - readAt;
    }
    return Math.floor(offset + monotonicMs);
  };
}
