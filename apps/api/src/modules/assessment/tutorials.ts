import type { LearnerTutorial } from '@jalon/contracts';
import { currentKnowledgeElements } from '@jalon/engine';
import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { ContentIndex } from './content-index';
import { profileElementsOf } from './knowledge.repository';
import { savedTutorials } from './schema';

/** « Mes tutos » recommends at most this many: enough to choose from, few enough to read. */
const RECOMMENDED_LIMIT = 30;

/** Saved tutorials, newest first, and those recommended for the skills the learner has not validated. */
export async function myTutorials(deps: { db: Db; content: ContentIndex }, userId: string) {
  const rows = await deps.db.select().from(savedTutorials).where(eq(savedTutorials.userId, userId)).orderBy(desc(savedTutorials.createdAt));
  const saved = new Set(rows.map((r) => r.tutorialId));
  const view = (id: string): LearnerTutorial[] => {
    const t = deps.content.tutorial(id);
    return t ? [{ ...t, isSaved: saved.has(id) }] : [];
  };
  const recommended = new Set<string>();
  for (const element of currentKnowledgeElements(await profileElementsOf(deps.db, userId)).reverse()) {
    if (element.status !== 'invalidated') continue;
    for (const id of deps.content.skill(element.skillId)?.tutorials ?? []) if (!saved.has(id)) recommended.add(id);
  }
  return { saved: rows.flatMap((r) => view(r.tutorialId)), recommended: [...recommended].slice(0, RECOMMENDED_LIMIT).flatMap(view) };
}

export async function saveTutorial(deps: { db: Db; clock: Clock; content: ContentIndex }, userId: string, tutorialId: string) {
  if (!deps.content.tutorial(tutorialId)) throw new AppError('TUTORIAL_NOT_FOUND');
  await deps.db.insert(savedTutorials).values({ userId, tutorialId, createdAt: deps.clock.now() }).onConflictDoNothing();
}

export async function unsaveTutorial(db: Db, userId: string, tutorialId: string) {
  await db.delete(savedTutorials).where(and(eq(savedTutorials.userId, userId), eq(savedTutorials.tutorialId, tutorialId)));
}

/** « Utile »: saves the tutorial if needed and records whether it helped. */
export async function markTutorialHelpful(deps: { db: Db; clock: Clock; content: ContentIndex }, userId: string, tutorialId: string, helpful: boolean) {
  if (!deps.content.tutorial(tutorialId)) throw new AppError('TUTORIAL_NOT_FOUND');
  await deps.db
    .insert(savedTutorials)
    .values({ userId, tutorialId, helpful, createdAt: deps.clock.now() })
    .onConflictDoUpdate({ target: [savedTutorials.userId, savedTutorials.tutorialId], set: { helpful } });
}
