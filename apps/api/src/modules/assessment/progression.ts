import { competenceId, currentKnowledgeElements, epochMs, keptByForgettingRule, pix, skillId, type StoredKnowledgeElement } from '@jalon/engine';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import { inIds } from '../../platform/db/sql-lists';

/** An unsent participation whose progression is asked: its owner and when it started. */
export interface ProgressingParticipation {
  readonly id: string;
  readonly userId: string;
  readonly startedAt: Date;
}

/**
 * How many of a campaign's skills each unsent participation has tested: the learner's current
 * knowledge on those skills (an EXAM: the participation's own) kept by the 4-day rule relative
 * to the participation's start (`scoring-and-algorithm.md` §4). Progression, the one figure
 * Orga reads live (« Participants », the export's `% de progression`, a participant page), is
 * this count over the campaign's skills. One query for all the participations given.
 */
export async function testedCampaignSkills(
  executor: Executor,
  campaign: { readonly id: string; readonly type: string },
  started: readonly ProgressingParticipation[],
): Promise<Map<string, number>> {
  if (started.length === 0) return new Map();
  const isExam = campaign.type === 'EXAM';
  const rows = await queryRows<{ owner: string; id: number; skill_id: string; competence_id: string; status: StoredKnowledgeElement['status']; created_at: Date | string }>(
    executor,
    // An EXAM's rows are reached through its assessments, which are indexed by participation.
    isExam
      ? sql`select a.participation_id::text as owner, ke.id, ke.skill_id, ke.competence_id, ke.status, ke.created_at
            from assessments a
            join knowledge_elements ke on ke.assessment_id = a.id and ke.participation_id = a.participation_id
            where ${inIds(sql`a.participation_id`, started.map((p) => p.id))}
              and ke.skill_id in (select skill_id from campaign_skills where campaign_id = ${campaign.id})`
      : sql`select ke.user_id::text as owner, ke.id, ke.skill_id, ke.competence_id, ke.status, ke.created_at
            from knowledge_elements ke
            where ${inIds(sql`ke.user_id`, started.map((p) => p.userId))} and ke.participation_id is null
              and ke.skill_id in (select skill_id from campaign_skills where campaign_id = ${campaign.id})`,
  );
  const byOwner = new Map<string, StoredKnowledgeElement[]>();
  for (const row of rows) {
    const list = byOwner.get(row.owner) ?? [];
    list.push({
      id: Number(row.id),
      createdAt: epochMs(new Date(row.created_at).getTime()),
      skillId: skillId(row.skill_id),
      competenceId: competenceId(row.competence_id),
      source: 'direct',
      status: row.status,
      earnedPix: pix(0),
      participationId: isExam ? row.owner : null,
    });
    byOwner.set(row.owner, list);
  }
  return new Map(
    started.map((participation) => {
      const own = byOwner.get(isExam ? participation.id : participation.userId) ?? [];
      const current = currentKnowledgeElements(own, isExam ? 'participation' : 'profile');
      const kept = keptByForgettingRule(current, epochMs(participation.startedAt.getTime()));
      return [participation.id, new Set(kept.map((e) => e.skillId)).size];
    }),
  );
}
