/** Scoring: pix, levels, total score, certifiability, mastery, stages, badges and tube recommendations. */
export { percentHalfUp, roundHalfUp } from './rounding';
export {
  CORE_COMPETENCE_COUNT,
  DEFAULT_MAX_REACHABLE_LEVEL,
  PIX_PER_LEVEL,
  competenceScore,
  competenceScores,
  maxReachableLevel,
  totalScore,
} from './competence-score';
export type { CompetenceScore } from './competence-score';
export {
  CERTIFIABLE_COMPETENCE_COUNT,
  CERTIFIABLE_COMPETENCE_LEVEL,
  certifiableCompetenceCount,
  isCertifiable,
} from './certifiability';
export { countValidated, masteryRate, profileCollectionMasteryRate, progression, validatedSkills } from './mastery';
export { reachedStage, resolveStages } from './stages';
export type { ResolvedStage, Stage, StageResult, StagedSkill } from './stages';
export { evaluateBadge, evaluateCriterion } from './badges';
export type { Badge, BadgeCriterion, BadgeResult, BadgeSkill, CappedTube, CriterionResult } from './badges';
export { profileScore } from './profile';
export type { ProfileScore } from './profile';
export { participationResults } from './participation-results';
export type { ParticipationResults } from './participation-results';
export { LEVEL_BANDS, RECOMMENDATION_SCALE, levelBand, recommendationBubbles, scaledTubeScore } from './recommendation';
export type { LevelBand, RecommendationLevel, RecommendationTube, TubeStanding } from './recommendation';
