/** Adaptive selection: the smart-random baseline (spec §6) and Jalon's selector (spec §8). */
export type {
  AnsweredChallenge,
  ChallengeCandidate,
  KnowledgeFact,
  ModelInference,
  NextStep,
  SelectionState,
  Selector,
  TargetSkill,
} from './types';
export { assessmentSeedFromId } from './assessment-seed';
export { acceptedLocales } from './locales';
export { predictLevel } from './predicted-level';
export type { LevelObservation } from './predicted-level';
export {
  EASY_TUBE_MAX_LEVEL,
  FIRST_QUESTION_LEVEL,
  MAX_LEVEL_GAP,
  SMART_RANDOM_ANSWER_CAP,
  smartRandom,
  smartRandomStep,
} from './smart-random';
export type { SmartRandomTrace } from './smart-random';
export { createJalonSelector, jalonSelector, JALON_ANSWER_CAP, QUESTION_COST } from './jalon/jalon-selector';
export type { JalonSettings } from './jalon/jalon-selector';
