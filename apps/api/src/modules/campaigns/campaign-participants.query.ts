import type { CampaignParticipant, CampaignParticipantsPage } from '@jalon/contracts';
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';

interface ParticipantRow {
  participation_id: string;
  organization_learner_id: string;
  first_name: string;
  last_name: string;
  participant_external_id: string | null;
  status: CampaignParticipant['status'];
  created_at: Date | string;
  shared_at: Date | string | null;
  total: number | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * The « Participants » tab, minimal: one row per learner with their latest live
 * participation (`analytics-and-exports.md` §1: learners, never participations), in the
 * stored name order compared byte-wise so PGlite and PostgreSQL agree.
 */
export async function listCampaignParticipants(
  executor: Executor,
  campaignId: string,
  page: { page: number; pageSize: number },
): Promise<CampaignParticipantsPage> {
  const rows = await queryRows<ParticipantRow>(
    executor,
    sql`
      with latest as (
        select distinct on (p.organization_learner_id) p.*
        from participations p
        where p.campaign_id = ${campaignId} and p.deleted_at is null
        order by p.organization_learner_id, p.created_at desc, p.id desc
      )
      select l.id as participation_id, l.organization_learner_id, ol.first_name, ol.last_name,
             l.participant_external_id, l.status, l.created_at, l.shared_at,
             count(*) over () as total
      from latest l
      join organization_learners ol on ol.id = l.organization_learner_id
      order by ol.sort_key collate "C", ol.id
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  const items: CampaignParticipant[] = rows.map((row) => ({
    participationId: row.participation_id,
    organizationLearnerId: row.organization_learner_id,
    firstName: row.first_name,
    lastName: row.last_name,
    participantExternalId: row.participant_external_id,
    status: row.status,
    createdAt: iso(row.created_at),
    sharedAt: row.shared_at === null ? null : iso(row.shared_at),
  }));
  const total = rows[0] ? Number(rows[0].total) : await countLearners(executor, campaignId);
  return { items, page: page.page, pageSize: page.pageSize, total };
}

/** A page past the end has no row to carry the total. */
async function countLearners(executor: Executor, campaignId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    executor,
    sql`select count(distinct organization_learner_id) as n from participations where campaign_id = ${campaignId} and deleted_at is null`,
  );
  return Number(row?.n ?? 0);
}
