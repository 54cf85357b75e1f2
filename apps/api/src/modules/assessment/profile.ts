import type { CompetenceDetails, Profile } from '@jalon/contracts';
import {
  canResetCompetence,
  COMPETENCE_RESET_DELAY,
  competenceId,
  currentKnowledgeElements,
  DEFAULT_MAX_REACHABLE_LEVEL,
  epochMs,
  FORGETTING_DELAY,
  lastMovedAt,
  PIX_PER_LEVEL,
  profileScore,
  resetElements,
  waitingPeriod,
} from '@jalon/engine';
import { and, desc, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { ContentIndex } from './content-index';
import { savedTutorialIds } from './checkpoint';
import { appendKnowledgeElements, profileElementsOf } from './knowledge.repository';
import { assessments } from './schema';

/** The learner's 16-competence profile with, per competence, what the self-evaluation offers. */
export async function learnerProfile(deps: { db: Db; clock: Clock; content: ContentIndex }, userId: string): Promise<Profile> {
  const { content } = deps;
  const elements = await profileElementsOf(deps.db, userId);
  const score = profileScore(elements, content.coreCompetenceIds);
  const evaluations = await deps.db
    .select()
    .from(assessments)
    .where(and(eq(assessments.userId, userId), eq(assessments.type, 'COMPETENCE_EVALUATION')))
    .orderBy(desc(assessments.createdAt));
  const now = epochMs(deps.clock.now().getTime());
  return {
    totalPix: score.totalPix,
    maxReachableLevel: DEFAULT_MAX_REACHABLE_LEVEL,
    maxReachablePix: DEFAULT_MAX_REACHABLE_LEVEL * PIX_PER_LEVEL * content.coreCompetenceIds.length,
    isCertifiable: score.isCertifiable,
    certifiableCompetenceCount: score.certifiableCompetenceCount,
    competences: content.coreCompetenceIds.map((id) => {
      const competence = content.competence(id)!;
      const area = content.area(competence.areaId)!;
      const s = score.competences.get(id)!;
      const latest = evaluations.find((a) => a.competenceId === id);
      const moved = lastMovedAt(elements.filter((e) => e.competenceId === id));
      const wait = moved === undefined ? undefined : waitingPeriod(moved, now, FORGETTING_DELAY);
      const isMaxLevel = s.pixToNextLevel === undefined;
      let action: Profile['competences'][number]['action'] = 'start';
      if (latest?.state === 'started') action = 'resume';
      else if (isMaxLevel) action = 'none';
      else if (latest?.state === 'completed') action = 'improve';
      return {
        id,
        index: competence.index,
        name: competence.name.fr,
        areaCode: area.code,
        areaTitle: area.title.fr,
        areaColor: area.color,
        level: s.level,
        pix: s.pix,
        pixToNextLevel: s.pixToNextLevel ?? 0,
        isMaxLevel,
        action,
        assessmentId: latest?.state === 'started' ? latest.id : null,
        improveInSeconds: action === 'improve' && wait && !wait.over ? Math.ceil(wait.remaining / 1000) : null,
      };
    }),
  };
}

/**
 * « Commencer », « Reprendre » or « Retenter » a competence (self-evaluation): resumes the
 * started one, or starts a new one — improving only 4 days after the competence last moved.
 */
export async function startSelfEvaluation(deps: { db: Db; clock: Clock; content: ContentIndex }, input: { userId: string; competenceId: string; locale: string }) {
  const competence = deps.content.competence(input.competenceId);
  if (!competence || competence.origin !== 'jalon') throw new AppError('COMPETENCE_NOT_FOUND');
  const [latest] = await deps.db
    .select()
    .from(assessments)
    .where(and(eq(assessments.userId, input.userId), eq(assessments.type, 'COMPETENCE_EVALUATION'), eq(assessments.competenceId, competence.id)))
    .orderBy(desc(assessments.createdAt))
    .limit(1);
  if (latest?.state === 'started') return { assessmentId: latest.id };
  const isImproving = latest?.state === 'completed';
  if (isImproving) {
    const elements = currentKnowledgeElements(await profileElementsOf(deps.db, input.userId)).filter((e) => e.competenceId === competenceId(competence.id));
    const moved = lastMovedAt(elements);
    const wait = moved === undefined ? undefined : waitingPeriod(moved, epochMs(deps.clock.now().getTime()), FORGETTING_DELAY);
    if (wait && !wait.over) throw new AppError('IMPROVE_TOO_EARLY', { meta: { remainingSeconds: Math.ceil(wait.remaining / 1000) } });
  }
  const now = deps.clock.now();
  const [created] = await deps.db
    .insert(assessments)
    .values({ userId: input.userId, type: 'COMPETENCE_EVALUATION', competenceId: competence.id, isImproving, locale: input.locale, createdAt: now, updatedAt: now })
    .returning({ id: assessments.id });
  return { assessmentId: created!.id };
}

/** Tutorials listed on a competence's page: enough to choose from, few enough to read. */
const COMPETENCE_TUTORIALS = 12;

function competenceElements(elements: Awaited<ReturnType<typeof profileElementsOf>>, id: string) {
  return elements.filter((e) => e.competenceId === competenceId(id));
}

/** A competence's description, its tutorials (those of its skills, by level) and whether it may be reset. */
export async function competenceDetails(deps: { db: Db; clock: Clock; content: ContentIndex }, input: { userId: string; competenceId: string }): Promise<CompetenceDetails> {
  const competence = deps.content.competence(input.competenceId);
  if (!competence || competence.origin !== 'jalon') throw new AppError('COMPETENCE_NOT_FOUND');
  const elements = competenceElements(await profileElementsOf(deps.db, input.userId), competence.id);
  const saved = await savedTutorialIds(deps.db, input.userId);
  const tutorialIds = [
    ...new Set(
      deps.content
        .competenceSkills(competence.id)
        .slice()
        .sort((a, b) => a.level - b.level)
        .flatMap((skill) => skill.tutorials),
    ),
  ].slice(0, COMPETENCE_TUTORIALS);
  const now = epochMs(deps.clock.now().getTime());
  const moved = lastMovedAt(elements);
  const hasKnowledge = currentKnowledgeElements(elements).length > 0;
  const wait = moved === undefined ? undefined : waitingPeriod(moved, now, COMPETENCE_RESET_DELAY);
  return {
    id: competence.id,
    description: competence.description.fr,
    tutorials: tutorialIds.flatMap((id) => {
      const tutorial = deps.content.tutorial(id);
      return tutorial ? [{ ...tutorial, isSaved: saved.has(id) }] : [];
    }),
    canReset: canResetCompetence(elements, now),
    resetInSeconds: hasKnowledge && wait ? Math.ceil(wait.remaining / 1000) : null,
  };
}

/**
 * « Remettre à zéro » a competence (§5): a reset element for each current element of the
 * competence, 7 days after it last moved. Pix, level and certifiability from it disappear.
 */
export async function resetCompetence(deps: { db: Db; clock: Clock; content: ContentIndex }, input: { userId: string; competenceId: string }) {
  const competence = deps.content.competence(input.competenceId);
  if (!competence || competence.origin !== 'jalon') throw new AppError('COMPETENCE_NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    const elements = competenceElements(await profileElementsOf(tx, input.userId), competence.id);
    const now = epochMs(deps.clock.now().getTime());
    if (!canResetCompetence(elements, now)) throw new AppError('RESET_NOT_ALLOWED');
    const skills = new Set(elements.map((e) => e.skillId));
    await appendKnowledgeElements(tx, resetElements(elements, skills, now), { userId: input.userId, assessmentId: null, answerId: null, participationId: null }, (id) => deps.content.skill(id)?.tubeId ?? '');
  });
}
