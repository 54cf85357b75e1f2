import { createRandom } from '../random';

/** Arithmetic mean; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Median (mean of the two middle values for an even count); 0 for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Nearest-rank percentile, q in (0, 1]; 0 for an empty list. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

/** Resamples drawn for a bootstrap interval. */
export const BOOTSTRAP_RESAMPLES = 2000;

/**
 * Paired percentile bootstrap of a difference of pooled rates, 95 %: learners are resampled
 * with replacement, each keeping both engines' results, and the rate difference is recomputed
 * as Σ(right_b − right_a) / Σ total, in points.
 */
export function pairedBootstrapRateDiff(
  rightA: readonly number[],
  rightB: readonly number[],
  totals: readonly number[],
  seed: number,
): [number, number] {
  const n = totals.length;
  if (n === 0) return [0, 0];
  const random = createRandom(seed, 0xb007);
  const diffs: number[] = [];
  for (let r = 0; r < BOOTSTRAP_RESAMPLES; r++) {
    let diff = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const k = random.int(n);
      diff += (rightB[k] ?? 0) - (rightA[k] ?? 0);
      total += totals[k] ?? 0;
    }
    diffs.push(total === 0 ? 0 : (100 * diff) / total);
  }
  diffs.sort((a, b) => a - b);
  return [diffs[Math.floor(0.025 * BOOTSTRAP_RESAMPLES)] ?? 0, diffs[Math.ceil(0.975 * BOOTSTRAP_RESAMPLES) - 1] ?? 0];
}
