import { describe, expect, it } from 'vitest';
import { createSyncPlacement, SLOW_SYNC_MS } from '../../src/persistence/sync-placement.js';

/** Feeds `times` (ms) as observed syncs; returns, per sync, whether it was placed on the loop. */
function place(times: readonly number[]): boolean[] {
  const placement = createSyncPlacement();
  return times.map((ms) => {
    const onLoop = placement.onLoop();
    placement.observe(ms);
    return onLoop;
  });
}

describe('where a journal sync runs', () => {
  it('stays on the event loop while the disk answers fast, even with the odd slow sync under load', () => {
    const times = Array.from({ length: 2_000 }, (_, i) => (i % 50 === 49 ? 12 : 0.3));
    expect(place(times).every(Boolean)).toBe(true);
  });

  it('moves to the pool within a dozen syncs once the disk is typically slow, and back once it is fast', () => {
    const times = [...Array(100).fill(0.3), ...Array(100).fill(2 * SLOW_SYNC_MS), ...Array(100).fill(0.4)];
    const onLoop = place(times);
    const firstPooled = onLoop.indexOf(false);
    expect(firstPooled).toBeGreaterThan(100);
    expect(firstPooled).toBeLessThanOrEqual(112);
    // every sync of the slow stretch after the switch ran in the pool
    expect(onLoop.slice(firstPooled, 200).every((loop) => !loop)).toBe(true);
    const back = onLoop.indexOf(true, 200);
    expect(back).toBeGreaterThan(200);
    expect(back).toBeLessThanOrEqual(215);
    expect(onLoop.slice(back).every(Boolean)).toBe(true);
  });

  it('sends the next syncs to the pool at once after a long stall, and only a few of them', () => {
    const onLoop = place([...Array(20).fill(0.3), 250, ...Array(60).fill(0.3)]);
    expect(onLoop[21]).toBe(false);
    const pooled = onLoop.filter((loop) => !loop).length;
    expect(pooled).toBeGreaterThan(5);
    expect(pooled).toBeLessThan(40);
  });
});
