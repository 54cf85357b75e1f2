import type { AnswerPayload, CheckableChallenge } from './challenge';
import { parseOptionNumbers } from './choices';
import { codePointLength } from './levenshtein';
import { preTreat } from './normalise';

/** Why a submitted answer is refused; nothing is recorded (HTTP 422). */
export type AnswerRejection = 'ANSWER_EMPTY' | 'ANSWER_MALFORMED' | 'ANSWER_TOO_LONG';

/** Longest accepted field, in code points: far beyond any honest answer, small enough to grade fast. */
export const MAX_ANSWER_LENGTH = 5000;

function isWithin(option: number, optionCount: number): boolean {
  return option >= 1 && option <= optionCount;
}

function isAmongOptions(value: string, options: readonly string[]): boolean {
  const picked = preTreat(value);
  return options.some((option) => preTreat(option) === picked);
}

function isWellFormed(challenge: CheckableChallenge, value: string | Readonly<Record<string, string>>): boolean {
  switch (challenge.type) {
    case 'QCU': {
      if (typeof value !== 'string') return false;
      const numbers = parseOptionNumbers(value);
      return numbers?.length === 1 && isWithin(numbers[0] ?? 0, challenge.optionCount);
    }
    case 'QCM': {
      if (typeof value !== 'string') return false;
      const numbers = parseOptionNumbers(value);
      return (
        numbers !== undefined &&
        new Set(numbers).size === numbers.length &&
        numbers.every((option) => isWithin(option, challenge.optionCount))
      );
    }
    case 'QROC': {
      if (typeof value !== 'string') return false;
      const options = challenge.block.options;
      return options === undefined || isAmongOptions(value, options);
    }
    case 'QROCM-ind':
    case 'QROCM-dep': {
      if (typeof value === 'string') return false;
      const keys = Object.keys(value);
      return (
        keys.length === challenge.blocks.length &&
        challenge.blocks.every((block) => {
          const field = Object.hasOwn(value, block.key) ? value[block.key] : undefined;
          return typeof field === 'string' && (block.options === undefined || isAmongOptions(field, block.options));
        })
      );
    }
  }
}

/**
 * The guards on the value of an answer, in the spec's order: empty (any field), malformed
 * (QCU not one option in range; QCM with a duplicate or out-of-range option; QROCM with
 * missing or unknown keys; a select value not among its options), too long (per field).
 *
 * @returns the rejection code, or `undefined` when the answer may be graded. A skip is
 * always acceptable.
 */
export function validateAnswer(challenge: CheckableChallenge, payload: AnswerPayload): AnswerRejection | undefined {
  if (payload.skipped === true) return undefined;
  const { value } = payload;
  // The payload comes from the network: refuse shapes the types rule out before reading them.
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    return 'ANSWER_MALFORMED';
  }
  const fields = typeof value === 'string' ? [value] : Object.values(value);
  if (fields.some((field) => typeof field !== 'string')) return 'ANSWER_MALFORMED';
  if (fields.some((field) => field.trim() === '')) return 'ANSWER_EMPTY';
  if (!isWellFormed(challenge, value)) return 'ANSWER_MALFORMED';
  if (fields.some((field) => codePointLength(field) > MAX_ANSWER_LENGTH)) return 'ANSWER_TOO_LONG';
  return undefined;
}
