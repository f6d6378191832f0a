/** Small statistics: the bench reports medians of rounds, because one machine's noise is not a figure. */

/** The median of a non-empty list (mean of the middle two when even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `q` quantile of a list (the value at rank ⌊q·n⌋ of it sorted, the last for q = 1), NaN for an empty one. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}

/**
 * A distribution-free interval for the median of the population `values` were drawn from: the k-th
 * smallest and k-th largest values, k the largest rank with P(Binomial(n, ½) < k) ≤ (1 − confidence)/2
 * (the sign test's interval). It holds at least `confidence` whatever the distribution, and is as wide
 * as the values' spread says: a reader of one median learns how far the machine let it be trusted.
 * Undefined below 6 values, where no pair of ranks reaches 95 %.
 */
export function medianInterval(values: readonly number[], confidence = 0.95): [number, number] | undefined {
  const n = values.length;
  const tail = (1 - confidence) / 2;
  // P(X < k) for X ~ Binomial(n, ½), accumulated term by term (n is a few hundred at most here).
  let term = 0.5 ** n; // P(X = 0)
  let below = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (below + term > tail) break;
    below += term;
    term = (term * (n - i)) / (i + 1);
    k = i + 1;
  }
  if (k === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[k - 1]!, sorted[n - k]!];
}
