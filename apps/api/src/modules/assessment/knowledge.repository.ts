import {
  competenceId,
  epochMs,
  pix,
  skillId,
  type KnowledgeElementDraft,
  type StoredKnowledgeElement,
} from '@jalon/engine';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { knowledgeElements } from './schema';

export type KnowledgeElementRow = typeof knowledgeElements.$inferSelect;

/** A stored row in the engine's shape, keeping the row for what the engine ignores (tube). */
export function toStored(row: KnowledgeElementRow): StoredKnowledgeElement & { tubeId: string; assessmentId: string | null } {
  return {
    id: row.id,
    createdAt: epochMs(row.createdAt.getTime()),
    skillId: skillId(row.skillId),
    competenceId: competenceId(row.competenceId),
    source: row.source === 'inferred' ? 'inferred' : 'direct',
    inference: row.inference === 'rule' || row.inference === 'model' ? row.inference : null,
    status: row.status === 'validated' || row.status === 'invalidated' ? row.status : 'reset',
    earnedPix: pix(row.earnedPix),
    participationId: row.participationId,
    tubeId: row.tubeId,
    assessmentId: row.assessmentId,
  };
}

/** Every profile knowledge element of a user (EXAM rows excluded), oldest first. */
export async function profileElementsOf(executor: Executor, userId: string) {
  const rows = await executor
    .select()
    .from(knowledgeElements)
    .where(and(eq(knowledgeElements.userId, userId), isNull(knowledgeElements.participationId)))
    .orderBy(asc(knowledgeElements.createdAt), asc(knowledgeElements.id));
  return rows.map(toStored);
}

/** The knowledge elements of one EXAM participation. */
export async function participationElementsOf(executor: Executor, participationId: string) {
  const rows = await executor
    .select()
    .from(knowledgeElements)
    .where(eq(knowledgeElements.participationId, participationId))
    .orderBy(asc(knowledgeElements.createdAt), asc(knowledgeElements.id));
  return rows.map(toStored);
}

export async function appendKnowledgeElements(
  executor: Executor,
  drafts: readonly KnowledgeElementDraft[],
  owner: { userId: string; assessmentId: string | null; answerId: string | null; participationId: string | null },
  tubeOf: (skillId: string) => string,
): Promise<ReturnType<typeof toStored>[]> {
  if (drafts.length === 0) return [];
  const rows = await executor.insert(knowledgeElements).values(
    drafts.map((d) => ({
      createdAt: new Date(d.createdAt),
      userId: owner.userId,
      assessmentId: owner.assessmentId,
      answerId: owner.answerId,
      participationId: owner.participationId,
      skillId: d.skillId,
      tubeId: tubeOf(d.skillId),
      competenceId: d.competenceId,
      source: d.source,
      inference: d.inference ?? null,
      status: d.status,
      earnedPix: d.earnedPix,
    })),
  ).returning();
  return rows.map(toStored);
}
