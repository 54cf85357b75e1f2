import type { PRECISION_BANDS } from '@jalon/contracts';

/** One direct answer on a campaign skill: the skill's level and whether it was validated. */
export interface Observation {
  level: number;
  validated: boolean;
}

export interface Precision {
  halfWidth: number;
  band: (typeof PRECISION_BANDS)[number];
}

const GRID = Array.from({ length: 81 }, (_, i) => i / 10);
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** Skill levels are few (1 to 8), so the log-probabilities of an answer over the grid are kept. */
const LOG_TERMS = new Map<string, Float64Array>();

/** `log P(answer | θ)` at every grid point for one skill level and one answer. */
function logTerms(level: number, validated: boolean): Float64Array {
  const key = `${level}:${validated}`;
  let row = LOG_TERMS.get(key);
  if (!row) {
    row = Float64Array.from(GRID, (theta) => Math.log(validated ? logistic(theta - level) : 1 - logistic(theta - level)));
    if (LOG_TERMS.size < 1024) LOG_TERMS.set(key, row);
  }
  return row;
}

/**
 * The « ± » of a mastery figure (`beyond-the-reference.md` §2): the Rasch posterior of θ on
 * [0, 8] by steps of 0.1 under a uniform prior, from the direct answers only (no
 * pseudo-observations, unlike the smart-random predicted level); expected mastery at θ is
 * the mean of σ(θ − level) over the campaign's skills. Expected mastery grows with θ, so its
 * 5th and 95th percentiles are its values at θ's, each taken as the first grid point whose
 * cumulative probability reaches it. Half the width, in points, is rounded half-up on a real
 * value, `floor(x + 0.5)`.
 *
 * @returns null without any direct answer: there is nothing to measure the precision from.
 */
export function masteryPrecision(observations: readonly Observation[], campaignSkillLevels: readonly number[]): Precision | null {
  if (observations.length === 0 || campaignSkillLevels.length === 0) return null;
  // Log space: forty answers multiply forty probabilities, which would underflow to zero.
  // Each term comes from a table per (level, answer) and is added in the answers' order, so
  // the sums are bit for bit those of computing every term afresh, for far fewer log/exp.
  const terms = observations.map((o) => logTerms(o.level, o.validated));
  const logLikelihood = GRID.map((_, i) => terms.reduce((sum, row) => sum + row[i]!, 0));
  const best = Math.max(...logLikelihood);
  const weights = logLikelihood.map((value) => Math.exp(value - best));
  const total = weights.reduce((a, b) => a + b, 0);
  const quantile = (p: number) => {
    let cumulative = 0;
    for (let i = 0; i < GRID.length; i++) {
      cumulative += weights[i]! / total;
      if (cumulative >= p) return GRID[i]!;
    }
    return GRID[GRID.length - 1]!;
  };
  const mastery = (theta: number) => campaignSkillLevels.reduce((sum, level) => sum + logistic(theta - level), 0) / campaignSkillLevels.length;
  const halfWidth = Math.floor((100 * (mastery(quantile(0.95)) - mastery(quantile(0.05)))) / 2 + 0.5);
  return { halfWidth, band: halfWidth <= 10 ? 'GOOD' : halfWidth <= 20 ? 'MEDIUM' : 'LOW' };
}

/** The standard error of a class average of whole percents, in whole points; null below two values. */
export function standardError(percents: readonly number[]): number | null {
  const n = percents.length;
  if (n < 2) return null;
  const mean = percents.reduce((a, b) => a + b, 0) / n;
  const variance = percents.reduce((sum, p) => sum + (p - mean) ** 2, 0) / (n - 1);
  return Math.floor(Math.sqrt(variance / n) + 0.5);
}
