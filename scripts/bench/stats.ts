/**
 * Figures from repeated runs: medians, their spread, and whether a reported difference stands out
 * from that spread. Pure functions, so the bench's arithmetic is unit-tested
 * (tests/unit/bench-stats.test.ts).
 */

/** The median and the range (min-max) of a set of measurements. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** max - min: how far apart the runs were. */
  width: number;
}

/** Median and range of the finite values; NaN everywhere when there are none. */
export function spreadOf(values: number[]): Spread {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN, width: NaN };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  return { median, min, max, width: max - min };
}

/**
 * True when the runs scatter more than the difference between the two medians: the difference
 * is then within the machine's noise, and the comparison says little. Either side's range counts.
 */
export function spreadExceedsDifference(a: Spread, b: Spread): boolean {
  const difference = Math.abs(a.median - b.median);
  return Math.max(a.width, b.width) > difference;
}

/**
 * True when the per-run ratios lie on both sides of a target, or their range is wider than the
 * distance between their median and the target: whether the target is met is then down to noise.
 */
export function ratioUndecided(ratios: Spread, target: number): boolean {
  if (!Number.isFinite(ratios.median)) return false;
  const straddles = ratios.min <= target && ratios.max > target;
  return straddles || ratios.width > Math.abs(ratios.median - target);
}

/** Per-run ratios a[i] / b[i] of paired runs (same trial), skipping runs where b is not positive. */
export function pairedRatios(a: number[], b: number[]): number[] {
  return a.flatMap((x, i) => (b[i]! > 0 && Number.isFinite(x) ? [x / b[i]!] : []));
}

/**
 * The order of the three builds in each run: they alternate, so that neither side always gets the
 * machine's quieter (or warmer) moment. Run 1 starts with the portal, run 2 with the floor, and so on.
 */
export function runOrder(run: number): ('portal' | 'floor')[] {
  return run % 2 === 1 ? ['portal', 'floor'] : ['floor', 'portal'];
}
