import type { AnswerArea, ChallengeType } from '../../../api/types';

/** What the learner has ticked or typed so far. */
export type AnswerDraft = { kind: 'options'; selected: number[] } | { kind: 'blocks'; values: Record<string, string> };

export function emptyDraft(area: AnswerArea): AnswerDraft {
  if (area.kind === 'options') return { kind: 'options', selected: [] };
  const values: Record<string, string> = {};
  for (const part of area.parts) if (part.kind === 'block') values[part.key] = '';
  return { kind: 'blocks', values };
}

/** Ticks option `number` (1-based): a QCU keeps only it, a QCM toggles it. */
export function toggleOption(draft: AnswerDraft, type: ChallengeType, number: number): AnswerDraft {
  if (draft.kind !== 'options') return draft;
  if (type === 'QCU') return { kind: 'options', selected: [number] };
  const selected = draft.selected.includes(number) ? draft.selected.filter((n) => n !== number) : [...draft.selected, number];
  return { kind: 'options', selected };
}

/**
 * The answer as the API takes it (answer-checking.md): QCU `"2"`, QCM `"1,3"` in ascending
 * order, QROC the text of its one field, QROCM an object block key → text.
 */
export function toAnswer(type: ChallengeType, draft: AnswerDraft): string | Record<string, string> {
  if (draft.kind === 'options') return [...draft.selected].sort((a, b) => a - b).join(',');
  if (type === 'QROC') return Object.values(draft.values)[0] ?? '';
  return { ...draft.values };
}
