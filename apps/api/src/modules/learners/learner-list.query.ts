import type { LearnerClasses, LearnerRow, LearnersPage, LearnersQueryValues, LoginMethodFilter } from '@jalon/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import { inIds, inList } from '../../platform/db/sql-lists';
import { nameMatcher } from '../follow-up';
import { iso, learnerFacts, loginMethodsOf, showsNightlyCertifiability, type LearnerFactsRow, type LearnerScope } from './learner-facts';

const LOGIN_METHOD_CONDITIONS: Record<LoginMethodFilter, SQL> = {
  none: sql`not f.has_email and not f.has_username and not f.has_mediacentre`,
  identifiant: sql`f.has_username`,
  email: sql`f.has_email`,
  mediacentre: sql`f.has_mediacentre`,
  without_mediacentre: sql`not f.has_mediacentre`,
};

/** Every order ends on the stored name key (byte-wise) and the id, so pages never overlap. */
function orderBy(query: LearnersQueryValues): SQL {
  const direction = query.order === 'desc' ? sql`desc` : sql`asc`;
  const byName = sql`f.sort_key collate "C" ${direction}, f.id ${direction}`;
  switch (query.sort) {
    case 'name':
      return byName;
    case 'division':
      return sql`f.division collate "C" ${direction} nulls last, f.sort_key collate "C", f.id`;
    case 'participations':
      return sql`f.participation_count ${direction}, f.sort_key collate "C", f.id`;
    case 'lastParticipation':
      return sql`f.latest_created_at ${direction} nulls last, f.sort_key collate "C", f.id`;
  }
}

/**
 * « Élèves » / « Étudiants » / « Participants » (`learners-and-accounts.md` §1): the
 * organization's live learners, filtered, sorted and paginated, with the total.
 */
export async function listLearners(executor: Executor, organizationId: string, query: LearnersQueryValues, now: Date): Promise<LearnersPage> {
  const includeDisabled = query.disabled === 'show';
  // Conditions on the learner's own columns narrow the scope before anything is computed…
  const own: SQL[] = [];
  if (query.divisions.length > 0) own.push(inList(sql`ol.division`, query.divisions));
  if (query.groups.length > 0) own.push(inList(sql`ol."group"`, query.groups));
  if (query.search !== '') {
    const ids = await searchLearners(executor, organizationId, query.search, includeDisabled);
    own.push(ids.length === 0 ? sql`false` : inIds(sql`ol.id`, ids));
  }
  // …those on computed facts filter the facts.
  const computed: SQL[] = [];
  if (query.loginMethod) computed.push(LOGIN_METHOD_CONDITIONS[query.loginMethod]);
  if (query.certifiability.length > 0) computed.push(inList(sql`f.certifiability`, query.certifiability));
  const nightly = await showsNightlyCertifiability(executor, organizationId);
  const scope = { organizationId, now, includeDisabled, ...(own.length > 0 ? { where: sql.join(own, sql` and `) } : {}) };
  const where = computed.length === 0 ? sql`true` : sql.join(computed, sql` and `);
  const rows = await queryRows<LearnerFactsRow & { total: number }>(
    executor,
    sql`${learnerFacts(scope, nightly)}
        select f.*, count(*) over () as total from facts f
        where ${where}
        order by ${orderBy(query)}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const total = rows[0] ? Number(rows[0].total) : await countLearners(executor, scope, nightly, where);
  return { items: rows.map(toRow), page: query.page, pageSize: query.pageSize, total };
}

/** The total when the page asked for is past the end (no row carries it). */
async function countLearners(executor: Executor, scope: LearnerScope, nightly: boolean, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(executor, sql`${learnerFacts(scope, nightly)} select count(*)::int as n from facts f where ${where}`);
  return Number(row?.n ?? 0);
}

function toRow(row: LearnerFactsRow): LearnerRow {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    birthdate: row.birthdate,
    division: row.division,
    group: row.group,
    studentNumber: row.student_number,
    hasAccount: row.user_id !== null,
    loginMethods: loginMethodsOf(row),
    participationCount: Number(row.participation_count),
    latestParticipation:
      row.latest_id === null
        ? null
        : {
            id: row.latest_id,
            campaignId: row.latest_campaign_id!,
            campaignName: row.latest_campaign_name!,
            status: row.latest_status!,
            createdAt: iso(row.latest_created_at!),
            sharedAt: row.latest_shared_at === null ? null : iso(row.latest_shared_at),
          },
    certifiability: row.certifiability,
    isBlocked: row.is_blocked,
    isDisabled: row.is_disabled,
  };
}

/**
 * The learners whose name matches, as the follow-up searches (t1 containment or trigram
 * similarity, computed in TypeScript so both engines agree); the usage name counts too.
 */
async function searchLearners(executor: Executor, organizationId: string, search: string, includeDisabled: boolean): Promise<string[]> {
  const rows = await queryRows<{ id: string; first_name: string; last_name: string; preferred_last_name: string | null }>(
    executor,
    sql`select id, first_name, last_name, preferred_last_name from organization_learners
        where organization_id = ${organizationId} and deleted_at is null ${includeDisabled ? sql`` : sql`and not is_disabled`}`,
  );
  const matches = nameMatcher(search);
  return rows
    .filter((row) => matches(row.first_name, row.last_name) || (row.preferred_last_name !== null && matches(row.first_name, row.preferred_last_name)))
    .map((row) => row.id);
}

/** The classes (SCO) and groups (SUP) of the organization's current learners, for the filters. */
export async function learnerClasses(executor: Executor, organizationId: string): Promise<LearnerClasses> {
  const rows = await queryRows<{ kind: 'division' | 'group'; name: string }>(
    executor,
    sql`select kind, name from (
          select distinct 'division' as kind, division as name from organization_learners
          where organization_id = ${organizationId} and deleted_at is null and not is_disabled and division is not null
          union
          select distinct 'group', "group" from organization_learners
          where organization_id = ${organizationId} and deleted_at is null and not is_disabled and "group" is not null
        ) c
        order by kind, name collate "C"`,
  );
  return {
    divisions: rows.filter((row) => row.kind === 'division').map((row) => row.name),
    groups: rows.filter((row) => row.kind === 'group').map((row) => row.name),
  };
}
