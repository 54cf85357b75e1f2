import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import { inIds, inList } from '../../platform/db/sql-lists';
import { AppError } from '../../platform/http/errors';
import { nameMatcher } from './search';

/** What every follow-up query needs to know about its campaign. */
export interface CampaignContext {
  id: string;
  type: 'ASSESSMENT' | 'PROFILES_COLLECTION' | 'EXAM';
  createdAt: Date;
  targetProfileId: string | null;
  timeZone: string;
  ownerId: string;
  /** The frozen campaign skills (none for a profile collection). */
  skills: { id: string; level: number }[];
}

export async function campaignContext(executor: Executor, campaignId: string): Promise<CampaignContext> {
  const [row] = await queryRows<{
    id: string;
    type: CampaignContext['type'];
    created_at: Date | string;
    target_profile_id: string | null;
    time_zone: string;
    owner_id: string;
  }>(
    executor,
    sql`select c.id, c.type, c.created_at, c.target_profile_id, o.time_zone, c.owner_id
        from campaigns c join organizations o on o.id = c.organization_id
        where c.id = ${campaignId} and c.deleted_at is null`,
  );
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND');
  const skills = await queryRows<{ skill_id: string; level: number }>(
    executor,
    sql`select skill_id, level from campaign_skills where campaign_id = ${campaignId} order by skill_id collate "C"`,
  );
  return {
    id: row.id,
    type: row.type,
    createdAt: new Date(row.created_at),
    targetProfileId: row.target_profile_id,
    timeZone: row.time_zone,
    ownerId: row.owner_id,
    skills: skills.map((s) => ({ id: s.skill_id, level: Number(s.level) })),
  };
}

/** The class, group and name conditions shared by both tabs, on `ol` (organization_learners). */
export async function learnerConditions(
  executor: Executor,
  campaignId: string,
  filters: { divisions: string[]; groups: string[]; search: string },
): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filters.divisions.length > 0) conditions.push(inList(sql`ol.division`, filters.divisions));
  if (filters.groups.length > 0) conditions.push(inList(sql`ol."group"`, filters.groups));
  if (filters.search !== '') {
    const ids = await searchLearners(executor, campaignId, filters.search);
    conditions.push(ids.length === 0 ? sql`false` : inIds(sql`ol.id`, ids));
  }
  return conditions;
}

/** The campaign's participants whose name matches the search (see `search.ts`). */
async function searchLearners(executor: Executor, campaignId: string, search: string): Promise<string[]> {
  const rows = await queryRows<{ id: string; first_name: string; last_name: string }>(
    executor,
    sql`select ol.id, ol.first_name, ol.last_name
        from organization_learners ol
        where ol.id in (select organization_learner_id from participations where campaign_id = ${campaignId} and deleted_at is null)`,
  );
  const matches = nameMatcher(search);
  return rows.filter((row) => matches(row.first_name, row.last_name)).map((row) => row.id);
}

export const whereAll = (conditions: SQL[]): SQL => (conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `));

export const iso = (value: Date | string) => new Date(value).toISOString();
