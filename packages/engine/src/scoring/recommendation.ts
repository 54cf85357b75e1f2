/**
 * Tube recommendations of « Analyse » (`analytics-and-exports.md` §5.1) and the level bands
 * of its gauges (spec glossary).
 *
 * Every denominator of the score is a skill level (1–8) or a tube's skill count (1–8, one
 * skill per level), so a score times 840 = lcm(1, …, 8) is a whole number: sums over any
 * number of learners and the comparisons with the 25/50/75 cut-offs stay exact.
 */
export const RECOMMENDATION_SCALE = 840;

/** A campaign tube as the score sees it: the levels of its campaign skills. */
export interface RecommendationTube {
  readonly levels: readonly number[];
}

/** One learner's standing in a tube, from the validated snapshot elements on its campaign skills. */
export interface TubeStanding {
  /** Level of the hardest validated skill of the tube, 0 if none. */
  readonly reached: number;
  readonly validatedInTube: number;
}

function assertLevel(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || value > 8) throw new RangeError(`${what} must be a level 1–8, got ${value}`);
}

/**
 * The score of one learner in one tube, times `RECOMMENDATION_SCALE`:
 * `40 × reached / maxTube + 30 × maxTube / maxAll + 20 × validatedInTube / skillsInTube + nextStep`,
 * `nextStep = 0` when nothing is validated, else `min(10, 10 × reached / nextLevelToReach)`,
 * clamped to [0, 100]. Lower means more recommended.
 *
 * @param maxAll - the hardest level over all campaign skills.
 * @throws RangeError on levels outside 1–8, a standing the tube cannot have, or an empty tube.
 */
export function scaledTubeScore(tube: RecommendationTube, maxAll: number, standing: TubeStanding): number {
  if (tube.levels.length === 0) throw new RangeError('a campaign tube has at least one skill');
  for (const value of tube.levels) assertLevel(value, 'skill level');
  if (new Set(tube.levels).size !== tube.levels.length) throw new RangeError('a tube has one skill per level');
  assertLevel(maxAll, 'maxAll');
  const maxTube = Math.max(...tube.levels);
  const skillsInTube = tube.levels.length;
  const { reached, validatedInTube } = standing;
  if (maxTube > maxAll) throw new RangeError(`maxTube ${maxTube} is above maxAll ${maxAll}`);
  if (!Number.isInteger(validatedInTube) || validatedInTube < 0 || validatedInTube > skillsInTube) {
    throw new RangeError(`validatedInTube must be 0–${skillsInTube}, got ${validatedInTube}`);
  }
  if ((reached === 0) !== (validatedInTube === 0) || (reached !== 0 && !tube.levels.includes(reached))) {
    throw new RangeError(`reached ${reached} does not fit ${validatedInTube} validated skills of levels ${tube.levels.join(',')}`);
  }
  const S = RECOMMENDATION_SCALE;
  let scaled = (40 * reached * S) / maxTube + (30 * maxTube * S) / maxAll + (20 * validatedInTube * S) / skillsInTube;
  if (validatedInTube > 0) {
    // Every campaign skill above `reached` is unvalidated, since `reached` is the hardest validated one.
    const above = tube.levels.filter((value) => value > reached);
    const nextLevelToReach = above.length > 0 ? Math.min(...above) : maxTube;
    scaled += Math.min(10 * S, (10 * reached * S) / nextLevelToReach);
  }
  return Math.min(100 * S, Math.max(0, scaled));
}

export type RecommendationLevel = 1 | 2 | 3 | 4;

/**
 * Bubbles of a tube from the sum of its learners' scaled scores: an average ≤ 25 gives 4
 * « Fortement recommandé », ≤ 50 gives 3, ≤ 75 gives 2, above gives 1.
 *
 * @throws RangeError when there is no learner to average over.
 */
export function recommendationBubbles(scaledScoreSum: number, learners: number): RecommendationLevel {
  if (!Number.isInteger(learners) || learners <= 0) throw new RangeError(`learners must be a whole number > 0, got ${learners}`);
  const per = RECOMMENDATION_SCALE * learners;
  if (scaledScoreSum <= 25 * per) return 4;
  if (scaledScoreSum <= 50 * per) return 3;
  if (scaledScoreSum <= 75 * per) return 2;
  return 1;
}

export const LEVEL_BANDS = ['NOT_ASSESSED', 'BEGINNER', 'INDEPENDENT', 'ADVANCED', 'EXPERT'] as const;
export type LevelBand = (typeof LEVEL_BANDS)[number];

/**
 * The band of a mean level `numerator / denominator`, taken on its floor: 0 « Non évalué /
 * Débutant », 1–2 « Débutant », 3–4 « Indépendant », 5–6 « Avancé », 7–8 « Expert ».
 *
 * @throws RangeError unless both are whole numbers, numerator ≥ 0 and denominator > 0.
 */
export function levelBand(numerator: number, denominator: number): LevelBand {
  if (!Number.isSafeInteger(numerator) || numerator < 0 || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`a mean level needs whole numbers, got ${numerator}/${denominator}`);
  }
  const floor = Math.floor(numerator / denominator);
  return LEVEL_BANDS[Math.min(4, Math.ceil(floor / 2))]!;
}
