/**
 * The interval the bench judges the journal-and-log target by: the sign test's distribution-free
 * interval for a median. Checked against the ranks statistics tables give, and against its promise
 * (at least 95 % of samples' intervals hold the true median) on a skewed distribution.
 */
import { describe, expect, it } from 'vitest';
import { medianInterval } from '../../bench/lib/median.js';

const ranks = (n: number) => medianInterval(Array.from({ length: n }, (_, i) => i + 1));

describe('medianInterval', () => {
  it('takes the ranks of the sign test (n = 6, 10, 30, 100), whatever order the values come in', () => {
    expect(ranks(5)).toBeUndefined();
    expect(ranks(6)).toEqual([1, 6]);
    expect(ranks(10)).toEqual([2, 9]);
    expect(ranks(30)).toEqual([10, 21]);
    expect(ranks(100)).toEqual([40, 61]);
    expect(medianInterval([9, 1, 8, 2, 7, 3, 6, 4, 5, 10])).toEqual([2, 9]);
  });

  it('holds the true median in at least 95 % of samples of a skewed distribution', () => {
    // Exponential with rate 1 (median ln 2), drawn from a fixed-seed generator.
    let state = 12345;
    const uniform = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return (state + 0.5) / 2 ** 31;
    };
    const trueMedian = Math.LN2;
    let held = 0;
    const samples = 2000;
    for (let s = 0; s < samples; s++) {
      const values = Array.from({ length: 30 }, () => -Math.log(uniform()));
      const [low, high] = medianInterval(values)!;
      if (low <= trueMedian && trueMedian <= high) held += 1;
    }
    expect(held / samples).toBeGreaterThanOrEqual(0.94); // 95.7 % in theory for n = 30; sampling spread allowed
    expect(held / samples).toBeLessThan(0.99); // and not a vacuous interval
  });
});
