/**
 * The part of the content package that runs in a browser: no Node.js module in its import
 * graph. The web app imports `@jalon/content/browser` to render parcours and challenges from
 * the release the API sends; loading and compiling files stays in `@jalon/content`.
 */
export * from './catalogue';
export { statedAnswer, toCheckableChallenge, toCorrectionSkill } from './checkable';
export { toLearnerChallenge } from './learner-view';
export type { LearnerChallenge } from './learner-view';
export { computePixValues } from './pix-value';
export { formatProblem } from './problems';
export type { Problem, ProblemCode } from './problems';
export { parseProposals } from './proposals';
export type { ParsedProposals, ParseResult, ProposalBlock, ProposalPart } from './proposals';
export type * from './release';
export {
  answerFormats,
  challengeStatuses,
  challengeTypes,
  skillStatuses,
  targetProfileCategories,
  tutorialFormats,
} from './schema';
export type {
  AnswerFormat,
  ChallengeStatus,
  ChallengeType,
  LocalizedText,
  SkillStatus,
  TargetProfileCategory,
  TutorialFormat,
} from './schema';
export { parseChoiceSolution, parseQrocmSolution, parseQrocSolution } from './solution';
