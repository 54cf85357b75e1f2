import type { AnswerArea, AnswerBody, RunnerChallenge } from '@jalon/contracts';
import { emptyDraft as emptyAreaDraft, toAnswer } from '../../admin/challenges/answerDraft';
import type { AnswerDraft } from '../../admin/challenges/answerDraft';

/*
 * The answer area is the admin preview's, so the learner sees a challenge exactly as it was
 * previewed. It numbers options as it shows them; with a shuffled challenge the runner shows
 * them in the server's `optionOrder` (1-based author numbers) and maps them back on sending.
 */

export type { AnswerDraft };

/** The answer area in display order. */
export function displayedArea(challenge: RunnerChallenge): AnswerArea {
  const area = challenge.answerArea;
  if (area.kind !== 'options' || challenge.optionOrder === null) return area;
  return { kind: 'options', options: challenge.optionOrder.flatMap((number) => area.options[number - 1] ?? []) };
}

export function emptyDraft(challenge: RunnerChallenge): AnswerDraft {
  return emptyAreaDraft(challenge.answerArea);
}

/** An answer with nothing in it: the runner asks to answer or to skip instead of sending it. */
export function isDraftEmpty(draft: AnswerDraft): boolean {
  if (draft.kind === 'options') return draft.selected.length === 0;
  return Object.values(draft.values).every((value) => value.trim() === '');
}

/** Displayed positions back to the author's option numbers, which the API grades. */
function inAuthorOrder(challenge: RunnerChallenge, draft: AnswerDraft): AnswerDraft {
  const order = challenge.optionOrder;
  if (draft.kind !== 'options' || order === null) return draft;
  return { kind: 'options', selected: draft.selected.flatMap((position) => order[position - 1] ?? []) };
}

/**
 * The body of `POST /answers` (`answer-checking.md`): `2` for a QCU, `1,3` for a QCM (ascending,
 * whatever the order of ticking), the text of a QROC's field, one text per field for a QROCM.
 */
export function toAnswerBody(challenge: RunnerChallenge, draft: AnswerDraft, focusedOut: boolean): AnswerBody {
  return { challengeId: challenge.id, value: toAnswer(challenge.type, inAuthorOrder(challenge, draft)), skipped: false, focusedOut };
}

/** « Je passe »: no value; the answer counts as failed. */
export function skipBody(challenge: RunnerChallenge, focusedOut: boolean): AnswerBody {
  return { challengeId: challenge.id, skipped: true, focusedOut };
}
