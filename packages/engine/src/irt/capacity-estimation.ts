import type { IrtParameters } from './two-pl';
import { successProbability } from './two-pl';

/** Capacity grid bounds (spec §7): 81 points from −9 to +9. */
const GRID_MIN = -9;
const GRID_MAX = 9;
const GRID_POINTS = 81;
/** Grid step, 9/40 = 0.225 capacity units. */
export const CAPACITY_STEP = (GRID_MAX - GRID_MIN) / (GRID_POINTS - 1);
/** The capacity grid. */
export const CAPACITY_GRID: readonly number[] = Array.from({ length: GRID_POINTS }, (_, i) => GRID_MIN + i * CAPACITY_STEP);
/** Variance of the Gaussian prior recentred on the previous estimate, in capacity units². */
export const PRIOR_VARIANCE = 1.5;
/** Error reported before any answer: larger than any error the grid can produce. */
export const ERROR_BEFORE_ANSWERS = 5;
/** Initial capacity of a campaign (FLASH) test; certification starts lower (see `CERTIFICATION_FLASH`). */
export const DEFAULT_INITIAL_CAPACITY = 0;

/** Damping of the first moves (spec §7, optional). */
export interface CapacityDamping {
  /** Largest move, as a share (0.5 = 50 %) of max(1, |θ|). */
  readonly variationPercent: number;
  /** Damping applies to answers 1 … this one. */
  readonly variationPercentUntil: number;
}

/** Options of the estimation. */
export interface EstimationOptions {
  readonly initialCapacity: number;
  readonly damping?: CapacityDamping;
}

/** One answer as the estimation sees it. */
export interface ScoredAnswer {
  readonly challenge: IrtParameters;
  readonly ok: boolean;
}

/** Capacity θ and its error after some answers. */
export interface CapacityEstimate {
  readonly capacity: number;
  readonly error: number;
}

/**
 * EAP estimation of spec §7. The likelihood of all answers so far is multiplied by a Gaussian
 * prior of variance 1.5 centred on the previous estimate, so each answer moves θ from where it
 * was; θ is the posterior mean. The error subtracts the grid's own variance (step² / 12).
 */
export function estimateCapacity(answers: readonly ScoredAnswer[], options: EstimationOptions): CapacityEstimate {
  if (answers.length === 0) return { capacity: options.initialCapacity, error: ERROR_BEFORE_ANSWERS };
  const likelihood = CAPACITY_GRID.map(() => 1);
  let capacity = options.initialCapacity;
  let error = ERROR_BEFORE_ANSWERS;
  answers.forEach(({ challenge, ok }, i) => {
    let total = 0;
    const posterior = CAPACITY_GRID.map((theta, k) => {
      const p = successProbability(theta, challenge);
      likelihood[k] = (likelihood[k] ?? 0) * (ok ? p : 1 - p);
      const prior = Math.exp(-((theta - capacity) ** 2) / (2 * PRIOR_VARIANCE));
      const value = (likelihood[k] ?? 0) * prior;
      total += value;
      return value;
    });
    // Rescaling keeps long tests away from underflow; the posterior is normalised anyway.
    const largest = Math.max(...likelihood);
    for (let k = 0; k < likelihood.length; k++) likelihood[k] = (likelihood[k] ?? 0) / largest;
    let mean = 0;
    for (let k = 0; k < posterior.length; k++) mean += ((posterior[k] ?? 0) / total) * (CAPACITY_GRID[k] ?? 0);
    let variance = 0;
    for (let k = 0; k < posterior.length; k++) variance += ((posterior[k] ?? 0) / total) * ((CAPACITY_GRID[k] ?? 0) - mean) ** 2;
    error = Math.sqrt(Math.max(0, variance - CAPACITY_STEP ** 2 / 12));
    capacity = damped(capacity, mean, i + 1, options.damping);
  });
  return { capacity, error };
}

/** Caps the move from `previous` to `next` during the first answers. */
function damped(previous: number, next: number, answerNumber: number, damping: CapacityDamping | undefined): number {
  if (!damping || answerNumber > damping.variationPercentUntil) return next;
  const cap = Math.max(1, Math.abs(previous)) * damping.variationPercent;
  return previous + Math.min(Math.max(next - previous, -cap), cap);
}
