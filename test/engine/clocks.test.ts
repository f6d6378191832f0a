import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MANUAL_CLOCK_START_MS, createManualClock } from '../../src/clocks.js';
import { createSystemClock, createWallTime, monotonicNow } from '../../src/clocks.js';
import { formatChinaTime } from '../../src/engine/format-time.js';
import { readJobTime } from '../../src/spec/read-job-time.js';

afterEach(() => vi.restoreAllMocks());

describe('manual clock', () => {
  it('starts at 2024-05-23 10:00:00 China time and moves only when advanced', () => {
    const clock = createManualClock();
    expect(clock.now()).toBe(DEFAULT_MANUAL_CLOCK_START_MS);
    expect(formatChinaTime(clock.now())).toBe('2024-05-23 10:00:00');
    clock.advance(1_500);
    expect(clock.now()).toBe(DEFAULT_MANUAL_CLOCK_START_MS + 1_500);
    expect(createManualClock(5).now()).toBe(5);
  });

  it('refuses to go backwards', () => {
    const clock = createManualClock();
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});

describe('system clock', () => {
  it('runs from its start at `speed` times real time, plus what was advanced', () => {
    let real = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => real);
    const clock = createSystemClock({ speed: 60, startMs: 5_000 });
    expect(clock.now()).toBe(5_000);
    real += 1_000;
    expect(clock.now()).toBe(65_000);
    clock.advance(10_000);
    expect(clock.now()).toBe(75_000);
    expect(createSystemClock().now()).toBe(real);
    expect(() => createSystemClock({ speed: -1 })).toThrow(RangeError);
  });

  it('tells the time it shows at a real instant read elsewhere (at), advances included, without reading the real clock', () => {
    let real = 1_000_000;
    const read = vi.spyOn(Date, 'now').mockImplementation(() => real);
    const clock = createSystemClock({ speed: 60, startMs: 5_000 });
    clock.advance(10_000);
    real += 500;
    const reads = read.mock.calls.length;
    expect(clock.at!(real)).toBe(clock.now());
    expect(clock.at!(1_002_000)).toBe(5_000 + 2_000 * 60 + 10_000); // an instant yet to come
    expect(clock.at!(999_000)).toBe(5_000 - 1_000 * 60 + 10_000); // one gone by
    expect(read.mock.calls.length).toBe(reads + 1); // now() read it; at() did not
    expect(createManualClock().at).toBeUndefined(); // a clock not on real time is asked now()
  });
});

describe('wall time of a monotonic instant', () => {
  it('is never before the wall clock read ahead of the instant, and at most a millisecond after it', () => {
    const wallTime = createWallTime();
    for (let i = 0; i < 1_000; i++) {
      const before = Date.now();
      const instant = monotonicNow();
      const after = Date.now();
      const wall = wallTime(instant);
      expect(wall).toBeGreaterThanOrEqual(before);
      expect(wall).toBeLessThanOrEqual(after + 1);
      expect(Number.isInteger(wall)).toBe(true);
    }
  });

  it('follows a wall clock that is stepped (or a machine that slept) once 50 monotonic ms have passed', () => {
    let wall = Date.UTC(2030, 0, 1);
    let mono = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => wall);
    vi.spyOn(performance, 'now').mockImplementation(() => mono);
    const wallTime = createWallTime();
    expect(wallTime(mono)).toBe(wall + 1);
    mono += 10;
    wall += 3_600_000 + 10; // stepped an hour forward
    expect(wallTime(mono)).toBe(Date.UTC(2030, 0, 1) + 11); // the offset is trusted for 50 ms
    mono += 40;
    wall += 40;
    expect(wallTime(mono)).toBe(wall + 1);
    expect(wallTime(mono - 20)).toBe(wall - 19); // an earlier instant, read later, by the same offset
  });
});

describe('China time format', () => {
  it('formats and parses the seed example’s instants', () => {
    expect(formatChinaTime(1716428001745)).toBe('2024-05-23 09:33:21');
    expect(readJobTime('2024-05-23 09:33:21')).toBe(1716428001000);
    expect(formatChinaTime(Date.UTC(2024, 11, 31, 16, 0, 0))).toBe('2025-01-01 00:00:00');
    expect(readJobTime('not a time')).toBeUndefined();
  });
});
