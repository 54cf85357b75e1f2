import type { CheckableChallenge } from './challenge';
import { parseOptionNumbers } from './choices';
import type { AnswerResult, FieldDetails } from './grade';

/** Review status of a skill's hint; only a `validated` hint is shown. */
export type HintStatus = 'proposed' | 'validated' | 'archived';

/** What the correction needs from the challenge's skill. */
export interface CorrectionSkill {
  readonly hint?: string;
  readonly hintStatus?: HintStatus;
  /** Shown after a failure (« Pour réussir la prochaine fois »). */
  readonly tutorials: readonly string[];
  /** Shown after a success (« Pour en savoir plus »). */
  readonly learningMoreTutorials: readonly string[];
}

/** The correction view of one answer (checkpoint). */
export interface Correction {
  readonly result: AnswerResult;
  /** QCU/QCM: the right option numbers, ascending. */
  readonly rightOptions?: readonly number[];
  /** Free-text types: the authored solution to display. */
  readonly solutionToDisplay?: string;
  readonly hint?: string;
  /** Tutorial ids to suggest: learning-more ones after `ok`, remedial ones otherwise. */
  readonly tutorialIds: readonly string[];
  /** QROCM: which fields were right and, for QROCM-dep, the first variant of each unmatched group. */
  readonly fields?: FieldDetails;
}

/**
 * Builds the correction shown after an answer: the result, the right options or the
 * solution to display, the hint when validated, and the tutorials — those for learning
 * more after a success, those for succeeding next time after any failure.
 */
export function correctionFor(
  challenge: CheckableChallenge,
  graded: { readonly result: AnswerResult; readonly details: FieldDetails | null },
  skill: CorrectionSkill,
): Correction {
  const succeeded = graded.result === 'ok';
  const common = {
    result: graded.result,
    ...(skill.hintStatus === 'validated' && skill.hint !== undefined ? { hint: skill.hint } : {}),
    tutorialIds: succeeded ? skill.learningMoreTutorials : skill.tutorials,
  };
  if (challenge.type === 'QCU' || challenge.type === 'QCM') {
    const rightOptions = [...new Set(parseOptionNumbers(challenge.solution) ?? [])].sort((a, b) => a - b);
    return { ...common, rightOptions };
  }
  return {
    ...common,
    ...(challenge.solutionToDisplay !== undefined ? { solutionToDisplay: challenge.solutionToDisplay } : {}),
    ...(graded.details !== null ? { fields: graded.details } : {}),
  };
}
