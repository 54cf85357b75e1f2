import { INVALIDATED as INVALIDATED_STATUS, UNTESTED as UNTESTED_STATUS, VALIDATED as VALIDATED_STATUS } from './tube-evidence';

// Module-level copies: imported bindings read in hot loops cost a getter call once transpiled.
const UNTESTED = UNTESTED_STATUS;
const VALIDATED = VALIDATED_STATUS;
const INVALIDATED = INVALIDATED_STATUS;

/**
 * Posterior probability from which a skill left untested may be closed by the model
 * (spec §8: ≥ 0.95 validated, ≤ 0.05 invalidated, for every remaining skill of the tube).
 */
export const CLOSE_CONFIDENCE = 0.95;

/**
 * Weight of the squared tube-level error, in misclassified skills per level². A level wrong by
 * one costs one and a half wrong skills: lower weights bought a little accuracy at the price of
 * a level RMSE above the baseline's on the big parcours (S4), which spec §8.2 forbids.
 */
export const LEVEL_ERROR_WEIGHT = 1.5;

/**
 * What the learner's results would say about a tube if the test stopped now: which skills end
 * validated, counting model closure when the whole tube qualifies for it. Returns whether it
 * qualifies.
 */
export function reportedValidated(posterior: Float64Array, statuses: Int8Array, out: Uint8Array): boolean {
  const m = statuses.length;
  let closable = true;
  let above = 0;
  // P(skill i mastered) = P(h > i) = Σ_{h > i} posterior[h]: accumulate from the top.
  for (let i = m - 1; i >= 0; i--) {
    above += posterior[i + 1] ?? 0;
    if (statuses[i] === UNTESTED && above < CLOSE_CONFIDENCE && above > 1 - CLOSE_CONFIDENCE) closable = false;
    out[i] = above >= CLOSE_CONFIDENCE ? 1 : 0;
  }
  for (let i = 0; i < m; i++) {
    const status = statuses[i];
    if (status === VALIDATED) out[i] = 1;
    else if (status === INVALIDATED || !closable) out[i] = 0;
  }
  return closable;
}

/**
 * Expected loss of stopping now: misclassified skills plus `levelErrorWeight` × the squared
 * error of the reported tube level (highest validated), under the posterior.
 */
export function stoppingLoss(
  posterior: Float64Array,
  statuses: Int8Array,
  levels: readonly number[],
  scratch: Uint8Array,
  levelErrorWeight: number,
): number {
  reportedValidated(posterior, statuses, scratch);
  const m = statuses.length;
  let reportedLevel = 0;
  let misclassified = 0;
  for (let i = 0; i < m; i++) {
    if (scratch[i] === 1) {
      reportedLevel = levels[i] ?? 0;
      misclassified++;
    }
  }
  // For h = 0 every reported validation is wrong; each step up flips the verdict on skill h − 1.
  let loss = 0;
  for (let h = 0; h <= m; h++) {
    if (h > 0) misclassified += scratch[h - 1] === 1 ? -1 : 1;
    const trueLevel = h > 0 ? (levels[h - 1] ?? 0) : 0;
    loss += (posterior[h] ?? 0) * (misclassified + levelErrorWeight * (reportedLevel - trueLevel) ** 2);
  }
  return loss;
}
