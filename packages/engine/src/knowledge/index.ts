/** Knowledge elements: the append-only log of what a learner has shown, and its time rules. */
export type {
  InferenceKind,
  KnowledgeElementDraft,
  KnowledgeElementId,
  KnowledgeElementSource,
  KnowledgeElementStatus,
  MeasuredSkill,
  StoredKnowledgeElement,
} from './knowledge-element';
export { newestFirst } from './knowledge-element';
export { currentKnowledgeElements } from './current-state';
export { knowledgeElementsForAnswer, knowledgeElementsFromModel, skillsAssessedHere } from './answer-inference';
export type { AnsweredSkill, AssessmentKnowledge, ModelConclusion } from './answer-inference';
export { tubeBounds } from './tube-bounds';
export type { TubeBounds } from './tube-bounds';
export {
  COMPETENCE_RESET_DELAY,
  FORGETTING_DELAY,
  campaignRetryDelay,
  canImproveCompetence,
  canResetCompetence,
  keptByForgettingRule,
  lastMovedAt,
  waitingPeriod,
} from './time-rules';
export type { ImproveCheck, WaitingPeriod } from './time-rules';
export { resetElements } from './reset';
export type { ResetDraft } from './reset';
