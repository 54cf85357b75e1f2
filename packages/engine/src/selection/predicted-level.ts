import { sigmoid } from './logistic';

/** One observation of §6.1: a direct outcome (1 = validated, 0 = not) at a skill level. */
export interface LevelObservation {
  readonly level: number;
  readonly outcome: 0 | 1;
}

/** Candidate levels 0.5, 1.0, …, 7.5 (spec §6.1). */
const CANDIDATE_LEVELS: readonly number[] = Array.from({ length: 15 }, (_, i) => 0.5 + i / 2);

/**
 * Two pseudo-observations anchor the estimate: everybody masters level 0 and nobody level 7,
 * so that one answer cannot push the prediction to an end of the scale.
 */
const PSEUDO_OBSERVATIONS: readonly LevelObservation[] = [
  { level: 0, outcome: 1 },
  { level: 7, outcome: 0 },
];

/**
 * The smart-random predicted level (spec §6.1): the candidate level L that makes the summed
 * residual Σ (outcome − σ(L − level)) closest to zero; the lowest L wins ties.
 */
export function predictLevel(observations: readonly LevelObservation[]): number {
  const all = [...PSEUDO_OBSERVATIONS, ...observations];
  let best = CANDIDATE_LEVELS[0] ?? 0;
  let bestScore = -Infinity;
  for (const candidate of CANDIDATE_LEVELS) {
    let residual = 0;
    for (const { level, outcome } of all) residual += outcome - sigmoid(candidate - level);
    const score = -Math.abs(residual);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
