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
 * The organization's participations are read once (`live`), then grouped per learner: no
 * correlated subquery per row, which a planner without statistics (PGlite) would repeat.
 */
export function learnerFacts(scope: LearnerScope, nightly: boolean): SQL {
  const { organizationId, now } = scope;
  const onlyLearner = scope.learnerId ? sql`and ol.id = ${scope.learnerId}` : sql``;
  const onlyLearnerParticipations = scope.learnerId ? sql`and p.organization_learner_id = ${scope.learnerId}` : sql``;
  const disabled = scope.includeDisabled ? sql`` : sql`and not ol.is_disabled`;
  const nightlyWins = nightly
    ? sql`l.is_certifiable is not null and l.certifiable_at is not null and (s.shared_at is null or l.certifiable_at > s.shared_at)`
    : sql`false`;
  return sql`with learners as materialized (
      select ol.id, ol.first_name, ol.middle_name, ol.third_name, ol.last_name, ol.preferred_last_name, ol.sort_key,
             to_char(ol.birthdate, 'YYYY-MM-DD') as birthdate, ol.division, ol."group", ol.student_number, ol.user_id,
             ol.is_disabled, ol.disabled_at, ol.is_certifiable, ol.certifiable_at,
             coalesce(u.email is not null, false) as has_email,
             coalesce(u.username is not null, false) as has_username,
             coalesce(u.blocked_at is not null or u.temporary_block_until > ${now.toISOString()}::timestamptz, false) as is_blocked
      from organization_learners ol left join users u on u.id = ol.user_id
      where ol.organization_id = ${organizationId} and ol.deleted_at is null ${disabled} ${onlyLearner}
    ), mediacentre as materialized (
      select distinct am.user_id from authentication_methods am join learners l on l.user_id = am.user_id
      where am.provider = 'MEDIACENTRE'
    ), live as materialized (
      select p.id, p.organization_learner_id, p.campaign_id, c.name as campaign_name, c.type as campaign_type,
             p.status, p.created_at, p.shared_at, p.is_improved, p.is_certifiable
      from participations p join campaigns c on c.id = p.campaign_id
      where c.organization_id = ${organizationId} and c.deleted_at is null and p.deleted_at is null ${onlyLearnerParticipations}
    ), counts as (
      select organization_learner_id, count(*) filter (where not is_improved)::int as n from live group by 1
    ), latest as (
      select distinct on (organization_learner_id) organization_learner_id, id, campaign_id, campaign_name, status, created_at, shared_at
      from live order by organization_learner_id, created_at desc, id desc
    ), sent_profile as (
      select distinct on (organization_learner_id) organization_learner_id, is_certifiable, shared_at
      from live where campaign_type = 'PROFILES_COLLECTION' and shared_at is not null and is_certifiable is not null
      order by organization_learner_id, shared_at desc, id desc
    ), facts as (
      select l.id, l.first_name, l.middle_name, l.third_name, l.last_name, l.preferred_last_name, l.sort_key, l.birthdate,
             l.division, l."group", l.student_number, l.user_id, l.is_disabled, l.disabled_at,
             l.has_email, l.has_username, m.user_id is not null as has_mediacentre, l.is_blocked,
             coalesce(n.n, 0) as participation_count,
             la.id as latest_id, la.campaign_id as latest_campaign_id, la.campaign_name as latest_campaign_name,
             la.status as latest_status, la.created_at as latest_created_at, la.shared_at as latest_shared_at,
             case
               when ${nightlyWins} then case when l.is_certifiable then 'CERTIFIABLE' else 'NOT_CERTIFIABLE' end
               when s.shared_at is not null then case when s.is_certifiable then 'CERTIFIABLE' else 'NOT_CERTIFIABLE' end
               else 'UNAVAILABLE'
             end as certifiability,
             case when ${nightlyWins} then l.certifiable_at else s.shared_at end as certifiability_at
      from learners l
      left join mediacentre m on m.user_id = l.user_id
      left join counts n on n.organization_learner_id = l.id
      left join latest la on la.organization_learner_id = l.id
      left join sent_profile s on s.organization_learner_id = l.id
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
