import type { Checkpoint, LearnerTutorial } from '@jalon/contracts';
import { toCorrectionSkill } from '@jalon/content';
import { correctionFor, type FieldDetails } from '@jalon/engine';
import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ContentIndex } from './content-index';
import { CHECKPOINT_EVERY, progressionPercent, type RunnerDeps } from './runner';
import { savedTutorials, tutorialDisplays } from './schema';
import { loadTestContext } from './test-context';

/**
 * The review after every five answers (and at the end, the answers since the last one):
 * each result with its correction and tutorials. Every tutorial shown is recorded, so Orga
 * can mark it « Proposé pendant le test ».
 */
export async function checkpoint(
  deps: { db: Db; clock: Clock; content: ContentIndex; learnerChallenge: RunnerDeps['learnerChallenge'] },
  input: { assessmentId: string; userId: string; final: boolean },
): Promise<Checkpoint> {
  const ctx = await loadTestContext(deps.db, deps.content, input.assessmentId, input.userId);
  const count = ctx.answers.length;
  const size = input.final ? count % CHECKPOINT_EVERY || CHECKPOINT_EVERY : CHECKPOINT_EVERY;
  const reviewed = ctx.answers.slice(Math.max(0, count - size));
  const saved = await savedTutorialIds(deps.db, input.userId);
  const tutorial = (id: string): LearnerTutorial[] => {
    const t = deps.content.tutorial(id);
    return t ? [{ ...t, isSaved: saved.has(t.id) }] : [];
  };
  const displays: { tutorialId: string; skillId: string }[] = [];
  const items = reviewed.map((answer) => {
    const challenge = deps.content.challenge(answer.challengeId)!;
    const skill = deps.content.skill(challenge.skillId)!;
    const correction = correctionFor(
      deps.content.checkable(challenge.id),
      { result: answer.result as Checkpoint['answers'][number]['result'], details: (answer.resultDetails as FieldDetails | null) ?? null },
      toCorrectionSkill(skill, ctx.assessment.locale),
    );
    const shown = correction.tutorialIds.flatMap(tutorial);
    for (const t of shown) displays.push({ tutorialId: t.id, skillId: skill.id });
    const succeeded = correction.result === 'ok';
    const view = deps.learnerChallenge(challenge.id);
    return {
      answerId: answer.id,
      challenge: { ...view, optionOrder: null },
      value: answer.value,
      result: correction.result,
      rightOptions: correction.rightOptions ? [...correction.rightOptions] : null,
      solutionToDisplay: correction.solutionToDisplay ?? null,
      hint: correction.hint ?? null,
      fields: correction.fields ? { ...correction.fields.fields } : null,
      unmatchedGroups: correction.fields?.unmatchedGroups ? [...correction.fields.unmatchedGroups] : null,
      tutorials: { toSucceed: succeeded ? [] : shown, toLearnMore: succeeded ? shown : [] },
    };
  });
  if (displays.length > 0) {
    const now = deps.clock.now();
    await deps.db
      .insert(tutorialDisplays)
      .values(displays.map((d) => ({ assessmentId: ctx.assessment.id, ...d, createdAt: now })))
      .onConflictDoNothing();
  }
  return { answers: items, isFinal: input.final || ctx.assessment.state === 'completed', progression: progressionPercent(ctx) };
}

export async function savedTutorialIds(db: Db, userId: string, among?: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .select({ tutorialId: savedTutorials.tutorialId })
    .from(savedTutorials)
    .where(among ? and(eq(savedTutorials.userId, userId), inArray(savedTutorials.tutorialId, [...among])) : eq(savedTutorials.userId, userId));
  return new Set(rows.map((r) => r.tutorialId));
}
