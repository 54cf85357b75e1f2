import type { Certifiability, LoginMethod } from '@jalon/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';

/** The nightly certifiability of `learners-and-accounts.md` §1 is shown only where this toggle is on. */
const NIGHTLY_CERTIFIABILITY = 'COMPUTE_ORGANIZATION_LEARNER_CERTIFICABILITY';

/** One learner of the organization with what the lists and the learner page show of them. */
export interface LearnerFactsRow {
  id: string;
  first_name: string;
  middle_name: string | null;
  third_name: string | null;
  last_name: string;
  preferred_last_name: string | null;
  sort_key: string;
  birthdate: string | null;
  division: string | null;
  group: string | null;
  student_number: string | null;
  user_id: string | null;
  is_disabled: boolean;
  disabled_at: Date | string | null;
  has_email: boolean;
  has_username: boolean;
  has_mediacentre: boolean;
  is_blocked: boolean;
  participation_count: number;
  latest_id: string | null;
  latest_campaign_id: string | null;
  latest_campaign_name: string | null;
  latest_status: 'STARTED' | 'TO_SHARE' | 'SHARED' | null;
  latest_created_at: Date | string | null;
  latest_shared_at: Date | string | null;
  certifiability: Certifiability;
  certifiability_at: Date | string | null;
}

export interface LearnerScope {
  organizationId: string;
  now: Date;
  /** Learners absent from the last import are left out unless asked for. */
  includeDisabled: boolean;
  /** Only this learner (the learner page). */
  learnerId?: string;
  /** Conditions on the learner's own columns (`ol`): classes, groups, the names found by a search. */
  where?: SQL;
}

/** Whether the organization shows the nightly certifiability next to the sent profiles. */
export async function showsNightlyCertifiability(executor: Executor, organizationId: string): Promise<boolean> {
  const rows = await queryRows<{ found: number }>(
    executor,
    sql`select 1 as found from organization_features where organization_id = ${organizationId} and feature = ${NIGHTLY_CERTIFIABILITY}`,
  );
  return rows.length > 0;
}

/**
 * A `with` clause ending in `facts`: one row per live learner of the organization with their
 * login methods, blocked flag, participation count (neither improved nor deleted), latest
 * participation and certifiability. Certifiability is the more recent of the last sent profile
 * collection's value (at its sending) and, where the toggle is on, the nightly value (at
 * `certifiable_at`); neither → « Non disponible ».
 *
 * Shaped for a planner without statistics (PGlite is never analysed): it takes every table
 * for one row, so a join between two CTEs became a nested loop rescanning one for each row of
 * the other (9 million comparisons for 3,000 pupils). Here no CTE is joined to another: the
 * learners and their participations (found through the learner index, bound as one array) are
 * grouped together in one pass, only then each group looks its learner and account up by
 * primary key, and the facts are materialized so that the caller's filters on them cannot
 * reorder those joins. Conditions on the learner's own columns go in `scope.where`, before.
 */
export function learnerFacts(scope: LearnerScope, nightly: boolean): SQL {
  const { organizationId, now } = scope;
  const onlyLearner = scope.learnerId ? sql`and ol.id = ${scope.learnerId}` : sql``;
  const where = scope.where ? sql`and ${scope.where}` : sql``;
  const disabled = scope.includeDisabled ? sql`` : sql`and not ol.is_disabled`;
  const nightlyWins = nightly
    ? sql`ol.is_certifiable is not null and ol.certifiable_at is not null and (pl.sent_at is null or ol.certifiable_at > pl.sent_at)`
    : sql`false`;
  const sentProfile = sql`x.campaign_type = 'PROFILES_COLLECTION' and x.shared_at is not null and x.is_certifiable is not null`;
  const latest = (column: SQL) => sql`(array_agg(${column} order by x.created_at desc, x.participation_id desc) filter (where x.participation_id is not null))[1]`;
  return sql`with scope as materialized (
      select ol.id from organization_learners ol
      where ol.organization_id = ${organizationId} and ol.deleted_at is null ${disabled} ${onlyLearner} ${where}
    ), per_learner as materialized (
      select x.learner_id,
             count(*) filter (where x.participation_id is not null and not x.is_improved)::int as n,
             ${latest(sql`x.participation_id`)} as latest_id,
             ${latest(sql`x.campaign_id`)} as latest_campaign_id,
             ${latest(sql`x.campaign_name`)} as latest_campaign_name,
             ${latest(sql`x.status`)} as latest_status,
             max(x.created_at) as latest_created_at,
             ${latest(sql`x.shared_at`)} as latest_shared_at,
             (array_agg(x.is_certifiable order by x.shared_at desc, x.participation_id desc) filter (where ${sentProfile}))[1] as sent_is_certifiable,
             max(x.shared_at) filter (where ${sentProfile}) as sent_at
      from (
        select s.id as learner_id, null::uuid as participation_id, null::uuid as campaign_id, null::text as campaign_name,
               null::text as campaign_type, null::text as status, null::timestamptz as created_at, null::timestamptz as shared_at,
               null::boolean as is_improved, null::boolean as is_certifiable
        from scope s
        union all
        select p.organization_learner_id, p.id, c.id, c.name, c.type, p.status, p.created_at, p.shared_at, p.is_improved, p.is_certifiable
        from participations p join campaigns c on c.id = p.campaign_id
        where p.organization_learner_id = any(array(select id from scope)) and p.deleted_at is null
          and c.organization_id = ${organizationId} and c.deleted_at is null
      ) x
      group by x.learner_id
    ), facts as materialized (
      select ol.id, ol.first_name, ol.middle_name, ol.third_name, ol.last_name, ol.preferred_last_name, ol.sort_key,
             to_char(ol.birthdate, 'YYYY-MM-DD') as birthdate, ol.division, ol."group", ol.student_number, ol.user_id,
             ol.is_disabled, ol.disabled_at,
             coalesce(u.email is not null, false) as has_email,
             coalesce(u.username is not null, false) as has_username,
             exists (select 1 from authentication_methods am where am.user_id = ol.user_id and am.provider = 'MEDIACENTRE') as has_mediacentre,
             coalesce(u.blocked_at is not null or u.temporary_block_until > ${now.toISOString()}::timestamptz, false) as is_blocked,
             pl.n as participation_count,
             pl.latest_id, pl.latest_campaign_id, pl.latest_campaign_name, pl.latest_status, pl.latest_created_at, pl.latest_shared_at,
             case
               when ${nightlyWins} then case when ol.is_certifiable then 'CERTIFIABLE' else 'NOT_CERTIFIABLE' end
               when pl.sent_at is not null then case when pl.sent_is_certifiable then 'CERTIFIABLE' else 'NOT_CERTIFIABLE' end
               else 'UNAVAILABLE'
             end as certifiability,
             case when ${nightlyWins} then ol.certifiable_at else pl.sent_at end as certifiability_at
      from per_learner pl
      join organization_learners ol on ol.id = pl.learner_id
      left join users u on u.id = ol.user_id
    )`;
}

/** The login methods of a row, in the order the badges show them. */
export function loginMethodsOf(row: Pick<LearnerFactsRow, 'has_mediacentre' | 'has_username' | 'has_email'>): LoginMethod[] {
  const methods: LoginMethod[] = [];
  if (row.has_mediacentre) methods.push('mediacentre');
  if (row.has_username) methods.push('identifiant');
  if (row.has_email) methods.push('email');
  return methods;
}

export const iso = (value: Date | string) => new Date(value).toISOString();
