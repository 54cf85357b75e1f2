import type { EpochMs } from '../brand';
import type {
  AnswerPayload,
  CheckableChallenge,
  FreeTextChallenge,
  QrocmDepChallenge,
  QrocmIndChallenge,
} from './challenge';
import { parseOptionNumbers, sameOptionSet } from './choices';
import { acceptedAnswers, acceptedLines, matchesField } from './field-match';
import { maximumMatching } from './matching';
import type { AnswerRejection } from './validate';
import { validateAnswer } from './validate';

/**
 * Result of an answer. Only `ok` validates a skill: `ko` wrong, `aband` skipped, `timedout`
 * right but late, `focusedOut` right but focus lost (certification only).
 */
export type AnswerResult = 'ok' | 'ko' | 'aband' | 'timedout' | 'focusedOut';

/** Per-field outcome of a QROCM answer, and for QROCM-dep the groups nobody matched. */
export interface FieldDetails {
  /** Block key → whether that field was right (QROCM-dep: matched to a group). */
  readonly fields: Readonly<Record<string, boolean>>;
  /** QROCM-dep only: the first variant of each group left unmatched, in solution order. */
  readonly unmatchedGroups?: readonly string[];
}

/** Whether an answer value is right, before the post-rules, with its per-field details. */
export interface ValueGrading {
  readonly correct: boolean;
  readonly details: FieldDetails | null;
}

/** When the answer was asked and received, and what the focus guard saw. */
export interface AnswerContext {
  /** When the challenge's content was first sent to the learner (kept across reloads). */
  readonly askedAt: EpochMs;
  /** When the server received the answer. */
  readonly receivedAt: EpochMs;
  /** The client reported leaving the page while a focused challenge was shown. */
  readonly focusedOut?: boolean;
  /** The answer belongs to a certification test, where losing focus fails the answer. */
  readonly certification?: boolean;
}

/** The outcome of {@link checkAnswer}: refused with a code, or graded. */
export type CheckedAnswer =
  | { readonly accepted: false; readonly rejection: AnswerRejection }
  | {
      readonly accepted: true;
      readonly result: AnswerResult;
      readonly details: FieldDetails | null;
      /** Whole seconds from `askedAt` to `receivedAt`, rounded up. */
      readonly timeSpent: number;
    };

/** Network grace added to a timer before a right answer counts as late, in ms. */
export const TIMER_GRACE_MS = 2000;
const MS_PER_SECOND = 1000;

function fieldRules(challenge: FreeTextChallenge, blockIndex: number) {
  const block = challenge.type === 'QROC' ? challenge.block : challenge.blocks[blockIndex];
  return { tolerances: challenge.tolerances, format: challenge.format, block };
}

function gradeIndependentFields(challenge: QrocmIndChallenge, value: Readonly<Record<string, string>>): ValueGrading {
  const fields: Record<string, boolean> = {};
  challenge.blocks.forEach((block, index) => {
    const accepted = acceptedAnswers(Object.hasOwn(challenge.solution, block.key) ? (challenge.solution[block.key] ?? []) : []);
    fields[block.key] = matchesField(value[block.key] ?? '', accepted, fieldRules(challenge, index));
  });
  return { correct: Object.values(fields).every(Boolean), details: { fields } };
}

function gradeInterchangeableFields(challenge: QrocmDepChallenge, value: Readonly<Record<string, string>>): ValueGrading {
  const groups = challenge.solution.map((group) => acceptedAnswers(group.variants));
  const fits = challenge.blocks.map((block, index) => {
    const field = value[block.key] ?? '';
    if (field.trim() === '') return [];
    const rules = fieldRules(challenge, index);
    return groups.flatMap((variants, group) => (matchesField(field, variants, rules) ? [group] : []));
  });
  const groupOfField = maximumMatching(fits, groups.length);
  const fields: Record<string, boolean> = {};
  challenge.blocks.forEach((block, index) => {
    fields[block.key] = groupOfField[index] !== undefined;
  });
  const used = new Set(groupOfField);
  const unmatchedGroups = groups.flatMap((variants, group) => (used.has(group) ? [] : variants.slice(0, 1)));
  return { correct: Object.values(fields).every(Boolean), details: { fields, unmatchedGroups } };
}

/**
 * Grades a well-formed answer value against the challenge's solution, per type, without the
 * post-rules (skip, timer, focus). Call {@link validateAnswer} first, or use {@link checkAnswer}.
 */
export function gradeValue(challenge: CheckableChallenge, value: string | Readonly<Record<string, string>>): ValueGrading {
  switch (challenge.type) {
    case 'QCU':
    case 'QCM': {
      const answer = typeof value === 'string' ? parseOptionNumbers(value) : undefined;
      const solution = parseOptionNumbers(challenge.solution);
      const correct = answer !== undefined && solution !== undefined && sameOptionSet(answer, solution);
      return { correct, details: null };
    }
    case 'QROC': {
      const correct =
        typeof value === 'string' && matchesField(value, acceptedLines(challenge.solution), fieldRules(challenge, 0));
      return { correct, details: null };
    }
    case 'QROCM-ind':
      return typeof value === 'string' ? { correct: false, details: null } : gradeIndependentFields(challenge, value);
    case 'QROCM-dep':
      return typeof value === 'string' ? { correct: false, details: null } : gradeInterchangeableFields(challenge, value);
  }
}

/**
 * Checks a submitted answer end to end: the value guards, the grading per type, then the
 * post-rules in order — a skip is `aband`; a right answer received more than
 * `timer + 2 s` after it was asked is `timedout` (a wrong one stays `ko`); a right answer to
 * a focused challenge whose focus was lost is `focusedOut` in certification, unchanged
 * elsewhere (the caller logs and warns).
 */
export function checkAnswer(challenge: CheckableChallenge, payload: AnswerPayload, context: AnswerContext): CheckedAnswer {
  const rejection = validateAnswer(challenge, payload);
  if (rejection !== undefined) return { accepted: false, rejection };

  const elapsedMs = context.receivedAt - context.askedAt;
  const timeSpent = Math.ceil(elapsedMs / MS_PER_SECOND);
  if (payload.skipped === true) return { accepted: true, result: 'aband', details: null, timeSpent };

  const { correct, details } = gradeValue(challenge, payload.value);
  let result: AnswerResult = correct ? 'ok' : 'ko';
  if (result === 'ok' && challenge.timer !== undefined && elapsedMs > challenge.timer * MS_PER_SECOND + TIMER_GRACE_MS) {
    result = 'timedout';
  }
  if (result === 'ok' && challenge.focused === true && context.focusedOut === true && context.certification === true) {
    result = 'focusedOut';
  }
  return { accepted: true, result, details, timeSpent };
}
