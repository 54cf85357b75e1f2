/** Answer checking: normalisation, tolerances, grading per type, post-rules and corrections. */
export type {
  AnswerBlock,
  AnswerFormat,
  AnswerPayload,
  ChallengeType,
  CheckableChallenge,
  ChoiceChallenge,
  FreeTextChallenge,
  QrocChallenge,
  QrocmDepChallenge,
  QrocmIndChallenge,
  SolutionGroup,
  Tolerance,
} from './challenge';
export { canonicalDecimal } from './decimal';
export { acceptedAnswers, acceptedLines, matchesField, matchesText } from './field-match';
export type { FieldRules } from './field-match';
export { levenshtein, codePointLength } from './levenshtein';
export { applyT1, applyT2, preTreat, treat } from './normalise';
export { MAX_ANSWER_LENGTH, validateAnswer } from './validate';
export type { AnswerRejection } from './validate';
export { TIMER_GRACE_MS, checkAnswer, gradeValue } from './grade';
export type { AnswerContext, AnswerResult, CheckedAnswer, FieldDetails, ValueGrading } from './grade';
export { correctionFor } from './correction';
export type { Correction, CorrectionSkill, HintStatus } from './correction';
