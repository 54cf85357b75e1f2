import type { ChallengeId } from '../brand';

/** The five challenge types of the content model. */
export type ChallengeType = 'QCU' | 'QCM' | 'QROC' | 'QROCM-ind' | 'QROCM-dep';

/** Tolerances of free-text challenges: t1 spaces/case/accents, t2 punctuation, t3 edit distance. */
export type Tolerance = 't1' | 't2' | 't3';

/** Input format of a free-text challenge; only `number` changes grading (numeric comparison). */
export type AnswerFormat = 'small' | 'words' | 'sentence' | 'paragraph' | 'number';

/** One input block `${key}` of a free-text challenge; `options` makes it a select block. */
export interface AnswerBlock {
  readonly key: string;
  readonly options?: readonly string[];
}

interface CheckableChallengeBase {
  readonly id?: ChallengeId;
  /** Time allowed in seconds; the challenge is timed iff set. */
  readonly timer?: number;
  /** The learner must stay on the page while answering. */
  readonly focused?: boolean;
  /** Shown in the correction of free-text types. */
  readonly solutionToDisplay?: string;
}

/** A single-choice (QCU) or multiple-choice (QCM) challenge; options are numbered 1…optionCount. */
export interface ChoiceChallenge extends CheckableChallengeBase {
  readonly type: 'QCU' | 'QCM';
  readonly optionCount: number;
  /** Right option numbers, comma-separated, e.g. `"1,3"`. */
  readonly solution: string;
}

interface FreeTextChallengeBase extends CheckableChallengeBase {
  readonly tolerances: readonly Tolerance[];
  readonly format?: AnswerFormat;
}

/** A challenge with one text or select block; `solution` holds the accepted answers, one per line. */
export interface QrocChallenge extends FreeTextChallengeBase {
  readonly type: 'QROC';
  readonly block: AnswerBlock;
  readonly solution: string;
}

/** A challenge with several independent blocks, each with its own accepted answers. */
export interface QrocmIndChallenge extends FreeTextChallengeBase {
  readonly type: 'QROCM-ind';
  readonly blocks: readonly AnswerBlock[];
  /** Block key → accepted answers. */
  readonly solution: Readonly<Record<string, readonly string[]>>;
}

/** One group of a QROCM-dep solution: interchangeable variants of one expected answer. */
export interface SolutionGroup {
  readonly name: string;
  readonly variants: readonly string[];
}

/** A challenge with several interchangeable blocks, each of which must fit a different group. */
export interface QrocmDepChallenge extends FreeTextChallengeBase {
  readonly type: 'QROCM-dep';
  readonly blocks: readonly AnswerBlock[];
  /** Groups in solution order; that order makes the matching and its details deterministic. */
  readonly solution: readonly SolutionGroup[];
}

/**
 * What the answer checker needs to know about a challenge. The content package maps its
 * challenges onto this shape: it parses the proposals into blocks (a parsed proposal block
 * with `key` and `options` fits {@link AnswerBlock}) and the QROCM YAML solutions.
 */
export type CheckableChallenge = ChoiceChallenge | QrocChallenge | QrocmIndChallenge | QrocmDepChallenge;

/** A free-text challenge (QROC, QROCM-ind, QROCM-dep). */
export type FreeTextChallenge = QrocChallenge | QrocmIndChallenge | QrocmDepChallenge;

/**
 * The answer as submitted: a skip (« Je passe »), a string (QCU, QCM, QROC) or an object
 * block key → string (QROCM).
 */
export type AnswerPayload =
  | { readonly skipped: true }
  | { readonly skipped?: false; readonly value: string | Readonly<Record<string, string>> };
