/** Round r runs the contenders starting from the r-th, so drift over a run hits every contender alike. */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
