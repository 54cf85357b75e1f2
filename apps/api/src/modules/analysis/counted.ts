import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';

export interface ClassFilter {
  divisions: readonly string[];
  groups: readonly string[];
}

/**
 * A list bound as one JSON parameter: the same statement on PGlite and PostgreSQL whatever
 * its length, where a parameter per item would meet the driver's limit.
 */
function jsonList(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

function classCondition(filter: ClassFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.divisions.length > 0) conditions.push(sql`ol.division in ${jsonList(filter.divisions)}`);
  if (filter.groups.length > 0) conditions.push(sql`ol."group" in ${jsonList(filter.groups)}`);
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

/**
 * The participations every result view counts (`analytics-and-exports.md` §1): per learner,
 * the latest shared and non-deleted one — a retry still running leaves the previous sending
 * counted — of learners whose current class or group passes the filter. A subquery of `id`.
 */
export function countedParticipations(campaignId: string, filter: ClassFilter): SQL {
  return sql`(
    select distinct on (p.organization_learner_id) p.id
    from participations p
    join organization_learners ol on ol.id = p.organization_learner_id
    where p.campaign_id = ${campaignId} and p.status = 'SHARED' and p.deleted_at is null and ${classCondition(filter)}
    order by p.organization_learner_id, p.shared_at desc, p.id desc
  )`;
}

/** The classes and groups of the learners who sent, unfiltered, byte-wise sorted: the filter's choices. */
export async function classesOfSenders(executor: Executor, campaignId: string): Promise<{ divisions: string[]; groups: string[] }> {
  const rows = await queryRows<{ kind: 'division' | 'group'; value: string }>(
    executor,
    sql`with l as (
          select distinct ol.division, ol."group"
          from participations p join organization_learners ol on ol.id = p.organization_learner_id
          where p.campaign_id = ${campaignId} and p.status = 'SHARED' and p.deleted_at is null
        )
        select kind, value from (
          select 'division' as kind, division as value from l where division is not null
          union
          select 'group' as kind, "group" as value from l where "group" is not null
        ) u
        order by kind, value collate "C"`,
  );
  return {
    divisions: rows.filter((r) => r.kind === 'division').map((r) => r.value),
    groups: rows.filter((r) => r.kind === 'group').map((r) => r.value),
  };
}

/** How many learners hold each standing in each tube: the hardest validated level and the count validated. */
export interface StandingCount {
  tubeId: string;
  reached: number;
  validated: number;
  learners: number;
}

/**
 * Standings per tube of a set of participations, from their validated snapshot elements on
 * the campaign's skills, grouped so that the result stays small however many learners sent:
 * a learner with nothing validated in a tube has no row for it.
 */
export async function standingCounts(executor: Executor, campaignId: string, participationIds: SQL): Promise<StandingCount[]> {
  const rows = await queryRows<{ tube_id: string; reached: number | string; validated: number | string; learners: number | string }>(
    executor,
    sql`with standing as (
          select cs.tube_id, max(cs.level) as reached, count(*) as validated
          from snapshot_knowledge_elements s
          join campaign_skills cs on cs.campaign_id = ${campaignId} and cs.skill_id = s.skill_id
          where s.participation_id in ${participationIds} and s.status = 'validated'
          group by s.participation_id, cs.tube_id
        )
        select tube_id, reached, validated, count(*) as learners from standing group by tube_id, reached, validated`,
  );
  return rows.map((r) => ({ tubeId: r.tube_id, reached: Number(r.reached), validated: Number(r.validated), learners: Number(r.learners) }));
}

export async function countOf(executor: Executor, participationIds: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(executor, sql`select count(*) as n from ${participationIds} c`);
  return Number(row?.n ?? 0);
}
