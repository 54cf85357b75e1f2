/**
 * Parameters of the synthetic population and of its answers (spec §8.1). The robustness
 * scenarios change some of them to check that an engine does not depend on the exact values.
 */
export interface LearnerModel {
  /** Mean of the general ability θ, in levels. */
  readonly abilityMean: number;
  /** Standard deviation of θ, in levels. */
  readonly abilitySd: number;
  /** Standard deviation of a competence's ability around θ, in levels. */
  readonly competenceSd: number;
  /** Standard deviation of a tube's level around its competence ability, in levels. */
  readonly tubeSd: number;
  /** P(ok) on a mastered skill; the rest is `ko`, a mastered skill is never skipped. */
  readonly okIfMastered: number;
  /** P(skip) on a skill not mastered. */
  readonly skipIfNotMastered: number;
  /** P(ok) by guessing a QCU on a skill not mastered. */
  readonly guessQcu: number;
  /** P(ok) by guessing any other type on a skill not mastered. */
  readonly guessOther: number;
  /**
   * Probability that a skill one level around the tube level breaks the ordering: the skill
   * at the tube level is not mastered, or the one just above is. 0 = strictly ordered tubes.
   */
  readonly disorder: number;
}

/** The population of spec §8.1. */
export const STANDARD_LEARNERS: LearnerModel = {
  abilityMean: 3,
  abilitySd: 1.5,
  competenceSd: 0.7,
  tubeSd: 0.5,
  okIfMastered: 0.9,
  skipIfNotMastered: 0.1,
  guessQcu: 0.2,
  guessOther: 0.05,
  disorder: 0,
};
