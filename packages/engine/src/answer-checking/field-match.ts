import type { AnswerBlock, AnswerFormat, Tolerance } from './challenge';
import { canonicalDecimal } from './decimal';
import { codePointLength, levenshtein } from './levenshtein';
import { preTreat, treat } from './normalise';

/**
 * t3 accepts an answer within 25 % of its own length in edits: one typo in four characters.
 * Compared in integers (4 × distance ≤ length) so the boundary is exact.
 */
const T3_MAX_EDITS_PER_CHARACTER = { edits: 1, characters: 4 } as const;

/** How a free-text field is compared with its accepted answers. */
export interface FieldRules {
  readonly tolerances: readonly Tolerance[];
  readonly format?: AnswerFormat;
  readonly block?: AnswerBlock;
}

/** True when `distance / length(answer) ≤ 0.25`; an empty answer only matches an empty solution. */
function withinEditTolerance(answer: string, solution: string): boolean {
  const length = codePointLength(answer);
  if (length === 0) return solution === '';
  // The distance is at least the length difference: skip the quadratic computation when that alone fails.
  const lengthGap = Math.abs(codePointLength(solution) - length);
  if (lengthGap * T3_MAX_EDITS_PER_CHARACTER.characters > length * T3_MAX_EDITS_PER_CHARACTER.edits) return false;
  return levenshtein(answer, solution) * T3_MAX_EDITS_PER_CHARACTER.characters <= length * T3_MAX_EDITS_PER_CHARACTER.edits;
}

/**
 * Whether `answer` matches one of `accepted` under the string rules: both sides treated
 * alike (pre-treatment, t1, t2), then exact equality, or the t3 distance rule when enabled.
 */
export function matchesText(answer: string, accepted: readonly string[], tolerances: readonly Tolerance[]): boolean {
  const treatedAnswer = treat(answer, tolerances);
  const treatedSolutions = accepted.map((solution) => treat(solution, tolerances));
  if (!tolerances.includes('t3')) return treatedSolutions.includes(treatedAnswer);
  return treatedSolutions.some((solution) => withinEditTolerance(treatedAnswer, solution));
}

/**
 * Whether one field's value matches its accepted answers: a select block compares exactly
 * with no tolerance (the value was picked, not typed); a `number` field whose value and
 * accepted answers are all numeric compares decimals; anything else uses {@link matchesText}.
 */
export function matchesField(value: string, accepted: readonly string[], rules: FieldRules): boolean {
  if (rules.block?.options !== undefined) {
    const picked = preTreat(value);
    return accepted.some((solution) => preTreat(solution) === picked);
  }
  if (rules.format === 'number') {
    const answerNumber = canonicalDecimal(preTreat(value));
    const acceptedNumbers = accepted.map((solution) => canonicalDecimal(preTreat(solution)));
    if (answerNumber !== undefined && acceptedNumbers.every((n) => n !== undefined)) {
      return acceptedNumbers.includes(answerNumber);
    }
  }
  return matchesText(value, accepted, rules.tolerances);
}

/**
 * Cleans a list of accepted answers: each trimmed, empty ones dropped, so a stray blank
 * line or space in authored content never becomes an answer that matches an empty field.
 */
export function acceptedAnswers(answers: readonly string[]): string[] {
  return answers.map((answer) => answer.trim()).filter((answer) => answer !== '');
}

/** Accepted answers of a QROC: the solution's non-empty lines, each trimmed. */
export function acceptedLines(solution: string): string[] {
  return acceptedAnswers(solution.split(/\r?\n/u));
}
