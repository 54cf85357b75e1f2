import type { CompetenceId, Level, Pix } from '../brand';
import { level, pix } from '../brand';
import type { StoredKnowledgeElement } from '../knowledge';

/** Pix that make one competence level: each (competence, level) is worth 8 pix. */
export const PIX_PER_LEVEL = 8;

/** Highest level the instance lets learners reach (a setting, 1–8); levels 8 stay closed by default. */
export const DEFAULT_MAX_REACHABLE_LEVEL: Level = level(7);

/** Core competences of the framework; the theoretical maximum is 16 × 8 × 8 = 1024 pix. */
export const CORE_COMPETENCE_COUNT = 16;

/**
 * Skill values are unrounded fractions such as 8/3; their float sum can land just below a
 * whole number (8/7 × 7 = 7.999999999999999). A tolerance of 1e-9 pix, far below the
 * smallest skill value and far above float error on ~1,000 terms, keeps floors exact.
 */
const PIX_SUM_TOLERANCE = 1e-9;

/** Score of one competence for one learner. */
export interface CompetenceScore {
  /** Σ earnedPix of the current elements, uncapped and unrounded (kept for certification placement). */
  readonly exactPix: Pix;
  /** Whole pix, capped at `maxReachableLevel × 8`; what every campaign figure and export uses. */
  readonly pix: Pix;
  /** Whole levels, capped at `maxReachableLevel`. */
  readonly level: Level;
  /** Share of the way to the next level, in [0, 1). */
  readonly progressToNextLevel: number;
  /** Pix still missing for the next level, `undefined` at the maximum reachable level (« Niveau maximum atteint »). */
  readonly pixToNextLevel: number | undefined;
}

/**
 * Checks the instance setting of the maximum reachable level.
 * @throws RangeError when it is not a whole number in 1–8.
 */
export function maxReachableLevel(setting: number): Level {
  if (!Number.isInteger(setting) || setting < 1 || setting > 8) throw new RangeError(`maximum reachable level must be 1–8, got ${setting}`);
  return level(setting);
}

/**
 * Turns a competence's exact pix into its capped pix and level: `pix = min(floor(exactPix), max × 8)`,
 * `level = min(floor(exactPix / 8), max)`, progress `(pix mod 8) / 8`, remaining `8 − pix mod 8`.
 */
export function competenceScore(exactPix: Pix, maxLevel: Level = DEFAULT_MAX_REACHABLE_LEVEL): CompetenceScore {
  const whole = Math.floor(exactPix + PIX_SUM_TOLERANCE);
  const cappedPix = Math.min(whole, maxLevel * PIX_PER_LEVEL);
  const cappedLevel = level(Math.min(Math.floor(whole / PIX_PER_LEVEL), maxLevel));
  const pixInLevel = cappedPix % PIX_PER_LEVEL;
  return {
    exactPix,
    pix: pix(cappedPix),
    level: cappedLevel,
    progressToNextLevel: pixInLevel / PIX_PER_LEVEL,
    pixToNextLevel: cappedLevel >= maxLevel ? undefined : PIX_PER_LEVEL - pixInLevel,
  };
}

/**
 * Scores every given competence from the learner's current knowledge elements
 * (see `currentKnowledgeElements`): a competence without elements scores 0.
 *
 * @param competenceIds - the competences to score, usually the 16 core ones; elements of
 *   other competences (other frameworks) are ignored.
 * @returns the scores, keyed and ordered as `competenceIds`.
 */
export function competenceScores(
  currentElements: readonly Pick<StoredKnowledgeElement, 'competenceId' | 'earnedPix'>[],
  competenceIds: readonly CompetenceId[],
  maxLevel: Level = DEFAULT_MAX_REACHABLE_LEVEL,
): Map<CompetenceId, CompetenceScore> {
  const sums = new Map<CompetenceId, number>(competenceIds.map((id) => [id, 0]));
  for (const element of currentElements) {
    const sum = sums.get(element.competenceId);
    if (sum !== undefined) sums.set(element.competenceId, sum + element.earnedPix);
  }
  return new Map([...sums].map(([id, sum]) => [id, competenceScore(pix(sum), maxLevel)]));
}

/** Total score: the sum of the capped pix of the competences (at most 16 × max × 8, 896 by default). */
export function totalScore(scores: Iterable<Pick<CompetenceScore, 'pix'>>): Pix {
  let total = 0;
  for (const score of scores) total += score.pix;
  return pix(total);
}
